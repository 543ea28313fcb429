/**
 * The document-import engine: bytes in, a reviewable draft out. No database, no environment, no
 * console: the web app (POST /api/v1/imports), the CLI and the bench all call `importDocument`.
 *
 * Failures the user can act on (empty file, too large, not a document, no text layer, zip bomb,
 * time-out) are thrown as `ImportError` with a code and a plain message; everything else the
 * document lacks is a warning in the draft.
 */
import { analyse } from "./analyse.ts";
import { detectFormat } from "./formats/detect.ts";
import { loadSwedishWordList } from "./normalise/dictionary.ts";
import { prepareText } from "./normalise/normalise.ts";
import { referenceNames } from "./rules/parties.ts";
import type { ImportDraft, ImportInput, ImportOptions, ImportWarning } from "./types.ts";
import { ImportError } from "./types.ts";

export { ImportDraftSchema, ImportError } from "./types.ts";
export type { ImportDraft, ImportInput, ImportOptions } from "./types.ts";

export const defaultImportLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxPages: 300,
  pdfTimeoutMs: 20_000,
} as const;

let names: Set<string> | undefined;

export async function importDocument(input: ImportInput, options: ImportOptions = {}): Promise<ImportDraft> {
  const limits = { ...defaultImportLimits, ...options };
  const { bytes } = input;
  if (bytes.length > limits.maxBytes)
    throw new ImportError(
      "too_large",
      `the file is ${(bytes.length / 1_048_576).toFixed(1)} MB; the limit is ${(limits.maxBytes / 1_048_576).toFixed(0)} MB`,
    );
  const detected = detectFormat(bytes);
  const warnings: ImportWarning[] = [];
  let markup: string;
  let pages: number | null = null;
  switch (detected.format) {
    case "pdf": {
      const { pdfToMarkup } = await import("./formats/pdf.ts");
      const result = await pdfToMarkup(bytes, { maxPages: limits.maxPages, timeoutMs: limits.pdfTimeoutMs });
      markup = result.markup;
      pages = result.pages;
      if (result.truncated)
        warnings.push({
          code: "pages_truncated",
          message: `only the first ${limits.maxPages} of ${result.pages} pages were read`,
        });
      break;
    }
    case "docx": {
      const { docxToMarkup } = await import("./formats/docx.ts");
      const result = await docxToMarkup(bytes, limits.maxUncompressedBytes);
      markup = result.markup;
      for (const message of result.warnings.slice(0, 5)) warnings.push({ code: "docx_conversion", message });
      break;
    }
    case "html": {
      const { htmlToMarkup } = await import("./formats/html.ts");
      markup = htmlToMarkup(detected.text ?? "");
      break;
    }
    case "markdown":
    case "text":
      markup = detected.text ?? "";
      break;
  }
  if (!markup.trim()) throw new ImportError("empty", "the document contains no text");
  const ocrRepair = options.ocrRepair !== false;
  const words = ocrRepair ? await loadSwedishWordList() : null;
  names ??= referenceNames();
  const prepared = prepareText(markup, { words, names, ocrRepair });
  return analyse(prepared, { format: detected.format, bytes: bytes.length, pages, warnings });
}
