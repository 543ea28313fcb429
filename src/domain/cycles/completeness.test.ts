import { describe, expect, it } from "vitest";
import { situationCompleteness, type SituationFacts } from "./completeness.ts";

const empty: SituationFacts = {
  crimeMapping: "",
  otherInformation: " ",
  analysis: "",
  sources: [
    { key: "police_statistics", label: "Polisens brottsstatistik", mandatory: true, used: false },
    { key: "safety_survey", label: "Trygghetsmätning", mandatory: true, used: true },
    { key: "safety_walk", label: "Trygghetsvandringar", mandatory: false, used: false },
  ],
  problems: [],
  indicatorsWithValue: 0,
  adoptedOn: null,
};

describe("situationCompleteness", () => {
  it("names everything that is missing in an empty lägesbild", () => {
    const c = situationCompleteness(empty);
    expect(c.total).toBe(10);
    expect(c.done).toBe(1);
    expect(c.missing.map((m) => m.key)).toEqual([
      "situation.missing.crimeMapping",
      "situation.missing.otherInformation",
      "situation.missing.analysis",
      "situation.missing.source",
      "situation.missing.problem",
      "situation.missing.prioritised",
      "situation.missing.causeAnalysis",
      "situation.missing.indicator",
      "situation.missing.adopted",
    ]);
    expect(c.missing[3]!.params).toEqual({ source: "Polisens brottsstatistik" });
  });

  it("names the prioritised problems without a cause analysis", () => {
    const c = situationCompleteness({
      ...empty,
      problems: [
        { title: "Narkotika i centrum", prioritised: true, causeCount: 0, eventChains: "" },
        { title: "Skadegörelse", prioritised: true, causeCount: 0, eventChains: "Kedja" },
        { title: "Buskörning", prioritised: false, causeCount: 0, eventChains: "" },
      ],
    });
    expect(c.missing).toContainEqual({
      key: "situation.missing.causeAnalysisFor",
      params: { problems: "Narkotika i centrum" },
    });
    expect(c.missing.map((m) => m.key)).not.toContain("situation.missing.prioritised");
  });

  it("is complete when every part is there", () => {
    const c = situationCompleteness({
      crimeMapping: "Kartläggning",
      otherInformation: "Annat",
      analysis: "Analys",
      sources: empty.sources.map((s) => ({ ...s, used: s.mandatory })),
      problems: [{ title: "Narkotika", prioritised: true, causeCount: 2, eventChains: "" }],
      indicatorsWithValue: 1,
      adoptedOn: "2025-03-01",
    });
    expect(c).toEqual({ done: 10, total: 10, missing: [] });
  });
});
