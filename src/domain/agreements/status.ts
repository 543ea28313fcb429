import { daysBetween, type IsoDate } from "../shared/dates.ts";

export const agreementStatuses = ["draft", "signed", "active", "expired", "terminated"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export interface StatusInput {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  untilFurtherNotice: boolean;
  signedOn: IsoDate | null;
  terminatedOn: IsoDate | null;
  signatories: ReadonlyArray<{ signedOn: IsoDate | null }>;
}

/** Signed when the agreement records a signing date, or when every listed signatory has signed. */
export function isSigned(a: StatusInput): boolean {
  if (a.signedOn) return true;
  return a.signatories.length > 0 && a.signatories.every((s) => s.signedOn !== null);
}

/**
 * The status follows from dates and events, never stored, so it cannot drift from the facts:
 * terminated beats expired beats draft beats signed-but-not-started beats active.
 */
export function agreementStatus(a: StatusInput, today: IsoDate): AgreementStatus {
  if (a.terminatedOn && a.terminatedOn <= today) return "terminated";
  if (!a.untilFurtherNotice && a.validTo && a.validTo < today) return "expired";
  if (!isSigned(a)) return "draft";
  if (a.validFrom && a.validFrom > today) return "signed";
  return "active";
}

export type ExpiryWarning =
  | { kind: "expiresSoon"; days: number; on: IsoDate }
  | { kind: "expired"; days: number; on: IsoDate }
  | { kind: "terminationScheduled"; days: number; on: IsoDate };

/** "löper ut om 30 dagar" / "har löpt ut": shown on the start page and the agreement page. */
export function expiryWarning(a: StatusInput, today: IsoDate, warnDays: number): ExpiryWarning | null {
  if (a.terminatedOn) {
    if (a.terminatedOn > today)
      return { kind: "terminationScheduled", days: daysBetween(today, a.terminatedOn), on: a.terminatedOn };
    return null;
  }
  if (a.untilFurtherNotice || !a.validTo) return null;
  const days = daysBetween(today, a.validTo);
  if (days < 0) return { kind: "expired", days: -days, on: a.validTo };
  if (days <= warnDays) return { kind: "expiresSoon", days, on: a.validTo };
  return null;
}
