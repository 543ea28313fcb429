import { afterAll, describe, expect, it } from "vitest";
import {
  createFocusArea,
  getAgreement,
  setFocusAreas,
  type AgreementView,
} from "../../src/services/agreements/agreements.ts";
import { createApiToken, revokeApiToken, signIn } from "../../src/services/auth/users.ts";
import type { Actor } from "../../src/services/core/context.ts";
import { getOrganisation } from "../../src/services/organisations/organisations.ts";
import { as, freshDatabase, makeUser, system, twoOrganisationWorld } from "../helpers/db.ts";
import { startTestServer } from "../helpers/http.ts";

const database = await freshDatabase();
const server = await startTestServer(database);
afterAll(() => server.close());

const world = await twoOrganisationWorld(database);
const focusView = await createFocusArea(system(database), {
  agreementId: world.agreementA.id,
  version: world.agreementA.version,
  title: "Trygg stadskärna",
});
const focusAreaId = focusView.id;

const tokenFor = async (actor: Actor) => (await createApiToken(as(database, actor), { name: "test" })).token;
const editorActor = await makeUser(database, [[world.kommunA.id, "editor"]]);
const editor = await tokenFor(editorActor);
const viewer = await tokenFor(await makeUser(database, [[world.kommunA.id, "viewer"]]));
const otherEditor = await tokenFor(await makeUser(database, [[world.kommunB.id, "editor"]]));
const platformAdmin = await tokenFor(await makeUser(database, [], { platformAdmin: true }));

const A = world.agreementA.id;
const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";

interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

function call(method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] ??= "application/json";
  return fetch(`${server.baseUrl}/api/v1${path}`, { method, headers, body });
}

/** Checks an error response is problem+json with the given status, and reveals no internals. */
async function expectProblem(res: Response, status: number, code?: string) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(text).not.toMatch(/\bat \S+[/\\]\S+:\d+/); // stack frames
  expect(text).not.toMatch(/\.ts\b|node_modules|\/work\//);
  expect(text).not.toMatch(/\b(select|insert into|update \w+ set|delete from)\b|syntax error|relation "|violates/i);
  const problem = JSON.parse(text) as {
    status: number;
    code: string;
    title: string;
    errors: { path: string; messageKey: string; detail: string }[];
  };
  expect(problem.status).toBe(status);
  expect(typeof problem.title).toBe("string");
  if (code) expect(problem.code).toBe(code);
  return problem;
}

async function json<T = unknown>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return JSON.parse(text) as T;
}

const current = (id = A) => getAgreement(system(database), id);
const partiesOf = (a: AgreementView) => a.parties.map((p) => ({ organisationId: p.organisationId }));
const agreementBody = (a: AgreementView) => ({
  version: a.version,
  title: a.title,
  validFrom: a.validFrom,
  validTo: a.validTo,
  parties: partiesOf(a),
});

