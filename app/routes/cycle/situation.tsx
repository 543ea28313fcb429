import { Form, redirect } from "react-router";
import type { Route } from "./+types/situation";
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
import {
  adoptSituationReport,
  updateSituationReport,
  withdrawSituationAdoption,
} from "../../../src/services/cycles/cycles.ts";
import { createProblem } from "../../../src/services/cycles/problems.ts";
import {
  CycleHeader,
  PlaceFields,
  cyclePath,
  intentOf,
  loadCycle,
  loadEditableCycle,
  problemFormInput,
} from "./shared.tsx";
import { IndicatorTrendTable } from "./indicator-table.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Lägesbild ${data?.view.cycle.label ?? ""} – ${data?.view.agreement.title ?? ""} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const view = await loadCycle(context, request, params.id, params.cycleId);
  return { locale: context.locale, view, saved: savedFlag(request) };
}

const sections = ["crimeMapping", "otherInformation", "analysis"] as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  await loadEditableCycle(context, request, params.id, params.cycleId);
  const form = await request.formData();
  const version = postedVersion(form);
  const cycleId = params.cycleId;
  const values = postedValues(form);
  const intent = intentOf(form);
  const base = `${cyclePath(params.id, cycleId)}/lagesbild`;
  if (intent === "addProblem") {
    const problem = problemFormInput(form);
    const result = await act(
      () =>
        withRowPaths(
          () =>
            createProblem(context.ctx, {
              cycleId,
              ...problem.fields,
            }),
          { places: problem.placeIndices },
        ),
      values,
    );
    if (!result.ok) return result.response;
    return redirect(`${base}?sparad=1#h-problems`);
  }
  if (intent === "adopt" || intent === "withdraw") {
    const result = await act(
      () =>
        intent === "adopt"
          ? adoptSituationReport(context.ctx, {
              cycleId,
              version,
              bodyId: formString(form, "bodyId"),
              adoptedOn: formString(form, "adoptedOn"),
            })
          : withdrawSituationAdoption(context.ctx, { cycleId, version }),
      values,
    );
    if (!result.ok) return result.response;
    return redirect(`${base}?sparad=1`);
  }
  const sources = indexedRows(form, "sources");
  const result = await act(
    () =>
      withRowPaths(
        () =>
          updateSituationReport(context.ctx, {
            cycleId,
            version,
            crimeMapping: formString(form, "crimeMapping"),
            otherInformation: formString(form, "otherInformation"),
            analysis: formString(form, "analysis"),
            sources: sources.rows.map((r) => ({
              key: r.key ?? "",
              used: r.used === "on",
              note: r.note ?? "",
              link: r.link ?? "",
            })),
          }),
        { sources: sources.indices },
      ),
    values,
  );
  if (!result.ok) return result.response;
  return redirect(`${base}?sparad=1`);
}

