// First: the API modules need zod extended for OpenAPI before router.ts loads them all.
import "../../src/http/api/promises.ts";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { actions, citizenPromiseActions, citizenPromises, cycles, indicators } from "../../src/db/schema.ts";
import { AppError } from "../../src/errors.ts";
import { createApiToken } from "../../src/services/auth/users.ts";
import type { ServiceContext } from "../../src/services/core/context.ts";
import {
  closePromise,
  createPromise,
  defaultPeriodFor,
  deletePromise,
  getPromise,
  listLinkableActions,
  listPromises,
  publishPromise,
  reopenPromise,
  unpublishPromise,
  updatePromise,
} from "../../src/services/promises/promises.ts";
import {
  getPublicPage,
  invalidatePublicPages,
  publicPageGeneration,
  setPublicPage,
} from "../../src/services/promises/public-cache.ts";
import { getPromisePreview, getPublicPromises, listPublicKommuner } from "../../src/services/promises/public.ts";
import { as, auditCount, freshDatabase, lastAudit, makeUser, twoOrganisationWorld } from "../helpers/db.ts";
import { startTestServer } from "../helpers/http.ts";

const database = await freshDatabase();
const world = await twoOrganisationWorld(database);
const editor = await makeUser(database, [[world.kommunA.id, "editor"]]);
const policeEditor = await makeUser(database, [[world.lpoA.id, "editor"]]);
const viewer = await makeUser(database, [[world.kommunA.id, "viewer"]]);
const otherEditor = await makeUser(database, [[world.kommunB.id, "editor"]]);
const ed = () => as(database, editor);
const PERSONNUMMER = "811218-9876";
const A = world.agreementA.id;

// The cycle data other modules write, inserted directly: one cycle per agreement, actions in each.
const [indicator] = await database.db
  .insert(indicators)
  .values({
    agreementId: A,
    position: 0,
    name: "Anmälda bostadsinbrott",
    unit: "per 100 000",
    direction: "decrease",
    values: [
      { year: 2023, value: 300, suppressed: false, note: "" },
      { year: 2024, value: null, suppressed: true, note: "XX" },
      { year: 2025, value: 240, suppressed: false, note: "" },
    ],
  })
  .returning();
const [cycleA] = await database.db
  .insert(cycles)
  .values({ agreementId: A, label: "2025", startsOn: "2025-01-01", endsOn: "2025-12-31" })
  .returning();
const [cycleB] = await database.db
  .insert(cycles)
  .values({ agreementId: world.agreementB.id, label: "2025", startsOn: "2025-01-01", endsOn: "2025-12-31" })
  .returning();
const [action1, action2] = await database.db
  .insert(actions)
  .values([
    {
      cycleId: cycleA!.id,
      position: 0,
      title: "Trygghetsvandring i centrum",
      contactPerson: "Sara Hemlig",
      status: "done",
      indicatorId: indicator!.id,
      baselineYear: 2023,
      targetValue: 250,
      targetYear: 2025,
    },
    { cycleId: cycleA!.id, position: 1, title: "Fler trafikkontroller", status: "ongoing" },
  ])
  .returning();
const [foreignAction] = await database.db
  .insert(actions)
  .values({ cycleId: cycleB!.id, position: 0, title: "Skaras åtgärd" })
  .returning();

async function promiseCount() {
  const [{ n } = { n: 0 }] = await database.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(citizenPromises);
  return n;
}

async function refused(run: () => Promise<unknown>, code: string, fields?: string[]) {
  const audits = await auditCount(database);
  const promises = await database.db.select().from(citizenPromises).orderBy(citizenPromises.id);
  const links = await database.db.select().from(citizenPromiseActions);
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.code).toBe(code);
  if (fields) expect(e.fields.map((f) => f.path).sort()).toEqual([...fields].sort());
  expect(await auditCount(database)).toBe(audits);
  expect(await database.db.select().from(citizenPromises).orderBy(citizenPromises.id)).toEqual(promises);
  expect(await database.db.select().from(citizenPromiseActions)).toEqual(links);
  return e;
}

async function draft(text = "Vi ska vara synliga i centrum på fredagskvällar.") {
  return createPromise(ed(), {
    agreementId: A,
    promiser: "police",
    text,
    periodStart: "2025-04-01",
    periodEnd: "2025-09-30",
  });
}

