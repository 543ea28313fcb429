import { data, redirect } from "react-router";
import { AppError } from "../../src/errors.ts";
import type { ServiceContext } from "../../src/services/core/context.ts";

/** Loaders call this first on pages that need a signed-in user: anonymous visitors go to sign-in. */
export function requireSignedIn(ctx: ServiceContext, request: Request) {
  if (!ctx.actor) {
    const url = new URL(request.url);
    throw redirect(`/logga-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return ctx.actor;
}

/** Runs a service call in a loader; NOT_FOUND and FORBIDDEN become the error pages, not a 500. */
export async function load<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN" || e.code === "UNAUTHENTICATED"))
      throw data({ messageKey: e.messageKey }, { status: e.status });
    throw e;
  }
}

export interface FormErrors {
  /** Field path → i18n key. */
  fields: Record<string, string>;
  /** A message for the whole form (conflict, forbidden). */
  form?: string;
  values?: Record<string, unknown>;
}

/**
 * Runs a service call in an action. Validation errors, conflicts and refusals come back as form
 * errors (status 400/409/403) for the error summary; anything else propagates to the error page.
 */
export async function act<T>(
  fn: () => Promise<T>,
  values?: Record<string, unknown>,
): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof data<{ errors: FormErrors }>> }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (!(e instanceof AppError) || e.code === "INTERNAL") throw e;
    const fields: Record<string, string> = {};
    for (const f of e.fields) fields[f.path || "form"] ??= f.message;
    const form = e.fields.length ? undefined : e.messageKey;
    return { ok: false, response: data({ errors: { fields, form, values } }, { status: e.status }) };
  }
}

export function formString(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

export function formBool(form: FormData, name: string): boolean {
  const v = form.get(name);
  return v === "on" || v === "true" || v === "1";
}

/**
 * Reads repeated rows named `prefix.N.field` into an array, in index order, dropping rows whose
 * fields are all empty (the blank rows a no-JavaScript form offers for adding) or marked removed.
 */
export function formRows(form: FormData, prefix: string): Record<string, string>[] {
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
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, row]) => row)
    .filter((row) => row.remove !== "on" && Object.entries(row).some(([k, v]) => k !== "remove" && v.trim() !== ""));
}
