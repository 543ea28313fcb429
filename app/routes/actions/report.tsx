import { Form, redirect } from "react-router";
import type { Route } from "./+types/report";
import { addCycleReport, deleteCycleReport, getFollowUpReport } from "../../../src/services/actions/report.ts";
import { SavedNotice, SubmitButton, TextField, savedFlag } from "../../components/forms.tsx";
import { postedValues, shown } from "../../components/form-rows.ts";
import { t } from "../../lib/context.ts";
import { act, formString, load, requireSignedIn } from "../../lib/http.ts";
import {
  ActionPlanNav,
  ActionStatusBadge,
  CycleSubpageHeader,
  cycleBase,
  errorsFor,
  requireSameAgreement,
} from "./shared.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Uppföljning – ${data?.report.cycle.label ?? ""} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const report = await load(() => getFollowUpReport(context.ctx, params.cycleId));
  requireSameAgreement(report.cycle, params.id);
  return { locale: context.locale, report, saved: savedFlag(request) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  const result = await act(
    () =>
      intent === "deleteReport"
        ? deleteCycleReport(context.ctx, formString(form, "reportId"))
        : addCycleReport(context.ctx, {
            cycleId: params.cycleId,
            recipient: formString(form, "recipient"),
            reportedOn: formString(form, "reportedOn"),
            note: formString(form, "note"),
          }),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`${cycleBase(params.id, params.cycleId)}/uppfoljning?sparad=1#h-reported`);
}

const countKeys = ["done", "partly_done", "not_done", "cancelled", "ongoing", "planned"] as const;

