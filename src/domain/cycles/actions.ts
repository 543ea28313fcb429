import { z } from "zod";
import type { FieldError } from "../../errors.ts";
import { daysBetween } from "../shared/dates.ts";
import { freeText, optionalIsoDate, optionalUuid, requiredFreeText, uuidSchema } from "../shared/text.ts";
import { optionalNumber } from "./follow-ups.ts";
import { actionHorizons, actionKinds, actionStatuses, type ActionStatus } from "./vocabulary.ts";

/** An optional id from a form or JSON: "" and null mean none. */
export const optionalId = optionalUuid;

/** A calendar year (for baselines and targets): "" and null mean none. */
export const optionalYear = optionalNumber.refine(
  (v) => v === null || (Number.isInteger(v) && v >= 1900 && v <= 2200),
  {
    message: "action.year.invalid",
  },
);

const notNegative = optionalNumber.refine((v) => v === null || v >= 0, { message: "validation.notNegative" });

/** Every field of an action (åtgärdsplan row) a user sets; the same for create and a full update. */
export const actionFields = {
  cycleFocusAreaId: optionalId,
  causeId: optionalId,
  title: requiredFreeText(300),
  description: freeText(4000).default(""),
  kind: z.enum(actionKinds).default("situational"),
  horizon: z.enum(actionHorizons).default("short"),
  /** Responsible organisations, in order; at least one. */
  responsibleIds: z.array(uuidSchema).max(20).default([]),
  contactPerson: freeText(200).default(""),
  participants: freeText(2000).default(""),
  startsOn: optionalIsoDate,
  deadline: optionalIsoDate,
  quantityTarget: freeText(500).default(""),
  followUpMethod: freeText(2000).default(""),
  followUpFrequency: freeText(200).default(""),
  goal: freeText(2000).default(""),
  indicatorId: optionalId,
  baselineYear: optionalYear,
  baselineValue: optionalNumber,
  targetValue: optionalNumber,
  targetYear: optionalYear,
  status: z.enum(actionStatuses).default("planned"),
  outcomeNote: freeText(4000).default(""),
  hoursSpent: notNegative,
};

export const CreateActionInput = z.object({ cycleId: uuidSchema, ...actionFields }).strict();
export type CreateActionInput = z.input<typeof CreateActionInput>;
export type ActionData = Omit<z.output<typeof CreateActionInput>, "cycleId">;

/** A full update: every field as for create, plus the version read. */
export const ActionValues = z.object(actionFields).strict();

/** A partial update (API PATCH and the web edit form): fields left out keep their value. */
export const UpdateActionInput = z
  .object({ id: uuidSchema, version: z.number().int().positive() })
  .catchall(z.unknown());
export type UpdateActionInput = { id: string; version: number } & Partial<Record<keyof typeof actionFields, unknown>>;

/** A delete carries the version read, like an update: a stale one is refused (CONFLICT). */
export const DeleteActionInput = z.object({ id: uuidSchema, version: z.number().int().positive() }).strict();
export type DeleteActionInput = z.input<typeof DeleteActionInput>;

/** What an action's owners may change: status, outcome and hours. */
export const ActionProgressInput = z
  .object({
    actionId: uuidSchema,
    version: z.number().int().positive(),
    status: z.enum(actionStatuses),
    outcomeNote: freeText(4000).default(""),
    hoursSpent: notNegative,
  })
  .strict();
export type ActionProgressInput = z.input<typeof ActionProgressInput>;

export const AdoptActionPlanInput = z
  .object({
    cycleId: uuidSchema,
    version: z.number().int().positive(),
    bodyId: uuidSchema,
    adoptedOn: optionalIsoDate.refine((v) => v !== null, { message: "validation.required" }),
  })
  .strict();
export type AdoptActionPlanInput = z.input<typeof AdoptActionPlanInput>;

export const WithdrawActionPlanInput = z.object({ cycleId: uuidSchema, version: z.number().int().positive() }).strict();
export type WithdrawActionPlanInput = z.input<typeof WithdrawActionPlanInput>;

/** What is true of the cycle and agreement an action is checked against. */
export interface ActionContext {
  cycle: { startsOn: string; endsOn: string };
  focusAreaIds: readonly string[];
  causeIds: readonly string[];
  indicatorIds: readonly string[];
  /** Organisations that exist (of those named in responsibleIds). */
  organisationIds: readonly string[];
}

type Checked = Pick<
  ActionData,
  | "cycleFocusAreaId"
  | "causeId"
  | "responsibleIds"
  | "startsOn"
  | "deadline"
  | "indicatorId"
  | "baselineYear"
  | "baselineValue"
  | "targetValue"
  | "targetYear"
>;

/**
 * The rules an action must keep beyond its fields' own shapes, each answered on the field to
 * correct: dates inside the cycle, a target measured from a baseline, references into this cycle.
 */
export function actionRuleErrors(a: Checked, c: ActionContext): FieldError[] {
  const errors: FieldError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (a.responsibleIds.length === 0) err("responsibleIds", "action.responsibleIds.required");
  else if (new Set(a.responsibleIds).size !== a.responsibleIds.length)
    err("responsibleIds", "action.responsibleIds.duplicate");
  else if (a.responsibleIds.some((id) => !c.organisationIds.includes(id)))
    err("responsibleIds", "action.responsibleIds.unknown");
  const outside = (d: string) => d < c.cycle.startsOn || d > c.cycle.endsOn;
  if (a.startsOn && outside(a.startsOn)) err("startsOn", "action.startsOn.outsideCycle");
  if (a.deadline && outside(a.deadline)) err("deadline", "action.deadline.outsideCycle");
  else if (a.startsOn && a.deadline && a.startsOn > a.deadline) err("deadline", "action.deadline.beforeStart");
  const hasTarget = a.targetValue !== null || a.targetYear !== null || a.baselineValue !== null;
  if (hasTarget && a.baselineYear === null) err("baselineYear", "action.baselineYear.required");
  if (a.baselineYear !== null && a.targetYear !== null && a.targetYear < a.baselineYear)
    err("targetYear", "action.targetYear.beforeBaseline");
  if (a.cycleFocusAreaId && !c.focusAreaIds.includes(a.cycleFocusAreaId))
    err("cycleFocusAreaId", "action.cycleFocusAreaId.unknown");
  if (a.causeId && !c.causeIds.includes(a.causeId)) err("causeId", "action.causeId.unknown");
  if (a.indicatorId && !c.indicatorIds.includes(a.indicatorId)) err("indicatorId", "action.indicatorId.unknown");
  return errors;
}

export type StatusCounts = Record<ActionStatus, number> & { total: number };

/** How many actions are in each status: the annual follow-up's "genomförda / delvis / ej …". */
export function statusCounts(actions: readonly { status: ActionStatus }[]): StatusCounts {
  const counts: StatusCounts = {
    planned: 0,
    ongoing: 0,
    done: 0,
    partly_done: 0,
    not_done: 0,
    cancelled: 0,
    total: actions.length,
  };
  for (const a of actions) counts[a.status]++;
  return counts;
}

/** Whole days since an instant, in Swedish calendar days (0 = today). */
export function daysSince(then: Date, now: Date, toDate: (d: Date) => string): number {
  const from = toDate(then);
  const to = toDate(now);
  return Math.max(0, daysBetween(from, to));
}