/** Every route of the API, with a body that a permitted caller could send. */
const routes: { method: string; path: string; spec: string; public?: boolean; body?: () => Promise<unknown> }[] = [
  { method: "GET", path: "/reference/municipalities", spec: "/reference/municipalities", public: true },
  { method: "GET", path: "/reference/counties", spec: "/reference/counties", public: true },
  { method: "GET", path: "/reference/police-regions", spec: "/reference/police-regions", public: true },
  { method: "GET", path: "/organisations", spec: "/organisations" },
  { method: "GET", path: `/organisations/${world.kommunA.id}`, spec: "/organisations/{id}" },
  {
    method: "POST",
    path: "/organisations",
    spec: "/organisations",
    body: async () => ({ kind: "authority", name: "Länsstyrelsen" }),
  },
  {
    method: "PATCH",
    path: `/organisations/${world.kommunA.id}`,
    spec: "/organisations/{id}",
    body: async () => {
      const o = await getOrganisation(system(database), world.kommunA.id);
      return { version: o.version, kind: "kommun", name: o.name, municipalityCode: o.municipalityCode };
    },
  },
  {
    method: "PUT",
    path: `/organisations/${world.lpoA.id}/coverage`,
    spec: "/organisations/{id}/coverage",
    body: async () => ({
      version: (await getOrganisation(system(database), world.lpoA.id)).version,
      coverage: [{ municipalityCode: "1983", validFrom: "2015-01-01" }],
    }),
  },
  { method: "GET", path: "/agreements", spec: "/agreements" },
  { method: "GET", path: `/agreements/${A}`, spec: "/agreements/{id}" },
  {
    method: "POST",
    path: "/agreements",
    spec: "/agreements",
    body: async () => ({ title: "Ny överenskommelse", parties: partiesOf(await current()) }),
  },
  {
    method: "PUT",
    path: `/agreements/${A}`,
    spec: "/agreements/{id}",
    body: async () => ({ ...agreementBody(await current()), purpose: "Uppdaterat syfte" }),
  },
  {
    method: "PUT",
    path: `/agreements/${A}/signatories`,
    spec: "/agreements/{id}/signatories",
    body: async () => ({
      version: (await current()).version,
      signatories: [{ name: "Anna Andersson", organisationId: world.kommunA.id, signedOn: "2024-01-10" }],
    }),
  },
  {
    method: "PUT",
    path: `/agreements/${A}/bodies`,
    spec: "/agreements/{id}/bodies",
    body: async () => ({ version: (await current()).version, bodies: [{ name: "Styrgrupp", kind: "steering_group" }] }),
  },
  {
    method: "PUT",
    path: `/agreements/${A}/annexes`,
    spec: "/agreements/{id}/annexes",
    body: async () => ({
      version: (await current()).version,
      annexes: [{ title: "Handlingsplan 2024", kind: "action_plan", url: "https://kommun.example/handlingsplan.pdf" }],
    }),
  },
  {
    method: "PUT",
    path: `/agreements/${A}/termination`,
    spec: "/agreements/{id}/termination",
    body: async () => ({
      version: (await current()).version,
      terminatedOn: "2030-12-31",
      note: "Ersätts av ny överenskommelse",
    }),
  },
  { method: "GET", path: `/agreements/${A}/focus-areas`, spec: "/agreements/{id}/focus-areas" },
  {
    method: "PUT",
    path: `/agreements/${A}/focus-areas`,
    spec: "/agreements/{id}/focus-areas",
    body: async () => {
      const a = await current();
      return {
        version: a.version,
        focusAreas: a.focusAreas.map((f) => ({ id: f.id, title: f.title, description: f.description })),
      };
    },
  },
  {
    method: "POST",
    path: `/agreements/${A}/focus-areas`,
    spec: "/agreements/{id}/focus-areas",
    body: async () => ({ version: (await current()).version, title: "Unga i riskzon" }),
  },
  { method: "GET", path: `/focus-areas/${focusAreaId}`, spec: "/focus-areas/{id}" },
  {
    method: "PATCH",
    path: `/focus-areas/${focusAreaId}`,
    spec: "/focus-areas/{id}",
    body: async () => ({ version: (await current()).version, title: "Trygg stadskärna", description: "Ny text" }),
  },
  // Uploads and confirmations have their own tests (imports.test.ts); here they are listed for 401 and the docs.
  { method: "POST", path: "/imports", spec: "/imports" },
  { method: "POST", path: "/imports/confirm", spec: "/imports/confirm" },
];
const writes = routes.filter((r) => r.body);
const organisationWrites = writes.filter((r) => r.spec.startsWith("/organisations"));
const label = (r: { method: string; spec: string }) => `${r.method} ${r.spec}`;

