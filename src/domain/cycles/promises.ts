import { z } from "zod";
import { freeText, optionalIsoDate, optionalUuid, uuidSchema } from "../shared/text.ts";
import type { IsoDate } from "../shared/dates.ts";
import {
  promisers,
  promiseVerdicts,
  type ActionStatus,
  type PromisePeriodKind,
  type PromiseVerdict,
} from "./vocabulary.ts";

// ---------------------------------------------------------------------------------------------
// Input schemas (messages are i18n keys naming what is wrong; paths name the field)

const promiseFields = {
  cycleId: optionalUuid,
  promiser: z.enum(promisers, { message: "promise.promiser.required" }),
  /** May be empty while a draft; publishing requires it. */
  text: freeText(2000).default(""),
  periodStart: optionalIsoDate,
  periodEnd: optionalIsoDate,
  /** The actions that deliver the promise: actions of the agreement's own cycles. */
  actionIds: z.array(uuidSchema).max(200).default([]),
};

function periodInOrder(v: { periodStart: string | null; periodEnd: string | null }, ctx: z.RefinementCtx) {
  if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "promise.period.endBeforeStart" });
}

export const CreatePromiseInput = z
  .object({ agreementId: uuidSchema, ...promiseFields })
  .strict()
  .superRefine(periodInOrder);
export type CreatePromiseInput = z.input<typeof CreatePromiseInput>;

export const UpdatePromiseInput = z
  .object({
    id: uuidSchema,
    version: z.number().int().positive(),
    ...promiseFields,
    /** The promise's place in the agreement's list (kept when absent). */
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .superRefine(periodInOrder);
export type UpdatePromiseInput = z.input<typeof UpdatePromiseInput>;

/**
 * A partial update (API PATCH and the web form): the promise and the version the caller read; every
 * other field is optional and, when left out, keeps its current value. The service merges the given
 * fields over the current row (incl. the linked actions) and then parses the whole with UpdatePromiseInput.
 */
export const PatchPromiseInput = z
  .object({ id: uuidSchema, version: z.number().int().positive() })
  .catchall(z.unknown());
export type PatchPromiseInput = { id: string; version: number } & Partial<
  Record<keyof typeof promiseFields | "position", unknown>
>;

/** The fields of a promise the public sees: what publishing needs and a public promise must keep. */
export interface PublishableValues {
  text: string;
  periodStart: string | null;
  periodEnd: string | null;
}

/**
 * What stops a promise from being public: no text (field `text`), no period (`periodStart`, `periodEnd`),
 * or a period ending before it starts. `when` picks the message: before publishing, or while editing a
 * promise that is already on the public page.
 */
export function publishProblems(
  v: PublishableValues,
  when: "publish" | "public" = "publish",
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!v.text.trim()) problems.push({ path: "text", message: `promise.${when}.textRequired` });
  if (!v.periodStart) problems.push({ path: "periodStart", message: `promise.${when}.periodRequired` });
  if (!v.periodEnd) problems.push({ path: "periodEnd", message: `promise.${when}.periodRequired` });
  if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)
    problems.push({ path: "periodEnd", message: "promise.period.endBeforeStart" });
  return problems;
}

/** publish, unpublish, reopen, delete: the promise and the version the caller read. */
export const PromiseVersionInput = z.object({ id: uuidSchema, version: z.number().int().positive() }).strict();
export type PromiseVersionInput = z.input<typeof PromiseVersionInput>;

/** Closing a promise is its evaluation: "Gjorde vi det vi lovade?" and "Fick det effekt?". */
export const ClosePromiseInput = z
  .object({
    id: uuidSchema,
    version: z.number().int().positive(),
    verdict: z.enum(promiseVerdicts, { message: "promise.verdict.required" }),
    verdictText: freeText(4000).default(""),
    effectText: freeText(4000).default(""),
  })
  .strict();
export type ClosePromiseInput = z.input<typeof ClosePromiseInput>;

// ---------------------------------------------------------------------------------------------
// Periods

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

