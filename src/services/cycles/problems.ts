import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { actions, causes, cycleFocusAreas, problems } from "../../db/schema.ts";
import {
  CreateProblemInput,
  DeleteProblemInput,
  ProblemValues,
  SetCausesInput,
  UpdateProblemInput,
} from "../../domain/cycles/cycle-schemas.ts";
import { isUuid } from "../../domain/shared/text.ts";
import { AppError, type FieldError } from "../../errors.ts";
import { canEditAgreement } from "../agreements/agreements.ts";
import { requireCycle } from "../cycle-core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";

export type ProblemRow = typeof problems.$inferSelect;

/** A problem and its cycle, checked like the cycle's agreement; unreadable → problem.notFound. */
async function requireProblem(ctx: ServiceContext, id: string, need: "read" | "edit") {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "problem.notFound");
  const [problem] = await ctx.db.select().from(problems).where(eq(problems.id, id));
  if (!problem) throw new AppError("NOT_FOUND", "problem.notFound");
  try {
    const { cycle, agreement } = await requireCycle(ctx, problem.cycleId, need);
    return { problem, cycle, agreement };
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "problem.notFound");
    throw e;
  }
}

async function withCauses(db: Queryable, problemId: string) {
  const [row] = await db.select().from(problems).where(eq(problems.id, problemId));
  const list = await db.select().from(causes).where(eq(causes.problemId, problemId)).orderBy(asc(causes.position));
  return { ...row!, causes: list };
}
export type ProblemView = Awaited<ReturnType<typeof withCauses>>;

/** A problem with its orsaksanalys, its cycle and focus area. Readers of the agreement. */
export async function getProblem(ctx: ServiceContext, id: string) {
  const { problem, cycle, agreement } = await requireProblem(ctx, id, "read");
  const view = await withCauses(ctx.db, problem.id);
  const [focusArea] = problem.cycleFocusAreaId
    ? await ctx.db.select().from(cycleFocusAreas).where(eq(cycleFocusAreas.id, problem.cycleFocusAreaId))
    : [];
  return {
    problem: view,
    cycle: { id: cycle.id, label: cycle.label, version: cycle.version },
    agreement: { id: agreement.id, title: agreement.title },
    focusArea: focusArea ?? null,
    canEdit: ctx.system ? true : await canEditAgreement(ctx, agreement.id),
  };
}

export async function createProblem(ctx: ServiceContext, input: CreateProblemInput): Promise<ProblemView> {
  const data = parseInput(CreateProblemInput, input);
  await requireCycle(ctx, data.cycleId, "edit");
  return ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`coalesce(max(${problems.position}) + 1, 0)`.mapWith(Number) })
      .from(problems)
      .where(eq(problems.cycleId, data.cycleId));
    const [row] = await tx
      .insert(problems)
      .values({ ...data, position: n })
      .returning();
    const view = await withCauses(tx, row!.id);
    await recordAudit(tx, ctx, "problem.created", { type: "problem", id: row!.id }, { after: view });
    return view;
  });
}

async function bumpProblem(ctx: ServiceContext, db: Queryable, id: string, version: number, fields = {}) {
  const [updated] = await db
    .update(problems)
    .set({ ...fields, version: version + 1, updatedAt: ctx.now() })
    .where(and(eq(problems.id, id), eq(problems.version, version)))
    .returning();
  if (!updated) throw new AppError("CONFLICT", "common.changedByOthers");
  return updated;
}

/** Fields a partial update left out (absent or undefined) keep their value. */
function provided(changes: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
}

/**
 * A partial update: fields left out keep their current value (the API's PATCH); the web form sends
 * them all. The merged record is checked as a whole.
 */
