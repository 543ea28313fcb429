import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { actionResponsibles, actions, agreementParties, agreements, cycles, tasks, users } from "../../db/schema.ts";
import { addDays } from "../../domain/shared/dates.ts";
import { buildCalendar, type CalendarEvent } from "../../domain/cycles/ical.ts";
import { agreementFeedToken, feedMac, parseFeedToken, sameMac, userFeedToken } from "../../domain/cycles/one-click.ts";
import { isActionOpen } from "../../domain/cycles/vocabulary.ts";
import { todayInSweden } from "../../domain/shared/dates.ts";
import { AppError } from "../../errors.ts";
import { parseLocale, translate, type Locale } from "../../../app/i18n/index.ts";
import { listAgreements } from "../agreements/agreements.ts";
import { loadActor } from "../auth/users.ts";
import { requireAgreementFor } from "../cycle-core/access.ts";
import { requireActor } from "../core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor, ServiceContext } from "../core/context.ts";
import { appSecret } from "./secret.ts";

const notFound = () => new AppError("NOT_FOUND", "feed.notFound");

async function currentUser(ctx: ServiceContext) {
  const actor = requireActor(ctx);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError("UNAUTHENTICATED", "auth.signInRequired");
  return { actor, user };
}

/** `/mina-installningar`: the weekly digest switch and the secret feed URLs (the user's own and one per agreement). */
export async function getMySettings(ctx: ServiceContext) {
  const { user } = await currentUser(ctx);
  const secret = await appSecret(ctx.db);
  const base = ctx.config.publicUrl.replace(/\/$/, "");
  const url = (token: string) => `${base}/kalender/${token}.ics`;
  const readable = await listAgreements(ctx);
  return {
    digestEnabled: user.digestEnabled,
    feedKeyVersion: user.feedKeyVersion,
    userFeedUrl: url(userFeedToken(secret, user.id, user.feedKeyVersion)),
    agreementFeeds: readable.map((a) => ({
      agreementId: a.id,
      title: a.title,
      url: url(agreementFeedToken(secret, a.id, user.id, user.feedKeyVersion)),
    })),
  };
}

/** "Byt adress": a new feed key version; every old feed URL of the user stops working at once. */
export async function rotateFeedKey(ctx: ServiceContext) {
  const { user } = await currentUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ feedKeyVersion: sql`${users.feedKeyVersion} + 1`, updatedAt: ctx.now() })
      .where(eq(users.id, user.id))
      .returning({ feedKeyVersion: users.feedKeyVersion });
    await recordAudit(
      tx,
      ctx,
      "user.feedKeyRotated",
      { type: "user", id: user.id },
      { before: { feedKeyVersion: user.feedKeyVersion }, after: updated },
    );
    return updated!;
  });
}

export async function setDigestEnabled(ctx: ServiceContext, input: { enabled: boolean }) {
  const { user } = await currentUser(ctx);
  if (typeof input.enabled !== "boolean")
    throw new AppError("VALIDATION", "validation.failed", {
      fields: [{ path: "enabled", message: "validation.invalidType" }],
    });
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ digestEnabled: input.enabled, updatedAt: ctx.now() })
      .where(eq(users.id, user.id))
      .returning({ digestEnabled: users.digestEnabled });
    await recordAudit(
      tx,
      ctx,
      "user.digestSet",
      { type: "user", id: user.id },
      { before: { digestEnabled: user.digestEnabled }, after: updated },
    );
    return updated!;
  });
}

/** Action deadlines for a feed: the actions of `agreementIds`, or those a responsible organisation of the user owns. */
async function actionEvents(db: Db, where: ReturnType<typeof and>, base: string, from: string, locale: Locale) {
  const rows = await db
    .selectDistinct({
      id: actions.id,
      title: actions.title,
      deadline: actions.deadline,
      status: actions.status,
      cycleId: actions.cycleId,
      agreementId: cycles.agreementId,
      agreementTitle: agreements.title,
    })
    .from(actions)
    .innerJoin(cycles, eq(cycles.id, actions.cycleId))
    .innerJoin(agreements, eq(agreements.id, cycles.agreementId))
    .leftJoin(actionResponsibles, eq(actionResponsibles.actionId, actions.id))
    .where(and(where, gte(actions.deadline, from)));
  return rows
    .filter((r) => r.deadline)
    .map((r): CalendarEvent => ({
      uid: `action-${r.id}`,
      date: r.deadline!,
      summary: `${isActionOpen(r.status) ? "" : "✓ "}${translate(locale, "feed.actionDeadline", { title: r.title })}`,
      description: r.agreementTitle,
      url: `${base}/overenskommelser/${r.agreementId}/cykler/${r.cycleId}/atgarder/${r.id}`,
    }));
}

