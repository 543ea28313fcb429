import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client.ts";
import {
  actionResponsibles,
  actions,
  agreements,
  bodies,
  causes,
  citizenPromises,
  cycleFocusAreas,
  cycleReports,
  cycles,
  focusAreas,
  indicators,
  problems,
  type SituationSource,
  type SituationSourceUse,
} from "../../db/schema.ts";
import { hasCauseAnalysis, situationCompleteness } from "../../domain/cycles/completeness.ts";
import {
  AdoptSituationReportInput,
  CreateCycleInput,
  SetCycleFocusAreasInput,
  SetCycleStatusInput,
  SetHandbookTickInput,
  SetPrioritisationInput,
  StartNextCycleInput,
  UpdateSituationReportInput,
  WithdrawAdoptionInput,
} from "../../domain/cycles/cycle-schemas.ts";
import { handbookChecklist } from "../../domain/cycles/handbook.ts";
import { cyclePeriod, nextPeriod, periodsOverlap, withinPeriod } from "../../domain/cycles/periods.ts";
import { isActionOpen, type ActionStatus } from "../../domain/cycles/vocabulary.ts";
import { AppError, type FieldError } from "../../errors.ts";
import { canEditAgreement } from "../agreements/agreements.ts";
import { requireAgreementFor, requireCycle, type CycleRow } from "../cycle-core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { loadCycleSettings } from "./settings.ts";

function invalid(fields: FieldError[]) {
  return new AppError("VALIDATION", "validation.failed", { fields });
}

/** The cycle's source checklist as the agreement's settings define it now, with what the cycle recorded. */
export function mergeSources(recorded: SituationSourceUse[], configured: SituationSource[]): SituationSourceUse[] {
  const byKey = new Map(recorded.map((s) => [s.key, s]));
  const merged = configured.map((s) => {
    const r = byKey.get(s.key);
    return { ...s, used: r?.used ?? false, note: r?.note ?? "", link: r?.link ?? "" };
  });
  // A source removed from the settings stays on a cycle that recorded it.
  for (const r of recorded)
    if (!configured.some((s) => s.key === r.key) && (r.used || r.note || r.link))
      merged.push({ ...r, mandatory: false });
  return merged;
}

/** Serialises cycle creation per agreement, so two overlapping cycles cannot slip in side by side. */
async function lockAgreement(tx: Tx, agreementId: string) {
  await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, agreementId)).for("update");
}

async function overlapping(db: Queryable, agreementId: string, period: { startsOn: string; endsOn: string }) {
  const rows = await db
    .select({ id: cycles.id, label: cycles.label, startsOn: cycles.startsOn, endsOn: cycles.endsOn })
    .from(cycles)
    .where(eq(cycles.agreementId, agreementId));
  return rows.find((r) => periodsOverlap(r, period));
}

async function copyAgreementFocusAreas(tx: Tx, agreementId: string, cycleId: string) {
  const areas = await tx
    .select()
    .from(focusAreas)
    .where(eq(focusAreas.agreementId, agreementId))
    .orderBy(asc(focusAreas.position));
  if (areas.length)
    await tx.insert(cycleFocusAreas).values(
      areas.map((f, position) => ({
        cycleId,
        position,
        title: f.title,
        description: f.description,
        focusAreaId: f.id,
      })),
    );
}

/** Editors: a new draft cycle for a year, by the agreement's start month. */
export async function createCycle(ctx: ServiceContext, input: CreateCycleInput): Promise<CycleRow> {
  const data = parseInput(CreateCycleInput, input);
  await requireAgreementFor(ctx, data.agreementId, "edit");
  return ctx.db.transaction(async (tx) => {
    await lockAgreement(tx, data.agreementId);
    const settings = await loadCycleSettings(tx, data.agreementId);
    const period = cyclePeriod(settings.cycleStartMonth, data.year);
    const clash = await overlapping(tx, data.agreementId, period);
    if (clash) throw invalid([{ path: "year", message: "cycle.year.overlaps", params: { label: clash.label } }]);
    const [row] = await tx
      .insert(cycles)
      .values({
        agreementId: data.agreementId,
        ...period,
        sources: settings.situationSources.map((s) => ({ ...s, used: false, note: "", link: "" })),
      })
      .returning();
    await copyAgreementFocusAreas(tx, data.agreementId, row!.id);
    await recordAudit(tx, ctx, "cycle.created", { type: "cycle", id: row!.id }, { after: row });
    return row!;
  });
}

