import { Form, data, redirect } from "react-router";
import { postedVersion } from "../../components/agreement-access.ts";
import type { Route } from "./+types/action";
import { deleteAction, getAction, updateActionProgress } from "../../../src/services/actions/actions.ts";
import { addFollowUp } from "../../../src/services/cycle-core/follow-ups.ts";
import { actionStatuses, followUpKinds } from "../../../src/domain/cycles/vocabulary.ts";
import { ErrorSummary, SavedNotice, SelectField, SubmitButton, TextField, savedFlag } from "../../components/forms.tsx";
import { postedValues, shown } from "../../components/form-rows.ts";
import { t } from "../../lib/context.ts";
import { act, formString, load, requireSignedIn } from "../../lib/http.ts";
import { ActionStatusBadge, cycleBase, errorsFor, inForm, requireSameAgreement, sinceActivity } from "./shared.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.action.title ?? "Åtgärd"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const action = await load(() => getAction(context.ctx, params.actionId));
  if (action.cycle.id !== params.cycleId) throw data({ messageKey: "action.notFound" }, { status: 404 });
  requireSameAgreement(action.cycle, params.id);
  return { locale: context.locale, action, saved: savedFlag(request) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  const version = postedVersion(form, "version");
  const base = `${cycleBase(params.id, params.cycleId)}`;
  const values = postedValues(form);
  if (intent === "delete") {
    const result = await act(() => deleteAction(context.ctx, { id: params.actionId, version }), values);
    if (!result.ok) return result.response;
    return redirect(`${base}/atgardsplan?sparad=1`);
  }
  const result = await act<unknown>(
    () =>
      intent === "followUp"
        ? inForm("followUp", () =>
            addFollowUp(context.ctx, {
              actionId: params.actionId,
              version,
              on: formString(form, "followUp.on"),
              kind: formString(form, "followUp.kind") as "production",
              status: formString(form, "followUp.status") as "done",
              note: formString(form, "followUp.note"),
              quantity: formString(form, "followUp.quantity"),
              hours: formString(form, "followUp.hours"),
            }),
          )
        : inForm("progress", () =>
            updateActionProgress(context.ctx, {
              actionId: params.actionId,
              version,
              status: formString(form, "progress.status") as "done",
              outcomeNote: formString(form, "progress.outcomeNote"),
              hoursSpent: formString(form, "progress.hoursSpent"),
            }),
          ),
    values,
  );
  if (!result.ok) return result.response;
  return redirect(`${base}/atgarder/${params.actionId}?sparad=1`);
}

const num = (v: number | null) => (v === null ? "" : String(v));

