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
import { confirmImport, extractDraft, extractDrafts } from "../../src/services/imports/imports.ts";
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
const skara = seed("002_");
const lessebo = seed("004_");
const twoSeeds = !!skara && !!lessebo;
if (!twoSeeds) console.warn(`Several-file import tests skipped: no ${SEEDS}/002_*.txt and 004_*.txt`);

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

describe("several files in one import", () => {
  const garbage = Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), randomBytes(4000)]);
  const upload = (f: { name: string; bytes: Buffer }) => ({
    filename: f.name,
    mediaType: "text/plain",
    bytes: f.bytes,
  });

  it.skipIf(!twoSeeds)("extracts two seeds into two documents, with focus areas merged", async () => {
    const before = await snapshot();
    const { documents, merged } = await extractDrafts(ctxOf(editor), [upload(skara!), upload(lessebo!)]);
    expect(documents.map((d) => d.filename)).toEqual([skara!.name, lessebo!.name]);
    expect(documents.every((d) => d.draft.text.length > 0)).toBe(true);
    const primary = documents.findIndex((d) => d.draft.kind === "agreement");
    expect(merged.primary).toBe(primary >= 0 ? primary : 0);
    expect(merged.title).toBe(documents[merged.primary]!.draft.title);
    // The union, case-insensitive, in document order: each title from the document it came from.
    const all = documents.flatMap((d, i) => d.draft.focusAreas.map((f, j) => ({ title: f.title, i, j })));
    const union = all.filter(
      (f, k) => all.findIndex((g) => g.title.toLocaleLowerCase("sv") === f.title.toLocaleLowerCase("sv")) === k,
    );
    expect(documents[0]!.draft.focusAreas.length).toBeGreaterThan(0);
    expect(documents[1]!.draft.focusAreas.length).toBeGreaterThan(0);
    expect(merged.focusAreas.map((f) => f.title)).toEqual(union.map((f) => f.title));
    expect(merged.focusAreas.map((f) => f.source)).toEqual(
      union.map((f) => ({ document: f.i, path: `focusAreas/${f.j}` })),
    );
    // Parties from both documents, once per organisation.
    const ids = merged.parties.map((p) => p.match?.organisationId).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(merged.parties.length).toBeGreaterThanOrEqual(documents[merged.primary]!.draft.parties.length);
    expect(await snapshot()).toEqual(before);
  });

  it("merges duplicate focus areas case-insensitively and takes the pre-fill from the agreement", async () => {
    const plan = Buffer.from("# Åtgärdsplan\n\nÅtgärdsplan för Kungsör 2024.\n");
    const { documents, merged } = await extractDrafts(ctxOf(editor), [
      { filename: "plan.txt", mediaType: "text/plain", bytes: plan },
      {
        filename: "avtal.txt",
        mediaType: "text/plain",
        bytes: Buffer.from("# Samverkansöverenskommelse\n\nKungsörs kommun"),
      },
    ]);
    expect(documents).toHaveLength(2);
    const agreementAt = documents.findIndex((d) => d.draft.kind === "agreement");
    expect(merged.primary).toBe(agreementAt >= 0 ? agreementAt : 0);
  });

  it("a file that cannot be read among good ones is refused naming that file, nothing saved", async () => {
    const before = await snapshot();
    const e = await expectAppError(
      extractDrafts(ctxOf(editor), [
        { filename: "bra.txt", mediaType: "text/plain", bytes: Buffer.from("Samverkansöverenskommelse Kungsör") },
        { filename: "trasig.bin", bytes: garbage },
      ]),
      "VALIDATION",
      "import.error.inFile",
    );
    expect(e.params?.name).toBe("trasig.bin");
    expect(e.fields[0]).toMatchObject({ path: "file", params: { name: "trasig.bin" } });
    expect(e.fields[0]?.message).toMatch(/^import\.error\./);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses more than five files, and files too large together", async () => {
    const six = Array.from({ length: 6 }, (_v, i) => ({ filename: `${i}.txt`, bytes: Buffer.from("Kungsörs kommun") }));
    const e = await expectAppError(extractDrafts(ctxOf(editor), six), "VALIDATION", "import.error.tooManyFiles");
    expect(e.params).toEqual({ max: 5 });
    const small = { ...testConfig, maxUploadBytes: 1000 };
    const half = Buffer.alloc(600, 0x61);
    await expectAppError(
      extractDrafts(ctxOf(editor, small), [
        { filename: "a.txt", bytes: half },
        { filename: "b.txt", bytes: half },
      ]),
      "PAYLOAD_TOO_LARGE",
      "import.error.totalTooLarge",
    );
    const one = await expectAppError(
      extractDrafts(ctxOf(editor, small), [{ filename: "stor.txt", bytes: Buffer.alloc(1001, 0x61) }]),
      "PAYLOAD_TOO_LARGE",
      "import.error.inFile",
    );
    expect(one.params?.name).toBe("stor.txt");
    // Confirming six files is refused too, before anything is saved.
    const before = await snapshot();
    const sixFiles = six.map((f) => ({
      filename: f.filename,
      mediaType: "text/plain",
      base64: f.bytes.toString("base64"),
    }));
    await expectAppError(
      confirmImport(ctxOf(editor), confirmation(Buffer.from("x"), { file: undefined, files: sixFiles })),
      "VALIDATION",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("confirming keeps every file as its own annex, with its own kind, each audited", async () => {
    const a = skara?.bytes ?? Buffer.from("Samverkansöverenskommelse Kungsör");
    const b = lessebo?.bytes ?? Buffer.from("Medborgarlöfte Kungsör");
    const view = await confirmImport(
      ctxOf(editor),
      confirmation(a, {
        file: undefined,
        files: [
          { filename: "avtal.txt", mediaType: "text/plain", base64: a.toString("base64"), kind: "agreement" },
          { filename: "plan.txt", mediaType: "text/plain", content: b.toString("base64"), kind: "action_plan" },
          {
            filename: "loften.txt",
            mediaType: "text/plain",
            base64: b.toString("base64"),
            kind: "citizen_promise",
            annexTitle: "Medborgarlöfte",
          },
        ],
      }),
    );
    const saved = await getAgreement(system(database), view.id);
    expect(saved.annexes.map((x) => [x.title, x.kind, x.filename])).toEqual([
      ["avtal.txt", "other", "avtal.txt"],
      ["plan.txt", "action_plan", "plan.txt"],
      ["Medborgarlöfte", "citizen_promise", "loften.txt"],
    ]);
    const second = await getAnnexFile(ctxOf(editor), view.id, saved.annexes[1]!.id);
    expect(Buffer.from(second.content).equals(b)).toBe(true);
    const imported = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, "agreement"),
          eq(auditLog.entityId, view.id),
          eq(auditLog.action, "agreement.imported"),
        ),
      );
    expect(imported).toHaveLength(3);
  });

  it.skipIf(!twoSeeds)("extract → confirm with both seeds keeps both as annexes", async () => {
    const { documents, merged } = await extractDrafts(ctxOf(editor), [upload(skara!), upload(lessebo!)]);
    const view = await confirmImport(ctxOf(editor), {
      title: merged.title ?? "Två dokument",
      parties: [{ organisationId: kungsorKommun.id }, { organisationId: world.lpoA.id }],
      focusAreas: merged.focusAreas.map((f) => ({ title: f.title })),
      files: documents.map((d) => ({
        filename: d.filename,
        mediaType: d.mediaType,
        base64: (d.filename === skara!.name ? skara! : lessebo!).bytes.toString("base64"),
      })),
    });
    expect(view.annexes.map((x) => x.filename)).toEqual([skara!.name, lessebo!.name]);
    // Left out, each file's kind is read from the file again.
    expect(view.annexes.map((x) => x.kind)).toEqual(
      documents.map((d) =>
        d.draft.kind === "action_plan" || d.draft.kind === "citizen_promise" ? d.draft.kind : "other",
      ),
    );
    expect(view.focusAreas.map((f) => f.title)).toEqual(merged.focusAreas.map((f) => f.title));
  });

  it("a confirmation failing after the first annex leaves nothing behind; file and files together are refused", async () => {
    const before = await snapshot();
    const ok = Buffer.from("Samverkansöverenskommelse").toString("base64");
    await expectAppError(
      confirmImport(
        ctxOf(editor),
        confirmation(Buffer.from("x"), {
          file: undefined,
          files: [
            { filename: "a.txt", mediaType: "text/plain", base64: ok, kind: "agreement" },
            { filename: "b.txt", mediaType: "text/plain", base64: "", kind: "agreement" },
          ],
        }),
      ),
      "VALIDATION",
    );
    await expectAppError(
      confirmImport(
        ctxOf(editor),
        confirmation(Buffer.from("x"), { files: [{ filename: "a.txt", mediaType: "text/plain", base64: ok }] }),
      ),
      "VALIDATION",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("attaches several files to an existing agreement", async () => {
    const current = await getAgreement(system(database), world.agreementA.id);
    const content = Buffer.from("Medborgarlöfte").toString("base64");
    const view = await confirmImport(ctxOf(editorA), {
      attachToAgreementId: current.id,
      version: current.version,
      files: [
        { filename: "plan.txt", mediaType: "text/plain", base64: content, kind: "action_plan" },
        { filename: "loften.txt", mediaType: "text/plain", base64: content, kind: "citizen_promise" },
      ],
    });
    expect(view.annexes.slice(-2).map((x) => [x.filename, x.kind])).toEqual([
      ["plan.txt", "action_plan"],
      ["loften.txt", "citizen_promise"],
    ]);
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

  it.skipIf(!twoSeeds)(
    "reads several file parts into {documents, merged}; one part keeps {draft, matches}",
    async () => {
      const form = new FormData();
      for (const f of [skara!, lessebo!])
        form.append("file", new Blob([new Uint8Array(f.bytes)], { type: "text/plain" }), f.name);
      const res = await fetch(url("/imports"), { method: "POST", headers: auth, body: form });
      expect(res.status, await res.clone().text()).toBe(200);
      const body = (await res.json()) as { documents: { filename: string }[]; merged: { focusAreas: unknown[] } };
      expect(body.documents.map((d) => d.filename)).toEqual([skara!.name, lessebo!.name]);
      expect(body.merged.focusAreas.length).toBeGreaterThan(0);
      expect(body).not.toHaveProperty("draft");

      const six = new FormData();
      for (let i = 0; i < 6; i++) six.append("file", new Blob([Buffer.from("Kungsörs kommun")]), `${i}.txt`);
      const refused = await problem(
        await fetch(url("/imports"), { method: "POST", headers: auth, body: six }),
        400,
        "VALIDATION",
      );
      expect(refused.messageKey).toBe("import.error.tooManyFiles");

      const mixed = new FormData();
      mixed.append("file", new Blob([new Uint8Array(skara!.bytes)], { type: "text/plain" }), skara!.name);
      mixed.append("file", new Blob([Buffer.concat([Buffer.from([0, 0xff, 0]), randomBytes(3000)])]), "trasig.bin");
      const bad = await problem(
        await fetch(url("/imports"), { method: "POST", headers: auth, body: mixed }),
        400,
        "VALIDATION",
      );
      expect(bad.messageKey).toBe("import.error.inFile");
    },
  );

  it("confirms several files sent as files[] (201)", async () => {
    const res = await fetch(url("/imports/confirm"), {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify(
        confirmation(Buffer.from("x"), {
          title: "Två filer via API",
          file: undefined,
          files: [
            {
              filename: "a.txt",
              mediaType: "text/plain",
              base64: Buffer.from("Samverkansöverenskommelse").toString("base64"),
            },
            { filename: "b.txt", mediaType: "text/plain", base64: Buffer.from("Åtgärdsplan").toString("base64") },
          ],
        }),
      ),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as { annexes: { filename: string }[] };
    expect(created.annexes.map((a) => a.filename)).toEqual(["a.txt", "b.txt"]);
  });

  it("logged no unexpected server error", () => {
    expect(server.errors).toEqual([]);
  });
});
