import { data } from "react-router";
import type { Locale } from "../../i18n/index.ts";
import { ErrorSummary, Fieldset, TextField } from "../../components/forms.tsx";
import { shown } from "../../components/form-rows.ts";
import type { SamverkanLoadContext } from "../../lib/context.ts";
import { t } from "../../lib/context.ts";
import { formString, load, requireSignedIn, type FormErrors } from "../../lib/http.ts";
import { indexedRows } from "../../components/form-rows.ts";
import { getCycle } from "../../../src/services/cycles/cycles.ts";
import { AppError } from "../../../src/errors.ts";

/** The cycle of the URL, read for the signed-in user; a cycle of another agreement is not found. */
export async function loadCycle(context: SamverkanLoadContext, request: Request, agreementId: string, cycleId: string) {
  requireSignedIn(context.ctx, request);
  const view = await load(() => getCycle(context.ctx, cycleId));
  if (view.agreement.id !== agreementId) throw data({ messageKey: "cycle.notFound" }, { status: 404 });
  return view;
}

/** For the cycle's actions: readers who may not edit get the 403 page. */
export async function loadEditableCycle(
  context: SamverkanLoadContext,
  request: Request,
  agreementId: string,
  cycleId: string,
) {
  const view = await loadCycle(context, request, agreementId, cycleId);
  if (!view.canEdit) throw data({ messageKey: "agreement.editForbidden" }, { status: 403 });
  return view;
}

/**
 * A row the user removed is still in use (an action points at it, message `*.inUse`, the row's id in
 * its params): point the error at that row's field in the form (`fieldOf(id)`), and spell the message
 * out with its params (the action's title), since form errors carry bare message keys. Wrap this
 * around withRowPaths, which numbers paths by the rows that were kept.
 */
export async function inUseAtRow<T>(
  fn: () => Promise<T>,
  locale: Locale,
  fieldOf: (id: string) => string | undefined,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields.some((f) => f.message.endsWith(".inUse"))) throw e;
    const fields = e.fields.map((f) => {
      const id = f.params?.id;
      if (!f.message.endsWith(".inUse") || typeof id !== "string") return f;
      return { path: fieldOf(id) ?? f.path, message: t(locale, f.message, f.params) };
    });
    throw new AppError(e.code, e.messageKey, { fields, params: e.params, cause: e });
  }
}

export const cyclePath = (agreementId: string, cycleId: string) => `/overenskommelser/${agreementId}/cykler/${cycleId}`;

/** The top of every page of a cycle: the way back to the cycle, the heading, the errors. */
export function CycleHeader({
  agreement,
  cycle,
  heading,
  locale,
  errors,
  children,
  back = "cycle",
}: {
  agreement: { id: string; title: string };
  cycle: { id: string; label: string };
  heading: string;
  locale: Locale;
  errors?: FormErrors | undefined;
  children?: React.ReactNode;
  back?: "cycle" | "situation";
}) {
  const href = back === "cycle" ? cyclePath(agreement.id, cycle.id) : `${cyclePath(agreement.id, cycle.id)}/lagesbild`;
  return (
    <>
      <p className="ds-paragraph">
        <a className="ds-link" href={href}>
          {back === "cycle"
            ? t(locale, "cycle.backToCycle", { label: cycle.label, title: agreement.title })
            : t(locale, "situation.backTo", { label: cycle.label })}
        </a>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {heading}
      </h1>
      {children}
      <ErrorSummary errors={errors} locale={locale} />
    </>
  );
}

/** Text kept as the user wrote it, paragraphs and line breaks included. */
export function Paragraphs({ text, locale }: { text: string; locale: Locale }) {
  if (!text.trim()) return <p className="ds-paragraph">{t(locale, "common.none")}</p>;
  return (
    <>
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i} className="ds-paragraph" style={{ whiteSpace: "pre-line" }}>
          {para}
        </p>
      ))}
    </>
  );
}

/** The form's intent: which of the page's forms was posted. */
export function intentOf(form: FormData): string {
  const v = form.get("intent");
  return typeof v === "string" ? v : "";
}

/** Keeps the rows (and their form indices) that pass `keep`. */
export function keepRows(
  parsed: { rows: Record<string, string>[]; indices: number[] },
  keep: (row: Record<string, string>) => boolean,
) {
  const rows: Record<string, string>[] = [];
  const indices: number[] = [];
  parsed.rows.forEach((r, i) => {
    if (keep(r)) {
      rows.push(r);
      indices.push(parsed.indices[i]!);
    }
  });
  return { rows, indices };
}

/**
 * A problem's fields as its create and edit forms post them; `placeIndices` maps the kept place rows
 * back to their form rows for error paths. Blank place rows (and an edit form's "remove" ticks) drop out.
 */
export function problemFormInput(form: FormData) {
  const places = keepRows(indexedRows(form, "places"), (r) =>
    Object.entries(r).some(([k, v]) => k !== "remove" && v.trim() !== ""),
  );
  return {
    fields: {
      title: formString(form, "title"),
      description: formString(form, "description"),
      times: formString(form, "times"),
      places: places.rows.map((r) => ({ name: r.name ?? "", area: r.area ?? "", lat: r.lat ?? "", lng: r.lng ?? "" })),
    },
    placeIndices: places.indices,
  };
}

/** One place of a problem: name, area, and optional coordinates (both or neither). */
export function PlaceFields({
  index,
  place,
  locale,
  errors,
}: {
  index: number;
  place: { name: string; area: string; lat: number | null; lng: number | null } | undefined;
  locale: Locale;
  errors: FormErrors | undefined;
}) {
  const n = (f: string) => `places.${index}.${f}`;
  const common = { locale, errors };
  return (
    <Fieldset legend={t(locale, "problem.place.legend", { n: index + 1 })}>
      <TextField
        name={n("name")}
        label={t(locale, "problem.place.name")}
        defaultValue={shown(errors, n("name"), place?.name)}
        {...common}
      />
      <TextField
        name={n("area")}
        label={t(locale, "problem.place.area")}
        defaultValue={shown(errors, n("area"), place?.area)}
        {...common}
      />
      <TextField
        name={n("lat")}
        label={t(locale, "problem.place.lat")}
        description={t(locale, "problem.place.coordinatesHint")}
        defaultValue={shown(errors, n("lat"), place?.lat === null || !place ? "" : String(place.lat))}
        {...common}
      />
      <TextField
        name={n("lng")}
        label={t(locale, "problem.place.lng")}
        defaultValue={shown(errors, n("lng"), place?.lng === null || !place ? "" : String(place.lng))}
        {...common}
      />
    </Fieldset>
  );
}
