import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreements, files } from "../../src/db/schema.ts";
import {
  addAnnexFile,
  createAgreement,
  createFocusArea,
  getAgreement,
  getAnnexFile,
  listFocusAreas,
  setAnnexes,
  setBodies,
  setFocusAreas,
  setSignatories,
  terminateAgreement,
  updateAgreement,
  updateFocusArea,
  type AgreementView,
} from "../../src/services/agreements/agreements.ts";
import type { ServiceContext } from "../../src/services/core/context.ts";
import { createOrganisation } from "../../src/services/organisations/organisations.ts";
import { as, auditCount, freshDatabase, lastAudit, makeUser, system, twoOrganisationWorld } from "../helpers/db.ts";

const database = await freshDatabase();
const world = await twoOrganisationWorld(database);
const department = await createOrganisation(system(database), {
  kind: "department",
  name: "Kultur- och fritidsförvaltningen",
  parentId: world.kommunA.id,
});
const editor = await makeUser(database, [[world.kommunA.id, "editor"]]);
const viewer = await makeUser(database, [[world.kommunA.id, "viewer"]]);
const contributor = await makeUser(database, [[world.lpoA.id, "contributor"]]);
const otherEditor = await makeUser(database, [[world.kommunB.id, "editor"]]);
const departmentEditor = await makeUser(database, [[department.id, "editor"]]);

const PERSONNUMMER = "811218-9876";

async function newAgreement(title = "Överenskommelse för test") {
  return createAgreement(system(database), {
    title,
    validFrom: "2024-01-01",
    validTo: "2026-12-31",
    parties: [{ organisationId: world.kommunA.id }, { organisationId: world.lpoA.id }],
  });
}

/** Everything a refused write could have touched. */
async function snapshot(id: string) {
  const [{ n } = { n: 0 }] = await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(files);
  return { view: await getAgreement(system(database), id), audits: await auditCount(database), files: n };
}

interface WriteCase {
  name: string;
  action: string;
  /** Runs the write on agreement `a` with the given version. */
  run: (ctx: ServiceContext, a: AgreementView, version: number) => Promise<unknown>;
  check: (after: AgreementView, audit: { before: unknown; after: unknown }) => void;
}

const annexContent = Buffer.from("%PDF-1.4 handlingsplan");

