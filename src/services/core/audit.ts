import { auditLog } from "../../db/schema.ts";
import type { Queryable } from "../../db/client.ts";
import type { ServiceContext } from "./context.ts";

/** Drops secrets before anything reaches the audit log. */
function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) =>
      key === "passwordHash" || key === "tokenHash" || key === "content" ? undefined : v,
    ),
  ) as unknown;
}

/** One audit record per write, in the same transaction as the write itself. */
export async function recordAudit(
  tx: Queryable,
  ctx: ServiceContext,
  action: string,
  entity: { type: string; id: string },
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor ? `${ctx.actor.name} <${ctx.actor.email}>` : "system",
    action,
    entityType: entity.type,
    entityId: entity.id,
    before: scrub(change.before),
    after: scrub(change.after),
    requestId: ctx.requestId ?? null,
  });
}
