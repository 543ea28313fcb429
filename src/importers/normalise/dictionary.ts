/**
 * A small Hunspell reader for the Swedish dictionary (dictionary-sv), enough to answer one question:
 * "is this string a Swedish word, an inflection of one, or a compound of them?". It reads the .dic
 * stems and the .aff suffix rules and checks words by stripping suffixes (no expansion, so loading
 * stays around 100 ms and memory small). Compounds follow the file's COMPOUNDBEGIN/MIDDLE/END flags.
 */
import { access, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface SuffixRule {
  flag: string;
  strip: string;
  add: string;
  continuation: string;
  condition: RegExp | null;
}

export interface WordList {
  /** True when the word (any case as written, or its lower-case form) is a Swedish word form. */
  isWord(word: string): boolean;
  /** True when the word is a dictionary form by itself, not only a compound of several. */
  isSimpleWord(word: string): boolean;
  /** Number of stems loaded (for diagnostics). */
  readonly size: number;
}

interface AffixData {
  suffixesByAdd: Map<string, SuffixRule[]>;
  maxAddLength: number;
  compoundBegin: string;
  compoundMiddle: string;
  compoundEnd: string;
  onlyInCompound: string;
  needAffix: string;
  forbidden: string;
}

function parseAff(source: string): AffixData {
  const data: AffixData = {
    suffixesByAdd: new Map(),
    maxAddLength: 0,
    compoundBegin: "",
    compoundMiddle: "",
    compoundEnd: "",
    onlyInCompound: "",
    needAffix: "",
    forbidden: "",
  };
  const headers = new Set<string>();
  for (const raw of source.split("\n")) {
    const parts = raw.trim().split(/\s+/);
    const [keyword, a, b, c, d] = parts;
    if (!keyword || keyword.startsWith("#")) continue;
    if (keyword === "COMPOUNDBEGIN" && a) data.compoundBegin = a;
    else if (keyword === "COMPOUNDMIDDLE" && a) data.compoundMiddle = a;
    else if (keyword === "COMPOUNDEND" && a) data.compoundEnd = a;
    else if (keyword === "ONLYINCOMPOUND" && a) data.onlyInCompound = a;
    else if (keyword === "NEEDAFFIX" && a) data.needAffix = a;
    else if (keyword === "FORBIDDENWORD" && a) data.forbidden = a;
    else if (keyword === "SFX" && a && b !== undefined && c !== undefined) {
      // The first line of each group is a header: "SFX flag Y count".
      if (!headers.has(a)) {
        headers.add(a);
        continue;
      }
      const [addPart = "", continuation = ""] = c.split("/");
      const add = addPart === "0" ? "" : addPart;
      const rule: SuffixRule = {
        flag: a,
        strip: b === "0" ? "" : b,
        add,
        continuation,
        condition: !d || d === "." ? null : new RegExp(`${d}$`, "u"),
      };
      const list = data.suffixesByAdd.get(add) ?? [];
      list.push(rule);
      data.suffixesByAdd.set(add, list);
      data.maxAddLength = Math.max(data.maxAddLength, add.length);
    }
  }
  return data;
}

function parseDic(source: string): Map<string, string[]> {
  const stems = new Map<string, string[]>();
  const lines = source.split("\n");
  // The first line is the entry count.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const slash = line.indexOf("/");
    const word = (slash < 0 ? line : line.slice(0, slash)).trim();
    if (!word) continue;
    const flags = slash < 0 ? "" : line.slice(slash + 1).trim();
    const list = stems.get(word);
    if (list) list.push(flags);
    else stems.set(word, [flags]);
  }
  return stems;
}

interface Reading {
  /** Read as a bare stem (no suffix). */
  direct: boolean;
  /** The stem's flags. */
  flags: string;
  /** Continuation flags of the suffix that produced the form ("" for a bare stem). */
  continuation: string;
}

/** Every way a string can be read as a dictionary stem, optionally with one suffix. */
function readings(word: string, stems: Map<string, string[]>, affixes: AffixData): Reading[] {
  const out: Reading[] = [];
  for (const flags of stems.get(word) ?? []) out.push({ direct: true, flags, continuation: "" });
  const max = Math.min(affixes.maxAddLength, word.length - 1);
  for (let k = 0; k <= max; k++) {
    const rules = affixes.suffixesByAdd.get(word.slice(word.length - k));
    if (!rules) continue;
    const base = word.slice(0, word.length - k);
    for (const rule of rules) {
      const stem = base + rule.strip;
      const entries = stems.get(stem);
      if (!entries) continue;
      if (rule.condition && !rule.condition.test(stem)) continue;
      for (const flags of entries) {
        if (flags.includes(rule.flag)) out.push({ direct: false, flags, continuation: rule.continuation });
      }
    }
  }
  return out;
}