const writes: WriteCase[] = [
  {
    name: "updateAgreement",
    action: "agreement.updated",
    run: (ctx, a, version) =>
      updateAgreement(ctx, {
        id: a.id,
        version,
        title: "Ny titel",
        purpose: "Ett tryggare Köping",
        validFrom: a.validFrom,
        validTo: "2027-12-31",
        parties: [
          { organisationId: world.lpoA.id, contactName: "Kim" },
          { organisationId: world.kommunA.id },
          { organisationId: department.id },
        ],
      }),
    check: (after, audit) => {
      expect(after).toMatchObject({ title: "Ny titel", purpose: "Ett tryggare Köping", validTo: "2027-12-31" });
      expect(after.parties.map((p) => [p.organisationId, p.role])).toEqual([
        [world.lpoA.id, "lpo"],
        [world.kommunA.id, "kommun"],
        [department.id, "other"],
      ]);
      expect(audit.before).toMatchObject({ title: "Överenskommelse för test", validTo: "2026-12-31" });
      expect(audit.after).toMatchObject({ title: "Ny titel", validTo: "2027-12-31" });
    },
  },
  {
    name: "setSignatories",
    action: "agreement.signatoriesSet",
    run: (ctx, a, version) =>
      setSignatories(ctx, {
        agreementId: a.id,
        version,
        signatories: [
          {
            name: "Anna Andersson",
            title: "Kommundirektör",
            organisationId: world.kommunA.id,
            place: "Köping",
            signedOn: "2024-01-10",
          },
          { name: "Kim Polis", title: "Lokalpolisområdeschef", organisationId: world.lpoA.id, signedOn: "2024-01-11" },
        ],
      }),
    check: (after, audit) => {
      expect(after.signatories.map((s) => s.name)).toEqual(["Anna Andersson", "Kim Polis"]);
      expect(after.status).toBe("active"); // every signatory has signed
      expect((audit.before as AgreementView).signatories).toEqual([]);
      expect((audit.after as AgreementView).signatories).toHaveLength(2);
    },
  },
  {
    name: "setBodies",
    action: "agreement.bodiesSet",
    run: (ctx, a, version) =>
      setBodies(ctx, {
        agreementId: a.id,
        version,
        bodies: [
          {
            name: "Styrgrupp",
            kind: "steering_group",
            mandate: "Leder arbetet",
            members: [{ name: "Anna Andersson", organisationId: world.kommunA.id, role: "Ordförande" }],
          },
          { name: "BRÅ", kind: "bra" },
        ],
      }),
    check: (after, audit) => {
      expect(after.bodies.map((b) => [b.name, b.kind])).toEqual([
        ["Styrgrupp", "steering_group"],
        ["BRÅ", "bra"],
      ]);
      expect((audit.after as AgreementView).bodies[0]).toMatchObject({
        members: [{ name: "Anna Andersson", organisationId: world.kommunA.id, role: "Ordförande" }],
      });
      expect((audit.before as AgreementView).bodies).toEqual([]);
    },
  },
  {
    name: "setAnnexes",
    action: "agreement.annexesSet",
    run: (ctx, a, version) =>
      setAnnexes(ctx, {
        agreementId: a.id,
        version,
        annexes: [{ title: "Medborgarlöfte", kind: "citizen_promise", url: "https://koping.se/lofte" }],
      }),
    check: (after, audit) => {
      expect(after.annexes).toEqual([
        expect.objectContaining({ title: "Medborgarlöfte", kind: "citizen_promise", url: "https://koping.se/lofte" }),
      ]);
      expect((audit.after as AgreementView).annexes).toHaveLength(1);
      expect((audit.before as AgreementView).annexes).toEqual([]);
    },
  },
  {
    name: "addAnnexFile",
    action: "agreement.annexAdded",
    run: (ctx, a, version) =>
      addAnnexFile(ctx, {
        agreementId: a.id,
        version,
        title: "Handlingsplan 2025",
        kind: "action_plan",
        filename: "../plan\u0000.pdf",
        mediaType: "application/pdf",
        content: annexContent,
      }),
    check: (after, audit) => {
      expect(after.annexes).toEqual([
        expect.objectContaining({
          title: "Handlingsplan 2025",
          kind: "action_plan",
          filename: ".._plan_.pdf",
          mediaType: "application/pdf",
          size: annexContent.length,
        }),
      ]);
      expect((audit.after as AgreementView).annexes[0]).toMatchObject({ title: "Handlingsplan 2025" });
      expect(JSON.stringify(audit)).not.toContain('handlingsplan"');
    },
  },
  {
    name: "setFocusAreas",
    action: "agreement.focusAreasSet",
    run: (ctx, a, version) =>
      setFocusAreas(ctx, {
        agreementId: a.id,
        version,
        focusAreas: [{ title: "Trygg stadskärna", description: "Kvällar och helger" }, { title: "Unga" }],
      }),
    check: (after, audit) => {
      expect(after.focusAreas.map((f) => [f.title, f.position])).toEqual([
        ["Trygg stadskärna", 0],
        ["Unga", 1],
      ]);
      expect((audit.after as AgreementView).focusAreas).toHaveLength(2);
      expect((audit.before as AgreementView).focusAreas).toEqual([]);
    },
  },
  {
    name: "createFocusArea",
    action: "focusArea.created",
    run: (ctx, a, version) => createFocusArea(ctx, { agreementId: a.id, version, title: "Narkotika" }),
    check: (after, audit) => {
      expect(after.focusAreas).toEqual([expect.objectContaining({ title: "Narkotika", position: 0 })]);
      expect((audit.after as AgreementView).focusAreas).toHaveLength(1);
    },
  },
  {
    name: "updateFocusArea",
    action: "focusArea.updated",
    run: async (ctx, a, version) => {
      const [fa] = await listFocusAreas(system(database), a.id);
      return updateFocusArea(ctx, { id: fa!.id, version, title: "Ändrad titel", description: "Ny text" });
    },
    check: (after, audit) => {
      expect(after.focusAreas).toEqual([
        expect.objectContaining({ title: "Ändrad titel", description: "Ny text", position: 0 }),
      ]);
      expect((audit.before as AgreementView).focusAreas[0]).toMatchObject({ title: "Fokus att ändra" });
      expect((audit.after as AgreementView).focusAreas[0]).toMatchObject({ title: "Ändrad titel" });
    },
  },
  {
    name: "terminateAgreement",
    action: "agreement.terminated",
    run: (ctx, a, version) =>
      terminateAgreement(ctx, { agreementId: a.id, version, terminatedOn: "2024-06-30", note: "Ersatt av ny" }),
    check: (after, audit) => {
      expect(after).toMatchObject({
        terminatedOn: "2024-06-30",
        terminationNote: "Ersatt av ny",
        status: "terminated",
      });
      expect(audit.before).toMatchObject({ terminatedOn: null });
      expect(audit.after).toMatchObject({ terminatedOn: "2024-06-30" });
    },
  },
];

