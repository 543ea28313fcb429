/**
 * Reads a zip's central directory without inflating anything, so that a DOCX "zip bomb" is refused
 * on the sizes it declares before mammoth ever unpacks it.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  localHeaderOffset: number;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

export function listZipEntries(bytes: Uint8Array, maxEntries = 10_000): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes (after a comment).
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  for (let n = 0; n < count && n < maxEntries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) break;
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({ name, method, localHeaderOffset, compressedSize, uncompressedSize });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export interface ZipCheck {
  ok: boolean;
  reason?: string;
}

/**
 * Refuses archives that declare more than `maxTotal` bytes uncompressed, an entry with an extreme
 * compression ratio, or ZIP64 size markers (which hide the real size from this check).
 */
export function checkZipSizes(bytes: Uint8Array, maxTotal: number): ZipCheck {
  const entries = listZipEntries(bytes);
  if (entries.length === 0) return { ok: false, reason: "the zip archive has no readable directory" };
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff)
      return { ok: false, reason: "the archive uses ZIP64 sizes, which are not accepted for documents" };
    total += e.uncompressedSize;
    if (e.uncompressedSize > 1_000_000 && e.uncompressedSize / Math.max(1, e.compressedSize) > 200)
      return {
        ok: false,
        reason: `the part ${e.name} expands ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times`,
      };
  }
  if (total > maxTotal)
    return {
      ok: false,
      reason: `the document would expand to ${Math.round(total / 1_048_576)} MB (limit ${Math.round(maxTotal / 1_048_576)} MB)`,
    };
  // The directory can lie: inflate each part with a hard output cap at the size it declares.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.method !== 8 || e.compressedSize === 0) continue;
    const at = e.localHeaderOffset;
    if (at + 30 > bytes.length) return { ok: false, reason: `the part ${e.name} lies outside the archive` };
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    try {
      inflateRawSync(data, { maxOutputLength: Math.max(1024, e.uncompressedSize + 1024) });
    } catch (error) {
      if (error instanceof RangeError)
        return { ok: false, reason: `the part ${e.name} expands beyond its declared size` };
      return { ok: false, reason: `the part ${e.name} is damaged` };
    }
  }
  return { ok: true };
}
