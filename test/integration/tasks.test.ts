import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { agreements, calendarRules, followUps, actions as actionsTable, tasks, users } from "../../src/db/schema.ts";
import { signOneClick } from "../../src/domain/cycles/one-click.ts";
import { AppError } from "../../src/errors.ts";
import { createOrganisation } from "../../src/services/organisations/organisations.ts";
import { createApiToken } from "../../src/services/auth/users.ts";
import {
  assignTask,
  completeTask,
  ensureDefaultRules,
  generateAllTasks,
  generateTasks,
  getCalendar,
  reopenTask,
  setCalendarRules,
} from "../../src/services/tasks/calendar.ts";
import { calendarFeed, getMySettings, rotateFeedKey, setDigestEnabled } from "../../src/services/tasks/feeds.ts";
import { applyOneClick, readOneClick } from "../../src/services/tasks/one-click.ts";
import { appSecret } from "../../src/services/tasks/secret.ts";
import { buildTodoList } from "../../src/services/tasks/todo.ts";
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
import { cycleWithActions } from "./tasks-fixtures.ts";

const database = await freshDatabase();
const server = await startTestServer(database);
afterAll(() => server.close());
const world = await twoOrganisationWorld(database);
const A = world.agreementA.id;
const editor = await makeUser(database, [[world.kommunA.id, "editor"]]);
const viewer = await makeUser(database, [[world.kommunA.id, "viewer"]]);
const contributor = await makeUser(database, [[world.lpoA.id, "contributor"]]);
const otherEditor = await makeUser(database, [[world.kommunB.id, "editor"]]);
const NOW = new Date("2026-12-01T09:00:00Z");
const at = () => NOW;
const versionOf = async (id = A) =>
  (await database.db.select({ v: agreements.version }).from(agreements).where(eq(agreements.id, id)))[0]!.v;

async function expectRefused(fn: () => Promise<unknown>, code: string) {
  const before = await auditCount(database);
  const e = await fn().then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect(await auditCount(database)).toBe(before);
  return e as AppError;
}

