import { and, asc, eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "../../db/client.ts";
import { citizenPromises, communicationItems, type cycles } from "../../db/schema.ts";
import { optionalId } from "../../domain/cycles/actions.ts";
import { freeText, optionalIsoDate, requiredFreeText, uuidSchema } from "../../domain/shared/text.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { requireCycle } from "../cycle-core/access.ts";
import { signedIn } from "./actions.ts";

const itemFields = {
  message: requiredFreeText(2000),
  audience: freeText(300).default(""),
  channel: freeText(300).default(""),
  owner: freeText(300).default(""),
  plannedOn: optionalIsoDate,
  /** A citizen promise of the agreement the message is about. */
  promiseId: optionalId,
  /** Or a milestone, as free text ("Lägesbilden antagen"). */
  milestone: freeText(300).default(""),
  done: z.boolean().default(false),
};

export const CreateCommunicationItemInput = z.object({ cycleId: uuidSchema, ...itemFields }).strict();
export type CreateCommunicationItemInput = z.input<typeof CreateCommunicationItemInput>;
export const UpdateCommunicationItemInput = z
  .object({ id: uuidSchema, version: z.number().int().positive(), ...itemFields })
  .partial({
    message: true,
    audience: true,
    channel: true,
    owner: true,
    plannedOn: true,
    promiseId: true,
    milestone: true,
    done: true,
  })
  .strict();
export type UpdateCommunicationItemInput = z.input<typeof UpdateCommunicationItemInput>;
/** A delete carries the version read, like an update: a stale one is refused (CONFLICT). */
export const DeleteCommunicationItemInput = z.object({ id: uuidSchema, version: z.number().int().positive() }).strict();
export type DeleteCommunicationItemInput = z.input<typeof DeleteCommunicationItemInput>;

type CycleRow = typeof cycles.$inferSelect;
type ItemRow = typeof communicationItems.$inferSelect;

async function checkPromise(db: Queryable, cycle: CycleRow, promiseId: string | null | undefined) {
  if (!promiseId) return;
  const [p] = await db
    .select({ id: citizenPromises.id })
    .from(citizenPromises)
    .where(and(eq(citizenPromises.id, promiseId), eq(citizenPromises.agreementId, cycle.agreementId)));
  if (!p)
    throw new AppError("VALIDATION", "validation.failed", {
      fields: [{ path: "promiseId", message: "communication.promiseId.unknown" }],
    });
}

/** The cycle's kommunikationsplan, in order, with the promise each item is about. */
export async function listCommunicationItems(ctx: ServiceContext, cycleId: string) {
  const { cycle, agreement } = await requireCycle(ctx, cycleId, "read");
  const items = await ctx.db
    .select({ item: communicationItems, promiseText: citizenPromises.text })
    .from(communicationItems)
    .leftJoin(citizenPromises, eq(citizenPromises.id, communicationItems.promiseId))
    .where(eq(communicationItems.cycleId, cycle.id))
    .orderBy(asc(communicationItems.plannedOn), asc(communicationItems.position));
  const promises = await ctx.db
    .select({ id: citizenPromises.id, text: citizenPromises.text, promiser: citizenPromises.promiser })
    .from(citizenPromises)
    .where(eq(citizenPromises.agreementId, cycle.agreementId))
    .orderBy(asc(citizenPromises.position));
  let canEdit = true;
  try {
    await requireCycle(ctx, cycleId, "edit");
  } catch {
    canEdit = false;
  }
  return {
    agreement: { id: agreement.id, title: agreement.title },
    cycle,
    items: items.map((r) => ({ ...r.item, promiseText: r.promiseText })),
    promises,
    canEdit,
  };
}

export async function createCommunicationItem(ctx: ServiceContext, input: CreateCommunicationItemInput) {
  signedIn(ctx);
  const { cycleId, ...data } = parseInput(CreateCommunicationItemInput, input);
  const { cycle } = await requireCycle(ctx, cycleId, "edit");
  await checkPromise(ctx.db, cycle, data.promiseId);
  return ctx.db.transaction(async (tx) => {
    const [{ top } = { top: null }] = await tx
      .select({ top: max(communicationItems.position) })
      .from(communicationItems)
      .where(eq(communicationItems.cycleId, cycle.id));
    const [row] = await tx
      .insert(communicationItems)
      .values({ ...data, cycleId: cycle.id, position: (top ?? 0) + 1 })
      .returning();
    await recordAudit(tx, ctx, "communicationItem.created", { type: "communicationItem", id: row!.id }, { after: row });
    return row!;
  });
}

/** An item with its cycle checked for `need`; one the caller cannot read is "not found". */
async function requireItem(ctx: ServiceContext, id: string, need: "read" | "edit") {
  if (!uuidSchema.safeParse(id).success) throw new AppError("NOT_FOUND", "communication.notFound");
  const [item] = await ctx.db.select().from(communicationItems).where(eq(communicationItems.id, id));
  if (!item) throw new AppError("NOT_FOUND", "communication.notFound");
  try {
    const { cycle } = await requireCycle(ctx, item.cycleId, need);
    return { item, cycle };
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "communication.notFound");
    throw e;
  }
}

export async function updateCommunicationItem(ctx: ServiceContext, input: UpdateCommunicationItemInput) {
  signedIn(ctx);
  const { id, version, ...changes } = parseInput(UpdateCommunicationItemInput, input);
  const { item, cycle } = await requireItem(ctx, id, "edit");
  if (changes.promiseId !== undefined) await checkPromise(ctx.db, cycle, changes.promiseId);
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<ItemRow>;
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(communicationItems)
      .set({ ...set, version: version + 1 })
      .where(and(eq(communicationItems.id, id), eq(communicationItems.version, version)))
      .returning();
    if (!updated) throw new AppError("CONFLICT", "common.changedByOthers");
    await recordAudit(
      tx,
      ctx,
      "communicationItem.updated",
      { type: "communicationItem", id },
      {
        before: item,
        after: updated,
      },
    );
    return updated;
  });
}

export async function deleteCommunicationItem(ctx: ServiceContext, input: DeleteCommunicationItemInput) {
  signedIn(ctx);
  const data = parseInput(DeleteCommunicationItemInput, input);
  const { item } = await requireItem(ctx, data.id, "edit");
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(communicationItems)
      .where(and(eq(communicationItems.id, item.id), eq(communicationItems.version, data.version)))
      .returning({ id: communicationItems.id });
    if (!gone) throw new AppError("CONFLICT", "common.changedByOthers");
    await recordAudit(
      tx,
      ctx,
      "communicationItem.deleted",
      { type: "communicationItem", id: item.id },
      {
        before: item,
      },
    );
  });
  return { id: item.id, cycleId: item.cycleId };
}
