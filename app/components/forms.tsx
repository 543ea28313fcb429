import { useEffect, useRef } from "react";
import type { FormErrors } from "../lib/http.ts";
import { t } from "../lib/context.ts";
import type { Locale } from "../i18n/index.ts";

/** Field path → the element id used for linking from the error summary. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/**
 * GOV.UK-style error summary: a titled box at the top linking to every field with an error.
 * It takes focus when it appears, so screen-reader users hear it at once.
 */
export function ErrorSummary({ errors, locale }: { errors: FormErrors | undefined; locale: Locale }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [errors]);
  if (!errors) return null;
  const entries = Object.entries(errors.fields);
  if (!entries.length && !errors.form) return null;
  return (
    <div className="ds-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="ds-heading" data-size="xs">
        {t(locale, "common.errorSummary")}
      </h2>
      <ul className="ds-list">
        {errors.form && <li>{t(locale, errors.form)}</li>}
        {entries.map(([path, key]) => (
          <li key={path}>
            <a className="ds-link" href={`#${fieldId(path)}`}>
              {t(locale, key)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  locale: Locale;
  errors?: FormErrors | undefined;
  /** Path used in service errors, when it differs from the form field's name. */
  path?: string;
  description?: string;
}

function FieldShell({
  id,
  label,
  description,
  error,
  locale,
  children,
}: {
  id: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  locale: Locale;
  children: React.ReactNode;
}) {
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {label}
      </label>
      {description && (
        <div className="ds-field__description" id={`${id}-desc`}>
          {description}
        </div>
      )}
      {children}
      {error && (
        <div className="ds-validation-message" data-field="validation" id={`${id}-err`}>
          {t(locale, error)}
        </div>
      )}
    </div>
  );
}

function describedBy(id: string, description?: string, error?: string) {
  const ids = [description ? `${id}-desc` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

export function TextField(
  props: FieldProps & {
    defaultValue?: string | null | undefined;
    type?: "text" | "email" | "password" | "date" | "url" | "tel" | "number";
    required?: boolean;
    autoComplete?: string;
    multiline?: boolean;
  },
) {
  const path = props.path ?? props.name;
  const id = fieldId(path);
  const error = props.errors?.fields[path];
  const common = {
    id,
    name: props.name,
    defaultValue: props.defaultValue ?? "",
    required: props.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, props.description, error),
  };
  return (
    <FieldShell id={id} label={props.label} description={props.description} error={error} locale={props.locale}>
      {props.multiline ? (
        <textarea className="ds-input" rows={5} {...common} />
      ) : (
        <input className="ds-input" type={props.type ?? "text"} autoComplete={props.autoComplete} {...common} />
      )}
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & {
    defaultValue?: string | null | undefined;
    options: { value: string; label: string }[];
    emptyLabel?: string;
  },
) {
  const path = props.path ?? props.name;
  const id = fieldId(path);
  const error = props.errors?.fields[path];
  return (
    <FieldShell id={id} label={props.label} description={props.description} error={error} locale={props.locale}>
      <select
        className="ds-input"
        id={id}
        name={props.name}
        defaultValue={props.defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.description, error)}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: FieldProps & { defaultChecked?: boolean }) {
  const path = props.path ?? props.name;
  const id = fieldId(path);
  const error = props.errors?.fields[path];
  return (
    <div className="ds-field">
      <input className="ds-input" type="checkbox" id={id} name={props.name} defaultChecked={props.defaultChecked} />
      <label className="ds-label" htmlFor={id}>
        {props.label}
      </label>
      {error && (
        <div className="ds-validation-message" data-field="validation">
          {t(props.locale, error)}
        </div>
      )}
    </div>
  );
}

export function SubmitButton({ children }: { children: React.ReactNode }) {
  return (
    <button type="submit" className="ds-button" data-variant="primary">
      {children}
    </button>
  );
}

/** A group of fields under a legend: every repeated row gets one, so screen readers say which row a field is in. */
export function Fieldset({
  legend,
  children,
  id,
  error,
  locale,
}: {
  legend: string;
  children: React.ReactNode;
  /** Set when the error summary links to the whole group (e.g. "parties"). */
  id?: string;
  error?: string | undefined;
  locale?: Locale;
}) {
  return (
    <fieldset className="ds-fieldset row-fieldset" id={id} tabIndex={id ? -1 : undefined}>
      <legend className="ds-label">{legend}</legend>
      {error && locale && (
        <div className="ds-validation-message" data-field="validation">
          {t(locale, error)}
        </div>
      )}
      {children}
    </fieldset>
  );
}

/** The "saved" notice shown after a redirect with ?sparad=1. */
export function SavedNotice({ show, locale, messageKey }: { show: boolean; locale: Locale; messageKey?: string }) {
  if (!show) return null;
  return (
    <div className="ds-alert" data-color="success" role="status">
      {t(locale, messageKey ?? "common.saved")}
    </div>
  );
}

/** Reads the ?sparad=1 flag a successful post redirects with. */
export function savedFlag(request: Request): boolean {
  return new URL(request.url).searchParams.get("sparad") === "1";
}
