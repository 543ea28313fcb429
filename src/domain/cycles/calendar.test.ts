import { describe, expect, it } from "vitest";
import {
  CalendarRuleInput,
  defaultRules,
  isEmptySyncPlan,
  isoWeek,
  occurrences,
  planDefaultRuleSync,
  type SyncableRule,
} from "./calendar.ts";

describe("occurrences", () => {
  it("gives a yearly rule once a year within the range, both ends inclusive", () => {
    expect(occurrences({ month: 6, day: 1, intervalMonths: 12 }, "2025-06-01", "2027-06-01")).toEqual([
      "2025-06-01",
      "2026-06-01",
      "2027-06-01",
    ]);
    expect(occurrences({ month: 6, day: 1, intervalMonths: 12 }, "2025-06-02", "2026-05-31")).toEqual([]);
  });

  it("moves 29 February to the 28th in other years and keeps it in leap years", () => {
    expect(occurrences({ month: 2, day: 29, intervalMonths: 12 }, "2027-01-01", "2029-12-31")).toEqual([
      "2027-02-28",
      "2028-02-29",
      "2029-02-28",
    ]);
  });

  it("moves a 31st to the month's last day", () => {
    expect(occurrences({ month: 3, day: 31, intervalMonths: 6 }, "2026-01-01", "2026-12-31")).toEqual([
      "2026-03-31",
      "2026-09-30",
    ]);
  });

  it("gives a half-yearly rule on 1 April and 1 October", () => {
    expect(occurrences({ month: 4, day: 1, intervalMonths: 6 }, "2026-01-01", "2027-01-01")).toEqual([
      "2026-04-01",
      "2026-10-01",
    ]);
  });

  it("counts a two-yearly rule from the reference year, whatever the range starts on", () => {
    const rule = { month: 6, day: 30, intervalMonths: 24 };
    expect(occurrences(rule, "2025-01-01", "2030-12-31", 2024)).toEqual(["2026-06-30", "2028-06-30", "2030-06-30"]);
    expect(occurrences(rule, "2027-01-01", "2029-12-31", 2024)).toEqual(["2028-06-30"]);
    expect(occurrences(rule, "2025-01-01", "2027-12-31", 2025)).toEqual(["2025-06-30", "2027-06-30"]);
  });

  it("gives nothing for an empty range", () => {
    expect(occurrences({ month: 1, day: 1, intervalMonths: 12 }, "2026-02-01", "2026-01-01")).toEqual([]);
  });
});

describe("defaultRules", () => {
  it("uses half-years for the promise period when the agreement says so", () => {
    const year = defaultRules({ promisePeriod: "year", reviewIntervalMonths: 24 });
    const half = defaultRules({ promisePeriod: "half_year", reviewIntervalMonths: 36 });
    expect(year.find((r) => r.kind === "promise_period_start")).toMatchObject({ month: 1, intervalMonths: 12 });
    expect(half.find((r) => r.kind === "promise_period_start")).toMatchObject({ month: 4, day: 1, intervalMonths: 6 });
    expect(half.find((r) => r.kind === "review")).toMatchObject({ intervalMonths: 36 });
    // The half-years end on 30 September and 31 March (a half-yearly rule on the 30th would give 30 March).
    const ends = half
      .filter((r) => r.kind === "promise_period_end")
      .flatMap((r) => occurrences(r, "2025-01-01", "2025-12-31"));
    expect(ends.sort()).toEqual(["2025-03-31", "2025-09-30"]);
    expect(year.find((r) => r.kind === "process_start")).toMatchObject({ month: 6, day: 1 });
    expect(year.find((r) => r.kind === "situation_report_due")).toMatchObject({ month: 1, day: 1 });
    expect(year.filter((r) => r.kind === "annual_report")).toHaveLength(2);
  });
});

