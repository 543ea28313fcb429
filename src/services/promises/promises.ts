import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client.ts";
import {
  actions,
  citizenPromiseActions,
  citizenPromises,
  cycleFocusAreas,
  cycles,
  indicators,
} from "../../db/schema.ts";
import {
  ClosePromiseInput,
  CreatePromiseInput,
  PatchPromiseInput,
  PromiseVersionInput,
  UpdatePromiseInput,
  defaultPromisePeriod,
  effectSummary,
  promiseProgress,
  proposeVerdict,
  publishProblems,
  type EffectSummary,
  type Period,
} from "../../domain/cycles/promises.ts";
import type { ActionStatus, PromisePeriodKind } from "../../domain/cycles/vocabulary.ts";
import { todayInSweden } from "../../domain/shared/dates.ts";
import { isUuid } from "../../domain/shared/text.ts";
import { AppError, type FieldError } from "../../errors.ts";
import { canEditAgreement } from "../agreements/agreements.ts";
import { requireAgreementFor } from "../cycle-core/access.ts";
import { loadCycleSettings } from "../cycles/settings.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { invalidatePublicPages } from "./public-cache.ts";

export type PromiseRow = typeof citizenPromises.$inferSelect;

export interface LinkedAction {
  id: string;
  title: string;
  status: ActionStatus;
  cycleId: string;
  cycleLabel: string;
  focusAreaTitle: string | null;
  indicatorId: string | null;
  baselineYear: number | null;
  baselineValue: number | null;
  targetValue: number | null;
  targetYear: number | null;
}

export interface PromiseView extends PromiseRow {
  actions: LinkedAction[];
  progress: ReturnType<typeof promiseProgress>;
  /** What the linked actions suggest for "Gjorde vi det vi lovade?" (null: nothing to go by). */
  proposedVerdict: ReturnType<typeof proposeVerdict>;
  /** "Fick det effekt?": one summary per indicator of the linked actions. */
  effects: EffectSummary[];
}

const invalid = (fields: FieldError[]) => new AppError("VALIDATION", "validation.failed", { fields });

// ---------------------------------------------------------------------------------------------
// Reading

/** Actions (with cycle and focus area) of the given ids, in plan order. */
async function actionsById(db: Queryable, ids: string[]): Promise<(LinkedAction & { agreementId: string })[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      cycleId: actions.cycleId,
      cycleLabel: cycles.label,
      agreementId: cycles.agreementId,
      focusAreaTitle: cycleFocusAreas.title,
      indicatorId: actions.indicatorId,
      baselineYear: actions.baselineYear,
      baselineValue: actions.baselineValue,
      targetValue: actions.targetValue,
      targetYear: actions.targetYear,
    })
    .from(actions)
    .innerJoin(cycles, eq(cycles.id, actions.cycleId))
    .leftJoin(cycleFocusAreas, eq(cycleFocusAreas.id, actions.cycleFocusAreaId))
    .where(inArray(actions.id, ids))
    .orderBy(asc(cycles.startsOn), asc(actions.position));
}

/** Promise rows with their linked actions, progress, proposed verdict and effect: shared by every read. */
export async function describePromises(db: Queryable, rows: PromiseRow[]): Promise<PromiseView[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(citizenPromiseActions)
    .where(
      inArray(
        citizenPromiseActions.promiseId,
        rows.map((r) => r.id),
      ),
    );
  const linked = await actionsById(db, [...new Set(links.map((l) => l.actionId))]);
  const indicatorIds = [...new Set(linked.flatMap((a) => (a.indicatorId ? [a.indicatorId] : [])))];
  const indicatorRows = indicatorIds.length
    ? await db.select().from(indicators).where(inArray(indicators.id, indicatorIds))
    : [];
  const indicatorById = new Map(indicatorRows.map((i) => [i.id, i]));
  return rows.map((row) => {
    const ids = new Set(links.filter((l) => l.promiseId === row.id).map((l) => l.actionId));
    const mine = linked.filter((a) => ids.has(a.id)).map(({ agreementId: _a, ...a }) => a);
    const statuses = mine.map((a) => a.status);
    const seen = new Set<string>();
    const effects = mine.flatMap((a) => {
      const indicator = a.indicatorId ? indicatorById.get(a.indicatorId) : undefined;
      if (!indicator || seen.has(indicator.id)) return [];
      seen.add(indicator.id);
      return [effectSummary({ ...a, indicator })];
    });
    return {
      ...row,
      actions: mine,
      progress: promiseProgress(statuses),
      proposedVerdict: proposeVerdict(statuses),
      effects,
    };
  });
}

