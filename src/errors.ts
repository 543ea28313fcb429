/**
 * Application errors carry a short code and an i18n message key; the HTTP layer maps the code to a
 * status and a problem+json body. Users never see stack traces or SQL.
 */
export const errorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  /** Dotted path of the field, e.g. "validity.to" or "parties.0.organisationId". */
  path: string;
  /** i18n key of the message. */
  message: string;
  params?: Record<string, string | number> | undefined;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly fields: FieldError[];
  readonly params: Record<string, string | number> | undefined;

  constructor(
    code: ErrorCode,
    messageKey: string,
    options: { fields?: FieldError[]; params?: Record<string, string | number>; cause?: unknown } = {},
  ) {
    super(messageKey, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.fields = options.fields ?? [];
    this.params = options.params;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