export default function FollowUpReportPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, report: r, saved } = loaderData;
  const errors = actionData?.errors;
  const addErrors = errorsFor(errors, "addReport");
  const base = cycleBase(r.agreement.id, r.cycle.id);
  const areaTitle = (title: string | null) => title ?? t(locale, "actionPlan.noFocusArea");
  return (
    <div className="stack">
      <CycleSubpageHeader
        agreement={r.agreement}
        cycle={r.cycle}
        heading={t(locale, "report.heading", { label: r.cycle.label })}
        locale={locale}
        errors={errors}
      >
        <SavedNotice show={saved} locale={locale} />
      </CycleSubpageHeader>
      <ActionPlanNav agreementId={r.agreement.id} cycleId={r.cycle.id} locale={locale} current="report" />
      <p className="ds-paragraph">{t(locale, "report.intro", { from: r.cycle.startsOn, to: r.cycle.endsOn })}</p>

      <section aria-labelledby="h-summary">
        <h2 id="h-summary" className="ds-heading" data-size="md">
          {t(locale, "report.summary")}
        </h2>
        <table className="data-table">
          <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
            {t(locale, "report.countsCaption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, "report.focusArea")}</th>
              {countKeys.map((k) => (
                <th key={k} scope="col">
                  {t(locale, `actionStatus.${k}`)}
                </th>
              ))}
              <th scope="col">{t(locale, "report.total")}</th>
            </tr>
          </thead>
          <tbody>
            {r.focusAreas.map((f) => (
              <tr key={f.id ?? "none"}>
                <th scope="row">{areaTitle(f.title)}</th>
                {countKeys.map((k) => (
                  <td key={k}>{f.counts[k]}</td>
                ))}
                <td>{f.counts.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t(locale, "report.allActions")}</th>
              {countKeys.map((k) => (
                <td key={k} data-testid={`total-${k}`}>
                  {r.totals[k]}
                </td>
              ))}
              <td>{r.totals.total}</td>
            </tr>
          </tfoot>
        </table>
        <dl className="facts">
          <dt>{t(locale, "report.goalsMet")}</dt>
          <dd>
            {t(locale, "report.goalsMetValue", { met: r.goals.met, notMet: r.goals.notMet, noData: r.goals.noData })}
          </dd>
          <dt>{t(locale, "report.hoursSpent")}</dt>
          <dd>
            {t(locale, "report.hours", { hours: r.hoursSpent.toLocaleString(locale === "sv" ? "sv-SE" : "en-GB") })}
          </dd>
        </dl>
      </section>

      {r.focusAreas.map((f) => (
        <section key={f.id ?? "none"} aria-labelledby={`h-area-${f.id ?? "none"}`}>
          <h2 id={`h-area-${f.id ?? "none"}`} className="ds-heading" data-size="md">
            {areaTitle(f.title)}
          </h2>
          {f.goals.withTarget > 0 && (
            <p className="ds-paragraph">
              {t(locale, "report.areaGoals", { met: f.goals.met, total: f.goals.withTarget })}
            </p>
          )}
          {f.actions.length === 0 ? (
            <p className="ds-paragraph">{t(locale, "actionPlan.emptyFocusArea")}</p>
          ) : (
            <table className="data-table">
              <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
                {t(locale, "report.actionsCaption", { title: areaTitle(f.title) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t(locale, "actionPlan.column.action")}</th>
                  <th scope="col">{t(locale, "action.field.status")}</th>
                  <th scope="col">{t(locale, "action.field.outcomeNote")}</th>
                  <th scope="col">{t(locale, "action.field.goal")}</th>
                  <th scope="col">{t(locale, "report.goalStatus")}</th>
                  <th scope="col">{t(locale, "action.field.hoursSpent")}</th>
                </tr>
              </thead>
              <tbody>
                {f.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <a className="ds-link" href={`${base}/atgarder/${a.id}`}>
                        {a.title}
                      </a>
                    </th>
                    <td>
                      <ActionStatusBadge status={a.status} locale={locale} />
                    </td>
                    <td style={{ whiteSpace: "pre-line" }}>{a.outcomeNote}</td>
                    <td>
                      {a.goal}
                      {a.targetValue !== null && (
                        <p className="ds-paragraph">
                          {t(locale, "report.target", {
                            indicator: a.indicatorName ?? "–",
                            value: a.targetValue,
                            year: a.targetYear ?? "–",
                          })}
                        </p>
                      )}
                    </td>
                    <td>{a.targetValue !== null ? t(locale, `report.goal.${a.goalStatus}`) : ""}</td>
                    <td>{a.hoursSpent ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}

      <section aria-labelledby="h-indicators">
        <h2 id="h-indicators" className="ds-heading" data-size="md">
          {t(locale, "report.indicators")}
        </h2>
        {r.indicators.length === 0 ? (
          <p className="ds-paragraph">{t(locale, "report.noIndicators")}</p>
        ) : (
          r.indicators.map((i) => (
            <table key={i.id} className="data-table">
              <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
                {i.unit ? `${i.name} (${i.unit})` : i.name} –{" "}
                {t(locale, i.direction === "increase" ? "report.betterHigher" : "report.betterLower")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t(locale, "report.year")}</th>
                  <th scope="col">{t(locale, "report.value")}</th>
                </tr>
              </thead>
              <tbody>
                {i.values.length === 0 ? (
                  <tr>
                    <td colSpan={2}>{t(locale, "report.noValues")}</td>
                  </tr>
                ) : (
                  i.values.map((v) => (
                    <tr key={v.year}>
                      <th scope="row">{v.year}</th>
                      <td>
                        {v.suppressed
                          ? t(locale, "report.suppressed")
                          : v.value === null
                            ? "–"
                            : v.value.toLocaleString(locale === "sv" ? "sv-SE" : "en-GB")}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          ))
        )}
      </section>

      <section aria-labelledby="h-reported">
        <h2 id="h-reported" className="ds-heading" data-size="md">
          {t(locale, "report.reported.title")}
        </h2>
        {r.reports.length === 0 ? (
          <p className="ds-paragraph">{t(locale, "report.reported.none")}</p>
        ) : (
          <table className="data-table">
            <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
              {t(locale, "report.reported.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, "report.reported.recipient")}</th>
                <th scope="col">{t(locale, "report.reported.on")}</th>
                <th scope="col">{t(locale, "report.reported.note")}</th>
                {r.canEdit && (
                  <th scope="col" className="no-print">
                    {t(locale, "report.reported.actions")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {r.reports.map((rep) => (
                <tr key={rep.id}>
                  <th scope="row">{rep.recipient}</th>
                  <td>{rep.reportedOn}</td>
                  <td style={{ whiteSpace: "pre-line" }}>{rep.note}</td>
                  {r.canEdit && (
                    <td className="no-print">
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="deleteReport" />
                        <input type="hidden" name="reportId" value={rep.id} />
                        <button type="submit" className="ds-button" data-variant="tertiary">
                          {t(locale, "report.reported.delete", { recipient: rep.recipient, on: rep.reportedOn })}
                        </button>
                      </Form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {r.canEdit && (
          <Form method="post" className="form-grid no-print" noValidate>
            <input type="hidden" name="intent" value="addReport" />
            <h3 className="ds-heading" data-size="xs">
              {t(locale, "report.reported.add")}
            </h3>
            <TextField
              name="recipient"
              label={t(locale, "report.reported.recipient")}
              description={t(locale, "report.reported.recipientHint")}
              defaultValue={shown(addErrors, "recipient", "")}
              locale={locale}
              errors={addErrors}
            />
            <TextField
              name="reportedOn"
              type="date"
              label={t(locale, "report.reported.on")}
              defaultValue={shown(addErrors, "reportedOn", "")}
              locale={locale}
              errors={addErrors}
            />
            <TextField
              name="note"
              label={t(locale, "report.reported.note")}
              multiline
              defaultValue={shown(addErrors, "note", "")}
              locale={locale}
              errors={addErrors}
            />
            <div>
              <SubmitButton>{t(locale, "report.reported.submit")}</SubmitButton>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}
