/**
 * Repair of OCR damage to Swedish text. Scanned agreements lose their å, ä and ö in predictable
 * ways ("f6r", "brottsférebyggande", "ligesbild", "K&pings"). For a token that is not a Swedish word
 * we try substitutions from a confusion table and accept the cheapest candidate that IS a word (or
 * a compound of words, or a known place name). Correct words are never touched: the dictionary is
 * asked first. Weak substitutions (a→ä, i→ä, d→ö …) are only tried once the document has shown clear
 * damage, so a clean document with a few unknown surnames stays as written.
 */
import type { WordList } from "./dictionary.ts";

interface Confusion {
  from: string;
  to: readonly string[];
  /** Strong: the character hardly occurs inside a Swedish word, so its presence is itself damage. */
  strong: boolean;
}

/** OCR confusions seen in Swedish scans; `to` is in order of likelihood. */
const confusions: readonly Confusion[] = [
  { from: "ii", to: ["ä"], strong: false },
  { from: "oé", to: ["ö"], strong: true },
  { from: "oè", to: ["ö"], strong: true },
  { from: "é", to: ["ö", "ä", "e"], strong: true },
  { from: "è", to: ["ö", "ä", "e"], strong: true },
  { from: "ë", to: ["ö", "ä"], strong: true },
  { from: "ó", to: ["ö"], strong: true },
  { from: "ò", to: ["ö"], strong: true },
  { from: "É", to: ["Ö", "Ä"], strong: true },
  { from: "6", to: ["ö"], strong: true },
  { from: "&", to: ["ö"], strong: true },
  { from: "0", to: ["ö", "o"], strong: true },
  { from: "1", to: ["l", "i"], strong: true },
  { from: "a", to: ["ä", "å"], strong: false },
  { from: "A", to: ["Å", "Ä"], strong: false },
  { from: "o", to: ["ö"], strong: false },
  { from: "O", to: ["Ö"], strong: false },
  { from: "i", to: ["ä", "å"], strong: false },
  { from: "d", to: ["ö", "å", "ä"], strong: false },
  { from: "G", to: ["ö"], strong: false },
];

/**
 * Frequent words whose damaged spelling is also a (rare) word or abbreviation: in a damaged document
 * the common reading wins ("for" → "för", "dr" → "är").
 */
const frequentWordMisreadings: Readonly<Record<string, string>> = {
  for: "för",
  dr: "är",
  ar: "är",
  pa: "på",
  sa: "så",
  nar: "när",
  dar: "där",
  mal: "mål",
  fa: "få",
  ga: "gå",
  ater: "åter",
  aven: "även",
  bada: "båda",
  mote: "möte",
  moten: "möten",
  lopande: "löpande",
  overens: "överens",
};

/** Acronyms whose damaged spelling is an ordinary word ("BRA" for BRÅ, brottsförebyggande rådet). */
const acronymMisreadings: Readonly<Record<string, string>> = { BRA: "BRÅ" };

const MAX_CANDIDATES = 400;
const MAX_CHANGES = 3;

export interface RepairOptions {
  words: WordList;
  /** Lower-case proper names (kommuner with genitive forms, regions) that count as words. */
  names: ReadonlySet<string>;
}

interface Slot {
  index: number;
  length: number;
  options: readonly string[];
  strong: boolean;
}

function digitRun(token: string, at: number): number {
  let start = at;
  let end = at;
  while (start > 0 && /\d/.test(token[start - 1]!)) start--;
  while (end < token.length && /\d/.test(token[end]!)) end++;
  return end - start;
}

