import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError, startEmbeddedPostgres } from "../../src/db/embedded.ts";
import { freshDatabase } from "../helpers/db.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const tmp = mkdtempSync(join(tmpdir(), "samverkan-cli-"));
chmodSync(tmp, 0o755);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs bin/samverkan against a database and returns exit code and output, never throwing. */
async function samverkan(args: string[], databaseUrl: string) {
  const { DATABASE_URL: _drop, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, "bin/samverkan"), ...args], {
      cwd: root,
      env: { ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

const source = await freshDatabase();
const target = await freshDatabase();

describe("the CLI on a real database", () => {
  it("migrates, seeds the demo once, creates a user, and refuses a second demo seed", async () => {
    expect(await samverkan(["db", "migrate"], source.url)).toMatchObject({ code: 0 });
    const seeded = await samverkan(["demo", "seed"], source.url);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain("samordnare@samverkan.test");
    const again = await samverkan(["demo", "seed"], source.url);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already has users");
    const user = await samverkan(
      ["user", "create", "--email", "ny@kommun.test", "--name", "Ny Användare", "--password", "ett långt lösenord"],
      source.url,
    );
    expect(user.code).toBe(0);
    expect(user.stdout).toContain("created user ny@kommun.test");
    const duplicate = await samverkan(["user", "create", "--email", "ny@kommun.test", "--name", "X"], source.url);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("already an account");
  });

  it("exports, restores into an empty database, and exports the same tables again", async () => {
    const file = join(tmp, "dump.json");
    expect((await samverkan(["export", "--out", file], source.url)).code).toBe(0);
    const restored = await samverkan(["import-dump", file], target.url);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("agreements: 5");
    const again = await samverkan(["export"], target.url);
    expect(again.code).toBe(0);
    const before = JSON.parse(readFileSync(file, "utf8")) as { tables: unknown };
    expect((JSON.parse(again.stdout) as { tables: unknown }).tables).toEqual(before.tables);
    // A second restore into the now non-empty database is refused and changes nothing.
    const refused = await samverkan(["import-dump", file], target.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("not empty");
  });

  it("fails with one clear line and a non-zero exit when the database is down or the file is bad", async () => {
    const down = await samverkan(["db", "migrate"], "postgres://nobody@127.0.0.1:1/none");
    expect(down.code).toBe(1);
    expect(down.stderr).toContain("Cannot reach the database");
    expect(down.stderr).not.toMatch(/\n\s+at /);
    const garbage = join(tmp, "garbage.json");
    writeFileSync(garbage, "{not json");
    const bad = await samverkan(["import-dump", garbage], target.url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("cannot read");
  });
});

describe("the embedded data directory lock", () => {
  it("refuses a data directory held by another live process, naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samverkan-lock-"));
    chmodSync(dir, 0o755);
    try {
      // pid 1 is always alive: as if another Samverkan process held the directory.
      writeFileSync(join(dir, "samverkan.lock"), "1");
      await expect(startEmbeddedPostgres({ dataDir: dir, port: 55_900 })).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(startEmbeddedPostgres({ dataDir: dir, port: 55_900 })).rejects.toThrow(
        /in use by another Samverkan process \(pid 1\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes over a stale lock left by a process that died", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samverkan-lock-"));
    chmodSync(dir, 0o755);
    try {
      writeFileSync(join(dir, "samverkan.lock"), "999999999");
      const db = await startEmbeddedPostgres({ dataDir: dir, port: 55_000 + Math.floor(Math.random() * 800) });
      expect(readFileSync(join(dir, "samverkan.lock"), "utf8")).toBe(String(process.pid));
      await db.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
