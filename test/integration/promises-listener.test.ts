import pg from "pg";
import { describe, expect, it } from "vitest";
import { getPublicPage, publicPageGeneration, setPublicPage } from "../../src/services/promises/public-cache.ts";
import { listenForPublicChanges } from "../../src/services/promises/public-listener.ts";
import { createLogger } from "../../src/server/log.ts";
import { freshDatabase } from "../helpers/db.ts";

const database = await freshDatabase();

describe("public pages across instances", () => {
  it("empties this instance's cache when another connection changes a promise (LISTEN/NOTIFY)", async () => {
    const before = publicPageGeneration();
    const listener = listenForPublicChanges(database.url, createLogger("silent", false));
    try {
      // Connecting empties the cache once (notifications may have been missed before).
      await expect.poll(() => publicPageGeneration(), { timeout: 10_000 }).toBeGreaterThan(before);
      setPublicPage("koping:sv", publicPageGeneration(), { body: Buffer.from("<p>löfte</p>"), headers: {} });
      expect(getPublicPage("koping:sv")).toBeDefined();

      // "Another instance": a plain connection, not this process's services.
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      await other.query("begin");
      await other.query("update citizen_promises set is_public = false where false");
      // Not before the commit: a rolled-back or open transaction must not empty the cache.
      await new Promise((r) => setTimeout(r, 300));
      expect(getPublicPage("koping:sv")).toBeDefined();
      await other.query("commit");
      await other.end();
      await expect.poll(() => getPublicPage("koping:sv"), { timeout: 10_000 }).toBeUndefined();
    } finally {
      await listener.stop();
    }
  });
});
