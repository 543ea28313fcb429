import type { listAgreements } from "../../src/services/agreements/agreements.ts";
import { t } from "../lib/context.ts";
import type { Locale } from "../i18n/index.ts";
import { StatusBadge, validityText, WarningText } from "./agreement-bits.tsx";

type Row = Awaited<ReturnType<typeof listAgreements>>[number];

export function AgreementTable({
  agreements,
  locale,
  caption,
}: {
  agreements: Row[];
  locale: Locale;
  caption: string;
}) {
  return (
    <table className="data-table">
      <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
        {caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t(locale, "agreement.field.title")}</th>
          <th scope="col">{t(locale, "agreement.field.parties")}</th>
          <th scope="col">{t(locale, "agreement.field.validity")}</th>
          <th scope="col">{t(locale, "agreement.field.status")}</th>
        </tr>
      </thead>
      <tbody>
        {agreements.map((a) => (
          <tr key={a.id}>
            <td>
              <a className="ds-link" href={`/overenskommelser/${a.id}`}>
                {a.title}
              </a>
            </td>
            <td>{a.parties.map((p) => p.name).join(", ")}</td>
            <td>{validityText(a, locale)}</td>
            <td>
              <StatusBadge status={a.status} locale={locale} /> <WarningText warning={a.warning} locale={locale} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
