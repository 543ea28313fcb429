import { describe, expect, it } from "vitest";
import { assembleTodo, staleness, summariseTodo, type TodoActionRow } from "./stale.ts";

describe("staleness", () => {
  it("counts Swedish calendar days and is stale only after the limit", () => {
    expect(staleness(new Date("2026-08-29T10:00:00Z"), "2026-12-01", 90)).toEqual({ days: 94, stale: true });
    expect(staleness("2026-09-02T10:00:00Z", "2026-12-01", 90)).toEqual({ days: 90, stale: false });
    // 23:30 UTC on 31 Dec is already 1 January in Sweden.
    expect(staleness(new Date("2025-12-31T23:30:00Z"), "2026-01-02", 0).days).toBe(1);
  });
});

const action = (over: Partial<TodoActionRow>): TodoActionRow => ({
  id: "a1",
  agreementId: "ag",
  agreementTitle: "Överenskommelse",
  cycleId: "c1",
  title: "Åtgärd",
  status: "ongoing",
  deadline: null,
  lastActivityAt: "2026-11-30T10:00:00Z",
  version: 3,
  staleAfterDays: 90,
  ...over,
});

describe("assembleTodo", () => {
  const today = "2026-12-01";
  it("sorts tasks into overdue and upcoming within 30 days, and actions into overdue and waiting", () => {
    const list = assembleTodo({
      today,
      userId: "u1",
      tasks: [
        { id: "t1", agreementId: "ag", agreementTitle: "Ö", title: "Sen", dueOn: "2026-11-01", ownerUserId: "u1" },
        { id: "t2", agreementId: "ag", agreementTitle: "Ö", title: "Snart", dueOn: "2026-12-31", ownerUserId: null },
        {
          id: "t3",
          agreementId: "ag",
          agreementTitle: "Ö",
          title: "Långt bort",
          dueOn: "2027-01-01",
          ownerUserId: null,
        },
      ],
      actions: [
        action({ id: "late", title: "Sen åtgärd", deadline: "2026-11-30" }),
        action({ id: "idle", title: "Glömd", lastActivityAt: "2026-08-29T10:00:00Z" }),
        action({ id: "fresh", title: "Färsk", deadline: "2026-12-24" }),
        action({ id: "done", title: "Klar", status: "done", deadline: "2026-01-01" }),
      ],
    });
    expect(list.overdue.map((l) => l.id)).toEqual(["t1", "late"]);
    expect(list.upcoming.map((l) => l.id)).toEqual(["t2"]);
    expect(list.waiting.map((l) => l.id)).toEqual(["idle"]);
    const idle = list.waiting[0]!;
    expect(idle.kind === "action" && idle.idleDays).toBe(94);
    expect(idle.href).toBe("/overenskommelser/ag/cykler/c1/atgarder/idle");
    expect(list.overdue[0]!.href).toBe("/overenskommelser/ag/arshjul");
    expect(list.overdue[0]!.kind === "task" && list.overdue[0]!.mine).toBe(true);
  });
});

describe("summariseTodo", () => {
  it("keeps the first lines of each section and the real totals", () => {
    const line = (id: string) =>
      ({ kind: "task", id, title: id, href: "/", agreementTitle: "A", dueOn: "2026-01-01", daysLate: 1 }) as never;
    const list = {
      today: "2026-12-01",
      overdue: ["a", "b", "c"].map(line),
      upcoming: [line("d")],
      waiting: [],
    };
    const summary = summariseTodo(list, 2);
    expect(summary.overdue.map((l: { id: string }) => l.id)).toEqual(["a", "b"]);
    expect(summary.upcoming).toHaveLength(1);
    expect(summary.totals).toEqual({ overdue: 3, upcoming: 1, waiting: 0 });
  });
});
