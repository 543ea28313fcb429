import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations, policeAreaCoverage } from "../../src/db/schema.ts";
import {
  createOrganisation,
  getOrganisation,
  setPoliceAreaCoverage,
  updateOrganisation,
} from "../../src/services/organisations/organisations.ts";
import { as, auditCount, freshDatabase, lastAudit, makeUser, system, twoOrganisationWorld } from "../helpers/db.ts";

const database = await freshDatabase();
const world = await twoOrganisationWorld(database);
const platformAdmin = await makeUser(database, [], { platformAdmin: true });
const kommunAdmin = await makeUser(database, [[world.kommunA.id, "admin"]]);
const kommunEditor = await makeUser(database, [[world.kommunA.id, "editor"]]);
const kommunViewer = await makeUser(database, [[world.kommunA.id, "viewer"]]);
const otherAdmin = await makeUser(database, [[world.kommunB.id, "admin"]]);
const lpoAdmin = await makeUser(database, [[world.lpoA.id, "admin"]]);

describe("createOrganisation", () => {
  it("creates and audits (platform admin)", async () => {
    const org = await createOrganisation(as(database, platformAdmin), {
      kind: "kommun",
      name: "Arboga kommun",
      municipalityCode: "1984",
    });
    expect(org).toMatchObject({ kind: "kommun", name: "Arboga kommun", municipalityCode: "1984", version: 1 });
    const audit = await lastAudit(database, org.id);
    expect(audit).toMatchObject({
      action: "organisation.created",
      actorUserId: platformAdmin.userId,
      entityType: "organisation",
      entityId: org.id,
      before: null,
    });
    expect(audit!.after).toMatchObject({ id: org.id, name: "Arboga kommun", municipalityCode: "1984" });
  });

  it("lets an organisation's admin add a department under it, but not under another organisation", async () => {
    const dept = await createOrganisation(as(database, kommunAdmin), {
      kind: "department",
      name: "Socialförvaltningen",
      parentId: world.kommunA.id,
    });
    expect((await lastAudit(database, dept.id))?.actorUserId).toBe(kommunAdmin.userId);
    await expect(
      createOrganisation(as(database, otherAdmin), { kind: "department", name: "X", parentId: world.kommunA.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses editors, viewers, other organisations' admins (FORBIDDEN) and anonymous callers", async () => {
    const input = { kind: "kommun" as const, name: "Kungsörs kommun", municipalityCode: "1960" };
    for (const actor of [kommunEditor, kommunViewer, otherAdmin])
      await expect(createOrganisation(as(database, actor), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createOrganisation(as(database, null), input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await database.db.select().from(organisations).where(eq(organisations.municipalityCode, "1960"))).toEqual(
      [],
    );
  });

  it("validates: unknown fields, missing or unknown kommun code, a taken kommun code", async () => {
    const ctx = as(database, platformAdmin);
    await expect(
      createOrganisation(ctx, { kind: "lpo", name: "X", policeRegion: "syd", extra: 1 } as never),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: [{ path: "extra", message: "validation.unknownField" }] });
    await expect(createOrganisation(ctx, { kind: "kommun", name: "X" })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: [{ path: "municipalityCode", message: "organisation.municipalityCode.required" }],
    });
    await expect(
      createOrganisation(ctx, { kind: "kommun", name: "X", municipalityCode: "9999" }),
    ).rejects.toMatchObject({
      fields: [{ path: "municipalityCode", message: "organisation.municipalityCode.unknown" }],
    });
    await expect(
      createOrganisation(ctx, { kind: "kommun", name: "X", municipalityCode: "1983" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: [{ path: "municipalityCode", message: "organisation.municipalityCode.taken" }],
    });
    await expect(createOrganisation(ctx, { kind: "department", name: "Utan förälder" })).rejects.toMatchObject({
      fields: [{ path: "parentId", message: "organisation.parent.required" }],
    });
  });
});

describe("updateOrganisation", () => {
  it("updates, bumps the version and audits before and after (the organisation's own admin)", async () => {
    const current = await getOrganisation(system(database), world.kommunA.id);
    const updated = await updateOrganisation(as(database, kommunAdmin), {
      id: current.id,
      version: current.version,
      kind: "kommun",
      name: "Köpings kommun (ny)",
      municipalityCode: "1983",
    });
    expect(updated.version).toBe(current.version + 1);
    const audit = await lastAudit(database, current.id);
    expect(audit).toMatchObject({
      action: "organisation.updated",
      actorUserId: kommunAdmin.userId,
      entityId: current.id,
    });
    expect(audit!.before).toMatchObject({ name: current.name, version: current.version });
    expect(audit!.after).toMatchObject({ name: "Köpings kommun (ny)", version: current.version + 1 });
  });

  it("refuses a stale version with CONFLICT and writes nothing", async () => {
    const before = await getOrganisation(system(database), world.kommunA.id);
    const audits = await auditCount(database);
    await expect(
      updateOrganisation(as(database, kommunAdmin), {
        id: before.id,
        version: before.version - 1,
        kind: "kommun",
        name: "Stale",
        municipalityCode: "1983",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getOrganisation(system(database), world.kommunA.id)).toEqual(before);
    expect(await auditCount(database)).toBe(audits);
  });

  it("refuses editors, viewers, other organisations' admins and anonymous callers", async () => {
    const org = await getOrganisation(system(database), world.kommunA.id);
    const input = { id: org.id, version: org.version, kind: "kommun" as const, name: "X", municipalityCode: "1983" };
    for (const actor of [kommunEditor, kommunViewer, otherAdmin])
      await expect(updateOrganisation(as(database, actor), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateOrganisation(as(database, null), input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("validates: own parent, unknown id, unknown fields", async () => {
    const ctx = as(database, platformAdmin);
    const org = await getOrganisation(system(database), world.lpoA.id);
    await expect(
      updateOrganisation(ctx, { id: org.id, version: org.version, kind: "lpo", name: "X", parentId: org.id }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: [{ path: "parentId", message: "organisation.parent.self" }],
    });
    await expect(
      updateOrganisation(ctx, {
        id: "00000000-0000-4000-8000-000000000000",
        version: 1,
        kind: "lpo",
        name: "X",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateOrganisation(ctx, { id: org.id, version: org.version, kind: "lpo", name: "X", secret: true } as never),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("getOrganisation answers NOT_FOUND (not a database error) for a malformed id", async () => {
    await expect(getOrganisation(as(database, kommunViewer), "not-a-uuid")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("setPoliceAreaCoverage", () => {
  it("replaces the coverage, bumps the LPO's version and audits before and after", async () => {
    const lpo = await getOrganisation(system(database), world.lpoA.id);
    const first = await setPoliceAreaCoverage(as(database, lpoAdmin), {
      policeAreaId: lpo.id,
      version: lpo.version,
      coverage: [{ municipalityCode: "1983", validFrom: "2015-01-01" }],
    });
    expect(first.version).toBe(lpo.version + 1);
    const second = await setPoliceAreaCoverage(as(database, lpoAdmin), {
      policeAreaId: lpo.id,
      version: first.version,
      coverage: [
        { municipalityCode: "1983", validFrom: "2015-01-01", validTo: "2024-12-31" },
        { municipalityCode: "1960", validFrom: "2020-01-01" },
      ],
    });
    expect(second.coverage.map((c) => c.municipalityCode).sort()).toEqual(["1960", "1983"]);
    const audit = await lastAudit(database, lpo.id);
    expect(audit).toMatchObject({ action: "policeArea.coverageSet", actorUserId: lpoAdmin.userId, entityId: lpo.id });
    expect(audit!.before).toEqual([expect.objectContaining({ municipalityCode: "1983", validTo: null })]);
    expect(audit!.after).toHaveLength(2);
  });

  it("refuses a stale version with CONFLICT and writes nothing", async () => {
    const lpo = await getOrganisation(system(database), world.lpoA.id);
    const audits = await auditCount(database);
    await expect(
      setPoliceAreaCoverage(as(database, lpoAdmin), { policeAreaId: lpo.id, version: lpo.version - 1, coverage: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await database.db.select().from(policeAreaCoverage).where(eq(policeAreaCoverage.policeAreaId, lpo.id)),
    ).toHaveLength(2);
    expect(await getOrganisation(system(database), lpo.id)).toEqual(lpo);
    expect(await auditCount(database)).toBe(audits);
  });

  it("refuses non-admins (FORBIDDEN), anonymous callers, a kommun as police area, and bad dates", async () => {
    const lpo = await getOrganisation(system(database), world.lpoA.id);
    const input = { policeAreaId: lpo.id, version: lpo.version, coverage: [] };
    for (const actor of [kommunAdmin, otherAdmin, await makeUser(database, [[lpo.id, "editor"]])])
      await expect(setPoliceAreaCoverage(as(database, actor), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setPoliceAreaCoverage(as(database, null), input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(
      setPoliceAreaCoverage(as(database, platformAdmin), { policeAreaId: world.kommunA.id, version: 1, coverage: [] }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: [{ path: "policeAreaId" }] });
    await expect(
      setPoliceAreaCoverage(as(database, platformAdmin), {
        ...input,
        coverage: [{ municipalityCode: "1983", validFrom: "2020-01-01", validTo: "2019-01-01" }],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: [{ path: "coverage.0.validTo" }] });
  });
});
