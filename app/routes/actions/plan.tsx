import { Form, redirect } from "react-router";
import { postedVersion } from "../../components/agreement-access.ts";
import type { Route } from "./+types/plan";
import {
  adoptActionPlan,
  getActionPlan,
  withdrawActionPlanAdoption,
  type ActionView,
} from "../../../src/services/actions/actions.ts";
import { SavedNotice, SelectField, SubmitButton, TextField, savedFlag } from "../../components/forms.tsx";
import { postedValues, shown } from "../../components/form-rows.ts";
import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";
import { act, formString, load, requireSignedIn } from "../../lib/http.ts";
import {
  ActionPlanNav,
  ActionStatusBadge,
  CycleSubpageHeader,
  cycleBase,
  errorsFor,
  requireSameAgreement,
  sinceActivity,
} from "./shared.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Åtgärdsplan – ${data?.plan.cycle.label ?? ""} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const plan = await load(() => getActionPlan(context.ctx, params.cycleId));
  requireSameAgreement(plan.cycle, params.id);
  const view = new URL(request.url).searchParams.get("visa") === "kort" ? "cards" : "table";
  return { locale: context.locale, plan, view, saved: savedFlag(request) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  const version = postedVersion(form, "version");
  const result = await act(
    () =>
      intent === "withdraw"
        ? withdrawActionPlanAdoption(context.ctx, { cycleId: params.cycleId, version })
        : adoptActionPlan(context.ctx, {
            cycleId: params.cycleId,
            version,
            bodyId: formString(form, "bodyId"),
            adoptedOn: formString(form, "adoptedOn"),
          }),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`${cycleBase(params.id, params.cycleId)}/atgardsplan?sparad=1#h-adoption`);
}

function LastActivity({ a, locale }: { a: ActionView; locale: Locale }) {
  return (
    <>
      {a.lastFollowUp && (
        <p className="ds-paragraph">
          {t(locale, "actionPlan.lastFollowUp", { on: a.lastFollowUp.on })}
          {a.lastFollowUp.note ? `: ${a.lastFollowUp.note}` : ""}
        </p>
      )}
      <p className="ds-paragraph">{sinceActivity(locale, a.daysSinceActivity)}</p>
    </>
  );
}

