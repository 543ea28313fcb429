import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";
import * as schema from "../../db/schema.ts";
import { AppError } from "../../errors.ts";

/**
 * Tables in the order a restore must insert them (parents before children). Sessions and sign-in
 * attempts are deliberately left out: they are short-lived security state, not data.
 */
export const dumpTables = [
  "organisations",
  "police_area_coverage",
  "users",
  "memberships",
  "api_tokens",
  "files",
  "agreements",
  "agreement_parties",
  "signatories",
  "bodies",
  "annexes",
  "focus_areas",
  "agreement_settings",
  "cycles",
  "cycle_focus_areas",
  "indicators",
  "problems",
  "causes",
  "actions",
  "action_responsibles",
  "follow_ups",
  "citizen_promises",
  "citizen_promise_actions",
  "communication_items",
  "cycle_reports",
  "calendar_rules",
  "tasks",
  "mail_outbox",
  "audit_log",
  "samverkan_meta",
] as const;
export const excludedTables = ["sessions", "sign_in_attempts"] as const;

export function schemaTableNames(): string[] {
  return (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableName(t));
}

export interface Dump {
  format: "samverkan-dump";
  formatVersion: 1;
  exportedAt: string;
  tables: Record<string, unknown[]>;
}

/**
 * Exports every row as PostgreSQL renders it in JSON (bytea as hex, timestamps with zone, jsonb as
 * JSON), so the restore can hand the same JSON back to json_populate_recordset: no type is
 * converted by JavaScript on the way, and nothing is lost.
 */
export async function exportDump(pool: pg.Pool): Promise<Dump> {
  const client = await pool.connect();
  try {
    // One snapshot for all tables, so the dump is consistent even while the app keeps writing.
    await client.query("begin isolation level repeatable read read only");
    const tables: Record<string, unknown[]> = {};
    for (const table of dumpTables) {
      const order = table === "audit_log" ? "id" : "1";
      const { rows } = await client.query<{ data: unknown[] | null }>(
        `select json_agg(t order by ${order === "id" ? "t.id" : "t::text"}) as data from "${table}" t`,
      );
      tables[table] = rows[0]?.data ?? [];
    }
    await client.query("commit");
    return { format: "samverkan-dump", formatVersion: 1, exportedAt: new Date().toISOString(), tables };
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

function assertDump(value: unknown): asserts value is Dump {
  const d = value as Partial<Dump> | null;
  if (!d || d.format !== "samverkan-dump" || d.formatVersion !== 1 || typeof d.tables !== "object" || d.tables === null)
    throw new AppError("VALIDATION", "dump.invalidFormat");
  for (const [name, rows] of Object.entries(d.tables)) {
    if (!(dumpTables as readonly string[]).includes(name))
      throw new AppError("VALIDATION", "dump.unknownTable", { params: { name } });
    if (!Array.isArray(rows)) throw new AppError("VALIDATION", "dump.invalidFormat");
  }
}

/** Restores a dump into an empty, migrated database, in one transaction: all of it or nothing. */
export async function importDump(pool: pg.Pool, value: unknown): Promise<Record<string, number>> {
  assertDump(value);
  const client = await pool.connect();
  try {
    await client.query("begin");
    for (const table of dumpTables) {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from "${table}"`);
      if (Number(rows[0]?.n) > 0) throw new AppError("CONFLICT", "dump.databaseNotEmpty", { params: { table } });
    }
    const counts: Record<string, number> = {};
    for (const table of dumpTables) {
      const rows = value.tables[table] ?? [];
      counts[table] = rows.length;
      if (!rows.length) continue;
      await client.query(`insert into "${table}" select * from json_populate_recordset(null::"${table}", $1::json)`, [
        JSON.stringify(rows),
      ]);
    }
    // Serial columns must continue after the restored ids.
    await client.query(
      `select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((select max(id) from audit_log), 0) + 1, false)`,
    );
    await client.query("commit");
    return counts;
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
