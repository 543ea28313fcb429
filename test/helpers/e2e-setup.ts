import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/server/log.ts";
import { projectRoot, startServer, type RunningServer } from "../../src/server/start.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the real server (React build + API + embedded PostgreSQL with the demo) listens. */
    baseUrl: string;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "+types") continue;
      newest = Math.max(newest, newestMtime(path));
    } else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app unless the build is newer than every source file it bundles. */
function ensureBuild() {
  const entry = join(projectRoot, "build", "server", "index.js");
  const sources = Math.max(newestMtime(join(projectRoot, "app")), newestMtime(join(projectRoot, "src")));
  if (existsSync(entry) && statSync(entry).mtimeMs > sources) return;
  execFileSync("npx", ["react-router", "build"], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"] });
}

let server: RunningServer | undefined;
let dataDir: string | undefined;

/**
 * Starts the real server in this process with a fresh embedded database (seeded with the demo) on
 * a free port. E2E always uses its own embedded database, even when TEST_DATABASE_URL is set: the
 * demo seed only goes into an empty embedded database.
 */
export default async function setup(project: TestProject) {
  ensureBuild();
  dataDir = mkdtempSync(join(tmpdir(), "samverkan-e2e-"));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter the directory.
  chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    EMBEDDED_PG_PORT: String(55_000 + Math.floor(Math.random() * 4000)),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  const config = loadConfig(env);
  const log = createLogger(config.logLevel, false);
  // The demo seed prints its accounts on stdout; the test output does not need them.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    server = await startServer(config, log);
  } finally {
    process.stdout.write = write;
  }
  project.provide("baseUrl", server.url.replace("localhost", "127.0.0.1"));
  return async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
