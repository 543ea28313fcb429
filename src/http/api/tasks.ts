import { z } from "zod";
import { calendarRuleKinds } from "../../domain/cycles/vocabulary.ts";
import {
  completeTask,
  generateTasks,
  getCalendar,
  listCalendarRules,
  reopenTask,
  setCalendarRules,
  assignTask,
} from "../../services/tasks/calendar.ts";
import { getMySettings, rotateFeedKey, setDigestEnabled } from "../../services/tasks/feeds.ts";
import { OneClickInput, applyOneClick, readOneClick } from "../../services/tasks/one-click.ts";
import { buildTodoList } from "../../services/tasks/todo.ts";
import { param, type RouteSpec } from "./router.ts";

const RuleOut = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    position: z.number(),
    kind: z.enum(calendarRuleKinds),
    title: z.string(),
    month: z.number(),
    day: z.number(),
    intervalMonths: z.number(),
    ownerUserId: z.uuid().nullable(),
    active: z.boolean(),
  })
  .openapi("CalendarRule");
const TaskOut = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    ruleId: z.uuid().nullable(),
    title: z.string(),
    dueOn: z.string(),
    ownerUserId: z.uuid().nullable(),
    doneOn: z.string().nullable(),
    doneByUserId: z.uuid().nullable(),
  })
  .passthrough()
  .openapi("Task");
const RuleIn = z.object({
  id: z.uuid().optional(),
  kind: z.enum(calendarRuleKinds).optional(),
  title: z.string(),
  month: z.number().int(),
  day: z.number().int(),
  intervalMonths: z.number().int().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
const TodoLineOut = z
  .object({ kind: z.enum(["task", "action"]), id: z.uuid(), title: z.string(), href: z.string() })
  .passthrough();
const TokenParam = z.object({ token: z.string() });
const MySettingsOut = z
  .object({
    digestEnabled: z.boolean(),
    userFeedUrl: z.string(),
    agreementFeeds: z.array(z.object({ agreementId: z.uuid(), title: z.string(), url: z.string() })),
  })
  .openapi("MySettings");

/** The tasks endpoints under /api/v1; each declaration feeds Express and the OpenAPI document. */
export function registerTaskRoutes(add: (spec: RouteSpec) => void): void {
  add({
    method: "get",
    path: "/agreements/{id}/calendar",
    summary: "The agreement's årshjul: its recurring deadlines (rules)",
    tag: "Årshjul and tasks",
    response: z.array(RuleOut),
    handle: (ctx, req) => listCalendarRules(ctx, param(req, "id")),
  });
  add({
    method: "put",
    path: "/agreements/{id}/calendar",
    summary:
      "Replace the årshjul's rules (send the agreement's version; rules sent with their id keep it and their tasks)",
    tag: "Årshjul and tasks",
    body: z.object({ version: z.number().int(), rules: z.array(RuleIn) }),
    response: z.object({ version: z.number(), rules: z.array(RuleOut) }),
    handle: (ctx, req) => setCalendarRules(ctx, { ...(req.body as object), agreementId: param(req, "id") } as never),
  });
  add({
    method: "post",
    path: "/agreements/{id}/calendar/generate",
    summary: "Make the dated tasks of the active rules up to horizonDays ahead (idempotent)",
    tag: "Årshjul and tasks",
    body: z.object({ horizonDays: z.number().int().optional() }),
    response: z.object({ created: z.number(), from: z.string(), to: z.string() }),
    handle: (ctx, req) => generateTasks(ctx, { ...(req.body as object), agreementId: param(req, "id") }),
  });
  add({
    method: "get",
    path: "/agreements/{id}/tasks",
    summary: "The agreement's tasks: all open ones and those of the last year",
    tag: "Årshjul and tasks",
    response: z.array(TaskOut),
    handle: async (ctx, req) => (await getCalendar(ctx, param(req, "id"))).tasks,
  });
  add({
    method: "post",
    path: "/tasks/{id}/complete",
    summary: "Mark a task done (the agreement's editors or the task's owner)",
    tag: "Årshjul and tasks",
    response: TaskOut,
    handle: (ctx, req) => completeTask(ctx, { taskId: param(req, "id") }),
  });
  add({
    method: "post",
    path: "/tasks/{id}/reopen",
    summary: "Mark a done task as not done",
    tag: "Årshjul and tasks",
    response: TaskOut,
    handle: (ctx, req) => reopenTask(ctx, { taskId: param(req, "id") }),
  });
  add({
    method: "put",
    path: "/tasks/{id}/owner",
    summary: "Give a task to a member of a party organisation, or to nobody (editors)",
    tag: "Årshjul and tasks",
    body: z.object({ ownerUserId: z.uuid().nullable() }),
    response: TaskOut,
    handle: (ctx, req) => assignTask(ctx, { ...(req.body as object), taskId: param(req, "id") }),
  });
  add({
    method: "get",
    path: "/me/todo",
    summary: "Your “Att göra” list: overdue, upcoming (30 days) and actions waiting for an update",
    tag: "Årshjul and tasks",
    response: z.object({
      today: z.string(),
      overdue: z.array(TodoLineOut),
      upcoming: z.array(TodoLineOut),
      waiting: z.array(TodoLineOut),
    }),
    handle: (ctx) => buildTodoList(ctx),
  });
  add({
    method: "get",
    path: "/me/feeds",
    summary: "Your secret iCal feed URLs and whether the weekly digest is on",
    tag: "Årshjul and tasks",
    response: MySettingsOut,
    handle: (ctx) => getMySettings(ctx),
  });
  add({
    method: "put",
    path: "/me/digest",
    summary: "Switch your weekly “Att göra” e-mail on or off",
    tag: "Årshjul and tasks",
    body: z.object({ enabled: z.boolean() }),
    response: z.object({ digestEnabled: z.boolean() }),
    handle: (ctx, req) =>
      setDigestEnabled(ctx, { enabled: (req.body as { enabled?: unknown } | undefined)?.enabled as boolean }),
  });
  add({
    method: "post",
    path: "/me/feeds/rotate",
    summary: "Change the address of your iCal feeds (“Byt adress”): every old feed URL stops working at once",
    tag: "Årshjul and tasks",
    response: MySettingsOut,
    handle: async (ctx) => {
      await rotateFeedKey(ctx);
      return getMySettings(ctx);
    },
  });
  // The one-click link of the weekly digest, for clients that are not a browser; the token is the
  // only credential (400 invalid or expired, 409 used, 403 no longer allowed).
  add({
    method: "get",
    path: "/one-click/{token}",
    summary: "What a one-click link from the weekly digest would update (no sign-in; the token is the credential)",
    tag: "Årshjul and tasks",
    public: true,
    params: TokenParam,
    response: z
      .object({ action: z.object({ id: z.uuid(), title: z.string(), status: z.string() }).passthrough() })
      .passthrough(),
    handle: (ctx, req) => readOneClick(ctx, param(req, "token")),
  });
  add({
    method: "post",
    path: "/one-click/{token}",
    summary: "Use a one-click link: set the action's status and/or add a note, as the link's user",
    tag: "Årshjul and tasks",
    public: true,
    params: TokenParam,
    body: OneClickInput,
    response: z
      .object({ action: z.object({ id: z.uuid(), status: z.string(), version: z.number() }).passthrough() })
      .passthrough(),
    handle: (ctx, req) => applyOneClick(ctx, param(req, "token"), req.body as never),
  });
}
