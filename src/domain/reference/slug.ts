import { countyByCode, municipalities, municipalityByCode, type Municipality } from "./sweden.ts";

/**
 * A name folded for a URL: lower case, å/ä → a, ö → o, other diacritics stripped, spaces and other
 * separators → "-". "Västerås" → "vasteras", "Upplands Väsby" → "upplands-vasby",
 * "Malung-Sälen" → "malung-salen".
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

/**
 * Folding makes two of the 290 names meet: Habo (Jönköpings län) and Håbo (Uppsala län) both fold to
 * "habo". The name that is already plain keeps the plain slug; the one that lost its diacritics gets
 * its län added ("habo-uppsala-lan"), so every kommun has one stable, readable address.
 */
function slugsOf(all: readonly Municipality[]): Map<string, string> {
  const groups = new Map<string, Municipality[]>();
  for (const m of all) groups.set(kommunSlug(m.name), [...(groups.get(kommunSlug(m.name)) ?? []), m]);
  const out = new Map<string, string>();
  for (const [plain, group] of groups) {
    for (const m of group) {
      const folded = group.length > 1 && m.name.toLowerCase() !== plain.replace(/-/g, " ");
      const county = countyByCode(m.countyCode)?.name ?? m.code;
      out.set(m.code, folded ? `${plain}-${kommunSlug(county)}` : plain);
    }
  }
  return out;
}

const slugByCode = slugsOf(municipalities);
const codeBySlug = new Map([...slugByCode].map(([code, slug]) => [slug, code]));

/** The slug of a kommun's public page, by SCB code (undefined for an unknown code). */
export function slugForMunicipalityCode(code: string): string | undefined {
  return slugByCode.get(code);
}

/** The kommun whose public page a slug names, or undefined. */
export function municipalityBySlug(slug: string): Municipality | undefined {
  const code = codeBySlug.get(slug);
  return code ? municipalityByCode(code) : undefined;
}
