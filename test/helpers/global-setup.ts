import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../src/db/embedded.ts";
import { runMigrations } from "../../src/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection URL of a server where tests may create databases, and the migrated template's name. */
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/**
 * Integration tests run on a real PostgreSQL: TEST_DATABASE_URL when set (CI's server), otherwise
 * an embedded one in a temporary directory. The schema is migrated once into a template database;
 * each test file clones it (CREATE DATABASE … TEMPLATE), which takes tens of milliseconds.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(join(tmpdir(), "samverkan-test-"));
    // As root, PostgreSQL runs as the postgres user, which must be able to enter the directory.
    chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir, port: 54_400 + Math.floor(Math.random() * 500) });
    adminUrl = embedded.url;
  }
  const template = `samverkan_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 });
  await runMigrations(pool);
  await pool.end();
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", template);
  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${template} with (force)`).catch(() => undefined);
    await c.end();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
