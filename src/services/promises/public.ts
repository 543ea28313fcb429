import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { agreementParties, citizenPromises, organisations } from "../../db/schema.ts";
import type { EffectSummary, ProgressState } from "../../domain/cycles/promises.ts";
import type { Promiser, PromiseVerdict } from "../../domain/cycles/vocabulary.ts";
import { municipalityBySlug, slugForMunicipalityCode } from "../../domain/reference/slug.ts";
import { municipalities } from "../../domain/reference/sweden.ts";
import { AppError } from "../../errors.ts";
import { requireAgreementFor } from "../cycle-core/access.ts";
import type { ServiceContext } from "../core/context.ts";
import { describePromises, type PromiseRow } from "./promises.ts";

/**
 * What the public sees of a promise: its words, period, progress and evaluation. Nothing internal:
 * no action titles, contact persons, staff names or drafts (the preview marks its drafts).
 */
export interface PublicPromise {
  id: string;
  promiser: Promiser;
  text: string;
  periodStart: string | null;
  periodEnd: string | null;
  status: "draft" | "published" | "closed";
  /** Preview only: not (or no longer) on the public page. */
  hidden: boolean;
  progress: { done: number; total: number; state: ProgressState };
  verdict: PromiseVerdict | null;
  verdictText: string;
  effectText: string;
  effects: EffectSummary[];
}

export interface PublicPromiseView {
  kommun: { name: string; slug: string } | null;
  /** Current promises grouped by who promises, in the order "Polisen lovar", "Kommunen lovar", "Tillsammans lovar vi". */
  current: { promiser: Promiser; promises: PublicPromise[] }[];
  /** "Så här gick det": closed periods with their evaluation, newest first. */
  closed: PublicPromise[];
}

const promiserOrder: Promiser[] = ["police", "kommun", "together"];

async function toPublicView(
  db: Queryable,
  rows: PromiseRow[],
  kommun: PublicPromiseView["kommun"],
): Promise<PublicPromiseView> {
  const views = await describePromises(db, rows);
  const items: PublicPromise[] = views.map((v) => ({
    id: v.id,
    promiser: v.promiser,
    text: v.text,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    status: v.status,
    hidden: !v.isPublic,
    progress: v.progress,
    verdict: v.status === "closed" ? v.verdict : null,
    verdictText: v.status === "closed" ? v.verdictText : "",
    effectText: v.status === "closed" ? v.effectText : "",
    effects: v.status === "closed" ? v.effects : [],
  }));
  const current = items.filter((i) => i.status !== "closed");
  return {
    kommun,
    current: promiserOrder
      .map((promiser) => ({ promiser, promises: current.filter((i) => i.promiser === promiser) }))
      .filter((g) => g.promises.length > 0),
    closed: items
      .filter((i) => i.status === "closed")
      .sort((a, b) => (b.periodEnd ?? "").localeCompare(a.periodEnd ?? "")),
  };
}

const publicOrder = [asc(citizenPromises.periodStart), asc(citizenPromises.position), asc(citizenPromises.createdAt)];

/**
 * The public page of a kommun, for anyone (no sign-in): the published promises (isPublic, published
 * or closed) of every agreement the kommun is a party to. An unknown slug is NOT_FOUND.
 */
export async function getPublicPromises(ctx: ServiceContext, slug: string): Promise<PublicPromiseView> {
  const m = municipalityBySlug(slug);
  if (!m) throw new AppError("NOT_FOUND", "public.kommunNotFound");
  const kommun = { name: m.name, slug };
  const agreementIds = ctx.db
    .select({ id: agreementParties.agreementId })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(and(eq(organisations.kind, "kommun"), eq(organisations.municipalityCode, m.code)));
  const rows = await ctx.db
    .select()
    .from(citizenPromises)
    .where(
      and(
        eq(citizenPromises.isPublic, true),
        inArray(citizenPromises.status, ["published", "closed"]),
        inArray(citizenPromises.agreementId, agreementIds),
      ),
    )
    .orderBy(...publicOrder);
  return toPublicView(ctx.db, rows, kommun);
}

/** Kommuner with at least one promise on their public page, by name. */
export async function listPublicKommuner(ctx: ServiceContext): Promise<{ name: string; slug: string }[]> {
  const rows = await ctx.db
    .selectDistinct({ code: organisations.municipalityCode })
    .from(citizenPromises)
    .innerJoin(agreementParties, eq(agreementParties.agreementId, citizenPromises.agreementId))
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(
      and(
        eq(citizenPromises.isPublic, true),
        inArray(citizenPromises.status, ["published", "closed"]),
        eq(organisations.kind, "kommun"),
      ),
    );
  const codes = new Set(rows.map((r) => r.code));
  return municipalities
    .filter((m) => codes.has(m.code))
    .map((m) => ({ name: m.name, slug: slugForMunicipalityCode(m.code)! }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/**
 * The public view of one agreement's promises as its members would publish them, drafts included
 * and marked hidden: "Förhandsvisning – utkast syns inte för allmänheten".
 */
export async function getPromisePreview(ctx: ServiceContext, agreementId: string) {
  const agreement = await requireAgreementFor(ctx, agreementId, "read");
  const rows = await ctx.db
    .select()
    .from(citizenPromises)
    .where(eq(citizenPromises.agreementId, agreementId))
    .orderBy(...publicOrder, desc(citizenPromises.updatedAt));
  const kommuner = await ctx.db
    .select({ code: organisations.municipalityCode })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(and(eq(agreementParties.agreementId, agreementId), eq(organisations.kind, "kommun")))
    .orderBy(asc(agreementParties.position));
  const pages = kommuner.flatMap((k) => {
    const m = municipalities.find((x) => x.code === k.code);
    return m ? [{ name: m.name, slug: slugForMunicipalityCode(m.code)! }] : [];
  });
  return {
    agreement: { id: agreement.id, title: agreement.title },
    pages,
    view: await toPublicView(ctx.db, rows, pages[0] ?? null),
  };
}
