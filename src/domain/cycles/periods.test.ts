import { describe, expect, it } from "vitest";
import { cycleContaining, cyclePeriod, nextPeriod, periodsOverlap, withinPeriod } from "./periods.ts";

describe("cyclePeriod", () => {
  it("is the calendar year when the cycle starts in January", () => {
    expect(cyclePeriod(1, 2025)).toEqual({ startsOn: "2025-01-01", endsOn: "2025-12-31", label: "2025" });
  });
  it("runs across the new year when it starts in another month", () => {
    expect(cyclePeriod(7, 2025)).toEqual({ startsOn: "2025-07-01", endsOn: "2026-06-30", label: "2025/26" });
    expect(cyclePeriod(3, 2023)).toEqual({ startsOn: "2023-03-01", endsOn: "2024-02-29", label: "2023/24" });
    expect(cyclePeriod(12, 2099).label).toBe("2099/00");
  });
  it("refuses a month outside 1–12", () => {
    expect(() => cyclePeriod(0, 2025)).toThrow(RangeError);
    expect(() => cyclePeriod(13, 2025)).toThrow(RangeError);
  });
});

describe("cycleContaining", () => {
  it("finds the cycle of a date before and after the start month", () => {
    expect(cycleContaining(7, "2026-03-15")).toMatchObject({ startsOn: "2025-07-01", label: "2025/26", year: 2025 });
    expect(cycleContaining(7, "2026-07-01")).toMatchObject({ startsOn: "2026-07-01", year: 2026 });
    expect(cycleContaining(7, "2026-06-30")).toMatchObject({ endsOn: "2026-06-30", year: 2025 });
    expect(cycleContaining(1, "2025-12-31")).toMatchObject({ label: "2025", year: 2025 });
    expect(cycleContaining(1, "2026-01-01")).toMatchObject({ label: "2026", year: 2026 });
  });
});

describe("nextPeriod, periodsOverlap, withinPeriod", () => {
  it("continues the day after the end", () => {
    expect(nextPeriod("2026-06-30")).toMatchObject({ startsOn: "2026-07-01", endsOn: "2027-06-30", year: 2026 });
    expect(nextPeriod("2025-12-31")).toMatchObject({ startsOn: "2026-01-01", label: "2026" });
  });
  it("tells overlapping ranges and dates within", () => {
    const p = cyclePeriod(7, 2025);
    expect(periodsOverlap(p, cyclePeriod(1, 2026))).toBe(true);
    expect(periodsOverlap(p, cyclePeriod(7, 2026))).toBe(false);
    expect(withinPeriod("2026-06-30", p)).toBe(true);
    expect(withinPeriod("2026-07-01", p)).toBe(false);
    expect(withinPeriod(null, p)).toBe(false);
  });
});
