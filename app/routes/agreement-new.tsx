import { Form, redirect } from "react-router";
import type { Route } from "./+types/agreement-new";
import { AgreementFields, readAgreementForm } from "../components/agreement-form.tsx";
import { postedValues, withRowPaths } from "../components/form-rows.ts";
import { ErrorSummary, SubmitButton } from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { act, requireSignedIn } from "../lib/http.ts";
import { createAgreement } from "../../src/services/agreements/agreements.ts";
import { listOrganisations } from "../../src/services/organisations/organisations.ts";

export function meta() {
  return [{ title: "Ny överenskommelse – Samverkan" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  return { locale: context.locale, organisations: await listOrganisations(context.ctx) };
}

export async function action({ request, context }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const { input, partyIndices } = readAgreementForm(form);
  const result = await act(
    () => withRowPaths(() => createAgreement(context.ctx, input), { parties: partyIndices }),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`/overenskommelser/${result.value.id}?sparad=1`);
}

export default function NewAgreement({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, organisations } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "agreement.new.title")}
      </h1>
      <ErrorSummary errors={errors} locale={locale} />
      <Form method="post" className="form-grid" noValidate>
        <AgreementFields organisations={organisations} errors={errors} locale={locale} />
        <div>
          <SubmitButton>{t(locale, "agreement.new.submit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
