import { Form, redirect } from "react-router";
import type { Route } from "./+types/prioritisation";
import { postedVersion } from "../../components/agreement-access.ts";
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
import { act, formString } from "../../lib/http.ts";
import { setCycleFocusAreas, setPrioritisation } from "../../../src/services/cycles/cycles.ts";
import { CycleHeader, cyclePath, inUseAtRow, intentOf, keepRows, loadCycle, loadEditableCycle } from "./shared.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Prioritering ${data?.view.cycle.label ?? ""} – ${data?.view.agreement.title ?? ""} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const view = await loadCycle(context, request, params.id, params.cycleId);
  return { locale: context.locale, view, saved: savedFlag(request) };
}

function positionOf(value: string | undefined): number {
  const n = value?.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const view = await loadEditableCycle(context, request, params.id, params.cycleId);
  const form = await request.formData();
  const version = postedVersion(form);
  const values = postedValues(form);
  const cycleId = params.cycleId;
  if (intentOf(form) === "focusAreas") {
    const parsed = keepRows(indexedRows(form, "focusAreas"), (r) => (r.title ?? "").trim() !== "" || !!r.id);
    const ordered = parsed.rows
      .map((r, i) => ({ r, formIndex: parsed.indices[i]!, at: positionOf(r.position) }))
      .sort((a, b) => a.at - b.at || a.formIndex - b.formIndex);
    // The form shows the stored focus areas first, in order: a removed one still in use points at its box.
    const removeBox = (areaId: string) => {
      const i = view.focusAreas.findIndex((f) => f.id === areaId);
      return i < 0 ? undefined : `focusAreas.${i}.remove`;
    };
    const result = await act(
      () =>
        inUseAtRow(
          () =>
            withRowPaths(
              () =>
                setCycleFocusAreas(context.ctx, {
                  cycleId,
                  version,
                  focusAreas: ordered.map(({ r }) => ({
                    id: r.id ?? "",
                    title: r.title ?? "",
                    description: r.description ?? "",
                  })),
                }),
              { focusAreas: ordered.map((o) => o.formIndex) },
            ),
          context.locale,
          removeBox,
        ),
      values,
    );
    if (!result.ok) return result.response;
    return redirect(`${cyclePath(params.id, cycleId)}/prioritering?sparad=1#h-focus`);
  }
  const problems = indexedRows(form, "problems");
  const result = await act(
    () =>
      withRowPaths(
        () =>
          setPrioritisation(context.ctx, {
            cycleId,
            version,
            prioritisationRationale: formString(form, "prioritisationRationale"),
            problems: problems.rows.map((r) => ({
              id: r.id ?? "",
              prioritised: r.prioritised === "on",
              rationale: r.rationale ?? "",
              cycleFocusAreaId: r.cycleFocusAreaId ?? "",
            })),
          }),
        { problems: problems.indices },
      ),
    values,
  );
  if (!result.ok) return result.response;
  return redirect(`${cyclePath(params.id, cycleId)}?sparad=1`);
}