function slotsOf(token: string, allowWeak: boolean): Slot[] {
  const slots: Slot[] = [];
  for (let i = 0; i < token.length;) {
    let matched = false;
    for (const c of confusions) {
      if (!allowWeak && !c.strong) continue;
      if (!token.startsWith(c.from, i)) continue;
      // "1", "0" and "6" are damage inside a word ("16pande", "f6r"), not in a number ("2020", "16").
      if (/^[016]$/.test(c.from) && digitRun(token, i) > 2) continue;
      // A capital G reads as ö only at the start of a lower-case word ("Gverenskommelsen").
      if (c.from === "G" && (i !== 0 || !/^G[a-zåäö]/.test(token))) continue;
      slots.push({ index: i, length: c.from.length, options: c.to, strong: c.strong });
      i += c.from.length;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return slots;
}

function isAcceptable(candidate: string, options: RepairOptions, capitalised: boolean): 0 | 1 | 2 {
  if (options.names.has(candidate.toLowerCase())) return 2;
  if (options.words.isSimpleWord(candidate)) return 2;
  // A compound must be long enough to be plausible; capitalised tokens are often names.
  if (candidate.length >= 8 && !capitalised && options.words.isWord(candidate)) return 1;
  if (candidate.length >= 8 && capitalised && options.words.isWord(candidate.toLowerCase())) return 1;
  return 0;
}

function applyCase(replacement: string, original: string, upper: boolean): string {
  if (/\p{Lu}/u.test(original) && original !== "G") return replacement.toUpperCase();
  return upper ? replacement.toUpperCase() : replacement;
}

/**
 * The repaired spelling of one token, or null when no candidate is a word. `sentenceStart` decides
 * the case of a replaced first character that had none ("6verens" → "överens" / "Överens").
 */
export function repairToken(
  token: string,
  options: RepairOptions,
  mode: { allowWeak: boolean; sentenceStart: boolean },
): string | null {
  if (token.length < 2 || token.length > 40) return null;
  const slots = slotsOf(token, mode.allowWeak);
  if (slots.length === 0) return null;
  // A character no substitution removes (a digit like 3, a symbol) means no candidate can be a word.
  const covered = new Set<number>();
  for (const s of slots) for (let k = 0; k < s.length; k++) covered.add(s.index + k);
  for (let i = 0; i < token.length; i++)
    if (!covered.has(i) && !/\p{L}/u.test(token[i]!) && token[i] !== "-") return null;
  const strongSlots = slots.filter((s) => s.strong);
  const weakSlots = slots.filter((s) => !s.strong);
  const capitalised = /^\p{Lu}/u.test(token) || (/^[G6&É]/.test(token) && mode.sentenceStart);

  let best = null as { text: string; cost: number } | null;
  let tried = 0;
  // Strong slots must all change (choose an option each); weak slots may change, up to MAX_CHANGES.
  const strongChoices = product(
    strongSlots.map((s) => s.options.map((_, k) => k)),
    MAX_CANDIDATES,
  );
  const weakCombos = subsets(weakSlots.length, MAX_CHANGES);
  for (const weakSet of weakCombos) {
    const weakChoices = product(
      weakSet.map((w) => weakSlots[w]!.options.map((_, k) => k)),
      MAX_CANDIDATES,
    );
    for (const strongChoice of strongChoices) {
      for (const weakChoice of weakChoices) {
        if (++tried > MAX_CANDIDATES) return best?.text ?? null;
        const replacements = new Map<number, { length: number; text: string }>();
        let cost = weakSet.length * 2;
        strongSlots.forEach((s, k) => {
          const choice = strongChoice[k] ?? 0;
          cost += choice;
          replacements.set(s.index, { length: s.length, text: s.options[choice]! });
        });
        weakSet.forEach((w, k) => {
          const s = weakSlots[w]!;
          const choice = weakChoice[k] ?? 0;
          cost += choice;
          replacements.set(s.index, { length: s.length, text: s.options[choice]! });
        });
        if (best && cost >= best.cost) continue;
        const candidate = build(token, replacements, mode.sentenceStart);
        const quality = isAcceptable(candidate, options, capitalised);
        if (quality === 0) continue;
        // A simple word beats a compound of equal edit cost.
        const total = cost + (quality === 1 ? 1.5 : 0);
        if (!best || total < best.cost) best = { text: candidate, cost: total };
      }
    }
    // Fewer weak changes first: once something fits, more changes will not be cheaper.
    if (best && best.cost <= weakSet.length * 2 + 1) break;
  }
  return best?.text ?? null;
}

function build(
  token: string,
  replacements: Map<number, { length: number; text: string }>,
  sentenceStart: boolean,
): string {
  let out = "";
  for (let i = 0; i < token.length;) {
    const r = replacements.get(i);
    if (r) {
      const original = token.slice(i, i + r.length);
      out += applyCase(r.text, original, i === 0 && sentenceStart);
      i += r.length;
    } else {
      out += token[i];
      i++;
    }
  }
  return out;
}

/** Cartesian product of index lists, capped. */
function product(lists: number[][], cap: number): number[][] {
  let acc: number[][] = [[]];
  for (const list of lists) {
    const next: number[][] = [];
    for (const prefix of acc) {
      for (const v of list) {
        next.push([...prefix, v]);
        if (next.length >= cap) break;
      }
      if (next.length >= cap) break;
    }
    acc = next;
  }
  return acc;
}

/** Index subsets of {0..n-1} of size 0..max, smallest first. */
function subsets(n: number, max: number): number[][] {
  const out: number[][] = [[]];
  let layer: number[][] = [[]];
  for (let size = 1; size <= Math.min(max, n); size++) {
    const next: number[][] = [];
    for (const set of layer) {
      const start = set.length ? set[set.length - 1]! + 1 : 0;
      for (let i = start; i < n; i++) next.push([...set, i]);
    }
    out.push(...next);
    layer = next;
    if (out.length > 2000) break;
  }
  return out;
}

export interface RepairReport {
  text: string;
  repairs: number;
  damaged: boolean;
}

const tokenPattern = /[\p{L}\p{N}](?:[\p{L}\p{N}]|&(?=\p{L}))*/gu;

function hasStrongDamage(token: string): boolean {
  if (!/\p{L}/u.test(token)) return false;
  return /[éèëóòÉ&]/u.test(token) || /\p{L}[016]|[016]\p{L}/u.test(token);
}

function lettersShare(token: string): number {
  const letters = token.match(/\p{L}/gu)?.length ?? 0;
  return letters / token.length;
}

/**
 * Repairs OCR damage in a whole document. The decision whether the document is damaged is taken
 * once, on all its tokens, so that one odd word in a clean text does not switch on weak repairs.
 */
export function repairOcr(text: string, options: RepairOptions, budget = 1500): RepairReport {
  const tokens = new Set<string>();
  for (const m of text.matchAll(tokenPattern)) {
    tokens.add(m[0]);
    if (tokens.size > 200_000) break;
  }
  // Text that is mostly not Swedish (random bytes, another language) is left alone: decide on a sample
  // before spending any effort on candidates.
  let sampled = 0;
  let sampledUnknown = 0;
  for (const token of tokens) {
    if (token.length < 2 || lettersShare(token) < 0.5) continue;
    if (++sampled > 3000) break;
    if (!options.words.isWord(token) && !options.names.has(token.toLowerCase())) sampledUnknown++;
  }
  if (sampled >= 20 && sampledUnknown / sampled > 0.7) return { text, repairs: 0, damaged: false };
  let unknown = 0;
  let wordTokens = 0;
  let strongFixed = 0;
  const fixes = new Map<string, string | null>();
  let attempts = 0;
  for (const token of tokens) {
    if (token.length < 2 || lettersShare(token) < 0.5) continue;
    wordTokens++;
    if (options.words.isWord(token) || options.names.has(token.toLowerCase())) continue;
    unknown++;
    if (hasStrongDamage(token) && attempts < budget) {
      attempts++;
      const fixed = repairToken(token, options, { allowWeak: true, sentenceStart: false });
      fixes.set(token, fixed);
      if (fixed) strongFixed++;
    }
  }
  // Text that is mostly not Swedish (random bytes, another language) is left alone.
  const unknownShare = wordTokens ? unknown / wordTokens : 0;
  const damaged = strongFixed >= 2 && unknownShare < 0.7;
  if (!damaged && strongFixed === 0) return { text, repairs: 0, damaged: false };

  let repairs = 0;
  const out = text.replace(tokenPattern, (token: string, offset: number) => {
    const sentenceStart = isSentenceStart(text, offset);
    if (damaged && acronymMisreadings[token]) {
      repairs++;
      return acronymMisreadings[token];
    }
    if (damaged) {
      const frequent = frequentWordMisreadings[token.toLowerCase()];
      if (frequent && token.slice(1) === token.slice(1).toLowerCase() && text[offset + token.length] !== ".") {
        repairs++;
        return /^\p{Lu}/u.test(token) ? frequent.charAt(0).toUpperCase() + frequent.slice(1) : frequent;
      }
    }
    if (token.length < 2 || lettersShare(token) < 0.5) return token;
    const key = sentenceStart && /^[6&G]/.test(token) ? `^${token}` : token;
    let fixed = fixes.get(key);
    if (fixed === undefined) {
      if (key === token && (!damaged || attempts >= budget)) return token;
      if (options.words.isWord(token) || options.names.has(token.toLowerCase())) return token;
      attempts++;
      fixed = repairToken(token, options, { allowWeak: damaged, sentenceStart });
      fixes.set(key, fixed);
    }
    if (!fixed) return token;
    if (!damaged && !hasStrongDamage(token)) return token;
    repairs++;
    return fixed;
  });
  // A lone "1" between two words is the preposition "i" ("konkretiseras 1 bilagan"), not a number.
  const final = damaged
    ? out.replace(/(?<=\p{Ll}{2,}[ \t]+)1(?=[ \t]+\p{Ll}{2,})/gu, (one, offset: number) => {
        const after =
          out
            .slice(offset + 1, offset + 30)
            .trim()
            .split(/\s/)[0] ?? "";
        if (isUnitOrMonth(after)) return one;
        repairs++;
        return "i";
      })
    : out;
  return { text: final, repairs, damaged };
}

const unitsAndMonths =
  /^(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|apr|jun|jul|aug|sep|sept|okt|nov|dec|st|kr|år|timme|timmar|dag|dagar|vecka|veckor|månad|månader|procent|person|gång|och|eller|till)$/u;

function isUnitOrMonth(word: string): boolean {
  return unitsAndMonths.test(word.toLowerCase());
}

function isSentenceStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0 && i >= offset - 200; i--) {
    const c = text[i]!;
    if (c === " " || c === "\t") continue;
    if (c === "\n") return text[i - 1] === "\n" || i === 0 || /[.!?:]\s*$/.test(text.slice(Math.max(0, i - 3), i));
    return /[.!?:]/.test(c);
  }
  return true;
}
