import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
import type { Config } from "../config.ts";
import { createHttpApp, requestListener } from "../http/app.ts";
import { listenForPublicChanges } from "../services/promises/public-listener.ts";
import { isDatabaseEmpty, seedDemo } from "../services/demo/seed.ts";
import { systemContext } from "../services/core/context.ts";
import { openDatabase, type OpenDatabase } from "./database.ts";
// Tasks module: the in-process job scheduler (mail outbox, daily tasks, weekly digest).
import { startScheduler, type Scheduler } from "../jobs/scheduler.ts";
import type { Logger } from "./log.ts";

export const projectRoot = join(import.meta.dirname, "..", "..");

export interface RunningServer {
  url: string;
  port: number;
  database: OpenDatabase;
  close: () => Promise<void>;
}

export async function loadBuild(): Promise<{ build: ServerBuild; clientDir: string }> {
  const serverEntry = join(projectRoot, "build", "server", "index.js");
  if (!existsSync(serverEntry)) {
    throw new Error("The web app is not built. Run `npm run build` (npm start does it for you).");
  }
  return {
    build: (await import(pathToFileURL(serverEntry).href)) as ServerBuild,
    clientDir: join(projectRoot, "build", "client"),
  };
}

/**
 * Opens the database (embedded or DATABASE_URL), migrates, seeds demo data into an empty embedded
 * database, and serves the web app and the API.
 */
export async function startServer(
  config: Config,
  log: Logger,
  options: { seedDemo?: boolean } = {},
): Promise<RunningServer> {
  // The web build loads while PostgreSQL starts and migrates: they do not depend on each other.
  const built = loadBuild();
  built.catch(() => undefined);
  const database = await openDatabase(config, log);
  let build: ServerBuild;
  let clientDir: string;
  try {
    ({ build, clientDir } = await built);
  } catch (e) {
    await database.shutdown();
    throw e;
  }
  try {
    // Demo accounts only ever go into an embedded database on its first start: a production
    // database gets them only when an operator runs `samverkan demo seed` on purpose.
    if ((options.seedDemo ?? database.embedded) && (await isDatabaseEmpty(database.db))) {
      const demo = await seedDemo(systemContext(database.db, config));
      log.info("demo data created; sign in with one of these accounts:");
      for (const a of demo.accounts)
        process.stdout.write(`  ${a.email}  password: ${a.password}  (${a.description})\n`);
    }
    const app = createHttpApp({ db: database.db, config, log, build, clientDir });
    const server: Server = await new Promise((resolve, reject) => {
      const s = createServer(requestListener(app));
      s.once("error", reject);
      s.listen(config.port, config.host, () => resolve(s));
    });
    // Other instances' changes to public pages empty this instance's cache (migration 0003).
    const publicListener = listenForPublicChanges(database.url, log);
    server.keepAliveTimeout = 65_000;
    server.requestTimeout = 60_000;
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    // Tasks module: jobs run in the server process unless JOBS=off (off by default in tests).
    // Without SMTP_URL, an embedded database means a laptop: mail goes to the development mail server.
    const scheduler: Scheduler | null = config.jobs
      ? startScheduler({ db: database.db, config, log, embedded: database.embedded })
      : null;
    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      database,
      close: () =>
        (closing ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 5_000).unref();
          });
          await scheduler?.stop(); // tasks module
          await publicListener.stop();
          await database.shutdown();
        })()),
    };
  } catch (e) {
    await database.shutdown();
    throw e;
  }
}
