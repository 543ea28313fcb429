import type { Route } from "./+types/feed";
import { AppError } from "../../../src/errors.ts";
import { calendarFeed } from "../../../src/services/tasks/feeds.ts";

/**
 * `/kalender/<token>.ics`: the secret iCal feed. No session: the token is the credential. An
 * unknown, revoked or forged token is a bare 404, without saying which.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  try {
    const feed = await calendarFeed(context.ctx.db, context.config, params.token, context.ctx.now());
    return new Response(feed.body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `inline; filename="${feed.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND")
      return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw e;
  }
}
