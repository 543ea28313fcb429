import type { AgreementView } from "../../src/services/agreements/agreements.ts";
import type { Organisation } from "../../src/services/organisations/organisations.ts";
import { t } from "../lib/context.ts";
import { formBool, formString, type FormErrors } from "../lib/http.ts";
import type { Locale } from "../i18n/index.ts";
import { CheckboxField, Fieldset, SelectField, TextField } from "./forms.tsx";
import { indexedRows, lines, shown, shownChecked } from "./form-rows.ts";

/** Rows offered for parties: enough for a kommun, an LPO and a couple of others. */
const PARTY_ROWS = 4;

/** Reads the agreement form into the service's input shape (without id/version). */
export function readAgreementForm(form: FormData) {
  const { rows, indices } = indexedRows(form, "parties");
  return {
    input: {
      title: formString(form, "title"),
      purpose: formString(form, "purpose"),
      method: formString(form, "method"),
      organisationText: formString(form, "organisationText"),
      commitments: lines(formString(form, "commitments")),
      validFrom: formString(form, "validFrom"),
      validTo: formString(form, "validTo"),
      untilFurtherNotice: formBool(form, "untilFurtherNotice"),
      revisionNote: formString(form, "revisionNote"),
      terminable: formBool(form, "terminable"),
      signedOn: formString(form, "signedOn"),
      parties: rows.map((r) => ({
        organisationId: r.organisationId ?? "",
        contactName: r.contactName ?? "",
        contactTitle: r.contactTitle ?? "",
        contactEmail: r.contactEmail ?? "",
        contactPhone: r.contactPhone ?? "",
      })),
    },
    partyIndices: indices,
  };
}

type Party = AgreementView["parties"][number];

export function organisationOptions(orgs: Organisation[], locale: Locale) {
  return orgs.map((o) => ({ value: o.id, label: `${o.name} (${t(locale, `organisation.kindOne.${o.kind}`)})` }));
}

export function AgreementFields({
  agreement,
  organisations,
  errors,
  locale,
}: {
  agreement?: AgreementView | undefined;
  organisations: Organisation[];
  errors: FormErrors | undefined;
  locale: Locale;
}) {
  const a = agreement;
  const common = { locale, errors };
  const options = organisationOptions(organisations, locale);
  const parties: (Party | undefined)[] = [...(a?.parties ?? [])];
  while (parties.length < Math.max(PARTY_ROWS, (a?.parties.length ?? 0) + 2)) parties.push(undefined);
  return (
    <>
      <TextField
        name="title"
        label={t(locale, "agreement.field.title")}
        defaultValue={shown(errors, "title", a?.title)}
        required
        {...common}
      />
      <TextField
        name="purpose"
        label={t(locale, "agreement.field.purpose")}
        multiline
        defaultValue={shown(errors, "purpose", a?.purpose)}
        {...common}
      />
      <TextField
        name="method"
        label={t(locale, "agreement.field.method")}
        multiline
        defaultValue={shown(errors, "method", a?.method)}
        {...common}
      />
      <TextField
        name="organisationText"
        label={t(locale, "agreement.field.organisationText")}
        multiline
        defaultValue={shown(errors, "organisationText", a?.organisationText)}
        {...common}
      />
      <TextField
        name="commitments"
        label={t(locale, "agreement.field.commitments")}
        description={t(locale, "agreement.field.commitmentsHint")}
        multiline
        defaultValue={shown(errors, "commitments", a?.commitments.join("\n"))}
        {...common}
      />
      <Fieldset legend={t(locale, "agreement.field.validity")}>
        <TextField
          name="validFrom"
          type="date"
          label={t(locale, "agreement.field.validFrom")}
          defaultValue={shown(errors, "validFrom", a?.validFrom)}
          {...common}
        />
        <TextField
          name="validTo"
          type="date"
          label={t(locale, "agreement.field.validTo")}
          defaultValue={shown(errors, "validTo", a?.validTo)}
          {...common}
        />
        <CheckboxField
          name="untilFurtherNotice"
          label={t(locale, "agreement.field.untilFurtherNotice")}
          defaultChecked={shownChecked(errors, "untilFurtherNotice", a?.untilFurtherNotice ?? false)}
          {...common}
        />
        <TextField
          name="revisionNote"
          label={t(locale, "agreement.field.revisionNote")}
          defaultValue={shown(errors, "revisionNote", a?.revisionNote)}
          {...common}
        />
        <CheckboxField
          name="terminable"
          label={t(locale, "agreement.field.terminable")}
          defaultChecked={shownChecked(errors, "terminable", a?.terminable ?? false)}
          {...common}
        />
        <TextField
          name="signedOn"
          type="date"
          label={t(locale, "agreement.field.signedOn")}
          defaultValue={shown(errors, "signedOn", a?.signedOn)}
          {...common}
        />
      </Fieldset>
      <Fieldset
        legend={t(locale, "agreement.field.parties")}
        id="f-parties"
        error={errors?.fields.parties}
        locale={locale}
      >
        <p className="ds-paragraph" data-size="sm">
          {t(locale, "agreement.field.partiesHint")}
        </p>
        {parties.map((p, i) => {
          const n = (field: string) => `parties.${i}.${field}`;
          return (
            <Fieldset key={i} legend={t(locale, "agreement.field.party", { n: i + 1 })}>
              <SelectField
                name={n("organisationId")}
                label={t(locale, "agreement.field.organisation")}
                options={options}
                emptyLabel={t(locale, "common.choose")}
                defaultValue={shown(errors, n("organisationId"), p?.organisationId)}
                {...common}
              />
              <div className="row-grid">
                <TextField
                  name={n("contactName")}
                  label={t(locale, "agreement.field.contactName")}
                  defaultValue={shown(errors, n("contactName"), p?.contactName)}
                  {...common}
                />
                <TextField
                  name={n("contactTitle")}
                  label={t(locale, "agreement.field.contactTitle")}
                  defaultValue={shown(errors, n("contactTitle"), p?.contactTitle)}
                  {...common}
                />
                <TextField
                  name={n("contactEmail")}
                  type="email"
                  label={t(locale, "agreement.field.contactEmail")}
                  defaultValue={shown(errors, n("contactEmail"), p?.contactEmail)}
                  {...common}
                />
                <TextField
                  name={n("contactPhone")}
                  type="tel"
                  label={t(locale, "agreement.field.contactPhone")}
                  defaultValue={shown(errors, n("contactPhone"), p?.contactPhone)}
                  {...common}
                />
              </div>
            </Fieldset>
          );
        })}
      </Fieldset>
    </>
  );
}
