import { organisationKinds } from "../../src/domain/organisations/schemas.ts";
import { municipalities, policeRegions } from "../../src/domain/reference/sweden.ts";
import type { Organisation } from "../../src/services/organisations/organisations.ts";
import { t } from "../lib/context.ts";
import { formString, type FormErrors } from "../lib/http.ts";
import type { Locale } from "../i18n/index.ts";
import { shown } from "./form-rows.ts";
import { SelectField, TextField } from "./forms.tsx";

export function readOrganisationForm(form: FormData) {
  return {
    kind: formString(form, "kind") as Organisation["kind"],
    name: formString(form, "name"),
    municipalityCode: formString(form, "municipalityCode"),
    policeRegion: formString(form, "policeRegion"),
    parentId: formString(form, "parentId"),
  };
}

export const municipalityOptions = municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }));

export function OrganisationFields({
  organisation: o,
  organisations,
  errors,
  locale,
}: {
  organisation?: Organisation | undefined;
  organisations: Organisation[];
  errors: FormErrors | undefined;
  locale: Locale;
}) {
  const common = { locale, errors };
  return (
    <>
      <SelectField
        name="kind"
        label={t(locale, "organisation.field.kind")}
        options={organisationKinds.map((k) => ({ value: k, label: t(locale, `organisation.kindOne.${k}`) }))}
        defaultValue={shown(errors, "kind", o?.kind ?? "kommun")}
        {...common}
      />
      <TextField
        name="name"
        label={t(locale, "organisation.field.name")}
        defaultValue={shown(errors, "name", o?.name)}
        required
        {...common}
      />
      <SelectField
        name="municipalityCode"
        label={t(locale, "organisation.field.municipalityCode")}
        description={t(locale, "organisation.field.municipalityCodeHint")}
        options={municipalityOptions}
        emptyLabel={t(locale, "common.choose")}
        defaultValue={shown(errors, "municipalityCode", o?.municipalityCode)}
        {...common}
      />
      <SelectField
        name="policeRegion"
        label={t(locale, "organisation.field.policeRegion")}
        description={t(locale, "organisation.field.policeRegionHint")}
        options={policeRegions.map((r) => ({ value: r.code, label: r.name }))}
        emptyLabel={t(locale, "common.choose")}
        defaultValue={shown(errors, "policeRegion", o?.policeRegion)}
        {...common}
      />
      <SelectField
        name="parentId"
        label={t(locale, "organisation.field.parent")}
        description={t(locale, "organisation.field.parentHint")}
        options={organisations
          .filter((p) => p.id !== o?.id)
          .map((p) => ({ value: p.id, label: `${p.name} (${t(locale, `organisation.kindOne.${p.kind}`)})` }))}
        emptyLabel={t(locale, "common.choose")}
        defaultValue={shown(errors, "parentId", o?.parentId)}
        {...common}
      />
    </>
  );
}
