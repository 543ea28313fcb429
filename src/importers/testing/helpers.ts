/** Small helpers for the importer's tests. */
import { importDocument } from "../index.ts";
import type { ImportDraft, ImportOptions } from "../types.ts";

export function importText(text: string, options?: ImportOptions): Promise<ImportDraft> {
  return importDocument({ bytes: new TextEncoder().encode(text) }, options);
}

/** The text a provenance entry points at. */
export function spanText(draft: ImportDraft, path: string): string | undefined {
  const field = draft.fields.find((f) => f.path === path);
  return field ? draft.text.slice(field.start, field.end) : undefined;
}
