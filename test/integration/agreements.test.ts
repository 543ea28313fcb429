import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.ts";
import { getAgreement, listAgreements, updateAgreement } from "../../src/services/agreements/agreements.ts";
import { as, freshDatabase, lastAudit, makeUser, twoOrganisationWorld } from "../helpers/db.ts";

const database = await freshDatabase();
const world = await twoOrganisationWorld(database);

describe("agreements: access", () => {
  it("lets a viewer of a party read, and hides it from another organisation with NOT_FOUND", async () => {
    const viewer = await makeUser(database, [[world.kommunA.id, "viewer"]]);
    const other = await makeUser(database, [[world.kommunB.id, "editor"]]);
    expect((await getAgreement(as(database, viewer), world.agreementA.id)).title).toBe("Överenskommelse A");
    await expect(getAgreement(as(database, other), world.agreementA.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listAgreements(as(database, other))).map((a) => a.id)).toEqual([world.agreementB.id]);
  });

  it("refuses an anonymous caller", async () => {
    await expect(listAgreements(as(database, null))).rejects.toBeInstanceOf(AppError);
  });
});

describe("agreements: update", () => {
  it("saves, bumps the version, audits before and after, and refuses a stale version with CONFLICT", async () => {
    const editor = await makeUser(database, [[world.lpoA.id, "editor"]]);
    const ctx = as(database, editor);
    const current = await getAgreement(ctx, world.agreementA.id);
    const input = {
      id: current.id,
      version: current.version,
      title: "Överenskommelse A, reviderad",
      validFrom: current.validFrom,
      validTo: current.validTo,
      parties: current.parties.map((p) => ({ organisationId: p.organisationId })),
    };
    const updated = await updateAgreement(ctx, input);
    expect(updated.version).toBe(current.version + 1);
    const audit = await lastAudit(database, current.id);
    expect(audit).toMatchObject({ action: "agreement.updated", actorUserId: editor.userId, entityType: "agreement" });
    expect((audit!.before as { title: string }).title).toBe("Överenskommelse A");
    expect((audit!.after as { title: string }).title).toBe("Överenskommelse A, reviderad");
    await expect(updateAgreement(ctx, input)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
