import { Form, redirect } from "react-router";
import type { Route } from "./+types/problem";
import { indexedRows, postedValues, shown, withRowPaths } from "../../components/form-rows.ts";
import { Fieldset, SavedNotice, SubmitButton, TextField, savedFlag } from "../../components/forms.tsx";
import { postedVersion } from "../../components/agreement-access.ts";
import { t } from "../../lib/context.ts";
import { act, formString, load, requireSignedIn } from "../../lib/http.ts";
import { causeAxes } from "../../../src/domain/cycles/vocabulary.ts";
import { deleteProblem, getProblem, setCauses, updateProblem } from "../../../src/services/cycles/problems.ts";
import { data } from "react-router";
import { CycleHeader, PlaceFields, cyclePath, inUseAtRow, intentOf, keepRows, problemFormInput } from "./shared.tsx";

export function meta({ data: d }: Route.MetaArgs) {
  return [{ title: `${d?.view.problem.title ?? "Problem"} – orsaksanalys – Samverkan` }];
}

async function loadProblem(context: Route.LoaderArgs["context"], request: Request, params: Route.LoaderArgs["params"]) {
  requireSignedIn(context.ctx, request);
  const view = await load(() => getProblem(context.ctx, params.problemId));
  if (view.cycle.id !== params.cycleId || view.agreement.id !== params.id)
    throw data({ messageKey: "problem.notFound" }, { status: 404 });
  return view;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const view = await loadProblem(context, request, params);
  return { locale: context.locale, view, saved: savedFlag(request) };
}

/** Blank rows offered per axis for adding causes without JavaScript. */
const BLANK_CAUSES = 2;

/** The causes form numbers its rows across the three axes: each axis's existing causes, then blank rows. */
function causeFormRows<C extends { id: string; axis: string }>(causes: C[]) {
  let row = 0;
  return causeAxes.map((axis) => ({
    axis,
    rows: [
      ...causes.filter((c) => c.axis === axis).map((c) => ({ index: row++, cause: c as C | undefined })),
      ...Array.from({ length: BLANK_CAUSES }, () => ({ index: row++, cause: undefined as C | undefined })),
    ],
  }));
}

/** The text field of an existing cause in the causes form (where an "in use" error belongs). */
function causeField(causes: { id: string; axis: string }[], id: string): string | undefined {
  const row = causeFormRows(causes)
    .flatMap((a) => a.rows)
    .find((r) => r.cause?.id === id);
  return row && `causes.${row.index}.text`;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const view = await loadProblem(context, request, params);
  if (!view.canEdit) throw data({ messageKey: "agreement.editForbidden" }, { status: 403 });
  const form = await request.formData();
  const version = postedVersion(form);
  const values = postedValues(form);
  const id = params.problemId;
  const self = `${cyclePath(params.id, params.cycleId)}/problem/${id}`;
  const intent = intentOf(form);
  const inUse = <T,>(fn: () => Promise<T>) =>
    inUseAtRow(fn, context.locale, (causeId) => causeField(view.problem.causes, causeId));
  if (intent === "delete") {
    const result = await act(() => inUse(() => deleteProblem(context.ctx, { id, version })), values);
    if (!result.ok) return result.response;
    return redirect(`${cyclePath(params.id, params.cycleId)}/lagesbild?sparad=1`);
  }
  if (intent === "causes") {
    const causes = keepRows(indexedRows(form, "causes"), (r) => (r.text ?? "").trim() !== "");
    const result = await act(
      () =>
        inUse(() =>
          withRowPaths(
            () =>
              setCauses(context.ctx, {
                problemId: id,
                version,
                causes: causes.rows.map((r) => ({ id: r.id ?? "", axis: r.axis ?? "", text: r.text ?? "" })),
                eventChains: formString(form, "eventChains"),
              }),
            { causes: causes.indices },
          ),
        ),
      values,
    );
    if (!result.ok) return result.response;
    return redirect(`${self}?sparad=1#h-causes`);
  }
  const problem = problemFormInput(form);
  const result = await act(
    () =>
      withRowPaths(
        () =>
          updateProblem(context.ctx, {
            id,
            version,
            ...problem.fields,
          }),
        { places: problem.placeIndices },
      ),
    values,
  );
  if (!result.ok) return result.response;
  return redirect(`${self}?sparad=1`);
}

