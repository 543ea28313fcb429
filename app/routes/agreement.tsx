import type { Route } from "./+types/agreement";
import { StatusBadge, validityText, WarningText } from "../components/agreement-bits.tsx";
import { SavedNotice, savedFlag } from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { load, requireSignedIn } from "../lib/http.ts";
import { canEditAgreement, getAgreement } from "../../src/services/agreements/agreements.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.agreement.title ?? "Överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const agreement = await load(() => getAgreement(context.ctx, params.id));
  return {
    locale: context.locale,
    agreement,
    canEdit: await canEditAgreement(context.ctx, params.id),
    saved: savedFlag(request),
  };
}

export default function Agreement({ loaderData }: Route.ComponentProps) {
  const { locale, agreement: a, canEdit, saved } = loaderData;
  const base = `/overenskommelser/${a.id}`;
  const editLink = (section: string) =>
    canEdit ? (
      <a className="ds-link" href={`${base}/${section}`}>
        {t(locale, "common.edit")}
      </a>
    ) : null;
  return (
    <article className="stack">
      <h1 className="ds-heading" data-size="lg">
        {a.title}
      </h1>
      <SavedNotice show={saved} locale={locale} />
      <p className="ds-paragraph">
        <StatusBadge status={a.status} locale={locale} /> <WarningText warning={a.warning} locale={locale} />
      </p>
      {canEdit && (
        <nav aria-label={t(locale, "agreement.actions")}>
          <ul className="actions">
            <li>
              <a className="ds-link" href={`${base}/andra`}>
                {t(locale, "agreement.edit.title")}
              </a>
            </li>
            <li>
              <a className="ds-link" href={`${base}/avsluta`}>
                {t(locale, "agreement.terminate.link")}
              </a>
            </li>
            <li>
              <a className="ds-link" href="/overenskommelser/ny">
                {t(locale, "agreement.list.new")}
              </a>
            </li>
          </ul>
        </nav>
      )}
      <section aria-labelledby="h-facts" className="stack">
        <h2 id="h-facts" className="ds-heading" data-size="md">
          {t(locale, "agreement.field.validity")} {editLink("andra")}
        </h2>
        <dl className="facts">
          <dt>{t(locale, "agreement.field.parties")}</dt>
          <dd>
            <ul className="ds-list">
              {a.parties.map((p) => (
                <li key={p.organisationId}>
                  {p.name} ({t(locale, `party.role.${p.role}`)})
                  {p.contactName && (
                    <>
                      {" – "}
                      {t(locale, "agreement.field.contacts")}: {p.contactName}
                      {p.contactTitle && `, ${p.contactTitle}`}
                      {p.contactEmail && (
                        <>
                          {", "}
                          <a className="ds-link" href={`mailto:${p.contactEmail}`}>
                            {p.contactEmail}
                          </a>
                        </>
                      )}
                      {p.contactPhone && `, ${p.contactPhone}`}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t(locale, "agreement.field.validity")}</dt>
          <dd>{validityText(a, locale)}</dd>
          <dt>{t(locale, "agreement.field.terminable")}</dt>
          <dd>{t(locale, a.terminable ? "common.yes" : "common.no")}</dd>
          {a.revisionNote && (
            <>
              <dt>{t(locale, "agreement.field.revisionNote")}</dt>
              <dd>{a.revisionNote}</dd>
            </>
          )}
          {a.signedOn && (
            <>
              <dt>{t(locale, "agreement.field.signedOn")}</dt>
              <dd>{a.signedOn}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="h-yearly" className="stack">
        <h2 id="h-yearly" className="ds-heading" data-size="md">
          {t(locale, "agreement.yearly.title")}
        </h2>
        <p className="ds-paragraph">{t(locale, "agreement.yearly.intro")}</p>
        <ul className="ds-list">
          <li>
            <a className="ds-link" href={`${base}/cykler`}>
              {t(locale, "agreement.yearly.cycles")}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`${base}/medborgarloften`}>
              {t(locale, "agreement.yearly.promises")}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`${base}/arshjul`}>
              {t(locale, "agreement.yearly.calendar")}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`${base}/indikatorer`}>
              {t(locale, "agreement.yearly.indicators")}
            </a>
          </li>
          {canEdit && (
            <li>
              <a className="ds-link" href={`${base}/installningar`}>
                {t(locale, "agreement.yearly.settings")}
              </a>
            </li>
          )}
        </ul>
      </section>
      {(["purpose", "method", "organisationText"] as const).map((k) =>
        a[k] ? (
          <section key={k} aria-labelledby={`h-${k}`}>
            <h2 id={`h-${k}`} className="ds-heading" data-size="md">
              {t(locale, `agreement.field.${k}`)}
            </h2>
            {a[k].split(/\n{2,}/).map((para, i) => (
              <p key={i} className="ds-paragraph" style={{ whiteSpace: "pre-line" }}>
                {para}
              </p>
            ))}
          </section>
        ) : null,
      )}
      <section aria-labelledby="h-commitments">
        <h2 id="h-commitments" className="ds-heading" data-size="md">
          {t(locale, "agreement.field.commitments")}
        </h2>
        {a.commitments.length ? (
          <ol className="ds-list">
            {a.commitments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ol>
        ) : (
          <p className="ds-paragraph">{t(locale, "common.none")}</p>
        )}
      </section>
      <section aria-labelledby="h-focus">
        <h2 id="h-focus" className="ds-heading" data-size="md">
          {t(locale, "agreement.field.focusAreas")} {editLink("fokusomraden")}
        </h2>
        {a.focusAreas.length ? (
          <ol className="ds-list">
            {a.focusAreas.map((f) => (
              <li key={f.id}>
                <strong>{f.title}</strong>
                {f.description && <p className="ds-paragraph">{f.description}</p>}
              </li>
            ))}
          </ol>
        ) : (
          <p className="ds-paragraph">{t(locale, "common.none")}</p>
        )}
      </section>
      <section aria-labelledby="h-bodies">
        <h2 id="h-bodies" className="ds-heading" data-size="md">
          {t(locale, "agreement.field.bodies")} {editLink("grupper")}
        </h2>
        {a.bodies.length ? (
          <ul className="ds-list">
            {a.bodies.map((b) => (
              <li key={b.id}>
                <strong>{b.name}</strong> ({t(locale, `body.kind.${b.kind}`)}){b.mandate && ` – ${b.mandate}`}
                {b.members.length > 0 && (
                  <ul>
                    {b.members.map((m, i) => (
                      <li key={i}>
                        {m.name}
                        {m.role && `, ${m.role}`}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t(locale, "common.none")}</p>
        )}
      </section>
      <section aria-labelledby="h-signatories">
        <h2 id="h-signatories" className="ds-heading" data-size="md">
          {t(locale, "agreement.field.signatories")} {editLink("undertecknare")}
        </h2>
        {a.signatories.length ? (
          <ul className="ds-list">
            {a.signatories.map((s) => (
              <li key={s.id}>
                {s.name}
                {s.title && `, ${s.title}`}
                {(s.place || s.signedOn) && ` – ${[s.place, s.signedOn ?? "____"].filter(Boolean).join(" ")}`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t(locale, "common.none")}</p>
        )}
      </section>
      <section aria-labelledby="h-annexes">
        <h2 id="h-annexes" className="ds-heading" data-size="md">
          {t(locale, "agreement.field.annexes")} {editLink("bilagor")}
        </h2>
        {a.annexes.length ? (
          <ul className="ds-list">
            {a.annexes.map((x) => (
              <li key={x.id}>
                {x.fileId ? (
                  <a className="ds-link" href={`${base}/bilagor/${x.id}/fil`}>
                    {x.title}
                  </a>
                ) : x.url ? (
                  <a className="ds-link" href={x.url} rel="noopener noreferrer">
                    {x.title}
                  </a>
                ) : (
                  x.title
                )}{" "}
                ({t(locale, `annex.kind.${x.kind}`)})
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t(locale, "common.none")}</p>
        )}
      </section>
    </article>
  );
}
