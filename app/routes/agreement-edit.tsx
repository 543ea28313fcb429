import { Form, redirect } from "react-router";
import type { Route } from "./+types/agreement-edit";
import { loadEditableAgreement, postedVersion } from "../components/agreement-access.ts";
import { AgreementFields, readAgreementForm } from "../components/agreement-form.tsx";
import { postedValues, withRowPaths } from "../components/form-rows.ts";
import { SubmitButton } from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { AgreementSubpageHeader } from "../components/agreement-subpage.tsx";
import { act } from "../lib/http.ts";
import { updateAgreement } from "../../src/services/agreements/agreements.ts";
import { listOrganisations } from "../../src/services/organisations/organisations.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Ändra ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const agreement = await loadEditableAgreement(context, request, params.id);
  return { locale: context.locale, agreement, organisations: await listOrganisations(context.ctx) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  await loadEditableAgreement(context, request, params.id);
  const form = await request.formData();
  const { input, partyIndices } = readAgreementForm(form);
  const result = await act(
    () =>
      withRowPaths(() => updateAgreement(context.ctx, { ...input, id: params.id, version: postedVersion(form) }), {
        parties: partyIndices,
      }),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`/overenskommelser/${params.id}?sparad=1`);
}

export default function EditAgreement({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement, organisations } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <AgreementSubpageHeader
        agreement={agreement}
        heading={t(locale, "agreement.edit.title")}
        locale={locale}
        errors={errors}
      />
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={agreement.version} />
        <AgreementFields agreement={agreement} organisations={organisations} errors={errors} locale={locale} />
        <div>
          <SubmitButton>{t(locale, "agreement.edit.submit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
