import { describe, expect, it } from "vitest";
import { agreementFeedToken, parseFeedToken, signOneClick, userFeedToken, verifyOneClick } from "./one-click.ts";

const secret = "s3cret";
const now = new Date("2026-12-01T10:00:00Z");
const input = {
  actionId: "11111111-1111-4111-8111-111111111111",
  userId: "22222222-2222-4222-8222-222222222222",
  version: 4,
};

describe("one-click tokens", () => {
  it("verifies a token it signed and returns its payload", () => {
    const check = verifyOneClick(signOneClick(input, secret, now), secret, now);
    expect(check).toEqual({ ok: true, payload: { ...input, exp: now.getTime() / 1000 + 14 * 86_400 } });
  });

  it("refuses an expired token", () => {
    const token = signOneClick(input, secret, now);
    const later = new Date(now.getTime() + 14 * 86_400_000 + 1000);
    expect(verifyOneClick(token, secret, later)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token whose payload or MAC was changed, or made with another secret", () => {
    const token = signOneClick(input, secret, now);
    const [body, mac] = token.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...input, version: 9, exp: 9e9 })).toString("base64url");
    expect(verifyOneClick(`${forged}.${mac}`, secret, now)).toEqual({ ok: false, reason: "tampered" });
    expect(verifyOneClick(`${body}.${mac.slice(0, -2)}AA`, secret, now).ok).toBe(false);
    expect(verifyOneClick(token, "other", now)).toEqual({ ok: false, reason: "tampered" });
    expect(verifyOneClick("garbage", secret, now)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("feed tokens", () => {
  it("parse back to their ids and differ by feed key version", () => {
    const t1 = userFeedToken(secret, input.userId, 1);
    expect(parseFeedToken(t1)).toMatchObject({ kind: "user", userId: input.userId });
    expect(userFeedToken(secret, input.userId, 2)).not.toBe(t1);
    const a = agreementFeedToken(secret, input.actionId, input.userId, 1);
    expect(parseFeedToken(a)).toMatchObject({ kind: "agreement", agreementId: input.actionId, userId: input.userId });
    expect(parseFeedToken("u.not-a-uuid.x")).toBeNull();
  });
});
