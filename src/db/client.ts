import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema.ts";

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the pool-backed database or a transaction: repositories accept both. */
export type Queryable = Db | Tx;

// DATE columns come back as "YYYY-MM-DD" strings, not JS Dates in the server's time zone.
pg.types.setTypeParser(1082, (v: string) => v);

export interface Database {
  db: Db;
  pool: pg.Pool;
  close: () => Promise<void>;
}

export function connect(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process.
  pool.on("error", () => undefined);
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}

export class DatabaseUnavailableError extends Error {}

/** Checks the server answers, turning driver errors into one clear sentence. */
export async function ping(pool: pg.Pool, url: string): Promise<void> {
  try {
    await pool.query("select 1");
  } catch (e) {
    const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
    throw new DatabaseUnavailableError(
      `Cannot reach the database at ${safeUrl}: ${(e as Error).message || (e as { code?: string }).code || "no answer"}`,
    );
  }
}