describe("API: anonymous callers", () => {
  it.each(routes.filter((r) => !r.public).map((r) => [label(r), r] as const))(
    "%s answers 401 problem+json",
    async (_name, route) => {
      const res = await call(route.method, route.path, route.body ? { body: await route.body() } : {});
      await expectProblem(res, 401, "UNAUTHENTICATED");
    },
  );

  it.each(routes.filter((r) => r.public).map((r) => [label(r), r] as const))(
    "%s is public reference data (200)",
    async (_name, route) => {
      const data = await json<unknown[]>(await call(route.method, route.path), 200);
      expect(data.length).toBe(
        { "/reference/municipalities": 290, "/reference/counties": 21, "/reference/police-regions": 7 }[route.spec],
      );
    },
  );

  it("refuses an unknown, a revoked and a malformed bearer token with 401", async () => {
    const actor = await makeUser(database, [[world.kommunA.id, "editor"]]);
    const token = await createApiToken(as(database, actor), { name: "soon revoked" });
    await json(await call("GET", "/agreements", { token: token.token }), 200);
    await revokeApiToken(as(database, actor), { id: token.id });
    for (const t of [token.token, "svt_unknown", "garbage"])
      await expectProblem(await call("GET", "/agreements", { token: t }), 401, "UNAUTHENTICATED");
  });

  it("accepts a session cookie instead of a bearer token", async () => {
    const session = await signIn(system(database), {
      email: editorActor.email,
      password: "correct horse battery",
      ip: "127.0.0.1",
    });
    const list = await json<{ id: string }[]>(
      await call("GET", "/agreements", { headers: { cookie: `sv_session=${session.token}` } }),
      200,
    );
    expect(list.map((a) => a.id)).toEqual([A]);
  });
});

describe("API: another organisation's editor", () => {
  it("does not see the agreement in the list, and gets 404 for it, its focus areas and its writes", async () => {
    const list = await json<{ id: string }[]>(await call("GET", "/agreements", { token: otherEditor }), 200);
    expect(list.map((a) => a.id)).toEqual([world.agreementB.id]);
    for (const route of routes.filter(
      (r) => r.spec.startsWith("/agreements/{id}") || r.spec.startsWith("/focus-areas/"),
    )) {
      const before = await current();
      const res = await call(route.method, route.path, {
        token: otherEditor,
        ...(route.body ? { body: await route.body() } : {}),
      });
      await expectProblem(res, 404, "NOT_FOUND");
      expect(await current(), label(route)).toEqual(before);
    }
  });

  it("gets 403 creating an agreement for parties it does not belong to, and for organisation writes", async () => {
    for (const route of [
      ...writes.filter((r) => r.spec === "/agreements" && r.method === "POST"),
      ...organisationWrites,
    ])
      await expectProblem(
        await call(route.method, route.path, { token: otherEditor, body: await route.body!() }),
        403,
        "FORBIDDEN",
      );
  });

  it("may read organisations (public bodies) but not another kommun's agreements", async () => {
    await json(await call("GET", `/organisations/${world.kommunA.id}`, { token: otherEditor }), 200);
    await json(await call("GET", "/organisations?kind=kommun", { token: otherEditor }), 200);
  });
});

describe("API: a viewer", () => {
  it.each(writes.map((r) => [label(r), r] as const))("%s answers 403 and writes nothing", async (_name, route) => {
    const before = await current();
    const res = await call(route.method, route.path, { token: viewer, body: await route.body!() });
    await expectProblem(res, 403, "FORBIDDEN");
    expect(await current()).toEqual(before);
  });

  it("may read everything of its own organisation", async () => {
    for (const route of routes.filter((r) => r.method === "GET"))
      await json(await call(route.method, route.path, { token: viewer }), 200);
  });
});

