/**
 * The normalised document as the rules see it: the text, its lines with heading levels, and small
 * helpers to move around it. Plain text has no markup, so a heading there is guessed from shape: a
 * short line without closing punctuation that follows a blank line.
 */
import type { Line } from "../normalise/normalise.ts";

export interface Doc {
  text: string;
  lines: Line[];
  /** Heading level per line: markup levels 1–6, 7 for a heading guessed from shape, 0 otherwise. */
  headingLevel: number[];
  /** Per line, the index of the nearest heading at or above it (-1 before the first). */
  sectionHeading: number[];
}

const listItem = /^\s*(?:[-–•*]\s+|\(?\d{1,2}[.)]\s+|[a-z][.)]\s+)/;

export function isListItem(text: string): boolean {
  return listItem.test(text);
}

/** The item's text without its bullet or number. */
export function listItemBody(text: string): { body: string; offset: number } {
  const m = listItem.exec(text);
  if (!m) return { body: text.trim(), offset: text.length - text.trimStart().length };
  const rest = text.slice(m[0].length);
  return { body: rest.trim(), offset: m[0].length + (rest.length - rest.trimStart().length) };
}

function guessHeading(lines: Line[], i: number): boolean {
  const t = lines[i]!.text.trim();
  if (!t || t.length > 90 || t.includes("\t") || isListItem(t)) return false;
  if (/[.,;]$/.test(t) || !/^[\p{Lu}\d]/u.test(t)) return false;
  if (t.split(/\s+/).length > 10) return false;
  // Dates and signature lines are not headings.
  if (/\d{4}-\d{2}-\d{2}|\bden\s*_*$/.test(t)) return false;
  const previous = lines[i - 1]?.text.trim() ?? "";
  const next = lines[i + 1]?.text.trim() ?? "";
  if (previous !== "" && i > 0) return false;
  // A heading introduces something longer, or stands alone before a blank line.
  return next === "" || next.length > t.length || isListItem(next);
}

export function makeDoc(text: string, lines: Line[]): Doc {
  const headingLevel = lines.map((line, i) => (line.heading > 0 ? line.heading : guessHeading(lines, i) ? 7 : 0));
  const sectionHeading: number[] = [];
  let current = -1;
  headingLevel.forEach((level, i) => {
    if (level > 0) current = i;
    sectionHeading.push(current);
  });
  return { text, lines, headingLevel, sectionHeading };
}

/** Index of the line containing the offset. */
export function lineAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The nearest heading above a line (its index), or -1. */
export function headingAbove(doc: Doc, lineIndex: number): number {
  return lineIndex > 0 ? (doc.sectionHeading[lineIndex - 1] ?? -1) : -1;
}

/** Span of a trimmed substring of a line, in text offsets. */
export function trimmedSpan(
  doc: Doc,
  lineIndex: number,
  from = 0,
  to?: number,
): { start: number; end: number; text: string } {
  const line = doc.lines[lineIndex]!;
  const raw = line.text.slice(from, to ?? line.text.length);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  const start = line.start + from + lead;
  return { start, end: start + body.length, text: body };
}

/**
 * Sentences as offset ranges: paragraphs (blank-line separated; a heading or list item is its own
 * paragraph) split after ".", "!" or "?" followed by a capital, so "t.o.m." does not end one.
 */
const sentenceCache = new WeakMap<Doc, Array<{ start: number; end: number; text: string }>>();

export function sentences(doc: Doc): Array<{ start: number; end: number; text: string }> {
  const cached = sentenceCache.get(doc);
  if (cached) return cached;
  const out = splitSentences(doc);
  sentenceCache.set(doc, out);
  return out;
}

function splitSentences(doc: Doc): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  const push = (start: number, end: number) => {
    const raw = doc.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ start: start + lead, end: start + lead + body.length, text: body });
  };
  const flush = (from: number, to: number) => {
    if (to <= from) return;
    let cursor = from;
    const region = doc.text.slice(from, to);
    for (const m of region.matchAll(/[.!?](?=\s+["„(]?[\p{Lu}\d])/gu)) {
      const cut = from + (m.index ?? 0) + 1;
      push(cursor, cut);
      cursor = cut;
    }
    push(cursor, to);
  };
  let paragraphStart: number | null = null;
  let paragraphEnd = 0;
  doc.lines.forEach((line, i) => {
    const blank = line.text.trim() === "";
    const standalone = doc.headingLevel[i]! > 0 || line.text.includes("\t");
    // A list item opens a paragraph of its own; its wrapped continuation lines belong to it.
    if (isListItem(line.text) && paragraphStart !== null) {
      flush(paragraphStart, paragraphEnd);
      paragraphStart = null;
    }
    if (blank || standalone) {
      if (paragraphStart !== null) flush(paragraphStart, paragraphEnd);
      paragraphStart = null;
      if (standalone) flush(line.start, line.end);
      return;
    }
    if (paragraphStart === null) paragraphStart = line.start;
    paragraphEnd = line.end;
  });
  if (paragraphStart !== null) flush(paragraphStart, paragraphEnd);
  return out;
}

export const clean = (s: string): string => s.replace(/\s+/g, " ").trim();
