import { Form, redirect } from "react-router";
import type { Route } from "./+types/settings";
import { postedVersion } from "../../components/agreement-access.ts";
import { AgreementSubpageHeader } from "../../components/agreement-subpage.tsx";
import { indexedRows, postedValues, shown, shownChecked, withRowPaths } from "../../components/form-rows.ts";
import {
  CheckboxField,
  Fieldset,
  SavedNotice,
  SelectField,
  SubmitButton,
  TextField,
  savedFlag,
} from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { act, formString, load, requireSignedIn } from "../../lib/http.ts";
import { promisePeriodKinds } from "../../../src/domain/cycles/vocabulary.ts";
import { canEditAgreement, getAgreement } from "../../../src/services/agreements/agreements.ts";
import { getCycleSettings, updateCycleSettings } from "../../../src/services/cycles/settings.ts";
import { keepRows } from "./shared.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Inställningar för cykeln – ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const agreement = await load(() => getAgreement(context.ctx, params.id));
  const settings = await load(() => getCycleSettings(context.ctx, params.id));
  return {
    locale: context.locale,
    agreement: { id: agreement.id, title: agreement.title },
    settings,
    canEdit: await canEditAgreement(context.ctx, params.id),
    saved: savedFlag(request),
  };
}

/** Blank rows offered for adding sources without JavaScript. */
const BLANK_SOURCES = 2;

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const sources = keepRows(indexedRows(form, "situationSources"), (r) => (r.label ?? "").trim() !== "");
  const result = await act(
    () =>
      withRowPaths(
        () =>
          updateCycleSettings(context.ctx, {
            agreementId: params.id,
            version: postedVersion(form),
            cycleStartMonth: formString(form, "cycleStartMonth") as never,
            promisePeriod: formString(form, "promisePeriod") as never,
            reviewIntervalMonths: formString(form, "reviewIntervalMonths") as never,
            staleAfterDays: formString(form, "staleAfterDays") as never,
            situationSources: sources.rows.map((r) => ({
              key: r.key ?? "",
              label: r.label ?? "",
              mandatory: r.mandatory === "on",
            })),
          }),
        { situationSources: sources.indices },
      ),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`/overenskommelser/${params.id}/installningar?sparad=1`);
}

export default function CycleSettingsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement, settings: s, canEdit, saved } = loaderData;
  const errors = actionData?.errors;
  const common = { locale, errors };
  const rows = [...s.situationSources, ...Array.from({ length: BLANK_SOURCES }, () => undefined)];
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: t(locale, `settings.month.${i + 1}`),
  }));
  if (!canEdit)
    return (
      <div className="stack">
        <AgreementSubpageHeader
          agreement={agreement}
          heading={t(locale, "settings.title")}
          locale={locale}
          errors={errors}
        />
        <dl className="facts cycle-facts">
          <dt>{t(locale, "settings.cycleStartMonth")}</dt>
          <dd>{t(locale, `settings.month.${s.cycleStartMonth}`)}</dd>
          <dt>{t(locale, "settings.promisePeriod")}</dt>
          <dd>{t(locale, `settings.promisePeriod.${s.promisePeriod}`)}</dd>
          <dt>{t(locale, "settings.reviewIntervalMonths")}</dt>
          <dd>{s.reviewIntervalMonths}</dd>
          <dt>{t(locale, "settings.staleAfterDays")}</dt>
          <dd>{s.staleAfterDays}</dd>
        </dl>
        <h2 className="ds-heading" data-size="md">
          {t(locale, "source.title")}
        </h2>
        <ul className="ds-list">
          {s.situationSources.map((x) => (
            <li key={x.key}>
              {x.label}
              {x.mandatory && ` (${t(locale, "source.mandatory")})`}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="stack">
      <AgreementSubpageHeader
        agreement={agreement}
        heading={t(locale, "settings.title")}
        locale={locale}
        errors={errors}
      >
        <p className="ds-paragraph">{t(locale, "settings.intro")}</p>
        <SavedNotice show={saved} locale={locale} />
      </AgreementSubpageHeader>
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={s.version} />
        <SelectField
          name="cycleStartMonth"
          label={t(locale, "settings.cycleStartMonth")}
          description={t(locale, "settings.cycleStartMonthHint")}
          options={months}
          defaultValue={shown(errors, "cycleStartMonth", String(s.cycleStartMonth))}
          {...common}
        />
        <SelectField
          name="promisePeriod"
          label={t(locale, "settings.promisePeriod")}
          options={promisePeriodKinds.map((k) => ({ value: k, label: t(locale, `settings.promisePeriod.${k}`) }))}
          defaultValue={shown(errors, "promisePeriod", s.promisePeriod)}
          {...common}
        />
        <TextField
          name="reviewIntervalMonths"
          type="number"
          label={t(locale, "settings.reviewIntervalMonths")}
          description={t(locale, "settings.reviewIntervalMonthsHint")}
          defaultValue={shown(errors, "reviewIntervalMonths", String(s.reviewIntervalMonths))}
          {...common}
        />
        <TextField
          name="staleAfterDays"
          type="number"
          label={t(locale, "settings.staleAfterDays")}
          description={t(locale, "settings.staleAfterDaysHint")}
          defaultValue={shown(errors, "staleAfterDays", String(s.staleAfterDays))}
          {...common}
        />
        <h2 className="ds-heading" data-size="md">
          {t(locale, "source.title")}
        </h2>
        <p className="ds-paragraph">{t(locale, "settings.sourcesIntro")}</p>
        {rows.map((src, i) => {
          const n = (f: string) => `situationSources.${i}.${f}`;
          return (
            <Fieldset key={src?.key ?? `new-${i}`} legend={t(locale, "settings.sourceRow", { n: i + 1 })}>
              <input type="hidden" name={n("key")} value={src?.key ?? ""} />
              <TextField
                name={n("label")}
                label={t(locale, "settings.sourceLabel")}
                defaultValue={shown(errors, n("label"), src?.label)}
                {...common}
              />
              <CheckboxField
                name={n("mandatory")}
                label={t(locale, "source.mandatory")}
                defaultChecked={shownChecked(errors, n("mandatory"), src?.mandatory ?? false)}
                {...common}
              />
              {src && <CheckboxField name={n("remove")} label={t(locale, "common.removeRow")} {...common} />}
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
