/**
 * DOCX through mammoth to HTML, then the HTML walker, so tables arrive as tab-separated rows and
 * the same table rules read Word and web documents. The zip is checked before mammoth inflates it.
 */
import { ImportError } from "../types.ts";
import { checkZipSizes } from "./zip.ts";
import { htmlToMarkup } from "./html.ts";

export async function docxToMarkup(
  bytes: Uint8Array,
  maxUncompressedBytes: number,
): Promise<{ markup: string; warnings: string[] }> {
  const check = checkZipSizes(bytes, maxUncompressedBytes);
  if (!check.ok) throw new ImportError("zip_bomb", `refusing the Word document: ${check.reason}`);
  const mammoth = (await import("mammoth")).default;
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are dropped: they carry no text and would bloat the HTML as data URLs.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) },
    );
  } catch {
    throw new ImportError("unreadable", "the Word document could not be read (it may be damaged)");
  }
  const warnings = result.messages.filter((m) => m.type === "error").map((m) => m.message);
  return { markup: htmlToMarkup(`<body>${result.value}</body>`), warnings };
}
