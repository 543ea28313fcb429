import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import express, { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import { CreateAgreementInput, agreementFields, focusAreaInput } from "../../domain/agreements/schemas.ts";
import { CreateOrganisationInput, organisationKinds } from "../../domain/organisations/schemas.ts";
import { counties, municipalities, policeRegions } from "../../domain/reference/sweden.ts";
import { AppError } from "../../errors.ts";
import { ImportDraftSchema } from "../../importers/index.ts";
import {
  createAgreement,
  createFocusArea,
  getAgreement,
  getFocusArea,
  listAgreements,
  listFocusAreas,
  setAnnexes,
  setBodies,
  setFocusAreas,
  setSignatories,
  terminateAgreement,
  updateAgreement,
  updateFocusArea,
} from "../../services/agreements/agreements.ts";
import type { ServiceContext } from "../../services/core/context.ts";
import {
  ConfirmImportAttachInput,
  ConfirmImportCreateInput,
  confirmImport,
  extractDraft,
  extractDrafts,
  MAX_IMPORT_FILES,
} from "../../services/imports/imports.ts";
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  setPoliceAreaCoverage,
  updateOrganisation,
} from "../../services/organisations/organisations.ts";
import type { Logger } from "../../server/log.ts";
import { contextForRequest } from "../context.ts";
import { apiErrorHandler } from "../problem.ts";
import { registerActionRoutes } from "./actions.ts";
import { registerCycleRoutes } from "./cycles.ts";
import { apiDocsPage } from "./docs.ts";
import { registerPromiseRoutes } from "./promises.ts";
import { registerTaskRoutes } from "./tasks.ts";
import { readUpload } from "./uploads.ts";

extendZodWithOpenApi(z);

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    messageKey: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), messageKey: z.string(), detail: z.string() })),
  })
  .openapi("Problem");

const Id = z.object({ id: z.uuid() });
const AnyObject = z.record(z.string(), z.unknown());

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface RouteSpec {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** The body's media type in the OpenAPI document (default application/json); non-JSON bodies are read by the handler. */
  bodyType?: "application/json" | "multipart/form-data";
  response: z.ZodType;
  status?: number;
  /** Anonymous callers allowed (reference data). */
  public?: boolean;
  /** Path parameters other than {id} (all strings). */
  params?: z.ZodObject;
  handle: (ctx: ServiceContext, req: Request) => Promise<unknown>;
}

const problemResponses = {
  400: { description: "Invalid input", content: { "application/problem+json": { schema: Problem } } },
  401: { description: "Not signed in", content: { "application/problem+json": { schema: Problem } } },
  403: { description: "Not allowed", content: { "application/problem+json": { schema: Problem } } },
  404: { description: "Not found, or not yours to see", content: { "application/problem+json": { schema: Problem } } },
  409: {
    description: "Changed by someone else (stale version)",
    content: { "application/problem+json": { schema: Problem } },
  },
};

/**
 * One declaration per endpoint feeds both Express and the OpenAPI document, so the document cannot
 * drift from what the server accepts. Handlers are glue: parse, call the service, return.
 */
