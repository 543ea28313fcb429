import { and, asc, count, eq, inArray, lte, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Queryable } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";

export type MailRow = typeof mailOutbox.$inferSelect;

export interface QueuedMail {
  kind: string;
  dedupeKey: string;
  userId: string | null;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody?: string;
}

/**
 * After this many failed attempts a mail is marked failed: it stays in the table with its last error,
 * the scheduler logs an error with the count on every pass, and `jobs send --retry-failed` queues it again.
 */
export const MAX_ATTEMPTS = 10;

/** Minutes to wait after the n-th failed attempt: 1, 5, 30, 120, then 6 hours. */
export function backoffMinutes(attempts: number): number {
  const steps = [1, 5, 30, 120];
  return steps[attempts - 1] ?? 360;
}

/**
 * Puts a mail in the outbox, in the caller's transaction when it passes one, so a mail is queued if
 * and only if what caused it commits. The same dedupeKey twice adds nothing.
 */
export async function enqueueMail(db: Queryable, mail: QueuedMail): Promise<boolean> {
  const rows = await db
    .insert(mailOutbox)
    .values({ ...mail, htmlBody: mail.htmlBody ?? "" })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/**
 * Sends what is due. Each mail is claimed with FOR UPDATE SKIP LOCKED inside its own transaction, so
 * several instances drain one outbox without sending a mail twice, and a crash mid-send leaves the
 * row queued (it may then be sent again – at least once, never lost). A failure counts an attempt
 * and waits (backoffMinutes) before the next; the mail server being down loses nothing.
 */
export async function sendQueuedMail(
  ctx: ServiceContext,
  transport: Pick<Transporter, "sendMail">,
  options: { limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const limit = options.limit ?? 50;
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await ctx.db.transaction(async (tx) => {
      const now = ctx.now();
      const [row] = await tx
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.status, "queued"), lte(mailOutbox.nextAttemptAt, now)))
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return "empty" as const;
      try {
        await transport.sendMail({
          from: ctx.config.mailFrom,
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          ...(row.htmlBody ? { html: row.htmlBody } : {}),
          headers: { "X-Samverkan-Mail": row.id },
        });
        await tx
          .update(mailOutbox)
          .set({ status: "sent", sentAt: now, attempts: row.attempts + 1, lastError: "" })
          .where(eq(mailOutbox.id, row.id));
        return "sent" as const;
      } catch (e) {
        const attempts = row.attempts + 1;
        await tx
          .update(mailOutbox)
          .set({
            attempts,
            lastError: String((e as Error).message ?? e).slice(0, 500),
            status: attempts >= MAX_ATTEMPTS ? "failed" : "queued",
            nextAttemptAt: new Date(now.getTime() + backoffMinutes(attempts) * 60_000),
          })
          .where(eq(mailOutbox.id, row.id));
        return "failed" as const;
      }
    });
    if (outcome === "empty") break;
    if (outcome === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}

/**
 * Puts every `failed` mail back in the queue with its attempts reset, so the next pass tries it
 * again (`bin/samverkan jobs send --retry-failed`). System only; one audit record per mail, in the
 * same transaction, naming the error it had.
 */
export async function retryFailedMail(ctx: ServiceContext): Promise<{ requeued: number }> {
  if (!ctx.system) throw new AppError("FORBIDDEN", "common.forbidden");
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const before = await tx
      .select({ id: mailOutbox.id, attempts: mailOutbox.attempts, lastError: mailOutbox.lastError })
      .from(mailOutbox)
      .where(eq(mailOutbox.status, "failed"))
      .for("update", { skipLocked: true });
    if (!before.length) return { requeued: 0 };
    await tx
      .update(mailOutbox)
      .set({ status: "queued", attempts: 0, nextAttemptAt: now })
      .where(
        inArray(
          mailOutbox.id,
          before.map((r) => r.id),
        ),
      );
    for (const row of before)
      await recordAudit(
        tx,
        ctx,
        "mail.requeued",
        { type: "mail", id: row.id },
        {
          before: { status: "failed", attempts: row.attempts, lastError: row.lastError },
          after: { status: "queued", attempts: 0 },
        },
      );
    return { requeued: before.length };
  });
}

/** How many mails have been given up on (status failed): logged as an error on every pass while any remain. */
export async function failedMailCount(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, "failed"));
  return Number(row?.n ?? 0);
}

/** How the outbox stands, for the CLI and the operator. */
export async function outboxCounts(db: Queryable) {
  const { rows } = await db.execute<{ status: string; n: string }>(
    sql`select status, count(*) as n from mail_outbox group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
