import { Form, redirect } from "react-router";
import type { Route } from "./+types/organisation";
import { indexedRows, postedValues, shown, withRowPaths } from "../components/form-rows.ts";
import {
  CheckboxField,
  ErrorSummary,
  Fieldset,
  SavedNotice,
  savedFlag,
  SelectField,
  SubmitButton,
  TextField,
} from "../components/forms.tsx";
import { municipalityOptions, OrganisationFields, readOrganisationForm } from "../components/organisation-form.tsx";
import { t } from "../lib/context.ts";
import { act, formString, load, requireSignedIn } from "../lib/http.ts";
import { municipalityByCode, policeRegions } from "../../src/domain/reference/sweden.ts";
import {
  canManageOrganisation,
  getOrganisation,
  listOrganisations,
  setPoliceAreaCoverage,
  updateOrganisation,
} from "../../src/services/organisations/organisations.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.organisation.name ?? "Organisation"} – Samverkan` }];
}

async function loadOrganisation(context: Route.LoaderArgs["context"], request: Request, id: string) {
  requireSignedIn(context.ctx, request);
  const organisation = await load(() => getOrganisation(context.ctx, id));
  const canManage = canManageOrganisation(context.ctx, organisation);
  return { organisation, canManage };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { organisation, canManage } = await loadOrganisation(context, request, params.id);
  const organisations = await listOrganisations(context.ctx);
  return {
    locale: context.locale,
    organisation,
    canManage,
    organisations,
    parent: organisations.find((o) => o.id === organisation.parentId) ?? null,
    saved: savedFlag(request),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  await loadOrganisation(context, request, params.id);
  const form = await request.formData();
  const version = Number(formString(form, "version")) || 0;
  if (formString(form, "intent") === "coverage") {
    const { rows, indices } = indexedRows(form, "coverage");
    const coverage = rows.map((r) => ({
      municipalityCode: r.municipalityCode ?? "",
      validFrom: r.validFrom ?? "",
      validTo: r.validTo ?? "",
    }));
    const result = await act(
      () =>
        withRowPaths(() => setPoliceAreaCoverage(context.ctx, { policeAreaId: params.id, version, coverage }), {
          coverage: indices,
        }),
      postedValues(form),
    );
    if (!result.ok) return result.response;
  } else {
    const result = await act(
      () => updateOrganisation(context.ctx, { ...readOrganisationForm(form), id: params.id, version }),
      postedValues(form),
    );
    if (!result.ok) return result.response;
  }
  return redirect(`/organisationer/${params.id}?sparad=1`);
}

export default function OrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, organisation: o, canManage, organisations, parent, saved } = loaderData;
  const errors = actionData?.errors;
  const common = { locale, errors };
  const coverageRows = [...o.coverage, undefined, undefined];
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {o.name}
      </h1>
      <SavedNotice show={saved && !errors} locale={locale} />
      <ErrorSummary errors={errors} locale={locale} />
      <section aria-labelledby="h-details">
        <h2 id="h-details" className="ds-heading" data-size="md">
          {t(locale, "common.details")}
        </h2>
        <dl className="facts">
          <dt>{t(locale, "organisation.field.kind")}</dt>
          <dd>{t(locale, `organisation.kindOne.${o.kind}`)}</dd>
          {o.municipalityCode && (
            <>
              <dt>{t(locale, "organisation.field.municipalityCode")}</dt>
              <dd>
                {municipalityByCode(o.municipalityCode)?.officialName ?? ""} ({o.municipalityCode})
              </dd>
            </>
          )}
          {o.policeRegion && (
            <>
              <dt>{t(locale, "organisation.field.policeRegion")}</dt>
              <dd>{policeRegions.find((r) => r.code === o.policeRegion)?.name ?? o.policeRegion}</dd>
            </>
          )}
          {parent && (
            <>
              <dt>{t(locale, "organisation.field.parent")}</dt>
              <dd>
                <a className="ds-link" href={`/organisationer/${parent.id}`}>
                  {parent.name}
                </a>
              </dd>
            </>
          )}
        </dl>
      </section>

      {o.kind === "lpo" && !canManage && (
        <section aria-labelledby="h-coverage">
          <h2 id="h-coverage" className="ds-heading" data-size="md">
            {t(locale, "organisation.coverage.title")}
          </h2>
          <ul className="ds-list">
            {o.coverage.map((c) => (
              <li key={c.id}>
                {municipalityByCode(c.municipalityCode)?.name ?? c.municipalityCode}: {c.validFrom} – {c.validTo ?? ""}
              </li>
            ))}
          </ul>
        </section>
      )}

      {o.children.length > 0 && (
        <section aria-labelledby="h-children">
          <h2 id="h-children" className="ds-heading" data-size="md">
            {t(locale, "organisation.children")}
          </h2>
          <ul className="ds-list">
            {o.children.map((c) => (
              <li key={c.id}>
                <a className="ds-link" href={`/organisationer/${c.id}`}>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {canManage && (
        <section aria-labelledby="h-edit" className="stack">
          <h2 id="h-edit" className="ds-heading" data-size="md">
            {t(locale, "organisation.edit.title")}
          </h2>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="version" value={o.version} />
            <OrganisationFields organisation={o} organisations={organisations} errors={errors} locale={locale} />
            <div>
              <SubmitButton>{t(locale, "common.save")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}

      {canManage && o.kind === "lpo" && (
        <section aria-labelledby="h-coverage-edit" className="stack">
          <h2 id="h-coverage-edit" className="ds-heading" data-size="md">
            {t(locale, "organisation.coverage.title")}
          </h2>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="coverage" />
            <input type="hidden" name="version" value={o.version} />
            {coverageRows.map((c, i) => {
              const n = (f: string) => `coverage.${i}.${f}`;
              return (
                <Fieldset key={c?.id ?? `new-${i}`} legend={t(locale, "organisation.coverage.row", { n: i + 1 })}>
                  <SelectField
                    name={n("municipalityCode")}
                    label={t(locale, "organisation.coverage.municipality")}
                    options={municipalityOptions}
                    emptyLabel={t(locale, "common.choose")}
                    defaultValue={shown(errors, n("municipalityCode"), c?.municipalityCode)}
                    {...common}
                  />
                  <div className="row-grid">
                    <TextField
                      name={n("validFrom")}
                      type="date"
                      label={t(locale, "organisation.coverage.validFrom")}
                      defaultValue={shown(errors, n("validFrom"), c?.validFrom)}
                      {...common}
                    />
                    <TextField
                      name={n("validTo")}
                      type="date"
                      label={t(locale, "organisation.coverage.validTo")}
                      defaultValue={shown(errors, n("validTo"), c?.validTo)}
                      {...common}
                    />
                  </div>
                  {c && <CheckboxField name={n("remove")} label={t(locale, "common.removeRow")} {...common} />}
                </Fieldset>
              );
            })}
            <div>
              <SubmitButton>{t(locale, "organisation.coverage.submit")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