export default function ActionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, action: a, saved } = loaderData;
  const errors = actionData?.errors;
  const base = cycleBase(a.cycle.agreementId, a.cycle.id);
  const progressErrors = errorsFor(errors, "progress");
  const followUpErrors = errorsFor(errors, "followUp");
  const none = t(locale, "common.none");
  const facts: [string, React.ReactNode][] = [
    ["action.field.focusArea", a.focusArea?.title ?? none],
    ["action.field.cause", a.cause ? `${a.cause.text} (${a.cause.problem.title})` : none],
    ["action.field.description", a.description || none],
    ["action.field.kind", t(locale, `actionKind.${a.kind}`)],
    ["action.field.horizon", t(locale, `actionHorizon.${a.horizon}`)],
    ["action.field.responsibles", a.responsibles.map((r) => r.name).join(", ")],
    ["action.field.contactPerson", a.contactPerson || none],
    ["action.field.participants", a.participants || none],
    ["action.field.startsOn", a.startsOn ?? none],
    ["action.field.deadline", a.deadline ?? none],
    ["action.field.quantityTarget", a.quantityTarget || none],
    ["action.field.followUpMethod", a.followUpMethod || none],
    ["action.field.followUpFrequency", a.followUpFrequency || none],
    ["action.field.goal", a.goal || none],
    ["action.field.indicator", a.indicator?.name ?? none],
    [
      "action.baseline",
      a.baselineYear !== null
        ? t(locale, "action.valueIn", { value: num(a.baselineValue) || "–", year: a.baselineYear })
        : none,
    ],
    [
      "action.target",
      a.targetValue !== null || a.targetYear !== null
        ? t(locale, "action.valueIn", { value: num(a.targetValue) || "–", year: a.targetYear ?? "–" })
        : none,
    ],
    ["action.field.outcomeNote", a.outcomeNote || none],
    ["action.field.hoursSpent", a.hoursSpent === null ? none : String(a.hoursSpent)],
  ];
  return (
    <div className="stack">
      <p className="ds-paragraph">
        {a.readsPlan ? (
          <a className="ds-link" href={`${base}/atgardsplan`}>
            {t(locale, "action.backToPlan", { label: a.cycle.label })}
          </a>
        ) : (
          <a className="ds-link" href="/">
            {t(locale, "action.backToStart")}
          </a>
        )}
      </p>
      <h1 className="ds-heading" data-size="lg">
        {a.title}
      </h1>
      <p className="ds-paragraph">
        {t(locale, "actionPlan.ofAgreement", { title: a.agreement.title, label: a.cycle.label })}
      </p>
      <SavedNotice show={saved} locale={locale} />
      <ErrorSummary errors={errors} locale={locale} />
      <p className="ds-paragraph">
        <ActionStatusBadge status={a.status} locale={locale} /> {sinceActivity(locale, a.daysSinceActivity)}
      </p>
      {a.canEdit && (
        <ul className="actions">
          <li>
            <a className="ds-link" href={`${base}/atgarder/${a.id}/andra`}>
              {t(locale, "action.edit.link")}
            </a>
          </li>
          <li>
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="version" value={a.version} />
              <button type="submit" className="ds-button" data-variant="tertiary">
                {t(locale, "action.delete")}
              </button>
            </Form>
          </li>
        </ul>
      )}
      <section aria-labelledby="h-facts">
        <h2 id="h-facts" className="ds-heading" data-size="md">
          {t(locale, "action.facts")}
        </h2>
        <dl className="facts">
          {facts.map(([key, value]) => (
            <div key={key} style={{ display: "contents" }}>
              <dt>{t(locale, key)}</dt>
              <dd style={{ whiteSpace: "pre-line" }}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {a.canUpdate && (
        <section aria-labelledby="h-followup-form">
          <h2 id="h-followup-form" className="ds-heading" data-size="md">
            {t(locale, "followUp.add.title")}
          </h2>
          <p className="ds-paragraph">{t(locale, "followUp.add.intro")}</p>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="followUp" />
            <input type="hidden" name="version" value={a.version} />
            <TextField
              name="followUp.on"
              type="date"
              label={t(locale, "followUp.field.on")}
              description={t(locale, "followUp.field.onHint")}
              defaultValue={shown(followUpErrors, "followUp.on", "")}
              locale={locale}
              errors={followUpErrors}
            />
            <SelectField
              name="followUp.kind"
              label={t(locale, "followUp.field.kind")}
              options={followUpKinds.map((k) => ({ value: k, label: t(locale, `followUpKind.${k}`) }))}
              defaultValue={shown(followUpErrors, "followUp.kind", "production")}
              locale={locale}
              errors={followUpErrors}
            />
            <SelectField
              name="followUp.status"
              label={t(locale, "followUp.field.status")}
              emptyLabel={t(locale, "followUp.field.keepStatus")}
              options={actionStatuses.map((s) => ({ value: s, label: t(locale, `actionStatus.${s}`) }))}
              defaultValue={shown(followUpErrors, "followUp.status", "")}
              locale={locale}
              errors={followUpErrors}
            />
            <TextField
              name="followUp.note"
              label={t(locale, "followUp.field.note")}
              multiline
              defaultValue={shown(followUpErrors, "followUp.note", "")}
              locale={locale}
              errors={followUpErrors}
            />
            <TextField
              name="followUp.quantity"
              label={t(locale, "followUp.field.quantity")}
              defaultValue={shown(followUpErrors, "followUp.quantity", "")}
              locale={locale}
              errors={followUpErrors}
            />
            <TextField
              name="followUp.hours"
              label={t(locale, "followUp.field.hours")}
              defaultValue={shown(followUpErrors, "followUp.hours", "")}
              locale={locale}
              errors={followUpErrors}
            />
            <div>
              <SubmitButton>{t(locale, "followUp.add.submit")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}
      <section aria-labelledby="h-history">
        <h2 id="h-history" className="ds-heading" data-size="md">
          {t(locale, "followUp.history")}
        </h2>
        {a.followUps.length === 0 ? (
          <p className="ds-paragraph">{t(locale, "followUp.none")}</p>
        ) : (
          <table className="data-table">
            <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
              {t(locale, "followUp.historyCaption", { title: a.title })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, "followUp.field.on")}</th>
                <th scope="col">{t(locale, "followUp.field.kind")}</th>
                <th scope="col">{t(locale, "followUp.field.status")}</th>
                <th scope="col">{t(locale, "followUp.field.note")}</th>
                <th scope="col">{t(locale, "followUp.field.quantity")}</th>
                <th scope="col">{t(locale, "followUp.field.hours")}</th>
                <th scope="col">{t(locale, "followUp.field.author")}</th>
              </tr>
            </thead>
            <tbody>
              {a.followUps.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.on}</th>
                  <td>{t(locale, `followUpKind.${f.kind}`)}</td>
                  <td>{f.status ? <ActionStatusBadge status={f.status} locale={locale} /> : ""}</td>
                  <td style={{ whiteSpace: "pre-line" }}>{f.note}</td>
                  <td>{f.quantity ?? ""}</td>
                  <td>{f.hours ?? ""}</td>
                  <td>
                    {f.authorName}
                    {f.via !== "web" ? ` (${t(locale, `followUp.via.${f.via}`)})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {a.canUpdate && (
        <section aria-labelledby="h-progress">
          <h2 id="h-progress" className="ds-heading" data-size="md">
            {t(locale, "action.progress.title")}
          </h2>
          <p className="ds-paragraph">{t(locale, "action.progress.intro")}</p>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="progress" />
            <input type="hidden" name="version" value={a.version} />
            <SelectField
              name="progress.status"
              label={t(locale, "action.field.status")}
              options={actionStatuses.map((s) => ({ value: s, label: t(locale, `actionStatus.${s}`) }))}
              defaultValue={shown(progressErrors, "progress.status", a.status)}
              locale={locale}
              errors={progressErrors}
            />
            <TextField
              name="progress.outcomeNote"
              label={t(locale, "action.field.outcomeNote")}
              multiline
              defaultValue={shown(progressErrors, "progress.outcomeNote", a.outcomeNote)}
              locale={locale}
              errors={progressErrors}
            />
            <TextField
              name="progress.hoursSpent"
              label={t(locale, "action.field.hoursSpent")}
              defaultValue={shown(progressErrors, "progress.hoursSpent", num(a.hoursSpent))}
              locale={locale}
              errors={progressErrors}
            />
            <div>
              <SubmitButton>{t(locale, "action.progress.submit")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