/** A new agreement for each case, so the cases do not depend on each other. */
async function agreementFor(write: WriteCase) {
  const a = await newAgreement();
  if (write.name !== "updateFocusArea") return a;
  await createFocusArea(system(database), { agreementId: a.id, version: a.version, title: "Fokus att ändra" });
  return getAgreement(system(database), a.id);
}

describe.each(writes)("$name", (write) => {
  it("writes, bumps the agreement's version, and audits before and after", async () => {
    const a = await agreementFor(write);
    await write.run(as(database, editor), a, a.version);
    const after = await getAgreement(system(database), a.id);
    expect(after.version).toBe(a.version + 1);
    const audit = await lastAudit(database, a.id);
    expect(audit).toMatchObject({
      action: write.action,
      actorUserId: editor.userId,
      actorLabel: `${editor.name} <${editor.email}>`,
      entityType: "agreement",
      entityId: a.id,
    });
    expect((audit!.before as { version: number }).version).toBe(a.version);
    expect((audit!.after as { version: number }).version).toBe(a.version + 1);
    write.check(after, audit as { before: unknown; after: unknown });
  });

  it("hides the agreement from another organisation's editor (NOT_FOUND) and writes nothing", async () => {
    const a = await agreementFor(write);
    const before = await snapshot(a.id);
    await expect(write.run(as(database, otherEditor), a, a.version)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(a.id)).toEqual(before);
  });

  it("refuses viewers, contributors and a department's editor, who may read it (FORBIDDEN)", async () => {
    const a = await agreementFor(write);
    const before = await snapshot(a.id);
    for (const actor of [viewer, contributor, departmentEditor]) {
      await expect(getAgreement(as(database, actor), a.id)).resolves.toMatchObject({ id: a.id });
      await expect(write.run(as(database, actor), a, a.version)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await snapshot(a.id)).toEqual(before);
  });

  it("refuses an anonymous caller (UNAUTHENTICATED)", async () => {
    const a = await agreementFor(write);
    const before = await snapshot(a.id);
    await expect(write.run(as(database, null), a, a.version)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await snapshot(a.id)).toEqual(before);
  });

  it("refuses a stale version with CONFLICT, leaving the agreement and the audit log unchanged", async () => {
    const a = await agreementFor(write);
    // Someone else saved in between.
    await setFocusAreas(system(database), {
      agreementId: a.id,
      version: a.version,
      focusAreas: a.focusAreas.map((f) => ({ id: f.id, title: f.title, description: f.description })),
    });
    const before = await snapshot(a.id);
    await expect(write.run(as(database, editor), a, a.version)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "common.changedByOthers",
    });
    expect(await snapshot(a.id)).toEqual(before);
  });
});

