import { z } from "zod";
import { daysBetween, type IsoDate } from "../shared/dates.ts";
import { requiredText, uuidSchema } from "../shared/text.ts";
import { calendarRuleKinds, type CalendarRuleKind, type PromisePeriodKind } from "./vocabulary.ts";

/** What occurrences() needs of an årshjul rule (a calendar_rules row satisfies it). */
export interface RuleTiming {
  month: number;
  day: number;
  intervalMonths: number;
}

/**
 * Rules that repeat less often than yearly (every second year) count their repetitions from this
 * year, so "every 24 months from 1 July" always lands on the same years, whenever it is generated.
 * 2024 is the first full even year after lag (2023:196) came into force.
 */
export const REFERENCE_YEAR = 2024;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const isoOf = (year: number, month: number, day: number): IsoDate => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/**
 * The dates a rule falls on between `from` and `to` (both inclusive), in order. A rule on 29
 * February falls on 28 February in other years; a 31st falls on the month's last day. Repetitions
 * are counted in months from `referenceYear`-`rule.month`, so a half-yearly rule on 1 April also
 * falls on 1 October, and a two-yearly one only in every second year.
 */
export function occurrences(rule: RuleTiming, from: IsoDate, to: IsoDate, referenceYear = REFERENCE_YEAR): IsoDate[] {
  if (from > to) return [];
  const interval = Math.max(1, Math.trunc(rule.intervalMonths));
  const anchor = referenceYear * 12 + (rule.month - 1);
  const fromMonths = Number(from.slice(0, 4)) * 12 + (Number(from.slice(5, 7)) - 1);
  let k = Math.floor((fromMonths - anchor) / interval) - 1;
  const out: IsoDate[] = [];
  for (;;) {
    const months = anchor + k * interval;
    k++;
    const year = Math.floor(months / 12);
    const month = (months % 12) + 1;
    const date = isoOf(year, month, Math.min(rule.day, daysInMonth(year, month)));
    if (date > to) return out;
    if (date >= from) out.push(date);
  }
}

/** An årshjul rule as the defaults and the form describe it. */
export interface RuleSeed {
  kind: CalendarRuleKind;
  title: string;
  month: number;
  day: number;
  intervalMonths: number;
}

/**
 * The default årshjul (DOMAIN.md §1–§4; seed 003's rhythm): start the yearly process by 1 June,
 * the shared lägesbild ready by 1 January, the promise period's start and end (a year, or the
 * half-years April–September and October–March), the yearly report to kommunstyrelsen and to the
 * LPO's leadership, and the statutory review of the lägesbild and plan (lag 2023:196), every
 * `reviewIntervalMonths`. The titles are stored data (in Swedish, as the parties write them).
 */
export function defaultRules(settings: { promisePeriod: PromisePeriodKind | string; reviewIntervalMonths: number }) {
  const halfYear = settings.promisePeriod === "half_year";
  // The half-years end on 30 September and 31 March: two yearly rules, since a half-yearly rule on
  // the 30th would land on 30 March.
  const periodEnds: RuleSeed[] = halfYear
    ? [
        { kind: "promise_period_end", title: "Medborgarlöftets period slutar", month: 9, day: 30, intervalMonths: 12 },
        { kind: "promise_period_end", title: "Medborgarlöftets period slutar", month: 3, day: 31, intervalMonths: 12 },
      ]
    : [{ kind: "promise_period_end", title: "Medborgarlöftets period slutar", month: 12, day: 31, intervalMonths: 12 }];
  const rules: RuleSeed[] = [
    { kind: "process_start", title: "Starta årets process", month: 6, day: 1, intervalMonths: 12 },
    { kind: "situation_report_due", title: "Gemensam lägesbild klar", month: 1, day: 1, intervalMonths: 12 },
    halfYear
      ? { kind: "promise_period_start", title: "Medborgarlöftets period börjar", month: 4, day: 1, intervalMonths: 6 }
      : { kind: "promise_period_start", title: "Medborgarlöftets period börjar", month: 1, day: 1, intervalMonths: 12 },
    ...periodEnds,
    { kind: "annual_report", title: "Årlig rapport till kommunstyrelsen", month: 3, day: 31, intervalMonths: 12 },
    {
      kind: "annual_report",
      title: "Årlig rapport till lokalpolisområdets ledning",
      month: 3,
      day: 31,
      intervalMonths: 12,
    },
    {
      kind: "review",
      title: "Se över lägesbild och åtgärdsplan (lag 2023:196)",
      month: 6,
      day: 30,
      intervalMonths: Math.max(1, settings.reviewIntervalMonths || 24),
    },
  ];
  return rules;
}

const monthField = z.coerce
  .number({ message: "calendar.month.invalid" })
  .int({ message: "calendar.month.invalid" })
  .min(1, { message: "calendar.month.invalid" })
  .max(12, { message: "calendar.month.invalid" });
const dayField = z.coerce
  .number({ message: "calendar.day.invalid" })
  .int({ message: "calendar.day.invalid" })
  .min(1, { message: "calendar.day.invalid" })
  .max(31, { message: "calendar.day.invalid" });

export const intervalChoices = [1, 3, 6, 12, 24, 36] as const;