function PlanTable({
  actions,
  base,
  locale,
  caption,
}: {
  actions: ActionView[];
  base: string;
  locale: Locale;
  caption: string;
}) {
  return (
    <table className="data-table">
      <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
        {caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t(locale, "actionPlan.column.cause")}</th>
          <th scope="col">{t(locale, "actionPlan.column.action")}</th>
          <th scope="col">{t(locale, "actionPlan.column.responsible")}</th>
          <th scope="col">{t(locale, "actionPlan.column.followUp")}</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.id}>
            <td>
              {a.cause ? (
                <>
                  <p className="ds-paragraph">{a.cause.text}</p>
                  <p className="ds-paragraph">
                    <small>{t(locale, "actionPlan.problem", { title: a.cause.problem.title })}</small>
                  </p>
                </>
              ) : (
                <p className="ds-paragraph">{t(locale, "actionPlan.noCause")}</p>
              )}
              {a.focusArea && (
                <p className="ds-paragraph">
                  <small>{t(locale, "actionPlan.focusArea", { title: a.focusArea.title })}</small>
                </p>
              )}
            </td>
            <th scope="row" style={{ fontWeight: "normal" }}>
              <a className="ds-link" href={`${base}/atgarder/${a.id}`}>
                {a.title}
              </a>
              <p className="ds-paragraph">
                <ActionStatusBadge status={a.status} locale={locale} />
              </p>
              {a.deadline && <p className="ds-paragraph">{t(locale, "actionPlan.deadline", { on: a.deadline })}</p>}
            </th>
            <td>
              {a.responsibles.map((r) => r.name).join(", ")}
              {a.contactPerson && (
                <p className="ds-paragraph">{t(locale, "actionPlan.contact", { name: a.contactPerson })}</p>
              )}
            </td>
            <td>
              {a.followUpMethod && <p className="ds-paragraph">{a.followUpMethod}</p>}
              {a.followUpFrequency && <p className="ds-paragraph">{a.followUpFrequency}</p>}
              <LastActivity a={a} locale={locale} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ActionCard({ a, base, locale }: { a: ActionView; base: string; locale: Locale }) {
  return (
    <li className="action-card">
      <article>
        <h3 className="ds-heading" data-size="xs">
          <a className="ds-link" href={`${base}/atgarder/${a.id}`}>
            {a.title}
          </a>
        </h3>
        <p className="ds-paragraph">
          <ActionStatusBadge status={a.status} locale={locale} />
        </p>
        <dl className="facts">
          <dt>{t(locale, "actionPlan.column.cause")}</dt>
          <dd>{a.cause ? `${a.cause.text} (${a.cause.problem.title})` : t(locale, "actionPlan.noCause")}</dd>
          <dt>{t(locale, "actionPlan.column.responsible")}</dt>
          <dd>{a.responsibles.map((r) => r.name).join(", ")}</dd>
          <dt>{t(locale, "action.field.deadline")}</dt>
          <dd>{a.deadline ?? t(locale, "common.none")}</dd>
          <dt>{t(locale, "actionPlan.column.followUp")}</dt>
          <dd>
            <LastActivity a={a} locale={locale} />
          </dd>
        </dl>
      </article>
    </li>
  );
}

export default function ActionPlan({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, plan, view, saved } = loaderData;
  const errors = actionData?.errors;
  const base = cycleBase(plan.agreement.id, plan.cycle.id);
  const groups = [
    ...plan.focusAreas.map((f) => ({
      key: f.id,
      title: f.title,
      actions: plan.actions.filter((a) => a.cycleFocusAreaId === f.id),
    })),
    {
      key: "none",
      title: t(locale, "actionPlan.noFocusArea"),
      actions: plan.actions.filter(
        (a) => !a.cycleFocusAreaId || !plan.focusAreas.some((f) => f.id === a.cycleFocusAreaId),
      ),
    },
  ].filter((g) => g.key !== "none" || g.actions.length > 0);
  const adoptErrors = errorsFor(errors, "adopt");
  return (
    <div className="stack">
      <CycleSubpageHeader
        agreement={plan.agreement}
        cycle={plan.cycle}
        heading={t(locale, "actionPlan.heading", { label: plan.cycle.label })}
        locale={locale}
        errors={errors}
      >
        <SavedNotice show={saved} locale={locale} />
      </CycleSubpageHeader>
      <ActionPlanNav agreementId={plan.agreement.id} cycleId={plan.cycle.id} locale={locale} current="plan" />
      <p className="ds-paragraph">{t(locale, "actionPlan.intro")}</p>
      {plan.canEdit && (
        <p className="ds-paragraph">
          <a className="ds-button" data-variant="primary" href={`${base}/atgarder/ny`}>
            {t(locale, "actionPlan.new")}
          </a>
        </p>
      )}
      <nav aria-label={t(locale, "actionPlan.viewAs")}>
        <ul className="actions">
          <li>
            <a className="ds-link" href={`${base}/atgardsplan`} aria-current={view === "table" ? "page" : undefined}>
              {t(locale, "actionPlan.asTable")}
            </a>
          </li>
          <li>
            <a
              className="ds-link"
              href={`${base}/atgardsplan?visa=kort`}
              aria-current={view === "cards" ? "page" : undefined}
            >
              {t(locale, "actionPlan.asCards")}
            </a>
          </li>
        </ul>
      </nav>
      {plan.actions.length === 0 ? (
        <p className="ds-paragraph">{t(locale, "actionPlan.empty")}</p>
      ) : view === "table" ? (
        <PlanTable
          actions={plan.actions}
          base={base}
          locale={locale}
          caption={t(locale, "actionPlan.caption", { label: plan.cycle.label })}
        />
      ) : (
        groups.map((g) => (
          <section key={g.key} aria-labelledby={`h-fa-${g.key}`}>
            <h2 id={`h-fa-${g.key}`} className="ds-heading" data-size="md">
              {g.title}
            </h2>
            {g.actions.length ? (
              <ul className="action-cards">
                {g.actions.map((a) => (
                  <ActionCard key={a.id} a={a} base={base} locale={locale} />
                ))}
              </ul>
            ) : (
              <p className="ds-paragraph">{t(locale, "actionPlan.emptyFocusArea")}</p>
            )}
          </section>
        ))
      )}
      <section aria-labelledby="h-adoption">
        <h2 id="h-adoption" className="ds-heading" data-size="md">
          {t(locale, "actionPlan.adoption.title")}
        </h2>
        {plan.cycle.planAdoptedOn ? (
          <p className="ds-paragraph">
            {t(locale, "actionPlan.adoption.adopted", {
              body: plan.adoptedBy?.name ?? t(locale, "actionPlan.adoption.unknownBody"),
              on: plan.cycle.planAdoptedOn,
            })}
          </p>
        ) : (
          <p className="ds-paragraph">{t(locale, "actionPlan.adoption.notAdopted")}</p>
        )}
        {plan.canEdit && plan.cycle.planAdoptedOn && (
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="version" value={plan.cycle.version} />
            <button type="submit" className="ds-button" data-variant="secondary">
              {t(locale, "actionPlan.adoption.withdraw")}
            </button>
          </Form>
        )}
        {plan.canEdit &&
          !plan.cycle.planAdoptedOn &&
          (plan.bodies.length ? (
            <Form method="post" className="form-grid" noValidate>
              <input type="hidden" name="intent" value="adopt" />
              <input type="hidden" name="version" value={plan.cycle.version} />
              <SelectField
                name="bodyId"
                label={t(locale, "actionPlan.adoption.body")}
                emptyLabel={t(locale, "common.choose")}
                options={plan.bodies.map((b) => ({ value: b.id, label: b.name }))}
                defaultValue={shown(adoptErrors, "bodyId", "")}
                locale={locale}
                errors={adoptErrors}
              />
              <TextField
                name="adoptedOn"
                type="date"
                label={t(locale, "actionPlan.adoption.on")}
                defaultValue={shown(adoptErrors, "adoptedOn", "")}
                locale={locale}
                errors={adoptErrors}
              />
              <div>
                <SubmitButton>{t(locale, "actionPlan.adoption.submit")}</SubmitButton>
              </div>
            </Form>
          ) : (
            <p className="ds-paragraph">
              {t(locale, "actionPlan.adoption.noBodies")}{" "}
              <a className="ds-link" href={`/overenskommelser/${plan.agreement.id}/grupper`}>
                {t(locale, "actionPlan.adoption.addBodies")}
              </a>
            </p>
          ))}
      </section>
    </div>
  );
}
