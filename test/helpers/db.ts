import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { loadConfig, type Config } from "../../src/config.ts";
import { connect, type Database } from "../../src/db/client.ts";
import { auditLog } from "../../src/db/schema.ts";
import { createAgreement } from "../../src/services/agreements/agreements.ts";
import { createUser, loadActor, setMembership } from "../../src/services/auth/users.ts";
import type { Actor, Role, ServiceContext } from "../../src/services/core/context.ts";
import { systemContext } from "../../src/services/core/context.ts";
import { createOrganisation } from "../../src/services/organisations/organisations.ts";
import { desc, eq } from "drizzle-orm";
import { withDatabase } from "./global-setup.ts";

export const testConfig: Config = { ...loadConfig({ NODE_ENV: "test" }), logLevel: "silent" };

/**
 * A fresh database for one test file, cloned from the migrated template, dropped after the file.
 */
export async function freshDatabase(): Promise<Database & { url: string }> {
  const adminUrl = inject("adminDatabaseUrl");
  const template = inject("templateDatabase");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const database = connect(url, { max: 5 });
  afterAll(async () => {
    await database.close();
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return { ...database, url };
}

export function system(database: Database, now?: () => Date): ServiceContext {
  return { ...systemContext(database.db, testConfig), now: now ?? (() => new Date()) };
}

export function as(database: Database, actor: Actor | null, now?: () => Date): ServiceContext {
  return { db: database.db, config: testConfig, actor, now: now ?? (() => new Date()) };
}

let counter = 0;
/** Creates a user with the given roles and returns the actor, as the web would resolve it. */
export async function makeUser(
  database: Database,
  roles: [string, Role][] = [],
  options: { platformAdmin?: boolean } = {},
) {
  const ctx = system(database);
  const user = await createUser(ctx, {
    email: `user${++counter}-${randomBytes(3).toString("hex")}@samverkan.test`,
    name: `Test User ${counter}`,
    password: "correct horse battery",
    isPlatformAdmin: options.platformAdmin ?? false,
  });
  for (const [organisationId, role] of roles) await setMembership(ctx, { userId: user.id, organisationId, role });
  return (await loadActor(database.db, user.id))!;
}

/** Two kommuner and two LPOs, each pair with its own agreement: enough to test who sees what. */
export async function twoOrganisationWorld(database: Database) {
  const ctx = system(database);
  const kommunA = await createOrganisation(ctx, { kind: "kommun", name: "Köpings kommun", municipalityCode: "1983" });
  const lpoA = await createOrganisation(ctx, { kind: "lpo", name: "Västra Mälardalen", policeRegion: "bergslagen" });
  const kommunB = await createOrganisation(ctx, { kind: "kommun", name: "Skara kommun", municipalityCode: "1495" });
  const lpoB = await createOrganisation(ctx, { kind: "lpo", name: "Västra Skaraborg", policeRegion: "vast" });
  const agreementA = await createAgreement(ctx, {
    title: "Överenskommelse A",
    validFrom: "2024-01-01",
    validTo: "2027-12-31",
    parties: [{ organisationId: kommunA.id }, { organisationId: lpoA.id }],
  });
  const agreementB = await createAgreement(ctx, {
    title: "Överenskommelse B",
    parties: [{ organisationId: kommunB.id }, { organisationId: lpoB.id }],
  });
  return { kommunA, lpoA, kommunB, lpoB, agreementA, agreementB };
}

export async function lastAudit(database: Database, entityId?: string) {
  const q = database.db.select().from(auditLog);
  const [row] = await (entityId ? q.where(eq(auditLog.entityId, entityId)) : q).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

/** How many audit records exist: a refused write must not add one. */
export async function auditCount(database: Database): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>("select count(*) as n from audit_log");
  return Number(rows[0]!.n);
}
