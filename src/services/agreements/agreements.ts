import { createHash } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client.ts";
import {
  agreementParties,
  agreements,
  annexes,
  bodies,
  files,
  focusAreas,
  organisations,
  signatories,
} from "../../db/schema.ts";
import {
  CreateAgreementInput,
  CreateFocusAreaInput,
  SetAnnexesInput,
  SetBodiesInput,
  SetFocusAreasInput,
  SetSignatoriesInput,
  TerminateAgreementInput,
  UpdateAgreementInput,
  UpdateFocusAreaInput,
} from "../../domain/agreements/schemas.ts";
import { agreementStatus, expiryWarning } from "../../domain/agreements/status.ts";
import { todayInSweden } from "../../domain/shared/dates.ts";
import { isUuid } from "../../domain/shared/text.ts";
import { AppError, type FieldError } from "../../errors.ts";
import { hasRoleInAny, requireActor } from "../core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";

type AgreementRow = typeof agreements.$inferSelect;

/** Organisations whose agreements the actor may read: its own, and the parents of its own. */
function readableOrganisationIds(ctx: ServiceContext): readonly string[] {
  return requireActor(ctx).readableOrganisationIds;
}

async function partiesOf(db: Queryable, agreementIds: string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .select({
      agreementId: agreementParties.agreementId,
      organisationId: agreementParties.organisationId,
      role: agreementParties.role,
      position: agreementParties.position,
      contactName: agreementParties.contactName,
      contactTitle: agreementParties.contactTitle,
      contactEmail: agreementParties.contactEmail,
      contactPhone: agreementParties.contactPhone,
      name: organisations.name,
      kind: organisations.kind,
      municipalityCode: organisations.municipalityCode,
    })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(inArray(agreementParties.agreementId, agreementIds))
    .orderBy(asc(agreementParties.position));
}

/**
 * Loads an agreement the actor may see. Anyone who may not read it gets NOT_FOUND, so the answer
 * does not reveal that it exists.
 */
export async function requireAgreement(ctx: ServiceContext, id: string, need: "read" | "edit"): Promise<AgreementRow> {
  const actor = ctx.system ? null : requireActor(ctx);
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "agreement.notFound");
  const [row] = await ctx.db.select().from(agreements).where(eq(agreements.id, id));
  if (!row) throw new AppError("NOT_FOUND", "agreement.notFound");
  if (!actor) return row;
  const partyIds = (await ctx.db.select().from(agreementParties).where(eq(agreementParties.agreementId, id))).map(
    (p) => p.organisationId,
  );
  const readable = readableOrganisationIds(ctx);
  if (!partyIds.some((p) => readable.includes(p))) throw new AppError("NOT_FOUND", "agreement.notFound");
  if (need === "edit" && !hasRoleInAny(actor, partyIds, "editor"))
    throw new AppError("FORBIDDEN", "agreement.editForbidden");
  return row;
}

export async function canEditAgreement(ctx: ServiceContext, id: string): Promise<boolean> {
  try {
    await requireAgreement(ctx, id, "edit");
    return true;
  } catch {
    return false;
  }
}

function derive(ctx: ServiceContext, row: AgreementRow, sigs: { signedOn: string | null }[]) {
  const today = todayInSweden(ctx.now());
  const input = { ...row, signatories: sigs };
  return {
    status: agreementStatus(input, today),
    warning: expiryWarning(input, today, ctx.config.expiryWarningDays),
  };
}

export async function listAgreements(ctx: ServiceContext) {
  const orgIds = ctx.system ? null : readableOrganisationIds(ctx);
  if (orgIds && orgIds.length === 0) return [];
  const rows = await ctx.db
    .select()
    .from(agreements)
    .where(
      orgIds
        ? inArray(
            agreements.id,
            ctx.db
              .select({ id: agreementParties.agreementId })
              .from(agreementParties)
              .where(inArray(agreementParties.organisationId, orgIds)),
          )
        : undefined,
    )
    .orderBy(asc(agreements.title));
  const ids = rows.map((r) => r.id);
  const parties = await partiesOf(ctx.db, ids);
  const sigs = ids.length
    ? await ctx.db
        .select({ agreementId: signatories.agreementId, signedOn: signatories.signedOn })
        .from(signatories)
        .where(inArray(signatories.agreementId, ids))
    : [];
  return rows.map((row) => ({
    ...row,
    parties: parties.filter((p) => p.agreementId === row.id),
    ...derive(
      ctx,
      row,
      sigs.filter((s) => s.agreementId === row.id),
    ),
  }));
}

