import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { organisations, policeAreaCoverage } from "../../db/schema.ts";
import {
  CreateOrganisationInput,
  SetCoverageInput,
  UpdateOrganisationInput,
} from "../../domain/organisations/schemas.ts";
import { isUuid } from "../../domain/shared/text.ts";
import { AppError } from "../../errors.ts";
import { hasRole, requireActor } from "../core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { invalidateAgreementCache } from "../agreements/agreements.ts";

export type Organisation = typeof organisations.$inferSelect;
export type Coverage = typeof policeAreaCoverage.$inferSelect;

/**
 * Organisation names are not secret (kommuner, LPOs and their departments are public bodies), so
 * any signed-in user may list them to pick parties; anonymous visitors may not.
 */
export async function listOrganisations(ctx: ServiceContext, filter: { kind?: string } = {}): Promise<Organisation[]> {
  if (!ctx.system) requireActor(ctx);
  const where = filter.kind ? sql`${organisations.kind} = ${filter.kind}` : undefined;
  return ctx.db.select().from(organisations).where(where).orderBy(asc(organisations.name));
}

export async function getOrganisation(ctx: ServiceContext, id: string) {
  if (!ctx.system) requireActor(ctx);
  // A malformed id is simply not found (it would otherwise reach PostgreSQL as an invalid uuid: a 500).
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "organisation.notFound");
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, id));
  if (!org) throw new AppError("NOT_FOUND", "organisation.notFound");
  const coverage = await ctx.db
    .select()
    .from(policeAreaCoverage)
    .where(eq(policeAreaCoverage.policeAreaId, id))
    .orderBy(asc(policeAreaCoverage.validFrom), asc(policeAreaCoverage.municipalityCode));
  const children = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.parentId, id))
    .orderBy(asc(organisations.name));
  return { ...org, coverage, children };
}

/** Platform admins create any organisation; an organisation's admins add departments and companies under it. */
export function canManageOrganisation(
  ctx: ServiceContext,
  org: { kind: string; parentId: string | null; id?: string },
): boolean {
  if (ctx.system) return true;
  const actor = requireActor(ctx);
  if (actor.isPlatformAdmin) return true;
  if (org.id && hasRole(actor, org.id, "admin")) return true;
  return (
    (org.kind === "department" || org.kind === "company") && !!org.parentId && hasRole(actor, org.parentId, "admin")
  );
}

async function checkParent(ctx: ServiceContext, parentId: string | null, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId) throw fieldError("parentId", "organisation.parent.self");
  const [parent] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, parentId));
  if (!parent) throw fieldError("parentId", "organisation.parent.unknown");
}

function fieldError(path: string, message: string) {
  return new AppError("VALIDATION", "validation.failed", { fields: [{ path, message }] });
}

function uniqueViolation(e: unknown): boolean {
  const code =
    (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
}

export async function createOrganisation(ctx: ServiceContext, input: CreateOrganisationInput): Promise<Organisation> {
  const data = parseInput(CreateOrganisationInput, input);
  if (!canManageOrganisation(ctx, data)) throw new AppError("FORBIDDEN", "organisation.manageForbidden");
  await checkParent(ctx, data.parentId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [created] = await tx.insert(organisations).values(data).returning();
      await recordAudit(tx, ctx, "organisation.created", { type: "organisation", id: created!.id }, { after: created });
      return created!;
    });
  } catch (e) {
    if (uniqueViolation(e)) throw fieldError("municipalityCode", "organisation.municipalityCode.taken");
    throw e;
  }
}

export async function updateOrganisation(ctx: ServiceContext, input: UpdateOrganisationInput): Promise<Organisation> {
  const data = parseInput(UpdateOrganisationInput, input);
  const [before] = await ctx.db.select().from(organisations).where(eq(organisations.id, data.id));
  if (!before) throw new AppError("NOT_FOUND", "organisation.notFound");
  if (!canManageOrganisation(ctx, before)) throw new AppError("FORBIDDEN", "organisation.manageForbidden");
  await checkParent(ctx, data.parentId, data.id);
  const { id, version, ...fields } = data;
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(organisations)
        .set({ ...fields, version: version + 1, updatedAt: ctx.now() })
        .where(and(eq(organisations.id, id), eq(organisations.version, version)))
        .returning();
      if (!updated) throw new AppError("CONFLICT", "common.changedByOthers");
      await recordAudit(tx, ctx, "organisation.updated", { type: "organisation", id }, { before, after: updated });
      return updated;
    });
    // Agreement pages show party names.
    invalidateAgreementCache();
    return result;
  } catch (e) {
    if (uniqueViolation(e)) throw fieldError("municipalityCode", "organisation.municipalityCode.taken");
    throw e;
  }
}

/** Replaces which kommuner an LPO covers, with validity dates; bumps the LPO's version. */
export async function setPoliceAreaCoverage(ctx: ServiceContext, input: unknown) {
  const data = parseInput(SetCoverageInput, input);
  const [area] = await ctx.db.select().from(organisations).where(eq(organisations.id, data.policeAreaId));
  if (!area) throw new AppError("NOT_FOUND", "organisation.notFound");
  if (area.kind !== "lpo") throw fieldError("policeAreaId", "organisation.coverage.onlyLpo");
  if (!canManageOrganisation(ctx, area)) throw new AppError("FORBIDDEN", "organisation.manageForbidden");
  return ctx.db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(organisations)
      .set({ version: data.version + 1, updatedAt: ctx.now() })
      .where(and(eq(organisations.id, area.id), eq(organisations.version, data.version)))
      .returning();
    if (!bumped) throw new AppError("CONFLICT", "common.changedByOthers");
    const before = await tx.select().from(policeAreaCoverage).where(eq(policeAreaCoverage.policeAreaId, area.id));
    await tx.delete(policeAreaCoverage).where(eq(policeAreaCoverage.policeAreaId, area.id));
    const after = data.coverage.length
      ? await tx
          .insert(policeAreaCoverage)
          .values(data.coverage.map((c) => ({ ...c, policeAreaId: area.id })))
          .returning()
      : [];
    await recordAudit(tx, ctx, "policeArea.coverageSet", { type: "organisation", id: area.id }, { before, after });
    return { ...bumped, coverage: after };
  });
}

export async function organisationsByIds(ctx: ServiceContext, ids: string[]): Promise<Organisation[]> {
  if (ids.length === 0) return [];
  return ctx.db.select().from(organisations).where(inArray(organisations.id, ids));
}
