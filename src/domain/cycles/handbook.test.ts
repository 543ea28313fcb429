import { describe, expect, it } from "vitest";
import { handbookChecklist, manualHandbookItems, type HandbookFacts } from "./handbook.ts";

const none: HandbookFacts = {
  situationAdopted: false,
  prioritisedProblems: 0,
  prioritisedWithCauseAnalysis: 0,
  planAdopted: false,
  promisePublished: false,
  followUpReported: false,
};

describe("handbookChecklist", () => {
  it("has five steps, nothing done at the start", () => {
    const list = handbookChecklist(none, {});
    expect(list.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
    expect(list.flatMap((s) => s.items).some((i) => i.done)).toBe(false);
    expect(list.every((s) => !s.done)).toBe(true);
  });

  it("derives the data items from the facts", () => {
    const list = handbookChecklist(
      { ...none, situationAdopted: true, prioritisedProblems: 2, prioritisedWithCauseAnalysis: 2, planAdopted: true },
      {},
    );
    const item = (step: number, key: string) => list[step - 1]!.items.find((i) => i.key === key)!;
    expect(item(3, "situationAdopted")).toMatchObject({ done: true, source: "data" });
    expect(item(3, "causeAnalyses").done).toBe(true);
    expect(item(4, "planAdopted").done).toBe(true);
    expect(item(4, "promisePublished").done).toBe(false);
    expect(item(5, "followUpReported").done).toBe(false);
  });

  it("needs every prioritised problem analysed, and at least one prioritised", () => {
    const analysed = (p: number, w: number) =>
      handbookChecklist({ ...none, prioritisedProblems: p, prioritisedWithCauseAnalysis: w }, {})[2]!.items.find(
        (i) => i.key === "causeAnalyses",
      )!.done;
    expect(analysed(0, 0)).toBe(false);
    expect(analysed(2, 1)).toBe(false);
    expect(analysed(2, 2)).toBe(true);
  });

  it("takes the manual items from the ticks, and a step is done when all its items are", () => {
    const list = handbookChecklist(none, {
      "1.jointDecision": { done: true, note: "KS 2025-02-01" },
      "1.communicationLead": { done: true, note: "" },
      "2.ownSituationReports": { done: false, note: "" },
    });
    expect(list[0]!.items[0]).toEqual({ key: "jointDecision", done: true, source: "manual", note: "KS 2025-02-01" });
    expect(list[0]!.done).toBe(true);
    expect(list[1]!.done).toBe(false);
    expect(manualHandbookItems).toEqual([
      "1.jointDecision",
      "1.communicationLead",
      "2.ownSituationReports",
      "3.citizenDialogues",
      "5.processEvaluated",
    ]);
  });
});
