import { eq } from "drizzle-orm";
import { z } from "zod";
import { agreements, cycles } from "../../db/schema.ts";
import { verifyOneClick, type OneClickPayload } from "../../domain/cycles/one-click.ts";
import { actionStatuses } from "../../domain/cycles/vocabulary.ts";
import { freeText } from "../../domain/shared/text.ts";
import { AppError } from "../../errors.ts";
import { loadActor } from "../auth/users.ts";
import { requireAction } from "../cycle-core/access.ts";
import { addFollowUp } from "../cycle-core/follow-ups.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { appSecret } from "./secret.ts";

/**
 * Why a one-click link is refused. The page answers 400 (invalid), 410 (expired), 409 (used: the
 * action changed since the mail was made) or 403 (the user may no longer update the action).
 */
export type OneClickRefusal = "invalid" | "expired" | "used" | "forbidden";

export const oneClickRefusalStatus: Record<OneClickRefusal, number> = {
  invalid: 400,
  expired: 410,
  used: 409,
  forbidden: 403,
};

const refuse = (reason: OneClickRefusal) =>
  new AppError(
    reason === "used" ? "CONFLICT" : reason === "forbidden" ? "FORBIDDEN" : "VALIDATION",
    `oneClick.${reason}`,
  );

export function oneClickRefusalOf(e: unknown): OneClickRefusal | null {
  if (!(e instanceof AppError)) return null;
  const m = /^oneClick\.(invalid|expired|used|forbidden)$/.exec(e.messageKey);
  return m ? (m[1] as OneClickRefusal) : null;
}

/** Verifies the token and acts as its user: the token grants nothing but this action's follow-up. */
async function resolve(ctx: ServiceContext, token: string) {
  const check = verifyOneClick(token, await appSecret(ctx.db), ctx.now());
  if (!check.ok) throw refuse(check.reason === "expired" ? "expired" : "invalid");
  const payload: OneClickPayload = check.payload;
  const actor = await loadActor(ctx.db, payload.userId);
  if (!actor) throw refuse("forbidden");
  const userCtx: ServiceContext = { ...ctx, actor, system: false };
  let found;
  try {
    found = await requireAction(userCtx, payload.actionId, "update");
  } catch (e) {
    if (e instanceof AppError && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) throw refuse("forbidden");
    throw e;
  }
  return { payload, userCtx, action: found.action };
}

/** What the one-click page shows: the action, its status, and whether the link may still be used. */
export async function readOneClick(ctx: ServiceContext, token: string) {
  const { payload, userCtx, action } = await resolve(ctx, token);
  if (action.version !== payload.version) throw refuse("used");
  const [where] = await ctx.db
    .select({ agreementTitle: agreements.title, agreementId: agreements.id })
    .from(cycles)
    .innerJoin(agreements, eq(agreements.id, cycles.agreementId))
    .where(eq(cycles.id, action.cycleId));
  return {
    action: { id: action.id, title: action.title, status: action.status, deadline: action.deadline },
    agreementTitle: where?.agreementTitle ?? "",
    userName: userCtx.actor!.name,
    expiresAt: new Date(payload.exp * 1000).toISOString(),
  };
}

export const OneClickInput = z
  .object({
    status: z.union([z.enum(actionStatuses), z.literal("")]).default(""),
    note: freeText(4000).default(""),
  })
  .strict();

/**
 * Adds the follow-up through the shared addFollowUp (via "link"), as the token's user, with the
 * version from the token: if anyone changed the action since the mail was made, nothing is written.
 */
export async function applyOneClick(ctx: ServiceContext, token: string, input: z.input<typeof OneClickInput>) {
  const { payload, userCtx, action } = await resolve(ctx, token);
  if (action.version !== payload.version) throw refuse("used");
  const data = parseInput(OneClickInput, input);
  try {
    return await addFollowUp(
      userCtx,
      { actionId: action.id, version: payload.version, kind: "production", status: data.status, note: data.note },
      { via: "link" },
    );
  } catch (e) {
    if (e instanceof AppError && e.code === "CONFLICT") throw refuse("used");
    throw e;
  }
}
