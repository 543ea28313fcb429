import pg from "pg";
import type { Logger } from "../../server/log.ts";
import { invalidatePublicPages } from "./public-cache.ts";

export const PUBLIC_CHANNEL = "samverkan_public";

/**
 * Keeps this instance's public-page cache in step with every other instance: a trigger (migration
 * 0003) notifies `samverkan_public` when a change that can alter a public page commits, and this
 * listener empties the cache. The connection is re-opened after a failure; while it was down
 * notifications may have been missed, so the cache is emptied on every (re)connect.
 */
export function listenForPublicChanges(url: string, log: Logger): { stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 500;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (msg) => {
      if (msg.channel === PUBLIC_CHANNEL) invalidatePublicPages();
    });
    c.on("error", () => undefined);
    c.on("end", () => {
      if (client === c) client = null;
      if (!stopped) schedule();
    });
    try {
      await c.connect();
      await c.query(`listen ${PUBLIC_CHANNEL}`);
      client = c;
      delay = 500;
      invalidatePublicPages();
    } catch (e) {
      await c.end().catch(() => undefined);
      log.warn("public page listener could not connect; retrying", { error: (e as Error).message });
    }
  };
  const schedule = () => {
    clearTimeout(retry);
    retry = setTimeout(() => void connect(), delay);
    retry.unref();
    delay = Math.min(delay * 2, 30_000);
  };
  void connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
