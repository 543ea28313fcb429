import { Form, redirect } from "react-router";
import type { Route } from "./+types/indicators";
import { AgreementSubpageHeader } from "../../components/agreement-subpage.tsx";
import { postedValues, shown } from "../../components/form-rows.ts";
import { SavedNotice, SubmitButton, savedFlag } from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { act, load, requireSignedIn } from "../../lib/http.ts";
import { canEditAgreement, getAgreement } from "../../../src/services/agreements/agreements.ts";
import { createIndicator, listIndicators } from "../../../src/services/cycles/indicators.ts";
import { IndicatorTrendTable } from "./indicator-table.tsx";
import { IndicatorFields, indicatorFromForm } from "./indicator-form.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Indikatorer – ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const agreement = await load(() => getAgreement(context.ctx, params.id));
  return {
    locale: context.locale,
    agreement: { id: agreement.id, title: agreement.title },
    indicators: await load(() => listIndicators(context.ctx, params.id)),
    canEdit: await canEditAgreement(context.ctx, params.id),
    saved: savedFlag(request),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const { input, run } = indicatorFromForm(form);
  const result = await act(
    () => run(() => createIndicator(context.ctx, { agreementId: params.id, ...input })),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`/overenskommelser/${params.id}/indikatorer?sparad=1`);
}

export default function Indicators({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement, indicators, canEdit, saved } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <AgreementSubpageHeader
        agreement={agreement}
        heading={t(locale, "indicator.title")}
        locale={locale}
        errors={errors}
      >
        <p className="ds-paragraph">{t(locale, "indicator.intro")}</p>
        <SavedNotice show={saved} locale={locale} />
      </AgreementSubpageHeader>
      <IndicatorTrendTable indicators={indicators} locale={locale} />
      {canEdit && indicators.length > 0 && (
        <ul className="ds-list">
          {indicators.map((i) => (
            <li key={i.id}>
              <a className="ds-link" href={`/overenskommelser/${agreement.id}/indikatorer/${i.id}`}>
                {t(locale, "indicator.editLink", { name: i.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Form method="post" className="form-grid" noValidate aria-labelledby="h-new-indicator">
          <h2 id="h-new-indicator" className="ds-heading" data-size="md">
            {t(locale, "indicator.new.title")}
          </h2>
          <IndicatorFields
            indicator={undefined}
            locale={locale}
            errors={errors}
            shownValue={(n, v) => shown(errors, n, v)}
          />
          <div>
            <SubmitButton>{t(locale, "indicator.new.submit")}</SubmitButton>
          </div>
        </Form>
      )}
    </div>
  );
}
