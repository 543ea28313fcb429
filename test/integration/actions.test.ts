import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  actionResponsibles,
  actions,
  communicationItems,
  cycleReports,
  cycles,
  followUps,
} from "../../src/db/schema.ts";
import {
  adoptActionPlan,
  createAction,
  deleteAction,
  getAction,
  getActionPlan,
  listActions,
  updateAction,
  updateActionProgress,
  withdrawActionPlanAdoption,
} from "../../src/services/actions/actions.ts";
import {
  createCommunicationItem,
  deleteCommunicationItem,
  listCommunicationItems,
  updateCommunicationItem,
} from "../../src/services/actions/communication.ts";
import { addCycleReport, deleteCycleReport, getFollowUpReport } from "../../src/services/actions/report.ts";
import type { Actor, ServiceContext } from "../../src/services/core/context.ts";
import { addFollowUp } from "../../src/services/cycle-core/follow-ups.ts";
import { AppError } from "../../src/errors.ts";
import { as, auditCount, freshDatabase, lastAudit, system } from "../helpers/db.ts";
import { actionsWorld } from "./actions-fixtures.ts";

const database = await freshDatabase();
const w = await actionsWorld(database);
const { editor, policeEditor, viewer, otherEditor, owner, ownerViewer, departmentContributor } = w.people;
const ctxOf = (actor: Actor | null) => as(database, actor);
const anonymous = as(database, null);

const valid = () => ({
  cycleId: w.a.cycle.id,
  cycleFocusAreaId: w.a.focusArea.id,
  causeId: w.a.cause.id,
  title: "Förbättrad belysning vid resecentrum",
  kind: "situational" as const,
  horizon: "short" as const,
  responsibleIds: [w.kommunA.id, w.rescue.id],
  contactPerson: "Kim Samordnare",
  startsOn: "2025-02-01",
  deadline: "2025-06-30",
  quantityTarget: "minst 10 nya armaturer",
  followUpMethod: "Räkna armaturer, trygghetsvandring",
  goal: "Färre misshandelsbrott",
  indicatorId: w.a.indicator.id,
  baselineYear: 2024,
  baselineValue: 120,
  targetValue: 100,
  targetYear: 2025,
});

async function counts() {
  const n = async (table: typeof actions | typeof followUps | typeof cycleReports | typeof communicationItems) =>
    (await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table))[0]!.n;
  return {
    actions: await n(actions),
    followUps: await n(followUps),
    reports: await n(cycleReports),
    communication: await n(communicationItems),
    audits: await auditCount(database),
  };
}

/** Runs a write expected to be refused; asserts its code (and field) and that nothing was written. */
async function refused(run: () => Promise<unknown>, code: AppError["code"], field?: string, message?: string) {
  const before = await counts();
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.code, JSON.stringify(e.fields)).toBe(code);
  if (field) expect(e.fields.map((f) => f.path)).toContain(field);
  if (message) expect(e.fields.find((f) => f.path === field)?.message).toBe(message);
  expect(await counts()).toEqual(before);
}

async function newAction(ctx: ServiceContext = ctxOf(editor), changes: Record<string, unknown> = {}) {
  return createAction(ctx, { ...valid(), ...changes });
}

