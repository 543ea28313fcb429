/**
 * Format detection from content. File names and media types are only hints: a saved web page
 * named .txt, or a PDF named .docx, must still be read as what it is.
 */
import type { DocumentFormat } from "../types.ts";
import { ImportError } from "../types.ts";
import { listZipEntries } from "./zip.ts";

export type Detected = { format: DocumentFormat; text?: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((b, i) => bytes[at + i] === b);

/** Signatures of formats we cannot read, so the message can say what the file is. */
const knownBinaries: ReadonlyArray<{ signature: number[]; message: string }> = [
  {
    signature: [0xd0, 0xcf, 0x11, 0xe0],
    message: "old Word (.doc) files are not supported: save the document as .docx or PDF",
  },
  {
    signature: [0x89, 0x50, 0x4e, 0x47],
    message: "the file is an image (PNG): scan it with OCR to a PDF with a text layer first",
  },
  {
    signature: [0xff, 0xd8, 0xff],
    message: "the file is an image (JPEG): scan it with OCR to a PDF with a text layer first",
  },
  { signature: [0x47, 0x49, 0x46, 0x38], message: "the file is an image (GIF), not a document" },
  {
    signature: [0x7b, 0x5c, 0x72, 0x74, 0x66],
    message: "RTF files are not supported: save the document as .docx or PDF",
  },
];

export function detectFormat(bytes: Uint8Array): Detected {
  if (bytes.length === 0) throw new ImportError("empty", "the file is empty");
  const head = bytes.subarray(0, 1024);
  const pdfAt = indexOfAscii(head, "%PDF-");
  if (pdfAt >= 0 && pdfAt < 1024) return { format: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = listZipEntries(bytes);
    if (entries.some((e) => e.name === "word/document.xml")) return { format: "docx" };
    if (entries.some((e) => e.name === "content.xml"))
      throw new ImportError(
        "unsupported_format",
        "OpenDocument files are not supported: save the document as .docx or PDF",
      );
    throw new ImportError("unsupported_format", "the file is a zip archive but not a Word document");
  }
  for (const known of knownBinaries) {
    if (startsWith(bytes, known.signature)) throw new ImportError("unsupported_format", known.message);
  }
  const text = decodeText(bytes);
  if (looksBinary(text))
    throw new ImportError("unsupported_format", "the file is not a text document (it looks like binary data)");
  const start = text.slice(0, 2000).trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html|<head|<body)/.test(start))
    return { format: "html", text };
  if (
    /<(p|div|h[1-6]|table|article|main)\b[^>]*>/i.test(text.slice(0, 20_000)) &&
    countTags(text.slice(0, 20_000)) > 10
  )
    return { format: "html", text };
  if (/^(#{1,6} |\*\*[^*\n]+\*\*\s*$|\|.*\|\s*$|[-*] )/m.test(text.slice(0, 50_000)))
    return { format: "markdown", text };
  return { format: "text", text };
}

function countTags(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/<\/?[a-z][a-z0-9]*\b[^>]*>/gi)) if (++n > 10) break;
  return n;
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** UTF-8 when valid (with or without BOM), UTF-16 with a BOM, otherwise Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64_000);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x80 && c < 0xa0)) control++;
  }
  return control / sample.length > 0.05;
}
