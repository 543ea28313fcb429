import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client.ts";
import { apiTokens, memberships, organisations, sessions, signInAttempts, users } from "../../db/schema.ts";
import {
  CreateApiTokenInput,
  CreateUserInput,
  SetMembershipInput,
  SignInInput,
} from "../../domain/accounts/schemas.ts";
import { AppError } from "../../errors.ts";
import { hasRole, requireActor, requirePlatformAdmin } from "../core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor, Role, ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords.ts";
import { newToken, sha256 } from "./tokens.ts";

const publicUser = (u: typeof users.$inferSelect) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isPlatformAdmin: u.isPlatformAdmin,
  locale: u.locale,
  disabled: u.disabledAt !== null,
  createdAt: u.createdAt,
});
export type PublicUser = ReturnType<typeof publicUser>;

export async function loadActor(db: Queryable, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const rows = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role, parentId: organisations.parentId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId));
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isPlatformAdmin: user.isPlatformAdmin,
    memberships: new Map(rows.map((r) => [r.organisationId, r.role as Role])),
    readableOrganisationIds: [
      ...new Set(rows.flatMap((r) => (r.parentId ? [r.organisationId, r.parentId] : [r.organisationId]))),
    ],
  };
}

/**
 * Sessions resolve to an actor on every request. A few seconds of caching per process saves three
 * queries a request; the price is that a membership change reaches other app instances up to
 * ACTOR_CACHE_MS later. Sign-out clears this process's entry at once.
 */
const ACTOR_CACHE_MS = 5_000;
const actorCache = new Map<string, { actor: Actor; until: number }>();

function cachedActor(key: string, now: number): Actor | undefined {
  const hit = actorCache.get(key);
  if (hit && hit.until > now) return hit.actor;
  if (hit) actorCache.delete(key);
  return undefined;
}

function cacheActor(key: string, actor: Actor, now: number) {
  if (actorCache.size > 10_000) actorCache.clear();
  actorCache.set(key, { actor, until: now + ACTOR_CACHE_MS });
}

export function clearActorCache() {
  actorCache.clear();
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<PublicUser> {
  requirePlatformAdmin(ctx);
  const data = parseInput(CreateUserInput, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${data.email}`);
    if (existing)
      throw new AppError("CONFLICT", "user.emailTaken", { fields: [{ path: "email", message: "user.emailTaken" }] });
    const [created] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: data.name,
        passwordHash,
        isPlatformAdmin: data.isPlatformAdmin,
        locale: data.locale,
      })
      .returning();
    const result = publicUser(created!);
    await recordAudit(tx, ctx, "user.created", { type: "user", id: result.id }, { after: result });
    return result;
  });
}

export async function listUsers(ctx: ServiceContext) {
  requirePlatformAdmin(ctx);
  const rows = await ctx.db.select().from(users).orderBy(users.name);
  const ms = await ctx.db
    .select({
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      role: memberships.role,
      organisationName: organisations.name,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId));
  return rows.map((u) => ({ ...publicUser(u), memberships: ms.filter((m) => m.userId === u.id) }));
}

/** Platform admins manage every membership; an organisation's admins manage their own organisation's. */
export async function setMembership(
  ctx: ServiceContext,
  input: { userId: string; organisationId: string; role: Role },
) {
  const data = parseInput(SetMembershipInput, input);
  if (!ctx.system) {
    const actor = requireActor(ctx);
    if (!actor.isPlatformAdmin && !hasRole(actor, data.organisationId, "admin"))
      throw new AppError("FORBIDDEN", "membership.adminRequired");
  }
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, data.userId), eq(memberships.organisationId, data.organisationId)));
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, data.userId));
    const [o] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, data.organisationId));
    if (!u || !o) throw new AppError("NOT_FOUND", "membership.unknownUserOrOrganisation");
    await tx
      .insert(memberships)
      .values(data)
      .onConflictDoUpdate({ target: [memberships.userId, memberships.organisationId], set: { role: data.role } });
    await recordAudit(
      tx,
      ctx,
      before ? "membership.changed" : "membership.added",
      { type: "membership", id: `${data.userId}:${data.organisationId}` },
      { before: before ?? null, after: data },
    );
    return data;
  });
}

export async function removeMembership(ctx: ServiceContext, input: { userId: string; organisationId: string }) {
  const actor = requireActor(ctx);
  if (!actor.isPlatformAdmin && !hasRole(actor, input.organisationId, "admin"))
    throw new AppError("FORBIDDEN", "membership.adminRequired");
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, input.userId), eq(memberships.organisationId, input.organisationId)))
      .returning();
    if (!before) throw new AppError("NOT_FOUND", "membership.notFound");
    await recordAudit(
      tx,
      ctx,
      "membership.removed",
      { type: "membership", id: `${input.userId}:${input.organisationId}` },
      { before },
    );
  });
}

const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

/**
 * Signs in with e-mail and password. Failed attempts are counted per e-mail and per client address
 * in the database, so the limit holds across app instances and restarts.
 */
export async function signIn(ctx: ServiceContext, input: { email: string; password: string; ip: string }) {
  const data = parseInput(SignInInput, input);
  const since = new Date(ctx.now().getTime() - WINDOW_MINUTES * 60_000);
  const [counts] = await ctx.db
    .select({
      byEmail: sql<number>`count(*) filter (where ${signInAttempts.email} = ${data.email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${signInAttempts.ip} = ${input.ip})`.mapWith(Number),
    })
    .from(signInAttempts)
    .where(
      and(
        gt(signInAttempts.at, since),
        eq(signInAttempts.succeeded, false),
        or(eq(signInAttempts.email, data.email), eq(signInAttempts.ip, input.ip)),
      ),
    );
  if ((counts?.byEmail ?? 0) >= MAX_FAILURES_PER_EMAIL || (counts?.byIp ?? 0) >= MAX_FAILURES_PER_IP) {
    throw new AppError("RATE_LIMITED", "auth.tooManyAttempts", { params: { minutes: WINDOW_MINUTES } });
  }
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${data.email}`);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), data.password);
  const succeeded = Boolean(user && user.passwordHash && ok && !user.disabledAt);
  await ctx.db.insert(signInAttempts).values({ email: data.email, ip: input.ip, succeeded });
  if (!succeeded || !user) throw new AppError("UNAUTHENTICATED", "auth.invalidCredentials");
  const token = newToken("svs");
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionDays * 86_400_000);
  await ctx.db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt });
  return { token, expiresAt, user: publicUser(user) };
}

