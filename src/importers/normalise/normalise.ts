/**
 * From the light markup every format is turned into, to the normalised text that the draft's spans
 * point into: Unicode and whitespace cleaned, markup removed (headings remembered per line), page
 * furniture dropped, words split over line ends joined, and OCR damage repaired.
 */
import type { WordList } from "./dictionary.ts";
import { repairOcr } from "./ocr.ts";

export interface Line {
  start: number;
  end: number;
  text: string;
  /** 1–6 from markup ("#", <h2>, a larger PDF font, a bold-only paragraph); 0 = not a heading. */
  heading: number;
}

export interface PreparedText {
  text: string;
  lines: Line[];
  ocrRepairs: number;
  ocrDamaged: boolean;
  furnitureLinesRemoved: number;
  /** A running header dropped from the top ("Samverkansöverenskommelse 2"), kept as a title hint. */
  runningHeader: string | null;
}

/** Page furniture of saved web pages and exported documents: never content. */
const furniturePatterns: readonly RegExp[] = [
  /^(visa|dölj|stäng) (sökformulär|meny|menyn|sök)$/i,
  /^(till|hoppa till) (innehållet|huvudinnehåll|innehåll|toppen|sidans topp)$/i,
  /^(publicerad|publicerat|senast (ändrad|uppdaterad|granskad)|uppdaterad|skapad|granskad)[: ]/i,
  /^(sidan|denna sida) (senast )?(uppdaterad|ändrad|granskad)/i,
  /\b(cookies?|kakor)\b.*\b(används|använder|godkänn|acceptera|inställningar|webbplats)/i,
  /^(godkänn|acceptera|neka) (alla )?(cookies|kakor)?$/i,
  /^(dela|skriv ut|lyssna|tipsa|print|share|dela sidan|dela på \w+)$/i,
  /^(du är här|startsida|start)\s*[:>›]/i,
  /^(sida\s+)?\d{1,4}(\s*(av|\/)\s*\d{1,4})?$/i,
  /^[-–]\s*\d{1,4}\s*[-–]$/,
  /^(kontakta oss|följ oss|hitta hit|om webbplatsen|tillgänglighetsredogörelse|kontakt)$/i,
];

/** Single words that name a document type: "Samverkansöverenskommelse 2" on its own is a header. */
const documentTypeWord =
  /^(samverkansöverenskommelse|överenskommelse|samverkansavtal|medborgarlöfte[n]?|handlingsplan|åtgärdsplan|uppföljning|bilaga)$/i;

export function normaliseCharacters(raw: string): string {
  return (
    raw
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      .replace(/\f/g, "\n")
      .replace(/[\u00a0\u2007\u202f\u2009\u200a\u3000]/g, " ")
      .replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, "")
      .replace(/\ufb01/g, "fi")
      .replace(/\ufb02/g, "fl")
      .replace(/\ufb00/g, "ff")
      .replace(/[\u2010\u2011]/g, "-")
      .replace(/\u2028|\u2029/g, "\n")
      // Control characters (other than tab and line break) are debris from converters.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, "")
  );
}

interface MarkupLine {
  text: string;
  heading: number;
}

const inlineTag = /<\/?(b|i|u|em|strong|span|font|mark|sup|sub|small|a)\b[^>\n]{0,200}>/gi;

function readMarkupLine(raw: string): MarkupLine | null {
  let text = raw.replace(/\s+$/, "");
  let heading = 0;
  text = text.replace(inlineTag, "").replace(/<br\s*\/?>/gi, " ");
  const h = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
  if (h) {
    heading = h[1]!.length;
    text = h[2]!;
  }
  // Markdown tables become tab-separated rows; the |---| separator row is dropped.
  if (/^\s*\|.*\|\s*$/.test(text)) {
    if (/^\s*\|[\s:|-]+\|\s*$/.test(text)) return null;
    text = text
      .trim()
      .slice(1, -1)
      .split("|")
      .map((c) => c.trim())
      .join("\t");
  }
  text = text.replace(/^ {0,3}> ?/, "").replace(/^(\s*)[*+•●▪◦·]\s+/, "$1- ");
  const boldOnly = /^\s*(\*\*|__)([^*_\n]{1,160})\1\s*:?\s*$/.exec(text);
  if (boldOnly && !heading && !/[.!?]$/.test(boldOnly[2]!.trim())) heading = 4;
  text = text
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?=[\s).,:;!?]|$)/g, "$1$2")
    .replace(/!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1");
  // A rule of dashes, underscores or stars (not a table row of "--" cells) separates, it says nothing.
  if (!text.includes("\t") && /^\s*([-*_=]\s*){3,}$/.test(text)) return { text: "", heading: 0 };
  return { text: text.includes("\t") ? text.replace(/ +$/, "") : text.trimEnd(), heading };
}

