import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { agreements, annexes, auditLog, files } from "../../src/db/schema.ts";
import { AppError } from "../../src/errors.ts";
import { getAgreement, getAnnexFile } from "../../src/services/agreements/agreements.ts";
import { createApiToken } from "../../src/services/auth/users.ts";
import type { ServiceContext } from "../../src/services/core/context.ts";
import { confirmImport, extractDraft } from "../../src/services/imports/imports.ts";
import { createOrganisation } from "../../src/services/organisations/organisations.ts";
import { as, auditCount, freshDatabase, makeUser, system, testConfig, twoOrganisationWorld } from "../helpers/db.ts";
import { startTestServer } from "../helpers/http.ts";

/** The shared seed documents live beside the project: <root>/../shared/seeds. */
const SEEDS = join(import.meta.dirname, "..", "..", "..", "shared", "seeds");
function seed(prefix: string): { name: string; bytes: Buffer } | undefined {
  if (!existsSync(SEEDS)) return undefined;
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  return name ? { name, bytes: readFileSync(join(SEEDS, name)) } : undefined;
}
const kungsor = seed("001_");
if (!kungsor) console.warn(`Import tests with seed documents skipped: no ${SEEDS}/001_*.txt`);

const database = await freshDatabase();
const server = await startTestServer(database);
afterAll(() => server.close());

const world = await twoOrganisationWorld(database);
const kungsorKommun = await createOrganisation(system(database), {
  kind: "kommun",
  name: "Kungsörs kommun",
  municipalityCode: "1960",
});
const editor = await makeUser(database, [[kungsorKommun.id, "editor"]]);
const editorA = await makeUser(database, [[world.kommunA.id, "editor"]]);
const otherEditor = await makeUser(database, [[world.kommunB.id, "editor"]]);
const viewer = await makeUser(database, [[kungsorKommun.id, "viewer"]]);

const ctxOf = (actor: typeof editor | null, config = testConfig): ServiceContext => ({
  ...as(database, actor),
  config,
});

async function expectAppError(promise: Promise<unknown>, code: string, messageKey?: string | RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.code, e.messageKey).toBe(code);
  if (typeof messageKey === "string") expect(e.messageKey).toBe(messageKey);
  else if (messageKey) expect(e.messageKey).toMatch(messageKey);
  return e;
}

async function count(table: typeof agreements | typeof annexes | typeof files): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table);
  return row?.n ?? 0;
}
const snapshot = async () => ({
  agreements: await count(agreements),
  annexes: await count(annexes),
  files: await count(files),
  audit: await auditCount(database),
});

/** What a person would confirm for the Kungsör seed, with the parties the matches suggested. */
function confirmation(bytes: Buffer, overrides: Record<string, unknown> = {}) {
  return {
    kind: "agreement",
    title: "Samverkansöverenskommelse Kungsör",
    validFrom: "2022-12-15",
    untilFurtherNotice: true,
    signedOn: "2022-12-15",
    parties: [{ organisationId: kungsorKommun.id }, { organisationId: world.lpoA.id }],
    signatories: [
      { name: "Claes-Urban Boström", title: "Kommundirektör", organisationId: kungsorKommun.id, place: "Kungsör" },
      { name: "Maria Bäck", title: "lokalpolisområdeschef", organisationId: world.lpoA.id },
    ],
    focusAreas: [{ title: "Grannsamverkan" }, { title: "Unga i riskzon" }],
    commitments: ["Lokala BRÅ är basen för det gemensamma brottsförebyggande arbetet."],
    file: { filename: "kungsor.txt", mediaType: "text/plain", content: bytes.toString("base64") },
    ...overrides,
  };
}

describe("extracting a draft", () => {
  it.skipIf(!kungsor)("reads the Kungsör seed and matches its parties to known organisations", async () => {
    const { draft, matches } = await extractDraft(ctxOf(editor), {
      filename: kungsor!.name,
      mediaType: "text/plain",
      bytes: kungsor!.bytes,
    });
    expect(draft.parties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "kommun", code: "1960" }),
        expect.objectContaining({ type: "lpo", name: "Västra Mälardalen" }),
      ]),
    );
    const kommunAt = draft.parties.findIndex((p) => p.type === "kommun");
    const lpoAt = draft.parties.findIndex((p) => p.type === "lpo");
    expect(matches.parties[kommunAt]?.organisationId).toBe(kungsorKommun.id);
    expect(matches.parties[lpoAt]?.organisationId).toBe(world.lpoA.id);
    // "lokalpolisområde Västra Mälardalen" as a signatory's organisation finds the LPO too.
    expect(matches.signatories.map((m) => m?.organisationId)).toEqual([kungsorKommun.id, world.lpoA.id]);
  });

  it("nothing is saved by extraction", async () => {
    const before = await snapshot();
    await extractDraft(ctxOf(editor), { bytes: Buffer.from("# Samverkansöverenskommelse\n\nKungsörs kommun") });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses garbage with an import.error key, and an empty file", async () => {
    const garbage = Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), randomBytes(4000)]);
    const e = await expectAppError(extractDraft(ctxOf(editor), { bytes: garbage }), "VALIDATION", /^import\.error\./);
    expect(e.fields[0]).toMatchObject({ path: "file", message: e.messageKey });
    await expectAppError(extractDraft(ctxOf(editor), { bytes: Buffer.alloc(0) }), "VALIDATION", "import.error.empty");
  });

  it("refuses a file over the upload limit", async () => {
    const small = { ...testConfig, maxUploadBytes: 1000 };
    const e = await expectAppError(
      extractDraft(ctxOf(editor, small), { bytes: Buffer.alloc(1001, 0x61) }),
      "PAYLOAD_TOO_LARGE",
      "upload.tooLarge",
    );
    expect(e.params).toEqual({ mb: 0 });
  });

  it("is for signed-in editors only", async () => {
    const bytes = Buffer.from("Kungsörs kommun");
    await expectAppError(extractDraft(ctxOf(null), { bytes }), "UNAUTHENTICATED");
    await expectAppError(extractDraft(ctxOf(viewer), { bytes }), "FORBIDDEN", "import.forbidden");
  });
});

