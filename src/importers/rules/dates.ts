/**
 * Dates as Swedish documents write them: ISO ("2020-01-01"), in words ("den 1 mars 2023",
 * "31 december 2024"), month and year ("mars 2023"), a bare year ("2019"), and ranges of any of
 * these joined by a dash of any kind or by "till (och med)". Each date becomes the first and last
 * day it can mean, so "2019-2023" reads as 2019-01-01 – 2023-12-31.
 */
import { dashClass, monthByName, monthNames } from "./lexicon.ts";

export interface DateAtom {
  /** First day the expression can mean. */
  first: string;
  /** Last day it can mean (same as first for a full date). */
  last: string;
  precision: "day" | "month" | "year" | "dayMonth";
  start: number;
  end: number;
  /** For "dayMonth" atoms (no year written): month and day, to be completed from a neighbour. */
  month?: number;
  day?: number;
}

export interface DateRange {
  from: DateAtom | null;
  to: DateAtom | null;
  start: number;
  end: number;
}

const monthAlternation = monthNames
  .flatMap(([, names]) => names)
  .sort((a, b) => b.length - a.length)
  .join("|");

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month))
    return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const atomPattern = new RegExp(
  [
    // 1–3: numeric full dates, year first
    String.raw`\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b`,
    // 4–6: day first with dots or slashes ("6.11.2019", "6/11 2019")
    String.raw`\b(\d{1,2})[./](\d{1,2})[./ ](\d{4})\b`,
    // 7–9: words, with optional year ("den 1 mars 2023", "1:a april")
    String.raw`\b(\d{1,2})(?::[ae])?\s+(${monthAlternation})\.?(?:\s+(\d{4}))?\b`,
    // 10–11: month and year ("mars 2023")
    String.raw`\b(${monthAlternation})\.?\s+(\d{4})\b`,
    // 12: a year
    String.raw`\b(19[5-9]\d|2[01]\d\d)\b`,
  ].join("|"),
  "giu",
);

/** Every date expression in text[from, to), in order. */
export function findDateAtoms(text: string, from = 0, to = text.length): DateAtom[] {
  const atoms: DateAtom[] = [];
  const region = text.slice(from, to);
  for (const m of region.matchAll(atomPattern)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    const atom = toAtom(m, start, end);
    if (atom) atoms.push(atom);
  }
  return atoms;
}

function toAtom(m: RegExpMatchArray, start: number, end: number): DateAtom | null {
  if (m[1]) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { first: iso, last: iso, precision: "day", start, end } : null;
  }
  if (m[4]) {
    const iso = isoDate(Number(m[6]), Number(m[5]), Number(m[4]));
    return iso ? { first: iso, last: iso, precision: "day", start, end } : null;
  }
  if (m[7]) {
    const month = monthByName.get(m[8]!.toLowerCase());
    if (!month) return null;
    const day = Number(m[7]);
    if (m[9]) {
      const iso = isoDate(Number(m[9]), month, day);
      return iso ? { first: iso, last: iso, precision: "day", start, end } : null;
    }
    if (day < 1 || day > 31) return null;
    return { first: "", last: "", precision: "dayMonth", start, end, month, day };
  }
  if (m[10]) {
    const month = monthByName.get(m[10].toLowerCase());
    const year = Number(m[11]);
    if (!month) return null;
    const first = isoDate(year, month, 1);
    const last = isoDate(year, month, lastDayOfMonth(year, month));
    return first && last ? { first, last, precision: "month", start, end } : null;
  }
  if (m[12]) {
    const year = Number(m[12]);
    return { first: `${year}-01-01`, last: `${year}-12-31`, precision: "year", start, end };
  }
  return null;
}

const rangeJoiner = new RegExp(
  String.raw`^\s*(?:${dashClass}|till\s+och\s+med|t\.\s?o\.\s?m\.?|tom|till|fram\s+till|och|—)\s*$`,
  "iu",
);

/**
 * Pairs atoms joined by a dash or "till (och med)" into ranges; a day-and-month without a year
 * takes the year of the date it is paired with ("1 april – 30 september 2024").
 */
export function findDateRanges(text: string, atoms: readonly DateAtom[]): DateRange[] {
  const ranges: DateRange[] = [];
  for (let i = 0; i + 1 < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1]!;
    const between = text.slice(a.end, b.start);
    if (between.length > 20 || !rangeJoiner.test(between)) continue;
    if (/^\s*och\s*$/i.test(between) && !/mellan\s+$/i.test(text.slice(Math.max(0, a.start - 10), a.start))) continue;
    const completed = completeDayMonth(a, b);
    if (!completed || b.precision === "dayMonth") continue;
    ranges.push({ from: completed, to: b, start: a.start, end: b.end });
    i++;
  }
  return ranges;
}

function completeDayMonth(a: DateAtom, b: DateAtom): DateAtom | null {
  if (a.precision !== "dayMonth") return a;
  const year = Number(b.last.slice(0, 4));
  let iso = isoDate(year, a.month!, a.day!);
  // "1 oktober – 31 mars 2025" crosses a year boundary.
  if (iso && iso > b.last) iso = isoDate(year - 1, a.month!, a.day!);
  return iso ? { ...a, first: iso, last: iso, precision: "day" } : null;
}
