/**
 * Signatories and the signing place and date. A signatory is a person's name next to an official
 * title: in a signature block (name line, title line, organisation lines), or in running text
 * ("Anders Teljebäck, kommunstyrelsens ordförande och Linda Hedmark, tf lokalpolisområdeschef
 * Västerås, skriver under"). A title without a name ("Kommunchefen i Köpings kommun") is no
 * signatory: nothing is invented.
 */
import type { Located, Party, Signatory, Signed } from "../types.ts";
import { findDateAtoms } from "./dates.ts";
import type { Doc } from "./document.ts";
import { clean } from "./document.ts";
import { givenNames, notNameWords, officialTitles, titlePrefix } from "./lexicon.ts";
import { municipalityByName } from "./parties.ts";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const titleAlternation = [...officialTitles]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** The same titles without the i flag (lower, Capitalised, UPPER), for patterns that also match names. */
const titleAlternationCased = [...officialTitles]
  .sort((a, b) => b.length - a.length)
  .flatMap((t) => [t, capitalise(t), t.toUpperCase()])
  .map(escape)
  .join("|");
const titlePrefixCased = `(?:(?:${[
  "tf",
  "t.f.",
  "tf.",
  "tillförordnad",
  "bitr.",
  "bitr",
  "biträdande",
  "ställföreträdande",
  "vice",
]
  .flatMap((p) => [p, capitalise(p), p.toUpperCase()])
  .map(escape)
  .join("|")})\\s+)?`;
/** A title at the start of a string, with "tf"/"bitr." prefixes kept as written. */
const titleAtStart = new RegExp(`^(${titlePrefix}(?:${titleAlternation}))(?![\\p{L}])`, "iu");
const titleAnywhere = new RegExp(`(?<![\\p{L}])(${titlePrefix}(?:${titleAlternation}))(?![\\p{L}])`, "giu");

const nameWord = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
const personName = new RegExp(String.raw`^(${nameWord})((?:[ ](?:af|von|de|van|der|af)?[ ]?${nameWord}){1,2})$`, "u");
const inlineSignatory = new RegExp(
  String.raw`(?<![\p{L}])(${nameWord}(?:[ ]${nameWord}){1,2}),[ \t]*(${titlePrefixCased}(?:${titleAlternationCased}))(?![\p{L}])(?=([^,.\n]{0,60}))`,
  "gu",
);
const inlineTitleFirst = new RegExp(
  String.raw`(?<![\p{L}])(${titlePrefixCased}(?:${titleAlternationCased}))[ \t]+(${nameWord}(?:[ ]${nameWord}){1,2})(?![\p{L}])`,
  "gu",
);

/** How sure we are that a string is a person's name (0 = not a name). */
export function personNameScore(candidate: string): number {
  const text = candidate.trim();
  const m = personName.exec(text);
  if (!m) return 0;
  const words = text.split(/\s+/);
  if (words.some((w) => notNameWords.has(w.toLowerCase()))) return 0;
  if (words.some((w) => municipalityByName(w) !== undefined && !givenNames.has(w))) return 0;
  if (titleAnywhere.test(text)) {
    titleAnywhere.lastIndex = 0;
    return 0;
  }
  titleAnywhere.lastIndex = 0;
  const given = words[0]!.split("-");
  return given.every((g) => givenNames.has(g)) ? 0.95 : given.some((g) => givenNames.has(g)) ? 0.85 : 0.6;
}

export interface SignatoryResult {
  signatories: Array<{
    value: Signatory;
    name: Located<string>;
    title: Located<string>;
    organisation: Located<string> | null;
  }>;
  signed: { value: Signed; place: Located<string> | null; date: Located<string> | null } | null;
}