export async function updateProblem(ctx: ServiceContext, input: unknown): Promise<ProblemView> {
  const { id, version, ...changes } = parseInput(UpdateProblemInput, input);
  const { problem } = await requireProblem(ctx, id, "edit");
  const fields = parseInput(ProblemValues, {
    title: problem.title,
    description: problem.description,
    places: problem.places,
    times: problem.times,
    ...provided(changes),
  });
  return ctx.db.transaction(async (tx) => {
    const before = await withCauses(tx, id);
    await bumpProblem(ctx, tx, id, version, fields);
    const after = await withCauses(tx, id);
    await recordAudit(tx, ctx, "problem.updated", { type: "problem", id }, { before, after });
    return after;
  });
}

/**
 * Causes that actions point at may not go (the database would silently unlink the actions): one
 * field error per such cause, `causes.N` numbered by the problem's current list, naming an action.
 */
async function causesInUse(db: Queryable, current: { id: string }[], removed: string[]): Promise<FieldError[]> {
  if (!removed.length) return [];
  const users = await db
    .select({ causeId: actions.causeId, title: actions.title })
    .from(actions)
    .where(inArray(actions.causeId, removed))
    .orderBy(asc(actions.position), asc(actions.title));
  return current.flatMap((c, i) => {
    const user = users.find((u) => u.causeId === c.id);
    return user ? [{ path: `causes.${i}`, message: "cause.inUse", params: { title: user.title, id: c.id } }] : [];
  });
}

/** Removes a problem and its causes; refused while an action points at one of its causes. */
export async function deleteProblem(ctx: ServiceContext, input: unknown): Promise<{ id: string }> {
  const data = parseInput(DeleteProblemInput, input);
  await requireProblem(ctx, data.id, "edit");
  return ctx.db.transaction(async (tx) => {
    const before = await withCauses(tx, data.id);
    const inUse = await causesInUse(
      tx,
      before.causes,
      before.causes.map((c) => c.id),
    );
    if (inUse.length) throw new AppError("VALIDATION", "validation.failed", { fields: inUse });
    const deleted = await tx
      .delete(problems)
      .where(and(eq(problems.id, data.id), eq(problems.version, data.version)))
      .returning({ id: problems.id });
    if (!deleted.length) throw new AppError("CONFLICT", "common.changedByOthers");
    await recordAudit(tx, ctx, "problem.deleted", { type: "problem", id: data.id }, { before });
    return { id: data.id };
  });
}

/** The orsaksanalys: causes on the three axes (ids of those that stay are kept) and the event chains. */
export async function setCauses(ctx: ServiceContext, input: unknown): Promise<ProblemView> {
  const data = parseInput(SetCausesInput, input);
  await requireProblem(ctx, data.problemId, "edit");
  return ctx.db.transaction(async (tx) => {
    const before = await withCauses(tx, data.problemId);
    const fields: FieldError[] = [];
    data.causes.forEach((c, i) => {
      if (c.id && !before.causes.some((e) => e.id === c.id))
        fields.push({ path: `causes.${i}.id`, message: "cause.notFound" });
    });
    if (fields.length) throw new AppError("VALIDATION", "validation.failed", { fields });
    const keep = new Set(data.causes.flatMap((c) => (c.id ? [c.id] : [])));
    const removed = before.causes.filter((c) => !keep.has(c.id)).map((c) => c.id);
    const inUse = await causesInUse(tx, before.causes, removed);
    if (inUse.length) throw new AppError("VALIDATION", "validation.failed", { fields: inUse });
    if (removed.length) await tx.delete(causes).where(inArray(causes.id, removed));
    for (const [position, c] of data.causes.entries()) {
      if (c.id) await tx.update(causes).set({ axis: c.axis, text: c.text, position }).where(eq(causes.id, c.id));
      else await tx.insert(causes).values({ problemId: data.problemId, axis: c.axis, text: c.text, position });
    }
    await bumpProblem(ctx, tx, data.problemId, data.version, { eventChains: data.eventChains });
    const after = await withCauses(tx, data.problemId);
    await recordAudit(tx, ctx, "problem.causesSet", { type: "problem", id: data.problemId }, { before, after });
    return after;
  });
}
