import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { todayInSweden } from "../domain/shared/dates.ts";
import type { Logger } from "../server/log.ts";
import { systemContext } from "../services/core/context.ts";
import { enqueueDigests } from "../services/mail/digest.ts";
import { MAX_ATTEMPTS, failedMailCount, sendQueuedMail } from "../services/mail/outbox.ts";
import { openMailTransport, type MailTransport } from "../services/mail/transport.ts";
import { generateAllTasks } from "../services/tasks/calendar.ts";

const stockholm = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Stockholm",
  weekday: "short",
  hour: "2-digit",
  hourCycle: "h23",
});
const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** ISO weekday (1 = Monday) and hour of `now` in Sweden. */
export function swedishWeekdayHour(now: Date): { weekday: number; hour: number } {
  const parts = stockholm.formatToParts(now);
  const weekday = weekdays.indexOf(parts.find((p) => p.type === "weekday")?.value ?? "") + 1;
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  return { weekday, hour };
}

export interface Scheduler {
  /** One pass: drain the outbox, make today's tasks once a day, queue the digest in its hour. */
  tick: () => Promise<void>;
  stop: () => Promise<void>;
}

/** The scheduler's jobs; tests replace some to see that one failing does not stop the others. */
export interface SchedulerJobs {
  generateAllTasks: typeof generateAllTasks;
  enqueueDigests: typeof enqueueDigests;
  sendQueuedMail: typeof sendQueuedMail;
  failedMailCount: typeof failedMailCount;
}
const defaultJobs: SchedulerJobs = { generateAllTasks, enqueueDigests, sendQueuedMail, failedMailCount };

/**
 * The in-process scheduler (docs/decisions/0006). Every minute it drains the mail outbox; once a
 * day it makes the årshjul's tasks for all agreements; on the configured weekday and hour it queues
 * the weekly digest. Each step has its own try/catch: one failing (logged as an error, tried again
 * on the next pass) never stops the others. Mail given up on (status failed) is logged as an error
 * with its count on every pass until an operator runs `jobs send --retry-failed`. Safe with several
 * instances: outbox rows are claimed FOR UPDATE SKIP LOCKED, task generation and digest queueing are
 * idempotent (unique keys). The timer is unref'd, so it never keeps the process alive; stop() waits
 * for a pass in progress.
 */
export function startScheduler(deps: {
  db: Db;
  config: Config;
  log: Logger;
  /** The database is the embedded one: without SMTP_URL, mail goes to the development mail server. */
  embedded?: boolean;
  intervalMs?: number;
  /** Replaces how mail is sent (tests). */
  mail?: MailTransport;
  jobs?: Partial<SchedulerJobs>;
}): Scheduler {
  const { db, config, log } = deps;
  const jobs = { ...defaultJobs, ...deps.jobs };
  // Opened on the first pass; a failure to open is logged and tried again on the next.
  let mail: Promise<MailTransport> | null = deps.mail ? Promise.resolve(deps.mail) : null;
  const openMail = () =>
    (mail ??= openMailTransport(config, { embedded: deps.embedded ?? false, log }).catch((e: unknown) => {
      mail = null;
      throw e;
    }));
  let lastTasksDay = "";
  let lastDigestWeekHour = "";
  let running: Promise<void> | null = null;
  let stopped = false;

  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      log.error(`scheduled job "${name}" failed (tried again on the next pass)`, e);
    }
  };

  const pass = async () => {
    const ctx = systemContext(db, config);
    const now = ctx.now();
    const today = todayInSweden(now);
    await step("tasks", async () => {
      if (lastTasksDay === today) return;
      const r = await jobs.generateAllTasks(ctx);
      lastTasksDay = today;
      if (r.created || r.defaultsCreated)
        log.info(
          `tasks generated: ${r.created} in ${r.agreements} agreements (default årshjul for ${r.defaultsCreated})`,
        );
      for (const f of r.failures)
        log.error(`tasks could not be generated for agreement ${f.agreementId}: ${f.message}`);
    });
    await step("digest", async () => {
      const { weekday, hour } = swedishWeekdayHour(now);
      const key = `${today}:${hour}`;
      if (weekday !== config.digestWeekday || hour !== config.digestHour || lastDigestWeekHour === key) return;
      const r = await jobs.enqueueDigests(ctx);
      lastDigestWeekHour = key;
      if (r.queued) log.info(`weekly digest queued for ${r.queued} users (${r.week})`);
    });
    await step("send", async () => {
      const { transport } = await openMail();
      if (!transport) return;
      const r = await jobs.sendQueuedMail(ctx, transport);
      if (r.failed) log.warn(`mail: ${r.sent} sent, ${r.failed} failed (will retry)`);
    });
    await step("failed mail", async () => {
      const failed = await jobs.failedMailCount(db);
      if (failed)
        log.error(
          `mail: ${failed} mail(s) failed after ${MAX_ATTEMPTS} attempts and are no longer tried; ` +
            "fix the mail server, then run `bin/samverkan jobs send --retry-failed`",
        );
    });
  };
  const tick = async () => {
    if (stopped || running) return running ?? undefined;
    running = pass().finally(() => {
      running = null;
    });
    return running;
  };
  const interval = setInterval(() => void tick(), deps.intervalMs ?? 60_000);
  interval.unref();
  const first = setTimeout(() => void tick(), 2_000);
  first.unref();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      clearTimeout(first);
      await running;
      if (mail && !deps.mail) await (await mail.catch(() => null))?.close();
    },
  };
}
