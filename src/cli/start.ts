import { loadConfig } from "../config.ts";
import { createLogger } from "../server/log.ts";
import { startServer } from "../server/start.ts";
import { runCli } from "./run.ts";

export async function run(argv: string[]): Promise<number> {
  return runCli(async () => {
    const config = loadConfig();
    // JSON lines for log collectors in production; readable lines for a person at a terminal.
    const log = createLogger(config.logLevel, config.env === "production" && !process.stderr.isTTY);
    const portArg = argv.indexOf("--port");
    if (portArg >= 0) config.port = Number(argv[portArg + 1]);
    const server = await startServer(config, log);
    process.stdout.write(`Samverkan is running at ${server.url}\n`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        log.info(`${signal} received, shutting down`);
        server.close().then(resolve, resolve);
      };
      process.once("SIGINT", () => stop("SIGINT"));
      process.once("SIGTERM", () => stop("SIGTERM"));
    });
    return 0;
  });
}