describe("API: a permitted caller", () => {
  it.each(routes.filter((r) => r.method === "GET").map((r) => [label(r), r] as const))(
    "%s answers 200 JSON",
    async (_name, route) => {
      await json(await call(route.method, route.path, { token: editor }), 200);
    },
  );

  it.each(writes.map((r) => [label(r), r] as const))("%s succeeds (200/201)", async (_name, route) => {
    const token = route.spec.startsWith("/organisations") ? platformAdmin : editor;
    const res = await call(route.method, route.path, { token, body: await route.body!() });
    const created = route.method === "POST";
    const data = await json<{ id: string; version?: number }>(res, created ? 201 : 200);
    expect(data.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns the agreement with its derived status and the new version", async () => {
    const before = await current();
    const data = await json<{ version: number; status: string; purpose: string }>(
      await call("PUT", `/agreements/${A}`, {
        token: editor,
        body: { ...agreementBody(before), purpose: "Via API" },
      }),
      200,
    );
    expect(data).toMatchObject({ version: before.version + 1, purpose: "Via API" });
    expect(["draft", "signed", "active", "expired", "terminated"]).toContain(data.status);
  });
});

describe("API: stale versions", () => {
  it.each(
    writes
      .filter((r) => r.method !== "POST" || (r.spec !== "/agreements" && r.spec !== "/organisations"))
      .map((r) => [label(r), r] as const),
  )("%s answers 409 problem+json and writes nothing", async (_name, route) => {
    const token = route.spec.startsWith("/organisations") ? platformAdmin : editor;
    const body = (await route.body!()) as { version: number };
    // Someone else saves in between.
    if (route.spec.startsWith("/organisations")) {
      const ok = await call(route.method, route.path, { token, body });
      expect(ok.status).toBe(200);
    } else {
      const a = await current();
      await setFocusAreas(system(database), {
        agreementId: a.id,
        version: a.version,
        focusAreas: a.focusAreas.map((f) => ({ id: f.id, title: f.title, description: f.description })),
      });
    }
    const before = route.spec.startsWith("/organisations") ? null : await current();
    await expectProblem(await call(route.method, route.path, { token, body }), 409, "CONFLICT");
    if (before) expect(await current()).toEqual(before);
  });
});

describe("API: bad requests", () => {
  it("names an unknown field in errors[].path (400)", async () => {
    const a = await current();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/agreements", { title: "X", parties: partiesOf(a), colour: "red" }, "colour"],
      ["PUT", `/agreements/${A}`, { ...agreementBody(a), status: "active" }, "status"],
      [
        "PUT",
        `/agreements/${A}/signatories`,
        { version: a.version, signatories: [{ name: "A", pnr: "1" }] },
        "signatories.0.pnr",
      ],
      ["PATCH", `/focus-areas/${focusAreaId}`, { version: a.version, title: "X", priority: 1 }, "priority"],
      ["POST", "/organisations", { kind: "authority", name: "X", website: "https://x.se" }, "website"],
    ];
    for (const [method, path, body, field] of cases) {
      const problem = await expectProblem(await call(method, path, { token: editor, body }), 400, "VALIDATION");
      expect(
        problem.errors.map((e) => e.path),
        `${method} ${path}`,
      ).toContain(field);
      expect(problem.errors.find((e) => e.path === field)).toMatchObject({ messageKey: "validation.unknownField" });
    }
  });

  it("names a field of the wrong type in errors[].path (400)", async () => {
    const a = await current();
    const cases: [string, string, unknown, string][] = [
      ["PUT", `/agreements/${A}`, { ...agreementBody(a), title: 42 }, "title"],
      ["PUT", `/agreements/${A}`, { ...agreementBody(a), version: "1" }, "version"],
      ["POST", `/agreements/${A}/focus-areas`, { version: a.version, title: ["x"] }, "title"],
      ["PUT", `/agreements/${A}/bodies`, { version: a.version, bodies: "none" }, "bodies"],
      ["POST", "/agreements", { title: "X", parties: partiesOf(a), untilFurtherNotice: "yes" }, "untilFurtherNotice"],
    ];
    for (const [method, path, body, field] of cases) {
      const problem = await expectProblem(await call(method, path, { token: editor, body }), 400, "VALIDATION");
      expect(
        problem.errors.map((e) => e.path),
        `${method} ${path}`,
      ).toContain(field);
    }
  });

  it("refuses business-rule violations with the field path (end before start, no LPO, personnummer)", async () => {
    const a = await current();
    const cases: [unknown, string, string][] = [
      [
        { ...agreementBody(a), validFrom: "2025-01-01", validTo: "2024-01-01" },
        "validTo",
        "agreement.validity.endBeforeStart",
      ],
      [
        { ...agreementBody(a), parties: [{ organisationId: world.kommunA.id }, { organisationId: world.kommunB.id }] },
        "parties",
        "agreement.parties.lpoRequired",
      ],
      [{ ...agreementBody(a), purpose: "Kontakt 811218-9876" }, "purpose", "validation.personalIdentityNumber"],
    ];
    for (const [body, path, messageKey] of cases) {
      const problem = await expectProblem(
        await call("PUT", `/agreements/${A}`, { token: editor, body }),
        400,
        "VALIDATION",
      );
      expect(problem.errors).toContainEqual(expect.objectContaining({ path, messageKey }));
      expect(problem.errors.find((e) => e.path === path)!.detail).not.toBe(messageKey); // translated
    }
    expect(await current()).toEqual(a);
  });

  it("refuses invalid JSON and non-object bodies with 400", async () => {
    for (const rawBody of ["{not json", '{"title": }', "[]", '"text"', "null"]) {
      const res = await call("POST", "/agreements", { token: editor, rawBody });
      await expectProblem(res, 400, "VALIDATION");
    }
  });

  it("refuses a body over 1 MB with 413", async () => {
    const a = await current();
    const body = { ...agreementBody(a), purpose: "x".repeat(1_100_000) };
    await expectProblem(await call("PUT", `/agreements/${A}`, { token: editor, body }), 413, "PAYLOAD_TOO_LARGE");
  });

  it("answers unknown paths and malformed ids with 404 problem+json", async () => {
    await expectProblem(await call("GET", "/no-such-thing", { token: editor }), 404, "NOT_FOUND");
    await expectProblem(await call("GET", "/no-such-thing"), 404, "NOT_FOUND");
    await expectProblem(await call("DELETE", `/agreements/${A}`, { token: editor }), 404, "NOT_FOUND");
    for (const path of [
      `/agreements/${UNKNOWN_UUID}`,
      "/agreements/not-a-uuid",
      "/agreements/not-a-uuid/focus-areas",
      `/focus-areas/${UNKNOWN_UUID}`,
      "/focus-areas/1",
      `/organisations/${UNKNOWN_UUID}`,
      "/organisations/not-a-uuid",
    ])
      await expectProblem(await call("GET", path, { token: editor }), 404, "NOT_FOUND");
  });
});

