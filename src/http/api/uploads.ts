/**
 * Reading an uploaded document from an API request without a multipart dependency: the body is
 * read with a size limit (express.raw), then multipart/form-data is parsed by the platform's own
 * Fetch `Request.formData()`. A raw body with the document's own Content-Type (application/pdf,
 * text/plain …) is accepted too, with `?filename=`.
 */
import express, { type Request } from "express";
import { AppError } from "../../errors.ts";

export interface UploadedFile {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

/** Multipart framing around the file: the limit is on the file, not on the boundary lines. */
const FRAMING_SLACK = 64 * 1024;

function readBody(req: Request, limit: number): Promise<Buffer | undefined> {
  if (Buffer.isBuffer(req.body)) return Promise.resolve(req.body);
  const parse = express.raw({ type: () => true, limit });
  return new Promise((resolve, reject) => {
    parse(req, req.res!, (err?: unknown) => {
      if (err) reject(err);
      else resolve(Buffer.isBuffer(req.body) ? req.body : undefined);
    });
  });
}

export async function readUpload(req: Request, maxBytes: number): Promise<UploadedFile> {
  const tooLarge = new AppError("PAYLOAD_TOO_LARGE", "upload.tooLarge", {
    params: { mb: Math.round(maxBytes / 1048576) },
  });
  const noFile = new AppError("VALIDATION", "import.error.noFile", {
    fields: [{ path: "file", message: "import.error.noFile" }],
  });
  const contentType = req.headers["content-type"] ?? "";
  const multipart = /^multipart\/form-data/i.test(contentType);
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes + (multipart ? FRAMING_SLACK : 0)) throw tooLarge;
  let body: Buffer | undefined;
  try {
    body = await readBody(req, maxBytes + (multipart ? FRAMING_SLACK : 0));
  } catch (e) {
    if ((e as { type?: string }).type === "entity.too.large") throw tooLarge;
    throw e;
  }
  if (!body || body.length === 0) throw noFile;
  if (!multipart) {
    const filename = typeof req.query.filename === "string" ? req.query.filename : "";
    if (body.length > maxBytes) throw tooLarge;
    return { filename, mediaType: contentType.split(";")[0]!.trim(), bytes: body };
  }
  let form: FormData;
  try {
    form = await new globalThis.Request("http://upload.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    throw new AppError("VALIDATION", "import.error.badMultipart", {
      fields: [{ path: "file", message: "import.error.badMultipart" }],
    });
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw noFile;
  if (file.size > maxBytes) throw tooLarge;
  return { filename: file.name, mediaType: file.type, bytes: Buffer.from(await file.arrayBuffer()) };
}
