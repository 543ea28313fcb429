/**
 * The agreement's period of validity. Candidates are sentences that talk about validity ("gäller",
 * "giltighetstid", "avtalsperiod", "tills vidare") and the lines under a validity heading; each is
 * scored, and sentences about citizen promises, action plans, deadlines or publication are pushed
 * down so their dates do not become the agreement's.
 */
import type { Located, Validity } from "../types.ts";
import type { DateAtom } from "./dates.ts";
import { findDateAtoms, findDateRanges } from "./dates.ts";
import type { Doc } from "./document.ts";
import { sentences } from "./document.ts";

export interface ValidityResult {
  validity: Validity;
  located: Partial<Record<keyof Validity, Located<unknown>>>;
}

const validityCue =
  /\b(gäller|gälla|giltig|giltighet|giltighetstid(en)?|avtalsperiod(en)?|avtalstid(en)?|löper|tidsperiod|perioden|från\s+och\s+med|fr\.\s?o\.\s?m|till\s+och\s+med|t\.\s?o\.\s?m|tills\s?vidare)\b/i;
const subjectCue = /\b(samverkans)?(överenskommelse(n|ns)?|avtal(et|ets)?|samverkansavtal(et)?|åtagande(n|na)?)\b/i;
const validityHeading =
  /^(överenskommelsens\s+|avtalets\s+)?(giltighetstid|giltighet|avtalsperiod|avtalstid|period|tid|tidsperiod|varaktighet|löptid)$/i;
/** Sentences whose dates belong to something else. */
const otherSubject =
  /\b(medborgarlöfte(n|t|na)?|löfte(n|t|na)?|handlingsplan(en)?|åtgärdsplan(en)?|lägesbild(en)?|publicerad|senast\s+(ändrad|uppdaterad|den)|under\s+(år\s+)?\d{4}|tagits\s+fram|antogs|beslutade?s?)\b/i;
const untilFurtherNoticePattern =
  /\btills\s?vidare\b|\bpå\s+obestämd\s+tid\b|\btill\s+dess\s+(att\s+)?(den|det|någon)/i;
const terminablePattern =
  /\b(kan|får|äger\s+rätt\s+att)\s+(\p{L}+\s+){0,4}(sägas\s+upp|säga\s+upp)\b|\buppsägningstid\b|\bsägas\s+upp\b|\buppsägning\b/iu;
const revisionPattern =
  /\b(revideras|omprövas|ses\s+över|uppdateras|följs\s+upp\s+och\s+revideras)\s+((vid\s+behov)|(årligen)|(varje\s+år)|(vart\s+?annat\s+år)|(en\s+gång\s+per\s+år)|(inför\s+[^.\n,]{3,40})|(senast\s+[^.\n,]{3,40})|(efter\s+[^.\n,]{3,40}))/iu;
const fromWord =
  /\b(från(\s+och\s+med)?|fr\.\s?o\.\s?m\.?|fr\s?o\s?m|med\s+start|startar|börjar\s+gälla|gäller\s+från)\s*$/i;
const toWord =
  /\b(till\s+och\s+med|t\.\s?o\.\s?m\.?|tom|till|fram\s+till|upphör(\s+att\s+gälla)?|senast|slutar)\s*(den\s+)?$/i;

interface Candidate {
  start: number;
  end: number;
  text: string;
  score: number;
}

function candidates(doc: Doc): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sentences(doc)) {
    if (s.text.length > 600) continue;
    const cue = validityCue.test(s.text);
    if (!cue) continue;
    let score = 2;
    if (subjectCue.test(s.text)) score += 2;
    if (/\b(gäller|giltighetstid|avtalsperiod)\b/i.test(s.text)) score += 1;
    if (otherSubject.test(s.text) && !subjectCue.test(s.text)) score -= 3;
    if (/\bsenast\s+den\b/i.test(s.text)) score -= 2;
    out.push({ ...s, score });
  }
  // Lines under a validity heading ("Överenskommelsens giltighetstid", "Avtalsperiod", "Tid").
  doc.lines.forEach((line, i) => {
    if (!doc.headingLevel[i] || !validityHeading.test(line.text.trim().replace(/:$/, ""))) return;
    for (let j = i + 1, seen = 0; j < doc.lines.length && seen < 3; j++) {
      const next = doc.lines[j]!;
      if (!next.text.trim()) continue;
      if (doc.headingLevel[j]) break;
      seen++;
      out.push({ start: next.start, end: next.end, text: next.text, score: 5 });
    }
  });
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}