export default function Situation({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, view, saved } = loaderData;
  const { cycle, agreement, canEdit } = view;
  const errors = actionData?.errors;
  const common = { locale, errors };
  const base = cyclePath(agreement.id, cycle.id);
  return (
    <div className="stack">
      <CycleHeader
        agreement={agreement}
        cycle={cycle}
        heading={t(locale, "situation.title", { label: cycle.label })}
        locale={locale}
        errors={errors}
      >
        <p className="ds-paragraph">{t(locale, "situation.intro")}</p>
        <SavedNotice show={saved} locale={locale} />
        <p className="ds-paragraph">
          <strong>
            {t(locale, "situation.completeness.count", {
              done: view.completeness.done,
              total: view.completeness.total,
            })}
          </strong>
        </p>
      </CycleHeader>

      {canEdit ? (
        <Form method="post" className="form-grid" noValidate aria-labelledby="h-sections">
          <h2 id="h-sections" className="ds-heading" data-size="md">
            {t(locale, "situation.sections.title")}
          </h2>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={cycle.version} />
          {sections.map((s) => (
            <TextField
              key={s}
              name={s}
              label={t(locale, `situation.section.${s}`)}
              description={t(locale, `situation.section.${s}.hint`)}
              multiline
              defaultValue={shown(errors, s, cycle[s])}
              {...common}
            />
          ))}
          <h3 className="ds-heading" data-size="sm">
            {t(locale, "source.title")}
          </h3>
          <p className="ds-paragraph">{t(locale, "source.intro")}</p>
          {cycle.sources.map((s, i) => {
            const n = (f: string) => `sources.${i}.${f}`;
            return (
              <Fieldset
                key={s.key}
                legend={s.mandatory ? t(locale, "source.mandatoryLegend", { label: s.label }) : s.label}
              >
                <input type="hidden" name={n("key")} value={s.key} />
                <CheckboxField
                  name={n("used")}
                  label={t(locale, "source.used")}
                  defaultChecked={shownChecked(
                    errors?.values?.intent === "save" ? errors : undefined,
                    n("used"),
                    s.used,
                  )}
                  {...common}
                />
                <TextField
                  name={n("note")}
                  label={t(locale, "source.note")}
                  defaultValue={shown(errors, n("note"), s.note)}
                  {...common}
                />
                <TextField
                  name={n("link")}
                  type="url"
                  label={t(locale, "source.link")}
                  description={t(locale, "source.linkHint")}
                  defaultValue={shown(errors, n("link"), s.link)}
                  {...common}
                />
              </Fieldset>
            );
          })}
          <div>
            <SubmitButton>{t(locale, "situation.save")}</SubmitButton>
          </div>
        </Form>
      ) : (
        <>
          {sections.map((s) => (
            <section key={s} aria-labelledby={`h-${s}`}>
              <h2 id={`h-${s}`} className="ds-heading" data-size="md">
                {t(locale, `situation.section.${s}`)}
              </h2>
              <ReadText text={cycle[s]} locale={locale} />
            </section>
          ))}
          <section aria-labelledby="h-sources">
            <h2 id="h-sources" className="ds-heading" data-size="md">
              {t(locale, "source.title")}
            </h2>
            <ul className="ds-list">
              {cycle.sources.map((s) => (
                <li key={s.key}>
                  {s.label}: {t(locale, s.used ? "source.usedYes" : "source.usedNo")}
                  {s.note && ` – ${s.note}`}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}

      <section aria-labelledby="h-problems" className="stack">
        <h2 id="h-problems" className="ds-heading" data-size="md">
          {t(locale, "problem.list.title")}
        </h2>
        {view.problems.length ? (
          <table className="ds-table data-table">
            <caption>{t(locale, "problem.list.caption", { label: cycle.label })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, "problem.field.title")}</th>
                <th scope="col">{t(locale, "problem.field.places")}</th>
                <th scope="col">{t(locale, "problem.field.times")}</th>
                <th scope="col">{t(locale, "problem.field.prioritised")}</th>
                <th scope="col">{t(locale, "problem.field.causes")}</th>
              </tr>
            </thead>
            <tbody>
              {view.problems.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a className="ds-link" href={`${base}/problem/${p.id}`}>
                      {p.title}
                    </a>
                  </th>
                  <td>{p.places.map((pl) => pl.name).join(", ")}</td>
                  <td>{p.times}</td>
                  <td>{t(locale, p.prioritised ? "common.yes" : "common.no")}</td>
                  <td>{p.causes.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="ds-paragraph">{t(locale, "problem.list.empty")}</p>
        )}
        <p className="ds-paragraph">
          <a className="ds-link" href={`${base}/prioritering`}>
            {t(locale, "prioritisation.link")}
          </a>
        </p>
        {canEdit && (
          <Form method="post" className="form-grid" noValidate aria-labelledby="h-new-problem">
            <h3 id="h-new-problem" className="ds-heading" data-size="sm">
              {t(locale, "problem.new.title")}
            </h3>
            <input type="hidden" name="intent" value="addProblem" />
            <TextField
              name="title"
              label={t(locale, "problem.field.title")}
              defaultValue={shown(errors, "title", "")}
              {...common}
            />
            <TextField
              name="description"
              label={t(locale, "problem.field.description")}
              multiline
              defaultValue={shown(errors, "description", "")}
              {...common}
            />
            <TextField
              name="times"
              label={t(locale, "problem.field.times")}
              description={t(locale, "problem.field.timesHint")}
              defaultValue={shown(errors, "times", "")}
              {...common}
            />
            <PlaceFields index={0} place={undefined} locale={locale} errors={errors} />
            <div>
              <SubmitButton>{t(locale, "problem.new.submit")}</SubmitButton>
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="h-indicators" className="stack">
        <h2 id="h-indicators" className="ds-heading" data-size="md">
          {t(locale, "indicator.title")}
        </h2>
        <IndicatorTrendTable indicators={view.indicators} locale={locale} />
        <p className="ds-paragraph">
          <a className="ds-link" href={`/overenskommelser/${agreement.id}/indikatorer`}>
            {t(locale, "indicator.manage")}
          </a>
        </p>
      </section>

      <section aria-labelledby="h-adoption" className="stack">
        <h2 id="h-adoption" className="ds-heading" data-size="md">
          {t(locale, "situation.adoption.title")}
        </h2>
        {cycle.situationAdoptedOn ? (
          <p className="ds-paragraph">
            {t(locale, "situation.adoption.adopted", {
              body: view.adoptedBy?.name ?? "–",
              on: cycle.situationAdoptedOn,
            })}
          </p>
        ) : (
          <p className="ds-paragraph">{t(locale, "situation.adoption.notAdopted")}</p>
        )}
        {canEdit && cycle.situationAdoptedOn && (
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="version" value={cycle.version} />
            <button type="submit" className="ds-button" data-variant="secondary">
              {t(locale, "situation.adoption.withdraw")}
            </button>
          </Form>
        )}
        {canEdit &&
          !cycle.situationAdoptedOn &&
          (view.agreement.bodies.length ? (
            <Form method="post" className="form-grid" noValidate>
              <input type="hidden" name="intent" value="adopt" />
              <input type="hidden" name="version" value={cycle.version} />
              <SelectField
                name="bodyId"
                label={t(locale, "situation.adoption.body")}
                emptyLabel={t(locale, "common.choose")}
                defaultValue={shown(errors, "bodyId", "")}
                options={view.agreement.bodies.map((b) => ({ value: b.id, label: b.name }))}
                {...common}
              />
              <TextField
                name="adoptedOn"
                type="date"
                label={t(locale, "situation.adoption.on")}
                defaultValue={shown(errors, "adoptedOn", "")}
                {...common}
              />
              <div>
                <SubmitButton>{t(locale, "situation.adoption.submit")}</SubmitButton>
              </div>
            </Form>
          ) : (
            <p className="ds-paragraph">
              {t(locale, "situation.adoption.noBodies")}{" "}
              <a className="ds-link" href={`/overenskommelser/${agreement.id}/grupper`}>
                {t(locale, "situation.adoption.addBodies")}
              </a>
            </p>
          ))}
      </section>
    </div>
  );
}

function ReadText({ text, locale }: { text: string; locale: Parameters<typeof t>[0] }) {
  if (!text.trim()) return <p className="ds-paragraph">{t(locale, "common.none")}</p>;
  return (
    <p className="ds-paragraph" style={{ whiteSpace: "pre-line" }}>
      {text}
    </p>
  );
}
