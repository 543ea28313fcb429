/**
 * Importing a document: extraction gives a draft to review (nothing is saved), confirmation saves
 * what the person corrected — a new agreement, or focus areas and an annex on an existing one —
 * and always keeps the uploaded file itself as an annex.
 *
 * Action-plan rows and citizen promises are extracted but not saved: there is no model for
 * åtgärdsplaner and medborgarlöften yet (a later issue).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import {
  CreateAgreementInput,
  SetAnnexesInput,
  SetFocusAreasInput,
  SetSignatoriesInput,
  signatoryInput,
} from "../../domain/agreements/schemas.ts";
import { freeText, optionalIsoDate, requiredFreeText, text, uuidSchema } from "../../domain/shared/text.ts";
import { AppError, type FieldError } from "../../errors.ts";
import { importDocument, ImportError, type ImportDraft } from "../../importers/index.ts";
import { documentKinds, type DocumentKind } from "../../importers/types.ts";
import {
  invalidateAgreementCache,
  addAnnexFile,
  createAgreement,
  getAgreement,
  setFocusAreas,
  setSignatories,
  type AgreementView,
} from "../agreements/agreements.ts";
import { hasRoleInAny, requireActor } from "../core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";
import { listOrganisations, type Organisation } from "../organisations/organisations.ts";

/** The longest an extraction may take before the user is told so (a PDF has its own 20 s limit inside). */
export const IMPORT_TIMEOUT_MS = 30_000;

export interface OrganisationMatch {
  organisationId: string;
  name: string;
  kind: Organisation["kind"];
}

/** Suggestions for the review form, aligned by index with the draft's parties and signatories. */
export interface ImportMatches {
  parties: (OrganisationMatch | null)[];
  signatories: (OrganisationMatch | null)[];
}

export interface ExtractResult {
  draft: ImportDraft;
  matches: ImportMatches;
}

function tooLarge(ctx: ServiceContext) {
  return new AppError("PAYLOAD_TOO_LARGE", "upload.tooLarge", {
    params: { mb: Math.round(ctx.config.maxUploadBytes / 1048576) },
  });
}

/** Importing is preparing an agreement: only people who may create one (editors somewhere) may. */
function requireImporter(ctx: ServiceContext) {
  if (ctx.system) return;
  const actor = requireActor(ctx);
  if (!hasRoleInAny(actor, actor.memberships.keys(), "editor")) throw new AppError("FORBIDDEN", "import.forbidden");
}

function importFailed(code: ImportError["code"]) {
  const key = `import.error.${code}`;
  return new AppError("VALIDATION", key, { fields: [{ path: "file", message: key }] });
}

