import { describe, expect, it } from "vitest";
import {
  ClosePromiseInput,
  CreatePromiseInput,
  defaultPromisePeriod,
  effectSummary,
  promisePeriodContaining,
  promisePeriods,
  promiseProgress,
  proposeVerdict,
  publishProblems,
  type EffectInput,
} from "./promises.ts";

describe("promisePeriodContaining", () => {
  it("year: the calendar year", () => {
    expect(promisePeriodContaining("year", "2025-06-15")).toEqual({ start: "2025-01-01", end: "2025-12-31" });
    expect(promisePeriodContaining("year", "2024-12-31")).toEqual({ start: "2024-01-01", end: "2024-12-31" });
  });

  it("half_year: April–September", () => {
    expect(promisePeriodContaining("half_year", "2025-04-01")).toEqual({ start: "2025-04-01", end: "2025-09-30" });
    expect(promisePeriodContaining("half_year", "2025-09-30")).toEqual({ start: "2025-04-01", end: "2025-09-30" });
  });

  it("half_year: October–March crosses the new year", () => {
    const octMar = { start: "2025-10-01", end: "2026-03-31" };
    expect(promisePeriodContaining("half_year", "2025-10-01")).toEqual(octMar);
    expect(promisePeriodContaining("half_year", "2025-12-31")).toEqual(octMar);
    expect(promisePeriodContaining("half_year", "2026-01-01")).toEqual(octMar);
    expect(promisePeriodContaining("half_year", "2026-03-31")).toEqual(octMar);
    expect(promisePeriodContaining("half_year", "2026-04-01")).toEqual({ start: "2026-04-01", end: "2026-09-30" });
  });

  it("leap years: 29 February belongs to the half-year begun the October before", () => {
    expect(promisePeriodContaining("half_year", "2024-02-29")).toEqual({ start: "2023-10-01", end: "2024-03-31" });
    expect(promisePeriodContaining("year", "2024-02-29")).toEqual({ start: "2024-01-01", end: "2024-12-31" });
  });
});

describe("promisePeriods", () => {
  it("lists the half-years overlapping a range, across new years", () => {
    expect(promisePeriods("half_year", "2025-05-10", "2026-11-01")).toEqual([
      { start: "2025-04-01", end: "2025-09-30" },
      { start: "2025-10-01", end: "2026-03-31" },
      { start: "2026-04-01", end: "2026-09-30" },
      { start: "2026-10-01", end: "2027-03-31" },
    ]);
  });

  it("lists years, across a leap year", () => {
    expect(promisePeriods("year", "2023-12-31", "2025-01-01").map((p) => p.start)).toEqual([
      "2023-01-01",
      "2024-01-01",
      "2025-01-01",
    ]);
  });

  it("gives nothing for a range that ends before it starts, one period for a single day", () => {
    expect(promisePeriods("year", "2025-02-01", "2025-01-01")).toEqual([]);
    expect(promisePeriods("half_year", "2024-02-29", "2024-02-29")).toEqual([
      { start: "2023-10-01", end: "2024-03-31" },
    ]);
  });
});

describe("defaultPromisePeriod", () => {
  const cycle = { startsOn: "2025-07-01", endsOn: "2026-06-30" };
  it("a yearly promise tied to a cycle runs for the cycle", () => {
    expect(defaultPromisePeriod("year", "2025-08-01", cycle)).toEqual({ start: "2025-07-01", end: "2026-06-30" });
  });
  it("half-years: the half-year of today, or of the cycle's start when today is outside the cycle", () => {
    expect(defaultPromisePeriod("half_year", "2025-11-01", cycle)).toEqual({ start: "2025-10-01", end: "2026-03-31" });
    expect(defaultPromisePeriod("half_year", "2024-11-01", cycle)).toEqual({ start: "2025-04-01", end: "2025-09-30" });
  });
  it("without a cycle: the period containing today", () => {
    expect(defaultPromisePeriod("year", "2026-02-01")).toEqual({ start: "2026-01-01", end: "2026-12-31" });
  });
});

describe("proposeVerdict", () => {
  it("all genomförda → yes", () => expect(proposeVerdict(["done", "done"])).toBe("yes"));
  it("none genomförd or delvis → no", () => expect(proposeVerdict(["planned", "not_done", "cancelled"])).toBe("no"));
  it("some → partly", () => {
    expect(proposeVerdict(["done", "not_done"])).toBe("partly");
    expect(proposeVerdict(["partly_done", "partly_done"])).toBe("partly");
    expect(proposeVerdict(["partly_done", "ongoing"])).toBe("partly");
  });
  it("no linked actions → null (someone must choose)", () => expect(proposeVerdict([])).toBeNull());
});

describe("promiseProgress", () => {
  it("counts genomförda and says where it stands", () => {
    expect(promiseProgress(["done", "done", "done", "ongoing", "planned"])).toEqual({
      done: 3,
      total: 5,
      state: "ongoing",
    });
    expect(promiseProgress(["planned", "planned"]).state).toBe("not_started");
    expect(promiseProgress(["done", "cancelled"]).state).toBe("done");
    expect(promiseProgress([])).toEqual({ done: 0, total: 0, state: "no_actions" });
  });
});