export interface AnnexView {
  id: string;
  position: number;
  title: string;
  kind: (typeof annexes.$inferSelect)["kind"];
  url: string | null;
  fileId: string | null;
  filename: string | null;
  mediaType: string | null;
  size: number | null;
}

/**
 * The whole agreement in one round trip: the hottest read in the product, so the nested lists are
 * assembled by PostgreSQL as JSON instead of six separate queries.
 */
async function fetchBundle(db: Queryable, id: string) {
  const result = await db.execute<{ bundle: Record<string, unknown> | null }>(sql`
    select json_build_object(
      'row', to_jsonb(a),
      'parties', coalesce((select json_agg(json_build_object(
          'agreementId', p.agreement_id, 'organisationId', p.organisation_id, 'role', p.role, 'position', p.position,
          'contactName', p.contact_name, 'contactTitle', p.contact_title, 'contactEmail', p.contact_email,
          'contactPhone', p.contact_phone, 'name', o.name, 'kind', o.kind, 'municipalityCode', o.municipality_code)
          order by p.position)
        from agreement_parties p join organisations o on o.id = p.organisation_id where p.agreement_id = a.id), '[]'),
      'signatories', coalesce((select json_agg(json_build_object(
          'id', s.id, 'agreementId', s.agreement_id, 'position', s.position, 'name', s.name, 'title', s.title,
          'organisationId', s.organisation_id, 'place', s.place, 'signedOn', s.signed_on) order by s.position)
        from signatories s where s.agreement_id = a.id), '[]'),
      'bodies', coalesce((select json_agg(json_build_object(
          'id', b.id, 'agreementId', b.agreement_id, 'position', b.position, 'name', b.name, 'kind', b.kind,
          'mandate', b.mandate, 'members', b.members) order by b.position)
        from bodies b where b.agreement_id = a.id), '[]'),
      'annexes', coalesce((select json_agg(json_build_object(
          'id', x.id, 'position', x.position, 'title', x.title, 'kind', x.kind, 'url', x.url, 'fileId', x.file_id,
          'filename', f.filename, 'mediaType', f.media_type, 'size', f.size) order by x.position)
        from annexes x left join files f on f.id = x.file_id where x.agreement_id = a.id), '[]'),
      'focusAreas', coalesce((select json_agg(json_build_object(
          'id', fa.id, 'agreementId', fa.agreement_id, 'position', fa.position, 'title', fa.title,
          'description', fa.description) order by fa.position)
        from focus_areas fa where fa.agreement_id = a.id), '[]')
    ) as bundle
    from agreements a where a.id = ${id}`);
  const bundle = result.rows[0]?.bundle as
    | {
        row: Record<string, unknown>;
        parties: Awaited<ReturnType<typeof partiesOf>>;
        signatories: (typeof signatories.$inferSelect)[];
        bodies: (typeof bodies.$inferSelect)[];
        annexes: AnnexView[];
        focusAreas: (typeof focusAreas.$inferSelect)[];
      }
    | undefined;
  if (!bundle) return undefined;
  const r = bundle.row;
  const row: AgreementRow = {
    id: r.id as string,
    title: r.title as string,
    purpose: r.purpose as string,
    method: r.method as string,
    organisationText: r.organisation_text as string,
    commitments: r.commitments as string[],
    validFrom: r.valid_from as string | null,
    validTo: r.valid_to as string | null,
    untilFurtherNotice: r.until_further_notice as boolean,
    revisionNote: r.revision_note as string,
    terminable: r.terminable as boolean,
    signedOn: r.signed_on as string | null,
    terminatedOn: r.terminated_on as string | null,
    terminationNote: r.termination_note as string,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
    version: r.version as number,
  };
  return { ...bundle, row };
}

