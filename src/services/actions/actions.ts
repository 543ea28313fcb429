import { and, asc, desc, eq, inArray, isNull, max, or } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import {
  actionResponsibles,
  actions,
  agreementParties,
  agreements,
  bodies,
  causes,
  cycleFocusAreas,
  cycles,
  followUps,
  indicators,
  organisations,
  problems,
} from "../../db/schema.ts";
import {
  ActionProgressInput,
  ActionValues,
  AdoptActionPlanInput,
  CreateActionInput,
  DeleteActionInput,
  UpdateActionInput,
  WithdrawActionPlanInput,
  actionRuleErrors,
  daysSince,
  type ActionData,
} from "../../domain/cycles/actions.ts";
import { todayInSweden } from "../../domain/shared/dates.ts";
import { AppError } from "../../errors.ts";
import { requireActor, hasRoleInAny } from "../core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { requireAction, requireCycle, type ActionRow, type CycleRow } from "../cycle-core/access.ts";

export type { ActionRow, CycleRow };

/** Anonymous callers are told to sign in before anything about their input. */
export function signedIn(ctx: ServiceContext) {
  if (!ctx.system) requireActor(ctx);
}

/** Everything an action may point at in its cycle and agreement, for checks and for the forms. */
async function cycleReferences(db: Queryable, cycle: CycleRow) {
  const focusAreas = await db
    .select({ id: cycleFocusAreas.id, title: cycleFocusAreas.title, position: cycleFocusAreas.position })
    .from(cycleFocusAreas)
    .where(eq(cycleFocusAreas.cycleId, cycle.id))
    .orderBy(asc(cycleFocusAreas.position));
  const causeRows = await db
    .select({
      id: causes.id,
      text: causes.text,
      axis: causes.axis,
      problemId: problems.id,
      problemTitle: problems.title,
      problemPosition: problems.position,
      position: causes.position,
    })
    .from(causes)
    .innerJoin(problems, eq(problems.id, causes.problemId))
    .where(eq(problems.cycleId, cycle.id))
    .orderBy(asc(problems.position), asc(causes.position));
  const indicatorRows = await db
    .select()
    .from(indicators)
    .where(eq(indicators.agreementId, cycle.agreementId))
    .orderBy(asc(indicators.position));
  return { focusAreas, causes: causeRows, indicators: indicatorRows };
}

async function existingOrganisationIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (
    await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(inArray(organisations.id, [...ids]))
  ).map((r) => r.id);
}

async function checkRules(db: Queryable, cycle: CycleRow, data: ActionData) {
  const refs = await cycleReferences(db, cycle);
  const fields = actionRuleErrors(data, {
    cycle,
    focusAreaIds: refs.focusAreas.map((f) => f.id),
    causeIds: refs.causes.map((c) => c.id),
    indicatorIds: refs.indicators.map((i) => i.id),
    organisationIds: await existingOrganisationIds(db, data.responsibleIds),
  });
  if (fields.length) throw new AppError("VALIDATION", "validation.failed", { fields });
}

function columns(data: ActionData) {
  const { responsibleIds: _ignored, ...rest } = data;
  void _ignored;
  return rest;
}

async function setResponsibles(db: Queryable, actionId: string, ids: readonly string[]) {
  await db.delete(actionResponsibles).where(eq(actionResponsibles.actionId, actionId));
  if (ids.length)
    await db
      .insert(actionResponsibles)
      .values(ids.map((organisationId, position) => ({ actionId, organisationId, position })));
}

async function responsiblesOf(db: Queryable, actionIds: string[]) {
  if (actionIds.length === 0) return [];
  return db
    .select({
      actionId: actionResponsibles.actionId,
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      position: actionResponsibles.position,
    })
    .from(actionResponsibles)
    .innerJoin(organisations, eq(organisations.id, actionResponsibles.organisationId))
    .where(inArray(actionResponsibles.actionId, actionIds))
    .orderBy(asc(actionResponsibles.position));
}

/** Creates an action (åtgärdsplan row) in a cycle: the agreement's editors. */
export async function createAction(ctx: ServiceContext, input: CreateActionInput) {
  signedIn(ctx);
  const { cycleId, ...data } = parseInput(CreateActionInput, input);
  const { cycle } = await requireCycle(ctx, cycleId, "edit");
  await checkRules(ctx.db, cycle, data);
  const now = ctx.now();
  const created = await ctx.db.transaction(async (tx) => {
    const [{ top } = { top: null }] = await tx
      .select({ top: max(actions.position) })
      .from(actions)
      .where(eq(actions.cycleId, cycle.id));
    const [row] = await tx
      .insert(actions)
      .values({ ...columns(data), cycleId: cycle.id, position: (top ?? 0) + 1, lastActivityAt: now })
      .returning();
    await setResponsibles(tx, row!.id, data.responsibleIds);
    await recordAudit(
      tx,
      ctx,
      "action.created",
      { type: "action", id: row!.id },
      { after: { ...row, responsibleIds: data.responsibleIds } },
    );
    return row!;
  });
  return getAction(ctx, created.id);
}

