/**
 * The document's title and kind. The title is the first real heading (not a section heading like
 * "Syfte och mål"); the kind comes from the title's own words when it has them, otherwise from
 * weighted signals in the text. Nothing convincing → "other", with a warning from the caller.
 */
import type { DocumentKind, Located } from "../types.ts";
import type { Doc } from "./document.ts";
import { isListItem } from "./document.ts";
import { kindSignals } from "./lexicon.ts";

const genericHeading =
  /^(syfte(\s+och\s+mål)?|bakgrund|inledning|innehåll(sförteckning)?|metod(\s+och\s+organisation)?|sammanfattning|parter|avtalande\s+parter|mål|tid|organisation)$/i;

export function extractTitle(
  doc: Doc,
  runningHeader: string | null,
): Located<string> | { value: string; start: null; end: null; confidence: number } | null {
  const limit = Math.min(doc.lines.length, 40);
  for (const level of [1, 2]) {
    for (let i = 0; i < limit; i++) {
      if (doc.headingLevel[i] !== level) continue;
      const t = doc.lines[i]!.text.trim();
      if (t && !genericHeading.test(t)) return located(doc, i, 0.9);
    }
  }
  for (let i = 0; i < limit; i++) {
    const t = doc.lines[i]!.text.trim();
    if (!t) continue;
    if (t.length <= 150 && !/[.,;]$/.test(t) && !genericHeading.test(t) && !isListItem(t) && !t.includes("\t"))
      return located(doc, i, 0.75);
    break;
  }
  if (runningHeader) return { value: runningHeader, start: null, end: null, confidence: 0.5 };
  return null;
}

function located(doc: Doc, i: number, confidence: number): Located<string> {
  const line = doc.lines[i]!;
  const lead = line.text.length - line.text.trimStart().length;
  const value = line.text.trim();
  return { value, start: line.start + lead, end: line.start + lead + value.length, confidence };
}

const titleKinds: ReadonlyArray<readonly [DocumentKind, RegExp]> = [
  ["follow_up", /\b(uppföljning|återrapport(ering)?|utvärdering|redovisning)\b/i],
  ["agreement", /\b(samverkansöverenskommelse|överenskommelse|samverkansavtal|avtal)/i],
  ["citizen_promise", /\bmedborgarlöfte/i],
  ["action_plan", /\b(handlingsplan|åtgärdsplan|aktivitetsplan)/i],
];

export function classify(doc: Doc, title: string | null): { kind: DocumentKind; confidence: number } {
  if (title) {
    let best: { kind: DocumentKind; at: number } | null = null;
    for (const [kind, pattern] of titleKinds) {
      const m = pattern.exec(title);
      if (!m) continue;
      const at = kind === "follow_up" ? -1 : (m.index ?? 0);
      if (!best || at < best.at) best = { kind, at };
    }
    if (best) return { kind: best.kind, confidence: 0.9 };
  }
  const scores = new Map<DocumentKind, number>();
  const sample = doc.text.length > 400_000 ? doc.text.slice(0, 400_000) : doc.text;
  for (const [kind, pattern, weight] of kindSignals) {
    let n = 0;
    for (const _ of sample.matchAll(pattern)) if (++n >= 10) break;
    scores.set(kind, (scores.get(kind) ?? 0) + n * weight);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [top] = ranked;
  if (!top || top[1] < 3) return { kind: "other", confidence: 0.5 };
  return { kind: top[0], confidence: Math.min(0.85, 0.4 + top[1] / 30) };
}
