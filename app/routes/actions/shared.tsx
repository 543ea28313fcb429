import { data } from "react-router";
import type { actionFormOptions, ActionDetail } from "../../../src/services/actions/actions.ts";
import { actionHorizons, actionKinds, actionStatuses } from "../../../src/domain/cycles/vocabulary.ts";
import { AppError } from "../../../src/errors.ts";
import { ErrorSummary, Fieldset, SelectField, TextField, fieldId } from "../../components/forms.tsx";
import { shown } from "../../components/form-rows.ts";
import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";
import { formString, type FormErrors } from "../../lib/http.ts";

export type FormOptions = Awaited<ReturnType<typeof actionFormOptions>>;

/** The cycle's pages live under their agreement's URL: a cycle of another agreement is not found. */
export function requireSameAgreement(cycle: { agreementId: string }, agreementId: string) {
  if (cycle.agreementId !== agreementId) throw data({ messageKey: "cycle.notFound" }, { status: 404 });
}

export const cycleBase = (agreementId: string, cycleId: string) => `/overenskommelser/${agreementId}/cykler/${cycleId}`;

/** Back to the cycle, the heading, what the page is about, the error summary. */
export function CycleSubpageHeader({
  agreement,
  cycle,
  heading,
  locale,
  errors,
  children,
}: {
  agreement: { id: string; title: string };
  cycle: { id: string; label: string };
  heading: string;
  locale: Locale;
  errors?: FormErrors | undefined;
  children?: React.ReactNode;
}) {
  return (
    <>
      <p className="ds-paragraph no-print">
        <a className="ds-link" href={cycleBase(agreement.id, cycle.id)}>
          {t(locale, "actionPlan.backToCycle", { label: cycle.label })}
        </a>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {heading}
      </h1>
      <p className="ds-paragraph">
        {t(locale, "actionPlan.ofAgreement", { title: agreement.title, label: cycle.label })}
      </p>
      {children}
      <ErrorSummary errors={errors} locale={locale} />
    </>
  );
}