/** What an action's fields are now, in the shape of the input (to merge a partial update into). */
function currentValues(action: ActionRow, responsibleIds: string[]): ActionData {
  return {
    cycleFocusAreaId: action.cycleFocusAreaId,
    causeId: action.causeId,
    title: action.title,
    description: action.description,
    kind: action.kind,
    horizon: action.horizon,
    responsibleIds,
    contactPerson: action.contactPerson,
    participants: action.participants,
    startsOn: action.startsOn,
    deadline: action.deadline,
    quantityTarget: action.quantityTarget,
    followUpMethod: action.followUpMethod,
    followUpFrequency: action.followUpFrequency,
    goal: action.goal,
    indicatorId: action.indicatorId,
    baselineYear: action.baselineYear,
    baselineValue: action.baselineValue,
    targetValue: action.targetValue,
    targetYear: action.targetYear,
    status: action.status,
    outcomeNote: action.outcomeNote,
    hoursSpent: action.hoursSpent,
  };
}

/** Changes an action (fields left out keep their value): the agreement's editors; send the version read. */
export async function updateAction(ctx: ServiceContext, input: UpdateActionInput) {
  signedIn(ctx);
  const { id, version, ...changes } = parseInput(UpdateActionInput, input);
  const { action, cycle, responsibleIds } = await requireAction(ctx, id, "edit");
  const data = parseInput(ActionValues, { ...currentValues(action, responsibleIds), ...changes });
  await checkRules(ctx.db, cycle, data);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(actions)
      .set({ ...columns(data), lastActivityAt: now, updatedAt: now, version: version + 1 })
      .where(and(eq(actions.id, id), eq(actions.version, version)))
      .returning();
    if (!updated) throw new AppError("CONFLICT", "common.changedByOthers");
    await setResponsibles(tx, id, data.responsibleIds);
    await recordAudit(
      tx,
      ctx,
      "action.updated",
      { type: "action", id },
      { before: { ...action, responsibleIds }, after: { ...updated, responsibleIds: data.responsibleIds } },
    );
  });
  return getAction(ctx, id);
}

/** Removes an action with its follow-ups: the agreement's editors; send the version read. */
export async function deleteAction(ctx: ServiceContext, input: DeleteActionInput) {
  signedIn(ctx);
  const data = parseInput(DeleteActionInput, input);
  const { action, responsibleIds } = await requireAction(ctx, data.id, "edit");
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(actions)
      .where(and(eq(actions.id, action.id), eq(actions.version, data.version)))
      .returning({ id: actions.id });
    if (!gone) throw new AppError("CONFLICT", "common.changedByOthers");
    await recordAudit(
      tx,
      ctx,
      "action.deleted",
      { type: "action", id: action.id },
      {
        before: { ...action, responsibleIds },
      },
    );
  });
  return { id: action.id, cycleId: action.cycleId };
}

/** Status, outcome and hours: what an action's owners (and the agreement's editors) may change. */
export async function updateActionProgress(ctx: ServiceContext, input: ActionProgressInput) {
  signedIn(ctx);
  const data = parseInput(ActionProgressInput, input);
  const { action } = await requireAction(ctx, data.actionId, "update");
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(actions)
      .set({
        status: data.status,
        outcomeNote: data.outcomeNote,
        hoursSpent: data.hoursSpent,
        lastActivityAt: now,
        updatedAt: now,
        version: data.version + 1,
      })
      .where(and(eq(actions.id, action.id), eq(actions.version, data.version)))
      .returning();
    if (!updated) throw new AppError("CONFLICT", "common.changedByOthers");
    await recordAudit(
      tx,
      ctx,
      "action.progressUpdated",
      { type: "action", id: action.id },
      {
        before: action,
        after: updated,
      },
    );
  });
  return getAction(ctx, action.id);
}