function inferOrganisation(title: string, written: string, parties: readonly Party[]): string | null {
  const rest = clean(written.replace(/^[\s,]+|[\s,]+$/g, ""));
  const police = /polis/i.test(title);
  if (
    rest &&
    (/^\p{Lu}/u.test(rest) || /polis|kommun|stad|region/i.test(rest)) &&
    !/\b(skriver|undertecknar|och)\b/i.test(rest)
  ) {
    if (police && !/polis|region/i.test(rest)) return `Lokalpolisområde ${rest}`;
    return rest;
  }
  const wanted = police ? parties.filter((p) => p.type === "lpo") : parties.filter((p) => p.type === "kommun");
  if (wanted.length === 1) return police ? `Lokalpolisområde ${wanted[0]!.name}` : wanted[0]!.name;
  return null;
}

function isPlaceDateLine(text: string): boolean {
  return (
    /^\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?,?\s+(den\b|\d)/u.test(text.trim()) && /\d{4}|\bden\s*[_.…]*\s*$/.test(text)
  );
}

export function extractSignatories(doc: Doc, parties: readonly Party[]): SignatoryResult {
  const found: SignatoryResult["signatories"] = [];
  const seen = new Set<string>();
  const add = (entry: SignatoryResult["signatories"][number]) => {
    const key = entry.value.name.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    found.push(entry);
  };

  // Signature blocks: a name line followed by a title line (or the other way round).
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (!text || text.length > 60 || text.includes("\t")) continue;
    const score = personNameScore(text);
    if (!score) continue;
    const lead = line.text.length - line.text.trimStart().length;
    const nameLocated: Located<string> = {
      value: text,
      start: line.start + lead,
      end: line.start + lead + text.length,
      confidence: score,
    };
    const tryTitleLine = (j: number): boolean => {
      const tl = lines[j];
      if (!tl) return false;
      const tt = tl.text.trim();
      const m = titleAtStart.exec(tt);
      if (!m) return false;
      const tLead = tl.text.length - tl.text.trimStart().length;
      const title = clean(m[1]!);
      const titleLocated: Located<string> = {
        value: title,
        start: tl.start + tLead,
        end: tl.start + tLead + m[1]!.length,
        confidence: 0.9,
      };
      // Organisation: the rest of the title line and the lines below it, up to a blank line.
      let orgText = tt.slice(m[1]!.length);
      let orgStart = tl.start + tLead + m[1]!.length;
      let orgEnd = tl.end;
      if (!clean(orgText)) {
        const below: string[] = [];
        let k = Math.max(i, j) + 1;
        orgStart = lines[k]?.start ?? orgStart;
        for (; k < lines.length && below.length < 2; k++) {
          const t = lines[k]!.text.trim();
          if (!t || personNameScore(t) || titleAtStart.test(t) || isPlaceDateLine(t)) break;
          below.push(t);
          orgEnd = lines[k]!.end;
        }
        orgText = below.join(" ");
      }
      if (!clean(orgText)) {
        // Or the block above the name ("Skara kommun / Kommunstyrelsen", then the signature).
        const above: string[] = [];
        let k = Math.min(i, j) - 1;
        while (k >= 0 && !lines[k]!.text.trim()) k--;
        const blockEnd = k;
        for (; k >= 0 && above.length < 2; k--) {
          const t = lines[k]!.text.trim();
          if (
            !t ||
            personNameScore(t) ||
            titleAtStart.test(t) ||
            isPlaceDateLine(t) ||
            t.length > 60 ||
            /[.:]$/.test(t)
          )
            break;
          above.unshift(t);
        }
        if (above.length && blockEnd >= 0 && Math.min(i, j) - blockEnd <= 3) {
          orgText = above.join(" ");
          orgStart = lines[k + 1]!.start;
          orgEnd = lines[blockEnd]!.end;
        }
      }
      const organisation = inferOrganisation(title, orgText, parties);
      const orgLocated =
        organisation && clean(orgText)
          ? { value: organisation, start: orgStart, end: Math.max(orgStart, orgEnd), confidence: 0.7 }
          : null;
      add({
        value: { name: text, title, organisation },
        name: nameLocated,
        title: titleLocated,
        organisation: orgLocated,
      });
      return true;
    };
    if (!tryTitleLine(i + 1)) tryTitleLine(i - 1);
  }

  // Running text: "Name Surname, title (organisation)".
  for (const m of doc.text.matchAll(inlineSignatory)) {
    const name = m[1]!;
    const score = personNameScore(name);
    if (!score) continue;
    const start = m.index ?? 0;
    const titleStart = start + m[0].indexOf(m[2]!, name.length);
    const title = clean(m[2]!);
    const rest = (m[3] ?? "").split(/\s+(och|samt|skriver|undertecknar)\b/i)[0] ?? "";
    const organisation = inferOrganisation(title, rest, parties);
    const restStart = titleStart + m[2]!.length;
    add({
      value: { name, title, organisation },
      name: { value: name, start, end: start + name.length, confidence: score * 0.95 },
      title: { value: title, start: titleStart, end: titleStart + m[2]!.length, confidence: 0.85 },
      organisation:
        organisation && clean(rest)
          ? { value: organisation, start: restStart, end: restStart + rest.length, confidence: 0.6 }
          : null,
    });
  }
  for (const m of doc.text.matchAll(inlineTitleFirst)) {
    const name = m[2]!;
    const score = personNameScore(name);
    // Without a block or a comma the evidence is thinner: require a known given name.
    if (score < 0.85) continue;
    const start = m.index ?? 0;
    const title = clean(m[1]!);
    const nameStart = start + m[0].lastIndexOf(name);
    add({
      value: { name, title, organisation: inferOrganisation(title, "", parties) },
      name: { value: name, start: nameStart, end: nameStart + name.length, confidence: score * 0.85 },
      title: { value: title, start, end: start + m[1]!.length, confidence: 0.8 },
      organisation: null,
    });
  }
  found.sort((a, b) => a.name.start - b.name.start);
  return { signatories: found, signed: extractSigned(doc, found.length > 0) };
}