/** The agreement's cycles, newest first. Readers of the agreement. */
export async function listCycles(ctx: ServiceContext, agreementId: string) {
  await requireAgreementFor(ctx, agreementId, "read");
  return ctx.db
    .select({
      id: cycles.id,
      agreementId: cycles.agreementId,
      label: cycles.label,
      startsOn: cycles.startsOn,
      endsOn: cycles.endsOn,
      status: cycles.status,
      previousCycleId: cycles.previousCycleId,
      situationAdoptedOn: cycles.situationAdoptedOn,
      planAdoptedOn: cycles.planAdoptedOn,
      version: cycles.version,
    })
    .from(cycles)
    .where(eq(cycles.agreementId, agreementId))
    .orderBy(desc(cycles.startsOn));
}

async function problemsWithCauses(db: Queryable, cycleId: string) {
  const rows = await db.select().from(problems).where(eq(problems.cycleId, cycleId)).orderBy(asc(problems.position));
  const ids = rows.map((p) => p.id);
  const all = ids.length
    ? await db.select().from(causes).where(inArray(causes.problemId, ids)).orderBy(asc(causes.position))
    : [];
  return rows.map((p) => ({ ...p, causes: all.filter((c) => c.problemId === p.id) }));
}

/** Everything the cycle's pages show, in one read model. Readers of the agreement. */
export async function getCycle(ctx: ServiceContext, cycleId: string) {
  const { cycle, agreement } = await requireCycle(ctx, cycleId, "read");
  const db = ctx.db;
  const [settings, focus, probs, inds, agreementBodies, promises, reports, canEdit] = await Promise.all([
    loadCycleSettings(db, agreement.id),
    db
      .select()
      .from(cycleFocusAreas)
      .where(eq(cycleFocusAreas.cycleId, cycleId))
      .orderBy(asc(cycleFocusAreas.position)),
    problemsWithCauses(db, cycleId),
    db.select().from(indicators).where(eq(indicators.agreementId, agreement.id)).orderBy(asc(indicators.position)),
    db
      .select({ id: bodies.id, name: bodies.name, kind: bodies.kind })
      .from(bodies)
      .where(eq(bodies.agreementId, agreement.id))
      .orderBy(asc(bodies.position)),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(citizenPromises)
      .where(
        and(
          eq(citizenPromises.agreementId, agreement.id),
          eq(citizenPromises.cycleId, cycleId),
          eq(citizenPromises.isPublic, true),
        ),
      ),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(cycleReports)
      .where(eq(cycleReports.cycleId, cycleId)),
    ctx.system ? Promise.resolve(true) : canEditAgreement(ctx, agreement.id),
  ]);
  const sources = mergeSources(cycle.sources, settings.situationSources);
  const prioritised = probs.filter((p) => p.prioritised);
  const causeFacts = probs.map((p) => ({ ...p, causeCount: p.causes.length }));
  const completeness = situationCompleteness({
    crimeMapping: cycle.crimeMapping,
    otherInformation: cycle.otherInformation,
    analysis: cycle.analysis,
    sources,
    problems: causeFacts,
    indicatorsWithValue: inds.filter((i) => i.values.some((v) => v.value !== null)).length,
    adoptedOn: cycle.situationAdoptedOn,
  });
  const handbook = handbookChecklist(
    {
      situationAdopted: cycle.situationAdoptedOn !== null,
      prioritisedProblems: prioritised.length,
      prioritisedWithCauseAnalysis: causeFacts.filter((p) => p.prioritised && hasCauseAnalysis(p)).length,
      planAdopted: cycle.planAdoptedOn !== null,
      promisePublished: (promises[0]?.n ?? 0) > 0,
      followUpReported: (reports[0]?.n ?? 0) > 0,
    },
    cycle.handbook,
  );
  const adoptedBy = agreementBodies.find((b) => b.id === cycle.situationAdoptedByBodyId) ?? null;
  return {
    cycle: { ...cycle, sources },
    agreement: { id: agreement.id, title: agreement.title, version: agreement.version, bodies: agreementBodies },
    settings,
    focusAreas: focus,
    problems: probs,
    indicators: inds,
    completeness,
    handbook,
    adoptedBy,
    canEdit,
  };
}
export type CycleView = Awaited<ReturnType<typeof getCycle>>;