async function requirePromise(ctx: ServiceContext, id: string, need: "read" | "edit") {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "promise.notFound");
  const [row] = await ctx.db.select().from(citizenPromises).where(eq(citizenPromises.id, id));
  if (!row) throw new AppError("NOT_FOUND", "promise.notFound");
  const agreement = await requireAgreementFor(ctx, row.agreementId, need, "promise.notFound");
  return { row, agreement };
}

const promiseOrder = [asc(citizenPromises.position), asc(citizenPromises.createdAt)];

/** The agreement's promises (every status), for its members. */
export async function listPromises(ctx: ServiceContext, agreementId: string) {
  const agreement = await requireAgreementFor(ctx, agreementId, "read");
  const rows = await ctx.db
    .select()
    .from(citizenPromises)
    .where(eq(citizenPromises.agreementId, agreementId))
    .orderBy(...promiseOrder);
  return {
    agreement: { id: agreement.id, title: agreement.title, version: agreement.version },
    canEdit: await canEditAgreement(ctx, agreementId),
    promises: await describePromises(ctx.db, rows),
  };
}

export async function getPromise(ctx: ServiceContext, id: string) {
  const { row, agreement } = await requirePromise(ctx, id, "read");
  const [view] = await describePromises(ctx.db, [row]);
  return {
    ...view!,
    agreement: { id: agreement.id, title: agreement.title },
    canEdit: await canEditAgreement(ctx, agreement.id),
  };
}

/** The actions a promise of the agreement may link to: every action of the agreement's cycles. */
export async function listLinkableActions(ctx: ServiceContext, agreementId: string) {
  await requireAgreementFor(ctx, agreementId, "read");
  const ids = await ctx.db
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(cycles, eq(cycles.id, actions.cycleId))
    .where(eq(cycles.agreementId, agreementId));
  return (
    await actionsById(
      ctx.db,
      ids.map((r) => r.id),
    )
  ).map(({ agreementId: _a, ...a }) => a);
}

/** The agreement's cycles, for tying a promise to one. */
export async function listPromiseCycles(ctx: ServiceContext, agreementId: string) {
  await requireAgreementFor(ctx, agreementId, "read");
  return ctx.db
    .select({ id: cycles.id, label: cycles.label, startsOn: cycles.startsOn, endsOn: cycles.endsOn })
    .from(cycles)
    .where(eq(cycles.agreementId, agreementId))
    .orderBy(asc(cycles.startsOn));
}

async function periodKind(db: Queryable, agreementId: string): Promise<PromisePeriodKind> {
  return (await loadCycleSettings(db, agreementId)).promisePeriod;
}

/**
 * The period a new promise starts with: the agreement's setting (year, or half-years April–September
 * and October–March; "year" when never set), for the cycle when the promise is tied to one.
 */