export async function signOut(db: Db, token: string): Promise<void> {
  actorCache.delete(`s:${sha256(token)}`);
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function actorForSession(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const key = `s:${sha256(token)}`;
  const hit = cachedActor(key, now.getTime());
  if (hit) return hit;
  const actor = await sessionActor(db, token, now);
  if (actor) cacheActor(key, actor, now.getTime());
  return actor;
}

async function sessionActor(db: Db, token: string, now: Date): Promise<Actor | null> {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)));
  if (!session) return null;
  // Touch at most once a minute: a write per request would be wasted I/O.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, session.tokenHash));
  }
  return loadActor(db, session.userId);
}

export async function actorForApiToken(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const key = `t:${sha256(token)}`;
  const hit = cachedActor(key, now.getTime());
  if (hit) return hit;
  const actor = await apiTokenActor(db, token, now);
  if (actor) cacheActor(key, actor, now.getTime());
  return actor;
}

async function apiTokenActor(db: Db, token: string, now: Date): Promise<Actor | null> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)));
  if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return loadActor(db, row.userId);
}

export async function createApiToken(ctx: ServiceContext, input: { name: string; expiresInDays?: number | null }) {
  const actor = requireActor(ctx);
  const data = parseInput(CreateApiTokenInput, input);
  const token = newToken("svt");
  const expiresAt = data.expiresInDays ? new Date(ctx.now().getTime() + data.expiresInDays * 86_400_000) : null;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.userId, name: data.name, tokenHash: sha256(token), prefix: token.slice(0, 8), expiresAt })
      .returning();
    const { tokenHash: _omit, ...safe } = row!;
    await recordAudit(tx, ctx, "apiToken.created", { type: "apiToken", id: row!.id }, { after: safe });
    return { token, ...safe };
  });
}

export async function listApiTokens(ctx: ServiceContext) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.userId))
    .orderBy(apiTokens.createdAt);
  return rows.map(({ tokenHash: _omit, ...r }) => r);
}

export async function revokeApiToken(ctx: ServiceContext, input: { id: string }) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(apiTokens.id, input.id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", "apiToken.notFound");
    actorCache.delete(`t:${row.tokenHash}`);
    const { tokenHash: _omit, ...safe } = row;
    await recordAudit(tx, ctx, "apiToken.revoked", { type: "apiToken", id: row.id }, { after: safe });
  });
}
