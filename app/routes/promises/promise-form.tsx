import { Form } from "react-router";
import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";
import type { FormErrors } from "../../lib/http.ts";
import { shown } from "../../components/form-rows.ts";
import { fieldId, Fieldset, SelectField, SubmitButton, TextField } from "../../components/forms.tsx";
import { promisers } from "../../../src/domain/cycles/vocabulary.ts";

export interface PromiseFormValues {
  promiser: string;
  text: string;
  cycleId: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  actionIds: string[];
  version?: number;
}

interface LinkableAction {
  id: string;
  title: string;
  cycleId: string;
  cycleLabel: string;
  focusAreaTitle: string | null;
}

/** Reads the posted promise form into the service's input. */
export function readPromiseForm(form: FormData) {
  const s = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    promiser: s("promiser"),
    text: s("text"),
    cycleId: s("cycleId"),
    periodStart: s("periodStart"),
    periodEnd: s("periodEnd"),
    actionIds: form.getAll("actionIds").filter((v): v is string => typeof v === "string"),
  };
}

/** The create/edit form: who promises, the promise, the period (default prefilled), the linked actions. */
export function PromiseForm({
  locale,
  errors,
  values,
  periodHint,
  cycles,
  linkable,
  submitLabel,
}: {
  locale: Locale;
  errors: FormErrors | undefined;
  values: PromiseFormValues;
  periodHint: string;
  cycles: { id: string; label: string }[];
  linkable: LinkableAction[];
  submitLabel: string;
}) {
  const common = { locale, errors };
  const posted = errors?.values;
  const checked = (id: string) =>
    posted ? ([] as unknown[]).concat(posted.actionIds ?? []).includes(id) : values.actionIds.includes(id);
  const groups = new Map<string, { label: string; actions: LinkableAction[] }>();
  for (const a of linkable) {
    const key = `${a.cycleId}|${a.focusAreaTitle ?? ""}`;
    const label = t(locale, "promise.field.actionGroup", {
      cycle: a.cycleLabel,
      focusArea: a.focusAreaTitle ?? t(locale, "promise.field.noFocusArea"),
    });
    const g = groups.get(key) ?? { label, actions: [] };
    g.actions.push(a);
    groups.set(key, g);
  }
  const actionsError = errors?.fields.actionIds;
  return (
    <Form method="post" className="form-grid" noValidate>
      <input type="hidden" name="intent" value="save" />
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      <SelectField
        name="promiser"
        label={t(locale, "promise.field.promiser")}
        defaultValue={shown(errors, "promiser", values.promiser)}
        options={promisers.map((p) => ({ value: p, label: t(locale, `promiser.${p}`) }))}
        emptyLabel={t(locale, "common.choose")}
        {...common}
      />
      <TextField
        name="text"
        label={t(locale, "promise.field.text")}
        description={t(locale, "promise.field.textHint")}
        multiline
        defaultValue={shown(errors, "text", values.text)}
        {...common}
      />
      <SelectField
        name="cycleId"
        label={t(locale, "promise.field.cycle")}
        defaultValue={shown(errors, "cycleId", values.cycleId)}
        options={cycles.map((c) => ({ value: c.id, label: c.label }))}
        emptyLabel={t(locale, "promise.field.cycleNone")}
        {...common}
      />
      <Fieldset legend={t(locale, "promise.field.period")}>
        <p className="ds-paragraph" data-size="sm">
          {periodHint}
        </p>
        <TextField
          name="periodStart"
          type="date"
          label={t(locale, "promise.field.periodStart")}
          defaultValue={shown(errors, "periodStart", values.periodStart)}
          {...common}
        />
        <TextField
          name="periodEnd"
          type="date"
          label={t(locale, "promise.field.periodEnd")}
          defaultValue={shown(errors, "periodEnd", values.periodEnd)}
          {...common}
        />
      </Fieldset>
      <fieldset className="ds-fieldset row-fieldset" id={fieldId("actionIds")} tabIndex={-1}>
        <legend className="ds-label">{t(locale, "promise.field.actions")}</legend>
        <p className="ds-paragraph" data-size="sm">
          {linkable.length ? t(locale, "promise.field.actionsHint") : t(locale, "promise.field.noActions")}
        </p>
        {actionsError && (
          <div className="ds-validation-message" data-field="validation">
            {t(locale, actionsError)}
          </div>
        )}
        {[...groups.entries()].map(([key, g]) => (
          <fieldset key={key} className="ds-fieldset">
            <legend className="ds-label">{g.label}</legend>
            {g.actions.map((a) => (
              <div className="ds-field" key={a.id}>
                <input
                  className="ds-input"
                  type="checkbox"
                  id={`action-${a.id}`}
                  name="actionIds"
                  value={a.id}
                  defaultChecked={checked(a.id)}
                />
                <label className="ds-label" htmlFor={`action-${a.id}`}>
                  {a.title}
                </label>
              </div>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
