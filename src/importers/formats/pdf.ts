/**
 * PDF text layer through pdfjs (legacy build, which runs in Node). Text items are grouped into lines
 * by their baseline, a wide horizontal gap becomes a tab (a flattened table keeps its columns), a
 * larger font becomes a "#" heading, and lines repeated at the top or bottom of most pages (running
 * headers, page numbers) are dropped. A time limit and a page cap bound malformed or huge files.
 */
// A type-only import: erased at run time, so pdfjs is still loaded only when a PDF arrives.
import type { PDFDocumentLoadingTask } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ImportError } from "../types.ts";

interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PdfLine {
  text: string;
  y: number;
  size: number;
  gapBefore: number;
}

export interface PdfResult {
  markup: string;
  pages: number;
  truncated: boolean;
}

export async function pdfToMarkup(
  bytes: Uint8Array,
  options: { maxPages: number; timeoutMs: number },
): Promise<PdfResult> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdfjs takes ownership of (detaches) the buffer it is given: pass a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ImportError("timeout", `reading the PDF took longer than ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
  });
  try {
    return await Promise.race([readPages(task, options.maxPages), timeout]);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const name = (error as { name?: string })?.name ?? "";
    if (name === "PasswordException") throw new ImportError("unreadable", "the PDF is password protected");
    throw new ImportError("unreadable", "the PDF could not be read (it may be damaged)");
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => undefined);
  }
}

type LoadingTask = PDFDocumentLoadingTask;

async function readPages(task: LoadingTask, maxPages: number): Promise<PdfResult> {
  const doc = await task.promise;
  if (doc.numPages === 0) throw new ImportError("unreadable", "the PDF has no pages (it may be damaged)");
  const pageCount = Math.min(doc.numPages, maxPages);
  const pages: PdfLine[][] = [];
  for (let n = 1; n <= pageCount; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const item of content.items) {
      // Whitespace items span column gaps; skipping them lets the real gap decide between " " and a tab.
      if (!("str" in item) || !item.str.trim()) continue;
      const [a = 0, b = 0, , , e = 0, f = 0] = item.transform as number[];
      items.push({ str: item.str, x: e, y: f, width: item.width, size: Math.hypot(a, b) || item.height || 10 });
    }
    pages.push(groupLines(items));
    page.cleanup();
  }
  const textChars = pages.reduce((n, lines) => n + lines.reduce((m, l) => m + l.text.trim().length, 0), 0);
  if (textChars === 0)
    throw new ImportError("no_text_layer", "the PDF has no text layer (it is probably a scan): run OCR on it first");
  return { markup: toMarkup(pages), pages: doc.numPages, truncated: doc.numPages > maxPages };
}

function groupLines(items: TextItem[]): PdfLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: TextItem[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && ref && Math.abs(ref.y - item.y) <= Math.max(2, ref.size * 0.4)) row.push(item);
    else rows.push([item]);
  }
  const lines: PdfLine[] = [];
  let previousY: number | null = null;
  for (const row of rows) {
    row.sort((p, q) => p.x - q.x);
    let text = "";
    let end: number | null = null;
    let size = 0;
    for (const item of row) {
      size = Math.max(size, item.size);
      if (end !== null) {
        const gap = item.x - end;
        // A gap of several character widths is a column break, not a word space.
        if (gap > item.size * 2.5) text += "\t";
        else if (gap > item.size * 0.15 && !text.endsWith(" ") && !item.str.startsWith(" ")) text += " ";
      }
      text += item.str;
      end = item.x + item.width;
    }
    const y = row[0]!.y;
    lines.push({
      text: text.replace(/ +/g, " ").trimEnd(),
      y,
      size,
      gapBefore: previousY === null ? 0 : previousY - y,
    });
    previousY = y;
  }
  return lines;
}

const pageNumberPattern = /^(sida\s+)?\d{1,4}(\s*(av|\/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;

function toMarkup(pages: PdfLine[][]): string {
  const normaliseKey = (s: string) => s.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
  // Lines that open or close most pages are running headers/footers.
  const edgeCounts = new Map<string, number>();
  for (const lines of pages) {
    if (lines.length < 4) continue;
    const edges = new Set([lines[0]!, lines[lines.length - 1]!].map((l) => normaliseKey(l.text)));
    for (const key of edges) edgeCounts.set(key, (edgeCounts.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => pages.length >= 3 && (edgeCounts.get(key) ?? 0) >= Math.ceil(pages.length * 0.6);
  const sizes = pages
    .flat()
    .map((l) => l.size)
    .sort((p, q) => p - q);
  const body = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const out: string[] = [];
  let previousHeading: PdfLine | null = null;
  for (const lines of pages) {
    lines.forEach((line, i) => {
      const text = line.text.trim();
      if (!text) return;
      const atEdge = i < 2 || i >= lines.length - 2;
      const outermost = (i === 0 || i === lines.length - 1) && lines.length >= 4;
      if ((atEdge && pageNumberPattern.test(text)) || (outermost && repeated(normaliseKey(text)))) return;
      const heading = line.size >= body * 1.2 && text.length < 120 && !text.includes("\t");
      const marker = line.size >= body * 1.6 ? "#" : "##";
      // A heading wrapped over two lines is one heading.
      if (heading && previousHeading && previousHeading.size === line.size && line.gapBefore < line.size * 1.6) {
        out[out.length - 2] += ` ${text}`;
        return;
      }
      if (line.gapBefore > line.size * 1.9 && out.length) out.push("");
      if (heading) out.push("", `${marker} ${text}`, "");
      else out.push(line.text);
      previousHeading = heading ? line : null;
    });
    out.push("");
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
