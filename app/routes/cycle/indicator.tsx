import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/indicator";
import { postedVersion } from "../../components/agreement-access.ts";
import { AgreementSubpageHeader } from "../../components/agreement-subpage.tsx";
import { postedValues, shown } from "../../components/form-rows.ts";
import { SubmitButton } from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { act, load, requireSignedIn } from "../../lib/http.ts";
import { canEditAgreement, getAgreement } from "../../../src/services/agreements/agreements.ts";
import { deleteIndicator, getIndicator, updateIndicator } from "../../../src/services/cycles/indicators.ts";
import { IndicatorFields, indicatorFromForm } from "./indicator-form.tsx";
import { intentOf } from "./shared.tsx";

export function meta({ data: d }: Route.MetaArgs) {
  return [{ title: `${d?.indicator.name ?? "Indikator"} – Samverkan` }];
}

async function loadEditable(
  context: Route.LoaderArgs["context"],
  request: Request,
  params: Route.LoaderArgs["params"],
) {
  requireSignedIn(context.ctx, request);
  const indicator = await load(() => getIndicator(context.ctx, params.indicatorId));
  if (indicator.agreementId !== params.id) throw data({ messageKey: "indicator.notFound" }, { status: 404 });
  if (!(await canEditAgreement(context.ctx, params.id)))
    throw data({ messageKey: "agreement.editForbidden" }, { status: 403 });
  return indicator;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const indicator = await loadEditable(context, request, params);
  const agreement = await load(() => getAgreement(context.ctx, params.id));
  return { locale: context.locale, agreement: { id: agreement.id, title: agreement.title }, indicator };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  await loadEditable(context, request, params);
  const form = await request.formData();
  const version = postedVersion(form);
  const id = params.indicatorId;
  if (intentOf(form) === "delete") {
    const result = await act(() => deleteIndicator(context.ctx, { id, version }));
    if (!result.ok) return result.response;
  } else {
    const { input, run } = indicatorFromForm(form);
    const result = await act(
      () => run(() => updateIndicator(context.ctx, { id, version, ...input })),
      postedValues(form),
    );
    if (!result.ok) return result.response;
  }
  return redirect(`/overenskommelser/${params.id}/indikatorer?sparad=1`);
}

export default function IndicatorPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement, indicator } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <AgreementSubpageHeader agreement={agreement} heading={indicator.name} locale={locale} errors={errors} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/overenskommelser/${agreement.id}/indikatorer`}>
          {t(locale, "indicator.backToList")}
        </a>
      </p>
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={indicator.version} />
        <IndicatorFields
          indicator={indicator}
          locale={locale}
          errors={errors}
          shownValue={(n, v) => shown(errors, n, v)}
        />
        <div>
          <SubmitButton>{t(locale, "common.save")}</SubmitButton>
        </div>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="version" value={indicator.version} />
        <button type="submit" className="ds-button" data-variant="secondary">
          {t(locale, "indicator.delete")}
        </button>
      </Form>
    </div>
  );
}
