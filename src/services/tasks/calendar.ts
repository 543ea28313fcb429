import { and, asc, eq, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client.ts";
import {
  agreementParties,
  agreements,
  calendarRules,
  memberships,
  organisations,
  signatories,
  tasks,
  users,
} from "../../db/schema.ts";
import {
  AssignTaskInput,
  GenerateTasksInput,
  SetCalendarRulesInput,
  defaultRules,
  isEmptySyncPlan,
  occurrences,
  planDefaultRuleSync,
} from "../../domain/cycles/calendar.ts";
import { agreementStatus } from "../../domain/agreements/status.ts";
import { addDays, todayInSweden } from "../../domain/shared/dates.ts";
import { isUuid } from "../../domain/shared/text.ts";
import { AppError, type FieldError } from "../../errors.ts";
import { invalidateAgreementCache } from "../agreements/agreements.ts";
import { requireAgreementFor } from "../cycle-core/access.ts";
import { loadCycleSettings } from "../cycles/settings.ts";
import { hasRoleInAny, requireActor } from "../core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";

export type CalendarRuleRow = typeof calendarRules.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;

/** How far ahead tasks are made when the årshjul is saved and by the daily job. */
export const DEFAULT_HORIZON_DAYS = 400;

/** The agreement's settings the årshjul reads (the cycle module's, with its defaults when none are saved). */
const settingsFor = loadCycleSettings;

/** Users who may own a rule or a task: members of a party organisation or of a party's child organisation. */
export async function agreementMembers(db: Queryable, agreementId: string) {
  const partyIds = db
    .select({ id: agreementParties.organisationId })
    .from(agreementParties)
    .where(eq(agreementParties.agreementId, agreementId));
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        isNull(users.disabledAt),
        or(inArray(memberships.organisationId, partyIds), inArray(organisations.parentId, partyIds)),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

async function partyIdsOf(db: Queryable, agreementId: string): Promise<string[]> {
  const rows = await db
    .select({ id: agreementParties.organisationId })
    .from(agreementParties)
    .where(eq(agreementParties.agreementId, agreementId));
  return rows.map((r) => r.id);
}

/** Bumps the agreement's version (its one concurrency token) or refuses a stale one. */
async function bumpAgreement(tx: Tx, agreementId: string, version: number, now: Date) {
  const [row] = await tx
    .update(agreements)
    .set({ version: version + 1, updatedAt: now })
    .where(and(eq(agreements.id, agreementId), eq(agreements.version, version)))
    .returning({ version: agreements.version });
  if (!row) throw new AppError("CONFLICT", "common.changedByOthers");
  return row.version;
}

async function rulesOf(db: Queryable, agreementId: string) {
  return db
    .select()
    .from(calendarRules)
    .where(eq(calendarRules.agreementId, agreementId))
    .orderBy(asc(calendarRules.position));
}

/**
 * Deletes the open (not done) tasks from today on of rules whose date or interval changed, or that
 * are removed, so the next generation makes the right ones; done and past tasks stay. Audited as
 * `calendar.tasksRemoved` in the caller's transaction.
 */
async function dropOpenFutureTasks(tx: Tx, ctx: ServiceContext, agreementId: string, ruleIds: string[]) {
  if (!ruleIds.length) return 0;
  const removed = await tx
    .delete(tasks)
    .where(and(inArray(tasks.ruleId, ruleIds), isNull(tasks.doneOn), gte(tasks.dueOn, todayInSweden(ctx.now()))))
    .returning();
  if (removed.length)
    await recordAudit(tx, ctx, "calendar.tasksRemoved", { type: "agreement", id: agreementId }, { before: removed });
  return removed.length;
}

const timingChanged = (a: { month: number; day: number; intervalMonths: number }, b: typeof a) =>
  a.month !== b.month || a.day !== b.day || a.intervalMonths !== b.intervalMonths;

/** The årshjul page: rules, tasks from a year back to the horizon, who may own them, and what the caller may do. */
export async function getCalendar(ctx: ServiceContext, agreementId: string) {
  const agreement = await requireAgreementFor(ctx, agreementId, "read");
  const canEdit = ctx.system || hasRoleInAny(requireActor(ctx), await partyIdsOf(ctx.db, agreementId), "editor");
  const today = todayInSweden(ctx.now());
  const [rules, taskRows, members, settings] = await Promise.all([
    rulesOf(ctx.db, agreementId),
    ctx.db
      .select()
      .from(tasks)
      .where(
        and(
          eq(tasks.agreementId, agreementId),
          or(isNull(tasks.doneOn), sql`${tasks.dueOn} >= ${addDays(today, -365)}`),
        ),
      )
      .orderBy(asc(tasks.dueOn), asc(tasks.title)),
    agreementMembers(ctx.db, agreementId),
    settingsFor(ctx.db, agreementId),
  ]);
  const userId = ctx.actor?.userId ?? null;
  return {
    agreement: { id: agreement.id, title: agreement.title, version: agreement.version },
    today,
    canEdit,
    settings,
    rules,
    tasks: taskRows.map((t) => ({ ...t, canComplete: canEdit || (userId !== null && t.ownerUserId === userId) })),
    members,
  };
}

export async function listCalendarRules(ctx: ServiceContext, agreementId: string) {
  await requireAgreementFor(ctx, agreementId, "read");
  return rulesOf(ctx.db, agreementId);
}

async function checkOwners(db: Queryable, agreementId: string, owners: (string | null)[], path: (i: number) => string) {
  const wanted = owners.filter((o): o is string => o !== null);
  if (!wanted.length) return;
  const members = new Set((await agreementMembers(db, agreementId)).map((m) => m.id));
  const fields: FieldError[] = [];
  owners.forEach((o, i) => {
    if (o !== null && !members.has(o)) fields.push({ path: path(i), message: "calendar.owner.notMember" });
  });
  if (fields.length) throw new AppError("VALIDATION", "validation.failed", { fields });
}

/**
 * Replaces the årshjul's rules as one ordered set (like the focus areas): a rule sent with its id
 * is updated in place, so its tasks stay linked to it; rules left out are removed. When a rule's
 * date or interval changes, or it is removed, its open tasks from today on are deleted in the same
 * transaction (the next generation makes the right ones); done and past tasks stay (a removed rule's
 * stay unlinked). Rules have no version of their own: the agreement's version guards the whole set.
 */
export async function setCalendarRules(ctx: ServiceContext, input: SetCalendarRulesInput) {
  const data = parseInput(SetCalendarRulesInput, input);
  await requireAgreementFor(ctx, data.agreementId, "edit");
  await checkOwners(
    ctx.db,
    data.agreementId,
    data.rules.map((r) => r.ownerUserId),
    (i) => `rules.${i}.ownerUserId`,
  );
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    const version = await bumpAgreement(tx, data.agreementId, data.version, now);
    const before = await rulesOf(tx, data.agreementId);
    const fields: FieldError[] = [];
    data.rules.forEach((r, i) => {
      if (r.id && !before.some((b) => b.id === r.id))
        fields.push({ path: `rules.${i}.id`, message: "calendar.notFound" });
    });
    if (fields.length) throw new AppError("VALIDATION", "validation.failed", { fields });
    const keep = new Set(data.rules.flatMap((r) => (r.id ? [r.id] : [])));
    const removed = before.filter((b) => !keep.has(b.id)).map((b) => b.id);
    const retimed = data.rules.flatMap((r) => {
      const old = r.id ? before.find((b) => b.id === r.id) : undefined;
      return old && timingChanged(old, r) ? [old.id] : [];
    });
    await dropOpenFutureTasks(tx, ctx, data.agreementId, [...removed, ...retimed]);
    if (removed.length) await tx.delete(calendarRules).where(inArray(calendarRules.id, removed));
    for (const [position, r] of data.rules.entries()) {
      const values = {
        kind: r.kind,
        title: r.title,
        month: r.month,
        day: r.day,
        intervalMonths: r.intervalMonths,
        ownerUserId: r.ownerUserId,
        active: r.active,
        position,
      };
      if (r.id) await tx.update(calendarRules).set(values).where(eq(calendarRules.id, r.id));
      else await tx.insert(calendarRules).values({ ...values, agreementId: data.agreementId });
    }
    const after = await rulesOf(tx, data.agreementId);
    await recordAudit(tx, ctx, "calendar.rulesSet", { type: "agreement", id: data.agreementId }, { before, after });
    return { version, rules: after };
  });
  invalidateAgreementCache(data.agreementId);
  return result;
}