describe("årshjul rules", () => {
  it("creates the defaults once, audited, and only for editors", async () => {
    await expectRefused(() => ensureDefaultRules(as(database, viewer), A), "FORBIDDEN");
    await expectRefused(() => ensureDefaultRules(as(database, otherEditor), A), "NOT_FOUND");
    await expectRefused(() => ensureDefaultRules(as(database, null), A), "UNAUTHENTICATED");
    const first = await ensureDefaultRules(as(database, editor, at), A);
    expect(first.created).toBe(true);
    expect(first.rules.map((r) => r.kind)).toEqual([
      "process_start",
      "situation_report_due",
      "promise_period_start",
      "promise_period_end",
      "annual_report",
      "annual_report",
      "review",
    ]);
    expect(first.rules.find((r) => r.kind === "review")!.intervalMonths).toBe(24);
    expect((await lastAudit(database, A))!.action).toBe("calendar.defaultsCreated");
    const again = await ensureDefaultRules(as(database, editor, at), A);
    expect(again.created).toBe(false);
    expect(again.rules).toHaveLength(7);
  });

  it("replaces the set keeping ids, audited, with a version check and owner check", async () => {
    const { rules } = await getCalendar(as(database, editor, at), A);
    const version = await versionOf();
    const keep = rules.slice(0, 2).map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      month: r.month,
      day: r.day,
      intervalMonths: r.intervalMonths,
      ownerUserId: r.kind === "process_start" ? contributor.userId : null,
    }));
    const result = await setCalendarRules(as(database, editor, at), {
      agreementId: A,
      version,
      rules: [...keep, { kind: "custom", title: "Trygghetsvandring", month: 2, day: 29, intervalMonths: 12 }],
    });
    expect(result.rules.map((r) => r.title)).toEqual([rules[0]!.title, rules[1]!.title, "Trygghetsvandring"]);
    expect(result.rules[0]!.id).toBe(rules[0]!.id);
    expect(result.rules[0]!.ownerUserId).toBe(contributor.userId);
    const audit = await lastAudit(database, A);
    expect(audit!.action).toBe("calendar.rulesSet");
    expect((audit!.before as unknown[]).length).toBe(7);
    expect((audit!.after as unknown[]).length).toBe(3);
    expect(await versionOf()).toBe(version + 1);
    // Stale version: refused, nothing written.
    await expectRefused(
      () => setCalendarRules(as(database, editor, at), { agreementId: A, version, rules: [] }),
      "CONFLICT",
    );
    expect(await database.db.select().from(calendarRules).where(eq(calendarRules.agreementId, A))).toHaveLength(3);
  });

  it("refuses bad input naming the field, and other organisations, viewers and anonymous callers", async () => {
    const version = await versionOf();
    const bad = await expectRefused(
      () =>
        setCalendarRules(as(database, editor, at), {
          agreementId: A,
          version,
          rules: [{ title: "April", month: 4, day: 31 }],
        }),
      "VALIDATION",
    );
    expect(bad.fields).toEqual([{ path: "rules.0.day", message: "calendar.day.invalid" }]);
    const owner = await expectRefused(
      () =>
        setCalendarRules(as(database, editor, at), {
          agreementId: A,
          version,
          rules: [{ title: "X", month: 1, day: 1, ownerUserId: otherEditor.userId }],
        }),
      "VALIDATION",
    );
    expect(owner.fields[0]).toMatchObject({ path: "rules.0.ownerUserId", message: "calendar.owner.notMember" });
    const empty = await expectRefused(
      () =>
        setCalendarRules(as(database, editor, at), {
          agreementId: A,
          version,
          rules: [{ title: "", month: 1, day: 1 }],
        }),
      "VALIDATION",
    );
    expect(empty.fields[0]!.path).toBe("rules.0.title");
    const input = { agreementId: A, version, rules: [] };
    await expectRefused(() => setCalendarRules(as(database, viewer), input), "FORBIDDEN");
    await expectRefused(() => setCalendarRules(as(database, otherEditor), input), "NOT_FOUND");
    await expectRefused(() => setCalendarRules(as(database, null), input), "UNAUTHENTICATED");
    expect(await versionOf()).toBe(version);
  });
});

