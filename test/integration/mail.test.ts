import { createServer as createNetServer, type AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { actions, followUps, mailOutbox, users } from "../../src/db/schema.ts";
import { enqueueDigests } from "../../src/services/mail/digest.ts";
import { backoffMinutes, sendQueuedMail } from "../../src/services/mail/outbox.ts";
import { as, freshDatabase, makeUser, system, twoOrganisationWorld } from "../helpers/db.ts";
import { startTestServer } from "../helpers/http.ts";
import { cycleWithActions } from "./tasks-fixtures.ts";

const database = await freshDatabase();
const server = await startTestServer(database);
afterAll(() => server.close());
const world = await twoOrganisationWorld(database);
const owner = await makeUser(database, [[world.kommunA.id, "contributor"]]);
const englishEditor = await makeUser(database, [[world.lpoA.id, "editor"]]);
const nothingToDo = await makeUser(database, [[world.kommunB.id, "editor"]]);
const optedOut = await makeUser(database, [[world.kommunA.id, "editor"]]);
await database.db.update(users).set({ locale: "en" }).where(eq(users.id, englishEditor.userId));
await database.db.update(users).set({ digestEnabled: false }).where(eq(users.id, optedOut.userId));
const NOW = new Date();
const { actions: created } = await cycleWithActions(database, world.agreementA.id, world.kommunA.id, NOW, [
  { title: "Trygghetsvandring i centrum", deadline: "2020-01-01" },
]);

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port; `reject` makes it refuse every mail (temporary error). */
async function smtpServer(options: { reject?: boolean; port?: number } = {}) {
  const received: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(address, _session, callback) {
      if (options.reject)
        return callback(Object.assign(new Error("Mailbox unavailable, try later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    port,
    received,
    transport: nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }),
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Enough MIME for our own mails: unfolded headers with encoded words, and the text/plain part. */
function parseMail(raw: string) {
  const [head] = raw.split(/\r\n\r\n/);
  const headers = head!.replace(/\r\n[ \t]+/g, " ");
  const header = (name: string) =>
    (new RegExp(`^${name}: (.*)$`, "im").exec(headers)?.[1] ?? "")
      .replace(/\?=\s+=\?/g, "?==?")
      .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
        enc.toUpperCase() === "B"
          ? Buffer.from(data, "base64").toString("utf8")
          : decodeQuotedPrintable(data.replace(/_/g, " ")),
      );
  const textPart = /Content-Type: text\/plain[^]*?\r\n\r\n([^]*?)\r\n--/i.exec(raw)?.[1] ?? "";
  const qp = /Content-Type: text\/plain[^]*?Content-Transfer-Encoding: quoted-printable/i.test(raw);
  return { subject: header("Subject"), to: header("To"), text: qp ? decodeQuotedPrintable(textPart) : textPart };
}

describe("the weekly digest", () => {
  it("is queued once per user and ISO week, in the user's locale, only for non-empty lists and opted-in users", async () => {
    const first = await enqueueDigests(system(database), { weekOf: "2026-12-01" });
    expect(first.week).toBe("2026-W49");
    expect(first.queued).toBe(2);
    const again = await enqueueDigests(system(database), { weekOf: "2026-12-03" });
    expect(again.queued).toBe(0);
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.map((r) => r.userId).sort()).toEqual([owner.userId, englishEditor.userId].sort());
    expect(rows.find((r) => r.userId === englishEditor.userId)!.subject).toBe("To do in Samverkan – week 2026-W49");
    expect(rows.find((r) => r.userId === owner.userId)!.subject).toBe("Att göra i Samverkan – vecka 2026-W49");
    expect(rows.every((r) => r.dedupeKey.endsWith(":2026-W49") && r.status === "queued")).toBe(true);
    expect(rows.some((r) => r.userId === nothingToDo.userId || r.userId === optedOut.userId)).toBe(false);
    await expect(enqueueDigests(as(database, owner))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("stays queued while the mail server is down or refusing, and arrives with a working one-click link once it is up", async () => {
    // Nothing listening: attempt 1 fails, the row waits a minute.
    const port = await freePort();
    const down = nodemailer.createTransport({
      host: "127.0.0.1",
      port,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 2000,
    });
    const before = Date.now();
    const r1 = await sendQueuedMail(system(database), down);
    expect(r1).toEqual({ sent: 0, failed: 2 });
    let rows = await database.db.select().from(mailOutbox);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "queued", attempts: 1 });
      expect(row.lastError).not.toBe("");
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 60_000 - 1000);
    }
    // Not due yet: nothing is tried.
    expect(await sendQueuedMail(system(database), down)).toEqual({ sent: 0, failed: 0 });

    // A server that refuses (451): attempt 2, a longer wait.
    const refusing = await smtpServer({ reject: true });
    const later = () => new Date(Date.now() + 2 * 60_000);
    expect(await sendQueuedMail(system(database, later), refusing.transport)).toEqual({ sent: 0, failed: 2 });
    await refusing.close();
    rows = await database.db.select().from(mailOutbox);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "queued", attempts: 2 });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
    }
    expect(backoffMinutes(3)).toBe(30);

    // The server is up: both arrive.
    const smtp = await smtpServer();
    try {
      const r = await sendQueuedMail(
        system(database, () => new Date(Date.now() + 10 * 60_000)),
        smtp.transport,
      );
      expect(r).toEqual({ sent: 2, failed: 0 });
      rows = await database.db.select().from(mailOutbox);
      expect(rows.every((row) => row.status === "sent" && row.sentAt !== null && row.attempts === 3)).toBe(true);
      expect(smtp.received).toHaveLength(2);
      const ownerUser = (await database.db.select().from(users).where(eq(users.id, owner.userId)))[0]!;
      const mail = smtp.received.find(
        (m) => m.to.includes(ownerUser.email.toLowerCase()) || m.to.includes(ownerUser.email),
      )!;
      expect(mail).toBeDefined();
      const parsed = parseMail(mail.raw);
      expect(parsed.subject).toBe("Att göra i Samverkan – vecka 2026-W49");
      expect(parsed.to).toContain(ownerUser.email);
      expect(parsed.text).toContain("Trygghetsvandring i centrum");
      const link = /\/atgard-lank\/([\w-]+\.[\w-]+)/.exec(parsed.text)?.[1];
      expect(link).toBeDefined();

      // The link works once, through the app, as the owner.
      const res = await fetch(`${server.baseUrl}/api/v1/one-click/${link}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: "ongoing", note: "Genomförd i veckan" }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const entries = await database.db.select().from(followUps).where(eq(followUps.actionId, created[0]!.id));
      expect(entries).toMatchObject([{ via: "link", authorUserId: owner.userId, note: "Genomförd i veckan" }]);
      const [action] = await database.db.select().from(actions).where(eq(actions.id, created[0]!.id));
      expect(action!.version).toBe(2);
      // Sent mail is not sent again.
      expect(
        await sendQueuedMail(
          system(database, () => new Date(Date.now() + 86_400_000)),
          smtp.transport,
        ),
      ).toEqual({
        sent: 0,
        failed: 0,
      });
    } finally {
      await smtp.close();
    }
  });
});
