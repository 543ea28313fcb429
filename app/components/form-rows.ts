import { AppError } from "../../src/errors.ts";
import type { FormErrors } from "../lib/http.ts";

/**
 * Like formRows, but remembers each kept row's index in the form, so a service error on
 * `parties.1.organisationId` (the second kept row) can point at the field the user actually filled.
 */
export function indexedRows(form: FormData, prefix: string): { rows: Record<string, string>[]; indices: number[] } {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || !key.startsWith(`${prefix}.`)) continue;
    const [index, ...rest] = key.slice(prefix.length + 1).split(".");
    const n = Number(index);
    if (!Number.isInteger(n) || n < 0 || n > 1000) continue;
    const row = rows.get(n) ?? {};
    row[rest.join(".")] = value;
    rows.set(n, row);
  }
  const kept = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .filter(
      ([, row]) =>
        row.remove !== "on" && Object.entries(row).some(([k, v]) => k !== "remove" && k !== "id" && v.trim() !== ""),
    );
  return { rows: kept.map(([, row]) => row), indices: kept.map(([n]) => n) };
}

/** Rewrites error paths from the service's numbering (kept rows) back to the form's row numbers. */
export async function withRowPaths<T>(
  fn: () => Promise<T>,
  remap: Record<string, number[]>,
  /** Applied first: points errors on parts without a field of their own at one that has one. */
  rename: (path: string) => string = (path) => path,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields.length) throw e;
    const fields = e.fields.map((original) => {
      const f = { ...original, path: rename(original.path) };
      const m = /^(\w+)\.(\d+)(\..*)?$/.exec(f.path);
      const indices = m ? remap[m[1]!] : undefined;
      if (!m || !indices) return f;
      const row = indices[Number(m[2])];
      return row === undefined ? f : { ...f, path: `${m[1]}.${row}${m[3] ?? ""}` };
    });
    throw new AppError(e.code, e.messageKey, { fields, params: e.params, cause: e });
  }
}

/** Every string the user posted, to fill the form again after an error (never files or passwords). */
export function postedValues(form: FormData, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !omit.includes(k)) values[k] = v;
  return values;
}

/** The value to show in a field: what the user posted when the form came back with errors, else the stored one. */
export function shown(errors: FormErrors | undefined, name: string, stored: string | null | undefined): string {
  const posted = errors?.values?.[name];
  return typeof posted === "string" ? posted : (stored ?? "");
}

/** A checkbox's state: posted state after an error (unchecked boxes are absent), else the stored one. */
export function shownChecked(errors: FormErrors | undefined, name: string, stored: boolean): boolean {
  if (errors?.values) return errors.values[name] === "on";
  return stored;
}

/** Lines of a textarea, trimmed, blank lines dropped. */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
