/**
 * Action-plan tables (Orsak | Åtgärd | Ansvarig | Uppföljning). Rows arrive tab-separated from
 * every format. A row with an empty cause continues the cause above; a row of "--" ends the table;
 * a cell holding several actions (separated by double spaces, bullets or line breaks in the source
 * cell) becomes one action each, sharing the row's responsible and follow-up.
 */
import type { Action, Located } from "../types.ts";
import type { Doc } from "./document.ts";
import { clean } from "./document.ts";
import type { ActionColumn } from "./lexicon.ts";
import { actionColumnSynonyms } from "./lexicon.ts";

export interface LocatedAction extends Located<Action> {
  spans: Partial<Record<"cause" | "action" | "responsible" | "followUp" | "focusArea", { start: number; end: number }>>;
}

function headerColumns(cells: string[]): Map<ActionColumn, number> | null {
  const columns = new Map<ActionColumn, number>();
  cells.forEach((cell, index) => {
    const name = clean(cell).replace(/[:*]+$/, "");
    for (const [column, pattern] of actionColumnSynonyms) {
      if (pattern.test(name) && !columns.has(column)) {
        columns.set(column, index);
        break;
      }
    }
  });
  return columns.has("action") && columns.size >= 2 ? columns : null;
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

function splitCells(doc: Doc, lineIndex: number): Cell[] {
  const line = doc.lines[lineIndex]!;
  const cells: Cell[] = [];
  let offset = 0;
  for (const raw of line.text.split("\t")) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ text, start: line.start + offset + lead, end: line.start + offset + lead + text.length });
    offset += raw.length + 1;
  }
  return cells;
}

/** Several actions in one cell: separated by two or more spaces, bullets, or " - " list dashes. */
export function splitActions(cell: Cell): Cell[] {
  const out: Cell[] = [];
  const pattern = /[^•\u2022]+?(?=\s{2,}|\s*[•\u2022]\s*|$)/g;
  for (const m of cell.text.matchAll(pattern)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/^[-–]\s+/, "");
    if (text.length < 2) continue;
    const start = cell.start + (m.index ?? 0) + lead + (raw.trim().length - text.length);
    out.push({ text, start, end: start + text.length });
  }
  return out.length ? out : [cell];
}

/** Organisations in a responsible cell, and the contact persons named in brackets. */
export function splitResponsible(text: string): { responsible: string[]; contacts: string[] } {
  const contacts: string[] = [];
  const withoutContacts = text.replace(/\(\s*([^()]{1,80}?)\s*\)/g, (_, inner: string) => {
    for (const name of inner.split(/\s*(?:,|\/|\boch\b)\s*/)) if (name.trim()) contacts.push(clean(name));
    return "  ";
  });
  const responsible = withoutContacts
    .split(/\s{2,}|\s*[,;\n/]\s*|\s*[•\u2022]\s*/)
    .map((s) =>
      clean(s)
        .replace(/^[-–]+|[-–.]+$/g, "")
        .trim(),
    )
    .filter((s) => s.length > 1);
  return { responsible: [...new Set(responsible)], contacts: [...new Set(contacts)] };
}

const isEndMarker = (cells: Cell[]) => cells.every((c) => /^[-–—_]*$/.test(c.text)) && cells.some((c) => c.text);

export function extractActions(doc: Doc, focusAreaTitles: readonly string[]): LocatedAction[] {
  const actions: LocatedAction[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    if (!doc.lines[i]!.text.includes("\t")) continue;
    const header = headerColumns(splitCells(doc, i).map((c) => c.text));
    if (!header) continue;
    const tableFocus = focusAreaAbove(doc, i, focusAreaTitles);
    let cause: Cell | null = null;
    let focus: Cell | null = null;
    let j = i + 1;
    for (; j < doc.lines.length; j++) {
      const line = doc.lines[j]!;
      if (!line.text.trim()) continue;
      if (!line.text.includes("\t")) break;
      const cells = splitCells(doc, j);
      if (isEndMarker(cells)) {
        j++;
        break;
      }
      if (headerColumns(cells.map((c) => c.text))) break;
      const cell = (column: ActionColumn): Cell | null => {
        const index = header.get(column);
        const c = index === undefined ? undefined : cells[index];
        return c && c.text ? c : null;
      };
      // An empty cause (or focus) cell continues the one above: a merged cell in the source.
      cause = cell("cause") ?? cause;
      focus = cell("focusArea") ?? focus;
      const actionCell = cell("action");
      if (!actionCell) continue;
      const responsibleCell = cell("responsible");
      const followUpCell = cell("followUp");
      const { responsible, contacts } = splitResponsible(responsibleCell?.text ?? "");
      for (const part of splitActions(actionCell)) {
        const spans: LocatedAction["spans"] = { action: { start: part.start, end: part.end } };
        if (cause) spans.cause = { start: cause.start, end: cause.end };
        if (responsibleCell) spans.responsible = { start: responsibleCell.start, end: responsibleCell.end };
        if (followUpCell) spans.followUp = { start: followUpCell.start, end: followUpCell.end };
        if (focus) spans.focusArea = { start: focus.start, end: focus.end };
        actions.push({
          value: {
            focusArea: focus ? clean(focus.text) : tableFocus,
            cause: cause ? clean(cause.text) : null,
            action: clean(part.text),
            responsible,
            contacts,
            followUp: followUpCell ? clean(followUpCell.text) : null,
          },
          start: part.start,
          end: part.end,
          confidence: cause ? 0.85 : 0.75,
          spans,
        });
      }
    }
    i = j - 1;
  }
  return actions;
}

/** The focus area a table sits under: the nearest heading, matched to a listed focus area when one fits. */
function focusAreaAbove(doc: Doc, lineIndex: number, focusAreaTitles: readonly string[]): string | null {
  for (let k = lineIndex - 1; k >= 0 && k > lineIndex - 40; k--) {
    if (!doc.headingLevel[k]) continue;
    const heading = clean(doc.lines[k]!.text).replace(/[.:]+$/, "");
    const match = focusAreaTitles.find((t) => overlap(t, heading) >= 0.6);
    return match ?? heading;
  }
  return null;
}

function overlap(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .split(/[^\p{L}\d]+/u)
        .filter((w) => w.length > 3),
    );
  const wa = words(a);
  const wb = words(b);
  if (!wa.size || !wb.size) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}
