/**
 * Parties: kommuner by SCB code (from "Köpings kommun", "Västerås stad", "Mora, Orsa och Älvdalens
 * kommuner"), lokalpolisområden by name ("lokalpolisområde Västra Mälardalen", "LPO Mora"), the
 * polisregion ("Polismyndigheten Region Väst") and other parties listed under "Avtalande parter".
 */
import { genitive, municipalities, policeRegions } from "../../domain/reference/sweden.ts";
import type { Municipality } from "../../domain/reference/sweden.ts";
import type { Located, Party } from "../types.ts";
import type { Doc } from "./document.ts";
import { isListItem, lineAt, listItemBody } from "./document.ts";
import { notNameWords } from "./lexicon.ts";

const byName = new Map<string, Municipality>();
for (const m of municipalities) {
  byName.set(m.name.toLowerCase(), m);
  byName.set(genitive(m.name).toLowerCase(), m);
  byName.set(m.officialName.toLowerCase(), m);
}

export function municipalityByName(name: string): Municipality | undefined {
  return byName.get(name.toLowerCase().replace(/\s+/g, " ").trim());
}

/** Lower-case place names that count as words for OCR repair. */
export function referenceNames(): Set<string> {
  const names = new Set<string>();
  for (const m of municipalities) {
    for (const form of [m.name, genitive(m.name), `${m.name}s`]) {
      names.add(form.toLowerCase());
      for (const part of form.split(/[\s-]+/)) if (part.length > 2) names.add(part.toLowerCase());
    }
  }
  for (const r of policeRegions) names.add(r.name.toLowerCase());
  return names;
}

const placeWord = String.raw`\p{Lu}[\p{L}]*(?:-\p{Lu}?[\p{L}]+)?`;
const singleKommun = new RegExp(
  String.raw`(?<![\p{L}])(${placeWord}(?:[ ]${placeWord})?)(?:[ \t]+|[ \t]*\n[ \t]*)(kommun|stad|KOMMUN|STAD|Kommun|Stad)(?![\p{L}])`,
  "gu",
);
const regionGotland = /\bRegion Gotland\b/g;
const pluralKommuner = new RegExp(
  String.raw`(?:(${placeWord}(?:,[ ]+${placeWord})*[ ]+(?:och|&)[ ]+${placeWord})[ ]+kommuner(?![\p{L}]))|(?:kommunerna[ ]+(${placeWord}(?:,[ ]+${placeWord})*[ ]+(?:och|&)[ ]+${placeWord}))`,
  "gu",
);

interface Mention<T> {
  party: T;
  start: number;
  end: number;
}

