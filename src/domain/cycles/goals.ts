/** Whether an action's measurable goal was reached, judged from its indicator's values. */
export type GoalStatus = "met" | "not_met" | "no_data";

export interface GoalIndicator {
  /** "decrease": lower is better (fewer crimes); "increase": higher is better (more feel safe). */
  direction: string;
  values: readonly { year: number; value: number | null }[];
}

export interface GoalAction {
  targetValue: number | null;
  targetYear: number | null;
}

/** The indicator's values with a number, oldest year first (suppressed or missing cells are left out). */
export function indicatorTrend(indicator: GoalIndicator): { year: number; value: number }[] {
  return indicator.values
    .filter((v): v is { year: number; value: number } => typeof v.value === "number" && Number.isFinite(v.value))
    .map((v) => ({ year: v.year, value: v.value }))
    .sort((a, b) => a.year - b.year);
}

/**
 * "met" when the indicator's value for the target year is at or beyond the target in the
 * indicator's direction; "no_data" when there is no target, no indicator, or no value for the target
 * year or after it (a suppressed cell, or not measured so far – an older value says nothing about
 * the target year). Without a target year the latest value counts; with one, the latest later
 * year's value stands in for a target year that is suppressed or was never measured.
 */
export function goalStatus(action: GoalAction, indicator: GoalIndicator | null | undefined): GoalStatus {
  if (action.targetValue === null || !indicator) return "no_data";
  const trend = indicatorTrend(indicator);
  const targetYear = action.targetYear;
  const measured =
    targetYear === null
      ? trend.at(-1)
      : (trend.find((v) => v.year === targetYear) ?? trend.filter((v) => v.year > targetYear).at(-1));
  if (!measured) return "no_data";
  const met =
    indicator.direction === "increase" ? measured.value >= action.targetValue : measured.value <= action.targetValue;
  return met ? "met" : "not_met";
}
