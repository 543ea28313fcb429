import { describe, expect, it } from "vitest";
import { CreateIndicatorInput, ProblemPlaceInput, SetHandbookTickInput } from "./cycle-schemas.ts";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);

describe("ProblemPlaceInput", () => {
  it("takes coordinates as numbers or strings with a decimal comma, both or neither", () => {
    expect(ProblemPlaceInput.parse({ name: "Torget", lat: "59,51", lng: "-15.9" })).toEqual({
      name: "Torget",
      lat: 59.51,
      lng: -15.9,
      area: "",
    });
    expect(ProblemPlaceInput.parse({ name: "Torget", lat: "", lng: null })).toMatchObject({ lat: null, lng: null });
    expect(issues(ProblemPlaceInput.safeParse({ name: "T", lat: 1 }))).toEqual(["lng:problem.place.bothOrNeither"]);
    expect(issues(ProblemPlaceInput.safeParse({ name: "T", lat: -90.5, lng: "öst" }))).toEqual([
      "lat:problem.place.lat.invalid",
      "lng:problem.place.lng.invalid",
    ]);
  });
});

describe("CreateIndicatorInput", () => {
  const base = { agreementId: "6f1c8e0a-3b7d-4c2e-9a1f-0d2b4c6e8a10", name: "NTU" };
  it("reads the suppression markers as suppressed, keeping no value", () => {
    const v = CreateIndicatorInput.parse({
      ...base,
      values: [
        { year: 2020, value: "xx" },
        { year: 2021, value: ".." },
        { year: 2022, value: "-" },
        { year: "2023", value: "1 234,5" },
        { year: 2024, value: 7, suppressed: true },
      ],
    }).values;
    expect(v.map((x) => [x.year, x.value, x.suppressed])).toEqual([
      [2020, null, true],
      [2021, null, true],
      [2022, null, true],
      [2023, 1234.5, false],
      [2024, null, true],
    ]);
  });
  it("names duplicate years, years out of range and non-numbers", () => {
    expect(
      issues(
        CreateIndicatorInput.safeParse({
          ...base,
          values: [{ year: 2101, value: 1 }, { year: 2020, value: "n/a" }, { year: 2020 }, { year: 2020 }],
        }),
      ),
    ).toEqual(["values.0.year:indicator.year.invalid", "values.1.value:indicator.value.notANumber"]);
    expect(issues(CreateIndicatorInput.safeParse({ ...base, values: [{ year: 2020 }, { year: 2020 }] }))).toEqual([
      "values.1.year:indicator.year.duplicate",
    ]);
  });
});

describe("SetHandbookTickInput", () => {
  it("accepts only the items ticked by hand", () => {
    const base = { cycleId: "6f1c8e0a-3b7d-4c2e-9a1f-0d2b4c6e8a10", version: 1, done: true };
    expect(SetHandbookTickInput.safeParse({ ...base, step: 5, item: "processEvaluated" }).success).toBe(true);
    expect(issues(SetHandbookTickInput.safeParse({ ...base, step: 4, item: "planAdopted" }))).toEqual([
      "item:handbook.item.notManual",
    ]);
  });
});
