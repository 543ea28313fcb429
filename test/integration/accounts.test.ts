import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, memberships, users } from "../../src/db/schema.ts";
import {
  actorForApiToken,
  actorForSession,
  createApiToken,
  createUser,
  removeMembership,
  revokeApiToken,
  setMembership,
  signIn,
  signOut,
} from "../../src/services/auth/users.ts";
import { as, auditCount, freshDatabase, lastAudit, makeUser, system, twoOrganisationWorld } from "../helpers/db.ts";

const database = await freshDatabase();
const world = await twoOrganisationWorld(database);
const platformAdmin = await makeUser(database, [], { platformAdmin: true });
const kommunAdmin = await makeUser(database, [[world.kommunA.id, "admin"]]);
const kommunEditor = await makeUser(database, [[world.kommunA.id, "editor"]]);
const otherAdmin = await makeUser(database, [[world.kommunB.id, "admin"]]);

describe("createUser", () => {
  it("creates (platform admin), lower-cases the e-mail, and audits without the password hash", async () => {
    const user = await createUser(as(database, platformAdmin), {
      email: "  Ny.Person@Koping.SE ",
      name: "Ny Person",
      password: "ett långt lösenord",
    });
    expect(user).toMatchObject({ email: "ny.person@koping.se", name: "Ny Person", isPlatformAdmin: false });
    const audit = await lastAudit(database, user.id);
    expect(audit).toMatchObject({ action: "user.created", actorUserId: platformAdmin.userId, entityType: "user" });
    expect(audit!.after).toMatchObject({ id: user.id, email: "ny.person@koping.se" });
    expect(JSON.stringify(audit)).not.toMatch(/argon2|passwordHash|ett långt lösenord/);
  });

  it("refuses a taken e-mail (any case) with CONFLICT on the field", async () => {
    await expect(
      createUser(system(database), { email: "NY.PERSON@koping.se", name: "Dubblett" }),
    ).rejects.toMatchObject({ code: "CONFLICT", fields: [{ path: "email" }] });
  });

  it("refuses organisation admins (FORBIDDEN), anonymous callers, bad input and unknown fields", async () => {
    const input = { email: "x@koping.se", name: "X" };
    await expect(createUser(as(database, kommunAdmin), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createUser(as(database, null), input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(createUser(system(database), { email: "inte-en-adress", name: "X" })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: [{ path: "email" }],
    });
    await expect(createUser(system(database), { ...input, password: "kort" })).rejects.toMatchObject({
      fields: [{ path: "password", message: "auth.password.tooShort" }],
    });
    await expect(createUser(system(database), { ...input, role: "admin" } as never)).rejects.toMatchObject({
      code: "VALIDATION",
      fields: [{ path: "role", message: "validation.unknownField", params: { keys: "role" } }],
    });
    expect(await database.db.select().from(users).where(eq(users.email, "x@koping.se"))).toEqual([]);
  });
});

describe("setMembership and removeMembership", () => {
  it("an organisation's admin adds, changes and removes members of their own organisation, each audited", async () => {
    const user = await makeUser(database);
    const ctx = as(database, kommunAdmin);
    const id = `${user.userId}:${world.kommunA.id}`;
    await setMembership(ctx, { userId: user.userId, organisationId: world.kommunA.id, role: "viewer" });
    expect(await lastAudit(database, id)).toMatchObject({
      action: "membership.added",
      actorUserId: kommunAdmin.userId,
      entityType: "membership",
      before: null,
      after: { userId: user.userId, organisationId: world.kommunA.id, role: "viewer" },
    });
    await setMembership(ctx, { userId: user.userId, organisationId: world.kommunA.id, role: "editor" });
    const changed = await lastAudit(database, id);
    expect(changed).toMatchObject({ action: "membership.changed", after: { role: "editor" } });
    expect(changed!.before).toMatchObject({ role: "viewer" });
    await removeMembership(ctx, { userId: user.userId, organisationId: world.kommunA.id });
    const removed = await lastAudit(database, id);
    expect(removed).toMatchObject({ action: "membership.removed", actorUserId: kommunAdmin.userId, after: null });
    expect(removed!.before).toMatchObject({ role: "editor" });
    expect(await database.db.select().from(memberships).where(eq(memberships.userId, user.userId))).toEqual([]);
  });

  it("refuses editors and other organisations' admins (FORBIDDEN), anonymous callers, and bad input", async () => {
    const user = await makeUser(database, [[world.kommunA.id, "viewer"]]);
    const input = { userId: user.userId, organisationId: world.kommunA.id, role: "admin" as const };
    const audits = await auditCount(database);
    for (const actor of [kommunEditor, otherAdmin]) {
      await expect(setMembership(as(database, actor), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(removeMembership(as(database, actor), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(setMembership(as(database, null), input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(removeMembership(as(database, null), input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(setMembership(as(database, kommunAdmin), { ...input, role: "owner" as never })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: [{ path: "role" }],
    });
    await expect(
      setMembership(as(database, platformAdmin), { ...input, userId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      removeMembership(as(database, kommunAdmin), { userId: platformAdmin.userId, organisationId: world.kommunA.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditCount(database)).toBe(audits);
    const [row] = await database.db.select().from(memberships).where(eq(memberships.userId, user.userId));
    expect(row?.role).toBe("viewer");
  });
});

describe("API tokens", () => {
  it("creates a token that resolves to its owner, audits without the secret, and revokes it", async () => {
    const ctx = as(database, kommunEditor);
    const created = await createApiToken(ctx, { name: "Integration", expiresInDays: 30 });
    expect(created.token).toMatch(/^svt_/);
    expect(created).not.toHaveProperty("tokenHash");
    const audit = await lastAudit(database, created.id);
    expect(audit).toMatchObject({
      action: "apiToken.created",
      actorUserId: kommunEditor.userId,
      entityType: "apiToken",
      after: { id: created.id, name: "Integration", userId: kommunEditor.userId, revokedAt: null },
    });
    expect(JSON.stringify(audit)).not.toContain(created.token);
    expect(JSON.stringify(audit)).not.toContain("tokenHash");

    const actor = await actorForApiToken(database.db, created.token);
    expect(actor).toMatchObject({ userId: kommunEditor.userId });
    expect(actor!.memberships.get(world.kommunA.id)).toBe("editor");
    expect(await actorForApiToken(database.db, `${created.token}x`)).toBeNull();

    // Only the owner may revoke it.
    await expect(revokeApiToken(as(database, kommunAdmin), { id: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(revokeApiToken(as(database, null), { id: created.id })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await revokeApiToken(ctx, { id: created.id });
    const revoked = await lastAudit(database, created.id);
    expect(revoked).toMatchObject({ action: "apiToken.revoked", actorUserId: kommunEditor.userId });
    expect((revoked!.after as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect(await actorForApiToken(database.db, created.token)).toBeNull();
    await expect(revokeApiToken(ctx, { id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("does not resolve an expired token", async () => {
    const created = await createApiToken(as(database, kommunEditor), { name: "Kort", expiresInDays: 1 });
    expect(await actorForApiToken(database.db, created.token, new Date(Date.now() + 2 * 86_400_000))).toBeNull();
    const never = await createApiToken(as(database, kommunEditor), { name: "Evig", expiresInDays: null });
    expect(never.expiresAt).toBeNull();
    expect(await actorForApiToken(database.db, never.token, new Date(Date.now() + 3650 * 86_400_000))).not.toBeNull();
  });

  it("refuses anonymous callers, unknown fields and bad lifetimes", async () => {
    await expect(createApiToken(as(database, null), { name: "X" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(
      createApiToken(as(database, kommunEditor), { name: "X", scope: "all" } as never),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: [{ path: "scope", message: "validation.unknownField" }] });
    await expect(createApiToken(as(database, kommunEditor), { name: "X", expiresInDays: 0 })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: [{ path: "expiresInDays" }],
    });
    expect(await database.db.select().from(apiTokens).where(eq(apiTokens.name, "X"))).toEqual([]);
  });
});

describe("sign-in and sessions", () => {
  it("signs in, resolves the session to the actor, and signs out", async () => {
    const user = await createUser(system(database), {
      email: "session@koping.se",
      name: "Session",
      password: "correct horse battery",
    });
    await setMembership(system(database), { userId: user.id, organisationId: world.kommunA.id, role: "viewer" });
    const session = await signIn(system(database), {
      email: "Session@Koping.se",
      password: "correct horse battery",
      ip: "10.0.0.1",
    });
    expect(session.token).toMatch(/^svs_/);
    const actor = await actorForSession(database.db, session.token);
    expect(actor).toMatchObject({ userId: user.id, email: "session@koping.se" });
    expect(actor!.memberships.get(world.kommunA.id)).toBe("viewer");
    // Expired sessions do not resolve.
    expect(await actorForSession(database.db, session.token, new Date(session.expiresAt.getTime() + 1000))).toBeNull();
    await signOut(database.db, session.token);
    expect(await actorForSession(database.db, session.token)).toBeNull();
  });

  it("answers a wrong password or an unknown e-mail with UNAUTHENTICATED", async () => {
    await expect(
      signIn(system(database), { email: "session@koping.se", password: "wrong password!", ip: "10.0.0.2" }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(
      signIn(system(database), { email: "nobody@koping.se", password: "whatever it is", ip: "10.0.0.2" }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("rate-limits after 5 failures for the same e-mail, even with the right password and from other addresses", async () => {
    await createUser(system(database), { email: "limited@koping.se", name: "L", password: "correct horse battery" });
    for (let i = 0; i < 5; i++)
      await expect(
        signIn(system(database), { email: "limited@koping.se", password: `wrong-${i}-password`, ip: `10.1.0.${i}` }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(
      signIn(system(database), { email: "limited@koping.se", password: "correct horse battery", ip: "10.9.9.9" }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Another account is not affected, and the window ends after 15 minutes.
    await expect(
      signIn(system(database), { email: "session@koping.se", password: "correct horse battery", ip: "10.9.9.9" }),
    ).resolves.toMatchObject({ user: { email: "session@koping.se" } });
    const later = system(database, () => new Date(Date.now() + 16 * 60_000));
    await expect(
      signIn(later, { email: "limited@koping.se", password: "correct horse battery", ip: "10.9.9.9" }),
    ).resolves.toMatchObject({ user: { email: "limited@koping.se" } });
  });
});
