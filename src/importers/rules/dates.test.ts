import { describe, expect, it } from "vitest";
import { findDateAtoms, findDateRanges } from "./dates.ts";

const range = (text: string) => {
  const r = findDateRanges(text, findDateAtoms(text))[0];
  return r ? [r.from?.first, r.to?.last] : null;
};

describe("dates", () => {
  it.each([
    ["2019-2023", ["2019-01-01", "2023-12-31"]],
    ["2019—2021", ["2019-01-01", "2021-12-31"]],
    ["2024 – 2027", ["2024-01-01", "2027-12-31"]],
    ["2020-01-01 till och med 2023-12-31", ["2020-01-01", "2023-12-31"]],
    ["den 1 mars 2023 till 28 februari 2027", ["2023-03-01", "2027-02-28"]],
    ["1 april – 30 september 2024", ["2024-04-01", "2024-09-30"]],
    ["1 oktober–31 mars 2025", ["2024-10-01", "2025-03-31"]],
    ["mars 2023 - juni 2024", ["2023-03-01", "2024-06-30"]],
  ])("reads the range %s", (text, expected) => expect(range(text)).toEqual(expected));

  it("rejects impossible dates", () => {
    expect(findDateAtoms("2023-02-30")).toEqual([]);
    expect(findDateAtoms("31 april 2024")).toEqual([]);
  });

  it("reads word dates and day-first dates", () => {
    expect(findDateAtoms("gäller till och med 31 december 2024").map((a) => a.first)).toEqual(["2024-12-31"]);
    expect(findDateAtoms("den 6.11.2019").map((a) => a.first)).toEqual(["2019-11-06"]);
  });

  // Bounded by the test timeout: the patterns must not backtrack catastrophically.
  it("handles long repetitive inputs", () => {
    const text = "2019-".repeat(200_000) + " 12 mars ".repeat(50_000);
    expect(findDateRanges(text, findDateAtoms(text)).length).toBeGreaterThan(0);
  });
});