function toView(ctx: ServiceContext, { row, ...lists }: Bundle) {
  return { ...row, ...derive(ctx, row, lists.signatories), ...lists };
}
export type AgreementView = ReturnType<typeof toView>;

/** The uncached read, for write paths: inside a transaction it sees the transaction's own changes. */
async function loadView(ctx: ServiceContext, db: Queryable, id: string): Promise<AgreementView> {
  const bundle = await fetchBundle(db, id);
  if (!bundle) throw new AppError("NOT_FOUND", "agreement.notFound");
  return toView(ctx, bundle);
}

/**
 * A short read cache of whole agreements, per process. Writes in this process drop the entry after
 * commit; a generation counter stops a read that began before a write from caching what it saw.
 * Other instances may serve an agreement up to BUNDLE_CACHE_MS old; saving from a stale read is
 * still safe, because the version check refuses it (docs/decisions/0004).
 */
const BUNDLE_CACHE_MS = 2_000;
type Bundle = NonNullable<Awaited<ReturnType<typeof fetchBundle>>>;
const bundleCache = new Map<string, { bundle: Bundle; until: number }>();
let cacheGeneration = 0;

/** Call after any committed change that alters what getAgreement returns. */
export function invalidateAgreementCache(id?: string) {
  cacheGeneration++;
  if (id) bundleCache.delete(id);
  else bundleCache.clear();
}

async function cachedBundle(ctx: ServiceContext, id: string): Promise<Bundle | undefined> {
  const now = Date.now();
  const hit = bundleCache.get(id);
  if (hit && hit.until > now) return hit.bundle;
  const generation = cacheGeneration;
  const bundle = await fetchBundle(ctx.db, id);
  if (bundle && generation === cacheGeneration) {
    if (bundleCache.size > 5_000) bundleCache.clear();
    bundleCache.set(id, { bundle, until: now + BUNDLE_CACHE_MS });
  }
  return bundle;
}

export async function getAgreement(ctx: ServiceContext, id: string): Promise<AgreementView> {
  const actor = ctx.system ? null : requireActor(ctx);
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "agreement.notFound");
  const bundle = await cachedBundle(ctx, id);
  if (!bundle) throw new AppError("NOT_FOUND", "agreement.notFound");
  if (actor) {
    const readable = readableOrganisationIds(ctx);
    if (!bundle.parties.some((p) => readable.includes(p.organisationId)))
      throw new AppError("NOT_FOUND", "agreement.notFound");
  }
  return toView(ctx, bundle);
}

function invalid(fields: FieldError[]) {
  return new AppError("VALIDATION", "validation.failed", { fields });
}

/** Parties must be known organisations, with at least one kommun and one LPO. */
async function resolveParties(ctx: ServiceContext, parties: { organisationId: string }[]) {
  const ids = parties.map((p) => p.organisationId);
  const orgs = ids.length ? await ctx.db.select().from(organisations).where(inArray(organisations.id, ids)) : [];
  const fields: FieldError[] = [];
  parties.forEach((p, i) => {
    if (!orgs.some((o) => o.id === p.organisationId))
      fields.push({ path: `parties.${i}.organisationId`, message: "agreement.parties.unknown" });
  });
  if (!orgs.some((o) => o.kind === "kommun"))
    fields.push({ path: "parties", message: "agreement.parties.kommunRequired" });
  if (!orgs.some((o) => o.kind === "lpo")) fields.push({ path: "parties", message: "agreement.parties.lpoRequired" });
  if (fields.length) throw invalid(fields);
  return parties.map((p, position) => {
    const kind = orgs.find((o) => o.id === p.organisationId)!.kind;
    return {
      ...p,
      position,
      role: kind === "kommun" ? ("kommun" as const) : kind === "lpo" ? ("lpo" as const) : ("other" as const),
    };
  });
}