export default function Prioritisation({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, view, saved } = loaderData;
  const { cycle, agreement, canEdit } = view;
  const errors = actionData?.errors;
  const common = { locale, errors };
  const prioErrors = errors?.values?.intent === "prioritise" ? errors : undefined;
  const areaOptions = view.focusAreas.map((f) => ({ value: f.id, label: f.title }));
  const areaRows = [...view.focusAreas, undefined];
  return (
    <div className="stack">
      <CycleHeader
        agreement={agreement}
        cycle={cycle}
        heading={t(locale, "prioritisation.title", { label: cycle.label })}
        locale={locale}
        errors={errors}
      >
        <p className="ds-paragraph">{t(locale, "prioritisation.intro")}</p>
        <SavedNotice show={saved} locale={locale} />
      </CycleHeader>
      {!canEdit && <p className="ds-paragraph">{t(locale, "prioritisation.readOnly")}</p>}
      {canEdit && (
        <Form method="post" className="form-grid" noValidate aria-labelledby="h-prio">
          <h2 id="h-prio" className="ds-heading" data-size="md">
            {t(locale, "prioritisation.problems")}
          </h2>
          <input type="hidden" name="intent" value="prioritise" />
          <input type="hidden" name="version" value={cycle.version} />
          {view.problems.length === 0 && <p className="ds-paragraph">{t(locale, "problem.list.empty")}</p>}
          {view.problems.map((p, i) => {
            const n = (f: string) => `problems.${i}.${f}`;
            return (
              <Fieldset key={p.id} legend={p.title}>
                <input type="hidden" name={n("id")} value={p.id} />
                <CheckboxField
                  name={n("prioritised")}
                  label={t(locale, "prioritisation.prioritise", { title: p.title })}
                  defaultChecked={shownChecked(prioErrors, n("prioritised"), p.prioritised)}
                  {...common}
                />
                <TextField
                  name={n("rationale")}
                  label={t(locale, "prioritisation.rationale")}
                  multiline
                  defaultValue={shown(errors, n("rationale"), p.rationale)}
                  {...common}
                />
                <SelectField
                  name={n("cycleFocusAreaId")}
                  label={t(locale, "prioritisation.focusArea")}
                  emptyLabel={t(locale, "prioritisation.noFocusArea")}
                  options={areaOptions}
                  defaultValue={shown(errors, n("cycleFocusAreaId"), p.cycleFocusAreaId)}
                  {...common}
                />
              </Fieldset>
            );
          })}
          <TextField
            name="prioritisationRationale"
            label={t(locale, "prioritisation.overallRationale")}
            description={t(locale, "prioritisation.overallRationaleHint")}
            multiline
            defaultValue={shown(errors, "prioritisationRationale", cycle.prioritisationRationale)}
            {...common}
          />
          <div>
            <SubmitButton>{t(locale, "prioritisation.save")}</SubmitButton>
          </div>
        </Form>
      )}
      {!canEdit && (
        <ul className="ds-list">
          {view.problems
            .filter((p) => p.prioritised)
            .map((p) => (
              <li key={p.id}>
                {p.title}
                {p.rationale && ` – ${p.rationale}`}
              </li>
            ))}
        </ul>
      )}
      <section aria-labelledby="h-focus" className="stack">
        <h2 id="h-focus" className="ds-heading" data-size="md">
          {t(locale, "prioritisation.focusAreas")}
        </h2>
        <p className="ds-paragraph">{t(locale, "prioritisation.focusAreasIntro")}</p>
        {canEdit ? (
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="focusAreas" />
            <input type="hidden" name="version" value={cycle.version} />
            {areaRows.map((f, i) => {
              const n = (field: string) => `focusAreas.${i}.${field}`;
              return (
                <Fieldset key={f?.id ?? "new"} legend={t(locale, "prioritisation.focusAreaRow", { n: i + 1 })}>
                  <input type="hidden" name={n("id")} value={f?.id ?? ""} />
                  <TextField
                    name={n("title")}
                    label={t(locale, "prioritisation.focusAreaTitle")}
                    defaultValue={shown(errors, n("title"), f?.title)}
                    {...common}
                  />
                  <TextField
                    name={n("description")}
                    label={t(locale, "prioritisation.focusAreaDescription")}
                    multiline
                    defaultValue={shown(errors, n("description"), f?.description)}
                    {...common}
                  />
                  <TextField
                    name={n("position")}
                    type="number"
                    label={t(locale, "prioritisation.focusAreaPosition")}
                    defaultValue={shown(errors, n("position"), f ? String(i + 1) : "")}
                    {...common}
                  />
                  {f && (
                    <CheckboxField
                      name={n("remove")}
                      label={t(locale, "common.removeRow")}
                      defaultChecked={shownChecked(errors, n("remove"), false)}
                      {...common}
                    />
                  )}
                </Fieldset>
              );
            })}
            <div>
              <SubmitButton>{t(locale, "prioritisation.saveFocusAreas")}</SubmitButton>
            </div>
          </Form>
        ) : (
          <ol className="ds-list">
            {view.focusAreas.map((f) => (
              <li key={f.id}>{f.title}</li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
