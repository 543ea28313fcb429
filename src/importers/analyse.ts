/**
 * Runs the extraction rules over a prepared text and assembles the draft with its provenance. Pure
 * and synchronous: the same text gives the same draft.
 */
import type { PreparedText } from "./normalise/normalise.ts";
import { extractActions } from "./rules/actions.ts";
import type { Doc } from "./rules/document.ts";
import { makeDoc } from "./rules/document.ts";
import { classify, extractTitle } from "./rules/kind.ts";
import { extractCommitments, extractFocusAreas, extractRequiredDocuments } from "./rules/lists.ts";
import { extractBodies, extractFollowUps, extractSituationReportSources } from "./rules/organisation.ts";
import { extractParties } from "./rules/parties.ts";
import { extractPromises } from "./rules/promises.ts";
import { extractSignatories } from "./rules/signatories.ts";
import { extractValidity } from "./rules/validity.ts";
import type { DocumentFormat, FieldProvenance, ImportDraft, ImportWarning, Located } from "./types.ts";

export interface AnalyseContext {
  format: DocumentFormat;
  bytes: number;
  pages: number | null;
  warnings: ImportWarning[];
}

class Provenance {
  readonly fields: FieldProvenance[] = [];
  constructor(private readonly textLength: number) {}

  add(path: string, span: { start: number; end: number } | null | undefined, confidence: number): void {
    if (!span) return;
    // Spans are clamped so a review page can always slice the text with them.
    const start = Math.max(0, Math.min(span.start, this.textLength));
    const end = Math.max(start, Math.min(span.end, this.textLength));
    this.fields.push({ path, start, end, confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100 });
  }

  located(path: string, value: Located<unknown> | null | undefined): void {
    if (value) this.add(path, value, value.confidence);
  }
}

export function analyse(prepared: PreparedText, context: AnalyseContext): ImportDraft {
  const doc: Doc = makeDoc(prepared.text, prepared.lines);
  const p = new Provenance(doc.text.length);
  const warnings = [...context.warnings];

  const title = extractTitle(doc, prepared.runningHeader);
  if (title && title.start !== null) p.add("title", { start: title.start, end: title.end! }, title.confidence);
  const { kind, confidence: kindConfidence } = classify(doc, title?.value ?? null);
  if (title && title.start !== null) p.add("kind", { start: title.start, end: title.end! }, kindConfidence);

  const parties = extractParties(doc);
  parties.forEach((party, i) => p.located(`parties/${i}`, party));

  const { validity, located: validityLocated } = extractValidity(doc);
  for (const [key, value] of Object.entries(validityLocated)) p.located(`validity/${key}`, value);

  const partyValues = parties.map((x) => x.value);
  const { signatories, signed } = extractSignatories(doc, partyValues);
  signatories.forEach((s, i) => {
    p.located(`signatories/${i}/name`, s.name);
    p.located(`signatories/${i}/title`, s.title);
    p.located(`signatories/${i}/organisation`, s.organisation);
  });
  if (signed) {
    p.located("signed/place", signed.place);
    p.located("signed/date", signed.date);
  }

  const focusAreas = extractFocusAreas(doc);
  focusAreas.forEach((f, i) => p.located(`focusAreas/${i}`, f));

  const actions = extractActions(
    doc,
    focusAreas.map((f) => f.value.title),
  );
  actions.forEach((a, i) => {
    p.add(`actions/${i}/action`, a.spans.action, a.confidence);
    p.add(`actions/${i}/cause`, a.spans.cause, a.confidence - 0.05);
    p.add(`actions/${i}/responsible`, a.spans.responsible, a.confidence - 0.1);
    p.add(`actions/${i}/followUp`, a.spans.followUp, a.confidence - 0.1);
    p.add(`actions/${i}/focusArea`, a.spans.focusArea, a.confidence - 0.1);
  });

  const { promises, period } = extractPromises(doc, kind === "citizen_promise" ? "citizen_promise" : "other");
  promises.forEach((x, i) => p.located(`promises/${i}`, x));
  if (period) p.located("promisePeriod", period.located);

  const bodies = extractBodies(doc);
  bodies.forEach((b, i) => p.located(`bodies/${i}`, b));
  const commitments = extractCommitments(doc);
  commitments.forEach((c, i) => p.located(`commitments/${i}`, c));
  const sources = extractSituationReportSources(doc);
  sources.forEach((s, i) => p.located(`situationReportSources/${i}`, s));
  const requiredDocuments = extractRequiredDocuments(doc);
  requiredDocuments.forEach((d, i) => p.located(`requiredDocuments/${i}`, d));
  const followUps =
    kind === "follow_up" || kind === "citizen_promise" || kind === "action_plan" ? extractFollowUps(doc) : [];
  followUps.forEach((f, i) => p.located(`followUps/${i}`, f));

  if (!doc.text.trim()) warnings.push({ code: "no_text", message: "the document contains no text" });
  else if (kind === "other")
    warnings.push({
      code: "not_recognised",
      message: "this does not look like a samverkansöverenskommelse, medborgarlöfte or action plan: check the document",
    });
  if (kind === "agreement") {
    if (!partyValues.some((x) => x.type === "kommun"))
      warnings.push({ code: "no_kommun", message: "no kommun was recognised among the parties" });
    if (!partyValues.some((x) => x.type === "lpo"))
      warnings.push({ code: "no_lpo", message: "no lokalpolisområde was recognised among the parties" });
    if (!validity.from && !validity.to && !validity.untilFurtherNotice)
      warnings.push({ code: "no_validity", message: "the period of validity was not found" });
  }
  if (prepared.ocrDamaged)
    warnings.push({
      code: "ocr_repaired",
      message: `the text looked OCR-damaged; ${prepared.ocrRepairs} words were repaired: check names and numbers`,
    });

  return {
    version: 1,
    format: context.format,
    kind,
    title: title?.value ?? null,
    text: doc.text,
    parties: partyValues,
    validity,
    signatories: signatories.map((s) => s.value),
    signed: signed?.value ?? null,
    focusAreas: focusAreas.map((f) => f.value),
    actions: actions.map((a) => a.value),
    promises: promises.map((x) => x.value),
    promisePeriod: period?.value ?? null,
    bodies: bodies.map((b) => b.value),
    commitments: commitments.map((c) => c.value),
    situationReportSources: sources.map((s) => s.value),
    requiredDocuments: requiredDocuments.map((d) => d.value),
    followUps: followUps.map((f) => f.value),
    fields: p.fields,
    warnings,
    stats: {
      bytes: context.bytes,
      pages: context.pages,
      ocrRepairs: prepared.ocrRepairs,
      furnitureLinesRemoved: prepared.furnitureLinesRemoved,
    },
  };
}