/**
 * Creates the default årshjul (calendar.ts defaultRules) when the agreement has no rules yet; does
 * nothing when it has some. Editors, or the system (the daily job, the demo).
 */
export async function ensureDefaultRules(ctx: ServiceContext, agreementId: string) {
  await requireAgreementFor(ctx, agreementId, "edit");
  const settings = await settingsFor(ctx.db, agreementId);
  const seeds = defaultRules(settings);
  const created = await ctx.db.transaction(async (tx) => {
    // Serialises two editors pressing the button at once: the second sees the first one's rules.
    await tx.execute(sql`select 1 from agreements where id = ${agreementId} for update`);
    const existing = await rulesOf(tx, agreementId);
    if (existing.length) return null;
    const rows = await tx
      .insert(calendarRules)
      .values(seeds.map((s, position) => ({ ...s, agreementId, position })))
      .returning();
    await tx
      .update(agreements)
      .set({ version: sql`${agreements.version} + 1`, updatedAt: ctx.now() })
      .where(eq(agreements.id, agreementId));
    await recordAudit(tx, ctx, "calendar.defaultsCreated", { type: "agreement", id: agreementId }, { after: rows });
    return rows;
  });
  if (created) invalidateAgreementCache(agreementId);
  return { created: created !== null, rules: created ?? (await rulesOf(ctx.db, agreementId)) };
}