interface Reading {
  from: DateAtom | null;
  to: DateAtom | null;
}

/** Reads from/to out of one candidate. */
function readPeriod(doc: Doc, c: Candidate): Reading | null {
  const atoms = findDateAtoms(doc.text, c.start, c.end);
  if (atoms.length === 0) return null;
  const ranges = findDateRanges(doc.text, atoms);
  const prefix = (a: DateAtom) => doc.text.slice(Math.max(c.start, a.start - 40), a.start);
  const range = ranges[0];
  if (range) {
    return { from: range.from, to: range.to };
  }
  const full = atoms.filter((a) => a.precision !== "dayMonth");
  let from: DateAtom | null = null;
  let to: DateAtom | null = null;
  for (const a of full) {
    if (!from && fromWord.test(prefix(a))) from = a;
    else if (!to && toWord.test(prefix(a))) to = a;
  }
  if (from || to) return { from, to };
  // "gäller 2024" / "giltighetstid 2019–2023" without a joining word: one year is the whole year.
  if (full.length === 1 && full[0]!.precision !== "day") return { from: full[0]!, to: full[0]! };
  if (full.length === 1 && /\b(undertecknande|undertecknad|signer)/i.test(c.text)) return { from: full[0]!, to: null };
  return null;
}

export function extractValidity(doc: Doc): ValidityResult {
  const validity: Validity = { from: null, to: null, untilFurtherNotice: false, terminable: false, revision: null };
  const located: ValidityResult["located"] = {};
  const list = candidates(doc);
  for (const c of list) {
    if (c.score < 2) break;
    const period = readPeriod(doc, c);
    if (!period) continue;
    const confidence = Math.min(0.95, 0.45 + c.score * 0.1);
    if (period.from) {
      validity.from = period.from.first;
      located.from = { value: validity.from, start: period.from.start, end: period.from.end, confidence };
    }
    if (period.to && period.to !== period.from) {
      validity.to = period.to.last;
      located.to = { value: validity.to, start: period.to.start, end: period.to.end, confidence };
    } else if (period.to && period.to === period.from) {
      validity.to = period.to.last;
      located.to = { value: validity.to, start: period.to.start, end: period.to.end, confidence: confidence - 0.1 };
    }
    break;
  }
  for (const c of list) {
    if (c.score < 2) continue;
    const m = untilFurtherNoticePattern.exec(c.text);
    if (m) {
      validity.untilFurtherNotice = true;
      const start = c.start + (m.index ?? 0);
      located.untilFurtherNotice = { value: true, start, end: start + m[0].length, confidence: 0.9 };
      // "tills vidare" and an end date contradict each other; the end date came from another sentence.
      if (validity.to && located.to && !(located.to.start >= c.start && located.to.end <= c.end)) {
        validity.to = null;
        delete located.to;
      }
      break;
    }
  }
  for (const s of sentences(doc)) {
    if (!validity.terminable) {
      const m = terminablePattern.exec(s.text);
      if (m && (subjectCue.test(s.text) || /\bpart(er|erna)?\b/i.test(s.text))) {
        validity.terminable = true;
        const start = s.start + (m.index ?? 0);
        located.terminable = { value: true, start, end: start + m[0].length, confidence: 0.85 };
      }
    }
    if (!validity.revision) {
      const m = revisionPattern.exec(s.text);
      if (m && (subjectCue.test(s.text) || validityCue.test(s.text))) {
        validity.revision = m[2]!.replace(/\s+/g, " ");
        const start = s.start + (m.index ?? 0) + m[0].indexOf(m[2]!);
        located.revision = { value: validity.revision, start, end: start + m[2]!.length, confidence: 0.7 };
      }
    }
  }
  return { validity, located };
}
