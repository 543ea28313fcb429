import { afterAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/services/auth/users.ts";
import type { Actor } from "../../src/services/core/context.ts";
import { as, auditCount, freshDatabase, lastAudit } from "../helpers/db.ts";
import { startTestServer } from "../helpers/http.ts";
import { actionsWorld } from "./actions-fixtures.ts";

const database = await freshDatabase();
const server = await startTestServer(database);
afterAll(() => server.close());
const w = await actionsWorld(database);
const tokenFor = async (actor: Actor) => (await createApiToken(as(database, actor), { name: "test" })).token;
const editor = await tokenFor(w.people.editor);
const viewer = await tokenFor(w.people.viewer);
const otherEditor = await tokenFor(w.people.otherEditor);
const owner = await tokenFor(w.people.owner);
const C = w.a.cycle.id;
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

function call(method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function problem(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(text).not.toMatch(/\.ts\b|node_modules|select |insert into/i);
  return JSON.parse(text) as { code: string; errors: { path: string; messageKey: string }[] };
}

async function ok<T = Record<string, unknown>>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const actionBody = {
  cycleFocusAreaId: w.a.focusArea.id,
  causeId: w.a.cause.id,
  title: "Trygghetsvandring i centrum",
  responsibleIds: [w.kommunA.id, w.rescue.id],
  startsOn: "2025-03-01",
  deadline: "2025-05-31",
};

describe("actions API", () => {
  it("creates, reads, changes, follows up and deletes an action", async () => {
    const created = await ok<{ id: string; version: number; responsibles: { id: string }[] }>(
      await call("POST", `/cycles/${C}/actions`, editor, actionBody),
      201,
    );
    expect(created.responsibles.map((r) => r.id)).toEqual([w.kommunA.id, w.rescue.id]);
    const list = await ok<{ id: string }[]>(await call("GET", `/cycles/${C}/actions`, viewer));
    expect(list.map((a) => a.id)).toContain(created.id);

    const patched = await ok<{ version: number; title: string; deadline: string }>(
      await call("PATCH", `/actions/${created.id}`, editor, { version: created.version, deadline: "2025-06-30" }),
    );
    expect(patched).toMatchObject({ title: "Trygghetsvandring i centrum", deadline: "2025-06-30" });

    // The owner (not a party) reads the action and reports progress, but may not patch it.
    await ok(await call("GET", `/actions/${created.id}`, owner));
    await problem(await call("PATCH", `/actions/${created.id}`, owner, { version: patched.version, title: "x" }), 403);
    const progressed = await ok<{ version: number; status: string }>(
      await call("PUT", `/actions/${created.id}/progress`, owner, {
        version: patched.version,
        status: "ongoing",
        hoursSpent: 4,
      }),
    );
    expect(progressed.status).toBe("ongoing");
    const followed = await ok<{ action: { version: number; status: string }; followUp: { via: string } }>(
      await call("POST", `/actions/${created.id}/follow-ups`, owner, {
        version: progressed.version,
        kind: "production",
        status: "done",
        quantity: 1,
        note: "Genomförd med 14 deltagare",
      }),
      201,
    );
    expect(followed).toMatchObject({ action: { status: "done" }, followUp: { via: "api" } });
    expect((await lastAudit(database, created.id))?.action).toBe("action.followUpAdded");

    const audits = await auditCount(database);
    await problem(await call("DELETE", `/actions/${created.id}?version=1`, editor), 409);
    for (const query of ["", "?version=", "?version=abc"]) {
      const missing = await problem(await call("DELETE", `/actions/${created.id}${query}`, editor), 400);
      expect(missing.errors.map((e) => e.path)).toEqual(["version"]);
    }
    await problem(await call("DELETE", `/actions/${created.id}?version=${followed.action.version}`, owner), 403);
    expect(await auditCount(database)).toBe(audits);
    await ok(await call("GET", `/actions/${created.id}`, editor));
    await ok(await call("DELETE", `/actions/${created.id}?version=${followed.action.version}`, editor));
    await problem(await call("GET", `/actions/${created.id}`, editor), 404);
  });

  it("answers 401, 404 and 400 as problem+json, writing nothing", async () => {
    const audits = await auditCount(database);
    await problem(await call("GET", `/cycles/${C}/actions`), 401);
    await problem(await call("POST", `/cycles/${C}/actions`, undefined, actionBody), 401);
    await problem(await call("GET", `/cycles/${C}/actions`, otherEditor), 404);
    await problem(await call("POST", `/cycles/${C}/actions`, otherEditor, actionBody), 404);
    await problem(await call("POST", `/cycles/${C}/actions`, viewer, actionBody), 403);
    await problem(await call("GET", `/actions/${UNKNOWN}`, editor), 404);
    await problem(await call("GET", `/actions/not-a-uuid`, editor), 404);
    await problem(await call("GET", `/cycles/not-a-uuid/follow-up-report`, editor), 404);
    const bad = await problem(
      await call("POST", `/cycles/${C}/actions`, editor, { ...actionBody, deadline: "2026-03-01" }),
      400,
    );
    expect(bad.errors).toEqual([
      expect.objectContaining({ path: "deadline", messageKey: "action.deadline.outsideCycle" }),
    ]);
    const none = await problem(
      await call("POST", `/cycles/${C}/actions`, editor, { ...actionBody, responsibleIds: [] }),
      400,
    );
    expect(none.errors.map((e) => e.path)).toEqual(["responsibleIds"]);
    const unknown = await problem(
      await call("POST", `/cycles/${C}/actions`, editor, { ...actionBody, colour: 1 }),
      400,
    );
    expect(unknown.errors.map((e) => e.path)).toEqual(["colour"]);
    expect(await auditCount(database)).toBe(audits);
  });

  it("adopts the plan, reports, and keeps the kommunikationsplan", async () => {
    const adopted = await ok<{ version: number; planAdoptedOn: string }>(
      await call("PUT", `/cycles/${C}/action-plan/adoption`, editor, {
        version: w.a.cycle.version,
        bodyId: w.a.body.id,
        adoptedOn: "2025-02-20",
      }),
    );
    expect(adopted.planAdoptedOn).toBe("2025-02-20");
    await problem(
      await call("PUT", `/cycles/${C}/action-plan/adoption`, editor, {
        version: adopted.version,
        bodyId: w.b.body.id,
        adoptedOn: "2025-02-20",
      }),
      400,
    );
    await ok(await call("DELETE", `/cycles/${C}/action-plan/adoption?version=${adopted.version}`, editor));

    const report = await ok<{ id: string }>(
      await call("POST", `/cycles/${C}/reports`, editor, { recipient: "LPO:s ledning", reportedOn: "2025-11-30" }),
      201,
    );
    const full = await ok<{ reports: { id: string }[]; totals: { total: number } }>(
      await call("GET", `/cycles/${C}/follow-up-report`, viewer),
    );
    expect(full.reports.map((r) => r.id)).toEqual([report.id]);
    await problem(await call("DELETE", `/cycle-reports/${report.id}`, viewer), 403);
    await ok(await call("DELETE", `/cycle-reports/${report.id}`, editor));

    const item = await ok<{ id: string; version: number }>(
      await call("POST", `/cycles/${C}/communication`, editor, { message: "Pressmeddelande", channel: "Webb" }),
      201,
    );
    const patched = await ok<{ done: boolean; version: number }>(
      await call("PATCH", `/communication-items/${item.id}`, editor, { version: item.version, done: true }),
    );
    expect(patched.done).toBe(true);
    const items = await ok<{ id: string }[]>(await call("GET", `/cycles/${C}/communication`, viewer));
    expect(items.map((i) => i.id)).toEqual([item.id]);
    await problem(await call("PATCH", `/communication-items/${item.id}`, otherEditor, { version: 2 }), 404);
    await problem(await call("DELETE", `/communication-items/${item.id}?version=${item.version}`, editor), 409);
    const missing = await problem(await call("DELETE", `/communication-items/${item.id}`, editor), 400);
    expect(missing.errors.map((e) => e.path)).toEqual(["version"]);
    expect(await ok<{ id: string }[]>(await call("GET", `/cycles/${C}/communication`, viewer))).toHaveLength(1);
    await ok(await call("DELETE", `/communication-items/${item.id}?version=${patched.version}`, editor));
  });

  it("documents its routes in the OpenAPI document", async () => {
    const doc = await ok<{ paths: Record<string, unknown> }>(await call("GET", "/openapi.json"));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/cycles/{id}/actions",
        "/actions/{id}",
        "/actions/{id}/progress",
        "/actions/{id}/follow-ups",
        "/cycles/{id}/action-plan/adoption",
        "/cycles/{id}/follow-up-report",
        "/cycles/{id}/reports",
        "/cycle-reports/{id}",
        "/cycles/{id}/communication",
        "/communication-items/{id}",
      ]),
    );
  });

  it("logged no unexpected error", () => {
    expect(server.errors).toEqual([]);
  });
});
