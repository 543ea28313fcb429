import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { meta } from "../../db/schema.ts";

const KEY = "app_secret";
const cache = new WeakMap<object, string>();

/**
 * The app's signing secret (iCal feed URLs, one-click links), kept in samverkan_meta so every
 * instance shares it. Made on first use: two instances racing both try the insert, the unique key
 * keeps the first, and both read back the same value.
 */
export async function appSecret(db: Queryable): Promise<string> {
  const hit = cache.get(db);
  if (hit) return hit;
  await db
    .insert(meta)
    .values({ key: KEY, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(meta).where(eq(meta.key, KEY));
  cache.set(db, row!.value);
  return row!.value;
}
