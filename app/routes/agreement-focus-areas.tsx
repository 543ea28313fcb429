import { Form, redirect } from "react-router";
import type { Route } from "./+types/agreement-focus-areas";
import { loadEditableAgreement, postedVersion } from "../components/agreement-access.ts";
import { indexedRows, postedValues, shown, withRowPaths } from "../components/form-rows.ts";
import { CheckboxField, Fieldset, SubmitButton, TextField } from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { AgreementSubpageHeader } from "../components/agreement-subpage.tsx";
import { act } from "../lib/http.ts";
import { setFocusAreas } from "../../src/services/agreements/agreements.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Fokusområden – ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return { locale: context.locale, agreement: await loadEditableAgreement(context, request, params.id) };
}

function positionOf(value: string | undefined): number {
  const n = value?.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  await loadEditableAgreement(context, request, params.id);
  const form = await request.formData();
  const { rows, indices } = indexedRows(form, "focusAreas");
  // The position numbers only order the rows; a row without one goes last, in form order.
  const ordered = rows
    .map((r, i) => ({ r, formIndex: indices[i]!, at: positionOf(r.position) }))
    .sort((a, b) => a.at - b.at || a.formIndex - b.formIndex);
  const focusAreas = ordered.map(({ r }) => ({
    id: r.id ?? "",
    title: r.title ?? "",
    description: r.description ?? "",
  }));
  const result = await act(
    () =>
      withRowPaths(
        () => setFocusAreas(context.ctx, { agreementId: params.id, version: postedVersion(form), focusAreas }),
        {
          focusAreas: ordered.map((o) => o.formIndex),
        },
      ),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`/overenskommelser/${params.id}?sparad=1`);
}

export default function FocusAreas({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement: a } = loaderData;
  const errors = actionData?.errors;
  const common = { locale, errors };
  const rows = [...a.focusAreas, undefined];
  return (
    <div className="stack">
      <AgreementSubpageHeader agreement={a} heading={t(locale, "focusArea.title")} locale={locale} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={a.version} />
        {rows.map((f, i) => {
          const n = (field: string) => `focusAreas.${i}.${field}`;
          return (
            <Fieldset key={f?.id ?? "new"} legend={t(locale, "focusArea.row", { n: i + 1 })}>
              <input type="hidden" name={n("id")} value={f?.id ?? ""} />
              <TextField
                name={n("title")}
                label={t(locale, "focusArea.titleField")}
                defaultValue={shown(errors, n("title"), f?.title)}
                {...common}
              />
              <TextField
                name={n("description")}
                label={t(locale, "focusArea.description")}
                multiline
                defaultValue={shown(errors, n("description"), f?.description)}
                {...common}
              />
              <TextField
                name={n("position")}
                type="number"
                label={t(locale, "focusArea.position")}
                description={t(locale, "focusArea.positionHint")}
                defaultValue={shown(errors, n("position"), f ? String(i + 1) : "")}
                {...common}
              />
              {f && <CheckboxField name={n("remove")} label={t(locale, "common.removeRow")} {...common} />}
            </Fieldset>
          );
        })}
        <div>
          <SubmitButton>{t(locale, "common.save")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
