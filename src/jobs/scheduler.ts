import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { todayInSweden } from "../domain/shared/dates.ts";
import type { Logger } from "../server/log.ts";
import { systemContext } from "../services/core/context.ts";
import { enqueueDigests } from "../services/mail/digest.ts";
import { sendQueuedMail } from "../services/mail/outbox.ts";
import { createMailTransport } from "../services/mail/transport.ts";
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

/**
 * The in-process scheduler (docs/decisions/0006). Every minute it drains the mail outbox; once a
 * day it makes the årshjul's tasks for all agreements; on the configured weekday and hour it queues
 * the weekly digest. Safe with several instances: outbox rows are claimed FOR UPDATE SKIP LOCKED,
 * task generation and digest queueing are idempotent (unique keys). The timer is unref'd, so it
 * never keeps the process alive; stop() waits for a pass in progress.
 */
export function startScheduler(deps: { db: Db; config: Config; log: Logger; intervalMs?: number }): Scheduler {
  const { db, config, log } = deps;
  const transport = createMailTransport(config);
  if (!transport) log.warn("SMTP_URL is not set: mail stays queued in the outbox until it is");
  let lastTasksDay = "";
  let lastDigestWeekHour = "";
  let running: Promise<void> | null = null;
  let stopped = false;

  const pass = async () => {
    const ctx = systemContext(db, config);
    const now = ctx.now();
    const today = todayInSweden(now);
    if (lastTasksDay !== today) {
      const r = await generateAllTasks(ctx);
      lastTasksDay = today;
      if (r.created) log.info(`tasks generated: ${r.created} in ${r.agreements} agreements`);
    }
    const { weekday, hour } = swedishWeekdayHour(now);
    const key = `${today}:${hour}`;
    if (weekday === config.digestWeekday && hour === config.digestHour && lastDigestWeekHour !== key) {
      const r = await enqueueDigests(ctx);
      lastDigestWeekHour = key;
      if (r.queued) log.info(`weekly digest queued for ${r.queued} users (${r.week})`);
    }
    if (transport) {
      const r = await sendQueuedMail(ctx, transport);
      if (r.failed) log.warn(`mail: ${r.sent} sent, ${r.failed} failed (will retry)`);
    }
  };
  const tick = async () => {
    if (stopped || running) return running ?? undefined;
    running = pass()
      .catch((e: unknown) => log.error("scheduled job failed", e))
      .finally(() => {
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
      transport?.close();
    },
  };
}