async function writeParties(tx: Tx, agreementId: string, parties: Awaited<ReturnType<typeof resolveParties>>) {
  await tx.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
  await tx.insert(agreementParties).values(parties.map((p) => ({ ...p, agreementId })));
}

export async function createAgreement(ctx: ServiceContext, input: CreateAgreementInput): Promise<AgreementView> {
  const actor = ctx.system ? null : requireActor(ctx);
  const data = parseInput(CreateAgreementInput, input);
  const parties = await resolveParties(ctx, data.parties);
  // You may only create agreements your own organisation is a party to.
  if (
    actor &&
    !hasRoleInAny(
      actor,
      parties.map((p) => p.organisationId),
      "editor",
    )
  )
    throw new AppError("FORBIDDEN", "agreement.createForbidden");
  const { parties: _p, ...fields } = data;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(agreements).values(fields).returning();
    await writeParties(tx, row!.id, parties);
    const view = await loadView(ctx, tx, row!.id);
    await recordAudit(tx, ctx, "agreement.created", { type: "agreement", id: row!.id }, { after: view });
    return view;
  });
}

/**
 * Every change to an agreement or anything it holds bumps the agreement's version, so one version
 * number guards the whole agreement against lost updates.
 */
async function bumpVersion(
  ctx: ServiceContext,
  tx: Tx,
  id: string,
  version: number,
  fields: Partial<AgreementRow> = {},
) {
  const [updated] = await tx
    .update(agreements)
    .set({ ...fields, version: version + 1, updatedAt: ctx.now() })
    .where(and(eq(agreements.id, id), eq(agreements.version, version)))
    .returning();
  if (!updated) throw new AppError("CONFLICT", "common.changedByOthers");
  return updated;
}

async function editAgreement(
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: AgreementRow) => Promise<Partial<AgreementRow> | void>,
): Promise<AgreementView> {
  const current = await requireAgreement(ctx, id, "edit");
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await loadView(ctx, tx, current.id);
      const fields = (await change(tx, current)) ?? {};
      await bumpVersion(ctx, tx, id, version, fields);
      const after = await loadView(ctx, tx, id);
      await recordAudit(tx, ctx, action, { type: "agreement", id }, { before, after });
      return after;
    });
  } finally {
    invalidateAgreementCache(id);
  }
}

export async function updateAgreement(ctx: ServiceContext, input: UpdateAgreementInput): Promise<AgreementView> {
  const data = parseInput(UpdateAgreementInput, input);
  const parties = await resolveParties(ctx, data.parties);
  const { id, version, parties: _p, ...fields } = data;
  return editAgreement(ctx, id, version, "agreement.updated", async (tx) => {
    await writeParties(tx, id, parties);
    return fields;
  });
}

async function checkOrganisationRefs(ctx: ServiceContext, refs: { path: string; id: string | null }[]) {
  const ids = [...new Set(refs.flatMap((r) => (r.id ? [r.id] : [])))];
  if (!ids.length) return;
  const known = new Set(
    (await ctx.db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids))).map(
      (o) => o.id,
    ),
  );
  const fields = refs
    .filter((r) => r.id && !known.has(r.id))
    .map((r) => ({ path: r.path, message: "organisation.notFound" }));
  if (fields.length) throw invalid(fields);
}

export async function setSignatories(ctx: ServiceContext, input: unknown): Promise<AgreementView> {
  const data = parseInput(SetSignatoriesInput, input);
  await checkOrganisationRefs(
    ctx,
    data.signatories.map((s, i) => ({ path: `signatories.${i}.organisationId`, id: s.organisationId })),
  );
  return editAgreement(ctx, data.agreementId, data.version, "agreement.signatoriesSet", async (tx) => {
    await tx.delete(signatories).where(eq(signatories.agreementId, data.agreementId));
    if (data.signatories.length)
      await tx
        .insert(signatories)
        .values(data.signatories.map((s, position) => ({ ...s, position, agreementId: data.agreementId })));
  });
}