/** An LPO's name without "lokalpolisområde"/"LPO", in lower case, for comparing. */
function lpoKey(name: string): string {
  return name
    .toLocaleLowerCase("sv")
    .replace(/\blokalpolisområde(t|ts)?\b|\blpo\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function plainKey(name: string): string {
  return name.toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();
}

const asMatch = (o: Organisation | undefined): OrganisationMatch | null =>
  o ? { organisationId: o.id, name: o.name, kind: o.kind } : null;

function matchParty(orgs: Organisation[], party: ImportDraft["parties"][number]): OrganisationMatch | null {
  switch (party.type) {
    case "kommun":
      return asMatch(orgs.find((o) => o.kind === "kommun" && !!party.code && o.municipalityCode === party.code));
    case "lpo":
      return asMatch(orgs.find((o) => o.kind === "lpo" && lpoKey(o.name) === lpoKey(party.name)));
    case "polisregion":
    case "other":
      return asMatch(orgs.find((o) => plainKey(o.name) === plainKey(party.name)));
  }
}

/** A signatory's organisation as written ("Lokalpolisområde Nybro", "Lessebo kommun") → a known one. */
function matchOrganisationName(orgs: Organisation[], name: string | null): OrganisationMatch | null {
  if (!name) return null;
  const exact = orgs.find((o) => plainKey(o.name) === plainKey(name));
  if (exact) return asMatch(exact);
  if (/lokalpolisområde|\blpo\b/i.test(name))
    return asMatch(orgs.find((o) => o.kind === "lpo" && lpoKey(o.name) === lpoKey(name)));
  return null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ImportError("timeout", `the import took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Reads an uploaded document into a draft for review, with suggested organisations for its parties.
 * Nothing is saved. The time limit stops waiting for the engine; the engine's synchronous text rules
 * are linear (about 1.3 s for 5 MB), so they cannot hold the process for long.
 */
export async function extractDraft(
  ctx: ServiceContext,
  input: { filename?: string | undefined; mediaType?: string | undefined; bytes: Uint8Array },
  options: { timeoutMs?: number } = {},
): Promise<ExtractResult> {
  requireImporter(ctx);
  if (input.bytes.length > ctx.config.maxUploadBytes) throw tooLarge(ctx);
  if (input.bytes.length === 0) throw importFailed("empty");
  let draft: ImportDraft;
  try {
    draft = await withTimeout(
      importDocument(
        {
          bytes: input.bytes,
          ...(input.filename ? { filename: input.filename } : {}),
          ...(input.mediaType ? { mediaType: input.mediaType } : {}),
        },
        { maxBytes: ctx.config.maxUploadBytes },
      ),
      options.timeoutMs ?? IMPORT_TIMEOUT_MS,
    );
  } catch (e) {
    if (e instanceof ImportError) throw e.code === "too_large" ? tooLarge(ctx) : importFailed(e.code);
    throw e;
  }
  const orgs = await listOrganisations(ctx);
  return {
    draft,
    matches: {
      parties: draft.parties.map((p) => matchParty(orgs, p)),
      signatories: draft.signatories.map((s) => matchOrganisationName(orgs, s.organisation)),
    },
  };
}

/** At most this many files in one import. */
export const MAX_IMPORT_FILES = 5;

export interface UploadedDocument {
  filename?: string | undefined;
  mediaType?: string | undefined;
  bytes: Uint8Array;
}

export interface ExtractedDocument extends ExtractResult {
  filename: string;
  mediaType: string;
}

/** Where a merged value came from: the document's index and the provenance path inside its draft. */
export interface MergedSource {
  document: number;
  path: string;
}

/**
 * The review form's pre-fill for several documents: title, validity, signatories and commitments
 * from the first agreement (else the first document); parties and focus areas from all of them.
 */
export interface MergedDraft {
  /** The document title, validity, signing, signatories and commitments come from. */
  primary: number;
  title: string | null;
  validity: ImportDraft["validity"];
  signed: ImportDraft["signed"];
  signatories: ImportDraft["signatories"];
  signatoryMatches: (OrganisationMatch | null)[];
  commitments: ImportDraft["commitments"];
  /** Union by matched organisation (by name when unmatched), in document order, primary first. */
  parties: { party: ImportDraft["parties"][number]; match: OrganisationMatch | null; source: MergedSource }[];
  /** Union by title (case-insensitive), in document order. */
  focusAreas: { title: string; source: MergedSource }[];
}

export interface ExtractManyResult {
  documents: ExtractedDocument[];
  merged: MergedDraft;
}

function tooManyFiles() {
  const params = { max: MAX_IMPORT_FILES };
  return new AppError("VALIDATION", "import.error.tooManyFiles", {
    params,
    fields: [{ path: "file", message: "import.error.tooManyFiles", params }],
  });
}

function totalTooLarge(ctx: ServiceContext) {
  return new AppError("PAYLOAD_TOO_LARGE", "import.error.totalTooLarge", {
    params: { mb: Math.round(ctx.config.maxUploadBytes / 1048576) },
  });
}

/** A file's own error, said with its name: "import.error.inFile" with params.name, the cause as the field. */
function inFile(e: AppError, name: string): AppError {
  const params = { ...e.params, name };
  return new AppError(e.code, "import.error.inFile", {
    params,
    fields: [{ path: "file", message: e.fields[0]?.message ?? e.messageKey, params }],
    cause: e,
  });
}

/** The limits on a whole import: how many files, each file's size, and their total size. */
function checkFiles(ctx: ServiceContext, files: { filename: string; size: number }[]) {
  if (files.length > MAX_IMPORT_FILES) throw tooManyFiles();
  const big = files.find((f) => f.size > ctx.config.maxUploadBytes);
  if (big) throw inFile(tooLarge(ctx), big.filename);
  if (files.reduce((sum, f) => sum + f.size, 0) > ctx.config.maxUploadBytes) throw totalTooLarge(ctx);
}

/** Merges the documents' drafts into the review form's pre-fill. */
export function mergeDrafts(documents: ExtractResult[]): MergedDraft {
  const found = documents.findIndex((d) => d.draft.kind === "agreement");
  const primary = found >= 0 ? found : 0;
  const main = documents[primary]!;
  const order = [primary, ...documents.map((_d, i) => i).filter((i) => i !== primary)];

  const parties: MergedDraft["parties"] = [];
  const seenParties = new Set<string>();
  for (const d of order)
    documents[d]!.draft.parties.forEach((party, i) => {
      const match = documents[d]!.matches.parties[i] ?? null;
      const key = match ? `org:${match.organisationId}` : `name:${party.type}:${plainKey(party.name)}`;
      if (seenParties.has(key)) return;
      seenParties.add(key);
      parties.push({ party, match, source: { document: d, path: `parties/${i}` } });
    });

  const focusAreas: MergedDraft["focusAreas"] = [];
  const seenFocus = new Set<string>();
  documents.forEach((doc, d) =>
    doc.draft.focusAreas.forEach((f, i) => {
      const key = plainKey(f.title);
      if (!key || seenFocus.has(key)) return;
      seenFocus.add(key);
      focusAreas.push({ title: f.title, source: { document: d, path: `focusAreas/${i}` } });
    }),
  );

  return {
    primary,
    title: main.draft.title,
    validity: main.draft.validity,
    signed: main.draft.signed,
    signatories: main.draft.signatories,
    signatoryMatches: main.matches.signatories,
    commitments: main.draft.commitments,
    parties,
    focusAreas,
  };
}

/**
 * Reads several uploaded documents of one import (an agreement, its action plan, its citizen
 * promise …) into drafts, and merges them into one pre-fill. Nothing is saved. A file that cannot
 * be read fails the whole extraction, with an error naming that file (`params.name`).
 */
export async function extractDrafts(
  ctx: ServiceContext,
  files: UploadedDocument[],
  options: { timeoutMs?: number } = {},
): Promise<ExtractManyResult> {
  requireImporter(ctx);
  if (files.length === 0) throw importFailed("empty");
  const named = files.map((f, i) => ({ ...f, filename: f.filename || `dokument-${i + 1}` }));
  checkFiles(
    ctx,
    named.map((f) => ({ filename: f.filename, size: f.bytes.length })),
  );
  const documents: ExtractedDocument[] = [];
  for (const [i, file] of files.entries()) {
    const filename = named[i]!.filename;
    try {
      const result = await extractDraft(ctx, file, options);
      documents.push({ filename: file.filename ?? "", mediaType: file.mediaType ?? "", ...result });
    } catch (e) {
      throw e instanceof AppError ? inFile(e, filename) : e;
    }
  }
  return { documents, merged: mergeDrafts(documents) };
}

/** The annex kind the uploaded document is kept as. */
export function annexKindFor(kind: DocumentKind): "other" | "action_plan" | "citizen_promise" {
  return kind === "action_plan" || kind === "citizen_promise" ? kind : "other";
}

/** The uploaded file, carried back with the confirmation: base64 (JSON, forms) or bytes (in process). */
export const ImportFileInput = z
  .object({
    filename: text(300).default(""),
    mediaType: text(200).default(""),
    content: z.union([z.instanceof(Uint8Array), z.base64({ message: "import.file.invalid" })]),
  })
  .strict();

/**
 * One of several files: `content` or `base64` (the same thing), its draft's kind (decides the annex
 * kind; read from the file again when left out) and the annex's title (the file name when empty).
 */
export const ImportFilesItemInput = z
  .object({
    filename: text(300).default(""),
    mediaType: text(200).default(""),
    content: z.union([z.instanceof(Uint8Array), z.base64({ message: "import.file.invalid" })]).optional(),
    base64: z.base64({ message: "import.file.invalid" }).optional(),
    kind: z.enum(documentKinds).optional(),
    annexTitle: text(300).default(""),
  })
  .strict();

const common = {
  /** The kind the draft was read as: decides the annex kind (of `file`). */
  kind: z.enum(documentKinds).default("agreement"),
  /** The annex's title (of `file`); the file name when empty. */
  annexTitle: text(300).default(""),
  focusAreas: z
    .array(z.object({ title: requiredFreeText(300) }).strict())
    .max(50)
    .default([]),
  /** One file … */
  file: ImportFileInput.optional(),
  /** … or several: each is kept as its own annex. */
  files: z.array(ImportFilesItemInput).max(MAX_IMPORT_FILES, { message: "import.error.tooManyFiles" }).optional(),
};

export const ConfirmImportCreateInput = z
  .object({
    ...common,
    title: requiredFreeText(300),
    purpose: freeText(20_000).default(""),
    validFrom: optionalIsoDate,
    validTo: optionalIsoDate,
    untilFurtherNotice: z.boolean().default(false),
    revisionNote: freeText(2000).default(""),
    terminable: z.boolean().default(false),
    signedOn: optionalIsoDate,
    parties: z
      .array(z.object({ organisationId: uuidSchema }).strict())
      .min(2, { message: "agreement.parties.kommunAndLpoRequired" })
      .max(30),
    signatories: z.array(signatoryInput.strict()).max(20).default([]),
    commitments: z.array(requiredFreeText(4000)).max(100).default([]),
  })
  .strict();

export const ConfirmImportAttachInput = z
  .object({ ...common, attachToAgreementId: uuidSchema, version: z.number().int().positive() })
  .strict();

export type ConfirmImportInput = z.input<typeof ConfirmImportCreateInput> | z.input<typeof ConfirmImportAttachInput>;

function decodeFile(
  ctx: ServiceContext,
  file: { filename: string; mediaType: string; content: Uint8Array | string },
  path = "file",
) {
  const content = typeof file.content === "string" ? Buffer.from(file.content, "base64") : Buffer.from(file.content);
  if (content.length === 0) throw invalid([{ path, message: "annex.emptyFile" }]);
  if (content.length > ctx.config.maxUploadBytes) throw tooLarge(ctx);
  return { ...file, content, filename: file.filename || "dokument" };
}

interface KeptFile {
  filename: string;
  mediaType: string;
  content: Buffer;
  kind: DocumentKind;
  annexTitle: string;
  annexKind: ReturnType<typeof annexKindFor>;
}

/** A file's draft kind when the caller did not say: read again; "other" when it no longer reads. */
async function kindOf(ctx: ServiceContext, file: { filename: string; mediaType: string; content: Buffer }) {
  try {
    const draft = await withTimeout(
      importDocument(
        { bytes: file.content, filename: file.filename, ...(file.mediaType ? { mediaType: file.mediaType } : {}) },
        { maxBytes: ctx.config.maxUploadBytes },
      ),
      IMPORT_TIMEOUT_MS,
    );
    return draft.kind;
  } catch (e) {
    if (e instanceof ImportError) return "other" as const;
    throw e;
  }
}

/** The files to keep as annexes, decoded and checked: `file` (with `kind`, `annexTitle`) or `files`. */
async function keptFiles(
  ctx: ServiceContext,
  data: {
    file?: z.output<typeof ImportFileInput> | undefined;
    files?: z.output<typeof ImportFilesItemInput>[] | undefined;
    kind: DocumentKind;
    annexTitle: string;
  },
): Promise<KeptFile[]> {
  if (data.file && data.files) throw invalid([{ path: "files", message: "import.file.oneOrSeveral" }]);
  if (data.file) {
    const file = decodeFile(ctx, data.file);
    const annexTitle = (data.annexTitle || file.filename).slice(0, 300);
    return [{ ...file, kind: data.kind, annexTitle, annexKind: annexKindFor(data.kind) }];
  }
  if (!data.files?.length) throw invalid([{ path: "file", message: "import.file.invalid" }]);
  const decoded = data.files.map((f, i) => {
    const content = f.content ?? f.base64;
    if (content === undefined || (f.content !== undefined && f.base64 !== undefined))
      throw invalid([{ path: `files.${i}`, message: "import.file.invalid" }]);
    return { item: f, file: decodeFile(ctx, { filename: f.filename, mediaType: f.mediaType, content }, `files.${i}`) };
  });
  if (decoded.reduce((sum, d) => sum + d.file.content.length, 0) > ctx.config.maxUploadBytes) throw totalTooLarge(ctx);
  const kept: KeptFile[] = [];
  for (const { item, file } of decoded) {
    const kind = item.kind ?? (await kindOf(ctx, file));
    const annexTitle = (item.annexTitle || file.filename).slice(0, 300);
    kept.push({ ...file, kind, annexTitle, annexKind: annexKindFor(kind) });
  }
  return kept;
}

/** Keeps every file as an annex, each followed by its own audit record. */
async function addFiles(ctx: ServiceContext, view: AgreementView, files: KeptFile[]): Promise<AgreementView> {
  for (const file of files) {
    view = await addAnnexFile(ctx, {
      agreementId: view.id,
      version: view.version,
      title: file.annexTitle,
      kind: file.annexKind,
      filename: file.filename,
      mediaType: file.mediaType,
      content: file.content,
    });
    await recordImported(ctx, view, file, file.kind);
  }
  return view;
}

function invalid(fields: FieldError[]) {
  return new AppError("VALIDATION", "validation.failed", { fields });
}

/** A placeholder id for checking the later steps' input before the agreement exists. */
const PENDING_ID = "00000000-0000-4000-8000-000000000000";

/**
 * All steps run inside one outer transaction: the agreement services open their own transactions,
 * which on a transaction become savepoints, so a failure in any step rolls back every step (and
 * their audit records) and no agreement, annex or file is left behind. Every step's input is also
 * checked up front with the services' own schemas, so a mistake is reported before anything runs.
 */
async function inOneTransaction<T>(ctx: ServiceContext, fn: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
  } finally {
    // The steps dropped cache entries before this outer transaction committed; a read in between
    // could have cached the old state again.
    invalidateAgreementCache();
  }
}

/** Saves a reviewed import. Returns the new (or updated) agreement. */
export async function confirmImport(ctx: ServiceContext, input: unknown): Promise<AgreementView> {
  requireImporter(ctx);
  const attaching =
    typeof input === "object" && input !== null && "attachToAgreementId" in input && !!input.attachToAgreementId;
  return attaching ? attach(ctx, input) : create(ctx, input);
}

async function create(ctx: ServiceContext, input: unknown): Promise<AgreementView> {
  const data = parseInput(ConfirmImportCreateInput, input);
  const files = await keptFiles(ctx, data);
  const agreementInput = {
    title: data.title,
    purpose: data.purpose,
    commitments: data.commitments,
    validFrom: data.validFrom,
    validTo: data.validTo,
    untilFurtherNotice: data.untilFurtherNotice,
    revisionNote: data.revisionNote,
    terminable: data.terminable,
    signedOn: data.signedOn,
    parties: data.parties,
  };
  // The later steps' own checks, before anything is written.
  parseInput(CreateAgreementInput, agreementInput);
  parseInput(SetSignatoriesInput, { agreementId: PENDING_ID, version: 1, signatories: data.signatories });
  parseInput(SetFocusAreasInput, { agreementId: PENDING_ID, version: 1, focusAreas: data.focusAreas });
  parseInput(SetAnnexesInput, {
    agreementId: PENDING_ID,
    version: 1,
    annexes: files.map((f) => ({ title: f.annexTitle, kind: f.annexKind, url: "https://placeholder.invalid" })),
  });

  return inOneTransaction(ctx, async (c) => {
    let view = await createAgreement(c, agreementInput);
    if (data.signatories.length)
      view = await setSignatories(c, { agreementId: view.id, version: view.version, signatories: data.signatories });
    if (data.focusAreas.length)
      view = await setFocusAreas(c, {
        agreementId: view.id,
        version: view.version,
        focusAreas: data.focusAreas.map((f) => ({ title: f.title })),
      });
    return addFiles(c, view, files);
  });
}

async function attach(ctx: ServiceContext, input: unknown): Promise<AgreementView> {
  const data = parseInput(ConfirmImportAttachInput, input);
  const files = await keptFiles(ctx, data);
  return inOneTransaction(ctx, async (c) => {
    // NOT_FOUND for an agreement the actor may not see; the steps check the edit right.
    let view = await getAgreement(c, data.attachToAgreementId);
    if (data.focusAreas.length)
      view = await setFocusAreas(c, {
        agreementId: view.id,
        version: data.version,
        focusAreas: [
          ...view.focusAreas.map((f) => ({ id: f.id, title: f.title, description: f.description })),
          ...data.focusAreas.map((f) => ({ title: f.title })),
        ],
      });
    else view = { ...view, version: data.version };
    return addFiles(c, view, files);
  });
}

/** One record saying the agreement's content came from this document (the file itself is the last annex). */
async function recordImported(
  ctx: ServiceContext,
  view: AgreementView,
  file: { filename: string; mediaType: string; content: Buffer },
  kind: DocumentKind,
) {
  await recordAudit(
    ctx.db,
    ctx,
    "agreement.imported",
    { type: "agreement", id: view.id },
    {
      after: {
        filename: file.filename,
        mediaType: file.mediaType,
        size: file.content.length,
        sha256: createHash("sha256").update(file.content).digest("hex"),
        kind,
        annexId: view.annexes[view.annexes.length - 1]?.id ?? null,
      },
    },
  );
}
