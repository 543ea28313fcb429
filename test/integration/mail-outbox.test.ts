import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { run as runJobs } from "../../src/cli/jobs.ts";
import { mailOutbox } from "../../src/db/schema.ts";
import { startScheduler } from "../../src/jobs/scheduler.ts";
import type { Logger } from "../../src/server/log.ts";
import { enqueueDigests } from "../../src/services/mail/digest.ts";
import {
  MAX_ATTEMPTS,
  enqueueMail,
  failedMailCount,
  retryFailedMail,
  sendQueuedMail,
} from "../../src/services/mail/outbox.ts";
import { openMailTransport } from "../../src/services/mail/transport.ts";
import {
  as,
  auditCount,
  freshDatabase,
  lastAudit,
  makeUser,
  system,
  testConfig,
  twoOrganisationWorld,
} from "../helpers/db.ts";
import { cycleWithActions } from "./tasks-fixtures.ts";

const database = await freshDatabase();
const world = await twoOrganisationWorld(database);
const owner = await makeUser(database, [[world.kommunA.id, "contributor"]]);
const dataDir = mkdtempSync(join(tmpdir(), "samverkan-mail-test-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function memoryLog() {
  const lines: { level: string; msg: string; extra?: unknown }[] = [];
  const log: Logger = {
    info: (msg, extra) => void lines.push({ level: "info", msg, extra }),
    warn: (msg, extra) => void lines.push({ level: "warn", msg, extra }),
    error: (msg, extra) => void lines.push({ level: "error", msg, extra }),
  };
  return { log, lines };
}

const mail = (key: string) => ({
  kind: "test",
  dedupeKey: key,
  userId: null,
  toAddress: "mottagare@samverkan.test",
  subject: `Prov ${key}`,
  textBody: "Hej",
});
const refusing = {
  sendMail: () => Promise.reject(new Error("451 try again later")),
};

describe("mail that keeps failing", () => {
  it(`is given up after ${MAX_ATTEMPTS} attempts, counted, and queued again by --retry-failed (audited)`, async () => {
    await enqueueMail(database.db, mail("fails"));
    // Each attempt waits for its backoff; jump past it each time.
    let clock = Date.now();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      clock += 7 * 3_600_000;
      const t = clock;
      expect(
        await sendQueuedMail(
          system(database, () => new Date(t)),
          refusing,
        ),
      ).toEqual({ sent: 0, failed: 1 });
    }
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, "fails"));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "451 try again later" });
    expect(await failedMailCount(database.db)).toBe(1);
    // Never tried again on its own.
    expect(
      await sendQueuedMail(
        system(database, () => new Date(clock + 86_400_000)),
        refusing,
      ),
    ).toEqual({
      sent: 0,
      failed: 0,
    });

    // Only the operator may requeue.
    const before = await auditCount(database);
    await expect(retryFailedMail(as(database, owner))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await auditCount(database)).toBe(before);

    expect(await retryFailedMail(system(database))).toEqual({ requeued: 1 });
    const [requeued] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, row!.id));
    expect(requeued).toMatchObject({ status: "queued", attempts: 0 });
    expect(await lastAudit(database, row!.id)).toMatchObject({
      action: "mail.requeued",
      before: { status: "failed", attempts: MAX_ATTEMPTS, lastError: "451 try again later" },
      after: { status: "queued", attempts: 0 },
    });
    expect(await failedMailCount(database.db)).toBe(0);
    expect(await retryFailedMail(system(database))).toEqual({ requeued: 0 });
    // And it is sent on the next pass.
    const sent: string[] = [];
    const ok = { sendMail: async (m: { subject?: string }) => void sent.push(m.subject ?? "") };
    expect(await sendQueuedMail(system(database), ok as never)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toEqual(["Prov fails"]);
  });

  it("is queued again and sent by `samverkan jobs send --retry-failed`", async () => {
    await enqueueMail(database.db, mail("cli"));
    await database.db
      .update(mailOutbox)
      .set({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "boom" })
      .where(eq(mailOutbox.dedupeKey, "cli"));
    const cliDir = mkdtempSync(join(dataDir, "cli-"));
    vi.stubEnv("DATABASE_URL", database.url);
    vi.stubEnv("DATA_DIR", cliDir);
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      // Without --retry-failed the failed mail stays failed, and the command says so on stderr.
      const sink = await openMailTransport(
        { ...testConfig, smtpUrl: undefined, dataDir: cliDir, devSmtp: true },
        { embedded: true, log: memoryLog().log, port: 0 },
      );
      vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${sink.sink!.port}`);
      try {
        expect(await runJobs(["send"])).toBe(0);
        expect(String(err.mock.calls.flat().join(""))).toContain("1 mail(s) failed");
        expect(await runJobs(["send", "--retry-failed"])).toBe(0);
        expect(await runJobs(["send", "--bogus"])).toBe(2);
      } finally {
        await sink.close();
      }
      expect(out.mock.calls.flat().join("")).toContain("1 failed mail(s) queued again");
      expect(readdirSync(join(cliDir, "mail")).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
      const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, "cli"));
      expect(row).toMatchObject({ status: "sent", attempts: 1 });
      expect((await lastAudit(database, row!.id))!.action).toBe("mail.requeued");
    } finally {
      out.mockRestore();
      err.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});

describe("the scheduler", () => {
  it("keeps sending mail when another step throws, and logs each failure and the failed mail", async () => {
    await enqueueMail(database.db, mail("scheduled"));
    await enqueueMail(database.db, mail("given-up"));
    await database.db.update(mailOutbox).set({ status: "failed" }).where(eq(mailOutbox.dedupeKey, "given-up"));
    const { log, lines } = memoryLog();
    const sent: string[] = [];
    const scheduler = startScheduler({
      db: database.db,
      config: testConfig,
      log,
      intervalMs: 3_600_000,
      mail: {
        transport: { sendMail: async (m: { subject?: string }) => void sent.push(m.subject ?? "") } as never,
        sink: null,
        close: async () => {},
      },
      jobs: {
        generateAllTasks: () => Promise.reject(new Error("tasks exploded")),
        enqueueDigests: () => Promise.reject(new Error("digest exploded")),
      },
    });
    try {
      await scheduler.tick();
    } finally {
      await scheduler.stop();
    }
    expect(sent).toEqual(["Prov scheduled"]);
    const errors = lines.filter((l) => l.level === "error");
    expect(
      errors.some((l) => l.msg.includes('"tasks" failed') && (l.extra as Error).message === "tasks exploded"),
    ).toBe(true);
    expect(errors.some((l) => /1 mail\(s\) failed after \d+ attempts/.test(l.msg))).toBe(true);
    await database.db.delete(mailOutbox).where(eq(mailOutbox.dedupeKey, "given-up"));
  });
});

describe("the development mail server", () => {
  it("receives the digest over SMTP and saves it as an .eml file", async () => {
    await cycleWithActions(database, world.agreementA.id, world.kommunA.id, new Date(), [
      { title: "Belysning i parken", deadline: "2020-01-01" },
    ]);
    expect((await enqueueDigests(system(database), { weekOf: "2026-12-01" })).queued).toBe(1);
    const config = { ...testConfig, smtpUrl: undefined, dataDir, devSmtp: true };
    const { log, lines } = memoryLog();
    const mailer = await openMailTransport(config, { embedded: true, log, port: 0 });
    try {
      expect(mailer.sink).not.toBeNull();
      expect(await sendQueuedMail(system(database), mailer.transport!)).toEqual({ sent: 1, failed: 0 });
    } finally {
      await mailer.close();
    }
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.userId, owner.userId));
    expect(row!.status).toBe("sent");
    const files = readdirSync(join(dataDir, "mail")).filter((f) => f.endsWith(`-${row!.id}.eml`));
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(dataDir, "mail", files[0]!), "utf8");
    expect(eml).toMatch(/^Subject: /m);
    expect(eml).toContain(`X-Samverkan-Mail: ${row!.id}`);
    expect(eml).toMatch(/atgard-lank/);
    expect(
      lines.some((l) => l.level === "info" && l.msg.includes(`saved in ${join(dataDir, "mail", files[0]!)}`)),
    ).toBe(true);
  });

  it("is not started with SMTP_URL, with a server database, or with DEV_SMTP=off", async () => {
    const quiet = memoryLog().log;
    const dir = join(dataDir, "never");
    const base = { ...testConfig, dataDir: dir, devSmtp: true, smtpUrl: undefined };
    for (const [config, embedded] of [
      [{ ...base, devSmtp: false }, true],
      [base, false],
    ] as const) {
      const m = await openMailTransport(config, { embedded, log: quiet, port: 0 });
      expect(m).toMatchObject({ transport: null, sink: null });
    }
    const direct = await openMailTransport({ ...base, smtpUrl: "smtp://127.0.0.1:1" }, { embedded: true, log: quiet });
    expect(direct.sink).toBeNull();
    expect(direct.transport).not.toBeNull();
    await direct.close();
    expect(existsSync(dir)).toBe(false);
  });
});
