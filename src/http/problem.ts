import type { ErrorRequestHandler, Response } from "express";
import { translate, type Locale } from "../../app/i18n/index.ts";
import { AppError } from "../errors.ts";

/** Writes an RFC 9457 problem+json body; field errors carry both the i18n key and the English text. */
export function sendProblem(res: Response, error: AppError, locale: Locale = "en") {
  const requestId = String(res.getHeader("x-request-id") ?? "");
  res
    .status(error.status)
    .type("application/problem+json")
    .json({
      type: `about:blank`,
      title: translate(locale, error.messageKey, error.params),
      status: error.status,
      code: error.code,
      messageKey: error.messageKey,
      requestId,
      errors: error.fields.map((f) => ({
        path: f.path,
        messageKey: f.message,
        detail: translate(locale, f.message, f.params),
      })),
    });
}

/**
 * The last error handler for the API. Known errors become problem+json; anything else is logged with
 * the request id and answered with a 500 that reveals nothing.
 */
export function apiErrorHandler(log: (msg: string, extra?: unknown) => void): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof AppError) return sendProblem(res, err);
    const e = err as { type?: string; status?: number; statusCode?: number; message?: string; limit?: number };
    if (e.type === "entity.too.large")
      return sendProblem(
        res,
        new AppError("PAYLOAD_TOO_LARGE", "upload.tooLarge", {
          params: { mb: Math.max(1, Math.round((e.limit ?? 1048576) / 1048576)) },
        }),
      );
    if (e.type === "entity.parse.failed")
      return sendProblem(
        res,
        new AppError("VALIDATION", "validation.failed", { fields: [{ path: "", message: "validation.invalidJson" }] }),
      );
    if (e.type === "encoding.unsupported" || e.type === "charset.unsupported")
      return sendProblem(res, new AppError("UNSUPPORTED", "validation.failed"));
    log(`error in ${req.method} ${req.originalUrl}`, err);
    sendProblem(res, new AppError("INTERNAL", "common.serverError"));
  };
}