export function apiRouter(deps: { db: Db; config: Config; log: Logger }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  const router = Router();
  // A confirmed import carries the document (base64) back: its body may be as large as an upload,
  // but only a signed-in caller gets the larger limit (anonymous ones stay at 1 MB, then get 401).
  const largeJson = express.json({ limit: Math.ceil((deps.config.maxUploadBytes * 4) / 3) + 1024 * 1024 });
  router.use("/imports/confirm", (req, res, next) => {
    contextForRequest(req, deps).then(
      (ctx) => (ctx.actor ? largeJson(req, res, next) : next()),
      (e: unknown) => next(e),
    );
  });
  router.use(express.json({ limit: "1mb", strict: true, type: ["application/json", "application/*+json"] }));

  const specs: RouteSpec[] = [];
  const add = (spec: RouteSpec) => specs.push(spec);

  // Reference data: public facts, no sign-in needed.
  add({
    method: "get",
    path: "/reference/municipalities",
    summary: "All 290 kommuner (SCB code, name, län)",
    tag: "Reference data",
    public: true,
    response: z.array(
      z.object({ code: z.string(), name: z.string(), officialName: z.string(), countyCode: z.string() }),
    ),
    handle: async () => municipalities,
  });
  add({
    method: "get",
    path: "/reference/counties",
    summary: "The 21 län and the polisregion covering each",
    tag: "Reference data",
    public: true,
    response: z.array(z.object({ code: z.string(), name: z.string(), policeRegion: z.string() })),
    handle: async () => counties,
  });
  add({
    method: "get",
    path: "/reference/police-regions",
    summary: "The 7 polisregioner",
    tag: "Reference data",
    public: true,
    response: z.array(z.object({ code: z.string(), name: z.string() })),
    handle: async () => policeRegions,
  });

  const OrganisationOut = z
    .object({
      id: z.uuid(),
      kind: z.enum(organisationKinds),
      name: z.string(),
      municipalityCode: z.string().nullable(),
      policeRegion: z.string().nullable(),
      parentId: z.uuid().nullable(),
      version: z.number(),
    })
    .passthrough()
    .openapi("Organisation");
  add({
    method: "get",
    path: "/organisations",
    summary: "List organisations (kommuner, lokalpolisområden, departments, companies, authorities)",
    tag: "Organisations",
    response: z.array(OrganisationOut),
    handle: (ctx, req) =>
      listOrganisations(ctx, { kind: typeof req.query.kind === "string" ? req.query.kind : undefined }),
  });
  add({
    method: "get",
    path: "/organisations/{id}",
    summary: "One organisation, with the kommuner an LPO covers and its child organisations",
    tag: "Organisations",
    response: OrganisationOut,
    handle: (ctx, req) => getOrganisation(ctx, param(req, "id")),
  });
  add({
    method: "post",
    path: "/organisations",
    summary: "Create an organisation (platform admin; an organisation's admin may add departments and companies)",
    tag: "Organisations",
    body: CreateOrganisationInput,
    response: OrganisationOut,
    status: 201,
    handle: (ctx, req) => createOrganisation(ctx, req.body as never),
  });
  add({
    method: "patch",
    path: "/organisations/{id}",
    summary: "Update an organisation (send the version you read)",
    tag: "Organisations",
    body: z.object({ version: z.number().int() }).passthrough(),
    response: OrganisationOut,
    handle: (ctx, req) => updateOrganisation(ctx, { ...(req.body as object), id: param(req, "id") } as never),
  });
  add({
    method: "put",
    path: "/organisations/{id}/coverage",
    summary: "Replace which kommuner a lokalpolisområde covers, with validity dates",
    tag: "Organisations",
    body: z.object({
      version: z.number().int(),
      coverage: z.array(
        z.object({ municipalityCode: z.string(), validFrom: z.string(), validTo: z.string().nullable().optional() }),
      ),
    }),
    response: AnyObject,
    handle: (ctx, req) => setPoliceAreaCoverage(ctx, { ...(req.body as object), policeAreaId: param(req, "id") }),
  });

  const AgreementOut = z
    .object({
      id: z.uuid(),
      title: z.string(),
      version: z.number(),
      status: z.enum(["draft", "signed", "active", "expired", "terminated"]),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
      untilFurtherNotice: z.boolean(),
      parties: z.array(z.object({ organisationId: z.uuid(), name: z.string(), role: z.string() }).passthrough()),
    })
    .passthrough()
    .openapi("Agreement");
  add({
    method: "get",
    path: "/agreements",
    summary: "Agreements your organisations are party to",
    tag: "Agreements",
    response: z.array(AgreementOut),
    handle: (ctx) => listAgreements(ctx),
  });
  add({
    method: "get",
    path: "/agreements/{id}",
    summary: "One agreement with parties, signatories, bodies, annexes and focus areas",
    tag: "Agreements",
    response: AgreementOut,
    handle: (ctx, req) => getAgreement(ctx, param(req, "id")),
  });
  add({
    method: "post",
    path: "/agreements",
    summary: "Create an agreement (≥1 kommun and ≥1 lokalpolisområde; you must be an editor in one party)",
    tag: "Agreements",
    body: CreateAgreementInput,
    response: AgreementOut,
    status: 201,
    handle: (ctx, req) => createAgreement(ctx, req.body as never),
  });
  add({
    method: "put",
    path: "/agreements/{id}",
    summary: "Update an agreement's fields and parties (send the version you read; a stale one gives 409)",
    tag: "Agreements",
    body: agreementFields.extend({ version: z.number().int() }),
    response: AgreementOut,
    handle: (ctx, req) => updateAgreement(ctx, { ...(req.body as object), id: param(req, "id") } as never),
  });
  add({
    method: "put",
    path: "/agreements/{id}/signatories",
    summary: "Replace the signatories",
    tag: "Agreements",
    body: z.object({ version: z.number().int(), signatories: z.array(AnyObject) }),
    response: AgreementOut,
    handle: (ctx, req) => setSignatories(ctx, { ...(req.body as object), agreementId: param(req, "id") }),
  });
  add({
    method: "put",
    path: "/agreements/{id}/bodies",
    summary: "Replace the bodies (styrgrupp, BRÅ, projektgrupp, arbetsgrupp) and their members",
    tag: "Agreements",
    body: z.object({ version: z.number().int(), bodies: z.array(AnyObject) }),
    response: AgreementOut,
    handle: (ctx, req) => setBodies(ctx, { ...(req.body as object), agreementId: param(req, "id") }),
  });
  add({
    method: "put",
    path: "/agreements/{id}/annexes",
    summary: "Replace the annex list (links; files uploaded in the web app are kept by their fileId)",
    tag: "Agreements",
    body: z.object({
      version: z.number().int(),
      annexes: z.array(
        z.object({
          title: z.string(),
          kind: z.string(),
          url: z.string().nullable().optional(),
          fileId: z.string().nullable().optional(),
        }),
      ),
    }),
    response: AgreementOut,
    handle: (ctx, req) => setAnnexes(ctx, { ...(req.body as object), agreementId: param(req, "id") }),
  });
  add({
    method: "put",
    path: "/agreements/{id}/termination",
    summary: "Terminate the agreement from a date (terminatedOn null withdraws a termination)",
    tag: "Agreements",
    body: z.object({ version: z.number().int(), terminatedOn: z.string().nullable(), note: z.string().optional() }),
    response: AgreementOut,
    handle: (ctx, req) => terminateAgreement(ctx, { ...(req.body as object), agreementId: param(req, "id") }),
  });

  const FocusAreaOut = z
    .object({ id: z.uuid(), agreementId: z.uuid(), position: z.number(), title: z.string(), description: z.string() })
    .openapi("FocusArea");
  add({
    method: "get",
    path: "/agreements/{id}/focus-areas",
    summary: "An agreement's focus areas, in order",
    tag: "Focus areas",
    response: z.array(FocusAreaOut),
    handle: (ctx, req) => listFocusAreas(ctx, param(req, "id")),
  });
  add({
    method: "put",
    path: "/agreements/{id}/focus-areas",
    summary: "Replace the ordered focus areas (existing ones keep their id)",
    tag: "Focus areas",
    body: z.object({ version: z.number().int(), focusAreas: z.array(focusAreaInput) }),
    response: AgreementOut,
    handle: (ctx, req) => setFocusAreas(ctx, { ...(req.body as object), agreementId: param(req, "id") }),
  });
  add({
    method: "post",
    path: "/agreements/{id}/focus-areas",
    summary: "Add a focus area (version: the agreement's)",
    tag: "Focus areas",
    body: z.object({ version: z.number().int(), title: z.string(), description: z.string().optional() }),
    response: FocusAreaOut,
    status: 201,
    handle: (ctx, req) => createFocusArea(ctx, { ...(req.body as object), agreementId: param(req, "id") }),
  });
  add({
    method: "get",
    path: "/focus-areas/{id}",
    summary: "One focus area",
    tag: "Focus areas",
    response: FocusAreaOut,
    handle: (ctx, req) => getFocusArea(ctx, param(req, "id")),
  });
  add({
    method: "patch",
    path: "/focus-areas/{id}",
    summary: "Update a focus area (version: the agreement's)",
    tag: "Focus areas",
    body: z.object({ version: z.number().int(), title: z.string(), description: z.string().optional() }),
    response: FocusAreaOut,
    handle: (ctx, req) => updateFocusArea(ctx, { ...(req.body as object), id: param(req, "id") }),
  });

  // The yearly cycle's modules declare their endpoints in their own files.
  registerCycleRoutes(add);
  registerActionRoutes(add);
  registerPromiseRoutes(add);
  registerTaskRoutes(add);

  const OrganisationMatchOut = z
    .object({ organisationId: z.uuid(), name: z.string(), kind: z.enum(organisationKinds) })
    .nullable();
  const ImportMatchesOut = z.object({
    parties: z.array(OrganisationMatchOut),
    signatories: z.array(OrganisationMatchOut),
  });
  const MergedSourceOut = z.object({ document: z.number().int(), path: z.string() });
  const ImportSingleOut = z.object({ draft: ImportDraftSchema, matches: ImportMatchesOut }).openapi("ImportResult");
  const ImportManyOut = z
    .object({
      documents: z.array(
        z.object({ filename: z.string(), mediaType: z.string(), draft: ImportDraftSchema, matches: ImportMatchesOut }),
      ),
      merged: z.object({
        primary: z.number().int().openapi({ description: "The document title, validity and signatories come from" }),
        title: z.string().nullable(),
        validity: ImportDraftSchema.shape.validity,
        signed: ImportDraftSchema.shape.signed,
        signatories: ImportDraftSchema.shape.signatories,
        signatoryMatches: z.array(OrganisationMatchOut),
        commitments: ImportDraftSchema.shape.commitments,
        parties: z.array(
          z.object({
            party: ImportDraftSchema.shape.parties.element,
            match: OrganisationMatchOut,
            source: MergedSourceOut,
          }),
        ),
        focusAreas: z.array(z.object({ title: z.string(), source: MergedSourceOut })),
      }),
    })
    .openapi("ImportManyResult");
  add({
    method: "post",
    path: "/imports",
    summary:
      "Read a document (PDF with text, DOCX, HTML, Markdown, text) into a draft to review, with suggested " +
      "organisations for its parties and signatories. Nothing is saved. Send multipart/form-data with a `file` " +
      "field, or the document itself as the body with its Content-Type and `?filename=`. With several `file` " +
      `parts (at most ${MAX_IMPORT_FILES}, together within the upload limit) the answer is \`{documents, merged}\`: ` +
      "each document's draft, and the review form's pre-fill merged from all of them. You must be an editor.",
    tag: "Imports",
    bodyType: "multipart/form-data",
    body: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
    response: z.union([ImportSingleOut, ImportManyOut]),
    handle: async (ctx, req) => {
      const upload = await readUpload(req, ctx.config.maxUploadBytes);
      // readUpload leaves the body it read in req.body: several `file` parts are read from it again.
      if (/^multipart\/form-data/i.test(req.headers["content-type"] ?? "") && Buffer.isBuffer(req.body)) {
        const form = await new globalThis.Request("http://upload.invalid/", {
          method: "POST",
          headers: { "content-type": req.headers["content-type"]! },
          body: new Uint8Array(req.body),
        }).formData();
        const files = form.getAll("file").filter((f): f is File => f instanceof File && f.size > 0);
        if (files.length > 1)
          return extractDrafts(
            ctx,
            await Promise.all(
              files.map(async (f) => ({
                filename: f.name,
                mediaType: f.type,
                bytes: Buffer.from(await f.arrayBuffer()),
              })),
            ),
          );
      }
      return extractDraft(ctx, upload);
    },
  });
  const ApiFile = z.object({
    filename: z.string(),
    mediaType: z.string(),
    content: z.string().openapi({ description: "The document, base64", format: "byte" }),
  });
  const ApiFiles = z
    .array(
      z.object({
        filename: z.string(),
        mediaType: z.string(),
        base64: z
          .string()
          .optional()
          .openapi({ description: "The document, base64 (or as `content`)", format: "byte" }),
        content: z.string().optional().openapi({ description: "The same as `base64`", format: "byte" }),
        kind: z.string().optional().openapi({ description: "Its draft's kind; read from the file when left out" }),
        annexTitle: z.string().optional(),
      }),
    )
    .max(MAX_IMPORT_FILES);
  add({
    method: "post",
    path: "/imports/confirm",
    summary:
      "Save a reviewed import: a new agreement (with signatories, focus areas and the document as an annex), or, " +
      "with attachToAgreementId and version, the document as an annex and the focus areas added to an existing " +
      "agreement. `file.content` is the document in base64; or send several documents as `files` " +
      "(`[{filename, mediaType, base64}]`), each kept as its own annex with the kind its draft was read as. " +
      "All or nothing.",
    tag: "Imports",
    body: z
      .union([
        ConfirmImportCreateInput.extend({ file: ApiFile.optional(), files: ApiFiles.optional() }),
        ConfirmImportAttachInput.extend({ file: ApiFile.optional(), files: ApiFiles.optional() }),
      ])
      .openapi("ConfirmImport"),
    response: AgreementOut,
    status: 201,
    handle: (ctx, req) => confirmImport(ctx, req.body),
  });

  for (const spec of specs) {
    registry.registerPath({
      method: spec.method,
      path: spec.path,
      summary: spec.summary,
      tags: [spec.tag],
      security: spec.public ? [] : [{ bearer: [] }],
      request: {
        ...(spec.params ? { params: spec.params } : spec.path.includes("{id}") ? { params: Id } : {}),
        ...(spec.body ? { body: { content: { [spec.bodyType ?? "application/json"]: { schema: spec.body } } } } : {}),
      },
      responses: {
        [spec.status ?? 200]: { description: "OK", content: { "application/json": { schema: spec.response } } },
        ...problemResponses,
      },
    });
    const expressPath = spec.path.replace(/\{(\w+)\}/g, ":$1");
    router[spec.method](expressPath, async (req: Request, res: Response, next) => {
      try {
        const ctx = await contextForRequest(req, deps);
        if (!spec.public && !ctx.actor) throw new AppError("UNAUTHENTICATED", "auth.signInRequired");
        const jsonBody = (spec.bodyType ?? "application/json") === "application/json";
        if (spec.body && jsonBody && (typeof req.body !== "object" || req.body === null || Array.isArray(req.body)))
          throw new AppError("VALIDATION", "validation.failed", {
            fields: [{ path: "", message: "validation.invalidJson" }],
          });
        const result = await spec.handle(ctx, req);
        res.status(spec.status ?? 200).json(result);
      } catch (e) {
        next(e);
      }
    });
  }

  let document: unknown;
  const openApiDocument = () =>
    (document ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: "3.1.0",
      info: {
        title: "Samverkan API",
        version: "1",
        description:
          "Agreements between kommuner and lokalpolisområden, their focus areas, organisations and reference data. " +
          "Authenticate with a personal API token: `Authorization: Bearer svt_…`. Errors are application/problem+json.",
      },
      servers: [{ url: "/api/v1" }],
    }));
  router.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument());
  });
  router.get("/docs", (_req, res) => {
    res.type("html").send(apiDocsPage(openApiDocument() as never));
  });
  router.use((req, _res, next) => next(new AppError("NOT_FOUND", "common.notFound")));
  router.use(apiErrorHandler((m, e) => deps.log.error(m, e)));
  return router;
}

export function param(req: Request, name: string): string {
  const v = req.params[name];
  return typeof v === "string" ? v : "";
}
