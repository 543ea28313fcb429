/**
 * The rendered public kommun pages (`/kommun/:slug`), kept per slug and locale in this process.
 *
 * Every promise write calls `invalidatePublicPages()` once its transaction has committed, so no page
 * rendered from older data is served after the write returns. A render that began before the write
 * (and so may have read the old rows) is not stored: `set` refuses a page rendered under an older
 * generation. Changes made elsewhere (action statuses, indicator values, another instance's writes)
 * reach the page within `PUBLIC_PAGE_TTL_MS` (docs/decisions/0005-public-page.md).
 */
export const PUBLIC_PAGE_TTL_MS = 15_000;
const MAX_ENTRIES = 1000;

interface Entry {
  body: Buffer;
  /** The same bytes gzipped, for clients that accept it. */
  gzip?: Buffer;
  headers: Record<string, string>;
  storedAt: number;
}

let generation = 0;
const entries = new Map<string, Entry>();

/** The generation a render starts under; pass it to `setPublicPage` when the render is done. */
export function publicPageGeneration(): number {
  return generation;
}

export function getPublicPage(key: string, now = Date.now()): Entry | undefined {
  const e = entries.get(key);
  if (!e) return undefined;
  if (now - e.storedAt > PUBLIC_PAGE_TTL_MS) {
    entries.delete(key);
    return undefined;
  }
  return e;
}

/** Stores a rendered page unless a write happened since its render began. Returns whether it was stored. */
export function setPublicPage(
  key: string,
  renderedUnder: number,
  page: { body: Buffer; gzip?: Buffer; headers: Record<string, string> },
  now = Date.now(),
): boolean {
  if (renderedUnder !== generation) return false;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { ...page, storedAt: now });
  return true;
}

/** Drops every cached public page at once: called after every promise write. */
export function invalidatePublicPages(): void {
  generation++;
  entries.clear();
}