const publicTexts = async (slug = "koping") => {
  const v = await getPublicPromises(as(database, null), slug);
  return {
    current: v.current.flatMap((g) => g.promises.map((p) => p.text)),
    closed: v.closed.map((p) => p.text),
  };
};

describe("creating and changing promises", () => {
  it("creates a draft with linked actions, audited", async () => {
    const p = await createPromise(ed(), {
      agreementId: A,
      cycleId: cycleA!.id,
      promiser: "together",
      text: "Tillsammans gör vi centrum tryggare.",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      actionIds: [action1!.id, action2!.id],
    });
    expect(p.status).toBe("draft");
    expect(p.isPublic).toBe(false);
    expect(p.actions.map((a) => a.id)).toEqual([action1!.id, action2!.id]);
    expect(p.progress).toEqual({ done: 1, total: 2, state: "ongoing" });
    expect(p.proposedVerdict).toBe("partly");
    expect(p.effects[0]).toMatchObject({ baseline: { year: 2023, value: 300 }, latest: { year: 2025, value: 240 } });
    const audit = await lastAudit(database, p.id);
    expect(audit?.action).toBe("promise.created");
    expect(audit?.actorUserId).toBe(editor.userId);
    expect(audit?.after).toMatchObject({
      text: "Tillsammans gör vi centrum tryggare.",
      actionIds: [action1!.id, action2!.id],
    });
  });

  it("gives a promise without a period the agreement's default (a year, or the cycle when tied to one)", async () => {
    const now = () => new Date("2026-02-10T10:00:00Z");
    const p = await createPromise(as(database, editor, now), { agreementId: A, promiser: "kommun", text: "" });
    expect([p.periodStart, p.periodEnd]).toEqual(["2026-01-01", "2026-12-31"]);
    const q = await createPromise(as(database, editor, now), {
      agreementId: A,
      cycleId: cycleA!.id,
      promiser: "kommun",
    });
    expect([q.periodStart, q.periodEnd]).toEqual(["2025-01-01", "2025-12-31"]);
    await database.pool.query(
      "insert into agreement_settings (agreement_id, promise_period, situation_sources) values ($1, 'half_year', '[]')",
      [A],
    );
    expect(await defaultPeriodFor(as(database, editor, now), A)).toEqual({
      kind: "half_year",
      start: "2025-10-01",
      end: "2026-03-31",
    });
    await database.pool.query("delete from agreement_settings where agreement_id = $1", [A]);
  });

  it("updates text, period and links with the version; a stale version is refused", async () => {
    const p = await draft();
    const u = await updatePromise(ed(), {
      id: p.id,
      version: p.version,
      promiser: "kommun",
      text: "Ny text",
      periodStart: "2025-10-01",
      periodEnd: "2026-03-31",
      actionIds: [action2!.id],
      position: 0,
    });
    expect(u.version).toBe(p.version + 1);
    expect(u.position).toBe(0);
    expect(u.actions.map((a) => a.id)).toEqual([action2!.id]);
    const audit = await lastAudit(database, p.id);
    expect(audit?.action).toBe("promise.updated");
    expect(audit?.before).toMatchObject({ text: p.text, actionIds: [] });
    expect(audit?.after).toMatchObject({ text: "Ny text", actionIds: [action2!.id] });
    await refused(
      () => updatePromise(ed(), { id: p.id, version: p.version, promiser: "kommun", text: "Gammal" }),
      "CONFLICT",
    );
  });

  it("is a partial update: fields left out keep their value, the linked actions too", async () => {
    const p = await createPromise(ed(), {
      agreementId: A,
      cycleId: cycleA!.id,
      promiser: "together",
      text: "Före",
      periodStart: "2025-10-01",
      periodEnd: "2026-03-31",
      actionIds: [action1!.id, action2!.id],
    });
    const u = await updatePromise(ed(), { id: p.id, version: p.version, text: "Efter" });
    expect(u).toMatchObject({
      text: "Efter",
      promiser: "together",
      cycleId: cycleA!.id,
      periodStart: "2025-10-01",
      periodEnd: "2026-03-31",
      position: p.position,
    });
    expect(u.actions.map((a) => a.id).sort()).toEqual([action1!.id, action2!.id].sort());
    const audit = await lastAudit(database, p.id);
    expect(audit?.action).toBe("promise.updated");
    expect(audit?.before).toMatchObject({ text: "Före" });
    expect(audit?.after).toMatchObject({ text: "Efter", periodStart: "2025-10-01", periodEnd: "2026-03-31" });
    expect((audit?.after as { actionIds: string[] }).actionIds.sort()).toEqual([action1!.id, action2!.id].sort());
    // Sent explicitly, a field does change: the links are replaced, the period of a draft may be emptied.
    const v = await updatePromise(ed(), { id: p.id, version: u.version, actionIds: [], periodEnd: null });
    expect(v).toMatchObject({ text: "Efter", periodStart: "2025-10-01", periodEnd: null, actions: [] });
    // Still validated as a whole: an unknown field, or an end before the kept start, is refused.
    await refused(() => updatePromise(ed(), { id: p.id, version: v.version, isPublic: true }), "VALIDATION", [
      "isPublic",
    ]);
    await refused(() => updatePromise(ed(), { id: p.id, version: v.version, periodEnd: "2025-01-01" }), "VALIDATION", [
      "periodEnd",
    ]);
  });

  it("refuses another agreement's action and cycle, naming the field; nothing written", async () => {
    const before = await promiseCount();
    await refused(
      () =>
        createPromise(ed(), {
          agreementId: A,
          promiser: "police",
          actionIds: [action1!.id, foreignAction!.id],
        }),
      "VALIDATION",
      ["actionIds.1"],
    );
    await refused(
      () => createPromise(ed(), { agreementId: A, promiser: "police", cycleId: cycleB!.id }),
      "VALIDATION",
      ["cycleId"],
    );
    const p = await draft();
    await refused(
      () => updatePromise(ed(), { id: p.id, version: p.version, promiser: "police", actionIds: [foreignAction!.id] }),
      "VALIDATION",
      ["actionIds.0"],
    );
    expect(await promiseCount()).toBe(before + 1);
  });

  it("refuses bad input naming the field: personnummer, period order, unknown promiser, unknown field", async () => {
    await refused(
      () => createPromise(ed(), { agreementId: A, promiser: "police", text: `Ring ${PERSONNUMMER}` }),
      "VALIDATION",
      ["text"],
    );
    await refused(
      () =>
        createPromise(ed(), {
          agreementId: A,
          promiser: "police",
          periodStart: "2025-06-01",
          periodEnd: "2025-05-01",
        }),
      "VALIDATION",
      ["periodEnd"],
    );
    await refused(() => createPromise(ed(), { agreementId: A, promiser: "mayor" }), "VALIDATION", ["promiser"]);
    await refused(() => createPromise(ed(), { agreementId: A, promiser: "police", isPublic: true }), "VALIDATION", [
      "isPublic",
    ]);
    await refused(() => getPromise(ed(), "not-a-uuid"), "NOT_FOUND");
  });

  it("deletes with the version, audited", async () => {
    const p = await draft();
    await refused(() => deletePromise(ed(), { id: p.id, version: p.version + 5 }), "CONFLICT");
    await deletePromise(ed(), { id: p.id, version: p.version });
    expect(await database.db.select().from(citizenPromises).where(eq(citizenPromises.id, p.id))).toEqual([]);
    const audit = await lastAudit(database, p.id);
    expect(audit?.action).toBe("promise.deleted");
    expect(audit?.before).toMatchObject({ id: p.id });
  });
});