/** The read model of actions: what the plan, the cards and the report show of each. */
async function enrich(ctx: ServiceContext, rows: ActionRow[]) {
  const ids = rows.map((r) => r.id);
  const responsibles = await responsiblesOf(ctx.db, ids);
  const focusIds = [...new Set(rows.map((r) => r.cycleFocusAreaId).filter((v): v is string => !!v))];
  const causeIds = [...new Set(rows.map((r) => r.causeId).filter((v): v is string => !!v))];
  const focus = focusIds.length
    ? await ctx.db
        .select({ id: cycleFocusAreas.id, title: cycleFocusAreas.title, position: cycleFocusAreas.position })
        .from(cycleFocusAreas)
        .where(inArray(cycleFocusAreas.id, focusIds))
    : [];
  const causeRows = causeIds.length
    ? await ctx.db
        .select({
          id: causes.id,
          text: causes.text,
          axis: causes.axis,
          problem: { id: problems.id, title: problems.title },
        })
        .from(causes)
        .innerJoin(problems, eq(problems.id, causes.problemId))
        .where(inArray(causes.id, causeIds))
    : [];
  const followUpRows = ids.length
    ? await ctx.db
        .selectDistinctOn([followUps.actionId])
        .from(followUps)
        .where(inArray(followUps.actionId, ids))
        .orderBy(followUps.actionId, desc(followUps.on), desc(followUps.createdAt))
    : [];
  const now = ctx.now();
  return rows.map((r) => ({
    ...r,
    focusArea: focus.find((f) => f.id === r.cycleFocusAreaId) ?? null,
    cause: causeRows.find((c) => c.id === r.causeId) ?? null,
    responsibles: responsibles.filter((o) => o.actionId === r.id).map(({ id, name, kind }) => ({ id, name, kind })),
    lastFollowUp: followUpRows.find((f) => f.actionId === r.id) ?? null,
    daysSinceActivity: daysSince(r.lastActivityAt, now, todayInSweden),
  }));
}
export type ActionView = Awaited<ReturnType<typeof enrich>>[number];

/** The cycle's actions in plan order, with focus area, cause and problem, responsibles and last follow-up. */
export async function listActions(ctx: ServiceContext, cycleId: string) {
  const { cycle } = await requireCycle(ctx, cycleId, "read");
  const rows = await ctx.db
    .select()
    .from(actions)
    .where(eq(actions.cycleId, cycle.id))
    .orderBy(asc(actions.position), asc(actions.createdAt));
  return enrich(ctx, rows);
}

/** One action with its follow-ups; readable by the agreement's members and by the action's owners. */
export async function getAction(ctx: ServiceContext, actionId: string) {
  const { action, cycle, canEdit, canUpdate } = await requireAction(ctx, actionId, "read");
  const [view] = await enrich(ctx, [action]);
  const history = await ctx.db
    .select()
    .from(followUps)
    .where(eq(followUps.actionId, action.id))
    .orderBy(desc(followUps.on), desc(followUps.createdAt));
  const [indicator] = action.indicatorId
    ? await ctx.db.select().from(indicators).where(eq(indicators.id, action.indicatorId))
    : [];
  const [agreement] = await ctx.db
    .select({ id: agreements.id, title: agreements.title })
    .from(agreements)
    .where(eq(agreements.id, cycle.agreementId));
  const readsPlan = await requireCycle(ctx, cycle.id, "read").then(
    () => true,
    () => false,
  );
  return {
    ...view!,
    agreement: agreement!,
    readsPlan,
    followUps: history,
    indicator: indicator ?? null,
    cycle: {
      id: cycle.id,
      agreementId: cycle.agreementId,
      label: cycle.label,
      startsOn: cycle.startsOn,
      endsOn: cycle.endsOn,
    },
    canEdit,
    canUpdate,
  };
}
export type ActionDetail = Awaited<ReturnType<typeof getAction>>;

/**
 * What the action form offers: the cycle's focus areas, causes grouped by problem, the agreement's
 * indicators and bodies, and the organisations that may be responsible – the parties, their
 * departments and companies, and other organisations (authorities, associations).
 */
