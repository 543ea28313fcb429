import { ConfigError } from "../config.ts";
import { DatabaseUnavailableError } from "../db/client.ts";
import { DataDirLockedError } from "../db/embedded.ts";
import { AppError } from "../errors.ts";
import { translate } from "../../app/i18n/index.ts";

/**
 * Runs a command and turns expected failures into one clear line on stderr and a non-zero exit.
 * Stack traces are for bugs only, and only with DEBUG set.
 */
export async function runCli(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError) {
      const details = e.fields.map((f) => `\n  ${f.path}: ${translate("en", f.message, f.params)}`).join("");
      process.stderr.write(`error: ${translate("en", e.messageKey, e.params)}${details}\n`);
      return 1;
    }
    if (e instanceof ConfigError || e instanceof DatabaseUnavailableError || e instanceof DataDirLockedError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`error: ${(e as Error).message ?? String(e)}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}

export function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
