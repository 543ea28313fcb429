import { indexedRows, withRowPaths } from "../../components/form-rows.ts";
import { Fieldset, SelectField, TextField } from "../../components/forms.tsx";
import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";
import { formString, type FormErrors } from "../../lib/http.ts";
import type { IndicatorValue } from "../../../src/db/schema.ts";
import { indicatorDirections } from "../../../src/domain/cycles/vocabulary.ts";
import { keepRows } from "./shared.tsx";

/** Blank rows offered for adding years without JavaScript. */
const BLANK_YEARS = 3;

/** Reads the indicator form; `run` maps errors on kept value rows back to the form's rows. */
export function indicatorFromForm(form: FormData) {
  const values = keepRows(
    indexedRows(form, "values"),
    (r) => (r.year ?? "").trim() !== "" || (r.value ?? "").trim() !== "",
  );
  const input = {
    name: formString(form, "name"),
    source: formString(form, "source"),
    unit: formString(form, "unit"),
    direction: formString(form, "direction") as "decrease",
    values: values.rows.map((r) => ({
      year: (r.year ?? "") as never as number,
      value: r.value ?? "",
      note: r.note ?? "",
    })),
  };
  return { input, run: <T,>(fn: () => Promise<T>) => withRowPaths(fn, { values: values.indices }) };
}

const valueText = (v: IndicatorValue) =>
  v.suppressed ? "XX" : v.value === null ? "" : String(v.value).replace(".", ",");

export function IndicatorFields({
  indicator,
  locale,
  errors,
  shownValue,
}: {
  indicator: { name: string; source: string; unit: string; direction: string; values: IndicatorValue[] } | undefined;
  locale: Locale;
  errors: FormErrors | undefined;
  shownValue: (name: string, stored: string | undefined) => string;
}) {
  const common = { locale, errors };
  const rows = [...(indicator?.values ?? []), ...Array.from({ length: BLANK_YEARS }, () => undefined)];
  return (
    <>
      <TextField
        name="name"
        label={t(locale, "indicator.field.name")}
        defaultValue={shownValue("name", indicator?.name)}
        {...common}
      />
      <TextField
        name="source"
        label={t(locale, "indicator.field.source")}
        description={t(locale, "indicator.field.sourceHint")}
        defaultValue={shownValue("source", indicator?.source)}
        {...common}
      />
      <TextField
        name="unit"
        label={t(locale, "indicator.field.unit")}
        defaultValue={shownValue("unit", indicator?.unit)}
        {...common}
      />
      <SelectField
        name="direction"
        label={t(locale, "indicator.field.direction")}
        options={indicatorDirections.map((d) => ({ value: d, label: t(locale, `indicator.direction.${d}`) }))}
        defaultValue={shownValue("direction", indicator?.direction ?? "decrease")}
        {...common}
      />
      <p className="ds-paragraph">{t(locale, "indicator.valuesIntro")}</p>
      {rows.map((v, i) => {
        const n = (f: string) => `values.${i}.${f}`;
        return (
          <Fieldset key={i} legend={t(locale, "indicator.valueRow", { n: i + 1 })}>
            <TextField
              name={n("year")}
              type="number"
              label={t(locale, "indicator.field.year")}
              defaultValue={shownValue(n("year"), v ? String(v.year) : "")}
              {...common}
            />
            <TextField
              name={n("value")}
              label={t(locale, "indicator.field.value")}
              defaultValue={shownValue(n("value"), v ? valueText(v) : "")}
              {...common}
            />
            <TextField
              name={n("note")}
              label={t(locale, "indicator.field.note")}
              defaultValue={shownValue(n("note"), v?.note)}
              {...common}
            />
          </Fieldset>
        );
      })}
    </>
  );
}
