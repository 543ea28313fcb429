import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreementStatus, agreementStatuses, expiryWarning, isSigned, type StatusInput } from "./status.ts";

const base: StatusInput = {
  validFrom: null,
  validTo: null,
  untilFurtherNotice: false,
  signedOn: null,
  terminatedOn: null,
  signatories: [],
};
const a = (over: Partial<StatusInput>): StatusInput => ({ ...base, ...over });
const today = "2025-06-15";

describe("isSigned", () => {
  it("is signed by the agreement's own signing date", () => {
    expect(isSigned(a({ signedOn: "2025-01-01" }))).toBe(true);
  });
  it("is signed when every listed signatory has signed, not when one is missing", () => {
    expect(isSigned(a({ signatories: [{ signedOn: "2025-01-01" }, { signedOn: "2025-01-02" }] }))).toBe(true);
    expect(isSigned(a({ signatories: [{ signedOn: "2025-01-01" }, { signedOn: null }] }))).toBe(false);
  });
  it("is not signed without signatories or a signing date", () => {
    expect(isSigned(a({}))).toBe(false);
  });
});

describe("agreementStatus", () => {
  it("is draft when nothing is signed", () => {
    expect(agreementStatus(a({ validFrom: "2025-01-01", validTo: "2026-01-01" }), today)).toBe("draft");
  });
  it("is signed when signed but not yet started", () => {
    expect(agreementStatus(a({ signedOn: "2025-05-01", validFrom: "2025-07-01" }), today)).toBe("signed");
  });
  it("is active when signed and started (including the first day), via signedOn or signatories", () => {
    expect(agreementStatus(a({ signedOn: "2025-05-01", validFrom: today }), today)).toBe("active");
    expect(
      agreementStatus(a({ signatories: [{ signedOn: "2025-05-01" }], validFrom: "2025-01-01", validTo: today }), today),
    ).toBe("active");
    expect(agreementStatus(a({ signedOn: "2025-05-01" }), today)).toBe("active");
  });
  it("is expired the day after validTo, whether signed or not", () => {
    expect(agreementStatus(a({ signedOn: "2024-01-01", validTo: "2025-06-14" }), today)).toBe("expired");
    expect(agreementStatus(a({ validTo: "2025-06-14" }), today)).toBe("expired");
  });
  it("never expires when valid until further notice", () => {
    expect(agreementStatus(a({ signedOn: "2020-01-01", untilFurtherNotice: true, validTo: "2021-01-01" }), today)).toBe(
      "active",
    );
  });
  it("is terminated from the termination date on, beating expired; scheduled termination does not count yet", () => {
    expect(agreementStatus(a({ signedOn: "2024-01-01", terminatedOn: today }), today)).toBe("terminated");
    expect(agreementStatus(a({ validTo: "2020-01-01", terminatedOn: "2019-01-01" }), today)).toBe("terminated");
    expect(agreementStatus(a({ signedOn: "2024-01-01", terminatedOn: "2025-06-16" }), today)).toBe("active");
  });

  const isoDay = fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const maybeDay = fc.option(isoDay, { nil: null });
  const input: fc.Arbitrary<StatusInput> = fc.record({
    validFrom: maybeDay,
    validTo: maybeDay,
    untilFurtherNotice: fc.boolean(),
    signedOn: maybeDay,
    terminatedOn: maybeDay,
    signatories: fc.array(fc.record({ signedOn: maybeDay }), { maxLength: 4 }),
  });

  it("property: always one of the five statuses, and consistent with the dates", () => {
    fc.assert(
      fc.property(input, isoDay, (s, day) => {
        const status = agreementStatus(s, day);
        expect(agreementStatuses).toContain(status);
        if (status === "active" || status === "signed") expect(isSigned(s)).toBe(true);
        if (status === "expired") expect(s.untilFurtherNotice).toBe(false);
        if (s.terminatedOn && s.terminatedOn <= day) expect(status).toBe("terminated");
      }),
    );
  });
});

describe("expiryWarning", () => {
  it("warns that it expires soon within the window, including day 0 and the last day of the window", () => {
    expect(expiryWarning(a({ validTo: today }), today, 30)).toEqual({ kind: "expiresSoon", days: 0, on: today });
    expect(expiryWarning(a({ validTo: "2025-07-15" }), today, 30)).toEqual({
      kind: "expiresSoon",
      days: 30,
      on: "2025-07-15",
    });
    expect(expiryWarning(a({ validTo: "2025-07-16" }), today, 30)).toBeNull();
  });
  it("says how many days ago it expired", () => {
    expect(expiryWarning(a({ validTo: "2025-06-05" }), today, 30)).toEqual({
      kind: "expired",
      days: 10,
      on: "2025-06-05",
    });
  });
  it("announces a scheduled termination, and says nothing once terminated", () => {
    expect(expiryWarning(a({ validTo: "2025-06-20", terminatedOn: "2025-07-01" }), today, 30)).toEqual({
      kind: "terminationScheduled",
      days: 16,
      on: "2025-07-01",
    });
    expect(expiryWarning(a({ terminatedOn: "2025-06-01" }), today, 30)).toBeNull();
  });
  it("never warns for until-further-notice agreements or agreements without an end date", () => {
    expect(expiryWarning(a({ untilFurtherNotice: true, validTo: "2025-06-01" }), today, 30)).toBeNull();
    expect(expiryWarning(a({}), today, 30)).toBeNull();
  });
  it("handles daylight saving and year ends (whole calendar days)", () => {
    expect(expiryWarning(a({ validTo: "2025-03-31" }), "2025-03-29", 30)).toMatchObject({ days: 2 });
    expect(expiryWarning(a({ validTo: "2025-01-01" }), "2024-12-31", 30)).toMatchObject({ days: 1 });
  });
});
