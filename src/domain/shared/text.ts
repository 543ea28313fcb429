import { z } from "zod";
import { isIsoDate } from "./dates.ts";

/** Trimmed text with a length limit; the messages are i18n keys. */
export const text = (max: number) => z.string().trim().max(max, { message: "validation.tooLong" });
export const requiredText = (max: number) => text(max).min(1, { message: "validation.required" });
export const isoDate = z.string().refine(isIsoDate, { message: "validation.date" });
/** An optional date from a form: "" means none. */
export const optionalIsoDate = z
  .union([z.literal(""), isoDate, z.null()])
  .optional()
  .transform((v) => (v ? v : null));
export const uuidSchema = z.uuid({ message: "validation.id" });
/** An optional id from a form or JSON: "" and null mean none. */
export const optionalUuid = z
  .union([uuidSchema, z.literal(""), z.null()])
  .optional()
  .transform((v) => v || null);

/** An id from a URL is checked before it reaches the database: a malformed one is simply not found. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Swedish personal identity numbers must not be stored in free text (GDPR, DOMAIN.md §4). */
const PERSONNUMMER = /(?<!\d)(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)/g;

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** Finds personnummer and samordningsnummer (day + 60) with a valid check digit. */
export function findPersonalIdentityNumbers(value: string): string[] {
  const found: string[] = [];
  for (const m of value.matchAll(PERSONNUMMER)) {
    const [, yy, mm, dd, last4] = m as unknown as [string, string, string, string, string];
    const month = Number(mm);
    const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (luhnOk(`${yy}${mm}${dd}${last4}`)) found.push(m[0]);
  }
  return found;
}

/** Free text that refuses personal identity numbers. */
export const freeText = (max: number) =>
  text(max).refine((v) => findPersonalIdentityNumbers(v).length === 0, {
    message: "validation.personalIdentityNumber",
  });
export const requiredFreeText = (max: number) =>
  freeText(max).refine((v) => v.length > 0, { message: "validation.required" });