export default function Problem({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, view, saved } = loaderData;
  const { problem: p, cycle, agreement, canEdit } = view;
  const errors = actionData?.errors;
  const common = { locale, errors };
  const causeRows = causeFormRows(p.causes);
  const places = [...p.places, undefined];
  return (
    <div className="stack">
      <CycleHeader
        agreement={agreement}
        cycle={cycle}
        heading={p.title}
        locale={locale}
        errors={errors}
        back="situation"
      >
        <SavedNotice show={saved} locale={locale} />
        <p className="ds-paragraph">
          {p.prioritised ? t(locale, "problem.prioritised") : t(locale, "problem.notPrioritised")}
          {view.focusArea && ` – ${t(locale, "problem.focusArea", { title: view.focusArea.title })}`}
        </p>
      </CycleHeader>

      <section aria-labelledby="h-fishbone" className="stack">
        <h2 id="h-fishbone" className="ds-heading" data-size="md">
          {t(locale, "cause.title")}
        </h2>
        <p className="ds-paragraph">{t(locale, "cause.intro")}</p>
        <div className="cycle-fishbone">
          {causeAxes.map((axis) => {
            const list = p.causes.filter((c) => c.axis === axis);
            return (
              <section key={axis} aria-labelledby={`h-axis-${axis}`}>
                <h3 id={`h-axis-${axis}`} className="ds-heading" data-size="sm">
                  {t(locale, `causeAxis.${axis}`)}
                </h3>
                {list.length ? (
                  <ul className="ds-list">
                    {list.map((c) => (
                      <li key={c.id}>{c.text}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="ds-paragraph">{t(locale, "cause.none")}</p>
                )}
              </section>
            );
          })}
        </div>
        <h3 className="ds-heading" data-size="sm">
          {t(locale, "cause.eventChains")}
        </h3>
        {p.eventChains.trim() ? (
          <p className="ds-paragraph" style={{ whiteSpace: "pre-line" }}>
            {p.eventChains}
          </p>
        ) : (
          <p className="ds-paragraph">{t(locale, "common.none")}</p>
        )}
      </section>

      {canEdit && (
        <Form method="post" className="form-grid" noValidate aria-labelledby="h-causes">
          <h2 id="h-causes" className="ds-heading" data-size="md">
            {t(locale, "cause.edit")}
          </h2>
          <input type="hidden" name="intent" value="causes" />
          <input type="hidden" name="version" value={p.version} />
          {causeRows.map(({ axis, rows }) => (
            <Fieldset key={axis} legend={t(locale, `causeAxis.${axis}`)}>
              {rows.map(({ index, cause }, j) => (
                <div key={index}>
                  <input type="hidden" name={`causes.${index}.id`} value={cause?.id ?? ""} />
                  <input type="hidden" name={`causes.${index}.axis`} value={axis} />
                  <TextField
                    name={`causes.${index}.text`}
                    label={t(locale, "cause.text", { axis: t(locale, `causeAxis.${axis}`), n: j + 1 })}
                    defaultValue={shown(errors, `causes.${index}.text`, cause?.text)}
                    {...common}
                  />
                </div>
              ))}
            </Fieldset>
          ))}
          <TextField
            name="eventChains"
            label={t(locale, "cause.eventChains")}
            description={t(locale, "cause.eventChainsHint")}
            multiline
            defaultValue={shown(errors, "eventChains", p.eventChains)}
            {...common}
          />
          <div>
            <SubmitButton>{t(locale, "cause.save")}</SubmitButton>
          </div>
        </Form>
      )}

      <section aria-labelledby="h-problem" className="stack">
        <h2 id="h-problem" className="ds-heading" data-size="md">
          {t(locale, "problem.details")}
        </h2>
        {canEdit ? (
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="version" value={p.version} />
            <TextField
              name="title"
              label={t(locale, "problem.field.title")}
              defaultValue={shown(errors, "title", p.title)}
              {...common}
            />
            <TextField
              name="description"
              label={t(locale, "problem.field.description")}
              multiline
              defaultValue={shown(errors, "description", p.description)}
              {...common}
            />
            <TextField
              name="times"
              label={t(locale, "problem.field.times")}
              description={t(locale, "problem.field.timesHint")}
              defaultValue={shown(errors, "times", p.times)}
              {...common}
            />
            {places.map((pl, i) => (
              <PlaceFields key={i} index={i} place={pl} locale={locale} errors={errors} />
            ))}
            <div>
              <SubmitButton>{t(locale, "problem.save")}</SubmitButton>
            </div>
          </Form>
        ) : (
          <dl className="facts cycle-facts">
            <dt>{t(locale, "problem.field.description")}</dt>
            <dd style={{ whiteSpace: "pre-line" }}>{p.description || t(locale, "common.none")}</dd>
            <dt>{t(locale, "problem.field.times")}</dt>
            <dd>{p.times || t(locale, "common.none")}</dd>
            <dt>{t(locale, "problem.field.places")}</dt>
            <dd>
              {p.places.length
                ? p.places.map((pl) => [pl.name, pl.area].filter(Boolean).join(", ")).join("; ")
                : t(locale, "common.none")}
            </dd>
          </dl>
        )}
      </section>

      {canEdit && (
        <Form method="post" aria-labelledby="h-delete">
          <h2 id="h-delete" className="ds-heading" data-size="sm">
            {t(locale, "problem.delete.title")}
          </h2>
          <p className="ds-paragraph">{t(locale, "problem.delete.intro")}</p>
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="version" value={p.version} />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t(locale, "problem.delete.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
