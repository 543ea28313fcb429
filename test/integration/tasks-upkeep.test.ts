import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { agreementSettings, agreements, auditLog, calendarRules, signatories, tasks } from "../../src/db/schema.ts";
import { createApiToken } from "../../src/services/auth/users.ts";
import { createAgreement } from "../../src/services/agreements/agreements.ts";
import {
  completeTask,
  ensureDefaultRules,
  generateAllTasks,
  generateTasks,
  getCalendar,
  setCalendarRules,
  syncDefaultRules,
} from "../../src/services/tasks/calendar.ts";
import { calendarFeed, getMySettings } from "../../src/services/tasks/feeds.ts";
import {
  as,
  auditCount,
  freshDatabase,
  lastAudit,
  makeUser,
  system,
  testConfig,
  twoOrganisationWorld,
} from "../helpers/db.ts";
import { startTestServer } from "../helpers/http.ts";

const database = await freshDatabase();
const server = await startTestServer(database);
afterAll(() => server.close());
const world = await twoOrganisationWorld(database);
const editor = await makeUser(database, [[world.kommunA.id, "editor"]]);
const viewer = await makeUser(database, [[world.kommunA.id, "viewer"]]);
const otherEditor = await makeUser(database, [[world.kommunB.id, "editor"]]);
const NOW = new Date("2026-12-01T09:00:00Z");
const at =
  (d = NOW) =>
  () =>
    d;
const parties = [{ organisationId: world.kommunA.id }, { organisationId: world.lpoA.id }];

async function agreement(title: string, facts: Partial<typeof agreements.$inferInsert>) {
  const a = await createAgreement(system(database), { title, parties });
  if (Object.keys(facts).length) await database.db.update(agreements).set(facts).where(eq(agreements.id, a.id));
  return a.id;
}
const rulesOf = (id: string) => database.db.select().from(calendarRules).where(eq(calendarRules.agreementId, id));
const tasksOf = (id: string) => database.db.select().from(tasks).where(eq(tasks.agreementId, id));
const versionOf = async (id: string) =>
  (await database.db.select({ v: agreements.version }).from(agreements).where(eq(agreements.id, id)))[0]!.v;

