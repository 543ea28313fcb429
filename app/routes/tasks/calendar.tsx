import { Form, redirect } from "react-router";
import type { Route } from "./+types/calendar";
import { AgreementSubpageHeader } from "../../components/agreement-subpage.tsx";
import { indexedRows, postedValues, shown, shownChecked, withRowPaths } from "../../components/form-rows.ts";
import { CheckboxField, Fieldset, SelectField, SubmitButton, TextField } from "../../components/forms.tsx";
import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";
import { act, formString, load, requireSignedIn } from "../../lib/http.ts";
import { intervalChoices } from "../../../src/domain/cycles/calendar.ts";
import { calendarRuleKinds } from "../../../src/domain/cycles/vocabulary.ts";
import {
  completeTask,
  ensureDefaultRules,
  generateTasks,
  getCalendar,
  reopenTask,
  setCalendarRules,
} from "../../../src/services/tasks/calendar.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Årshjul – ${data?.calendar.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

/** The notices a successful post redirects with (?meddelande=…). */
const notices = {
  defaults: "calendar.defaultsCreated",
  generated: "calendar.generated",
  saved: "calendar.saved",
  completed: "task.completed",
  reopened: "task.reopened",
} as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const calendar = await load(() => getCalendar(context.ctx, params.id));
  const url = new URL(request.url);
  const notice = url.searchParams.get("meddelande") ?? "";
  return {
    locale: context.locale,
    calendar,
    notice: notice in notices ? notices[notice as keyof typeof notices] : null,
    count: Number(url.searchParams.get("antal") ?? 0) || 0,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  const back = (notice: keyof typeof notices, extra = "") =>
    redirect(`/overenskommelser/${params.id}/arshjul?meddelande=${notice}${extra}`);
  if (intent === "complete" || intent === "reopen") {
    const taskId = formString(form, "taskId");
    const result = await act(() =>
      intent === "complete" ? completeTask(context.ctx, { taskId }) : reopenTask(context.ctx, { taskId }),
    );
    return result.ok ? back(intent === "complete" ? "completed" : "reopened") : result.response;
  }
  if (intent === "defaults") {
    const result = await act(async () => {
      await ensureDefaultRules(context.ctx, params.id);
      return generateTasks(context.ctx, { agreementId: params.id });
    });
    return result.ok ? back("defaults") : result.response;
  }
  if (intent === "generate") {
    const result = await act(() => generateTasks(context.ctx, { agreementId: params.id }));
    return result.ok ? back("generated", `&antal=${result.value.created}`) : result.response;
  }
  // Save the rule set. The blank row offered for adding is dropped unless it got a title.
  const { rows, indices } = indexedRows(form, "rules");
  const kept = rows.map((r, i) => ({ r, at: indices[i]! })).filter(({ r }) => r.id || r.title?.trim());
  const rules = kept.map(({ r }) => ({
    id: r.id ?? "",
    kind: r.kind || "custom",
    title: r.title ?? "",
    month: r.month ?? "",
    day: r.day ?? "",
    intervalMonths: r.intervalMonths || "12",
    ownerUserId: r.ownerUserId ?? "",
    active: r.active === "on",
  }));
  const result = await act(
    () =>
      withRowPaths(
        async () => {
          await setCalendarRules(context.ctx, {
            agreementId: params.id,
            version: Number(formString(form, "version")) || 0,
            rules: rules as never,
          });
          return generateTasks(context.ctx, { agreementId: params.id });
        },
        { rules: kept.map((k) => k.at) },
      ),
    postedValues(form),
  );
  return result.ok ? back("saved") : result.response;
}

function monthName(locale: Locale, month: number) {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, month - 1, 1)),
  );
}

function intervalLabel(locale: Locale, months: number) {
  return (intervalChoices as readonly number[]).includes(months)
    ? t(locale, `calendar.interval.${months}`)
    : t(locale, "calendar.interval.other", { n: months });
}