const signedLine =
  /^(?:(?:[Uu]ndertecknad|[Uu]ndertecknat|[Ss]ignerad|[Ss]ignerat|[Uu]nderskriven)\s+i\s+)?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?),?\s+(?:den\s*)?(.*)$/u;
const placeholderPlace = /^(ort|datum|ort och datum|plats|namn|namnförtydligande|underskrift)$/i;

function extractSigned(doc: Doc, hasSignatories: boolean): SignatoryResult["signed"] {
  let placeOnly: SignatoryResult["signed"] = null;
  for (const line of doc.lines) {
    const text = line.text.trim();
    if (!text || text.length > 60) continue;
    const m = signedLine.exec(text);
    if (!m) continue;
    const place = m[1]!;
    const rest = m[2]!.trim();
    if (placeholderPlace.test(place) || notNameWords.has(place.toLowerCase())) continue;
    const lead = line.text.length - line.text.trimStart().length;
    const placeLocated: Located<string> = {
      value: place,
      start: line.start + lead,
      end: line.start + lead + place.length,
      confidence: 0.8,
    };
    const known = municipalityByName(place) !== undefined;
    const atoms = findDateAtoms(doc.text, line.start + lead + m[0].indexOf(rest, place.length), line.end).filter(
      (a) => a.precision === "day",
    );
    const atom = atoms[0];
    if (atom && doc.text.slice(atom.end, line.end).trim() === "") {
      return {
        value: { place, date: atom.first },
        place: placeLocated,
        date: { value: atom.first, start: atom.start, end: atom.end, confidence: 0.9 },
      };
    }
    // "Skara den ____" or "Skara den": the place is written, the date was left blank.
    const blank = /^(den\s*)?[_.…\s]*$/i.test(rest) && /\bden\b/i.test(text);
    if (blank && (known || hasSignatories) && !placeOnly) {
      placeOnly = { value: { place, date: null }, place: { ...placeLocated, confidence: 0.6 }, date: null };
    }
  }
  return placeOnly;
}