async function loadCycleRow(db: Queryable, id: string) {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id));
  return row!;
}

/**
 * One edit of a cycle: checks the editor, runs the change and bumps the cycle's version (a stale
 * version is refused and nothing is kept), audited with before and after in the same transaction.
 */
async function editCycle(
  ctx: ServiceContext,
  cycleId: string,
  version: number,
  action: string,
  change: (tx: Tx, row: CycleRow) => Promise<Partial<CycleRow> | void>,
  extra?: (db: Queryable) => Promise<Record<string, unknown>>,
): Promise<CycleRow> {
  await requireCycle(ctx, cycleId, "edit");
  return ctx.db.transaction(async (tx) => {
    const before = await loadCycleRow(tx, cycleId);
    if (before.version !== version) throw new AppError("CONFLICT", "common.changedByOthers");
    const beforeExtra = extra ? await extra(tx) : {};
    const fields = (await change(tx, before)) ?? {};
    const [after] = await tx
      .update(cycles)
      .set({ ...fields, version: version + 1, updatedAt: ctx.now() })
      .where(and(eq(cycles.id, cycleId), eq(cycles.version, version)))
      .returning();
    if (!after) throw new AppError("CONFLICT", "common.changedByOthers");
    const afterExtra = extra ? await extra(tx) : {};
    await recordAudit(
      tx,
      ctx,
      action,
      { type: "cycle", id: cycleId },
      { before: { ...before, ...beforeExtra }, after: { ...after, ...afterExtra } },
    );
    return after;
  });
}

/** Editors: draft → active → closed, and back. */
export async function setCycleStatus(ctx: ServiceContext, input: unknown) {
  const data = parseInput(SetCycleStatusInput, input);
  return editCycle(ctx, data.cycleId, data.version, "cycle.statusSet", async () => ({ status: data.status }));
}

export async function updateSituationReport(ctx: ServiceContext, input: UpdateSituationReportInput) {
  const data = parseInput(UpdateSituationReportInput, input);
  return editCycle(ctx, data.cycleId, data.version, "situation.updated", async (tx, row) => {
    const settings = await loadCycleSettings(tx, row.agreementId);
    const merged = mergeSources(row.sources, settings.situationSources);
    const fields: FieldError[] = [];
    data.sources.forEach((s, i) => {
      if (!merged.some((m) => m.key === s.key))
        fields.push({ path: `sources.${i}.key`, message: "situation.source.unknown" });
    });
    if (fields.length) throw invalid(fields);
    const sources = merged.map((m) => {
      const s = data.sources.find((x) => x.key === m.key);
      return s ? { ...m, used: s.used, note: s.note, link: s.link } : m;
    });
    return {
      crimeMapping: data.crimeMapping,
      otherInformation: data.otherInformation,
      analysis: data.analysis,
      sources,
    };
  });
}

/** The steering group or BRÅ adopted the lägesbild: the body must be one of the agreement's. */
export async function adoptSituationReport(ctx: ServiceContext, input: unknown) {
  const data = parseInput(AdoptSituationReportInput, input);
  return editCycle(ctx, data.cycleId, data.version, "situation.adopted", async (tx, row) => {
    const [body] = await tx
      .select({ id: bodies.id })
      .from(bodies)
      .where(and(eq(bodies.id, data.bodyId), eq(bodies.agreementId, row.agreementId)));
    if (!body) throw invalid([{ path: "bodyId", message: "situation.adoption.unknownBody" }]);
    return { situationAdoptedByBodyId: data.bodyId, situationAdoptedOn: data.adoptedOn };
  });
}

export async function withdrawSituationAdoption(ctx: ServiceContext, input: unknown) {
  const data = parseInput(WithdrawAdoptionInput, input);
  return editCycle(ctx, data.cycleId, data.version, "situation.adoptionWithdrawn", async () => ({
    situationAdoptedByBodyId: null,
    situationAdoptedOn: null,
  }));
}

/** The focus areas, and which one each problem is prioritised under (removing an area unlinks its problems). */
const focusAreasOf = (cycleId: string) => async (db: Queryable) => ({
  focusAreas: await db
    .select()
    .from(cycleFocusAreas)
    .where(eq(cycleFocusAreas.cycleId, cycleId))
    .orderBy(asc(cycleFocusAreas.position)),
  problemFocusAreas: await db
    .select({ id: problems.id, cycleFocusAreaId: problems.cycleFocusAreaId })
    .from(problems)
    .where(eq(problems.cycleId, cycleId))
    .orderBy(asc(problems.position)),
});

