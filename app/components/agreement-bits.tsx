import type { ExpiryWarning } from "../../src/domain/agreements/status.ts";
import { t } from "../lib/context.ts";
import type { Locale } from "../i18n/index.ts";

export function StatusBadge({ status, locale }: { status: string; locale: Locale }) {
  return <span className="status">{t(locale, `agreement.status.${status}`)}</span>;
}

export function warningText(w: ExpiryWarning | null, locale: Locale): string | null {
  if (!w) return null;
  if (w.kind === "expiresSoon" && w.days === 0) return t(locale, "agreement.warning.expiresToday");
  return t(locale, `agreement.warning.${w.kind}`, { days: w.days, on: w.on });
}

export function WarningText({ warning, locale }: { warning: ExpiryWarning | null; locale: Locale }) {
  const text = warningText(warning, locale);
  return text ? <span className="warning-text">{text}</span> : null;
}

export function validityText(
  a: { validFrom: string | null; validTo: string | null; untilFurtherNotice: boolean },
  locale: Locale,
): string {
  if (a.untilFurtherNotice)
    return a.validFrom
      ? t(locale, "agreement.validity.fromUntilFurtherNotice", { from: a.validFrom })
      : t(locale, "agreement.validity.untilFurtherNotice");
  if (a.validFrom && a.validTo) return t(locale, "agreement.validity.range", { from: a.validFrom, to: a.validTo });
  if (a.validTo) return t(locale, "agreement.validity.until", { to: a.validTo });
  if (a.validFrom) return t(locale, "agreement.validity.from", { from: a.validFrom });
  return t(locale, "common.none");
}
