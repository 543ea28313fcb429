import { enqueueDigests } from "../services/mail/digest.ts";
import { outboxCounts, sendQueuedMail } from "../services/mail/outbox.ts";
import { createMailTransport } from "../services/mail/transport.ts";
import { generateAllTasks } from "../services/tasks/calendar.ts";
import { runCli } from "./run.ts";
import { withDatabase } from "./with-database.ts";

const usage = "usage: samverkan jobs digest [--week-of YYYY-MM-DD] | send | tasks\n";

/** Runs one of the scheduler's jobs once, e.g. from cron when the server runs with JOBS=off. */
export async function run(argv: string[]): Promise<number> {
  return runCli(async () => {
    const [job] = argv;
    if (job !== "digest" && job !== "send" && job !== "tasks") {
      process.stderr.write(usage);
      return 2;
    }
    return withDatabase(async (ctx, database, config) => {
      if (job === "tasks") {
        const r = await generateAllTasks(ctx);
        process.stdout.write(`tasks: ${r.created} new in ${r.agreements} agreements\n`);
      } else if (job === "digest") {
        const at = argv.indexOf("--week-of");
        const weekOf = at >= 0 ? argv[at + 1] : undefined;
        const r = await enqueueDigests(ctx, weekOf ? { weekOf } : {});
        process.stdout.write(`digest ${r.week}: ${r.queued} queued, ${r.skipped} skipped\n`);
      } else {
        const transport = createMailTransport(config);
        if (!transport) {
          process.stderr.write("error: SMTP_URL is not set; mail stays queued\n");
          return 1;
        }
        const r = await sendQueuedMail(ctx, transport, { limit: 10_000 });
        transport.close();
        process.stdout.write(
          `mail: ${r.sent} sent, ${r.failed} failed; outbox ${JSON.stringify(await outboxCounts(database.db))}\n`,
        );
      }
      return 0;
    });
  });
}
