import { describe, expect, it } from "vitest";
import {
  addDays,
  cycleContaining,
  cyclePeriod,
  gapBetween,
  nextPeriod,
  periodsOverlap,
  withinPeriod,
} from "./periods.ts";

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
  it("continues the day after the end while the start month is unchanged", () => {
    expect(nextPeriod("2026-06-30", 7)).toEqual({
      startsOn: "2026-07-01",
      endsOn: "2027-06-30",
      label: "2026/27",
      year: 2026,
    });
    expect(nextPeriod("2025-12-31", 1)).toEqual({
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      label: "2026",
      year: 2026,
    });
    expect(nextPeriod("2024-02-29", 3)).toMatchObject({ startsOn: "2024-03-01", endsOn: "2025-02-28" });
  });
  it("starts at the next configured start month after the end when the start month changed", () => {
    // Calendar-year cycle, start month now July: the first July after 2025 ended.
    expect(nextPeriod("2025-12-31", 7)).toEqual({
      startsOn: "2026-07-01",
      endsOn: "2027-06-30",
      label: "2026/27",
      year: 2026,
    });
    // July cycle, start month now January: the first 1 January after 30 June 2026.
    expect(nextPeriod("2026-06-30", 1)).toMatchObject({ startsOn: "2027-01-01", label: "2027", year: 2027 });
    // July cycle, start month now March: March 2027 (March 2026 lies inside the old cycle).
    expect(nextPeriod("2026-06-30", 3)).toMatchObject({ startsOn: "2027-03-01", endsOn: "2028-02-29" });
    // December cycle, start month now November: November of the year after it ended.
    expect(nextPeriod("2025-11-30", 11)).toMatchObject({ startsOn: "2026-11-01", label: "2026/27" });
    expect(nextPeriod("2025-11-30", 12)).toMatchObject({ startsOn: "2025-12-01", label: "2025/26" });
  });
  it("names the months between that belong to no cycle", () => {
    expect(gapBetween("2025-12-31", nextPeriod("2025-12-31", 7))).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(gapBetween("2025-12-31", nextPeriod("2025-12-31", 1))).toBeNull();
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
  it("never overlaps the cycle it follows", () => {
    for (let old = 1; old <= 12; old++)
      for (let now = 1; now <= 12; now++) {
        const before = cyclePeriod(old, 2025);
        const next = nextPeriod(before.endsOn, now);
        expect(periodsOverlap(before, next)).toBe(false);
        expect(next.startsOn.slice(5)).toBe(`${String(now).padStart(2, "0")}-01`);
        // …and no period by the new start month fits between them.
        expect(cyclePeriod(now, next.year - 1).startsOn <= before.endsOn).toBe(true);
      }
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