describe("confirming an import", () => {
  const bytes =
    kungsor?.bytes ?? Buffer.from("Samverkansöverenskommelse mellan Kungsörs kommun och LPO Västra Mälardalen");

  it("creates the agreement with signatories, focus areas and the file as an annex, each audited", async () => {
    const view = await confirmImport(ctxOf(editor), confirmation(bytes));
    const saved = await getAgreement(system(database), view.id);
    expect(saved.title).toBe("Samverkansöverenskommelse Kungsör");
    expect(saved.untilFurtherNotice).toBe(true);
    expect(saved.parties.map((p) => p.organisationId)).toEqual([kungsorKommun.id, world.lpoA.id]);
    expect(saved.signatories.map((s) => [s.name, s.organisationId, s.place])).toEqual([
      ["Claes-Urban Boström", kungsorKommun.id, "Kungsör"],
      ["Maria Bäck", world.lpoA.id, ""],
    ]);
    expect(saved.focusAreas.map((f) => f.title)).toEqual(["Grannsamverkan", "Unga i riskzon"]);
    expect(saved.commitments).toEqual(["Lokala BRÅ är basen för det gemensamma brottsförebyggande arbetet."]);
    expect(saved.annexes).toHaveLength(1);
    expect(saved.annexes[0]).toMatchObject({ title: "kungsor.txt", kind: "other", filename: "kungsor.txt" });
    const file = await getAnnexFile(ctxOf(editor), view.id, saved.annexes[0]!.id);
    expect(Buffer.from(file.content).equals(bytes)).toBe(true);

    const actions = (
      await database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "agreement"), eq(auditLog.entityId, view.id)))
    ).map((r) => r.action);
    expect(actions.sort()).toEqual(
      [
        "agreement.annexAdded",
        "agreement.created",
        "agreement.focusAreasSet",
        "agreement.imported",
        "agreement.signatoriesSet",
      ].sort(),
    );
  });

  it("keeps an action plan as an action-plan annex", async () => {
    const view = await confirmImport(ctxOf(editor), confirmation(bytes, { kind: "action_plan", annexTitle: "Plan" }));
    expect(view.annexes[0]).toMatchObject({ title: "Plan", kind: "action_plan" });
  });

  it("without an LPO is refused, and leaves no agreement, annex, file or audit record", async () => {
    const before = await snapshot();
    const e = await expectAppError(
      confirmImport(
        ctxOf(editor),
        confirmation(bytes, { parties: [{ organisationId: kungsorKommun.id }, { organisationId: world.kommunA.id }] }),
      ),
      "VALIDATION",
    );
    expect(e.fields.map((f) => f.message)).toContain("agreement.parties.lpoRequired");
    expect(await snapshot()).toEqual(before);
  });

  it("a step failing after the agreement was created rolls everything back", async () => {
    const before = await snapshot();
    // A well-formed but unknown organisation is only found out by setSignatories, after createAgreement.
    const e = await expectAppError(
      confirmImport(
        ctxOf(editor),
        confirmation(bytes, {
          signatories: [{ name: "Maria Bäck", organisationId: "00000000-0000-4000-8000-000000000000" }],
        }),
      ),
      "VALIDATION",
    );
    expect(e.fields[0]?.path).toBe("signatories.0.organisationId");
    expect(await snapshot()).toEqual(before);
  });

  it("checks its own input strictly and refuses anonymous callers", async () => {
    const before = await snapshot();
    await expectAppError(confirmImport(ctxOf(editor), confirmation(bytes, { extra: 1 })), "VALIDATION");
    await expectAppError(
      confirmImport(ctxOf(editor), confirmation(bytes, { file: { filename: "x", content: "" } })),
      "VALIDATION",
    );
    await expectAppError(confirmImport(ctxOf(null), confirmation(bytes)), "UNAUTHENTICATED");
    await expectAppError(
      confirmImport(ctxOf(editor, { ...testConfig, maxUploadBytes: 10 }), confirmation(bytes)),
      "PAYLOAD_TOO_LARGE",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("attaches the file and adds focus areas to an existing agreement", async () => {
    const current = await getAgreement(system(database), world.agreementA.id);
    const view = await confirmImport(ctxOf(editorA), {
      attachToAgreementId: current.id,
      version: current.version,
      kind: "citizen_promise",
      focusAreas: [{ title: "Trygg stadskärna" }],
      file: { filename: "loften.txt", mediaType: "text/plain", content: bytes.toString("base64") },
    });
    expect(view.focusAreas.map((f) => f.title)).toEqual([
      ...current.focusAreas.map((f) => f.title),
      "Trygg stadskärna",
    ]);
    expect(view.annexes.at(-1)).toMatchObject({ kind: "citizen_promise", filename: "loften.txt" });
    expect(view.title).toBe(current.title);
  });

  it("another organisation's editor cannot attach to an agreement they cannot see (404), nothing saved", async () => {
    const current = await getAgreement(system(database), world.agreementA.id);
    const before = await snapshot();
    for (const focusAreas of [[], [{ title: "Inbrott" }]])
      await expectAppError(
        confirmImport(ctxOf(otherEditor), {
          attachToAgreementId: current.id,
          version: current.version,
          focusAreas,
          file: { filename: "x.txt", mediaType: "text/plain", content: bytes.toString("base64") },
        }),
        "NOT_FOUND",
      );
    expect(await snapshot()).toEqual(before);
    expect(await getAgreement(system(database), current.id)).toEqual(current);
  });
});

const token = (await createApiToken(as(database, editor), { name: "import" })).token;

describe("API: imports", () => {
  const url = (path: string) => `${server.baseUrl}/api/v1${path}`;
  const auth = { authorization: `Bearer ${token}` };

  async function problem(res: Response, status: number, code: string) {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(text) as { code: string; messageKey: string };
    expect(body.code).toBe(code);
    return body;
  }

  it.skipIf(!kungsor)("reads a multipart upload into a draft with matches", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(kungsor!.bytes)], { type: "text/plain" }), kungsor!.name);
    const res = await fetch(url("/imports"), { method: "POST", headers: auth, body: form });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as {
      draft: { parties: { type: string; code?: string }[]; text: string };
      matches: { parties: ({ organisationId: string } | null)[] };
    };
    expect(body.draft.parties.some((p) => p.type === "kommun" && p.code === "1960")).toBe(true);
    expect(body.matches.parties.map((m) => m?.organisationId)).toEqual(
      expect.arrayContaining([kungsorKommun.id, world.lpoA.id]),
    );
  });

  it.skipIf(!kungsor)("reads a raw body with the document's own content type", async () => {
    const res = await fetch(url(`/imports?filename=${encodeURIComponent(kungsor!.name)}`), {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain" },
      body: new Uint8Array(kungsor!.bytes),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it("answers 401 to anonymous callers, 400 without a file or for garbage, 413 when too large", async () => {
    const form = new FormData();
    form.append("file", new Blob([Buffer.from("Kungsörs kommun")]), "a.txt");
    await problem(await fetch(url("/imports"), { method: "POST", body: form }), 401, "UNAUTHENTICATED");
    await problem(await fetch(url("/imports/confirm"), { method: "POST" }), 401, "UNAUTHENTICATED");

    const empty = new FormData();
    empty.append("other", "x");
    const noFile = await problem(
      await fetch(url("/imports"), { method: "POST", headers: auth, body: empty }),
      400,
      "VALIDATION",
    );
    expect(noFile.messageKey).toBe("import.error.noFile");

    const garbage = new FormData();
    garbage.append("file", new Blob([Buffer.concat([Buffer.from([0, 0xff, 0]), randomBytes(3000)])]), "x.bin");
    const bad = await problem(
      await fetch(url("/imports"), { method: "POST", headers: auth, body: garbage }),
      400,
      "VALIDATION",
    );
    expect(bad.messageKey).toMatch(/^import\.error\./);

    const big = Buffer.alloc(testConfig.maxUploadBytes + 1, 0x61);
    await problem(
      await fetch(url("/imports?filename=big.txt"), {
        method: "POST",
        headers: { ...auth, "content-type": "text/plain" },
        body: big,
      }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
  });

  it("confirms an import (201) and refuses one without an LPO (400), saving nothing", async () => {
    const bytes = kungsor?.bytes ?? Buffer.from("Kungsörs kommun");
    const post = (body: unknown) =>
      fetch(url("/imports/confirm"), {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const res = await post(confirmation(bytes, { title: "Importerad via API" }));
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as { id: string; title: string; annexes: unknown[] };
    expect(created.title).toBe("Importerad via API");
    expect(created.annexes).toHaveLength(1);

    // The document travels back as base64: more than the API's usual 1 MB JSON limit is accepted.
    const large = await post(confirmation(Buffer.alloc(2 * 1024 * 1024, 0x61), { title: "Stort dokument" }));
    expect(large.status, await large.clone().text()).toBe(201);

    const before = await snapshot();
    await problem(
      await post(confirmation(bytes, { parties: [{ organisationId: kungsorKommun.id }] })),
      400,
      "VALIDATION",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("logged no unexpected server error", () => {
    expect(server.errors).toEqual([]);
  });
});