function year(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * The promise period a date falls in. "year": the calendar year. "half_year" (seed 003):
 * April–September, and October–March, which crosses the new year (2025-10-01 – 2026-03-31), so a
 * date in January–March belongs to the half-year that began the October before.
 */
export function promisePeriodContaining(kind: PromisePeriodKind, date: IsoDate): Period {
  const y = year(date);
  if (kind === "year") return { start: `${y}-01-01`, end: `${y}-12-31` };
  const month = Number(date.slice(5, 7));
  if (month >= 4 && month <= 9) return { start: `${y}-04-01`, end: `${y}-09-30` };
  const from = month >= 10 ? y : y - 1;
  return { start: `${from}-10-01`, end: `${from + 1}-03-31` };
}

/** Every period of the kind that overlaps from–to, in order. */
export function promisePeriods(kind: PromisePeriodKind, from: IsoDate, to: IsoDate): Period[] {
  if (to < from) return [];
  const out: Period[] = [];
  let p = promisePeriodContaining(kind, from);
  while (p.start <= to) {
    out.push(p);
    const next = new Date(Date.parse(`${p.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    p = promisePeriodContaining(kind, next);
  }
  return out;
}

/**
 * The period a new promise starts with: a promise tied to a cycle runs for the cycle when the
 * agreement promises by the year; otherwise the period of the agreement's kind containing `today`.
 */
export function defaultPromisePeriod(
  kind: PromisePeriodKind,
  today: IsoDate,
  cycle?: { startsOn: IsoDate; endsOn: IsoDate } | null,
): Period {
  if (cycle && kind === "year") return { start: cycle.startsOn, end: cycle.endsOn };
  return promisePeriodContaining(
    kind,
    cycle && (today < cycle.startsOn || today > cycle.endsOn) ? cycle.startsOn : today,
  );
}

// ---------------------------------------------------------------------------------------------
// Evaluation: "Gjorde vi det vi lovade?"

/**
 * The verdict the linked actions suggest: all genomförda → yes; none genomförd or delvis genomförd
 * → no; otherwise partly. Without linked actions there is nothing to go by: null, someone chooses.
 */
export function proposeVerdict(statuses: readonly ActionStatus[]): PromiseVerdict | null {
  if (statuses.length === 0) return null;
  if (statuses.every((s) => s === "done")) return "yes";
  if (!statuses.some((s) => s === "done" || s === "partly_done")) return "no";
  return "partly";
}

export type ProgressState = "no_actions" | "not_started" | "ongoing" | "done";

/** "3 av 5 åtgärder genomförda" and a plain-language state for the public page. */
export function promiseProgress(statuses: readonly ActionStatus[]): {
  done: number;
  total: number;
  state: ProgressState;
} {
  const total = statuses.length;
  const done = statuses.filter((s) => s === "done").length;
  const state: ProgressState =
    total === 0
      ? "no_actions"
      : statuses.every((s) => s === "done" || s === "partly_done" || s === "not_done" || s === "cancelled")
        ? "done"
        : statuses.every((s) => s === "planned")
          ? "not_started"
          : "ongoing";
  return { done, total, state };
}

// ---------------------------------------------------------------------------------------------
// Evaluation: "Fick det effekt?"

export interface EffectInput {
  indicator: {
    name: string;
    unit: string;
    direction: string;
    values: readonly { year: number; value: number | null; suppressed: boolean }[];
  };
  baselineYear: number | null;
  baselineValue: number | null;
  targetValue: number | null;
  targetYear: number | null;
}

export type EffectTrend = "better" | "worse" | "unchanged" | "unknown";

export interface EffectSummary {
  name: string;
  unit: string;
  direction: "decrease" | "increase";
  baseline: { year: number | null; value: number } | null;
  latest: { year: number; value: number } | null;
  /** latest − baseline, when both are known. */
  change: number | null;
  trend: EffectTrend;
  target: { year: number | null; value: number } | null;
  /** Whether the latest value reaches the target (by direction), when both are known. */
  targetReached: boolean | null;
  /** Years whose value was suppressed (small cells in Brå/NTU tables) or missing. */
  suppressedYears: number[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * An indicator's movement against the action's baseline. The baseline is the action's own value, or
 * the indicator's value of the baseline year; the latest is the newest year with a usable value after
 * it. Suppressed or missing values are never used as numbers, only listed.
 */
export function effectSummary(input: EffectInput): EffectSummary {
  const direction = input.indicator.direction === "increase" ? "increase" : "decrease";
  const usable = input.indicator.values
    .filter((v): v is { year: number; value: number; suppressed: boolean } => !v.suppressed && v.value !== null)
    .filter((v) => Number.isFinite(v.value))
    .sort((a, b) => a.year - b.year);
  const suppressedYears = input.indicator.values
    .filter((v) => v.suppressed || v.value === null)
    .map((v) => v.year)
    .sort((a, b) => a - b);
  let baseline: EffectSummary["baseline"] = null;
  if (input.baselineValue !== null) baseline = { year: input.baselineYear, value: input.baselineValue };
  else if (input.baselineYear !== null) {
    const v = usable.find((u) => u.year === input.baselineYear);
    if (v) baseline = { year: v.year, value: v.value };
  } else if (usable.length > 0) baseline = { year: usable[0]!.year, value: usable[0]!.value };
  const after = usable.filter((u) => baseline === null || baseline.year === null || u.year > baseline.year);
  const last = after[after.length - 1];
  const latest = last ? { year: last.year, value: last.value } : null;
  const change = baseline && latest ? round(latest.value - baseline.value) : null;
  const trend: EffectTrend =
    change === null
      ? "unknown"
      : change === 0
        ? "unchanged"
        : change < 0 === (direction === "decrease")
          ? "better"
          : "worse";
  const target = input.targetValue !== null ? { year: input.targetYear, value: input.targetValue } : null;
  const targetReached =
    target && latest ? (direction === "decrease" ? latest.value <= target.value : latest.value >= target.value) : null;
  return {
    name: input.indicator.name,
    unit: input.indicator.unit,
    direction,
    baseline,
    latest,
    change,
    trend,
    target,
    targetReached,
    suppressedYears,
  };
}
