import { loadConfig } from "../config.ts";
import { createLogger } from "../server/log.ts";
import { openDatabase } from "../server/database.ts";
import { runCli } from "./run.ts";

export async function run(argv: string[]): Promise<number> {
  return runCli(async () => {
    if (argv[0] !== "migrate") {
      process.stderr.write("usage: samverkan db migrate\n");
      return 2;
    }
    const config = loadConfig();
    const database = await openDatabase(config, createLogger("warn", false));
    await database.shutdown();
    process.stdout.write("database is up to date\n");
    return 0;
  });
}