export default function Calendar({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, calendar, notice, count } = loaderData;
  const { agreement, rules, tasks, members, canEdit, today } = calendar;
  const errors = actionData?.errors;
  const memberName = (id: string | null) => members.find((m) => m.id === id)?.name ?? "–";
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(locale, i + 1) }));
  const ownerOptions = members.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }));
  const intervalOptions = intervalChoices.map((n) => ({ value: String(n), label: intervalLabel(locale, n) }));
  const kindOptions = calendarRuleKinds.map((k) => ({ value: k, label: t(locale, `calendarKind.${k}`) }));
  const rows = [...rules, undefined];
  return (
    <div className="stack">
      <AgreementSubpageHeader
        agreement={agreement}
        heading={t(locale, "calendar.title")}
        locale={locale}
        errors={errors}
      >
        <p className="ds-paragraph">{t(locale, "calendar.intro")}</p>
        {notice && (
          <div className="ds-alert" data-color="success" role="status">
            {t(locale, notice, { count })}
          </div>
        )}
      </AgreementSubpageHeader>

      {rules.length ? (
        <table className="ds-table">
          <caption>{t(locale, "calendar.rules.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, "calendar.col.date")}</th>
              <th scope="col">{t(locale, "calendar.col.title")}</th>
              <th scope="col">{t(locale, "calendar.col.kind")}</th>
              <th scope="col">{t(locale, "calendar.col.interval")}</th>
              <th scope="col">{t(locale, "calendar.col.owner")}</th>
              <th scope="col">{t(locale, "calendar.col.active")}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>{t(locale, "calendar.dayMonth", { day: r.day, month: monthName(locale, r.month) })}</td>
                <th scope="row">{r.title}</th>
                <td>{t(locale, `calendarKind.${r.kind}`)}</td>
                <td>{intervalLabel(locale, r.intervalMonths)}</td>
                <td>{memberName(r.ownerUserId)}</td>
                <td>{t(locale, r.active ? "common.yes" : "common.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ds-paragraph">{t(locale, "calendar.noRules")}</p>
      )}
      <p className="ds-paragraph">{t(locale, "calendar.reviewNote")}</p>

      {canEdit && (
        <div className="tasks-buttons">
          {!rules.length && (
            <Form method="post">
              <input type="hidden" name="intent" value="defaults" />
              <SubmitButton>{t(locale, "calendar.createDefaults")}</SubmitButton>
            </Form>
          )}
          {rules.length > 0 && (
            <Form method="post">
              <input type="hidden" name="intent" value="generate" />
              <button type="submit" className="ds-button" data-variant="secondary">
                {t(locale, "calendar.generate")}
              </button>
            </Form>
          )}
        </div>
      )}

      <h2 className="ds-heading" data-size="md" id="tasks-heading">
        {t(locale, "calendar.tasks.caption")}
      </h2>
      {tasks.length ? (
        <table className="ds-table" aria-labelledby="tasks-heading">
          <thead>
            <tr>
              <th scope="col">{t(locale, "calendar.col.due")}</th>
              <th scope="col">{t(locale, "calendar.col.title")}</th>
              <th scope="col">{t(locale, "calendar.col.owner")}</th>
              <th scope="col">{t(locale, "calendar.col.status")}</th>
              <th scope="col">{t(locale, "calendar.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id}>
                <td>{task.dueOn}</td>
                <th scope="row">{task.title}</th>
                <td>{memberName(task.ownerUserId)}</td>
                <td>
                  {task.doneOn
                    ? t(locale, "task.done", { date: task.doneOn })
                    : task.dueOn < today
                      ? t(locale, "task.late")
                      : t(locale, "task.open")}
                </td>
                <td>
                  {task.canComplete && (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value={task.doneOn ? "reopen" : "complete"} />
                      <input type="hidden" name="taskId" value={task.id} />
                      <button
                        type="submit"
                        className="ds-button"
                        data-variant="secondary"
                        data-size="sm"
                        aria-label={t(locale, task.doneOn ? "task.reopenNamed" : "task.completeNamed", {
                          title: task.title,
                          date: task.dueOn,
                        })}
                      >
                        {t(locale, task.doneOn ? "task.reopen" : "task.complete")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ds-paragraph">{t(locale, "calendar.tasks.none")}</p>
      )}
      <p className="ds-paragraph">
        <a className="ds-link" href="/mina-installningar">
          {t(locale, "calendar.feedLink")}
        </a>
      </p>

      {canEdit && (
        <section aria-labelledby="edit-heading" className="stack">
          <h2 className="ds-heading" data-size="md" id="edit-heading">
            {t(locale, "calendar.edit")}
          </h2>
          <p className="ds-paragraph">{t(locale, "calendar.editIntro")}</p>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={agreement.version} />
            {rows.map((r, i) => {
              const n = (field: string) => `rules.${i}.${field}`;
              const common = { locale, errors };
              return (
                <Fieldset key={r?.id ?? "new"} legend={t(locale, "calendar.row", { n: i + 1 })}>
                  <input type="hidden" name={n("id")} value={r?.id ?? ""} />
                  <TextField
                    name={n("title")}
                    label={t(locale, "calendar.field.title")}
                    defaultValue={shown(errors, n("title"), r?.title)}
                    {...common}
                  />
                  <SelectField
                    name={n("kind")}
                    label={t(locale, "calendar.field.kind")}
                    options={kindOptions}
                    defaultValue={shown(errors, n("kind"), r?.kind ?? "custom")}
                    {...common}
                  />
                  <SelectField
                    name={n("month")}
                    label={t(locale, "calendar.field.month")}
                    options={months}
                    emptyLabel={t(locale, "common.choose")}
                    defaultValue={shown(errors, n("month"), r ? String(r.month) : "")}
                    {...common}
                  />
                  <TextField
                    name={n("day")}
                    type="number"
                    label={t(locale, "calendar.field.day")}
                    defaultValue={shown(errors, n("day"), r ? String(r.day) : "")}
                    {...common}
                  />
                  <SelectField
                    name={n("intervalMonths")}
                    label={t(locale, "calendar.field.interval")}
                    options={
                      r && !(intervalChoices as readonly number[]).includes(r.intervalMonths)
                        ? [
                            ...intervalOptions,
                            { value: String(r.intervalMonths), label: intervalLabel(locale, r.intervalMonths) },
                          ]
                        : intervalOptions
                    }
                    defaultValue={shown(errors, n("intervalMonths"), String(r?.intervalMonths ?? 12))}
                    {...common}
                  />
                  <SelectField
                    name={n("ownerUserId")}
                    label={t(locale, "calendar.field.owner")}
                    options={ownerOptions}
                    emptyLabel={t(locale, "calendar.noOwner")}
                    defaultValue={shown(errors, n("ownerUserId"), r?.ownerUserId ?? "")}
                    {...common}
                  />
                  <CheckboxField
                    name={n("active")}
                    label={t(locale, "calendar.field.active")}
                    defaultChecked={shownChecked(errors, n("active"), r?.active ?? true)}
                    {...common}
                  />
                  {r && <CheckboxField name={n("remove")} label={t(locale, "common.removeRow")} {...common} />}
                </Fieldset>
              );
            })}
            <div>
              <SubmitButton>{t(locale, "common.save")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
