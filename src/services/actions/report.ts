import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { cycleReports, indicators } from "../../db/schema.ts";
import { statusCounts } from "../../domain/cycles/actions.ts";
import { goalStatus, type GoalStatus } from "../../domain/cycles/goals.ts";
import { isoDate, requiredFreeText, freeText, uuidSchema } from "../../domain/shared/text.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { requireCycle } from "../cycle-core/access.ts";
import { getActionPlan, signedIn } from "./actions.ts";

export const AddCycleReportInput = z
  .object({
    cycleId: uuidSchema,
    recipient: requiredFreeText(200),
    reportedOn: z.union([isoDate, z.literal("")]).refine((v) => v !== "", { message: "validation.required" }),
    note: freeText(4000).default(""),
  })
  .strict();
export type AddCycleReportInput = z.input<typeof AddCycleReportInput>;

/**
 * The annual follow-up of a cycle: per focus area its actions and how many are done, partly done,
 * not done, cancelled or still going; goals met; indicator trends; hours spent; what was reported
 * to whom and when.
 */
export async function getFollowUpReport(ctx: ServiceContext, cycleId: string) {
  const plan = await getActionPlan(ctx, cycleId);
  const indicatorRows = await ctx.db
    .select()
    .from(indicators)
    .where(eq(indicators.agreementId, plan.cycle.agreementId))
    .orderBy(asc(indicators.position));
  const withGoals = plan.actions.map((a) => {
    const indicator = indicatorRows.find((i) => i.id === a.indicatorId) ?? null;
    return {
      ...a,
      indicatorName: indicator?.name ?? null,
      goalStatus: goalStatus(a, indicator),
    };
  });
  const areas = [
    ...plan.focusAreas.map((f) => ({ id: f.id as string | null, title: f.title as string | null })),
    { id: null, title: null },
  ]
    .map((f) => {
      const list = withGoals.filter((a) => a.cycleFocusAreaId === f.id);
      return { ...f, actions: list, counts: statusCounts(list), goals: goalCounts(list) };
    })
    .filter((f) => f.id !== null || f.actions.length > 0);
  const reports = await ctx.db
    .select()
    .from(cycleReports)
    .where(eq(cycleReports.cycleId, plan.cycle.id))
    .orderBy(desc(cycleReports.reportedOn), desc(cycleReports.createdAt));
  return {
    agreement: plan.agreement,
    cycle: plan.cycle,
    canEdit: plan.canEdit,
    focusAreas: areas,
    totals: statusCounts(withGoals),
    goals: goalCounts(withGoals),
    hoursSpent: withGoals.reduce((sum, a) => sum + (a.hoursSpent ?? 0), 0),
    indicators: indicatorRows.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      source: i.source,
      direction: i.direction,
      /** Every year entered, oldest first; a suppressed year is kept (value null) so it shows as such. */
      values: [...i.values]
        .sort((a, b) => a.year - b.year)
        .map((v) => ({ year: v.year, value: v.suppressed ? null : v.value, suppressed: v.suppressed })),
    })),
    reports,
  };
}
export type FollowUpReport = Awaited<ReturnType<typeof getFollowUpReport>>;

/** Of the actions with a measurable target: how many met it, did not, or cannot be judged yet. */
function goalCounts(list: readonly { targetValue: number | null; goalStatus: GoalStatus }[]) {
  const withTarget = list.filter((a) => a.targetValue !== null);
  return {
    withTarget: withTarget.length,
    met: withTarget.filter((a) => a.goalStatus === "met").length,
    notMet: withTarget.filter((a) => a.goalStatus === "not_met").length,
    noData: withTarget.filter((a) => a.goalStatus === "no_data").length,
  };
}

/** Records what was reported to whom and when: the agreement's editors. */
export async function addCycleReport(ctx: ServiceContext, input: AddCycleReportInput) {
  signedIn(ctx);
  const data = parseInput(AddCycleReportInput, input);
  const { cycle } = await requireCycle(ctx, data.cycleId, "edit");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cycleReports)
      .values({ cycleId: cycle.id, recipient: data.recipient, reportedOn: data.reportedOn, note: data.note })
      .returning();
    await recordAudit(tx, ctx, "cycleReport.added", { type: "cycleReport", id: row!.id }, { after: row });
    return row!;
  });
}

export async function deleteCycleReport(ctx: ServiceContext, reportId: string) {
  signedIn(ctx);
  if (!uuidSchema.safeParse(reportId).success) throw new AppError("NOT_FOUND", "report.notFound");
  const [row] = await ctx.db.select().from(cycleReports).where(eq(cycleReports.id, reportId));
  if (!row) throw new AppError("NOT_FOUND", "report.notFound");
  await requireCycleFor(ctx, row.cycleId);
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(cycleReports)
      .where(and(eq(cycleReports.id, row.id), eq(cycleReports.cycleId, row.cycleId)))
      .returning({ id: cycleReports.id });
    if (!gone) throw new AppError("NOT_FOUND", "report.notFound");
    await recordAudit(tx, ctx, "cycleReport.deleted", { type: "cycleReport", id: row.id }, { before: row });
  });
  return { id: row.id, cycleId: row.cycleId };
}

/** The cycle of a report, for editing; a cycle the caller cannot read answers "report not found". */
async function requireCycleFor(ctx: ServiceContext, cycleId: string) {
  try {
    return await requireCycle(ctx, cycleId, "edit");
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "report.notFound");
    throw e;
  }
}