export const CalendarRuleInput = z
  .object({
    /** Kept when the rule stays, so its generated tasks stay linked to it. */
    id: z.union([uuidSchema, z.literal(""), z.null()]).optional(),
    kind: z.enum(calendarRuleKinds, { message: "calendar.kind.invalid" }).default("custom"),
    title: requiredText(200),
    month: monthField,
    day: dayField,
    intervalMonths: z.coerce
      .number({ message: "calendar.interval.invalid" })
      .int({ message: "calendar.interval.invalid" })
      .min(1, { message: "calendar.interval.invalid" })
      .max(120, { message: "calendar.interval.invalid" })
      .default(12),
    ownerUserId: z
      .union([uuidSchema, z.literal(""), z.null()])
      .optional()
      .transform((v) => v || null),
    active: z.boolean().default(true),
  })
  .strict()
  // 29 February is allowed (it falls on the 28th in other years); 31 April is not.
  .refine((r) => r.day <= daysInMonth(2024, r.month), { message: "calendar.day.invalid", path: ["day"] });

export const SetCalendarRulesInput = z
  .object({
    agreementId: uuidSchema,
    /** The agreement's version: one concurrency token for everything the agreement holds. */
    version: z.number().int().positive(),
    rules: z.array(CalendarRuleInput).max(100, { message: "calendar.tooMany" }),
  })
  .strict();
export type SetCalendarRulesInput = z.input<typeof SetCalendarRulesInput>;

export const GenerateTasksInput = z
  .object({
    agreementId: uuidSchema,
    horizonDays: z.number().int().min(1).max(1100).default(400),
  })
  .strict();

export const AssignTaskInput = z
  .object({
    taskId: uuidSchema,
    ownerUserId: z
      .union([uuidSchema, z.literal(""), z.null()])
      .optional()
      .transform((v) => v || null),
  })
  .strict();

/** ISO 8601 week of a date, e.g. "2026-W49": the weekly digest's key. */
export function isoWeek(date: IsoDate): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the week's Thursday decides its year
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor(daysBetween(`${year}-01-01`, d.toISOString().slice(0, 10)) / 7);
  return `${year}-W${pad(week)}`;
}

/** What planDefaultRuleSync needs of a calendar_rules row. */
export interface SyncableRule extends RuleTiming {
  id: string;
  kind: CalendarRuleKind | string;
  position: number;
}

export interface DefaultRuleSyncPlan {
  /** Rules whose timing changes (kept id, title, owner and active flag). */
  update: { id: string; month: number; day: number; intervalMonths: number }[];
  insert: (RuleSeed & { position: number })[];
  remove: string[];
}

const promiseKinds: readonly string[] = ["promise_period_start", "promise_period_end"];
const timingKey = (r: { kind: string } & RuleTiming) => `${r.kind}:${r.month}:${r.day}:${r.intervalMonths}`;
const shapeKey = (rules: ({ kind: string } & RuleTiming)[]) => rules.map(timingKey).sort().join("|");

/**
 * The promise-period rules as the defaults have made them, for each setting – including the earlier
 * half-year shape (a half-yearly end rule on 30 September) – so they can be told from hand-made ones.
 */
function knownPromiseShapes(): string[] {
  const seeds = (promisePeriod: string) =>
    defaultRules({ promisePeriod, reviewIntervalMonths: 24 }).filter((r) => promiseKinds.includes(r.kind));
  const legacyHalfYear = [
    { kind: "promise_period_start", month: 4, day: 1, intervalMonths: 6 },
    { kind: "promise_period_end", month: 9, day: 30, intervalMonths: 6 },
  ];
  return [shapeKey(seeds("year")), shapeKey(seeds("half_year")), shapeKey(legacyHalfYear)];
}

/**
 * How an agreement's årshjul follows its settings (syncDefaultRules):
 *  - `review` rules take the setting's reviewIntervalMonths (their date stays as the parties set it);
 *  - the promise-period rules (start/end) are replaced by the current setting's defaults when they
 *    are exactly the defaults of a setting (year, half-year, or the earlier half-year shape) – a rule
 *    the parties have moved by hand, or removed, is theirs and stays as it is. Replacing keeps the ids
 *    (and so the owner, title and tasks) of as many rules of each kind as the new defaults have.
 * Custom and other rules are never touched. An empty plan means nothing to write.
 */
export function planDefaultRuleSync(
  rules: readonly SyncableRule[],
  settings: { promisePeriod: PromisePeriodKind | string; reviewIntervalMonths: number },
): DefaultRuleSyncPlan {
  const plan: DefaultRuleSyncPlan = { update: [], insert: [], remove: [] };
  const seeds = defaultRules(settings);
  const reviewInterval = seeds.find((s) => s.kind === "review")!.intervalMonths;
  for (const r of rules)
    if (r.kind === "review" && r.intervalMonths !== reviewInterval)
      plan.update.push({ id: r.id, month: r.month, day: r.day, intervalMonths: reviewInterval });

  const current = [...rules].filter((r) => promiseKinds.includes(r.kind)).sort((a, b) => a.position - b.position);
  const wanted = seeds.filter((s) => promiseKinds.includes(s.kind));
  const currentShape = shapeKey(current);
  if (!current.length || currentShape === shapeKey(wanted) || !knownPromiseShapes().includes(currentShape)) return plan;
  let nextPosition = Math.max(...rules.map((r) => r.position)) + 1;
  for (const kind of promiseKinds) {
    const have = current.filter((r) => r.kind === kind);
    const want = wanted.filter((s) => s.kind === kind);
    want.forEach((seed, i) => {
      const rule = have[i];
      if (!rule) plan.insert.push({ ...seed, position: nextPosition++ });
      else if (timingKey(rule) !== timingKey(seed))
        plan.update.push({ id: rule.id, month: seed.month, day: seed.day, intervalMonths: seed.intervalMonths });
    });
    plan.remove.push(...have.slice(want.length).map((r) => r.id));
  }
  return plan;
}

export const isEmptySyncPlan = (p: DefaultRuleSyncPlan) => !p.update.length && !p.insert.length && !p.remove.length;
