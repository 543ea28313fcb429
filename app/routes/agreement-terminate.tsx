import { Form, redirect } from "react-router";
import type { Route } from "./+types/agreement-terminate";
import { loadEditableAgreement, postedVersion } from "../components/agreement-access.ts";
import { postedValues, shown } from "../components/form-rows.ts";
import { SubmitButton, TextField } from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { AgreementSubpageHeader } from "../components/agreement-subpage.tsx";
import { act, formString } from "../lib/http.ts";
import { terminateAgreement } from "../../src/services/agreements/agreements.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Avsluta ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return { locale: context.locale, agreement: await loadEditableAgreement(context, request, params.id) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  await loadEditableAgreement(context, request, params.id);
  const form = await request.formData();
  const result = await act(
    () =>
      terminateAgreement(context.ctx, {
        agreementId: params.id,
        version: postedVersion(form),
        terminatedOn: formString(form, "terminatedOn"),
        note: formString(form, "note"),
      }),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`/overenskommelser/${params.id}?sparad=1`);
}

export default function Terminate({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement: a } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <AgreementSubpageHeader
        agreement={a}
        heading={t(locale, "agreement.terminate.title")}
        locale={locale}
        errors={errors}
      >
        <p className="ds-paragraph">{t(locale, "agreement.terminate.intro")}</p>
      </AgreementSubpageHeader>
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={a.version} />
        <TextField
          name="terminatedOn"
          type="date"
          label={t(locale, "agreement.terminate.terminatedOn")}
          defaultValue={shown(errors, "terminatedOn", a.terminatedOn)}
          locale={locale}
          errors={errors}
        />
        <TextField
          name="note"
          label={t(locale, "agreement.terminate.note")}
          multiline
          defaultValue={shown(errors, "note", a.terminationNote)}
          locale={locale}
          errors={errors}
        />
        <div>
          <SubmitButton>{t(locale, "agreement.terminate.submit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
