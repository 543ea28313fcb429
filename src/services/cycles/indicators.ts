import { and, asc, eq, sql } from "drizzle-orm";
import { indicators } from "../../db/schema.ts";
import {
  CreateIndicatorInput,
  DeleteIndicatorInput,
  IndicatorValues,
  UpdateIndicatorInput,
} from "../../domain/cycles/cycle-schemas.ts";
import { isUuid } from "../../domain/shared/text.ts";
import { AppError } from "../../errors.ts";
import { requireAgreementFor } from "../cycle-core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";

export type IndicatorRow = typeof indicators.$inferSelect;

const byYear = <T extends { year: number }>(values: T[]) => [...values].sort((a, b) => a.year - b.year);

async function requireIndicator(ctx: ServiceContext, id: string, need: "read" | "edit") {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "indicator.notFound");
  const [row] = await ctx.db.select().from(indicators).where(eq(indicators.id, id));
  if (!row) throw new AppError("NOT_FOUND", "indicator.notFound");
  await requireAgreementFor(ctx, row.agreementId, need, "indicator.notFound");
  return row;
}

/** The agreement's indicators (they span cycles, so trends do). Readers of the agreement. */
export async function listIndicators(ctx: ServiceContext, agreementId: string): Promise<IndicatorRow[]> {
  await requireAgreementFor(ctx, agreementId, "read");
  return ctx.db
    .select()
    .from(indicators)
    .where(eq(indicators.agreementId, agreementId))
    .orderBy(asc(indicators.position));
}

export async function getIndicator(ctx: ServiceContext, id: string): Promise<IndicatorRow> {
  return requireIndicator(ctx, id, "read");
}

export async function createIndicator(ctx: ServiceContext, input: CreateIndicatorInput): Promise<IndicatorRow> {
  const data = parseInput(CreateIndicatorInput, input);
  await requireAgreementFor(ctx, data.agreementId, "edit");
  return ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`coalesce(max(${indicators.position}) + 1, 0)`.mapWith(Number) })
      .from(indicators)
      .where(eq(indicators.agreementId, data.agreementId));
    const [row] = await tx
      .insert(indicators)
      .values({ ...data, values: byYear(data.values), position: n })
      .returning();
    await recordAudit(tx, ctx, "indicator.created", { type: "indicator", id: row!.id }, { after: row });
    return row!;
  });
}

/**
 * A partial update: fields left out keep their current value (the API's PATCH; leaving out `values`
 * keeps the series); the web form sends them all. The merged record is checked as a whole.
 */
export async function updateIndicator(ctx: ServiceContext, input: unknown): Promise<IndicatorRow> {
  const { id, version, ...changes } = parseInput(UpdateIndicatorInput, input);
  const before = await requireIndicator(ctx, id, "edit");
  const fields = parseInput(IndicatorValues, {
    name: before.name,
    source: before.source,
    unit: before.unit,
    direction: before.direction,
    values: before.values,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  });
  return ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(indicators)
      .set({ ...fields, values: byYear(fields.values), version: version + 1, updatedAt: ctx.now() })
      .where(and(eq(indicators.id, id), eq(indicators.version, version)))
      .returning();
    if (!after) throw new AppError("CONFLICT", "common.changedByOthers");
    await recordAudit(tx, ctx, "indicator.updated", { type: "indicator", id }, { before, after });
    return after;
  });
}

export async function deleteIndicator(ctx: ServiceContext, input: unknown): Promise<{ id: string }> {
  const data = parseInput(DeleteIndicatorInput, input);
  const before = await requireIndicator(ctx, data.id, "edit");
  return ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(indicators)
      .where(and(eq(indicators.id, data.id), eq(indicators.version, data.version)))
      .returning({ id: indicators.id });
    if (!deleted.length) throw new AppError("CONFLICT", "common.changedByOthers");
    await recordAudit(tx, ctx, "indicator.deleted", { type: "indicator", id: data.id }, { before });
    return { id: data.id };
  });
}