describe("who may do what", () => {
  it("members read, the police party's editor edits too", async () => {
    const p = await draft();
    expect((await listPromises(as(database, viewer), A)).canEdit).toBe(false);
    expect((await getPromise(as(database, viewer), p.id)).text).toBe(p.text);
    expect((await listLinkableActions(as(database, viewer), A)).map((a) => a.id)).toEqual([action1!.id, action2!.id]);
    const u = await updatePromise(as(database, policeEditor), {
      id: p.id,
      version: p.version,
      promiser: "police",
      text: "Polisen",
    });
    expect(u.text).toBe("Polisen");
  });

  const cases: [string, () => ServiceContext, string][] = [
    ["another organisation's editor", () => as(database, otherEditor), "NOT_FOUND"],
    ["a viewer", () => as(database, viewer), "FORBIDDEN"],
    ["an anonymous caller", () => as(database, null), "UNAUTHENTICATED"],
  ];
  it.each(cases)("%s cannot write", async (_name, ctx, code) => {
    const p = await draft();
    const pub = await publishPromise(ed(), { id: (await draft()).id, version: 1 });
    await refused(() => createPromise(ctx(), { agreementId: A, promiser: "police", text: "x" }), code);
    await refused(() => updatePromise(ctx(), { id: p.id, version: p.version, promiser: "police", text: "x" }), code);
    await refused(() => publishPromise(ctx(), { id: p.id, version: p.version }), code);
    await refused(() => unpublishPromise(ctx(), { id: pub.id, version: pub.version }), code);
    await refused(() => closePromise(ctx(), { id: pub.id, version: pub.version, verdict: "yes" }), code);
    await refused(() => reopenPromise(ctx(), { id: pub.id, version: pub.version }), code);
    await refused(() => deletePromise(ctx(), { id: p.id, version: p.version }), code);
  });

  it("another organisation's editor and anonymous callers cannot read", async () => {
    const p = await draft();
    await refused(() => getPromise(as(database, otherEditor), p.id), "NOT_FOUND");
    await refused(() => listPromises(as(database, otherEditor), A), "NOT_FOUND");
    await refused(() => getPromisePreview(as(database, otherEditor), A), "NOT_FOUND");
    await refused(() => listPromises(as(database, null), A), "UNAUTHENTICATED");
  });
});