describe("createAction", () => {
  it("creates an action with its chain focus area → cause → action and audits it", async () => {
    const created = await newAction();
    expect(created).toMatchObject({
      title: "Förbättrad belysning vid resecentrum",
      status: "planned",
      focusArea: { id: w.a.focusArea.id },
      cause: { id: w.a.cause.id, problem: { id: w.a.problem.id } },
      baselineYear: 2024,
      targetValue: 100,
      daysSinceActivity: 0,
      canEdit: true,
    });
    expect(created.responsibles.map((r) => r.name)).toEqual(["Köpings kommun", "Räddningstjänsten Mälardalen"]);
    const audit = await lastAudit(database, created.id);
    expect(audit).toMatchObject({ action: "action.created", entityType: "action", actorUserId: editor.userId });
    expect(audit!.after).toMatchObject({ title: created.title, responsibleIds: [w.kommunA.id, w.rescue.id] });
  });

  it("lets the police party's editor create one too", async () => {
    const created = await newAction(ctxOf(policeEditor), { title: "Trafikkontroller", responsibleIds: [w.lpoA.id] });
    expect(created.responsibles.map((r) => r.id)).toEqual([w.lpoA.id]);
  });

  it.each([
    ["no responsible organisation", { responsibleIds: [] }, "responsibleIds", "action.responsibleIds.required"],
    [
      "an unknown organisation",
      { responsibleIds: ["00000000-0000-4000-8000-000000000000"] },
      "responsibleIds",
      "action.responsibleIds.unknown",
    ],
    ["a deadline after the cycle", { deadline: "2026-01-15" }, "deadline", "action.deadline.outsideCycle"],
    ["a start before the cycle", { startsOn: "2024-12-01" }, "startsOn", "action.startsOn.outsideCycle"],
    ["a start after the deadline", { startsOn: "2025-07-01" }, "deadline", "action.deadline.beforeStart"],
    ["a target without a baseline year", { baselineYear: null }, "baselineYear", "action.baselineYear.required"],
    ["a target year before the baseline", { targetYear: 2023 }, "targetYear", "action.targetYear.beforeBaseline"],
    [
      "another cycle's focus area",
      { cycleFocusAreaId: w.b.focusArea.id },
      "cycleFocusAreaId",
      "action.cycleFocusAreaId.unknown",
    ],
    ["another cycle's cause", { causeId: w.b.cause.id }, "causeId", "action.causeId.unknown"],
    ["another agreement's indicator", { indicatorId: w.b.indicator.id }, "indicatorId", "action.indicatorId.unknown"],
    ["a personnummer in the title", { title: "Samtal med 811218-9876" }, "title", "validation.personalIdentityNumber"],
    ["a blank title", { title: "  " }, "title", "validation.required"],
    ["a number that is not one", { baselineValue: "tolv" }, "baselineValue", "validation.number"],
    ["negative hours", { hoursSpent: -2 }, "hoursSpent", "validation.notNegative"],
    ["an unknown status", { status: "finished" }, "status", undefined],
  ])("refuses %s, naming the field, writing nothing", async (_name, changes, field, message) => {
    await refused(() => newAction(ctxOf(editor), changes), "VALIDATION", field, message);
  });

  it("refuses those who may not edit the agreement", async () => {
    await refused(() => newAction(ctxOf(otherEditor)), "NOT_FOUND");
    await refused(() => newAction(ctxOf(viewer)), "FORBIDDEN");
    await refused(() => newAction(ctxOf(owner)), "NOT_FOUND");
    await refused(() => newAction(anonymous), "UNAUTHENTICATED");
    await refused(() => newAction(anonymous, { title: "" }), "UNAUTHENTICATED");
    await refused(() => newAction(ctxOf(editor), { cycleId: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND");
  });
});

describe("updateAction", () => {
  it("changes the fields sent, keeps the rest, sets lastActivityAt and audits before/after", async () => {
    const created = await newAction();
    await database.db
      .update(actions)
      .set({ lastActivityAt: new Date("2025-01-01T10:00:00Z") })
      .where(eq(actions.id, created.id));
    const updated = await updateAction(ctxOf(editor), {
      id: created.id,
      version: created.version,
      title: "Belysning och röjning",
      responsibleIds: [w.rescue.id, w.kommunA.id],
      deadline: "2025-09-30",
    });
    expect(updated).toMatchObject({
      title: "Belysning och röjning",
      deadline: "2025-09-30",
      goal: "Färre misshandelsbrott",
      version: created.version + 1,
      daysSinceActivity: 0,
    });
    expect(updated.responsibles.map((r) => r.id)).toEqual([w.rescue.id, w.kommunA.id]);
    const audit = await lastAudit(database, created.id);
    expect(audit?.action).toBe("action.updated");
    expect(audit!.before).toMatchObject({ title: created.title, responsibleIds: [w.kommunA.id, w.rescue.id] });
    expect(audit!.after).toMatchObject({ title: "Belysning och röjning", responsibleIds: [w.rescue.id, w.kommunA.id] });
  });

  it("refuses a stale version, bad input and those who may not edit, writing nothing", async () => {
    const created = await newAction();
    const update = (ctx: ServiceContext, changes: Record<string, unknown> = {}) =>
      updateAction(ctx, { id: created.id, version: created.version, title: "Ändrad", ...changes });
    await refused(() => update(ctxOf(editor), { version: created.version + 5 }), "CONFLICT");
    await refused(() => update(ctxOf(editor), { deadline: "2026-02-01" }), "VALIDATION", "deadline");
    await refused(() => update(ctxOf(editor), { responsibleIds: [] }), "VALIDATION", "responsibleIds");
    await refused(() => update(ctxOf(editor), { cycleId: w.b.cycle.id }), "VALIDATION", "cycleId");
    await refused(() => update(ctxOf(owner)), "FORBIDDEN");
    await refused(() => update(ctxOf(viewer)), "FORBIDDEN");
    await refused(() => update(ctxOf(otherEditor)), "NOT_FOUND");
    await refused(() => update(anonymous), "UNAUTHENTICATED");
    await refused(() => updateAction(ctxOf(editor), { id: "nope" as never, version: 1 }), "VALIDATION", "id");
    expect((await getAction(system(database), created.id)).title).toBe(created.title);
  });
});

describe("progress by the action's owners", () => {
  it("lets a contributor of a responsible organisation that is not a party read and update progress", async () => {
    const created = await newAction();
    const ownerCtx = ctxOf(owner);
    const seen = await getAction(ownerCtx, created.id);
    expect(seen).toMatchObject({ canEdit: false, canUpdate: true });
    const after = await updateActionProgress(ownerCtx, {
      actionId: created.id,
      version: created.version,
      status: "ongoing",
      outcomeNote: "Armaturerna är beställda",
      hoursSpent: "12,5" as never,
    });
    expect(after).toMatchObject({ status: "ongoing", outcomeNote: "Armaturerna är beställda", hoursSpent: 12.5 });
    const audit = await lastAudit(database, created.id);
    expect(audit).toMatchObject({ action: "action.progressUpdated", actorUserId: owner.userId });
    expect(audit!.before).toMatchObject({ status: "planned" });
    expect(audit!.after).toMatchObject({ status: "ongoing" });

    // Follow-ups go through the shared rule, which sets the status and adds the hours.
    const { followUp } = await addFollowUp(ownerCtx, {
      actionId: created.id,
      version: after.version,
      on: "2025-05-02",
      kind: "production",
      status: "done",
      note: "12 armaturer uppsatta",
      quantity: 12,
      hours: 3,
    });
    expect(followUp).toMatchObject({ via: "web", authorUserId: owner.userId });
    const final = await getAction(ownerCtx, created.id);
    expect(final).toMatchObject({ status: "done", hoursSpent: 15.5, lastFollowUp: { note: "12 armaturer uppsatta" } });
    expect(final.followUps).toHaveLength(1);
    expect((await lastAudit(database, created.id))?.action).toBe("action.followUpAdded");

    // The owner does not read the agreement's plan, nor edit or delete the action.
    await refused(() => listActions(ownerCtx, w.a.cycle.id), "NOT_FOUND");
    await refused(
      () => updateAction(ownerCtx, { id: created.id, version: final.version, title: "Annat" }),
      "FORBIDDEN",
    );
    await refused(() => deleteAction(ownerCtx, { id: created.id, version: final.version }), "FORBIDDEN");
  });

  it("lets a contributor of a responsible department update, and refuses others", async () => {
    const created = await newAction(ctxOf(editor), { responsibleIds: [w.department.id] });
    const progress = (ctx: ServiceContext, changes: Record<string, unknown> = {}) =>
      updateActionProgress(ctx, { actionId: created.id, version: created.version, status: "ongoing", ...changes });
    await refused(() => progress(ctxOf(ownerViewer)), "NOT_FOUND"); // not responsible for this one
    await refused(() => progress(ctxOf(viewer)), "FORBIDDEN");
    await refused(() => progress(ctxOf(otherEditor)), "NOT_FOUND");
    await refused(() => progress(anonymous), "UNAUTHENTICATED");
    await refused(() => progress(ctxOf(departmentContributor), { status: "finished" }), "VALIDATION", "status");
    await refused(() => progress(ctxOf(departmentContributor), { hoursSpent: -1 }), "VALIDATION", "hoursSpent");
    await refused(() => progress(ctxOf(departmentContributor), { version: 99 }), "CONFLICT");
    await refused(
      () => addFollowUp(ctxOf(departmentContributor), { actionId: created.id, version: created.version, note: "" }),
      "VALIDATION",
      "note",
      "followUp.empty",
    );
    const done = await progress(ctxOf(departmentContributor), { status: "partly_done" });
    expect(done.status).toBe("partly_done");
  });

  it("lets a viewer of a responsible organisation see the action but not update it", async () => {
    const created = await newAction();
    const seen = await getAction(ctxOf(ownerViewer), created.id);
    expect(seen).toMatchObject({ canEdit: false, canUpdate: false });
    await refused(
      () =>
        updateActionProgress(ctxOf(ownerViewer), { actionId: created.id, version: created.version, status: "done" }),
      "FORBIDDEN",
    );
  });
});

describe("listActions and getAction", () => {
  it("lists the cycle's actions in plan order with their chain, for readers only", async () => {
    const list = await listActions(ctxOf(viewer), w.a.cycle.id);
    expect(list.length).toBeGreaterThan(2);
    expect(list.map((a) => a.position)).toEqual([...list.map((a) => a.position)].sort((x, y) => x - y));
    expect(list[0]).toMatchObject({ focusArea: { title: "Trygg stadskärna A" }, cause: { text: "Dålig belysning A" } });
    await expect(listActions(ctxOf(otherEditor), w.a.cycle.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listActions(anonymous, w.a.cycle.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(getAction(ctxOf(otherEditor), list[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAction(ctxOf(editor), "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("deleteAction", () => {
  it("removes the action, its responsibles and follow-ups, and audits it", async () => {
    const created = await newAction();
    const { action } = await addFollowUp(ctxOf(editor), {
      actionId: created.id,
      version: created.version,
      note: "Start",
    });
    // A stale version (the one read before the follow-up) is refused and nothing is deleted.
    await refused(() => deleteAction(ctxOf(editor), { id: created.id, version: created.version }), "CONFLICT");
    // The version is required: a delete without one cannot skip the conflict check.
    await refused(() => deleteAction(ctxOf(editor), { id: created.id } as never), "VALIDATION", "version");
    expect(await database.db.select().from(actions).where(eq(actions.id, created.id))).toHaveLength(1);
    expect(await database.db.select().from(followUps).where(eq(followUps.actionId, created.id))).toHaveLength(1);
    await refused(() => deleteAction(ctxOf(viewer), { id: created.id, version: action.version }), "FORBIDDEN");
    await refused(() => deleteAction(ctxOf(otherEditor), { id: created.id, version: action.version }), "NOT_FOUND");
    await refused(() => deleteAction(anonymous, { id: created.id, version: action.version }), "UNAUTHENTICATED");
    await deleteAction(ctxOf(editor), { id: created.id, version: action.version });
    expect(await database.db.select().from(actions).where(eq(actions.id, created.id))).toEqual([]);
    expect(await database.db.select().from(followUps).where(eq(followUps.actionId, created.id))).toEqual([]);
    expect(
      await database.db.select().from(actionResponsibles).where(eq(actionResponsibles.actionId, created.id)),
    ).toEqual([]);
    const audit = await lastAudit(database, created.id);
    expect(audit?.action).toBe("action.deleted");
    expect(audit!.before).toMatchObject({ title: created.title });
  });
});

describe("adopting the action plan", () => {
  it("records the body and date on the cycle, guarded by the cycle's version, and can be withdrawn", async () => {
    const cycleVersion = async () =>
      (await database.db.select().from(cycles).where(eq(cycles.id, w.a.cycle.id)))[0]!.version;
    const v = await cycleVersion();
    const adopt = (ctx: ServiceContext, changes: Record<string, unknown> = {}) =>
      adoptActionPlan(ctx, {
        cycleId: w.a.cycle.id,
        version: v,
        bodyId: w.a.body.id,
        adoptedOn: "2025-02-15",
        ...changes,
      });
    await refused(
      () => adopt(ctxOf(editor), { bodyId: w.b.body.id }),
      "VALIDATION",
      "bodyId",
      "actionPlan.bodyId.unknown",
    );
    await refused(() => adopt(ctxOf(editor), { adoptedOn: "" }), "VALIDATION", "adoptedOn");
    await refused(() => adopt(ctxOf(editor), { version: v + 3 }), "CONFLICT");
    await refused(() => adopt(ctxOf(viewer)), "FORBIDDEN");
    await refused(() => adopt(ctxOf(owner)), "NOT_FOUND");
    await refused(() => adopt(ctxOf(otherEditor)), "NOT_FOUND");
    await refused(() => adopt(anonymous), "UNAUTHENTICATED");
    const adopted = await adopt(ctxOf(editor));
    expect(adopted).toMatchObject({ planAdoptedByBodyId: w.a.body.id, planAdoptedOn: "2025-02-15", version: v + 1 });
    expect(await lastAudit(database, w.a.cycle.id)).toMatchObject({
      action: "cycle.actionPlanAdopted",
      after: { planAdoptedByBodyId: w.a.body.id, planAdoptedOn: "2025-02-15" },
    });
    const plan = await getActionPlan(ctxOf(viewer), w.a.cycle.id);
    expect(plan).toMatchObject({ adoptedBy: { name: "Styrgruppen A" }, canEdit: false });
    const withdrawn = await withdrawActionPlanAdoption(ctxOf(editor), { cycleId: w.a.cycle.id, version: v + 1 });
    expect(withdrawn).toMatchObject({ planAdoptedByBodyId: null, planAdoptedOn: null });
    expect((await lastAudit(database, w.a.cycle.id))?.action).toBe("cycle.actionPlanAdoptionWithdrawn");
  });
});

describe("the annual follow-up report", () => {
  it("counts statuses per focus area, goals, hours, and records what was reported to whom", async () => {
    await newAction(ctxOf(editor), { status: "cancelled", hoursSpent: 2 });
    // 95 in 2025 is above a target of 50 on a "decrease" indicator: not met.
    await newAction(ctxOf(editor), { title: "Ambitiös åtgärd", targetValue: 50 });
    const report = await getFollowUpReport(ctxOf(viewer), w.a.cycle.id);
    const area = report.focusAreas.find((f) => f.id === w.a.focusArea.id)!;
    expect(area.counts.total).toBe(area.actions.length);
    expect(area.counts.cancelled).toBeGreaterThanOrEqual(1);
    expect(area.counts.done).toBeGreaterThanOrEqual(1);
    expect(report.totals.total).toBe((await listActions(ctxOf(viewer), w.a.cycle.id)).length);
    // Every action with the indicator aims at 100 from 120; 2025 is 95 → met.
    expect(area.actions.filter((a) => a.targetValue === 100).every((a) => a.goalStatus === "met")).toBe(true);
    expect(report.goals.met).toBeGreaterThan(0);
    expect(report.hoursSpent).toBeGreaterThanOrEqual(17.5);
    const withTarget = area.actions.filter((a) => a.targetValue !== null);
    expect(area.goals).toEqual({
      withTarget: withTarget.length,
      met: withTarget.filter((a) => a.targetValue === 100).length,
      notMet: withTarget.filter((a) => a.targetValue === 50).length,
      noData: 0,
    });
    expect(area.goals.notMet).toBe(1);
    // The suppressed year stays in the trend, marked, so a reader sees it exists.
    expect(report.indicators[0]!.values).toEqual([
      { year: 2023, value: null, suppressed: true },
      { year: 2024, value: 120, suppressed: false },
      { year: 2025, value: 95, suppressed: false },
    ]);

    const add = (ctx: ServiceContext, changes: Record<string, unknown> = {}) =>
      addCycleReport(ctx, {
        cycleId: w.a.cycle.id,
        recipient: "Kommunstyrelsen",
        reportedOn: "2025-12-10",
        note: "Årsrapport",
        ...changes,
      });
    await refused(() => add(ctxOf(editor), { recipient: "" }), "VALIDATION", "recipient", "validation.required");
    await refused(() => add(ctxOf(editor), { reportedOn: "2025-13-01" }), "VALIDATION", "reportedOn");
    await refused(() => add(ctxOf(viewer)), "FORBIDDEN");
    await refused(() => add(ctxOf(otherEditor)), "NOT_FOUND");
    await refused(() => add(anonymous), "UNAUTHENTICATED");
    const row = await add(ctxOf(editor));
    expect(await lastAudit(database, row.id)).toMatchObject({
      action: "cycleReport.added",
      after: { recipient: "Kommunstyrelsen" },
    });
    expect((await getFollowUpReport(ctxOf(viewer), w.a.cycle.id)).reports.map((r) => r.recipient)).toEqual([
      "Kommunstyrelsen",
    ]);
    await refused(() => deleteCycleReport(ctxOf(viewer), row.id), "FORBIDDEN");
    await refused(() => deleteCycleReport(ctxOf(otherEditor), row.id), "NOT_FOUND");
    await refused(() => deleteCycleReport(ctxOf(editor), "x"), "NOT_FOUND");
    await deleteCycleReport(ctxOf(editor), row.id);
    expect(await lastAudit(database, row.id)).toMatchObject({ action: "cycleReport.deleted", before: { id: row.id } });
    await expect(getFollowUpReport(ctxOf(otherEditor), w.a.cycle.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the kommunikationsplan", () => {
  it("creates, updates and deletes items with audit, refusing bad input and others", async () => {
    const create = (ctx: ServiceContext, changes: Record<string, unknown> = {}) =>
      createCommunicationItem(ctx, {
        cycleId: w.a.cycle.id,
        message: "Medborgarlöftet presenteras",
        audience: "Medborgare",
        channel: "Lokaltidningen",
        owner: "Kommunikatören",
        plannedOn: "2025-03-01",
        promiseId: w.a.promise.id,
        ...changes,
      });
    await refused(() => create(ctxOf(editor), { promiseId: w.b.promise.id }), "VALIDATION", "promiseId");
    await refused(() => create(ctxOf(editor), { message: "" }), "VALIDATION", "message");
    await refused(() => create(ctxOf(viewer)), "FORBIDDEN");
    await refused(() => create(ctxOf(otherEditor)), "NOT_FOUND");
    await refused(() => create(anonymous), "UNAUTHENTICATED");
    const item = await create(ctxOf(editor));
    expect(await lastAudit(database, item.id)).toMatchObject({ action: "communicationItem.created" });
    const list = await listCommunicationItems(ctxOf(viewer), w.a.cycle.id);
    expect(list).toMatchObject({ canEdit: false, items: [{ id: item.id, promiseText: "Vi lovar A" }] });

    await refused(() => updateCommunicationItem(ctxOf(editor), { id: item.id, version: 9, done: true }), "CONFLICT");
    await refused(() => updateCommunicationItem(ctxOf(viewer), { id: item.id, version: 1, done: true }), "FORBIDDEN");
    await refused(
      () => updateCommunicationItem(ctxOf(otherEditor), { id: item.id, version: 1, done: true }),
      "NOT_FOUND",
    );
    const updated = await updateCommunicationItem(ctxOf(editor), { id: item.id, version: 1, done: true });
    expect(updated).toMatchObject({ done: true, version: 2, message: "Medborgarlöftet presenteras" });
    expect(await lastAudit(database, item.id)).toMatchObject({
      action: "communicationItem.updated",
      before: { done: false },
      after: { done: true },
    });
    await refused(() => deleteCommunicationItem(ctxOf(editor), { id: item.id, version: 1 }), "CONFLICT");
    await refused(() => deleteCommunicationItem(ctxOf(editor), { id: item.id } as never), "VALIDATION", "version");
    await refused(() => deleteCommunicationItem(ctxOf(viewer), { id: item.id, version: 2 }), "FORBIDDEN");
    await refused(() => deleteCommunicationItem(ctxOf(otherEditor), { id: item.id, version: 2 }), "NOT_FOUND");
    await refused(() => deleteCommunicationItem(anonymous, { id: item.id, version: 2 }), "UNAUTHENTICATED");
    expect(await database.db.select().from(communicationItems).where(eq(communicationItems.id, item.id))).toHaveLength(
      1,
    );
    await deleteCommunicationItem(ctxOf(editor), { id: item.id, version: 2 });
    expect(await lastAudit(database, item.id)).toMatchObject({ action: "communicationItem.deleted" });
  });
});
