import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";
import type { PublicPromise, PublicPromiseView } from "../../../src/services/promises/public.ts";
import type { EffectSummary } from "../../../src/domain/cycles/promises.ts";

function num(n: number, locale: Locale): string {
  return n.toLocaleString(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 2 });
}

function Period({ p, locale }: { p: PublicPromise; locale: Locale }) {
  return (
    <p className="ds-paragraph">
      {p.periodStart && p.periodEnd
        ? t(locale, "public.period", { start: p.periodStart, end: p.periodEnd })
        : t(locale, "public.periodOpen")}
    </p>
  );
}

function Hidden({ p, preview, locale }: { p: PublicPromise; preview: boolean; locale: Locale }) {
  if (!preview || !p.hidden) return null;
  return (
    <p className="ds-paragraph">
      <strong className="status">
        {t(locale, `promiseStatus.${p.status}`)} – {t(locale, "promise.preview.hidden")}
      </strong>
    </p>
  );
}

/** "Fick det effekt?" in numbers: each indicator against its baseline (public page and the close form). */
export function EffectTable({ effects, locale, id }: { effects: EffectSummary[]; locale: Locale; id: string }) {
  const value = (v: { value: number; year: number | null } | null) =>
    v
      ? v.year !== null
        ? t(locale, "public.effect.value", { value: num(v.value, locale), year: v.year })
        : num(v.value, locale)
      : t(locale, "public.effect.missing");
  return (
    <table className="ds-table">
      <caption>{t(locale, "public.effect.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t(locale, "public.effect.indicator")}</th>
          <th scope="col">{t(locale, "public.effect.before")}</th>
          <th scope="col">{t(locale, "public.effect.after")}</th>
          <th scope="col">{t(locale, "public.effect.result")}</th>
        </tr>
      </thead>
      <tbody>
        {effects.map((e, i) => (
          <tr key={`${id}-${i}`}>
            <th scope="row">
              {e.name}
              {e.unit ? ` (${e.unit})` : ""}
            </th>
            <td>{value(e.baseline)}</td>
            <td>{value(e.latest)}</td>
            <td>
              {t(locale, `public.trend.${e.trend}`)}
              {e.target && e.targetReached !== null && (
                <>
                  {". "}
                  {t(locale, e.targetReached ? "public.targetReached" : "public.targetMissed", {
                    value: num(e.target.value, locale),
                  })}
                </>
              )}
              {e.suppressedYears.length > 0 && (
                <> {t(locale, "public.suppressed", { years: e.suppressedYears.join(", ") })}</>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The public view of medborgarlöften: the current ones grouped by who promises, and the closed ones
 * with their evaluation under "Så här gick det". Shared by /kommun/:slug and the editors' preview.
 */
export function PublicPromises({
  view,
  locale,
  preview = false,
}: {
  view: PublicPromiseView;
  locale: Locale;
  preview?: boolean;
}) {
  const nothing = view.current.length === 0 && view.closed.length === 0;
  if (nothing) return <p className="ds-paragraph">{t(locale, "public.none")}</p>;
  return (
    <>
      <section aria-labelledby="current-promises" className="stack">
        <h2 id="current-promises" className="ds-heading" data-size="md">
          {t(locale, "public.current")}
        </h2>
        {view.current.length === 0 && <p className="ds-paragraph">{t(locale, "public.noCurrent")}</p>}
        {view.current.map((group) => (
          <section key={group.promiser} aria-labelledby={`promiser-${group.promiser}`} className="stack">
            <h3 id={`promiser-${group.promiser}`} className="ds-heading" data-size="sm">
              {t(locale, `promiser.${group.promiser}`)}
            </h3>
            <ul className="promise-list">
              {group.promises.map((p) => (
                <li key={p.id} className="promise-card">
                  <Hidden p={p} preview={preview} locale={locale} />
                  <p className="ds-paragraph promise-text">{p.text}</p>
                  <Period p={p} locale={locale} />
                  <p className="ds-paragraph">
                    {p.progress.total > 0 && <>{t(locale, "public.progress", p.progress)} </>}
                    {t(locale, `public.state.${p.progress.state}`)}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
      {view.closed.length > 0 && (
        <section aria-labelledby="outcome" className="stack">
          <h2 id="outcome" className="ds-heading" data-size="md">
            {t(locale, "public.outcome")}
          </h2>
          {view.closed.map((p) => (
            <article key={p.id} aria-labelledby={`outcome-${p.id}`} className="promise-card stack">
              <h3 id={`outcome-${p.id}`} className="ds-heading" data-size="sm">
                {t(locale, "public.outcomeItem", {
                  promiser: t(locale, `promiser.${p.promiser}`),
                  start: p.periodStart ?? "",
                  end: p.periodEnd ?? "",
                })}
              </h3>
              <Hidden p={p} preview={preview} locale={locale} />
              <p className="ds-paragraph promise-text">{p.text}</p>
              <h4 className="ds-heading" data-size="xs">
                {t(locale, "public.did")}
              </h4>
              {p.verdict && (
                <p className="ds-paragraph">
                  <strong>{t(locale, `verdict.${p.verdict}`)}</strong>
                </p>
              )}
              {p.verdictText && <p className="ds-paragraph pre-line">{p.verdictText}</p>}
              {(p.effectText || p.effects.length > 0) && (
                <h4 className="ds-heading" data-size="xs">
                  {t(locale, "public.effect")}
                </h4>
              )}
              {p.effectText && <p className="ds-paragraph pre-line">{p.effectText}</p>}
              {p.effects.length > 0 && <EffectTable effects={p.effects} locale={locale} id={p.id} />}
            </article>
          ))}
        </section>
      )}
    </>
  );
}