function kommunMentions(doc: Doc): Mention<Municipality>[] {
  const out: Mention<Municipality>[] = [];
  for (const m of doc.text.matchAll(singleKommun)) {
    const start = m.index ?? 0;
    const words = m[1]!;
    // Try the two-word name first ("Upplands Väsby"), then the last word ("Avtal Köpings" → "Köpings").
    const candidates = [words, words.split(" ").slice(-1)[0]!];
    for (const candidate of candidates) {
      const found = municipalityByName(candidate);
      if (found) {
        const offset = m[0].indexOf(candidate);
        out.push({ party: found, start: start + offset, end: start + m[0].length });
        break;
      }
    }
  }
  for (const m of doc.text.matchAll(regionGotland)) {
    const found = municipalityByName("Region Gotland");
    if (found) out.push({ party: found, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of doc.text.matchAll(pluralKommuner)) {
    const list = m[1] ?? m[2] ?? "";
    const listStart = (m.index ?? 0) + m[0].indexOf(list);
    for (const part of list.matchAll(new RegExp(placeWord, "gu"))) {
      const found = municipalityByName(part[0]);
      if (found)
        out.push({
          party: found,
          start: listStart + (part.index ?? 0),
          end: listStart + (part.index ?? 0) + part[0].length,
        });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const lpoIntro = /(?<![\p{L}])(lokalpolisområde(?:t|ts|na)?|LPO)(?![\p{L}])[ \t]*:?(?:[ \t]+|[ \t]*\n[ \t]*)/giu;

function lpoMentions(doc: Doc): Mention<string>[] {
  const out: Mention<string>[] = [];
  for (const m of doc.text.matchAll(lpoIntro)) {
    const nameStart = (m.index ?? 0) + m[0].length;
    const lineEnd = doc.text.indexOf("\n", nameStart);
    const rest = doc.text.slice(
      nameStart,
      lineEnd < 0 ? Math.min(doc.text.length, nameStart + 120) : Math.min(lineEnd, nameStart + 120),
    );
    const words: string[] = [];
    let consumed = 0;
    for (const w of rest.matchAll(/(\S+)(\s*)/g)) {
      const word = w[1]!.replace(/[,.;:)]+$/, "");
      const joiner = /^\/\p{Lu}/u.test(word) || (words.length > 0 && word === "/");
      if (!/^\p{Lu}/u.test(word) && !joiner) break;
      if (notNameWords.has(word.toLowerCase()) && words.length > 0) break;
      if (/^(Polisen|Polismyndigheten|Region|Kommun|Och|Samt)$/i.test(word)) break;
      words.push(word);
      consumed = (w.index ?? 0) + w[1]!.replace(/[,.;:)]+$/, "").length;
      if (w[1] !== word || words.length >= 3) break;
    }
    if (words.length === 0) continue;
    // Drop a capitalised word that starts the next sentence or is a kommun ("LPO Nybro Lessebo kommun").
    const name = words.join(" ").replace(/\s*\/\s*/g, "/");
    out.push({ party: name, start: nameStart, end: nameStart + consumed });
  }
  return out;
}

function stripGenitive(name: string, known: Set<string>): string {
  if (name.endsWith("s") && known.has(name.slice(0, -1))) return name.slice(0, -1);
  return name;
}

const regionPattern = new RegExp(
  String.raw`(?<![\p{L}])(polisregion(?:en)?|polismyndigheten,?[ ]+region|region)[ ]+(${policeRegions.map((r) => r.name).join("|")})(?![\p{L}])`,
  "giu",
);

function regionMentions(doc: Doc): Mention<string>[] {
  const out: Mention<string>[] = [];
  for (const m of doc.text.matchAll(regionPattern)) {
    const start = m.index ?? 0;
    const intro = m[1]!.toLowerCase();
    const regionName = policeRegions.find((r) => r.name.toLowerCase() === m[2]!.toLowerCase())!.name;
    // "Region Stockholm" alone is the county's health region; police context is required.
    if (intro === "region") {
      const before = doc.text.slice(Math.max(0, start - 60), start).toLowerCase();
      if (!/polis/.test(before) && !/^region (väst|öst|syd|nord|mitt|bergslagen)$/i.test(m[0])) continue;
      if (regionName === "Stockholm" && !/polis/.test(before)) continue;
    }
    out.push({ party: regionName, start, end: start + m[0].length });
  }
  return out;
}

/** Items under an "Avtalande parter" / "Parter" heading or intro that are not kommun, LPO or region. */
function otherPartyMentions(doc: Doc): Mention<string>[] {
  const out: Mention<string>[] = [];
  doc.lines.forEach((line, i) => {
    if (
      !/^(avtalande\s+parter|parter(na)?|parter i (överenskommelsen|avtalet)|(överenskommelsens|avtalets)\s+parter)\b[^.]*:?$/i.test(
        line.text.trim(),
      )
    )
      return;
    for (let j = i + 1; j < doc.lines.length && j < i + 15; j++) {
      const t = doc.lines[j]!.text;
      if (t.trim() === "") continue;
      if (!isListItem(t)) break;
      const { body, offset } = listItemBody(t);
      if (/\b(kommun|stad|lokalpolisområde|lpo|polisregion|region)\b/i.test(body)) continue;
      out.push({
        party: body.replace(/[.;,]$/, ""),
        start: doc.lines[j]!.start + offset,
        end: doc.lines[j]!.start + offset + body.length,
      });
    }
  });
  return out;
}

export function extractParties(doc: Doc): Located<Party>[] {
  const length = Math.max(1, doc.text.length);
  const results: Located<Party>[] = [];

  const kommuner = new Map<string, { mentions: Mention<Municipality>[] }>();
  for (const m of kommunMentions(doc)) {
    const entry = kommuner.get(m.party.code) ?? { mentions: [] };
    entry.mentions.push(m);
    kommuner.set(m.party.code, entry);
  }
  for (const [, { mentions }] of kommuner) {
    const first = mentions[0]!;
    const early = first.start < length * 0.4 || lineAt(doc, first.start) < 8;
    // A kommun named once, late, beside others is a mention rather than a party.
    if (!early && mentions.length < 2 && kommuner.size > 1) continue;
    const confidence = Math.min(0.98, 0.6 + 0.1 * mentions.length + (early ? 0.15 : 0));
    results.push({
      value: { type: "kommun", name: first.party.officialName, code: first.party.code },
      start: first.start,
      end: first.end,
      confidence,
    });
  }

  const lpos = lpoMentions(doc);
  const knownLpo = new Set(lpos.map((l) => l.party));
  const seenLpo = new Map<string, Located<Party>>();
  for (const m of lpos) {
    const name = stripGenitive(m.party, knownLpo);
    const key = name.toLowerCase();
    const existing = seenLpo.get(key);
    if (existing) {
      existing.confidence = Math.min(0.98, existing.confidence + 0.05);
      continue;
    }
    const located: Located<Party> = {
      value: { type: "lpo", name },
      start: m.start,
      end: m.start + name.length,
      confidence: 0.8,
    };
    seenLpo.set(key, located);
  }
  // A one-word prefix of a longer LPO name ("Västra" of "Västra Mälardalen" cut by a line break) is the same LPO.
  for (const [key, located] of seenLpo) {
    const longer = [...seenLpo.keys()].some((other) => other !== key && other.startsWith(`${key} `));
    if (!longer) results.push(located);
  }

  const seenRegion = new Set<string>();
  for (const m of regionMentions(doc)) {
    if (seenRegion.has(m.party)) continue;
    seenRegion.add(m.party);
    results.push({
      value: { type: "polisregion", name: `Polisregion ${m.party}` },
      start: m.start,
      end: m.end,
      confidence: 0.8,
    });
  }

  const seenOther = new Set<string>();
  for (const m of otherPartyMentions(doc)) {
    if (seenOther.has(m.party.toLowerCase())) continue;
    seenOther.add(m.party.toLowerCase());
    results.push({ value: { type: "other", name: m.party }, start: m.start, end: m.end, confidence: 0.6 });
  }
  return results.sort((a, b) => a.start - b.start);
}