export async function setBodies(ctx: ServiceContext, input: unknown): Promise<AgreementView> {
  const data = parseInput(SetBodiesInput, input);
  await checkOrganisationRefs(
    ctx,
    data.bodies.flatMap((b, i) =>
      b.members.map((m, j) => ({ path: `bodies.${i}.members.${j}.organisationId`, id: m.organisationId })),
    ),
  );
  return editAgreement(ctx, data.agreementId, data.version, "agreement.bodiesSet", async (tx) => {
    await tx.delete(bodies).where(eq(bodies.agreementId, data.agreementId));
    if (data.bodies.length)
      await tx
        .insert(bodies)
        .values(data.bodies.map((b, position) => ({ ...b, position, agreementId: data.agreementId })));
  });
}

/** Replaces the annex list. Files are uploaded first (addAnnexFile) and referenced by id here. */
export async function setAnnexes(ctx: ServiceContext, input: unknown): Promise<AgreementView> {
  const data = parseInput(SetAnnexesInput, input);
  const fields: FieldError[] = [];
  data.annexes.forEach((a, i) => {
    if (!a.url && !a.fileId) fields.push({ path: `annexes.${i}.url`, message: "annex.fileOrLinkRequired" });
  });
  if (fields.length) throw invalid(fields);
  return editAgreement(ctx, data.agreementId, data.version, "agreement.annexesSet", async (tx) => {
    const existing = await tx
      .select({ fileId: annexes.fileId })
      .from(annexes)
      .where(eq(annexes.agreementId, data.agreementId));
    const allowed = new Set(existing.flatMap((e) => (e.fileId ? [e.fileId] : [])));
    data.annexes.forEach((a, i) => {
      if (a.fileId && !allowed.has(a.fileId))
        throw invalid([{ path: `annexes.${i}.fileId`, message: "annex.unknownFile" }]);
    });
    await tx.delete(annexes).where(eq(annexes.agreementId, data.agreementId));
    if (data.annexes.length)
      await tx
        .insert(annexes)
        .values(data.annexes.map((a, position) => ({ ...a, position, agreementId: data.agreementId })));
  });
}

export async function addAnnexFile(
  ctx: ServiceContext,
  input: {
    agreementId: string;
    version: number;
    title: string;
    kind: string;
    filename: string;
    mediaType: string;
    content: Buffer;
  },
): Promise<AgreementView> {
  const meta = parseInput(SetAnnexesInput, {
    agreementId: input.agreementId,
    version: input.version,
    annexes: [{ title: input.title, kind: input.kind, url: "https://placeholder.invalid" }],
  });
  if (input.content.length === 0) throw invalid([{ path: "file", message: "annex.emptyFile" }]);
  if (input.content.length > ctx.config.maxUploadBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", "upload.tooLarge", {
      params: { mb: Math.round(ctx.config.maxUploadBytes / 1048576) },
    });
  // Path separators and control characters would make a download's file name unsafe.
  // eslint-disable-next-line no-control-regex
  const filename = input.filename.replace(/[\\/\u0000-\u001f]/g, "_").slice(0, 200) || "bilaga";
  return editAgreement(ctx, input.agreementId, input.version, "agreement.annexAdded", async (tx) => {
    const [file] = await tx
      .insert(files)
      .values({
        filename,
        mediaType: input.mediaType || "application/octet-stream",
        size: input.content.length,
        sha256: createHash("sha256").update(input.content).digest("hex"),
        content: input.content,
      })
      .returning({ id: files.id });
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(annexes)
      .where(eq(annexes.agreementId, input.agreementId));
    await tx.insert(annexes).values({
      agreementId: input.agreementId,
      position: n,
      title: meta.annexes[0]!.title,
      kind: meta.annexes[0]!.kind,
      fileId: file!.id,
    });
  });
}

export async function getAnnexFile(ctx: ServiceContext, agreementId: string, annexId: string) {
  await requireAgreement(ctx, agreementId, "read");
  const [row] = await ctx.db
    .select({ filename: files.filename, mediaType: files.mediaType, content: files.content })
    .from(annexes)
    .innerJoin(files, eq(files.id, annexes.fileId))
    .where(and(eq(annexes.id, annexId), eq(annexes.agreementId, agreementId)));
  if (!row) throw new AppError("NOT_FOUND", "annex.notFound");
  return row;
}

