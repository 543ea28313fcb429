import { Form, redirect } from "react-router";
import type { Route } from "./+types/cycle";
import { postedVersion } from "../../components/agreement-access.ts";
import {
  CheckboxField,
  ErrorSummary,
  SavedNotice,
  SelectField,
  SubmitButton,
  TextField,
  savedFlag,
} from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { act, formBool, formString } from "../../lib/http.ts";
import { cycleStatuses } from "../../../src/domain/cycles/vocabulary.ts";
import { setCycleStatus, setHandbookTick } from "../../../src/services/cycles/cycles.ts";
import { cyclePath, intentOf, loadCycle, loadEditableCycle } from "./shared.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Cykel ${data?.view.cycle.label ?? ""} – ${data?.view.agreement.title ?? ""} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const view = await loadCycle(context, request, params.id, params.cycleId);
  return { locale: context.locale, view, saved: savedFlag(request) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  await loadEditableCycle(context, request, params.id, params.cycleId);
  const form = await request.formData();
  const version = postedVersion(form);
  const result =
    intentOf(form) === "status"
      ? await act(() =>
          setCycleStatus(context.ctx, { cycleId: params.cycleId, version, status: formString(form, "status") }),
        )
      : await act(() =>
          setHandbookTick(context.ctx, {
            cycleId: params.cycleId,
            version,
            step: formString(form, "step"),
            item: formString(form, "item"),
            done: formBool(form, "done"),
            note: formString(form, "note"),
          }),
        );
  if (!result.ok) return result.response;
  return redirect(`${cyclePath(params.id, params.cycleId)}?sparad=1`);
}

export default function CycleOverview({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, view, saved } = loaderData;
  const { cycle, agreement, completeness, handbook, canEdit } = view;
  const errors = actionData?.errors;
  const base = cyclePath(agreement.id, cycle.id);
  const agreementBase = `/overenskommelser/${agreement.id}`;
  const links: [string, string][] = [
    [`${base}/lagesbild`, "cycle.link.situation"],
    [`${base}/prioritering`, "cycle.link.prioritisation"],
    [`${base}/atgardsplan`, "cycle.link.actionPlan"],
    [`${base}/uppfoljning`, "cycle.link.followUp"],
    [`${base}/kommunikation`, "cycle.link.communication"],
    [`${agreementBase}/medborgarloften`, "cycle.link.promises"],
    [`${agreementBase}/arshjul`, "cycle.link.yearWheel"],
    [`${agreementBase}/indikatorer`, "cycle.link.indicators"],
    [`${agreementBase}/cykler`, "cycle.link.allCycles"],
  ];
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <a className="ds-link" href={`${agreementBase}/cykler`}>
          {t(locale, "cycle.backToList", { title: agreement.title })}
        </a>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "cycle.name", { label: cycle.label })}
      </h1>
      <SavedNotice show={saved} locale={locale} />
      <ErrorSummary errors={errors} locale={locale} />
      <dl className="facts cycle-facts">
        <dt>{t(locale, "cycle.field.agreement")}</dt>
        <dd>
          <a className="ds-link" href={agreementBase}>
            {agreement.title}
          </a>
        </dd>
        <dt>{t(locale, "cycle.field.period")}</dt>
        <dd>
          {cycle.startsOn} – {cycle.endsOn}
        </dd>
        <dt>{t(locale, "cycle.field.status")}</dt>
        <dd>
          <span className="status">{t(locale, `cycleStatus.${cycle.status}`)}</span>
        </dd>
      </dl>
      {canEdit && (
        <Form method="post" className="form-grid" noValidate>
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="version" value={cycle.version} />
          <SelectField
            name="status"
            label={t(locale, "cycle.status.change")}
            defaultValue={cycle.status}
            options={cycleStatuses.map((s) => ({ value: s, label: t(locale, `cycleStatus.${s}`) }))}
            locale={locale}
            errors={errors}
          />
          <div>
            <SubmitButton>{t(locale, "cycle.status.submit")}</SubmitButton>
          </div>
        </Form>
      )}
      <nav aria-labelledby="h-links">
        <h2 id="h-links" className="ds-heading" data-size="md">
          {t(locale, "cycle.links.title")}
        </h2>
        <ul className="ds-list">
          {links.map(([href, key]) => (
            <li key={href}>
              <a className="ds-link" href={href}>
                {t(locale, key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="h-completeness" className="stack">
        <h2 id="h-completeness" className="ds-heading" data-size="md">
          {t(locale, "situation.completeness.title")}
        </h2>
        <p className="ds-paragraph">
          <strong>
            {t(locale, "situation.completeness.count", { done: completeness.done, total: completeness.total })}
          </strong>
        </p>
        {completeness.missing.length > 0 && (
          <>
            <p className="ds-paragraph">{t(locale, "situation.completeness.missing")}</p>
            <ul className="ds-list">
              {completeness.missing.map((m, i) => (
                <li key={i}>{t(locale, m.key, m.params)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="h-problems" className="stack">
        <h2 id="h-problems" className="ds-heading" data-size="md">
          {t(locale, "problem.list.title")}
        </h2>
        {view.problems.length ? (
          <ul className="ds-list">
            {view.problems.map((p) => (
              <li key={p.id}>
                <a className="ds-link" href={`${base}/problem/${p.id}`}>
                  {p.title}
                </a>
                {p.prioritised && ` – ${t(locale, "problem.prioritised")}`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t(locale, "problem.list.empty")}</p>
        )}
      </section>
      <section aria-labelledby="h-handbook" className="stack">
        <h2 id="h-handbook" className="ds-heading" data-size="md">
          {t(locale, "handbook.title")}
        </h2>
        <p className="ds-paragraph">{t(locale, "handbook.intro")}</p>
        {handbook.map((s) => (
          <section key={s.step} aria-labelledby={`h-step-${s.step}`} className="stack">
            <h3 id={`h-step-${s.step}`} className="ds-heading" data-size="sm">
              {t(locale, `handbook.step.${s.step}`)} – {t(locale, s.done ? "handbook.stepDone" : "handbook.stepOpen")}
            </h3>
            <ul className="ds-list handbook-list">
              {s.items.map((i) => (
                <li key={i.key}>
                  <span className="status">{t(locale, i.done ? "handbook.done" : "handbook.notDone")}</span>{" "}
                  {t(locale, `handbook.item.${i.key}`)}
                  {i.source === "data" && ` (${t(locale, "handbook.fromData")})`}
                  {i.note && ` – ${i.note}`}
                  {i.source === "manual" && canEdit && (
                    <Form method="post" className="form-grid" noValidate>
                      <input type="hidden" name="intent" value="tick" />
                      <input type="hidden" name="version" value={cycle.version} />
                      <input type="hidden" name="step" value={s.step} />
                      <input type="hidden" name="item" value={i.key} />
                      <fieldset className="ds-fieldset row-fieldset">
                        <legend className="ds-label">{t(locale, `handbook.item.${i.key}`)}</legend>
                        <CheckboxField
                          name="done"
                          path={`tick-${i.key}-done`}
                          label={t(locale, "handbook.tick")}
                          defaultChecked={i.done}
                          locale={locale}
                        />
                        <TextField
                          name="note"
                          path={`tick-${i.key}-note`}
                          label={t(locale, "handbook.note")}
                          defaultValue={i.note}
                          locale={locale}
                        />
                        <div>
                          <SubmitButton>{t(locale, "handbook.save")}</SubmitButton>
                        </div>
                      </fieldset>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </div>
  );
}