describe("createAgreement", () => {
  const parties = [{ organisationId: world.kommunA.id }, { organisationId: world.lpoA.id }];

  it("creates for a party's editor and audits the whole agreement", async () => {
    const view = await createAgreement(as(database, editor), {
      title: "Medborgarlöfte Köping",
      commitments: ["Gemensam lägesbild"],
      untilFurtherNotice: true,
      parties: [{ organisationId: world.kommunA.id, contactEmail: "bra@koping.se" }, { organisationId: world.lpoA.id }],
    });
    expect(view).toMatchObject({
      title: "Medborgarlöfte Köping",
      version: 1,
      status: "draft",
      untilFurtherNotice: true,
    });
    const audit = await lastAudit(database, view.id);
    expect(audit).toMatchObject({
      action: "agreement.created",
      actorUserId: editor.userId,
      entityType: "agreement",
      entityId: view.id,
      before: null,
    });
    expect(audit!.after).toMatchObject({
      id: view.id,
      title: "Medborgarlöfte Köping",
      commitments: ["Gemensam lägesbild"],
      parties: [
        { organisationId: world.kommunA.id, role: "kommun", contactEmail: "bra@koping.se" },
        { organisationId: world.lpoA.id, role: "lpo" },
      ],
    });
  });

  it("refuses editors of no party, viewers and contributors (FORBIDDEN) and anonymous callers", async () => {
    const before = await auditCount(database);
    for (const actor of [otherEditor, viewer, contributor])
      await expect(createAgreement(as(database, actor), { title: "X", parties })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    await expect(createAgreement(as(database, null), { title: "X", parties })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await auditCount(database)).toBe(before);
    expect(await database.db.select().from(agreements).where(eq(agreements.title, "X"))).toEqual([]);
  });

  const invalid: [string, Record<string, unknown>, { path: string; message?: string }][] = [
    [
      "an end date before the start date",
      { validFrom: "2025-01-01", validTo: "2024-12-31" },
      { path: "validTo", message: "agreement.validity.endBeforeStart" },
    ],
    [
      "an end date with until further notice",
      { untilFurtherNotice: true, validTo: "2030-01-01" },
      { path: "validTo", message: "agreement.validity.endWithUntilFurtherNotice" },
    ],
    ["an impossible date", { validFrom: "2025-02-30" }, { path: "validFrom" }],
    [
      "no kommun among the parties",
      { parties: [{ organisationId: world.lpoA.id }, { organisationId: world.lpoB.id }] },
      { path: "parties", message: "agreement.parties.kommunRequired" },
    ],
    [
      "no LPO among the parties",
      { parties: [{ organisationId: world.kommunA.id }, { organisationId: world.kommunB.id }] },
      { path: "parties", message: "agreement.parties.lpoRequired" },
    ],
    ["a single party", { parties: [{ organisationId: world.kommunA.id }] }, { path: "parties" }],
    [
      "the same party twice",
      { parties: [...parties, { organisationId: world.kommunA.id }] },
      { path: "parties.2.organisationId", message: "agreement.parties.duplicate" },
    ],
    [
      "an unknown organisation",
      { parties: [...parties, { organisationId: "00000000-0000-4000-8000-000000000000" }] },
      { path: "parties.2.organisationId", message: "agreement.parties.unknown" },
    ],
    ["an unknown field", { status: "active" }, { path: "status", message: "validation.unknownField" }],
    ["a wrong type", { title: 42 }, { path: "title", message: "validation.invalidType" }],
    [
      "a personnummer in the purpose",
      { purpose: `Kontakt: Anna, ${PERSONNUMMER}` },
      { path: "purpose", message: "validation.personalIdentityNumber" },
    ],
    [
      "a personnummer in a commitment",
      { commitments: ["Ok", `Ring 19${PERSONNUMMER.replace("-", "")}`] },
      { path: "commitments.1", message: "validation.personalIdentityNumber" },
    ],
    ["an empty title", { title: "   " }, { path: "title", message: "validation.required" }],
  ];
  it.each(invalid)("refuses %s with VALIDATION naming the field, writing nothing", async (_name, change, field) => {
    const before = await auditCount(database);
    const error = await createAgreement(as(database, editor), {
      title: "Ogiltig",
      parties,
      ...change,
    } as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect((error as { fields: unknown[] }).fields).toContainEqual(expect.objectContaining(field));
    expect(await auditCount(database)).toBe(before);
    expect(await database.db.select().from(agreements).where(eq(agreements.title, "Ogiltig"))).toEqual([]);
  });
});

describe("validation of the other writes", () => {
  it("refuses invalid input to updateAgreement without writing", async () => {
    const a = await newAgreement();
    const base = {
      id: a.id,
      version: a.version,
      title: a.title,
      parties: [{ organisationId: world.kommunA.id }, { organisationId: world.lpoA.id }],
    };
    const before = await snapshot(a.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ validFrom: "2025-01-01", validTo: "2024-01-01" }, "validTo"],
      [{ parties: [{ organisationId: world.kommunA.id }, { organisationId: world.kommunB.id }] }, "parties"],
      [{ parties: [{ organisationId: world.lpoA.id }, { organisationId: world.lpoB.id }] }, "parties"],
      [{ method: `Ansvarig ${PERSONNUMMER}` }, "method"],
      [{ version: 0 }, "version"],
      [{ createdAt: "2020-01-01" }, "createdAt"],
    ];
    for (const [change, path] of cases) {
      const error = await updateAgreement(as(database, editor), { ...base, ...change } as never).catch(
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(change)).toMatchObject({ code: "VALIDATION" });
      expect((error as { fields: { path: string }[] }).fields.map((f) => f.path)).toContain(path);
    }
    expect(await snapshot(a.id)).toEqual(before);
  });

  it("refuses bad signatories, bodies, annexes, focus areas and terminations", async () => {
    const a = await newAgreement();
    const ctx = as(database, editor);
    const v = { agreementId: a.id, version: a.version };
    const before = await snapshot(a.id);
    const refusals: [() => Promise<unknown>, string][] = [
      [() => setSignatories(ctx, { ...v, signatories: [{ name: "" }] }), "signatories.0.name"],
      [
        () => setSignatories(ctx, { ...v, signatories: [{ name: "A", signedOn: "2024-13-01" }] }),
        "signatories.0.signedOn",
      ],
      [
        () =>
          setSignatories(ctx, {
            ...v,
            signatories: [{ name: "A", organisationId: "00000000-0000-4000-8000-000000000000" }],
          }),
        "signatories.0.organisationId",
      ],
      [() => setSignatories(ctx, { ...v, signatories: [{ name: "A", pnr: PERSONNUMMER }] }), "signatories.0.pnr"],
      [() => setBodies(ctx, { ...v, bodies: [{ name: "X", kind: "committee" }] }), "bodies.0.kind"],
      [() => setBodies(ctx, { ...v, bodies: [{ name: "X", kind: "bra", mandate: PERSONNUMMER }] }), "bodies.0.mandate"],
      [() => setAnnexes(ctx, { ...v, annexes: [{ title: "Utan länk", kind: "other" }] }), "annexes.0.url"],
      [
        () => setAnnexes(ctx, { ...v, annexes: [{ title: "X", kind: "other", url: "javascript:alert(1)" }] }),
        "annexes.0.url",
      ],
      [
        () =>
          setAnnexes(ctx, {
            ...v,
            annexes: [{ title: "Annans fil", kind: "other", fileId: "00000000-0000-4000-8000-000000000000" }],
          }),
        "annexes.0.fileId",
      ],
      [
        () =>
          addAnnexFile(ctx, {
            ...v,
            title: "Tom",
            kind: "other",
            filename: "a.pdf",
            mediaType: "",
            content: Buffer.alloc(0),
          }),
        "file",
      ],
      [
        () => setFocusAreas(ctx, { ...v, focusAreas: [{ id: "00000000-0000-4000-8000-000000000000", title: "X" }] }),
        "focusAreas.0.id",
      ],
      [() => setFocusAreas(ctx, { ...v, focusAreas: [{ title: `Om ${PERSONNUMMER}` }] }), "focusAreas.0.title"],
      [() => createFocusArea(ctx, { ...v, title: "" }), "title"],
      [() => createFocusArea(ctx, { ...v, title: "X", color: "red" }), "color"],
      [() => terminateAgreement(ctx, { ...v, terminatedOn: "2023-12-31" }), "terminatedOn"],
      [() => terminateAgreement(ctx, { ...v, note: PERSONNUMMER }), "note"],
    ];
    for (const [write, path] of refusals) {
      const error = await write().catch((e: unknown) => e);
      expect(error, path).toMatchObject({ code: "VALIDATION" });
      expect(
        (error as { fields: { path: string }[] }).fields.map((f) => f.path),
        path,
      ).toContain(path);
    }
    expect(await snapshot(a.id)).toEqual(before);
  });

  it("refuses a file over the upload limit with PAYLOAD_TOO_LARGE", async () => {
    const a = await newAgreement();
    const ctx = { ...as(database, editor), config: { ...as(database, editor).config, maxUploadBytes: 10 } };
    await expect(
      addAnnexFile(ctx, {
        agreementId: a.id,
        version: a.version,
        title: "Stor",
        kind: "other",
        filename: "stor.bin",
        mediaType: "application/octet-stream",
        content: Buffer.alloc(11),
      }),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("annexes and focus areas keep their identity", () => {
  it("keeps an uploaded file when the annex list is saved again, and serves its bytes to readers only", async () => {
    const a = await newAgreement();
    const ctx = as(database, editor);
    const content = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const withFile = await addAnnexFile(ctx, {
      agreementId: a.id,
      version: a.version,
      title: "Bilaga",
      kind: "other",
      filename: "bilaga.bin",
      mediaType: "application/octet-stream",
      content,
    });
    const fileAnnex = withFile.annexes[0]!;
    const saved = await setAnnexes(ctx, {
      agreementId: a.id,
      version: withFile.version,
      annexes: [
        { title: "Länk", kind: "other", url: "https://koping.se" },
        { title: "Bilaga (omdöpt)", kind: "other", fileId: fileAnnex.fileId },
      ],
    });
    expect(saved.annexes.map((x) => [x.title, x.fileId])).toEqual([
      ["Länk", null],
      ["Bilaga (omdöpt)", fileAnnex.fileId],
    ]);
    const download = await getAnnexFile(as(database, viewer), a.id, saved.annexes[1]!.id);
    expect(Buffer.compare(download.content, content)).toBe(0);
    await expect(getAnnexFile(as(database, otherEditor), a.id, saved.annexes[1]!.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A file of another agreement cannot be attached.
    const b = await newAgreement("Annan");
    await expect(
      setAnnexes(ctx, {
        agreementId: b.id,
        version: b.version,
        annexes: [{ title: "Stulen", kind: "other", fileId: fileAnnex.fileId }],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: [{ path: "annexes.0.fileId" }] });
  });

  it("setFocusAreas keeps the ids of focus areas that stay and reorders them", async () => {
    const a = await newAgreement();
    const ctx = as(database, editor);
    const first = await setFocusAreas(ctx, {
      agreementId: a.id,
      version: a.version,
      focusAreas: [{ title: "Ett" }, { title: "Två" }, { title: "Tre" }],
    });
    const [one, two] = first.focusAreas;
    const second = await setFocusAreas(ctx, {
      agreementId: a.id,
      version: first.version,
      focusAreas: [{ id: two!.id, title: "Två" }, { title: "Fyra" }, { id: one!.id, title: "Ett (ändrad)" }],
    });
    expect(second.focusAreas.map((f) => [f.title, f.position])).toEqual([
      ["Två", 0],
      ["Fyra", 1],
      ["Ett (ändrad)", 2],
    ]);
    expect(second.focusAreas[0]!.id).toBe(two!.id);
    expect(second.focusAreas[2]!.id).toBe(one!.id);
  });
});