describe("tasks", () => {
  it("are generated idempotently, inheriting the rule's owner, with 29 February on the 28th", async () => {
    const first = await generateTasks(as(database, editor, at), { agreementId: A, horizonDays: 400 });
    expect(first.created).toBeGreaterThan(0);
    expect((await lastAudit(database, A))!.action).toBe("calendar.tasksGenerated");
    const count = await auditCount(database);
    const second = await generateTasks(as(database, editor, at), { agreementId: A, horizonDays: 400 });
    expect(second.created).toBe(0);
    expect(await auditCount(database)).toBe(count);
    expect((await generateAllTasks(system(database, at))).created).toBe(0);
    const rows = await database.db.select().from(tasks).where(eq(tasks.agreementId, A));
    expect(rows).toHaveLength(first.created);
    expect(rows.find((t) => t.title === "Trygghetsvandring")!.dueOn).toBe("2027-02-28");
    expect(rows.find((t) => t.dueOn === "2027-06-01")!.ownerUserId).toBe(contributor.userId);
    await expectRefused(() => generateTasks(as(database, viewer, at), { agreementId: A }), "FORBIDDEN");
    await expectRefused(() => generateTasks(as(database, otherEditor, at), { agreementId: A }), "NOT_FOUND");
  });

  it("are completed and reopened by editors or their owner, audited; others are refused", async () => {
    const rows = await database.db.select().from(tasks).where(eq(tasks.agreementId, A));
    const owned = rows.find((t) => t.ownerUserId === contributor.userId)!;
    const unowned = rows.find((t) => t.ownerUserId === null)!;
    const done = await completeTask(as(database, contributor, at), { taskId: owned.id });
    expect(done.doneOn).toBe("2026-12-01");
    expect(done.doneByUserId).toBe(contributor.userId);
    const audit = await lastAudit(database, owned.id);
    expect(audit).toMatchObject({ action: "task.completed", entityType: "task" });
    await expectRefused(() => completeTask(as(database, contributor, at), { taskId: owned.id }), "CONFLICT");
    await expectRefused(() => completeTask(as(database, contributor, at), { taskId: unowned.id }), "FORBIDDEN");
    await expectRefused(() => completeTask(as(database, viewer, at), { taskId: unowned.id }), "FORBIDDEN");
    await expectRefused(() => completeTask(as(database, otherEditor, at), { taskId: unowned.id }), "NOT_FOUND");
    await expectRefused(() => completeTask(as(database, null, at), { taskId: unowned.id }), "UNAUTHENTICATED");
    await expectRefused(() => completeTask(as(database, editor, at), { taskId: "nope" }), "NOT_FOUND");
    const reopened = await reopenTask(as(database, editor, at), { taskId: owned.id });
    expect(reopened.doneOn).toBeNull();
    expect((await lastAudit(database, owned.id))!.action).toBe("task.reopened");
    const assigned = await assignTask(as(database, editor, at), { taskId: unowned.id, ownerUserId: viewer.userId });
    expect(assigned.ownerUserId).toBe(viewer.userId);
    expect((await lastAudit(database, unowned.id))!.action).toBe("task.assigned");
    await expectRefused(
      () => assignTask(as(database, editor, at), { taskId: unowned.id, ownerUserId: otherEditor.userId }),
      "VALIDATION",
    );
    await expectRefused(
      () => assignTask(as(database, contributor, at), { taskId: unowned.id, ownerUserId: null }),
      "FORBIDDEN",
    );
    await assignTask(as(database, editor, at), { taskId: unowned.id, ownerUserId: null });
  });
});

