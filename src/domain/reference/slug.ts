import { municipalities, type Municipality } from "./sweden.ts";

/**
 * The URL slug of a kommun's public page (`/kommun/:slug`): lower case, å/ä → a, ö → o, other
 * diacritics stripped, spaces and other separators → "-". "Västerås" → "vasteras",
 * "Upplands Väsby" → "upplands-vasby", "Malung-Sälen" → "malung-salen".
 */
export function kommunSlug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const bySlug = new Map(municipalities.map((m) => [kommunSlug(m.name), m]));

/** The kommun whose public page a slug names, or undefined. */
export function municipalityBySlug(slug: string): Municipality | undefined {
  return bySlug.get(slug);
}
