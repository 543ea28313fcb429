import type { Config } from "../config.ts";
import { connect, ping, type Database } from "../db/client.ts";
import { startEmbeddedPostgres } from "../db/embedded.ts";
import { runMigrations } from "../db/migrate.ts";
import type { Logger } from "./log.ts";

export interface OpenDatabase extends Database {
  embedded: boolean;
  url: string;
  /** Closes the pool, and stops the embedded server if we started one. */
  shutdown: () => Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in DATA_DIR. Migrates either way. */
export async function openDatabase(
  config: Config,
  log: Logger,
  options: { migrate?: boolean } = {},
): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
  const url = config.databaseUrl ?? embedded!.url;
  const database = connect(url, { max: 20 });
  try {
    await ping(database.pool, url);
    if (options.migrate !== false) await runMigrations(database.pool);
  } catch (e) {
    await database.close().catch(() => undefined);
    await embedded?.stop();
    throw e;
  }
  if (embedded) log.info(`embedded PostgreSQL running, data in ${config.dataDir}`);
  return {
    ...database,
    embedded: Boolean(embedded),
    url,
    shutdown: async () => {
      await database.close().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