/**
 * Makes the årshjul's default rules follow the agreement's settings (planDefaultRuleSync): the review
 * rules take reviewIntervalMonths, and promise-period rules still as the defaults made them follow
 * promisePeriod; custom rules and rules moved by hand are kept. Cheap when nothing changed (one read,
 * no write); otherwise one transaction that locks the agreement, writes, drops the changed rules'
 * open future tasks, bumps the agreement's version and is audited (`calendar.defaultsSynced`).
 * Called by generateTasks, so the årshjul page and the daily job keep the rules in step.
 */
export async function syncDefaultRules(ctx: ServiceContext, agreementId: string) {
  await requireAgreementFor(ctx, agreementId, "edit");
  const [settings, rules] = await Promise.all([settingsFor(ctx.db, agreementId), rulesOf(ctx.db, agreementId)]);
  if (isEmptySyncPlan(planDefaultRuleSync(rules, settings))) return { changed: false };
  const changed = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from agreements where id = ${agreementId} for update`);
    const before = await rulesOf(tx, agreementId);
    const plan = planDefaultRuleSync(before, await settingsFor(tx, agreementId));
    if (isEmptySyncPlan(plan)) return false;
    await dropOpenFutureTasks(tx, ctx, agreementId, [...plan.update.map((u) => u.id), ...plan.remove]);
    for (const { id, ...timing } of plan.update)
      await tx.update(calendarRules).set(timing).where(eq(calendarRules.id, id));
    if (plan.insert.length) await tx.insert(calendarRules).values(plan.insert.map((r) => ({ ...r, agreementId })));
    if (plan.remove.length) await tx.delete(calendarRules).where(inArray(calendarRules.id, plan.remove));
    await tx
      .update(agreements)
      .set({ version: sql`${agreements.version} + 1`, updatedAt: ctx.now() })
      .where(eq(agreements.id, agreementId));
    const after = await rulesOf(tx, agreementId);
    await recordAudit(tx, ctx, "calendar.defaultsSynced", { type: "agreement", id: agreementId }, { before, after });
    return true;
  });
  if (changed) invalidateAgreementCache(agreementId);
  return { changed };
}

/**
 * Makes the dated tasks of the agreement's active rules from today to `horizonDays` ahead.
 * Idempotent: the unique (rule_id, due_on) index and ON CONFLICT DO NOTHING mean running it again
 * – or on two instances at once – adds nothing. A task inherits its rule's owner when it is made.
 */
export async function generateTasks(ctx: ServiceContext, input: { agreementId: string; horizonDays?: number }) {
  const data = parseInput(GenerateTasksInput, input);
  await syncDefaultRules(ctx, data.agreementId);
  const today = todayInSweden(ctx.now());
  const to = addDays(today, data.horizonDays);
  const rules = (await rulesOf(ctx.db, data.agreementId)).filter((r) => r.active);
  const values = rules.flatMap((r) =>
    occurrences(r, today, to).map((dueOn) => ({
      agreementId: data.agreementId,
      ruleId: r.id,
      title: r.title,
      dueOn,
      ownerUserId: r.ownerUserId,
    })),
  );
  return ctx.db.transaction(async (tx) => {
    const inserted = values.length
      ? await tx.insert(tasks).values(values).onConflictDoNothing().returning({ id: tasks.id })
      : [];
    if (inserted.length)
      await recordAudit(
        tx,
        ctx,
        "calendar.tasksGenerated",
        { type: "agreement", id: data.agreementId },
        { after: { count: inserted.length, from: today, to } },
      );
    return { created: inserted.length, from: today, to };
  });
}

/**
 * The daily job, system only. Agreements in force (active or signed) without an årshjul get the
 * default one first; expired and terminated agreements get no new tasks; the others (drafts only when
 * someone has made rules for them) get their tasks, their default rules synced to their settings.
 * One agreement failing does not stop the others: its error is returned in `failures`.
 */
export async function generateAllTasks(ctx: ServiceContext, horizonDays = DEFAULT_HORIZON_DAYS) {
  if (!ctx.system) throw new AppError("FORBIDDEN", "common.forbidden");
  const today = todayInSweden(ctx.now());
  const [rows, sigs, ruled] = await Promise.all([
    ctx.db
      .select({
        id: agreements.id,
        validFrom: agreements.validFrom,
        validTo: agreements.validTo,
        untilFurtherNotice: agreements.untilFurtherNotice,
        signedOn: agreements.signedOn,
        terminatedOn: agreements.terminatedOn,
      })
      .from(agreements)
      .orderBy(asc(agreements.id)),
    ctx.db.select({ agreementId: signatories.agreementId, signedOn: signatories.signedOn }).from(signatories),
    ctx.db.selectDistinct({ id: calendarRules.agreementId }).from(calendarRules),
  ]);
  const hasRules = new Set(ruled.map((r) => r.id));
  let agreementCount = 0;
  let created = 0;
  let defaultsCreated = 0;
  const failures: { agreementId: string; message: string }[] = [];
  for (const row of rows) {
    const status = agreementStatus({ ...row, signatories: sigs.filter((s) => s.agreementId === row.id) }, today);
    if (status === "expired" || status === "terminated") continue;
    const inForce = status === "active" || status === "signed";
    if (!hasRules.has(row.id) && !inForce) continue;
    try {
      if (!hasRules.has(row.id) && (await ensureDefaultRules(ctx, row.id)).created) defaultsCreated++;
      created += (await generateTasks(ctx, { agreementId: row.id, horizonDays })).created;
      agreementCount++;
    } catch (e) {
      failures.push({ agreementId: row.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { agreements: agreementCount, created, defaultsCreated, failures };
}

export async function listTasks(ctx: ServiceContext, agreementId: string) {
  return (await getCalendar(ctx, agreementId)).tasks;
}

/** A task with the caller's rights on it: its agreement's readers see it; editors or its owner complete it. */
async function requireTask(ctx: ServiceContext, taskId: string, need: "complete" | "assign") {
  if (!isUuid(taskId)) throw new AppError("NOT_FOUND", "task.notFound");
  const [task] = await ctx.db.select().from(tasks).where(eq(tasks.id, taskId));
  if (!task) throw new AppError("NOT_FOUND", "task.notFound");
  await requireAgreementFor(ctx, task.agreementId, "read", "task.notFound");
  if (ctx.system) return task;
  const actor = requireActor(ctx);
  const editor = hasRoleInAny(actor, await partyIdsOf(ctx.db, task.agreementId), "editor");
  if (need === "assign" && !editor) throw new AppError("FORBIDDEN", "task.forbidden");
  if (need === "complete" && !editor && task.ownerUserId !== actor.userId)
    throw new AppError("FORBIDDEN", "task.forbidden");
  return task;
}

async function setDone(ctx: ServiceContext, taskId: string, done: boolean) {
  const task = await requireTask(ctx, taskId, "complete");
  return ctx.db.transaction(async (tx) => {
    // The task's own state is its concurrency guard: completing a task someone else just completed is refused.
    const [updated] = await tx
      .update(tasks)
      .set(
        done
          ? { doneOn: todayInSweden(ctx.now()), doneByUserId: ctx.actor?.userId ?? null }
          : { doneOn: null, doneByUserId: null },
      )
      .where(and(eq(tasks.id, task.id), done ? isNull(tasks.doneOn) : isNotNull(tasks.doneOn)))
      .returning();
    if (!updated) throw new AppError("CONFLICT", done ? "task.alreadyDone" : "task.notDone");
    await recordAudit(
      tx,
      ctx,
      done ? "task.completed" : "task.reopened",
      { type: "task", id: task.id },
      {
        before: task,
        after: updated,
      },
    );
    return updated;
  });
}

export const completeTask = (ctx: ServiceContext, input: { taskId: string }) => setDone(ctx, input.taskId, true);
export const reopenTask = (ctx: ServiceContext, input: { taskId: string }) => setDone(ctx, input.taskId, false);

/** Gives a task to a member of a party organisation (or to nobody). Editors. */
export async function assignTask(ctx: ServiceContext, input: { taskId: string; ownerUserId?: string | null }) {
  const data = parseInput(AssignTaskInput, input);
  const task = await requireTask(ctx, data.taskId, "assign");
  await checkOwners(ctx.db, task.agreementId, [data.ownerUserId], () => "ownerUserId");
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tasks)
      .set({ ownerUserId: data.ownerUserId })
      .where(eq(tasks.id, task.id))
      .returning();
    await recordAudit(tx, ctx, "task.assigned", { type: "task", id: task.id }, { before: task, after: updated });
    return updated!;
  });
}