/** The links between the cycle's action pages. */
export function ActionPlanNav({
  agreementId,
  cycleId,
  locale,
  current,
}: {
  agreementId: string;
  cycleId: string;
  locale: Locale;
  current: "plan" | "report" | "communication";
}) {
  const base = cycleBase(agreementId, cycleId);
  const links = [
    ["plan", `${base}/atgardsplan`, "actionPlan.title"],
    ["report", `${base}/uppfoljning`, "report.title"],
    ["communication", `${base}/kommunikation`, "communication.title"],
  ] as const;
  return (
    <nav aria-label={t(locale, "actionPlan.nav")} className="no-print">
      <ul className="actions">
        {links.map(([key, href, label]) => (
          <li key={key}>
            <a className="ds-link" href={href} aria-current={current === key ? "page" : undefined}>
              {t(locale, label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ActionStatusBadge({ status, locale }: { status: string; locale: Locale }) {
  return <span className={`status action-status action-status--${status}`}>{t(locale, `actionStatus.${status}`)}</span>;
}

/** Rewrites a service's field paths into one form's namespace ("status" → "followUp.status"), so fields on one page keep unique ids. */
export async function inForm<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields.length) throw e;
    const fields = e.fields.map((f) => ({ ...f, path: `${prefix}.${f.path || "form"}` }));
    throw new AppError(e.code, e.messageKey, { fields, params: e.params, cause: e });
  }
}

/** The errors that belong to one of several forms on a page (by the posted intent). */
export function errorsFor(errors: FormErrors | undefined, intent: string): FormErrors | undefined {
  return errors?.values?.intent === intent ? errors : undefined;
}

/** The action form's posted values, as the service's input (blank strings mean none). */
export function actionInputFrom(form: FormData) {
  const s = (name: string) => formString(form, name);
  return {
    cycleFocusAreaId: s("cycleFocusAreaId"),
    causeId: s("causeId"),
    title: s("title"),
    description: s("description"),
    kind: s("kind") as (typeof actionKinds)[number],
    horizon: s("horizon") as (typeof actionHorizons)[number],
    responsibleIds: form.getAll("responsibleIds").filter((v): v is string => typeof v === "string"),
    contactPerson: s("contactPerson"),
    participants: s("participants"),
    startsOn: s("startsOn"),
    deadline: s("deadline"),
    quantityTarget: s("quantityTarget"),
    followUpMethod: s("followUpMethod"),
    followUpFrequency: s("followUpFrequency"),
    goal: s("goal"),
    indicatorId: s("indicatorId"),
    baselineYear: s("baselineYear"),
    baselineValue: s("baselineValue"),
    targetValue: s("targetValue"),
    targetYear: s("targetYear"),
    status: s("status") as (typeof actionStatuses)[number],
    outcomeNote: s("outcomeNote"),
    hoursSpent: s("hoursSpent"),
  };
}

/** What to fill the form with again after an error: every posted string, the chosen organisations joined. */
export function postedActionValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") values[k] = v;
  values.responsibleIds = form
    .getAll("responsibleIds")
    .filter((v) => typeof v === "string")
    .join(",");
  return values;
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** The whole action form: new and edit. */
export function ActionFormFields({
  options,
  action,
  errors,
  locale,
}: {
  options: FormOptions;
  action?: ActionDetail | undefined;
  errors: FormErrors | undefined;
  locale: Locale;
}) {
  const common = { locale, errors };
  const chosen =
    typeof errors?.values?.responsibleIds === "string"
      ? errors.values.responsibleIds.split(",").filter(Boolean)
      : (action?.responsibles.map((r) => r.id) ?? []);
  const groups = [
    ["action.responsible.parties", options.organisations.parties],
    ["action.responsible.children", options.organisations.children],
    ["action.responsible.others", options.organisations.others],
  ] as const;
  // An organisation chosen earlier that the lists do not offer any more stays visible.
  const offered = new Set(groups.flatMap(([, list]) => list.map((o) => o.id)));
  const extra = (action?.responsibles ?? []).filter((r) => !offered.has(r.id));
  const causeValue = shown(errors, "causeId", action?.causeId);
  const causeError = errors?.fields.causeId;
  return (
    <>
      <Fieldset legend={t(locale, "action.section.what")}>
        <TextField
          name="title"
          label={t(locale, "action.field.title")}
          defaultValue={shown(errors, "title", action?.title)}
          {...common}
        />
        <TextField
          name="description"
          label={t(locale, "action.field.description")}
          multiline
          defaultValue={shown(errors, "description", action?.description)}
          {...common}
        />
        <SelectField
          name="kind"
          label={t(locale, "action.field.kind")}
          options={actionKinds.map((k) => ({ value: k, label: t(locale, `actionKind.${k}`) }))}
          defaultValue={shown(errors, "kind", action?.kind ?? "situational")}
          {...common}
        />
        <SelectField
          name="horizon"
          label={t(locale, "action.field.horizon")}
          options={actionHorizons.map((k) => ({ value: k, label: t(locale, `actionHorizon.${k}`) }))}
          defaultValue={shown(errors, "horizon", action?.horizon ?? "short")}
          {...common}
        />
      </Fieldset>
      <Fieldset legend={t(locale, "action.section.why")}>
        <SelectField
          name="cycleFocusAreaId"
          label={t(locale, "action.field.focusArea")}
          emptyLabel={t(locale, "action.field.noFocusArea")}
          options={options.focusAreas.map((f) => ({ value: f.id, label: f.title }))}
          defaultValue={shown(errors, "cycleFocusAreaId", action?.cycleFocusAreaId)}
          {...common}
        />
        <div className="ds-field">
          <label className="ds-label" htmlFor={fieldId("causeId")}>
            {t(locale, "action.field.cause")}
          </label>
          <div className="ds-field__description" id={`${fieldId("causeId")}-desc`}>
            {t(locale, "action.field.causeHint")}
          </div>
          <select
            className="ds-input"
            id={fieldId("causeId")}
            name="causeId"
            defaultValue={causeValue}
            aria-invalid={causeError ? true : undefined}
            aria-describedby={`${fieldId("causeId")}-desc${causeError ? ` ${fieldId("causeId")}-err` : ""}`}
          >
            <option value="">{t(locale, "action.field.noCause")}</option>
            {options.problems.map((p) => (
              <optgroup key={p.id} label={p.title}>
                {p.causes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {`${t(locale, `action.causeAxis.${c.axis}`)}: ${c.text}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {causeError && (
            <div className="ds-validation-message" data-field="validation" id={`${fieldId("causeId")}-err`}>
              {t(locale, causeError)}
            </div>
          )}
        </div>
      </Fieldset>
      <Fieldset
        legend={t(locale, "action.field.responsibles")}
        id={fieldId("responsibleIds")}
        error={errors?.fields.responsibleIds}
        locale={locale}
      >
        <p className="ds-paragraph">{t(locale, "action.field.responsiblesHint")}</p>
        {groups.map(([label, list]) =>
          list.length ? (
            <fieldset key={label} className="ds-fieldset">
              <legend className="ds-label">{t(locale, label)}</legend>
              {list.map((o) => (
                <OrganisationCheckbox key={o.id} id={o.id} name={o.name} checked={chosen.includes(o.id)} />
              ))}
            </fieldset>
          ) : null,
        )}
        {extra.map((o) => (
          <OrganisationCheckbox key={o.id} id={o.id} name={o.name} checked={chosen.includes(o.id)} />
        ))}
        <TextField
          name="contactPerson"
          label={t(locale, "action.field.contactPerson")}
          defaultValue={shown(errors, "contactPerson", action?.contactPerson)}
          {...common}
        />
        <TextField
          name="participants"
          label={t(locale, "action.field.participants")}
          multiline
          defaultValue={shown(errors, "participants", action?.participants)}
          {...common}
        />
      </Fieldset>
      <Fieldset legend={t(locale, "action.section.when")}>
        <TextField
          name="startsOn"
          type="date"
          label={t(locale, "action.field.startsOn")}
          description={t(locale, "action.field.cyclePeriod", {
            from: options.cycle.startsOn,
            to: options.cycle.endsOn,
          })}
          defaultValue={shown(errors, "startsOn", action?.startsOn)}
          {...common}
        />
        <TextField
          name="deadline"
          type="date"
          label={t(locale, "action.field.deadline")}
          defaultValue={shown(errors, "deadline", action?.deadline)}
          {...common}
        />
      </Fieldset>
      <Fieldset legend={t(locale, "action.section.followUp")}>
        <TextField
          name="quantityTarget"
          label={t(locale, "action.field.quantityTarget")}
          description={t(locale, "action.field.quantityTargetHint")}
          defaultValue={shown(errors, "quantityTarget", action?.quantityTarget)}
          {...common}
        />
        <TextField
          name="followUpMethod"
          label={t(locale, "action.field.followUpMethod")}
          multiline
          defaultValue={shown(errors, "followUpMethod", action?.followUpMethod)}
          {...common}
        />
        <TextField
          name="followUpFrequency"
          label={t(locale, "action.field.followUpFrequency")}
          defaultValue={shown(errors, "followUpFrequency", action?.followUpFrequency)}
          {...common}
        />
      </Fieldset>
      <Fieldset legend={t(locale, "action.section.goal")}>
        <TextField
          name="goal"
          label={t(locale, "action.field.goal")}
          multiline
          defaultValue={shown(errors, "goal", action?.goal)}
          {...common}
        />
        <SelectField
          name="indicatorId"
          label={t(locale, "action.field.indicator")}
          emptyLabel={t(locale, "action.field.noIndicator")}
          options={options.indicators.map((i) => ({ value: i.id, label: i.unit ? `${i.name} (${i.unit})` : i.name }))}
          defaultValue={shown(errors, "indicatorId", action?.indicatorId)}
          {...common}
        />
        <TextField
          name="baselineYear"
          label={t(locale, "action.field.baselineYear")}
          defaultValue={shown(errors, "baselineYear", num(action?.baselineYear))}
          {...common}
        />
        <TextField
          name="baselineValue"
          label={t(locale, "action.field.baselineValue")}
          defaultValue={shown(errors, "baselineValue", num(action?.baselineValue))}
          {...common}
        />
        <TextField
          name="targetValue"
          label={t(locale, "action.field.targetValue")}
          defaultValue={shown(errors, "targetValue", num(action?.targetValue))}
          {...common}
        />
        <TextField
          name="targetYear"
          label={t(locale, "action.field.targetYear")}
          defaultValue={shown(errors, "targetYear", num(action?.targetYear))}
          {...common}
        />
      </Fieldset>
      <Fieldset legend={t(locale, "action.section.status")}>
        <SelectField
          name="status"
          label={t(locale, "action.field.status")}
          options={actionStatuses.map((s) => ({ value: s, label: t(locale, `actionStatus.${s}`) }))}
          defaultValue={shown(errors, "status", action?.status ?? "planned")}
          {...common}
        />
        <TextField
          name="outcomeNote"
          label={t(locale, "action.field.outcomeNote")}
          multiline
          defaultValue={shown(errors, "outcomeNote", action?.outcomeNote)}
          {...common}
        />
        <TextField
          name="hoursSpent"
          label={t(locale, "action.field.hoursSpent")}
          defaultValue={shown(errors, "hoursSpent", num(action?.hoursSpent))}
          {...common}
        />
      </Fieldset>
    </>
  );
}

function OrganisationCheckbox({ id, name, checked }: { id: string; name: string; checked: boolean }) {
  const elementId = `org-${id}`;
  return (
    <div className="ds-field">
      <input
        className="ds-input"
        type="checkbox"
        id={elementId}
        name="responsibleIds"
        value={id}
        defaultChecked={checked}
      />
      <label className="ds-label" htmlFor={elementId}>
        {name}
      </label>
    </div>
  );
}

/** "Uppdaterad i dag", "… i går", "… för 12 dagar sedan". */
export function sinceActivity(locale: Locale, days: number): string {
  if (days <= 0) return t(locale, "actionPlan.updatedToday");
  if (days === 1) return t(locale, "actionPlan.updatedYesterday");
  return t(locale, "actionPlan.daysSinceActivity", { days });
}
