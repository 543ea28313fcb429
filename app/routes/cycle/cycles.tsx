import { Form, redirect } from "react-router";
import type { Route } from "./+types/cycles";
import { postedVersion } from "../../components/agreement-access.ts";
import { AgreementSubpageHeader } from "../../components/agreement-subpage.tsx";
import { shown } from "../../components/form-rows.ts";
import { SubmitButton, TextField } from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { act, formString, load, requireSignedIn } from "../../lib/http.ts";
import { canEditAgreement, getAgreement } from "../../../src/services/agreements/agreements.ts";
import { createCycle, listCycles, startNextCycle } from "../../../src/services/cycles/cycles.ts";
import { loadCycleSettings } from "../../../src/services/cycles/settings.ts";
import { cycleContaining, gapBetween, nextPeriod } from "../../../src/domain/cycles/periods.ts";
import { todayInSweden } from "../../../src/domain/shared/dates.ts";
import { intentOf } from "./shared.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Cykler – ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const agreement = await load(() => getAgreement(context.ctx, params.id));
  const cycles = await load(() => listCycles(context.ctx, params.id));
  const settings = await loadCycleSettings(context.ctx.db, params.id);
  const current = cycleContaining(settings.cycleStartMonth, todayInSweden(context.ctx.now()));
  const newest = cycles[0];
  const next = newest ? nextPeriod(newest.endsOn, settings.cycleStartMonth) : null;
  return {
    locale: context.locale,
    agreement: { id: agreement.id, title: agreement.title },
    cycles,
    canEdit: await canEditAgreement(context.ctx, params.id),
    suggestedYear: cycles.length ? Number(cycles[0]!.startsOn.slice(0, 4)) + 1 : current.year,
    next: next && newest ? { ...next, gap: gapBetween(newest.endsOn, next) } : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  if (intentOf(form) === "next") {
    const result = await act(() =>
      startNextCycle(context.ctx, { cycleId: formString(form, "cycleId"), version: postedVersion(form) }),
    );
    if (!result.ok) return result.response;
    return redirect(`/overenskommelser/${params.id}/cykler/${result.value.id}?sparad=1`);
  }
  const year = formString(form, "year");
  const result = await act(() => createCycle(context.ctx, { agreementId: params.id, year: year as never }), {
    year,
  });
  if (!result.ok) return result.response;
  return redirect(`/overenskommelser/${params.id}/cykler/${result.value.id}?sparad=1`);
}

export default function Cycles({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement, cycles, canEdit, suggestedYear, next } = loaderData;
  const errors = actionData?.errors;
  const newest = cycles[0];
  return (
    <div className="stack">
      <AgreementSubpageHeader
        agreement={agreement}
        heading={t(locale, "cycle.list.title")}
        locale={locale}
        errors={errors}
      >
        <p className="ds-paragraph">{t(locale, "cycle.list.intro")}</p>
      </AgreementSubpageHeader>
      {cycles.length ? (
        <table className="ds-table data-table">
          <caption>{t(locale, "cycle.list.caption", { title: agreement.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, "cycle.field.label")}</th>
              <th scope="col">{t(locale, "cycle.field.period")}</th>
              <th scope="col">{t(locale, "cycle.field.status")}</th>
              <th scope="col">{t(locale, "cycle.field.situationAdopted")}</th>
            </tr>
          </thead>
          <tbody>
            {cycles.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a className="ds-link" href={`/overenskommelser/${agreement.id}/cykler/${c.id}`}>
                    {t(locale, "cycle.name", { label: c.label })}
                  </a>
                </th>
                <td>
                  {c.startsOn} – {c.endsOn}
                </td>
                <td>
                  <span className="status">{t(locale, `cycleStatus.${c.status}`)}</span>
                </td>
                <td>{c.situationAdoptedOn ?? t(locale, "common.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ds-paragraph">{t(locale, "cycle.list.empty")}</p>
      )}
      {canEdit && newest && (
        <section aria-labelledby="h-next" className="stack">
          <h2 id="h-next" className="ds-heading" data-size="md">
            {t(locale, "cycle.next.title")}
          </h2>
          <p className="ds-paragraph">{t(locale, "cycle.next.intro", { label: newest.label })}</p>
          {next && (
            <p className="ds-paragraph">
              {t(locale, "cycle.next.period", { label: next.label, startsOn: next.startsOn, endsOn: next.endsOn })}
              {next.gap && ` ${t(locale, "cycle.next.gap", { label: newest.label, ...next.gap })}`}
            </p>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="next" />
            <input type="hidden" name="cycleId" value={newest.id} />
            <input type="hidden" name="version" value={newest.version} />
            <SubmitButton>{t(locale, "cycle.next.submit", { label: newest.label })}</SubmitButton>
          </Form>
        </section>
      )}
      {canEdit && (
        <section aria-labelledby="h-new" className="stack">
          <h2 id="h-new" className="ds-heading" data-size="md">
            {t(locale, "cycle.new.title")}
          </h2>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="create" />
            <TextField
              name="year"
              type="number"
              label={t(locale, "cycle.new.year")}
              description={t(locale, "cycle.new.yearHint")}
              defaultValue={shown(errors, "year", String(suggestedYear))}
              locale={locale}
              errors={errors}
            />
            <div>
              <SubmitButton>{t(locale, "cycle.new.submit")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