describe("effectSummary", () => {
  const base: EffectInput = {
    indicator: {
      name: "Anmälda bostadsinbrott",
      unit: "per 100 000",
      direction: "decrease",
      values: [
        { year: 2022, value: 300, suppressed: false },
        { year: 2023, value: 280, suppressed: false },
        { year: 2024, value: null, suppressed: true },
        { year: 2025, value: 240, suppressed: false },
      ],
    },
    baselineYear: 2022,
    baselineValue: null,
    targetValue: 250,
    targetYear: 2025,
  };

  it("fewer crimes is better: baseline from the indicator's year, latest usable value, target reached", () => {
    const s = effectSummary(base);
    expect(s.baseline).toEqual({ year: 2022, value: 300 });
    expect(s.latest).toEqual({ year: 2025, value: 240 });
    expect(s.change).toBe(-60);
    expect(s.trend).toBe("better");
    expect(s.targetReached).toBe(true);
    expect(s.suppressedYears).toEqual([2024]);
  });

  it("more who feel safe is better; a fall is worse", () => {
    const s = effectSummary({
      ...base,
      indicator: { ...base.indicator, direction: "increase" },
      targetValue: 320,
    });
    expect(s.trend).toBe("worse");
    expect(s.targetReached).toBe(false);
  });

  it("the action's own baseline value wins; the latest value is not a suppressed one", () => {
    const s = effectSummary({
      ...base,
      baselineYear: 2023,
      baselineValue: 240,
      indicator: {
        ...base.indicator,
        values: [
          { year: 2023, value: 999, suppressed: false },
          { year: 2025, value: 240, suppressed: false },
          { year: 2026, value: 5, suppressed: true },
        ],
      },
    });
    expect(s.baseline).toEqual({ year: 2023, value: 240 });
    expect(s.latest).toEqual({ year: 2025, value: 240 });
    expect(s.trend).toBe("unchanged");
  });

  it("nothing known after the baseline → unknown, no change", () => {
    const s = effectSummary({
      ...base,
      baselineYear: 2025,
      indicator: { ...base.indicator, values: [{ year: 2025, value: 240, suppressed: false }] },
    });
    expect(s.latest).toBeNull();
    expect(s.change).toBeNull();
    expect(s.trend).toBe("unknown");
    expect(s.targetReached).toBeNull();
  });

  it("no baseline at all: the first usable year is the baseline", () => {
    const s = effectSummary({ ...base, baselineYear: null, targetValue: null });
    expect(s.baseline).toEqual({ year: 2022, value: 300 });
    expect(s.target).toBeNull();
  });
});

describe("input schemas", () => {
  it("refuses a period that ends before it starts, naming periodEnd", () => {
    const r = CreatePromiseInput.safeParse({
      agreementId: "6f1c1f52-8a5b-4c6e-9d3e-2b7a1c0d9e8f",
      promiser: "police",
      periodStart: "2025-05-01",
      periodEnd: "2025-04-01",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["periodEnd"]);
    expect(r.error?.issues[0]?.message).toBe("promise.period.endBeforeStart");
  });

  it("refuses personnummer in the texts and a missing verdict", () => {
    const r = ClosePromiseInput.safeParse({
      id: "6f1c1f52-8a5b-4c6e-9d3e-2b7a1c0d9e8f",
      version: 1,
      verdictText: "Kontakt 811218-9876",
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("verdict");
    expect(paths).toContain("verdictText");
  });
});

describe("publishProblems", () => {
  const ok = { text: "Vi finns på plats.", periodStart: "2025-10-01", periodEnd: "2026-03-31" };

  it("accepts text and a period in order", () => {
    expect(publishProblems(ok)).toEqual([]);
    expect(publishProblems({ ...ok, periodEnd: ok.periodStart })).toEqual([]);
  });

  it("names text and both period fields, with the message for publishing or for a public promise", () => {
    expect(publishProblems({ text: "  ", periodStart: null, periodEnd: null })).toEqual([
      { path: "text", message: "promise.publish.textRequired" },
      { path: "periodStart", message: "promise.publish.periodRequired" },
      { path: "periodEnd", message: "promise.publish.periodRequired" },
    ]);
    expect(publishProblems({ ...ok, text: "" }, "public")).toEqual([
      { path: "text", message: "promise.public.textRequired" },
    ]);
    expect(publishProblems({ ...ok, periodEnd: null }, "public")).toEqual([
      { path: "periodEnd", message: "promise.public.periodRequired" },
    ]);
  });

  it("refuses a period ending before it starts", () => {
    expect(publishProblems({ ...ok, periodEnd: "2025-09-30" })).toEqual([
      { path: "periodEnd", message: "promise.period.endBeforeStart" },
    ]);
  });
});
