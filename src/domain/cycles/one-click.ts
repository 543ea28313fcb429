import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * One-click links in the weekly digest: `/atgard-lank/<payload>.<mac>`. The payload names the
 * action, the user it was made for, and the action's version when the mail was made, so a link
 * stops working as soon as anyone changes the action (it cannot overwrite a newer change) and after
 * `ONE_CLICK_DAYS`. The MAC is HMAC-SHA256 with a key derived from the app secret; the token grants
 * nothing but a follow-up on that one action, as that one user.
 */
export interface OneClickPayload {
  actionId: string;
  userId: string;
  version: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export const ONE_CLICK_DAYS = 14;

export type OneClickCheck =
  { ok: true; payload: OneClickPayload } | { ok: false; reason: "malformed" | "tampered" | "expired" };

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", `one-click:${secret}`).update(body).digest();
}

export function signOneClick(
  input: { actionId: string; userId: string; version: number },
  secret: string,
  now: Date,
  days = ONE_CLICK_DAYS,
): string {
  const payload: OneClickPayload = {
    actionId: input.actionId,
    userId: input.userId,
    version: input.version,
    exp: Math.floor(now.getTime() / 1000) + days * 86_400,
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

function isPayload(v: unknown): v is OneClickPayload {
  if (typeof v !== "object" || v === null) return false;
  const p = v as Record<string, unknown>;
  return (
    typeof p.actionId === "string" &&
    typeof p.userId === "string" &&
    Number.isInteger(p.version) &&
    Number.isInteger(p.exp)
  );
}

/** Checks the MAC first (constant time), then the expiry; the payload is read only once it is ours. */
export function verifyOneClick(token: string, secret: string, now: Date): OneClickCheck {
  if (token.length > 2000) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[\w-]+$/.test(parts[0]!) || !/^[\w-]+$/.test(parts[1]!))
    return { ok: false, reason: "malformed" };
  const [body, given] = parts as [string, string];
  const expected = mac(secret, body);
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: "tampered" };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (!isPayload(payload)) return { ok: false, reason: "malformed" };
  if (payload.exp * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, payload };
}

/** The secret iCal feed tokens: an HMAC over who subscribes and their feed key version. */
export function feedMac(secret: string, subject: string): string {
  return createHmac("sha256", secret).update(subject).digest("base64url");
}

export function userFeedToken(secret: string, userId: string, feedKeyVersion: number): string {
  return `u.${userId}.${feedMac(secret, `user:${userId}:${feedKeyVersion}`)}`;
}

export function agreementFeedToken(secret: string, agreementId: string, userId: string, feedKeyVersion: number) {
  return `a.${agreementId}.${userId}.${feedMac(secret, `agreement:${agreementId}:user:${userId}:${feedKeyVersion}`)}`;
}

export type FeedTokenParts =
  | { kind: "user"; userId: string; mac: string }
  | { kind: "agreement"; agreementId: string; userId: string; mac: string };

/** Splits a feed token (without ".ics"); the MAC is checked by the caller, who knows the feed key version. */
export function parseFeedToken(token: string): FeedTokenParts | null {
  const parts = token.split(".");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const macOk = (m: string | undefined) => m !== undefined && /^[\w-]{43}$/.test(m);
  if (parts[0] === "u" && parts.length === 3 && uuid.test(parts[1]!) && macOk(parts[2]))
    return { kind: "user", userId: parts[1]!, mac: parts[2]! };
  if (parts[0] === "a" && parts.length === 4 && uuid.test(parts[1]!) && uuid.test(parts[2]!) && macOk(parts[3]))
    return { kind: "agreement", agreementId: parts[1]!, userId: parts[2]!, mac: parts[3]! };
  return null;
}

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
