import { describe, expect, it } from "vitest";
import { goalStatus, indicatorTrend } from "./goals.ts";

const values = [
  { year: 2024, value: 120 },
  { year: 2022, value: 150 },
  { year: 2023, value: null },
  { year: 2025, value: 95 },
];

describe("goalStatus", () => {
  it("is met when a decreasing indicator is at or below the target in the target year", () => {
    expect(goalStatus({ targetValue: 120, targetYear: 2024 }, { direction: "decrease", values })).toBe("met");
    expect(goalStatus({ targetValue: 119, targetYear: 2024 }, { direction: "decrease", values })).toBe("not_met");
  });

  it("is met when an increasing indicator is at or above the target", () => {
    expect(goalStatus({ targetValue: 150, targetYear: 2022 }, { direction: "increase", values })).toBe("met");
    expect(goalStatus({ targetValue: 151, targetYear: 2022 }, { direction: "increase", values })).toBe("not_met");
  });

  it("uses the latest value when the target year has none", () => {
    // 2023 is suppressed; 2025 (95) is the latest.
    expect(goalStatus({ targetValue: 100, targetYear: 2023 }, { direction: "decrease", values })).toBe("met");
    expect(goalStatus({ targetValue: 100, targetYear: null }, { direction: "increase", values })).toBe("not_met");
  });

  it("has no data without a target, an indicator or any value", () => {
    expect(goalStatus({ targetValue: null, targetYear: 2024 }, { direction: "decrease", values })).toBe("no_data");
    expect(goalStatus({ targetValue: 10, targetYear: 2024 }, null)).toBe("no_data");
    expect(
      goalStatus(
        { targetValue: 10, targetYear: 2024 },
        { direction: "decrease", values: [{ year: 2024, value: null }] },
      ),
    ).toBe("no_data");
  });
});

describe("indicatorTrend", () => {
  it("orders the years and leaves out missing values", () => {
    expect(indicatorTrend({ direction: "decrease", values })).toEqual([
      { year: 2022, value: 150 },
      { year: 2024, value: 120 },
      { year: 2025, value: 95 },
    ]);
  });
});

describe("goalStatus when the target year cannot be judged", () => {
  const decrease = (values: { year: number; value: number | null }[]) => ({ direction: "decrease", values });
  it("is no_data when the target year's value is suppressed, not judged on an older year", () => {
    const indicator = decrease([
      { year: 2019, value: 41 },
      { year: 2020, value: null },
    ]);
    expect(goalStatus({ targetValue: 30, targetYear: 2020 }, indicator)).toBe("no_data");
  });
  it("is no_data before the target year has been measured", () => {
    expect(goalStatus({ targetValue: 30, targetYear: 2026 }, decrease([{ year: 2025, value: 25 }]))).toBe("no_data");
  });
  it("uses a later year when the target year itself was never measured", () => {
    expect(goalStatus({ targetValue: 30, targetYear: 2024 }, decrease([{ year: 2025, value: 25 }]))).toBe("met");
  });
});