export async function defaultPeriodFor(
  ctx: ServiceContext,
  agreementId: string,
  cycleId?: string | null,
): Promise<Period & { kind: PromisePeriodKind }> {
  await requireAgreementFor(ctx, agreementId, "read");
  const kind = await periodKind(ctx.db, agreementId);
  const [cycle] =
    cycleId && isUuid(cycleId)
      ? await ctx.db
          .select()
          .from(cycles)
          .where(and(eq(cycles.id, cycleId), eq(cycles.agreementId, agreementId)))
      : [];
  return { kind, ...defaultPromisePeriod(kind, todayInSweden(ctx.now()), cycle ?? null) };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Checks the cycle and the linked actions belong to the agreement (nothing of another agreement). */
async function checkLinks(tx: Tx, agreementId: string, cycleId: string | null, actionIds: string[]) {
  const fields: FieldError[] = [];
  if (cycleId) {
    const [c] = await tx.select({ agreementId: cycles.agreementId }).from(cycles).where(eq(cycles.id, cycleId));
    if (c?.agreementId !== agreementId) fields.push({ path: "cycleId", message: "promise.cycle.otherAgreement" });
  }
  const found = await actionsById(tx, actionIds);
  actionIds.forEach((id, i) => {
    const a = found.find((f) => f.id === id);
    if (!a || a.agreementId !== agreementId)
      fields.push({ path: `actionIds.${i}`, message: "promise.actions.otherAgreement" });
  });
  if (fields.length) throw invalid(fields);
}

async function setLinks(tx: Tx, promiseId: string, actionIds: string[]) {
  await tx.delete(citizenPromiseActions).where(eq(citizenPromiseActions.promiseId, promiseId));
  const unique = [...new Set(actionIds)];
  if (unique.length) await tx.insert(citizenPromiseActions).values(unique.map((actionId) => ({ promiseId, actionId })));
}

async function linkIds(db: Queryable, promiseId: string): Promise<string[]> {
  return (
    await db
      .select({ id: citizenPromiseActions.actionId })
      .from(citizenPromiseActions)
      .where(eq(citizenPromiseActions.promiseId, promiseId))
  ).map((r) => r.id);
}

/** Runs fn on the promise's row, read under lock, refusing a stale version; bumps the version. */
async function editPromise(
  ctx: ServiceContext,
  id: string,
  version: number,
  auditAction: string,
  fn: (tx: Tx, row: PromiseRow) => Promise<Partial<PromiseRow>>,
): Promise<PromiseView> {
  // The caller has checked the right to edit (before parsing the input).
  const view = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(citizenPromises).where(eq(citizenPromises.id, id)).for("update");
    if (!row) throw new AppError("NOT_FOUND", "promise.notFound");
    if (row.version !== version) throw new AppError("CONFLICT", "common.changedByOthers");
    const beforeLinks = await linkIds(tx, id);
    const changes = await fn(tx, row);
    const [after] = await tx
      .update(citizenPromises)
      .set({ ...changes, version: row.version + 1, updatedAt: ctx.now() })
      .where(eq(citizenPromises.id, id))
      .returning();
    await recordAudit(
      tx,
      ctx,
      auditAction,
      { type: "citizenPromise", id },
      { before: { ...row, actionIds: beforeLinks }, after: { ...after!, actionIds: await linkIds(tx, id) } },
    );
    return (await describePromises(tx, [after!]))[0]!;
  });
  invalidatePublicPages();
  return view;
}

export async function createPromise(ctx: ServiceContext, input: unknown): Promise<PromiseView> {
  const raw = (input ?? {}) as Record<string, unknown>;
  const agreementId = typeof raw.agreementId === "string" ? raw.agreementId : "";
  await requireAgreementFor(ctx, agreementId, "edit");
  const data = parseInput(CreatePromiseInput, input);
  // An API caller who sends no period gets the agreement's default one; a form always sends both.
  if (raw.periodStart === undefined && raw.periodEnd === undefined) {
    const p = await defaultPeriodFor(ctx, data.agreementId, data.cycleId);
    data.periodStart = p.start;
    data.periodEnd = p.end;
  }
  const view = await ctx.db.transaction(async (tx) => {
    await checkLinks(tx, data.agreementId, data.cycleId, data.actionIds);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`coalesce(max(${citizenPromises.position}) + 1, 0)`.mapWith(Number) })
      .from(citizenPromises)
      .where(eq(citizenPromises.agreementId, data.agreementId));
    const [row] = await tx
      .insert(citizenPromises)
      .values({
        agreementId: data.agreementId,
        cycleId: data.cycleId,
        position: n,
        promiser: data.promiser,
        text: data.text,
        periodStart: data.periodStart,
        periodEnd: data.periodEnd,
      })
      .returning();
    await setLinks(tx, row!.id, data.actionIds);
    await recordAudit(
      tx,
      ctx,
      "promise.created",
      { type: "citizenPromise", id: row!.id },
      { after: { ...row!, actionIds: [...new Set(data.actionIds)] } },
    );
    return (await describePromises(tx, [row!]))[0]!;
  });
  invalidatePublicPages();
  return view;
}

/**
 * A partial update: fields left out keep their current value (the linked actions too). The given
 * fields are merged over the current row and the whole is validated as one promise. A promise on the
 * public page keeps what publishing needs: emptying its text or period is refused, naming the field.
 */