export async function actionFormOptions(ctx: ServiceContext, cycleId: string) {
  const { cycle, agreement } = await requireCycle(ctx, cycleId, "read");
  const refs = await cycleReferences(ctx.db, cycle);
  const partyIds = (
    await ctx.db
      .select({ id: agreementParties.organisationId })
      .from(agreementParties)
      .where(eq(agreementParties.agreementId, cycle.agreementId))
      .orderBy(asc(agreementParties.position))
  ).map((p) => p.id);
  const orgs = await ctx.db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(
      or(
        partyIds.length ? inArray(organisations.id, partyIds) : undefined,
        partyIds.length ? inArray(organisations.parentId, partyIds) : undefined,
        and(isNull(organisations.parentId), inArray(organisations.kind, ["authority", "other", "company"])),
      ),
    )
    .orderBy(asc(organisations.name));
  const parties = partyIds.map((id) => orgs.find((o) => o.id === id)).filter((o) => o !== undefined);
  const children = orgs.filter((o) => o.parentId !== null && partyIds.includes(o.parentId));
  const others = orgs.filter((o) => !partyIds.includes(o.id) && !children.includes(o));
  const problemsWithCauses: { id: string; title: string; causes: { id: string; text: string; axis: string }[] }[] = [];
  for (const c of refs.causes) {
    let p = problemsWithCauses.find((x) => x.id === c.problemId);
    if (!p) problemsWithCauses.push((p = { id: c.problemId, title: c.problemTitle, causes: [] }));
    p.causes.push({ id: c.id, text: c.text, axis: c.axis });
  }
  const bodyRows = await ctx.db
    .select({ id: bodies.id, name: bodies.name, kind: bodies.kind })
    .from(bodies)
    .where(eq(bodies.agreementId, cycle.agreementId))
    .orderBy(asc(bodies.position));
  return {
    agreement: { id: agreement.id, title: agreement.title },
    cycle,
    focusAreas: refs.focusAreas,
    problems: problemsWithCauses,
    indicators: refs.indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit })),
    organisations: { parties, children, others },
    bodies: bodyRows,
  };
}

function canEditCycle(ctx: ServiceContext, partyIds: string[]) {
  if (ctx.system) return true;
  return hasRoleInAny(requireActor(ctx), partyIds, "editor");
}

/** The plan page: the cycle, its actions, who adopted the plan, and whether the caller may edit. */
export async function getActionPlan(ctx: ServiceContext, cycleId: string) {
  const options = await actionFormOptions(ctx, cycleId);
  const list = await listActions(ctx, cycleId);
  const partyIds = [...options.organisations.parties.map((p) => p.id)];
  const adoptedBy = options.bodies.find((b) => b.id === options.cycle.planAdoptedByBodyId) ?? null;
  return { ...options, actions: list, adoptedBy, canEdit: canEditCycle(ctx, partyIds) };
}

/** Records that a body of the agreement adopted the cycle's action plan (cycles.version guards it). */
export async function adoptActionPlan(ctx: ServiceContext, input: AdoptActionPlanInput) {
  signedIn(ctx);
  const data = parseInput(AdoptActionPlanInput, input);
  const { cycle } = await requireCycle(ctx, data.cycleId, "edit");
  const [body] = await ctx.db
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.id, data.bodyId), eq(bodies.agreementId, cycle.agreementId)));
  if (!body)
    throw new AppError("VALIDATION", "validation.failed", {
      fields: [{ path: "bodyId", message: "actionPlan.bodyId.unknown" }],
    });
  return setAdoption(ctx, cycle, data.version, data.bodyId, data.adoptedOn, "cycle.actionPlanAdopted");
}

/** Withdraws the record of the action plan's adoption. */
export async function withdrawActionPlanAdoption(ctx: ServiceContext, input: WithdrawActionPlanInput) {
  signedIn(ctx);
  const data = parseInput(WithdrawActionPlanInput, input);
  const { cycle } = await requireCycle(ctx, data.cycleId, "edit");
  return setAdoption(ctx, cycle, data.version, null, null, "cycle.actionPlanAdoptionWithdrawn");
}

async function setAdoption(
  ctx: ServiceContext,
  cycle: CycleRow,
  version: number,
  bodyId: string | null,
  adoptedOn: string | null,
  auditAction: string,
) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(cycles)
      .set({ planAdoptedByBodyId: bodyId, planAdoptedOn: adoptedOn, updatedAt: now, version: version + 1 })
      .where(and(eq(cycles.id, cycle.id), eq(cycles.version, version)))
      .returning();
    if (!updated) throw new AppError("CONFLICT", "common.changedByOthers");
    await recordAudit(
      tx,
      ctx,
      auditAction,
      { type: "cycle", id: cycle.id },
      {
        before: { planAdoptedByBodyId: cycle.planAdoptedByBodyId, planAdoptedOn: cycle.planAdoptedOn, version },
        after: { planAdoptedByBodyId: bodyId, planAdoptedOn: adoptedOn, version: updated.version },
      },
    );
    return {
      cycleId: updated.id,
      planAdoptedByBodyId: updated.planAdoptedByBodyId,
      planAdoptedOn: updated.planAdoptedOn,
      version: updated.version,
    };
  });
}
