/**
 * Citizen promises (medborgarlöften), grouped by who promises: "Polisen lovar", "Kommunen lovar",
 * "Tillsammans lovar vi" as headings over lists, or inline ("Polisen lovar att öka närvaron …").
 * "ska" / "ansvarar för att" count only inside a promise section, where they mean a promise; in an
 * agreement's body they are obligations, not promises.
 */
import type { CitizenPromise, Located, Period } from "../types.ts";
import { findDateAtoms, findDateRanges } from "./dates.ts";
import type { Doc } from "./document.ts";
import { clean, sentences } from "./document.ts";
import { promiseOwnerPatterns } from "./lexicon.ts";
import { readList } from "./lists.ts";

type Owner = CitizenPromise["by"];

export interface PromiseResult {
  promises: Located<CitizenPromise>[];
  period: { value: Period; located: Located<string> | null } | null;
}

/** "Att genomföra minst 20 kontroller." → "genomföra minst 20 kontroller": the owner's "lovar att" is implied. */
function promiseText(text: string): string {
  return clean(text)
    .replace(/^att\s+/i, "")
    .replace(/[.;]+$/, "");
}

function ownerOf(text: string): Owner | null {
  for (const [owner, pattern] of promiseOwnerPatterns) if (pattern.test(text)) return owner;
  return null;
}

const promiseSectionHeading = /\b(medborgarlöfte(n|t|na)?|våra\s+löften|löften|vi\s+lovar|lovar)\b/i;
/** A line that introduces a group: "Polisen lovar:", "Kommunen lovar att", "Tillsammans lovar vi". */
const groupIntro =
  /^(.{0,60}?)\b(lovar(\s+vi)?|ska|kommer\s+att|ansvarar\s+för\s+att|åtar\s+sig\s+att)(\s+att)?\s*:?\s*$/i;
const inlinePromise = /^(.{0,60}?)\b(lovar|åtar\s+sig)\s+(att\s+)?(.{8,})$/i;

function inPromiseSection(doc: Doc, lineIndex: number): boolean {
  // The nearest headings above, up to the first markup heading (a section's own level).
  let k = lineIndex > 0 ? (doc.sectionHeading[lineIndex - 1] ?? -1) : -1;
  for (let steps = 0; k >= 0 && steps < 20; steps++) {
    if (promiseSectionHeading.test(doc.lines[k]!.text)) return true;
    if (doc.headingLevel[k]! < 7) return false;
    k = k > 0 ? (doc.sectionHeading[k - 1] ?? -1) : -1;
  }
  return false;
}

export function extractPromises(doc: Doc, kindHint: "citizen_promise" | "other"): PromiseResult {
  const promises: Located<CitizenPromise>[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    const text = doc.lines[i]!.text.trim();
    if (!text || text.length > 90) continue;
    const intro = groupIntro.exec(text.replace(/^[-•*]\s+/, ""));
    if (!intro) continue;
    const owner = ownerOf(text);
    if (!owner) continue;
    const strongVerb = /lovar|åtar/i.test(intro[2]!);
    if (!strongVerb && kindHint !== "citizen_promise" && !inPromiseSection(doc, i)) continue;
    const items = readList(doc, i + 1);
    for (const item of items) {
      promises.push({
        value: { by: owner, text: promiseText(item.text) },
        start: item.start,
        end: item.end,
        confidence: strongVerb ? 0.85 : 0.7,
      });
    }
  }
  // Inline promises: "Polisen lovar att genomföra minst 30 trafikkontroller."
  for (const s of sentences(doc)) {
    const m = inlinePromise.exec(s.text.replace(/^[-•*]\s+/, ""));
    if (!m) continue;
    const owner = ownerOf(s.text.replace(/^[-•*]\s+/, ""));
    if (!owner) continue;
    if (/:\s*$/.test(s.text)) continue;
    const body = m[4]!.replace(/[.;]+$/, "");
    const start = s.start + s.text.lastIndexOf(m[4]!);
    if (promises.some((p) => p.start <= start && p.end >= start)) continue;
    promises.push({ value: { by: owner, text: clean(body) }, start, end: start + body.length, confidence: 0.75 });
  }
  promises.sort((a, b) => a.start - b.start);
  return { promises, period: promises.length || kindHint === "citizen_promise" ? extractPromisePeriod(doc) : null };
}

/** The period the promises run for, from a sentence about the promise with a dated range or year. */
function extractPromisePeriod(doc: Doc): PromiseResult["period"] {
  for (const s of sentences(doc)) {
    if (!/\blöfte(n|t|na)?\b|\bmedborgarlöfte/i.test(s.text) && !/\b(gäller|period(en)?|under)\b/i.test(s.text))
      continue;
    if (!/\blöfte|\bgäller\b|\bperiod/i.test(s.text)) continue;
    const atoms = findDateAtoms(doc.text, s.start, s.end);
    const range = findDateRanges(doc.text, atoms)[0];
    if (range?.from && range.to) {
      return {
        value: { from: range.from.first, to: range.to.last },
        located: {
          value: `${range.from.first}/${range.to.last}`,
          start: range.start,
          end: range.end,
          confidence: 0.75,
        },
      };
    }
    const year = atoms.find((a) => a.precision === "year" || a.precision === "month");
    if (
      year &&
      /\blöfte/i.test(s.text) &&
      /\b(gäller|för|under)\s+(år\s+)?$/i.test(doc.text.slice(Math.max(s.start, year.start - 20), year.start))
    ) {
      return {
        value: { from: year.first, to: year.last },
        located: { value: `${year.first}/${year.last}`, start: year.start, end: year.end, confidence: 0.6 },
      };
    }
  }
  return null;
}