describe("CalendarRuleInput", () => {
  it("accepts 29 February and refuses 31 April on the day field", () => {
    expect(CalendarRuleInput.safeParse({ title: "Skottdag", month: 2, day: 29 }).success).toBe(true);
    const bad = CalendarRuleInput.safeParse({ title: "X", month: 4, day: 31 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["day"], message: "calendar.day.invalid" });
  });
});

describe("isoWeek", () => {
  it("follows ISO 8601 across year ends", () => {
    expect(isoWeek("2026-12-01")).toBe("2026-W49");
    expect(isoWeek("2021-01-03")).toBe("2020-W53");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(isoWeek("2026-01-01")).toBe("2026-W01");
  });
});

describe("planDefaultRuleSync", () => {
  const asRules = (settings: { promisePeriod: string; reviewIntervalMonths: number }): SyncableRule[] =>
    defaultRules(settings).map((r, position) => ({ ...r, id: `rule-${position}`, position }));
  const year = asRules({ promisePeriod: "year", reviewIntervalMonths: 24 });

  it("plans nothing when the rules already follow the settings", () => {
    expect(isEmptySyncPlan(planDefaultRuleSync(year, { promisePeriod: "year", reviewIntervalMonths: 24 }))).toBe(true);
    const half = asRules({ promisePeriod: "half_year", reviewIntervalMonths: 36 });
    expect(isEmptySyncPlan(planDefaultRuleSync(half, { promisePeriod: "half_year", reviewIntervalMonths: 36 }))).toBe(
      true,
    );
  });

  it("moves the review rule to the setting's interval, keeping its date", () => {
    const moved = year.map((r) => (r.kind === "review" ? { ...r, month: 9, day: 15 } : r));
    const plan = planDefaultRuleSync(moved, { promisePeriod: "year", reviewIntervalMonths: 12 });
    expect(plan).toEqual({ update: [{ id: "rule-6", month: 9, day: 15, intervalMonths: 12 }], insert: [], remove: [] });
  });

  it("turns the yearly promise period into half-years and back, keeping ids where it can", () => {
    const toHalf = planDefaultRuleSync(year, { promisePeriod: "half_year", reviewIntervalMonths: 24 });
    expect(toHalf.update).toEqual([
      { id: "rule-2", month: 4, day: 1, intervalMonths: 6 },
      { id: "rule-3", month: 9, day: 30, intervalMonths: 12 },
    ]);
    expect(toHalf.insert).toEqual([
      expect.objectContaining({ kind: "promise_period_end", month: 3, day: 31, intervalMonths: 12, position: 7 }),
    ]);
    expect(toHalf.remove).toEqual([]);
    const half = asRules({ promisePeriod: "half_year", reviewIntervalMonths: 24 });
    const toYear = planDefaultRuleSync(half, { promisePeriod: "year", reviewIntervalMonths: 24 });
    expect(toYear.update).toEqual([
      { id: "rule-2", month: 1, day: 1, intervalMonths: 12 },
      { id: "rule-3", month: 12, day: 31, intervalMonths: 12 },
    ]);
    expect(toYear.remove).toEqual(["rule-4"]);
  });

  it("leaves promise-period rules the parties moved or removed by hand, and custom rules, alone", () => {
    const moved = year.map((r) => (r.kind === "promise_period_start" ? { ...r, month: 2 } : r));
    expect(isEmptySyncPlan(planDefaultRuleSync(moved, { promisePeriod: "half_year", reviewIntervalMonths: 24 }))).toBe(
      true,
    );
    const removed = year.filter((r) => !r.kind.startsWith("promise_period"));
    expect(
      isEmptySyncPlan(planDefaultRuleSync(removed, { promisePeriod: "half_year", reviewIntervalMonths: 24 })),
    ).toBe(true);
    const custom: SyncableRule = { id: "c", kind: "custom", month: 1, day: 1, intervalMonths: 12, position: 9 };
    const plan = planDefaultRuleSync([...year, custom], { promisePeriod: "half_year", reviewIntervalMonths: 24 });
    expect([...plan.update.map((u) => u.id), ...plan.remove]).not.toContain("c");
  });
});
