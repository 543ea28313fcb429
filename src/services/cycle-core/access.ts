import { eq } from "drizzle-orm";
import { actionResponsibles, actions, agreementParties, cycles } from "../../db/schema.ts";
import { isUuid } from "../../domain/shared/text.ts";
import { AppError } from "../../errors.ts";
import { requireAgreement } from "../agreements/agreements.ts";
import { hasRoleInAny, requireActor } from "../core/access.ts";
import type { ServiceContext } from "../core/context.ts";

export type CycleRow = typeof cycles.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;

/**
 * The agreement an item belongs to, checked for the caller: read needs membership of a party (or of
 * a party's child organisation), edit needs editor or admin in a party. Not readable → NOT_FOUND,
 * with the item's own message key, so the answer does not reveal that it exists.
 */
export async function requireAgreementFor(
  ctx: ServiceContext,
  agreementId: string,
  need: "read" | "edit",
  notFoundKey = "agreement.notFound",
) {
  try {
    return await requireAgreement(ctx, agreementId, need);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") throw new AppError("NOT_FOUND", notFoundKey);
    throw e;
  }
}

/** A cycle and its agreement, checked like the agreement (cycles are as visible as their agreement). */
export async function requireCycle(ctx: ServiceContext, cycleId: string, need: "read" | "edit") {
  if (!isUuid(cycleId)) throw new AppError("NOT_FOUND", "cycle.notFound");
  const [cycle] = await ctx.db.select().from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) throw new AppError("NOT_FOUND", "cycle.notFound");
  const agreement = await requireAgreementFor(ctx, cycle.agreementId, need, "cycle.notFound");
  return { cycle, agreement };
}

export type ActionNeed =
  /** See the action. */
  | "read"
  /** Set its status, outcome and hours, add follow-ups: the action's owners. */
  | "update"
  /** Change everything, remove it: the agreement's editors. */
  | "edit";

/**
 * An action with the right to do `need` with it. Its owners are the members (contributor or more) of
 * a responsible organisation, even one that is not a party to the agreement (a housing company, the
 * räddningstjänst): they may read and update their own actions without reading the whole agreement.
 */
export async function requireAction(ctx: ServiceContext, actionId: string, need: ActionNeed) {
  if (!isUuid(actionId)) throw new AppError("NOT_FOUND", "action.notFound");
  const [action] = await ctx.db.select().from(actions).where(eq(actions.id, actionId));
  if (!action) throw new AppError("NOT_FOUND", "action.notFound");
  const [cycle] = await ctx.db.select().from(cycles).where(eq(cycles.id, action.cycleId));
  if (!cycle) throw new AppError("NOT_FOUND", "action.notFound");
  const responsibleIds = (
    await ctx.db
      .select({ id: actionResponsibles.organisationId })
      .from(actionResponsibles)
      .where(eq(actionResponsibles.actionId, actionId))
  ).map((r) => r.id);
  if (ctx.system) return { action, cycle, responsibleIds, canEdit: true, canUpdate: true };
  const actor = requireActor(ctx);
  const partyIds = (
    await ctx.db
      .select({ id: agreementParties.organisationId })
      .from(agreementParties)
      .where(eq(agreementParties.agreementId, cycle.agreementId))
  ).map((p) => p.id);
  const readsAgreement = partyIds.some((p) => actor.readableOrganisationIds.includes(p));
  const owner = hasRoleInAny(actor, responsibleIds, "contributor");
  const memberOfResponsible = hasRoleInAny(actor, responsibleIds, "viewer");
  if (!readsAgreement && !memberOfResponsible) throw new AppError("NOT_FOUND", "action.notFound");
  const canEdit = hasRoleInAny(actor, partyIds, "editor");
  const canUpdate = canEdit || owner;
  if (need === "edit" && !canEdit) throw new AppError("FORBIDDEN", "action.editForbidden");
  if (need === "update" && !canUpdate) throw new AppError("FORBIDDEN", "action.updateForbidden");
  return { action, cycle, responsibleIds, canEdit, canUpdate };
}