export async function updatePromise(ctx: ServiceContext, input: unknown): Promise<PromiseView> {
  const raw = (input ?? {}) as Record<string, unknown>;
  await requirePromise(ctx, typeof raw.id === "string" ? raw.id : "", "edit");
  const { id, version, ...changes } = parseInput(PatchPromiseInput, input);
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return editPromise(ctx, id, version, "promise.updated", async (tx, row) => {
    const current = {
      cycleId: row.cycleId,
      promiser: row.promiser,
      text: row.text,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      actionIds: await linkIds(tx, row.id),
    };
    const data = parseInput(UpdatePromiseInput, { ...current, ...given, id, version });
    if (row.isPublic) {
      const problems = publishProblems(data, "public");
      if (problems.length) throw invalid(problems);
    }
    await checkLinks(tx, row.agreementId, data.cycleId, data.actionIds);
    await setLinks(tx, row.id, data.actionIds);
    return {
      cycleId: data.cycleId,
      promiser: data.promiser,
      text: data.text,
      periodStart: data.periodStart,
      periodEnd: data.periodEnd,
      ...(data.position !== undefined ? { position: data.position } : {}),
    };
  });
}

/**
 * Publishing is explicit: it needs the text and the period (end not before start), and puts the
 * promise on the kommun's public page. A closed promise published again shows its evaluation.
 */
export async function publishPromise(ctx: ServiceContext, input: unknown): Promise<PromiseView> {
  const raw = (input ?? {}) as Record<string, unknown>;
  await requirePromise(ctx, typeof raw.id === "string" ? raw.id : "", "edit");
  const data = parseInput(PromiseVersionInput, input);
  return editPromise(ctx, data.id, data.version, "promise.published", async (_tx, row) => {
    const fields = publishProblems(row, "publish");
    if (fields.length) throw invalid(fields);
    return {
      isPublic: true,
      status: row.status === "closed" ? "closed" : "published",
      publishedAt: row.publishedAt ?? ctx.now(),
    };
  });
}

/** Takes the promise off the public page at once; a published one goes back to draft, a closed one stays closed. */
export async function unpublishPromise(ctx: ServiceContext, input: unknown): Promise<PromiseView> {
  const raw = (input ?? {}) as Record<string, unknown>;
  await requirePromise(ctx, typeof raw.id === "string" ? raw.id : "", "edit");
  const data = parseInput(PromiseVersionInput, input);
  return editPromise(ctx, data.id, data.version, "promise.unpublished", async (_tx, row) => ({
    isPublic: false,
    status: row.status === "closed" ? "closed" : "draft",
  }));
}

/** Closes a published promise with its evaluation: the verdict (proposed, editable) and two texts. */
export async function closePromise(ctx: ServiceContext, input: unknown): Promise<PromiseView> {
  const raw = (input ?? {}) as Record<string, unknown>;
  await requirePromise(ctx, typeof raw.id === "string" ? raw.id : "", "edit");
  const data = parseInput(ClosePromiseInput, input);
  return editPromise(ctx, data.id, data.version, "promise.closed", async (_tx, row) => {
    if (row.status !== "published") throw new AppError("CONFLICT", "promise.close.notPublished");
    return {
      status: "closed",
      closedAt: ctx.now(),
      verdict: data.verdict,
      verdictText: data.verdictText,
      effectText: data.effectText,
    };
  });
}

/** Reopens a closed promise (closed → published); the evaluation is kept for the next close. */
export async function reopenPromise(ctx: ServiceContext, input: unknown): Promise<PromiseView> {
  const raw = (input ?? {}) as Record<string, unknown>;
  await requirePromise(ctx, typeof raw.id === "string" ? raw.id : "", "edit");
  const data = parseInput(PromiseVersionInput, input);
  return editPromise(ctx, data.id, data.version, "promise.reopened", async (_tx, row) => {
    if (row.status !== "closed") throw new AppError("CONFLICT", "promise.reopen.notClosed");
    return { status: "published", closedAt: null };
  });
}

export async function deletePromise(ctx: ServiceContext, input: unknown): Promise<{ id: string }> {
  const raw = (input ?? {}) as Record<string, unknown>;
  await requirePromise(ctx, typeof raw.id === "string" ? raw.id : "", "edit");
  const data = parseInput(PromiseVersionInput, input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(citizenPromises).where(eq(citizenPromises.id, data.id)).for("update");
    if (!row) throw new AppError("NOT_FOUND", "promise.notFound");
    if (row.version !== data.version) throw new AppError("CONFLICT", "common.changedByOthers");
    const before = { ...row, actionIds: await linkIds(tx, row.id) };
    await tx.delete(citizenPromises).where(eq(citizenPromises.id, row.id));
    await recordAudit(tx, ctx, "promise.deleted", { type: "citizenPromise", id: row.id }, { before });
  });
  invalidatePublicPages();
  return { id: data.id };
}