describe("the daily job (generateAllTasks)", () => {
  it("gives agreements in force a default årshjul and its tasks; expired, terminated and draft ones get nothing", async () => {
    const active = await agreement("Gällande", { validFrom: "2025-01-01", signedOn: "2024-12-01" });
    const signed = await agreement("Undertecknad, börjar 2027", { validFrom: "2027-01-01", signedOn: "2026-11-01" });
    const bySignatories = await agreement("Undertecknad av alla", { validFrom: "2025-01-01" });
    await database.db
      .insert(signatories)
      .values({ agreementId: bySignatories, position: 0, name: "Anna", signedOn: "2025-01-01" });
    const expired = await agreement("Utgången", {
      validFrom: "2023-01-01",
      validTo: "2025-12-31",
      signedOn: "2023-01-01",
    });
    const terminated = await agreement("Uppsagd", {
      validFrom: "2024-01-01",
      signedOn: "2024-01-01",
      terminatedOn: "2026-06-30",
    });
    const draft = await agreement("Utkast", {});
    // An expired agreement that has rules from when it was in force: no new tasks either.
    const expiredWithRules = await agreement("Utgången med årshjul", {
      validFrom: "2023-01-01",
      validTo: "2026-12-31",
      signedOn: "2023-01-01",
    });
    await ensureDefaultRules(system(database, at()), expiredWithRules);
    await database.db.update(agreements).set({ validTo: "2026-11-30" }).where(eq(agreements.id, expiredWithRules));

    const r = await generateAllTasks(system(database, at()));
    expect(r.failures).toEqual([]);
    expect(r.defaultsCreated).toBeGreaterThanOrEqual(3);
    for (const id of [active, signed, bySignatories]) {
      expect((await rulesOf(id)).length).toBe(7);
      expect((await tasksOf(id)).length).toBeGreaterThan(0);
      const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
      expect(audits.map((a) => a.action)).toEqual(
        expect.arrayContaining(["calendar.defaultsCreated", "calendar.tasksGenerated"]),
      );
    }
    for (const id of [expired, terminated, draft]) {
      expect(await rulesOf(id)).toEqual([]);
      expect(await tasksOf(id)).toEqual([]);
    }
    expect((await rulesOf(expiredWithRules)).length).toBe(7);
    expect(await tasksOf(expiredWithRules)).toEqual([]);

    // Running it again adds nothing and writes no audit record.
    const count = await auditCount(database);
    const again = await generateAllTasks(system(database, at()));
    expect(again).toMatchObject({ created: 0, defaultsCreated: 0, failures: [] });
    expect(await auditCount(database)).toBe(count);
    await expect(generateAllTasks(as(database, editor))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("changing the årshjul's rules", () => {
  it("deletes the open future tasks of a moved or removed rule, keeping done and past ones", async () => {
    const id = await agreement("Årshjul ändras", { validFrom: "2025-01-01", signedOn: "2024-12-01" });
    const custom = { kind: "custom" as const, title: "Trygghetsvandring", month: 3, day: 15, intervalMonths: 6 };
    const extra = { kind: "custom" as const, title: "Nattvandring", month: 5, day: 1, intervalMonths: 12 };
    let set = await setCalendarRules(as(database, editor, at(new Date("2026-01-01T09:00:00Z"))), {
      agreementId: id,
      version: await versionOf(id),
      rules: [custom, extra],
    });
    // Tasks made in January: 2026-03-15 (past by NOW, left open), 2026-09-15 (done), 2027-03-15 (open, future).
    await generateTasks(as(database, editor, at(new Date("2026-01-01T09:00:00Z"))), {
      agreementId: id,
      horizonDays: 500,
    });
    const walk = set.rules.find((r) => r.title === "Trygghetsvandring")!;
    const night = set.rules.find((r) => r.title === "Nattvandring")!;
    const mine = () => database.db.select().from(tasks).where(eq(tasks.ruleId, walk.id));
    expect((await mine()).map((t) => t.dueOn).sort()).toEqual(["2026-03-15", "2026-09-15", "2027-03-15"]);
    const september = (await mine()).find((t) => t.dueOn === "2026-09-15")!;
    await completeTask(as(database, editor, at()), { taskId: september.id });

    // Move the walk to the 20th; drop the night walk.
    set = await setCalendarRules(as(database, editor, at()), {
      agreementId: id,
      version: await versionOf(id),
      rules: [{ ...custom, id: walk.id, day: 20 }],
    });
    expect((await mine()).map((t) => t.dueOn).sort()).toEqual(["2026-03-15", "2026-09-15"]);
    expect((await mine()).find((t) => t.dueOn === "2026-09-15")!.doneOn).not.toBeNull();
    const nightTasks = await database.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.agreementId, id), eq(tasks.title, night.title)));
    expect(nightTasks.every((t) => t.dueOn < "2026-12-01" && t.ruleId === null)).toBe(true);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    const removedAudit = audits.find((a) => a.action === "calendar.tasksRemoved")!;
    expect((removedAudit.before as { dueOn: string }[]).map((t) => t.dueOn).sort()).toEqual([
      "2027-03-15",
      "2027-05-01",
    ]);
    expect((await lastAudit(database, id))!.action).toBe("calendar.rulesSet");

    // The next generation makes the right dates; a title-only change removes nothing.
    await generateTasks(as(database, editor, at()), { agreementId: id, horizonDays: 400 });
    expect((await mine()).map((t) => t.dueOn).sort()).toEqual(["2026-03-15", "2026-09-15", "2027-03-20", "2027-09-20"]);
    await setCalendarRules(as(database, editor, at()), {
      agreementId: id,
      version: await versionOf(id),
      rules: [{ ...custom, id: walk.id, day: 20, title: "Trygghetsvandring i centrum" }],
    });
    expect((await mine()).length).toBe(4);
  });
});

describe("syncDefaultRules", () => {
  it("makes the default rules follow the agreement's settings, keeps custom rules, audited, and writes only on change", async () => {
    const id = await agreement("Inställningar ändras", { validFrom: "2025-01-01", signedOn: "2024-12-01" });
    await ensureDefaultRules(as(database, editor, at()), id);
    const { rules } = await getCalendar(as(database, editor, at()), id);
    await setCalendarRules(as(database, editor, at()), {
      agreementId: id,
      version: await versionOf(id),
      rules: [
        ...rules.map(({ id: ruleId, kind, title, month, day, intervalMonths }) => ({
          id: ruleId,
          kind,
          title,
          month,
          day,
          intervalMonths,
        })),
        { kind: "custom", title: "Egen", month: 2, day: 2, intervalMonths: 12 },
      ],
    });
    await generateTasks(as(database, editor, at()), { agreementId: id, horizonDays: 400 });
    const startRule = rules.find((r) => r.kind === "promise_period_start")!;
    const oldStartTasks = await database.db.select().from(tasks).where(eq(tasks.ruleId, startRule.id));
    expect(oldStartTasks.map((t) => t.dueOn).sort()).toEqual(["2027-01-01", "2028-01-01"]);

    // Nothing to do: no write, no audit record.
    let count = await auditCount(database);
    expect(await syncDefaultRules(as(database, editor, at()), id)).toEqual({ changed: false });
    expect(await auditCount(database)).toBe(count);

    await database.db
      .insert(agreementSettings)
      .values({ agreementId: id, promisePeriod: "half_year", reviewIntervalMonths: 36, situationSources: [] });
    const version = await versionOf(id);
    // Refusals first: nothing changes.
    count = await auditCount(database);
    await expect(syncDefaultRules(as(database, viewer), id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(syncDefaultRules(as(database, otherEditor), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(syncDefaultRules(as(database, null), id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(syncDefaultRules(as(database, editor), "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditCount(database)).toBe(count);

    // generateTasks syncs first (the årshjul page's save and the daily job both call it).
    await generateTasks(as(database, editor, at()), { agreementId: id, horizonDays: 400 });
    const after = await rulesOf(id);
    const timing = (kind: string) =>
      after
        .filter((r) => r.kind === kind)
        .map((r) => `${r.month}-${r.day}/${r.intervalMonths}`)
        .sort();
    expect(timing("promise_period_start")).toEqual(["4-1/6"]);
    expect(timing("promise_period_end")).toEqual(["3-31/12", "9-30/12"]);
    expect(timing("review")).toEqual(["6-30/36"]);
    expect(after.find((r) => r.kind === "promise_period_start")!.id).toBe(startRule.id);
    expect(after.find((r) => r.title === "Egen")).toMatchObject({ month: 2, day: 2, intervalMonths: 12 });
    expect(await versionOf(id)).toBe(version + 1);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    const synced = audits.find((a) => a.action === "calendar.defaultsSynced")!;
    expect(synced.actorUserId).toBe(editor.userId);
    expect((synced.before as unknown[]).length).toBe(8);
    expect((synced.after as unknown[]).length).toBe(9);
    // The old 1 January task went; the half-years' start dates came.
    const startTasks = await database.db.select().from(tasks).where(eq(tasks.ruleId, startRule.id));
    expect(startTasks.map((t) => t.dueOn).sort()).toEqual(["2027-04-01", "2027-10-01"]);

    count = await auditCount(database);
    expect(await syncDefaultRules(as(database, editor, at()), id)).toEqual({ changed: false });
    expect(await auditCount(database)).toBe(count);

    // The daily job follows the settings too (as the system), e.g. back to whole years.
    await database.db
      .update(agreementSettings)
      .set({ promisePeriod: "year" })
      .where(eq(agreementSettings.agreementId, id));
    expect((await generateAllTasks(system(database, at()))).failures).toEqual([]);
    expect((await rulesOf(id)).filter((r) => r.kind.startsWith("promise_period")).length).toBe(2);
    expect((await lastAudit(database, id))!.actorLabel).toBe("system");
    expect(
      await database.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.agreementId, id), isNotNull(tasks.doneOn))),
    ).toEqual([]);
  });
});

describe("my settings over the API", () => {
  it("PUT /api/v1/me/digest switches the digest (200), refuses bad input (400) and anonymous callers (401)", async () => {
    const { token } = await createApiToken(as(database, viewer), { name: "t" });
    const put = (body: unknown, auth = true) =>
      fetch(`${server.baseUrl}/api/v1/me/digest`, {
        method: "PUT",
        headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const res = await put({ enabled: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ digestEnabled: false });
    expect((await lastAudit(database, viewer.userId))!.action).toBe("user.digestSet");
    const count = await auditCount(database);
    expect((await put({ enabled: "ja" })).status).toBe(400);
    expect((await put({ enabled: true }, false)).status).toBe(401);
    expect(await auditCount(database)).toBe(count);
    expect((await put({ enabled: true })).status).toBe(200);
    expect(server.errors).toEqual([]);
  });

  it("POST /api/v1/me/feeds/rotate changes the feed addresses (200; old ones 404) and refuses anonymous callers (401)", async () => {
    const { token } = await createApiToken(as(database, editor), { name: "t" });
    const before = await getMySettings(as(database, editor));
    // The feed itself is a page of the web app (not in this API-only server): its service decides.
    const feed = (url: string) => calendarFeed(database.db, testConfig, url.split("/kalender/")[1]!, NOW);
    expect((await feed(before.userFeedUrl)).body).toContain("BEGIN:VCALENDAR");
    expect((await fetch(`${server.baseUrl}/api/v1/me/feeds/rotate`, { method: "POST" })).status).toBe(401);
    const res = await fetch(`${server.baseUrl}/api/v1/me/feeds/rotate`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { userFeedUrl: string };
    expect(body.userFeedUrl).not.toBe(before.userFeedUrl);
    expect((await lastAudit(database, editor.userId))!.action).toBe("user.feedKeyRotated");
    await expect(feed(before.userFeedUrl)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await feed(body.userFeedUrl)).body).toContain("BEGIN:VCALENDAR");
  });

  it("are listed in the OpenAPI document", async () => {
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.paths["/me/digest"]?.put?.requestBody).toBeDefined();
    expect(doc.paths["/me/feeds/rotate"]?.post).toBeDefined();
  });
});
