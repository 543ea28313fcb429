import { readFileSync, writeFileSync } from "node:fs";
import { exportDump, importDump } from "../services/dump/dump.ts";
import { option, runCli } from "./run.ts";
import { withDatabase } from "./with-database.ts";

export async function runExport(argv: string[]): Promise<number> {
  return runCli(() =>
    withDatabase(async (_ctx, database) => {
      const json = JSON.stringify(await exportDump(database.pool), null, 1);
      const out = option(argv, "out");
      if (out) {
        writeFileSync(out, json);
        process.stderr.write(`wrote ${out}\n`);
      } else {
        // A large dump outgrows the pipe's buffer: wait until it is handed over before the process exits.
        await new Promise<void>((resolve, reject) =>
          process.stdout.write(`${json}\n`, (e) => (e ? reject(e) : resolve())),
        );
      }
      return 0;
    }),
  );
}

export async function runImportDump(argv: string[]): Promise<number> {
  return runCli(async () => {
    const file = argv.find((a) => !a.startsWith("--"));
    if (!file) {
      process.stderr.write("usage: samverkan import-dump FILE\n");
      return 2;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      process.stderr.write(`error: cannot read ${file} as JSON: ${(e as Error).message}\n`);
      return 1;
    }
    return withDatabase(async (_ctx, database) => {
      const counts = await importDump(database.pool, parsed);
      process.stdout.write(
        `restored ${Object.entries(counts)
          .map(([t, n]) => `${t}: ${n}`)
          .join(", ")}\n`,
      );
      return 0;
    });
  });
}