/** Replaces the ordered focus areas, keeping the ids of those that stay (later modules link to them). */
export async function setFocusAreas(ctx: ServiceContext, input: unknown): Promise<AgreementView> {
  const data = parseInput(SetFocusAreasInput, input);
  return editAgreement(ctx, data.agreementId, data.version, "agreement.focusAreasSet", async (tx) => {
    const existing = await tx.select().from(focusAreas).where(eq(focusAreas.agreementId, data.agreementId));
    const keep = new Set(data.focusAreas.flatMap((f) => (f.id ? [f.id] : [])));
    data.focusAreas.forEach((f, i) => {
      if (f.id && !existing.some((e) => e.id === f.id))
        throw invalid([{ path: `focusAreas.${i}.id`, message: "focusArea.notFound" }]);
    });
    const removed = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
    if (removed.length) await tx.delete(focusAreas).where(inArray(focusAreas.id, removed));
    for (const [position, f] of data.focusAreas.entries()) {
      if (f.id)
        await tx
          .update(focusAreas)
          .set({ title: f.title, description: f.description, position })
          .where(eq(focusAreas.id, f.id));
      else
        await tx
          .insert(focusAreas)
          .values({ agreementId: data.agreementId, title: f.title, description: f.description, position });
    }
  });
}

export async function listFocusAreas(ctx: ServiceContext, agreementId: string) {
  await requireAgreement(ctx, agreementId, "read");
  return ctx.db
    .select()
    .from(focusAreas)
    .where(eq(focusAreas.agreementId, agreementId))
    .orderBy(asc(focusAreas.position));
}

async function focusAreaAgreement(ctx: ServiceContext, id: string) {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", "focusArea.notFound");
  const [fa] = await ctx.db.select().from(focusAreas).where(eq(focusAreas.id, id));
  if (!fa) throw new AppError("NOT_FOUND", "focusArea.notFound");
  return fa;
}

export async function getFocusArea(ctx: ServiceContext, id: string) {
  const fa = await focusAreaAgreement(ctx, id);
  try {
    await requireAgreement(ctx, fa.agreementId, "read");
  } catch (e) {
    throw e instanceof AppError && e.code === "NOT_FOUND" ? new AppError("NOT_FOUND", "focusArea.notFound") : e;
  }
  return fa;
}

export async function createFocusArea(ctx: ServiceContext, input: unknown) {
  const data = parseInput(CreateFocusAreaInput, input);
  const view = await editAgreement(ctx, data.agreementId, data.version, "focusArea.created", async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(focusAreas)
      .where(eq(focusAreas.agreementId, data.agreementId));
    await tx
      .insert(focusAreas)
      .values({ agreementId: data.agreementId, title: data.title, description: data.description, position: n });
  });
  return view.focusAreas[view.focusAreas.length - 1]!;
}

/** `version` is the agreement's version: one concurrency token for everything the agreement holds. */
export async function updateFocusArea(ctx: ServiceContext, input: unknown) {
  const data = parseInput(UpdateFocusAreaInput, input);
  const fa = await getFocusArea(ctx, data.id);
  const view = await editAgreement(ctx, fa.agreementId, data.version, "focusArea.updated", async (tx) => {
    await tx
      .update(focusAreas)
      .set({ title: data.title, description: data.description })
      .where(eq(focusAreas.id, data.id));
  });
  return view.focusAreas.find((f) => f.id === data.id)!;
}

export async function terminateAgreement(ctx: ServiceContext, input: unknown): Promise<AgreementView> {
  const data = parseInput(TerminateAgreementInput, input);
  return editAgreement(ctx, data.agreementId, data.version, "agreement.terminated", async (_tx, row) => {
    if (data.terminatedOn && row.validFrom && data.terminatedOn < row.validFrom)
      throw invalid([{ path: "terminatedOn", message: "agreement.validity.endBeforeStart" }]);
    return { terminatedOn: data.terminatedOn, terminationNote: data.note };
  });
}
