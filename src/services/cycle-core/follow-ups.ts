import { and, eq } from "drizzle-orm";
import { actions, followUps } from "../../db/schema.ts";
import { AddFollowUpInput } from "../../domain/cycles/follow-ups.ts";
import { todayInSweden } from "../../domain/shared/dates.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { requireAction } from "./access.ts";

/**
 * Adds a follow-up entry to an action and, when it carries a status, sets the action's status; the
 * hours are added to the action's hours spent. One rule for the web, the API and the one-click
 * e-mail link (`via`), so they cannot disagree. The action's version guards against lost updates.
 */
export async function addFollowUp(
  ctx: ServiceContext,
  input: AddFollowUpInput,
  options: { via?: "web" | "api" | "link"; authorName?: string } = {},
) {
  const data = parseInput(AddFollowUpInput, input);
  const { action } = await requireAction(ctx, data.actionId, "update");
  if (!data.status && !data.note && data.quantity === null && data.hours === null)
    throw new AppError("VALIDATION", "validation.failed", {
      fields: [{ path: "note", message: "followUp.empty" }],
    });
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(actions)
      .set({
        status: data.status ?? action.status,
        hoursSpent: data.hours === null ? action.hoursSpent : (action.hoursSpent ?? 0) + data.hours,
        lastActivityAt: now,
        updatedAt: now,
        version: data.version + 1,
      })
      .where(and(eq(actions.id, action.id), eq(actions.version, data.version)))
      .returning();
    if (!updated) throw new AppError("CONFLICT", "common.changedByOthers");
    const [entry] = await tx
      .insert(followUps)
      .values({
        actionId: action.id,
        on: data.on ?? todayInSweden(now),
        kind: data.kind,
        authorUserId: ctx.actor?.userId ?? null,
        authorName: options.authorName ?? ctx.actor?.name ?? "system",
        status: data.status,
        note: data.note,
        quantity: data.quantity,
        hours: data.hours,
        via: options.via ?? "web",
      })
      .returning();
    await recordAudit(
      tx,
      ctx,
      "action.followUpAdded",
      { type: "action", id: action.id },
      { before: action, after: { action: updated, followUp: entry } },
    );
    return { action: updated!, followUp: entry! };
  });
}