describe("the Att göra list", () => {
  const fixtures = cycleWithActions(database, A, world.lpoA.id, NOW, [
    { title: "Sen åtgärd", deadline: "2026-11-15" },
    { title: "Bortglömd åtgärd", idleDays: 100 },
    { title: "Färsk åtgärd", deadline: "2027-03-01" },
    { title: "Klar men sen", deadline: "2026-01-15", status: "done", idleDays: 200 },
  ]);

  it("shows the owner their tasks and actions, the editor unowned tasks and the agreement's actions, others nothing", async () => {
    await fixtures;
    // An overdue task owned by the contributor, and an overdue unowned one.
    await database.db.insert(tasks).values([
      { agreementId: A, title: "Försenad egen uppgift", dueOn: "2026-11-20", ownerUserId: contributor.userId },
      { agreementId: A, title: "Försenad gemensam uppgift", dueOn: "2026-11-25" },
      { agreementId: A, title: "Kommande gemensam uppgift", dueOn: "2026-12-10" },
      { agreementId: A, title: "Avlägsen gemensam uppgift", dueOn: "2027-01-05" },
    ]);
    const mine = await buildTodoList(as(database, contributor, at));
    expect(mine.overdue.map((l) => l.title)).toEqual(["Sen åtgärd", "Försenad egen uppgift"]);
    expect(mine.waiting.map((l) => l.title)).toEqual(["Bortglömd åtgärd"]);
    const idle = mine.waiting[0]!;
    expect(idle.kind === "action" && idle.idleDays).toBe(100);
    const ed = await buildTodoList(as(database, editor, at));
    expect(ed.overdue.map((l) => l.title)).toEqual(["Sen åtgärd", "Försenad gemensam uppgift"]);
    expect(ed.upcoming.map((l) => l.title)).toEqual(["Kommande gemensam uppgift"]);
    expect(ed.waiting.map((l) => l.title)).toEqual(["Bortglömd åtgärd"]);
    const other = await buildTodoList(as(database, otherEditor, at));
    expect(other.overdue.length + other.upcoming.length + other.waiting.length).toBe(0);
    const view = await buildTodoList(as(database, viewer, at));
    expect(view.overdue.length + view.waiting.length).toBe(0);
    await expect(buildTodoList(as(database, null))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("is served at GET /api/v1/me/todo", async () => {
    const { token } = await createApiToken(as(database, contributor), { name: "t" });
    const res = await fetch(`${server.baseUrl}/api/v1/me/todo`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { overdue: { title: string }[] };
    expect(body.overdue.map((l) => l.title)).toContain("Försenad egen uppgift");
    expect((await fetch(`${server.baseUrl}/api/v1/me/todo`)).status).toBe(401);
  });
});

describe("iCal feeds and my settings", () => {
  it("serve the user's and the agreement's calendar until the address is changed", async () => {
    const settings = await getMySettings(as(database, contributor, at));
    const userToken = settings.userFeedUrl.split("/kalender/")[1]!;
    const agreementFeed = settings.agreementFeeds.find((f) => f.agreementId === A)!;
    const agreementToken = agreementFeed.url.split("/kalender/")[1]!;
    const feed = await calendarFeed(database.db, testConfig, userToken, NOW);
    expect(feed.body).toContain("BEGIN:VCALENDAR\r\n");
    expect(feed.body).toContain("SUMMARY:Försenad egen uppgift\r\n");
    expect(feed.body).toMatch(/SUMMARY:Åtgärd: Sen åtgärd/);
    const byAgreement = await calendarFeed(database.db, testConfig, agreementToken, NOW);
    expect(byAgreement.body).toContain("SUMMARY:Försenad gemensam uppgift\r\n");
    expect(settings.agreementFeeds.some((f) => f.agreementId === world.agreementB.id)).toBe(false);

    const before = await auditCount(database);
    await rotateFeedKey(as(database, contributor, at));
    expect(await auditCount(database)).toBe(before + 1);
    expect((await lastAudit(database, contributor.userId))!.action).toBe("user.feedKeyRotated");
    await expect(calendarFeed(database.db, testConfig, userToken, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(calendarFeed(database.db, testConfig, agreementToken, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const fresh = await getMySettings(as(database, contributor, at));
    expect(fresh.userFeedUrl).not.toBe(settings.userFeedUrl);
    expect(
      (await calendarFeed(database.db, testConfig, fresh.userFeedUrl.split("/kalender/")[1]!, NOW)).body,
    ).toContain("VCALENDAR");
    // A forged agreement feed for an agreement the user cannot read.
    const forged = fresh.agreementFeeds[0]!.url.split("/kalender/")[1]!.replace(A, world.agreementB.id);
    await expect(calendarFeed(database.db, testConfig, forged, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(calendarFeed(database.db, testConfig, "nonsense.ics", NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("switches the weekly digest off and on, audited", async () => {
    expect((await setDigestEnabled(as(database, viewer), { enabled: false })).digestEnabled).toBe(false);
    expect((await lastAudit(database, viewer.userId))!.action).toBe("user.digestSet");
    const [row] = await database.db.select().from(users).where(eq(users.id, viewer.userId));
    expect(row!.digestEnabled).toBe(false);
    await setDigestEnabled(as(database, viewer), { enabled: true });
    await expect(setDigestEnabled(as(database, null), { enabled: true })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});

describe("one-click links over HTTP", () => {
  const call = (method: string, token: string, body?: unknown) =>
    fetch(`${server.baseUrl}/api/v1/one-click/${token}`, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });

  it("set the status with a follow-up via link, once; reused, expired and tampered links change nothing", async () => {
    const [late] = await database.db.select().from(actionsTable).where(eq(actionsTable.title, "Sen åtgärd"));
    const secret = await appSecret(database.db);
    const token = signOneClick(
      { actionId: late!.id, userId: contributor.userId, version: late!.version },
      secret,
      new Date(),
    );
    const shown = await call("GET", token);
    expect(shown.status).toBe(200);
    expect(((await shown.json()) as { action: { title: string } }).action.title).toBe("Sen åtgärd");

    const res = await call("POST", token, { status: "done", note: "Klart i veckan" });
    expect(res.status, await res.clone().text()).toBe(200);
    const [after] = await database.db.select().from(actionsTable).where(eq(actionsTable.id, late!.id));
    expect(after).toMatchObject({ status: "done", version: late!.version + 1 });
    const entries = await database.db.select().from(followUps).where(eq(followUps.actionId, late!.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      via: "link",
      status: "done",
      note: "Klart i veckan",
      authorUserId: contributor.userId,
    });
    expect(await lastAudit(database, late!.id)).toMatchObject({
      action: "action.followUpAdded",
      actorUserId: contributor.userId,
    });

    const count = await auditCount(database);
    const reused = await call("POST", token, { status: "ongoing" });
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as { messageKey: string }).messageKey).toBe("oneClick.used");
    expect((await call("GET", token)).status).toBe(409);

    const [idle] = await database.db.select().from(actionsTable).where(eq(actionsTable.title, "Bortglömd åtgärd"));
    const old = signOneClick(
      { actionId: idle!.id, userId: contributor.userId, version: idle!.version },
      secret,
      new Date(Date.now() - 15 * 86_400_000),
    );
    const expired = await call("POST", old, { status: "done" });
    expect(expired.status).toBe(400);
    expect(((await expired.json()) as { messageKey: string }).messageKey).toBe("oneClick.expired");
    const fresh = signOneClick(
      { actionId: idle!.id, userId: contributor.userId, version: idle!.version },
      secret,
      new Date(),
    );
    // Expired by the clock: the same link a fortnight and a day later.
    await expect(
      applyOneClick(
        as(database, null, () => new Date(Date.now() + 15 * 86_400_000)),
        fresh,
        { status: "done" },
      ),
    ).rejects.toMatchObject({ messageKey: "oneClick.expired" });
    const [body, mac] = fresh.split(".") as [string, string];
    const forgedBody = Buffer.from(
      JSON.stringify({ actionId: idle!.id, userId: editor.userId, version: idle!.version, exp: 4e9 }),
    ).toString("base64url");
    const tampered = await call("POST", `${forgedBody}.${mac}`, { status: "done" });
    expect(tampered.status).toBe(400);
    expect(((await tampered.json()) as { messageKey: string }).messageKey).toBe("oneClick.invalid");
    expect((await call("POST", `${body}.${mac}x`, { status: "done" })).status).toBe(400);
    // A viewer's link grants nothing: viewers may not update actions.
    const viewerLink = signOneClick(
      { actionId: idle!.id, userId: viewer.userId, version: idle!.version },
      secret,
      new Date(),
    );
    expect((await call("POST", viewerLink, { status: "done" })).status).toBe(403);
    // Bad input: nothing written.
    const badNote = await call("POST", fresh, { note: "19121212-1212" });
    expect(badNote.status).toBe(400);
    expect(await auditCount(database)).toBe(count);
    const [idleAfter] = await database.db.select().from(actionsTable).where(eq(actionsTable.id, idle!.id));
    expect(idleAfter).toMatchObject({ status: "ongoing", version: idle!.version });
    expect((await readOneClick(as(database, null), fresh)).action.status).toBe("ongoing");
  });

  it("is refused when the user has lost the right to update the action", async () => {
    const company = await createOrganisation(system(database), {
      kind: "company",
      name: "Bostadsbolaget",
      parentId: world.kommunA.id,
    });
    const outsider = await makeUser(database, [[company.id, "viewer"]]);
    const [idle] = await database.db.select().from(actionsTable).where(eq(actionsTable.title, "Bortglömd åtgärd"));
    const link = signOneClick(
      { actionId: idle!.id, userId: outsider.userId, version: idle!.version },
      await appSecret(database.db),
      new Date(),
    );
    await expect(applyOneClick(as(database, null), link, { status: "done" })).rejects.toMatchObject({
      messageKey: "oneClick.forbidden",
    });
  });
});
