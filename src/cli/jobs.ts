import { createLogger } from "../server/log.ts";
import { enqueueDigests } from "../services/mail/digest.ts";
import { outboxCounts, retryFailedMail, sendQueuedMail } from "../services/mail/outbox.ts";
import { openMailTransport } from "../services/mail/transport.ts";
import { generateAllTasks } from "../services/tasks/calendar.ts";
import { runCli } from "./run.ts";
import { withDatabase } from "./with-database.ts";

const usage = "usage: samverkan jobs digest [--week-of YYYY-MM-DD] | send [--retry-failed] | tasks\n";

/** Runs one of the scheduler's jobs once, e.g. from cron when the server runs with JOBS=off. */
export async function run(argv: string[]): Promise<number> {
  return runCli(async () => {
    const [job, ...rest] = argv;
    if (job !== "digest" && job !== "send" && job !== "tasks") {
      process.stderr.write(usage);
      return 2;
    }
    if (job === "send" && rest.some((a) => a !== "--retry-failed")) {
      process.stderr.write(usage);
      return 2;
    }
    return withDatabase(async (ctx, database, config) => {
      if (job === "tasks") {
        const r = await generateAllTasks(ctx);
        process.stdout.write(
          `tasks: ${r.created} new in ${r.agreements} agreements (default årshjul for ${r.defaultsCreated})\n`,
        );
        for (const f of r.failures) process.stderr.write(`error: agreement ${f.agreementId}: ${f.message}\n`);
        return r.failures.length ? 1 : 0;
      }
      if (job === "digest") {
        const at = argv.indexOf("--week-of");
        const weekOf = at >= 0 ? argv[at + 1] : undefined;
        const r = await enqueueDigests(ctx, weekOf ? { weekOf } : {});
        process.stdout.write(`digest ${r.week}: ${r.queued} queued, ${r.skipped} skipped\n`);
        return 0;
      }
      // send: failed mail is only tried again when asked (--retry-failed); it is always reported.
      if (rest.includes("--retry-failed")) {
        const r = await retryFailedMail(ctx);
        process.stdout.write(`mail: ${r.requeued} failed mail(s) queued again\n`);
      }
      // Port 0: the development mail server of a one-off run never collides with a running server's.
      const mail = await openMailTransport(config, {
        embedded: database.embedded,
        log: createLogger("info", false),
        port: 0,
      });
      try {
        if (!mail.transport) {
          process.stderr.write("error: SMTP_URL is not set; mail stays queued\n");
          return 1;
        }
        const r = await sendQueuedMail(ctx, mail.transport, { limit: 10_000 });
        const counts = await outboxCounts(database.db);
        process.stdout.write(`mail: ${r.sent} sent, ${r.failed} failed; outbox ${JSON.stringify(counts)}\n`);
        if (counts.failed)
          process.stderr.write(
            `error: ${counts.failed} mail(s) failed and are no longer tried; run \`samverkan jobs send --retry-failed\`\n`,
          );
        return 0;
      } finally {
        await mail.close();
      }
    });
  });
}
