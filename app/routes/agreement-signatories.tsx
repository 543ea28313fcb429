import { Form, redirect } from "react-router";
import type { Route } from "./+types/agreement-signatories";
import { loadEditableAgreement, postedVersion } from "../components/agreement-access.ts";
import { indexedRows, postedValues, shown, withRowPaths } from "../components/form-rows.ts";
import { CheckboxField, Fieldset, SelectField, SubmitButton, TextField } from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { AgreementSubpageHeader } from "../components/agreement-subpage.tsx";
import { act } from "../lib/http.ts";
import { setSignatories } from "../../src/services/agreements/agreements.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Undertecknare – ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return { locale: context.locale, agreement: await loadEditableAgreement(context, request, params.id) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  await loadEditableAgreement(context, request, params.id);
  const form = await request.formData();
  const { rows, indices } = indexedRows(form, "signatories");
  const signatories = rows.map((r) => ({
    name: r.name ?? "",
    title: r.title ?? "",
    organisationId: r.organisationId ?? "",
    place: r.place ?? "",
    signedOn: r.signedOn ?? "",
  }));
  const result = await act(
    () =>
      withRowPaths(
        () => setSignatories(context.ctx, { agreementId: params.id, version: postedVersion(form), signatories }),
        { signatories: indices },
      ),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`/overenskommelser/${params.id}?sparad=1`);
}

export default function Signatories({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement: a } = loaderData;
  const errors = actionData?.errors;
  const common = { locale, errors };
  const rows = [...a.signatories, undefined, undefined];
  const options = a.parties.map((p) => ({ value: p.organisationId, label: p.name }));
  return (
    <div className="stack">
      <AgreementSubpageHeader agreement={a} heading={t(locale, "signatory.title")} locale={locale} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={a.version} />
        {rows.map((s, i) => {
          const n = (f: string) => `signatories.${i}.${f}`;
          return (
            <Fieldset key={s?.id ?? `new-${i}`} legend={t(locale, "signatory.row", { n: i + 1 })}>
              <TextField
                name={n("name")}
                label={t(locale, "signatory.name")}
                defaultValue={shown(errors, n("name"), s?.name)}
                {...common}
              />
              <TextField
                name={n("title")}
                label={t(locale, "signatory.titleField")}
                defaultValue={shown(errors, n("title"), s?.title)}
                {...common}
              />
              <SelectField
                name={n("organisationId")}
                label={t(locale, "signatory.organisation")}
                options={options}
                emptyLabel={t(locale, "common.choose")}
                defaultValue={shown(errors, n("organisationId"), s?.organisationId)}
                {...common}
              />
              <div className="row-grid">
                <TextField
                  name={n("place")}
                  label={t(locale, "signatory.place")}
                  defaultValue={shown(errors, n("place"), s?.place)}
                  {...common}
                />
                <TextField
                  name={n("signedOn")}
                  type="date"
                  label={t(locale, "signatory.signedOn")}
                  description={t(locale, "signatory.signedOnHint")}
                  defaultValue={shown(errors, n("signedOn"), s?.signedOn)}
                  {...common}
                />
              </div>
              {s && <CheckboxField name={n("remove")} label={t(locale, "common.removeRow")} {...common} />}
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
