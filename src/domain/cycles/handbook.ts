/**
 * Samverkanshandboken's five steps (DOMAIN.md §2) as a checklist per cycle. Items the data can tell
 * are derived; the others are ticked by hand and stored in cycles.handbook under "step.item".
 */
export interface HandbookFacts {
  situationAdopted: boolean;
  prioritisedProblems: number;
  prioritisedWithCauseAnalysis: number;
  planAdopted: boolean;
  promisePublished: boolean;
  followUpReported: boolean;
}

export type HandbookTicks = Record<string, { done: boolean; note: string } | undefined>;

type DataItem = { key: string; source: "data"; from: (f: HandbookFacts) => boolean };
type ManualItem = { key: string; source: "manual" };

export const handbookSteps: { step: number; items: (DataItem | ManualItem)[] }[] = [
  {
    step: 1,
    items: [
      { key: "jointDecision", source: "manual" },
      { key: "communicationLead", source: "manual" },
    ],
  },
  { step: 2, items: [{ key: "ownSituationReports", source: "manual" }] },
  {
    step: 3,
    items: [
      { key: "situationAdopted", source: "data", from: (f) => f.situationAdopted },
      { key: "citizenDialogues", source: "manual" },
      {
        key: "causeAnalyses",
        source: "data",
        from: (f) => f.prioritisedProblems > 0 && f.prioritisedWithCauseAnalysis === f.prioritisedProblems,
      },
    ],
  },
  {
    step: 4,
    items: [
      { key: "planAdopted", source: "data", from: (f) => f.planAdopted },
      { key: "promisePublished", source: "data", from: (f) => f.promisePublished },
    ],
  },
  {
    step: 5,
    items: [
      { key: "followUpReported", source: "data", from: (f) => f.followUpReported },
      { key: "processEvaluated", source: "manual" },
    ],
  },
];

/** The items that are ticked by hand, as "step.item" keys. */
export const manualHandbookItems: string[] = handbookSteps.flatMap((s) =>
  s.items.filter((i) => i.source === "manual").map((i) => `${s.step}.${i.key}`),
);

export interface HandbookItem {
  key: string;
  done: boolean;
  source: "data" | "manual";
  note: string;
}
export interface HandbookStep {
  step: number;
  items: HandbookItem[];
  done: boolean;
}

export function handbookChecklist(facts: HandbookFacts, ticks: HandbookTicks): HandbookStep[] {
  return handbookSteps.map(({ step, items }) => {
    const out = items.map((i): HandbookItem => {
      if (i.source === "data") return { key: i.key, done: i.from(facts), source: "data", note: "" };
      const tick = ticks[`${step}.${i.key}`];
      return { key: i.key, done: tick?.done ?? false, source: "manual", note: tick?.note ?? "" };
    });
    return { step, items: out, done: out.every((i) => i.done) };
  });
}