function isFurniture(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 200) return false;
  return furniturePatterns.some((p) => p.test(t));
}

/** Joins "brottsföre-" + "byggande" when the joined form is a word; keeps "Barn- och". */
function joinHyphenatedLineEnds(lines: MarkupLine[], words: WordList | null): void {
  if (!words) return;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    const m = /(\p{L}+)-$/u.exec(line.text);
    const n = /^(\p{Ll}+)(.*)$/u.exec(next.text);
    if (!m || !n || line.text.includes("\t")) continue;
    const joined = m[1]! + n[1]!;
    if (!words.isWord(joined)) continue;
    line.text = line.text.slice(0, -1) + n[1]!;
    next.text = n[2]!.replace(/^\s+/, "");
  }
}

export function prepareText(
  markup: string,
  context: { words: WordList | null; names: ReadonlySet<string>; ocrRepair: boolean },
): PreparedText {
  const raw = normaliseCharacters(markup).split("\n");
  let furniture = 0;
  let runningHeader: string | null = null;
  const lines: MarkupLine[] = [];
  for (const rawLine of raw) {
    const line = readMarkupLine(rawLine);
    if (!line) continue;
    if (isFurniture(line.text)) {
      furniture++;
      continue;
    }
    lines.push(line);
  }
  joinHyphenatedLineEnds(lines, context.words);

  let ocrRepairs = 0;
  let ocrDamaged = false;
  if (context.ocrRepair && context.words) {
    const joined = lines.map((l) => l.text).join("\n");
    const report = repairOcr(joined, { words: context.words, names: context.names });
    // Repairs change words, never line breaks, so the lines can be taken back one for one.
    const repaired = report.text.split("\n");
    if (repaired.length === lines.length) {
      repaired.forEach((t, i) => (lines[i]!.text = t));
      ocrRepairs = report.repairs;
      ocrDamaged = report.damaged;
    }
  }
  // After the repair, so that a damaged "Samverkansoverenskommelse 2" is recognised too.
  dropRunningHeaders(lines, (header) => {
    furniture++;
    runningHeader ??= header;
  });

  // Collapse blank runs, trim the document's ends.
  const kept: MarkupLine[] = [];
  for (const line of lines) {
    const blank = line.text.trim() === "";
    if (blank && (kept.length === 0 || kept[kept.length - 1]!.text.trim() === "")) continue;
    kept.push(blank ? { text: "", heading: 0 } : line);
  }
  while (kept.length && kept[kept.length - 1]!.text.trim() === "") kept.pop();
  const text = kept.map((l) => l.text).join("\n");
  const out: Line[] = [];
  let offset = 0;
  const texts = text.split("\n");
  texts.forEach((t, i) => {
    out.push({ start: offset, end: offset + t.length, text: t, heading: kept[i]?.heading ?? 0 });
    offset += t.length + 1;
  });
  return { text, lines: out, ocrRepairs, ocrDamaged, furnitureLinesRemoved: furniture, runningHeader };
}

/**
 * Running headers: a document-type word with a page number ("Samverkansöverenskommelse 2"), and a
 * short line that repeats the document's first line further down (a page's header in the text).
 */
function dropRunningHeaders(lines: MarkupLine[], onDrop: (header: string) => void): void {
  const firstIndex = lines.findIndex((l) => l.text.trim() !== "");
  const first = firstIndex >= 0 ? lines[firstIndex]!.text.trim() : "";
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (!t || t.length > 80) continue;
    const numbered = /^(\p{L}[\p{L}-]{5,})\s+\d{1,3}$/u.exec(t);
    if (numbered && documentTypeWord.test(numbered[1]!)) {
      onDrop(numbered[1]!);
      lines.splice(i, 1);
      i--;
      continue;
    }
    const isolated = (lines[i - 1]?.text.trim() ?? "") === "" && (lines[i + 1]?.text.trim() ?? "") === "";
    if (i > firstIndex && t === first && isolated && documentTypeWord.test(t)) {
      onDrop(t);
      lines.splice(i, 1);
      i--;
    }
  }
}