describe("API: documentation", () => {
  it("serves an OpenAPI 3.1 document listing every route", async () => {
    const doc = await json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      await call("GET", "/openapi.json"),
      200,
    );
    expect(doc.openapi.startsWith("3.1")).toBe(true);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    // The foundation's routes above are all documented; the yearly cycle's modules test their own.
    expect(documented).toEqual(expect.arrayContaining([...new Set(routes.map(label))]));
  });

  it("refuses an anonymous caller on every documented route that is not public (401 problem+json)", async () => {
    const doc = await json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>(
      await call("GET", "/openapi.json"),
      200,
    );
    const checked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        if (op.security && op.security.length === 0) continue;
        const concrete = path.replace(/\{[^}]+\}/g, UNKNOWN_UUID);
        const body = ["post", "put", "patch"].includes(method) ? {} : undefined;
        await expectProblem(await call(method.toUpperCase(), concrete, { body }), 401, "UNAUTHENTICATED");
        checked.push(`${method} ${path}`);
      }
    expect(checked.length).toBeGreaterThan(routes.length);
  });

  it("serves an HTML reference page", async () => {
    const res = await call("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("<table");
    expect(html).toContain("/api/v1/agreements/{id}/focus-areas");
  });
});

describe("API: no unexpected server errors", () => {
  it("logged no error while answering every request above", () => {
    expect(server.errors).toEqual([]);
  });
});
