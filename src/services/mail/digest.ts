import { and, eq, isNull } from "drizzle-orm";
import { parseLocale, translate, type Locale } from "../../../app/i18n/index.ts";
import { users } from "../../db/schema.ts";
import { isoWeek } from "../../domain/cycles/calendar.ts";
import { signOneClick } from "../../domain/cycles/one-click.ts";
import { summariseTodo, todoSize, type TodoLine, type TodoList } from "../../domain/cycles/stale.ts";
import { todayInSweden, type IsoDate } from "../../domain/shared/dates.ts";
import { AppError } from "../../errors.ts";
import { loadActor } from "../auth/users.ts";
import { requirePlatformAdmin } from "../core/access.ts";
import type { ServiceContext } from "../core/context.ts";
import { appSecret } from "../tasks/secret.ts";
import { todoListFor } from "../tasks/todo.ts";
import { enqueueMail } from "./outbox.ts";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function describe(locale: Locale, line: TodoLine): string {
  if (line.kind === "task")
    return line.daysLate > 0
      ? translate(locale, "todo.task.late", { date: line.dueOn, days: line.daysLate })
      : translate(locale, "todo.task.due", { date: line.dueOn });
  if (line.deadline && line.daysLate > 0)
    return translate(locale, "todo.action.late", { date: line.deadline, days: line.daysLate });
  return translate(locale, "todo.action.idle", { days: line.idleDays });
}

/** Text and HTML of one user's digest; every action line carries its one-click link. */
/** Lines of each section in the weekly mail; the rest is on /att-gora. */
export const DIGEST_LINES_PER_SECTION = 20;

export function renderDigest(input: {
  locale: Locale;
  name: string;
  week: string;
  list: TodoList;
  baseUrl: string;
  oneClickUrl: (line: Extract<TodoLine, { kind: "action" }>) => string;
}) {
  const { locale, list, baseUrl } = input;
  // The mail lists the most urgent lines of each section; the whole list is one link away.
  const shown = summariseTodo(list, DIGEST_LINES_PER_SECTION);
  const sections: [string, TodoLine[], number][] = [
    ["todo.overdue", shown.overdue, shown.totals.overdue],
    ["todo.upcoming", shown.upcoming, shown.totals.upcoming],
    ["todo.waiting", shown.waiting, shown.totals.waiting],
  ];
  const text: string[] = [
    translate(locale, "digest.greeting", { name: input.name }),
    "",
    translate(locale, "digest.intro"),
    "",
  ];
  const html: string[] = [
    `<p>${escapeHtml(translate(locale, "digest.greeting", { name: input.name }))}</p>`,
    `<p>${escapeHtml(translate(locale, "digest.intro"))}</p>`,
  ];
  for (const [key, lines, total] of sections) {
    if (!lines.length) continue;
    text.push(translate(locale, key), "");
    html.push(`<h2>${escapeHtml(translate(locale, key))}</h2>`, "<ul>");
    for (const line of lines) {
      const what = `${line.title} (${line.agreementTitle}) – ${describe(locale, line)}`;
      text.push(`* ${what}`, `  ${baseUrl}${line.href}`);
      const parts = [`<a href="${escapeHtml(baseUrl + line.href)}">${escapeHtml(line.title)}</a>`];
      parts.push(` (${escapeHtml(line.agreementTitle)}) – ${escapeHtml(describe(locale, line))}`);
      if (line.kind === "action") {
        const link = input.oneClickUrl(line);
        text.push(`  ${translate(locale, "digest.oneClick")}: ${link}`);
        parts.push(` <a href="${escapeHtml(link)}">${escapeHtml(translate(locale, "digest.oneClick"))}</a>`);
      }
      text.push("");
      html.push(`<li>${parts.join("")}</li>`);
    }
    html.push("</ul>");
    if (total > lines.length) {
      const more = translate(locale, "digest.more", { count: total - lines.length, url: `${baseUrl}/att-gora` });
      text.push(more, "");
      html.push(
        `<p><a href="${escapeHtml(baseUrl)}/att-gora">${escapeHtml(translate(locale, "digest.more", { count: total - lines.length, url: "" }).replace(/:\s*$/, ""))}</a></p>`,
      );
    }
  }
  text.push(translate(locale, "digest.footer", { url: `${baseUrl}/mina-installningar` }));
  html.push(
    `<p>${escapeHtml(translate(locale, "digest.footer", { url: "" }))}<a href="${escapeHtml(baseUrl)}/mina-installningar">${escapeHtml(baseUrl)}/mina-installningar</a></p>`,
  );
  return {
    subject: translate(locale, "digest.subject", { week: input.week, count: todoSize(list) }),
    text: text.join("\n"),
    html: `<!doctype html><html lang="${locale}"><body>${html.join("\n")}</body></html>`,
  };
}

/**
 * Queues this week's "Att göra" mail for every active user who wants it and has something on the
 * list, in their own locale. Idempotent per ISO week (dedupeKey digest:<user>:<week>): run it twice,
 * or on two instances, and each user still gets one mail. System (the scheduler, the CLI) or a
 * platform admin.
 */
export async function enqueueDigests(ctx: ServiceContext, input: { weekOf?: IsoDate } = {}) {
  requirePlatformAdmin(ctx);
  const now = ctx.now();
  const week = isoWeek(input.weekOf ?? todayInSweden(now));
  if (!/^\d{4}-W\d{2}$/.test(week)) throw new AppError("VALIDATION", "validation.date");
  const secret = await appSecret(ctx.db);
  const baseUrl = ctx.config.publicUrl.replace(/\/$/, "");
  const recipients = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.digestEnabled, true), isNull(users.disabledAt)));
  let queued = 0;
  let skipped = 0;
  for (const user of recipients) {
    const actor = await loadActor(ctx.db, user.id);
    if (!actor) continue;
    const list = await todoListFor(ctx.db, actor, now);
    if (todoSize(list) === 0) {
      skipped++;
      continue;
    }
    const locale = parseLocale(user.locale);
    const mail = renderDigest({
      locale,
      name: user.name,
      week,
      list,
      baseUrl,
      oneClickUrl: (line) =>
        `${baseUrl}/atgard-lank/${signOneClick({ actionId: line.id, userId: user.id, version: line.version }, secret, now)}`,
    });
    const added = await enqueueMail(ctx.db, {
      kind: "digest",
      dedupeKey: `digest:${user.id}:${week}`,
      userId: user.id,
      toAddress: user.email,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
    });
    if (added) queued++;
    else skipped++;
  }
  return { week, queued, skipped };
}
