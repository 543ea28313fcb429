import { afterAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/services/auth/users.ts";
import type { Actor } from "../../src/services/core/context.ts";
import { as, auditCount, freshDatabase, lastAudit, makeUser, twoOrganisationWorld } from "../helpers/db.ts";
import { startTestServer } from "../helpers/http.ts";

const database = await freshDatabase();
const server = await startTestServer(database);
afterAll(() => server.close());

const world = await twoOrganisationWorld(database);
const tokenFor = async (actor: Actor) => (await createApiToken(as(database, actor), { name: "test" })).token;
const editor = await tokenFor(await makeUser(database, [[world.kommunA.id, "editor"]]));
const viewer = await tokenFor(await makeUser(database, [[world.kommunA.id, "viewer"]]));
const otherEditor = await tokenFor(await makeUser(database, [[world.kommunB.id, "editor"]]));
const A = world.agreementA.id;

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

async function json<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function problem(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return JSON.parse(text) as { code: string; errors: { path: string; messageKey: string }[] };
}

describe("cycles API", () => {
  it("refuses anonymous callers with 401 and others' agreements with 404", async () => {
    await problem(await call("get", `/agreements/${A}/cycles`), 401);
    await problem(await call("post", `/agreements/${A}/cycles`, undefined, { year: 2025 }), 401);
    await problem(await call("get", `/agreements/${A}/cycles`, otherEditor), 404);
    await problem(await call("post", `/agreements/${A}/cycles`, otherEditor, { year: 2025 }), 404);
    await problem(await call("get", `/cycles/not-a-uuid`, editor), 404);
    await problem(await call("get", `/problems/00000000-0000-4000-8000-000000000000`, editor), 404);
  });

  it("creates a cycle, a problem with causes and an indicator; a viewer reads but may not write", async () => {
    const before = await auditCount(database);
    const cycle = await json<{ id: string; label: string; version: number }>(
      await call("post", `/agreements/${A}/cycles`, editor, { year: 2025 }),
      201,
    );
    expect(cycle.label).toBe("2025");
    expect((await lastAudit(database, cycle.id))?.action).toBe("cycle.created");
    const overlap = await problem(await call("post", `/agreements/${A}/cycles`, editor, { year: 2025 }), 400);
    expect(overlap.errors).toEqual([expect.objectContaining({ path: "year", messageKey: "cycle.year.overlaps" })]);

    const p = await json<{ id: string; version: number }>(
      await call("post", `/cycles/${cycle.id}/problems`, editor, {
        title: "Skadegörelse i skolmiljö",
        places: [{ name: "Skolgården", lat: 59.5, lng: 16 }],
      }),
      201,
    );
    const badPlace = await problem(
      await call("post", `/cycles/${cycle.id}/problems`, editor, {
        title: "X",
        places: [{ name: "Y", lat: 100, lng: 1 }],
      }),
      400,
    );
    expect(badPlace.errors[0]).toMatchObject({ path: "places.0.lat", messageKey: "problem.place.lat.invalid" });
    const withCauses = await json<{ causes: { axis: string }[] }>(
      await call("put", `/problems/${p.id}/causes`, editor, {
        version: p.version,
        causes: [{ axis: "place", text: "Skymd skolgård" }],
        eventChains: "",
      }),
      200,
    );
    expect(withCauses.causes.map((c) => c.axis)).toEqual(["place"]);
    await problem(await call("put", `/problems/${p.id}/causes`, viewer, { version: 2, causes: [] }), 403);

    const indicator = await json<{ values: unknown[] }>(
      await call("post", `/agreements/${A}/indicators`, editor, {
        name: "Otrygghet NTU",
        source: "NTU",
        values: [{ year: 2024, value: "XX" }],
      }),
      201,
    );
    expect(indicator.values).toEqual([{ year: 2024, value: null, suppressed: true, note: "" }]);
    const dup = await problem(
      await call("post", `/agreements/${A}/indicators`, editor, {
        name: "X",
        values: [
          { year: 2024, value: 1 },
          { year: 2024, value: 2 },
        ],
      }),
      400,
    );
    expect(dup.errors[0]).toMatchObject({ path: "values.1.year", messageKey: "indicator.year.duplicate" });
    expect(await auditCount(database)).toBe(before + 4); // cycle, problem, causes, indicator

    const read = await json<{ problems: unknown[]; completeness: { done: number; total: number } }>(
      await call("get", `/cycles/${cycle.id}`, viewer),
      200,
    );
    expect(read.problems).toHaveLength(1);
    expect(read.completeness.total).toBeGreaterThan(read.completeness.done);
    await problem(await call("put", `/cycles/${cycle.id}/status`, viewer, { version: 1, status: "active" }), 403);
    await problem(await call("get", `/cycles/${cycle.id}`, otherEditor), 404);
    const active = await json<{ status: string }>(
      await call("put", `/cycles/${cycle.id}/status`, editor, { version: cycle.version, status: "active" }),
      200,
    );
    expect(active.status).toBe("active");
    await problem(
      await call("put", `/cycles/${cycle.id}/status`, editor, { version: cycle.version, status: "closed" }),
      409,
    );
  });

  it("PATCH keeps the fields left out; GET /indicators/{id} reads one indicator", async () => {
    const cycle = await json<{ id: string }>(
      await call("post", `/agreements/${A}/cycles`, editor, { year: 2027 }),
      201,
    );
    const p = await json<{ id: string; version: number }>(
      await call("post", `/cycles/${cycle.id}/problems`, editor, {
        title: "Klotter",
        places: [{ name: "Stationen", lat: 59.5, lng: 16 }],
        times: "nätter",
      }),
      201,
    );
    const patched = await json<{ title: string; places: unknown[]; times: string; version: number }>(
      await call("PATCH", `/problems/${p.id}`, editor, { version: p.version, title: "Klotter vid stationen" }),
      200,
    );
    expect(patched).toMatchObject({
      title: "Klotter vid stationen",
      places: [{ name: "Stationen", lat: 59.5, lng: 16, area: "" }],
      times: "nätter",
    });
    expect((await lastAudit(database, p.id))?.action).toBe("problem.updated");

    const indicator = await json<{ id: string; version: number; values: unknown[] }>(
      await call("post", `/agreements/${A}/indicators`, editor, {
        name: "Anmält klotter",
        values: [{ year: 2024, value: 12 }],
      }),
      201,
    );
    const renamed = await json<{ name: string; values: unknown[]; version: number }>(
      await call("PATCH", `/indicators/${indicator.id}`, editor, { version: indicator.version, name: "Klotter" }),
      200,
    );
    expect(renamed).toMatchObject({ name: "Klotter", values: indicator.values });
    expect((await lastAudit(database, indicator.id))?.action).toBe("indicator.updated");

    const read = await json<{ id: string; name: string; version: number }>(
      await call("get", `/indicators/${indicator.id}`, viewer),
      200,
    );
    expect(read).toMatchObject({ id: indicator.id, name: "Klotter", version: renamed.version });
    await problem(await call("get", `/indicators/${indicator.id}`), 401);
    await problem(await call("get", `/indicators/${indicator.id}`, otherEditor), 404);
    await problem(await call("get", `/indicators/not-a-uuid`, editor), 404);
  });

  it("saves settings with version 0 first and documents the endpoints in OpenAPI", async () => {
    const s = await json<Record<string, unknown>>(await call("get", `/agreements/${A}/cycle-settings`, viewer), 200);
    expect(s.version).toBe(0);
    const saved = await json(
      await call("put", `/agreements/${A}/cycle-settings`, editor, {
        ...s,
        agreementId: undefined,
        cycleStartMonth: 7,
      }),
      200,
    );
    expect(saved).toMatchObject({ cycleStartMonth: 7, version: 1 });
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await call("get", "/openapi.json"), 200);
    expect(Object.keys(doc.paths["/indicators/{id}"] ?? {}).sort()).toEqual(["delete", "get", "patch"]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/agreements/{id}/cycles",
        "/cycles/{id}/next",
        "/problems/{id}/causes",
        "/indicators/{id}",
      ]),
    );
  });
});