const has = (flags: string, flag: string): boolean => flag !== "" && flags.includes(flag);

export function createWordList(affSource: string, dicSource: string): WordList {
  const affixes = parseAff(affSource);
  const stems = parseDic(dicSource);
  const cache = new Map<string, boolean>();
  const partCache = new Map<string, Reading[]>();

  const partReadings = (part: string): Reading[] => {
    let hit = partCache.get(part);
    if (!hit) {
      hit = readings(part, stems, affixes);
      if (partCache.size > 200_000) partCache.clear();
      partCache.set(part, hit);
    }
    return hit;
  };
  const usable = (r: Reading): boolean => !has(r.flags, affixes.forbidden);
  const hasFlag = (part: string, flag: string): boolean =>
    partReadings(part).some((r) => usable(r) && (has(r.flags, flag) || has(r.continuation, flag)));

  // A form that may stand alone: not a compound-only link ("brotts") and not a stem that needs a suffix.
  const standalone = (word: string): boolean =>
    partReadings(word).some(
      (r) =>
        usable(r) &&
        !has(r.continuation, affixes.onlyInCompound) &&
        !(r.direct && (has(r.flags, affixes.needAffix) || has(r.flags, affixes.onlyInCompound))),
    );

  const compound = (word: string, depth: number): boolean => {
    if (depth > 5 || word.length < 4) return false;
    for (let i = 2; i <= word.length - 2; i++) {
      const head = word.slice(0, i);
      if (!hasFlag(head, depth === 0 ? affixes.compoundBegin : affixes.compoundMiddle)) continue;
      const rest = word.slice(i);
      if (
        (rest.length >= 2 && hasFlag(rest, affixes.compoundEnd) && standaloneOrEnd(rest)) ||
        compound(rest, depth + 1)
      )
        return true;
    }
    return false;
  };
  const standaloneOrEnd = (part: string): boolean =>
    partReadings(part).some((r) => usable(r) && !has(r.continuation, affixes.onlyInCompound));

  const check = (word: string): boolean => {
    if (standalone(word)) return true;
    const lower = word.toLowerCase();
    if (lower !== word && standalone(lower)) return true;
    // "Västerås" is stored capitalised; an all-caps heading spells it "VÄSTERÅS".
    const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
    if (capital !== word && standalone(capital)) return true;
    return compound(lower, 0) || (capital !== lower && compound(capital, 0));
  };

  const simple = (word: string): boolean => {
    if (!word || word.length > 64) return false;
    const lower = word.toLowerCase();
    const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
    return standalone(word) || standalone(lower) || standalone(capital);
  };

  return {
    size: stems.size,
    isSimpleWord: simple,
    isWord(word: string): boolean {
      // No Swedish word is this long, and compound splitting is quadratic in the length.
      if (!word || word.length > 64 || /\d/.test(word)) return false;
      const cached = cache.get(word);
      if (cached !== undefined) return cached;
      let ok = check(word);
      // Hyphenated forms ("BRÅ-gruppen", "Barn-") are words when every part is.
      if (!ok && word.includes("-")) {
        const parts = word.split("-").filter(Boolean);
        ok = parts.length > 0 && parts.every((p) => check(p) || /^[A-ZÅÄÖ]{2,}$/.test(p));
      }
      if (cache.size > 200_000) cache.clear();
      cache.set(word, ok);
      return ok;
    },
  };
}

/** The package's folder, found by walking up from this file (its exports map hides the data files). */
async function findPackageDir(name: string): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", name);
    try {
      await access(join(candidate, "index.dic"));
      return candidate;
    } catch {
      const parent = dirname(dir);
      if (parent === dir) throw new Error(`package ${name} not found`);
      dir = parent;
    }
  }
}

let shared: Promise<WordList> | undefined;

/** The Swedish word list from dictionary-sv, loaded once per process. */
export function loadSwedishWordList(): Promise<WordList> {
  shared ??= (async () => {
    const dir = await findPackageDir("dictionary-sv");
    const [aff, dic] = await Promise.all([
      readFile(join(dir, "index.aff"), "utf8"),
      readFile(join(dir, "index.dic"), "utf8"),
    ]);
    return createWordList(aff, dic);
  })();
  return shared;
}