describe("publishing, the public page and the evaluation", () => {
  it("refuses to publish without text or period, naming the field; nothing changes", async () => {
    const noText = await createPromise(ed(), {
      agreementId: A,
      promiser: "police",
      text: "",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    await refused(() => publishPromise(ed(), { id: noText.id, version: noText.version }), "VALIDATION", ["text"]);
    const noPeriod = await createPromise(ed(), {
      agreementId: A,
      promiser: "police",
      text: "Text",
      periodStart: "",
      periodEnd: "",
    });
    await refused(() => publishPromise(ed(), { id: noPeriod.id, version: noPeriod.version }), "VALIDATION", [
      "periodStart",
      "periodEnd",
    ]);
  });

  it("a promise on the public page keeps its text and period: emptying them is refused, naming the field", async () => {
    const d = await draft(`Publicerat och skyddat ${Date.now()}`);
    const pub = await publishPromise(ed(), { id: d.id, version: d.version });
    const e = await refused(
      () => updatePromise(ed(), { id: d.id, version: pub.version, promiser: "police", text: " " }),
      "VALIDATION",
      ["text"],
    );
    expect(e.fields).toEqual([{ path: "text", message: "promise.public.textRequired" }]);
    await refused(
      () => updatePromise(ed(), { id: d.id, version: pub.version, periodStart: "", periodEnd: null }),
      "VALIDATION",
      ["periodStart", "periodEnd"],
    );
    await refused(() => updatePromise(ed(), { id: d.id, version: pub.version, periodEnd: null }), "VALIDATION", [
      "periodEnd",
    ]);
    expect((await publicTexts()).current).toContain(pub.text);
    // A closed promise still on the public page is protected too; once taken off it may be changed freely.
    const closed = await closePromise(ed(), { id: d.id, version: pub.version, verdict: "no" });
    await refused(() => updatePromise(ed(), { id: d.id, version: closed.version, text: "" }), "VALIDATION", ["text"]);
    const hidden = await unpublishPromise(ed(), { id: d.id, version: closed.version });
    const emptied = await updatePromise(ed(), { id: d.id, version: hidden.version, text: "" });
    expect(emptied).toMatchObject({ text: "", status: "closed", isPublic: false });
    // A valid change of a published promise is saved and shown.
    const other = await draft();
    const otherPub = await publishPromise(ed(), { id: other.id, version: other.version });
    const changed = await updatePromise(ed(), { id: other.id, version: otherPub.version, text: "Ändrat publicerat" });
    expect(changed).toMatchObject({ text: "Ändrat publicerat", isPublic: true, periodStart: "2025-04-01" });
    expect((await publicTexts()).current).toContain("Ändrat publicerat");
  });

  it("publishes, shows on the kommun's public page only, and unpublish takes it off at once", async () => {
    const text = `Publicerat löfte ${Date.now()}`;
    const hidden = `Hemligt utkast ${Date.now()}`;
    const p = await draft(text);
    await draft(hidden);
    expect((await publicTexts()).current).not.toContain(text);
    const pub = await publishPromise(ed(), { id: p.id, version: p.version });
    expect(pub).toMatchObject({ status: "published", isPublic: true });
    expect(pub.publishedAt).toBeInstanceOf(Date);
    expect((await lastAudit(database, p.id))?.action).toBe("promise.published");

    const page = await publicTexts();
    expect(page.current).toContain(text);
    expect(page.current).not.toContain(hidden);
    // Skara (the other agreement's kommun) does not show Köping's promise; a kommun without any gets an empty page.
    expect((await publicTexts("skara")).current).toEqual([]);
    expect((await publicTexts("kiruna")).current).toEqual([]);
    await refused(() => getPublicPromises(as(database, null), "atlantis"), "NOT_FOUND");
    expect(await listPublicKommuner(as(database, null))).toContainEqual({ name: "Köping", slug: "koping" });
    // Nothing internal reaches the public view.
    const json = JSON.stringify(await getPublicPromises(as(database, null), "koping"));
    expect(json).not.toContain("Sara Hemlig");
    expect(json).not.toContain("Trygghetsvandring i centrum");
    expect(json).not.toContain(hidden);

    const un = await unpublishPromise(ed(), { id: p.id, version: pub.version });
    expect(un).toMatchObject({ status: "draft", isPublic: false });
    expect((await lastAudit(database, p.id))?.action).toBe("promise.unpublished");
    expect((await publicTexts()).current).not.toContain(text);
  });

  it("closes with the evaluation (only a published one), shows it under Så här gick det, reopens", async () => {
    const text = `Löfte att utvärdera ${Date.now()}`;
    const d = await createPromise(ed(), {
      agreementId: A,
      promiser: "together",
      text,
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      actionIds: [action1!.id],
    });
    await refused(() => closePromise(ed(), { id: d.id, version: d.version, verdict: "yes" }), "CONFLICT");
    const pub = await publishPromise(ed(), { id: d.id, version: d.version });
    expect(pub.proposedVerdict).toBe("yes");
    await refused(
      () => closePromise(ed(), { id: d.id, version: pub.version, verdictText: `Av ${PERSONNUMMER}` }),
      "VALIDATION",
      ["verdict", "verdictText"],
    );
    const closed = await closePromise(ed(), {
      id: d.id,
      version: pub.version,
      verdict: "yes",
      verdictText: "Vi gick tolv trygghetsvandringar.",
      effectText: "Inbrotten minskade.",
    });
    expect(closed).toMatchObject({ status: "closed", verdict: "yes", isPublic: true });
    expect((await lastAudit(database, d.id))?.action).toBe("promise.closed");
    const view = await getPublicPromises(as(database, null), "koping");
    const evaluated = view.closed.find((c) => c.text === text);
    expect(evaluated).toMatchObject({ verdict: "yes", verdictText: "Vi gick tolv trygghetsvandringar." });
    expect(evaluated?.effects[0]).toMatchObject({ trend: "better", change: -60, targetReached: true });
    expect(view.current.flatMap((g) => g.promises.map((p) => p.text))).not.toContain(text);

    // Unpublishing a closed promise hides it but keeps it closed.
    const hidden = await unpublishPromise(ed(), { id: d.id, version: closed.version });
    expect(hidden).toMatchObject({ status: "closed", isPublic: false });
    expect((await publicTexts()).closed).not.toContain(text);
    const shown = await publishPromise(ed(), { id: d.id, version: hidden.version });
    expect(shown).toMatchObject({ status: "closed", isPublic: true });

    const reopened = await reopenPromise(ed(), { id: d.id, version: shown.version });
    expect(reopened).toMatchObject({ status: "published", closedAt: null });
    expect((await lastAudit(database, d.id))?.action).toBe("promise.reopened");
    await refused(() => reopenPromise(ed(), { id: d.id, version: reopened.version }), "CONFLICT");
  });

  it("the preview shows drafts, marked hidden", async () => {
    const text = `Förhandsvisat utkast ${Date.now()}`;
    await draft(text);
    const preview = await getPromisePreview(as(database, viewer), A);
    expect(preview.pages).toEqual([{ name: "Köping", slug: "koping" }]);
    const item = preview.view.current.flatMap((g) => g.promises).find((p) => p.text === text);
    expect(item?.hidden).toBe(true);
  });
});

describe("the public page cache", () => {
  it("every promise write drops the cached pages at once; a render begun before a write is not stored", async () => {
    const p = await draft();
    const pub = await publishPromise(ed(), { id: p.id, version: p.version });
    const page = { body: Buffer.from(pub.text), headers: {} };
    expect(setPublicPage("koping|sv", publicPageGeneration(), page)).toBe(true);
    expect(getPublicPage("koping|sv")?.body.toString()).toBe(pub.text);

    const renderBegan = publicPageGeneration();
    await unpublishPromise(ed(), { id: p.id, version: pub.version });
    expect(getPublicPage("koping|sv")).toBeUndefined();
    expect(setPublicPage("koping|sv", renderBegan, page)).toBe(false);
    expect(getPublicPage("koping|sv")).toBeUndefined();
  });

  it("entries expire", () => {
    invalidatePublicPages();
    setPublicPage("x", publicPageGeneration(), { body: Buffer.from("x"), headers: {} }, 1000);
    expect(getPublicPage("x", 1000 + 1)).toBeDefined();
    expect(getPublicPage("x", 1000 + 60_000)).toBeUndefined();
  });
});

describe("the API", async () => {
  const server = await startTestServer(database);
  afterAll(() => server.close());

  const token = (await createApiToken(ed(), { name: "test" })).token;
  const patch = (id: string, body: unknown) =>
    fetch(`${server.baseUrl}/api/v1/promises/${id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("PATCH with only the version and the text keeps the period and the linked actions", async () => {
    const p = await createPromise(ed(), {
      agreementId: A,
      promiser: "police",
      text: "Före PATCH",
      periodStart: "2025-04-01",
      periodEnd: "2025-09-30",
      actionIds: [action1!.id, action2!.id],
    });
    const pub = await publishPromise(ed(), { id: p.id, version: p.version });
    const res = await patch(p.id, { version: pub.version, text: "Efter PATCH" });
    const body = (await res.json()) as { text: string; periodStart: string; periodEnd: string; version: number };
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      text: "Efter PATCH",
      promiser: "police",
      periodStart: "2025-04-01",
      periodEnd: "2025-09-30",
      isPublic: true,
      version: pub.version + 1,
    });
    const [row] = await database.db.select().from(citizenPromises).where(eq(citizenPromises.id, p.id));
    expect(row).toMatchObject({ text: "Efter PATCH", periodStart: "2025-04-01", periodEnd: "2025-09-30" });
    const links = await database.db
      .select()
      .from(citizenPromiseActions)
      .where(eq(citizenPromiseActions.promiseId, p.id));
    expect(links.map((l) => l.actionId).sort()).toEqual([action1!.id, action2!.id].sort());
    expect((await lastAudit(database, p.id))?.action).toBe("promise.updated");
    expect((await publicTexts()).current).toContain("Efter PATCH");

    // Emptying the published promise's text is refused with 400 naming the field; nothing changes.
    const audits = await auditCount(database);
    const refusedRes = await patch(p.id, { version: body.version, text: "" });
    expect(refusedRes.status).toBe(400);
    const problem = (await refusedRes.json()) as { code: string; errors: { path: string; messageKey: string }[] };
    expect(problem.errors).toMatchObject([{ path: "text", messageKey: "promise.public.textRequired" }]);
    expect(problem.errors).toHaveLength(1);
    expect(await auditCount(database)).toBe(audits);
    expect((await getPromise(ed(), p.id)).text).toBe("Efter PATCH");
    expect(server.errors).toEqual([]);
  });

  it("answers the public read without a token, and only with published data", async () => {
    const text = `API-publicerat ${Date.now()}`;
    const hidden = `API-utkast ${Date.now()}`;
    const p = await draft(text);
    await draft(hidden);
    await publishPromise(ed(), { id: p.id, version: p.version });
    const res = await fetch(`${server.baseUrl}/api/v1/public/kommuner/koping/promises`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(text);
    expect(body).not.toContain(hidden);
    expect((await fetch(`${server.baseUrl}/api/v1/public/kommuner/atlantis/promises`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/v1/agreements/${A}/promises`)).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/api/v1/promises/${p.id}/publish`, { method: "POST" })).status).toBe(401);
    expect(server.errors).toEqual([]);
  });
});