/** Replaces the cycle's ordered focus areas, keeping the ids of those that stay (actions link to them). */
export async function setCycleFocusAreas(ctx: ServiceContext, input: unknown) {
  const data = parseInput(SetCycleFocusAreasInput, input);
  return editCycle(
    ctx,
    data.cycleId,
    data.version,
    "cycle.focusAreasSet",
    async (tx) => {
      const existing = await tx
        .select()
        .from(cycleFocusAreas)
        .where(eq(cycleFocusAreas.cycleId, data.cycleId))
        .orderBy(asc(cycleFocusAreas.position));
      const fields: FieldError[] = [];
      data.focusAreas.forEach((f, i) => {
        if (f.id && !existing.some((e) => e.id === f.id))
          fields.push({ path: `focusAreas.${i}.id`, message: "cycle.focusArea.notFound" });
      });
      if (fields.length) throw invalid(fields);
      const keep = new Set(data.focusAreas.flatMap((f) => (f.id ? [f.id] : [])));
      const removed = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
      // Actions that point at a removed focus area would be unlinked silently: refuse, naming one.
      const users = removed.length
        ? await tx
            .select({ areaId: actions.cycleFocusAreaId, title: actions.title })
            .from(actions)
            .where(inArray(actions.cycleFocusAreaId, removed))
            .orderBy(asc(actions.position), asc(actions.title))
        : [];
      existing.forEach((e, i) => {
        const user = users.find((u) => u.areaId === e.id);
        if (user)
          fields.push({
            path: `focusAreas.${i}`,
            message: "cycle.focusArea.inUse",
            params: { title: user.title, id: e.id },
          });
      });
      if (fields.length) throw invalid(fields);
      if (removed.length) await tx.delete(cycleFocusAreas).where(inArray(cycleFocusAreas.id, removed));
      for (const [position, f] of data.focusAreas.entries()) {
        if (f.id)
          await tx
            .update(cycleFocusAreas)
            .set({ title: f.title, description: f.description, position })
            .where(eq(cycleFocusAreas.id, f.id));
        else
          await tx
            .insert(cycleFocusAreas)
            .values({ cycleId: data.cycleId, title: f.title, description: f.description, position });
      }
    },
    focusAreasOf(data.cycleId),
  );
}

/** Which problems are prioritised, why, and under which of the cycle's focus areas. */
export async function setPrioritisation(ctx: ServiceContext, input: unknown) {
  const data = parseInput(SetPrioritisationInput, input);
  const problemsOf = async (db: Queryable) => ({
    problems: await db
      .select({
        id: problems.id,
        prioritised: problems.prioritised,
        rationale: problems.rationale,
        cycleFocusAreaId: problems.cycleFocusAreaId,
      })
      .from(problems)
      .where(eq(problems.cycleId, data.cycleId))
      .orderBy(asc(problems.position)),
  });
  return editCycle(
    ctx,
    data.cycleId,
    data.version,
    "cycle.prioritisationSet",
    async (tx) => {
      const own = await tx.select({ id: problems.id }).from(problems).where(eq(problems.cycleId, data.cycleId));
      const areas = await tx
        .select({ id: cycleFocusAreas.id })
        .from(cycleFocusAreas)
        .where(eq(cycleFocusAreas.cycleId, data.cycleId));
      const fields: FieldError[] = [];
      data.problems.forEach((p, i) => {
        if (!own.some((o) => o.id === p.id)) fields.push({ path: `problems.${i}.id`, message: "problem.notFound" });
        if (p.cycleFocusAreaId && !areas.some((a) => a.id === p.cycleFocusAreaId))
          fields.push({ path: `problems.${i}.cycleFocusAreaId`, message: "cycle.focusArea.notFound" });
      });
      if (fields.length) throw invalid(fields);
      for (const p of data.problems)
        await tx
          .update(problems)
          .set({
            prioritised: p.prioritised,
            rationale: p.rationale,
            cycleFocusAreaId: p.cycleFocusAreaId,
            version: sql`${problems.version} + 1`,
            updatedAt: ctx.now(),
          })
          .where(eq(problems.id, p.id));
      return { prioritisationRationale: data.prioritisationRationale };
    },
    problemsOf,
  );
}

