/**
 * Rules that read lists: focus areas (after "prioriterade områden", "fokusområden" …), commitments
 * (under "Åtagande"), and the documents an agreement requires. A list is bullets or numbered items,
 * possibly separated by blank lines, whose wrapped lines continue the item above.
 */
import type { Located } from "../types.ts";
import type { Doc } from "./document.ts";
import { clean, isListItem, listItemBody } from "./document.ts";
import { commitmentHeading, focusAreaCues, requiredDocumentPatterns } from "./lexicon.ts";

export interface ListItem {
  text: string;
  start: number;
  end: number;
  /** Line index of the item's first line. */
  line: number;
}

/** List items starting at line `from` (blank lines skipped); stops at a heading or a plain paragraph. */
export function readList(
  doc: Doc,
  from: number,
  options: { acrossSubheadings?: boolean; max?: number } = {},
): ListItem[] {
  const items: ListItem[] = [];
  const max = options.max ?? 60;
  let current: ListItem | null = null;
  // Before the first item, a few intro lines and sub-headings may be skipped, not whole sections.
  let skipped = 0;
  for (let j = from; j < doc.lines.length && items.length < max; j++) {
    const line = doc.lines[j]!;
    const text = line.text;
    if (!text.trim()) {
      current = null;
      continue;
    }
    if (isListItem(text) && !text.includes("\t")) {
      const { body, offset } = listItemBody(text);
      current = { text: body, start: line.start + offset, end: line.start + offset + body.length, line: j };
      items.push(current);
      continue;
    }
    if (doc.headingLevel[j]! > 0) {
      if (options.acrossSubheadings && items.length > 0 && doc.headingLevel[j] === 7) {
        current = null;
        continue;
      }
      if (options.acrossSubheadings && items.length === 0 && ++skipped <= 6) continue;
      break;
    }
    // A wrapped line continues the item directly above it.
    if (current && doc.lines[j - 1]!.text.trim() !== "") {
      current.text = `${current.text} ${text.trim()}`;
      current.end = line.start + text.trimEnd().length;
      continue;
    }
    if (items.length === 0 && options.acrossSubheadings && ++skipped <= 6) continue;
    break;
  }
  return items;
}

function nextContentLine(doc: Doc, from: number): number {
  let j = from;
  while (j < doc.lines.length && !doc.lines[j]!.text.trim()) j++;
  return j;
}

const tidyItem = (s: string) =>
  clean(s)
    .replace(/[.;,:]+$/, "")
    .trim();

export function extractFocusAreas(doc: Doc): Located<{ title: string }>[] {
  for (let i = 0; i < doc.lines.length; i++) {
    const text = doc.lines[i]!.text.trim();
    if (!text || text.length > 250 || !focusAreaCues.some((c) => c.test(text))) continue;
    const heading = doc.headingLevel[i]! > 0;
    if (!heading && !/:\s*$/.test(text)) continue;
    let j = nextContentLine(doc, i + 1);
    // A heading may be followed by one intro sentence ending in ":" before the list.
    const intro = doc.lines[j]?.text.trim() ?? "";
    if (heading && intro && !isListItem(intro) && /:\s*$/.test(intro) && intro.length < 250)
      j = nextContentLine(doc, j + 1);
    const items = readList(doc, j).filter((it) => it.text.length > 1 && it.text.length < 200);
    if (items.length > 0) {
      return items.map((it) => ({
        value: { title: tidyItem(it.text) },
        start: it.start,
        end: it.end,
        confidence: heading ? 0.85 : 0.8,
      }));
    }
    // Or sub-headings under a "Fokusområden" heading (markup headings only: their levels are known).
    const level = doc.headingLevel[i]!;
    if (level > 0 && level < 7) {
      const subs: Located<{ title: string }>[] = [];
      for (let k = i + 1; k < doc.lines.length; k++) {
        const l = doc.headingLevel[k]!;
        if (l === 0 || l === 7) continue;
        if (l <= level) break;
        const line = doc.lines[k]!;
        subs.push({ value: { title: tidyItem(line.text) }, start: line.start, end: line.end, confidence: 0.65 });
      }
      if (subs.length > 0) return subs;
    }
  }
  return [];
}

export function extractCommitments(doc: Doc): Located<{ text: string }>[] {
  for (let i = 0; i < doc.lines.length; i++) {
    const text = doc.lines[i]!.text.trim();
    const isHeading = doc.headingLevel[i]! > 0 && commitmentHeading.test(text);
    const isIntro = /\b(kommit\s+överens\s+om|åtar\s+sig(\s+att)?|förbinder\s+sig\s+(till|att))\s*:\s*$/i.test(text);
    if (!isHeading && !isIntro) continue;
    const items = readList(doc, i + 1, { acrossSubheadings: true }).filter((it) => it.text.length > 3);
    if (items.length > 0)
      return items.map((it) => ({ value: { text: clean(it.text) }, start: it.start, end: it.end, confidence: 0.75 }));
  }
  return [];
}

export function extractRequiredDocuments(doc: Doc): Located<{ name: string }>[] {
  for (let i = 0; i < doc.lines.length; i++) {
    const text = doc.lines[i]!.text.trim();
    if (!/\b(följande\s+dokument|ta\s+fram\s+följande|dokument(ation)?\s+ska\s+tas\s+fram)\b.*:\s*$/i.test(text))
      continue;
    const items = readList(doc, i + 1);
    const out: Located<{ name: string }>[] = [];
    for (const it of items) {
      for (const [name, pattern] of requiredDocumentPatterns) {
        if (pattern.test(it.text) && !out.some((o) => o.value.name === name))
          out.push({ value: { name }, start: it.start, end: it.end, confidence: 0.8 });
      }
    }
    if (out.length) return out;
  }
  return [];
}
