import { isDatabaseEmpty, seedDemo } from "../services/demo/seed.ts";
import { runCli } from "./run.ts";
import { withDatabase } from "./with-database.ts";

export async function run(argv: string[]): Promise<number> {
  return runCli(async () => {
    if (argv[0] !== "seed") {
      process.stderr.write("usage: samverkan demo seed\n");
      return 2;
    }
    return withDatabase(async (ctx, database) => {
      if (!(await isDatabaseEmpty(database.db))) {
        process.stderr.write("error: the database already has users; demo data goes only into an empty database\n");
        return 1;
      }
      const { accounts } = await seedDemo(ctx);
      process.stdout.write("demo data created; accounts:\n");
      for (const a of accounts) process.stdout.write(`  ${a.email}  password: ${a.password}  (${a.description})\n`);
      return 0;
    });
  });
}