function taskEvent(
  t: { id: string; title: string; dueOn: string; doneOn: string | null; agreementId: string; agreementTitle: string },
  base: string,
): CalendarEvent {
  return {
    uid: `task-${t.id}`,
    date: t.dueOn,
    summary: `${t.doneOn ? "✓ " : ""}${t.title}`,
    description: t.agreementTitle,
    url: `${base}/overenskommelser/${t.agreementId}/arshjul`,
  };
}

/**
 * The iCal feed behind a secret URL. The token names its user and must carry the MAC of the user's
 * current feed key version; the user must still be active and (for an agreement feed) still able to
 * read the agreement. Anything else is NOT_FOUND, with no detail.
 */
export async function calendarFeed(db: Db, config: ServiceContext["config"], token: string, now: Date) {
  const parts = parseFeedToken(token.replace(/\.ics$/, ""));
  if (!parts) throw notFound();
  const [user] = await db.select().from(users).where(eq(users.id, parts.userId));
  if (!user || user.disabledAt) throw notFound();
  const secret = await appSecret(db);
  const subject =
    parts.kind === "user"
      ? `user:${user.id}:${user.feedKeyVersion}`
      : `agreement:${parts.agreementId}:user:${user.id}:${user.feedKeyVersion}`;
  if (!sameMac(feedMac(secret, subject), parts.mac)) throw notFound();
  const actor = await loadActor(db, user.id);
  if (!actor) throw notFound();
  const ctx: ServiceContext = { db, config, actor, now: () => now };
  const base = config.publicUrl.replace(/\/$/, "");
  const from = addDays(todayInSweden(now), -365);
  const host = new URL(base).hostname;
  const locale = parseLocale(user.locale);
  if (parts.kind === "agreement") {
    let agreement;
    try {
      agreement = await requireAgreementFor(ctx, parts.agreementId, "read");
    } catch {
      throw notFound();
    }
    const taskRows = await db
      .select()
      .from(tasks)
      .where(and(eq(tasks.agreementId, agreement.id), gte(tasks.dueOn, from)))
      .orderBy(asc(tasks.dueOn));
    const events = [
      ...taskRows.map((t) => taskEvent({ ...t, agreementTitle: agreement.title }, base)),
      ...(await actionEvents(db, eq(cycles.agreementId, agreement.id), base, from, locale)),
    ];
    return {
      filename: "arshjul.ics",
      body: buildCalendar({
        name: translate(locale, "feed.agreementCalendarName", { title: agreement.title }),
        events,
        now,
        host,
      }),
    };
  }
  return { filename: "samverkan.ics", body: await userCalendar(db, actor, base, from, now, host, locale) };
}

async function userCalendar(db: Db, actor: Actor, base: string, from: string, now: Date, host: string, locale: Locale) {
  const readableAgreements = db
    .select({ id: agreementParties.agreementId })
    .from(agreementParties)
    .where(
      inArray(
        agreementParties.organisationId,
        actor.readableOrganisationIds.length
          ? [...actor.readableOrganisationIds]
          : ["00000000-0000-0000-0000-000000000000"],
      ),
    );
  const taskRows = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueOn: tasks.dueOn,
      doneOn: tasks.doneOn,
      agreementId: tasks.agreementId,
      agreementTitle: agreements.title,
    })
    .from(tasks)
    .innerJoin(agreements, eq(agreements.id, tasks.agreementId))
    .where(
      and(eq(tasks.ownerUserId, actor.userId), gte(tasks.dueOn, from), inArray(tasks.agreementId, readableAgreements)),
    )
    .orderBy(asc(tasks.dueOn));
  const ownerOrgs = [...actor.memberships.entries()].filter(([, r]) => r !== "viewer").map(([id]) => id);
  const events = [
    ...taskRows.map((t) => taskEvent(t, base)),
    ...(ownerOrgs.length
      ? await actionEvents(db, inArray(actionResponsibles.organisationId, ownerOrgs), base, from, locale)
      : []),
  ];
  return buildCalendar({ name: translate(locale, "feed.userCalendarName"), events, now, host });
}
