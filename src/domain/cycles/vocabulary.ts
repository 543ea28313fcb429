/**
 * The yearly cycle's fixed vocabularies (DOMAIN.md §2–§4, §6). The database enums in
 * src/db/schema.ts hold the same values; i18n keys are `<name>.<value>` (e.g. `actionStatus.done`).
 */
export const actionStatuses = ["planned", "ongoing", "done", "partly_done", "not_done", "cancelled"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
/** Statuses after which nothing more is expected of an action. */
export const finishedActionStatuses: readonly ActionStatus[] = ["done", "partly_done", "not_done", "cancelled"];
export const isActionOpen = (status: ActionStatus) => !finishedActionStatuses.includes(status);

export const actionKinds = ["situational", "social"] as const;
export const actionHorizons = ["short", "long"] as const;
export const causeAxes = ["victim", "offender", "place"] as const;
export type CauseAxis = (typeof causeAxes)[number];
export const promisers = ["police", "kommun", "together"] as const;
export type Promiser = (typeof promisers)[number];
export const promiseStatuses = ["draft", "published", "closed"] as const;
export const promiseVerdicts = ["yes", "partly", "no"] as const;
export type PromiseVerdict = (typeof promiseVerdicts)[number];
export const followUpKinds = ["production", "process", "effect"] as const;
export type FollowUpKind = (typeof followUpKinds)[number];
export const cycleStatuses = ["draft", "active", "closed"] as const;
export const calendarRuleKinds = [
  "process_start",
  "situation_report_due",
  "promise_period_start",
  "promise_period_end",
  "annual_report",
  "review",
  "custom",
] as const;
export type CalendarRuleKind = (typeof calendarRuleKinds)[number];
export const promisePeriodKinds = ["year", "half_year"] as const;
export type PromisePeriodKind = (typeof promisePeriodKinds)[number];
export const indicatorDirections = ["decrease", "increase"] as const;

/** The lägesbild's default source checklist (DOMAIN.md §3); an agreement edits its own copy. */
export const defaultSituationSources = [
  { key: "police_statistics", label: "Polisens brottsstatistik", mandatory: true },
  { key: "bra_statistics", label: "Brås kriminalstatistik och NTU", mandatory: false },
  { key: "safety_survey", label: "Trygghetsmätning", mandatory: true },
  { key: "citizen_dialogue", label: "Medborgardialoger och enkäter", mandatory: false },
  { key: "staff_dialogue", label: "Medarbetardialoger", mandatory: false },
  { key: "safety_walk", label: "Trygghetsvandringar", mandatory: false },
  { key: "est_reports", label: "EST-rapporter", mandatory: false },
  { key: "operational_bra", label: "BRÅ / operativt BRÅ", mandatory: false },
] as const;
