/**
 * How the parties organise the work: bodies and roles (styrgrupp, BRÅ, arbetsgrupper, samordnare,
 * kommunpolis), the sources the lägesbild is built from, and follow-up outcomes where a document
 * reports them.
 */
import type { Body, FollowUpOutcome, Located, SituationReportSource } from "../types.ts";
import type { Doc } from "./document.ts";
import { clean, lineAt, sentences } from "./document.ts";
import { bodyPatterns, situationReportSources } from "./lexicon.ts";

export function extractBodies(doc: Doc): Located<Body>[] {
  const out: Located<Body>[] = [];
  const seen = new Set<string>();
  for (const [kind, pattern] of bodyPatterns) {
    for (const m of doc.text.matchAll(pattern)) {
      const name = clean(m[0]);
      const key = `${kind}:${name
        .toLowerCase()
        .replace(/\s*\(.*\)$/, "")
        .replace(/(erna|en|er|et)$/, "")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const start = m.index ?? 0;
      out.push({ value: { kind, name }, start, end: start + m[0].length, confidence: 0.7 });
      if (out.length > 50) return out;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const mandatoryCue =
  /\b(alltid\s+ska\s+ingå|ska\s+alltid|ska\s+ingå|obligatorisk(a)?|måste\s+ingå|ska\s+bygga\s+på)\b/i;

export function extractSituationReportSources(doc: Doc): Located<SituationReportSource>[] {
  const out: Located<SituationReportSource>[] = [];
  const seen = new Map<string, Located<SituationReportSource>>();
  for (const s of sentences(doc)) {
    const aboutSituation = /\blägesbild/i.test(s.text) || /\blägesbild/i.test(sectionHeading(doc, s.start));
    if (!aboutSituation || s.text.length > 800) continue;
    const mandatory = mandatoryCue.test(s.text);
    for (const [name, pattern] of situationReportSources) {
      const m = pattern.exec(s.text);
      if (!m) continue;
      const existing = seen.get(name);
      if (existing) {
        if (mandatory && !existing.value.mandatory) existing.value.mandatory = true;
        continue;
      }
      const start = s.start + (m.index ?? 0);
      const located = { value: { name, mandatory }, start, end: start + m[0].length, confidence: 0.65 };
      seen.set(name, located);
      out.push(located);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function sectionHeading(doc: Doc, offset: number): string {
  const k = doc.sectionHeading[lineAt(doc, offset)] ?? -1;
  return k >= 0 ? doc.lines[k]!.text : "";
}

const statusPatterns: ReadonlyArray<readonly [NonNullable<FollowUpOutcome["status"]>, RegExp]> = [
  ["not_done", /\b(ej|inte)\s+genomför(t|d|da)\b|\bej\s+påbörja(t|d)\b|\binställ(t|d)\b/i],
  ["partly", /\bdelvis\s+genomför(t|d|da)\b|\bdelvis\b/i],
  ["ongoing", /\bpågår\b|\bpågående\b|\bpåbörja(t|d)\b/i],
  ["done", /\bgenomför(t|d|da)\b|\bklar(t)?\b|\bavslutad\b|\buppfyllt\b|\buppnått\b/i],
];

/** Outcomes reported in a follow-up section ("Uppföljning", "Resultat", "Utfall"). */
export function extractFollowUps(doc: Doc): Located<FollowUpOutcome>[] {
  const out: Located<FollowUpOutcome>[] = [];
  let inSection = false;
  doc.lines.forEach((line, i) => {
    const text = line.text.trim();
    if (doc.headingLevel[i]) {
      inSection =
        /\b(uppföljning|resultat|utfall|återrapportering|utvärdering)\b/i.test(text) &&
        !/\bav\s+samverkan\b/i.test(text);
      return;
    }
    if (!inSection || !text || text.length > 400) return;
    // Only lines that report a status are outcomes; a description of how follow-up works is not.
    for (const [status, pattern] of statusPatterns) {
      if (!pattern.test(text) || /\b(ska|kommer att)\b/i.test(text)) continue;
      const lead = line.text.length - line.text.trimStart().length;
      out.push({
        value: { text: clean(text), status },
        start: line.start + lead,
        end: line.start + lead + text.length,
        confidence: 0.55,
      });
      break;
    }
  });
  return out.slice(0, 200);
}
