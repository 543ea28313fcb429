import { loadConfig, type Config } from "../config.ts";
import type { ServiceContext } from "../services/core/context.ts";
import { systemContext } from "../services/core/context.ts";
import { createLogger } from "../server/log.ts";
import { openDatabase, type OpenDatabase } from "../server/database.ts";

/** Opens (and migrates) the database for one CLI command, and always closes it again. */
export async function withDatabase<T>(
  fn: (ctx: ServiceContext, database: OpenDatabase, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger("warn", false));
  try {
    return await fn(systemContext(database.db, config), database, config);
  } finally {
    await database.shutdown();
  }
}
