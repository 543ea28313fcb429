import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/organisation-new";
import { ErrorSummary, SubmitButton } from "../components/forms.tsx";
import { postedValues } from "../components/form-rows.ts";
import { OrganisationFields, readOrganisationForm } from "../components/organisation-form.tsx";
import { t } from "../lib/context.ts";
import { act, requireSignedIn } from "../lib/http.ts";
import { createOrganisation, listOrganisations } from "../../src/services/organisations/organisations.ts";

export function meta() {
  return [{ title: "Ny organisation – Samverkan" }];
}

/** Platform admins create any organisation; an organisation's admins may add departments under it. */
function requireManager(context: Route.LoaderArgs["context"], request: Request) {
  const actor = requireSignedIn(context.ctx, request);
  if (!actor.isPlatformAdmin && ![...actor.memberships.values()].includes("admin"))
    throw data({ messageKey: "organisation.manageForbidden" }, { status: 403 });
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requireManager(context, request);
  return { locale: context.locale, organisations: await listOrganisations(context.ctx) };
}

export async function action({ request, context }: Route.ActionArgs) {
  requireManager(context, request);
  const form = await request.formData();
  const result = await act(() => createOrganisation(context.ctx, readOrganisationForm(form)), postedValues(form));
  if (!result.ok) return result.response;
  return redirect(`/organisationer/${result.value.id}?sparad=1`);
}

export default function NewOrganisation({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, organisations } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "organisation.new.title")}
      </h1>
      <ErrorSummary errors={errors} locale={locale} />
      <Form method="post" className="form-grid" noValidate>
        <OrganisationFields organisations={organisations} errors={errors} locale={locale} />
        <div>
          <SubmitButton>{t(locale, "organisation.new.submit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