/** Ticks (or unticks) a handbook item the data cannot tell. */
export async function setHandbookTick(ctx: ServiceContext, input: unknown) {
  const data = parseInput(SetHandbookTickInput, input);
  return editCycle(ctx, data.cycleId, data.version, "cycle.handbookTicked", async (_tx, row) => ({
    handbook: { ...row.handbook, [`${data.step}.${data.item}`]: { done: data.done, note: data.note } },
  }));
}

/**
 * A new draft cycle for the period after this one: its focus areas, and its open actions (planned,
 * ongoing) carried over with their responsibles, as planned, dates outside the new period cleared.
 */
export async function startNextCycle(ctx: ServiceContext, input: unknown): Promise<CycleRow> {
  const data = parseInput(StartNextCycleInput, input);
  const { cycle: current } = await requireCycle(ctx, data.cycleId, "edit");
  return ctx.db.transaction(async (tx) => {
    await lockAgreement(tx, current.agreementId);
    const old = await loadCycleRow(tx, data.cycleId);
    if (old.version !== data.version) throw new AppError("CONFLICT", "common.changedByOthers");
    const settings = await loadCycleSettings(tx, old.agreementId);
    const period = nextPeriod(old.endsOn, settings.cycleStartMonth);
    const clash = await overlapping(tx, old.agreementId, period);
    if (clash) throw new AppError("CONFLICT", "cycle.next.exists", { params: { label: clash.label } });
    const [row] = await tx
      .insert(cycles)
      .values({
        agreementId: old.agreementId,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        label: period.label,
        previousCycleId: old.id,
        sources: settings.situationSources.map((s) => ({ ...s, used: false, note: "", link: "" })),
      })
      .returning();
    const next = row!;
    const oldAreas = await tx
      .select()
      .from(cycleFocusAreas)
      .where(eq(cycleFocusAreas.cycleId, old.id))
      .orderBy(asc(cycleFocusAreas.position));
    const areaMap = new Map<string, string>();
    for (const a of oldAreas) {
      const [copy] = await tx
        .insert(cycleFocusAreas)
        .values({
          cycleId: next.id,
          position: a.position,
          title: a.title,
          description: a.description,
          focusAreaId: a.focusAreaId,
        })
        .returning({ id: cycleFocusAreas.id });
      areaMap.set(a.id, copy!.id);
    }
    const open = (
      await tx.select().from(actions).where(eq(actions.cycleId, old.id)).orderBy(asc(actions.position))
    ).filter((a) => isActionOpen(a.status as ActionStatus));
    const responsibles = open.length
      ? await tx
          .select()
          .from(actionResponsibles)
          .where(
            inArray(
              actionResponsibles.actionId,
              open.map((a) => a.id),
            ),
          )
      : [];
    const carried: { from: string; to: string }[] = [];
    for (const [position, a] of open.entries()) {
      const {
        id: _id,
        cycleId: _c,
        createdAt: _ca,
        updatedAt: _ua,
        lastActivityAt: _la,
        version: _v,
        position: _p,
        ...fields
      } = a;
      const [copy] = await tx
        .insert(actions)
        .values({
          ...fields,
          cycleId: next.id,
          position,
          cycleFocusAreaId: a.cycleFocusAreaId ? (areaMap.get(a.cycleFocusAreaId) ?? null) : null,
          causeId: null,
          status: "planned",
          outcomeNote: "",
          hoursSpent: null,
          startsOn: withinPeriod(a.startsOn, period) ? a.startsOn : null,
          deadline: withinPeriod(a.deadline, period) ? a.deadline : null,
          carriedFromId: a.id,
        })
        .returning({ id: actions.id });
      const rs = responsibles.filter((r) => r.actionId === a.id);
      if (rs.length)
        await tx
          .insert(actionResponsibles)
          .values(rs.map((r) => ({ actionId: copy!.id, organisationId: r.organisationId, position: r.position })));
      carried.push({ from: a.id, to: copy!.id });
    }
    await recordAudit(
      tx,
      ctx,
      "cycle.nextStarted",
      { type: "cycle", id: next.id },
      { before: { previousCycleId: old.id }, after: { ...next, focusAreas: [...areaMap.values()], carried } },
    );
    return next;
  });
}
