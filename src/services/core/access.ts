import { AppError } from "../../errors.ts";
import type { Actor, Role, ServiceContext } from "./context.ts";

const rank: Record<Role, number> = { viewer: 1, contributor: 2, editor: 3, admin: 4 };

export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED", "auth.signInRequired");
  return ctx.actor;
}

export function requirePlatformAdmin(ctx: ServiceContext): void {
  if (ctx.system) return;
  const actor = requireActor(ctx);
  if (!actor.isPlatformAdmin) throw new AppError("FORBIDDEN", "auth.platformAdminRequired");
}

export function hasRole(actor: Actor, organisationId: string, atLeast: Role): boolean {
  const role = actor.memberships.get(organisationId);
  return role !== undefined && rank[role] >= rank[atLeast];
}

export function hasRoleInAny(actor: Actor, organisationIds: Iterable<string>, atLeast: Role): boolean {
  for (const id of organisationIds) if (hasRole(actor, id, atLeast)) return true;
  return false;
}
