import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";
import type { IndicatorValue } from "../../../src/db/schema.ts";

interface IndicatorLike {
  id: string;
  name: string;
  source: string;
  unit: string;
  direction: string;
  values: IndicatorValue[];
}

const formatValue = (v: IndicatorValue, locale: Locale) =>
  v.suppressed
    ? t(locale, "indicator.suppressed")
    : v.value === null
      ? "–"
      : v.value.toLocaleString(locale === "sv" ? "sv-SE" : "en-GB");

/** Which way the last two values went, and whether that is the better way. */
function trend(i: IndicatorLike, locale: Locale): string {
  const known = i.values.filter((v) => v.value !== null);
  if (known.length < 2) return "–";
  const [a, b] = [known[known.length - 2]!.value!, known[known.length - 1]!.value!];
  if (a === b) return t(locale, "indicator.trend.flat");
  const up = b > a;
  const better = (up && i.direction === "increase") || (!up && i.direction === "decrease");
  return (
    t(locale, up ? "indicator.trend.up" : "indicator.trend.down") +
    " – " +
    t(locale, better ? "indicator.trend.better" : "indicator.trend.worse")
  );
}

/** A small trend table: one row per indicator, one column per year. */
export function IndicatorTrendTable({ indicators, locale }: { indicators: IndicatorLike[]; locale: Locale }) {
  if (!indicators.length) return <p className="ds-paragraph">{t(locale, "indicator.empty")}</p>;
  const years = [...new Set(indicators.flatMap((i) => i.values.map((v) => v.year)))].sort((a, b) => a - b).slice(-6);
  return (
    <div className="table-scroll" role="region" aria-label={t(locale, "indicator.table.caption")} tabIndex={0}>
      <table className="ds-table data-table">
        <caption>{t(locale, "indicator.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t(locale, "indicator.field.name")}</th>
            <th scope="col">{t(locale, "indicator.field.source")}</th>
            {years.map((y) => (
              <th key={y} scope="col">
                {y}
              </th>
            ))}
            <th scope="col">{t(locale, "indicator.trend.title")}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {i.name}
                {i.unit && ` (${i.unit})`}
              </th>
              <td>{i.source}</td>
              {years.map((y) => {
                const v = i.values.find((x) => x.year === y);
                return <td key={y}>{v ? formatValue(v, locale) : "–"}</td>;
              })}
              <td>{trend(i, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
