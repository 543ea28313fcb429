import { describe, expect, it } from "vitest";
import { todayInSweden } from "../shared/dates.ts";
import {
  actionRuleErrors,
  ActionProgressInput,
  CreateActionInput,
  daysSince,
  statusCounts,
  type ActionContext,
} from "./actions.ts";

const FA = "11111111-1111-4111-8111-111111111111";
const CAUSE = "22222222-2222-4222-8222-222222222222";
const IND = "33333333-3333-4333-8333-333333333333";
const ORG = "44444444-4444-4444-8444-444444444444";
const OTHER = "55555555-5555-4555-8555-555555555555";

const context: ActionContext = {
  cycle: { startsOn: "2025-01-01", endsOn: "2025-12-31" },
  focusAreaIds: [FA],
  causeIds: [CAUSE],
  indicatorIds: [IND],
  organisationIds: [ORG],
};

const base = {
  cycleFocusAreaId: FA,
  causeId: CAUSE,
  responsibleIds: [ORG],
  startsOn: "2025-02-01",
  deadline: "2025-06-30",
  indicatorId: IND,
  baselineYear: 2024,
  baselineValue: 120,
  targetValue: 100,
  targetYear: 2025,
};

const paths = (changes: Partial<typeof base>) =>
  actionRuleErrors({ ...base, ...changes }, context).map((e) => `${e.path}:${e.message}`);

describe("actionRuleErrors", () => {
  it("accepts a well-formed action", () => {
    expect(paths({})).toEqual([]);
  });

  it("needs at least one known responsible organisation, each once", () => {
    expect(paths({ responsibleIds: [] })).toEqual(["responsibleIds:action.responsibleIds.required"]);
    expect(paths({ responsibleIds: [OTHER] })).toEqual(["responsibleIds:action.responsibleIds.unknown"]);
    expect(paths({ responsibleIds: [ORG, ORG] })).toEqual(["responsibleIds:action.responsibleIds.duplicate"]);
  });

  it("keeps the start and deadline inside the cycle, the start before the deadline", () => {
    expect(paths({ deadline: "2026-01-01" })).toEqual(["deadline:action.deadline.outsideCycle"]);
    expect(paths({ startsOn: "2024-12-31" })).toEqual(["startsOn:action.startsOn.outsideCycle"]);
    expect(paths({ startsOn: "2025-07-01" })).toEqual(["deadline:action.deadline.beforeStart"]);
    expect(paths({ startsOn: "2025-01-01", deadline: "2025-12-31" })).toEqual([]);
  });

  it("measures a target from a baseline year, and not backwards", () => {
    expect(paths({ baselineYear: null as never })).toEqual(["baselineYear:action.baselineYear.required"]);
    expect(paths({ targetYear: 2023 })).toEqual(["targetYear:action.targetYear.beforeBaseline"]);
    expect(
      paths({
        baselineYear: null as never,
        baselineValue: null as never,
        targetValue: null as never,
        targetYear: null as never,
      }),
    ).toEqual([]);
  });

  it("refuses a focus area, cause or indicator from elsewhere", () => {
    expect(paths({ cycleFocusAreaId: OTHER })).toEqual(["cycleFocusAreaId:action.cycleFocusAreaId.unknown"]);
    expect(paths({ causeId: OTHER })).toEqual(["causeId:action.causeId.unknown"]);
    expect(paths({ indicatorId: OTHER })).toEqual(["indicatorId:action.indicatorId.unknown"]);
    expect(paths({ cycleFocusAreaId: null as never, causeId: null as never, indicatorId: null as never })).toEqual([]);
  });
});

describe("CreateActionInput", () => {
  const cycleId = "66666666-6666-4666-8666-666666666666";
  it("reads form values: blank means none, comma decimals, years", () => {
    const parsed = CreateActionInput.parse({
      cycleId,
      title: " Trafikkontroller ",
      responsibleIds: [ORG],
      cycleFocusAreaId: "",
      startsOn: "",
      baselineYear: "2024",
      baselineValue: "12,5",
      hoursSpent: "",
    });
    expect(parsed).toMatchObject({
      title: "Trafikkontroller",
      cycleFocusAreaId: null,
      startsOn: null,
      baselineYear: 2024,
      baselineValue: 12.5,
      hoursSpent: null,
      kind: "situational",
      status: "planned",
    });
  });

  it("names the field of bad input", () => {
    const result = CreateActionInput.safeParse({
      cycleId,
      title: "",
      responsibleIds: [ORG],
      baselineYear: "20x4",
      hoursSpent: "-3",
      contactPerson: "Kim 811218-9876",
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        "title:validation.required",
        "baselineYear:validation.number",
        "hoursSpent:validation.notNegative",
        "contactPerson:validation.personalIdentityNumber",
      ]),
    );
  });

  it("refuses a year that is not a whole year", () => {
    const result = CreateActionInput.safeParse({ cycleId, title: "x", baselineYear: "2024.5" });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["action.year.invalid"]);
  });
});

describe("ActionProgressInput", () => {
  it("needs a known status", () => {
    expect(ActionProgressInput.safeParse({ actionId: ORG, version: 1, status: "finished" }).success).toBe(false);
    expect(ActionProgressInput.parse({ actionId: ORG, version: 1, status: "done", hoursSpent: "4" }).hoursSpent).toBe(
      4,
    );
  });
});

describe("statusCounts", () => {
  it("counts each status and the total", () => {
    const counts = statusCounts([
      { status: "done" },
      { status: "done" },
      { status: "partly_done" },
      { status: "ongoing" },
    ]);
    expect(counts).toMatchObject({ done: 2, partly_done: 1, ongoing: 1, not_done: 0, cancelled: 0, total: 4 });
  });
});

describe("daysSince", () => {
  it("counts Swedish calendar days", () => {
    const now = new Date("2025-03-10T10:00:00Z");
    expect(daysSince(new Date("2025-03-10T00:30:00Z"), now, todayInSweden)).toBe(0);
    expect(daysSince(new Date("2025-03-09T23:30:00Z"), now, todayInSweden)).toBe(0); // 00:30 on the 10th in Sweden
    expect(daysSince(new Date("2025-03-09T22:30:00Z"), now, todayInSweden)).toBe(1); // 23:30 on the 9th
    expect(daysSince(new Date("2025-02-08T12:00:00Z"), now, todayInSweden)).toBe(30);
  });
});
