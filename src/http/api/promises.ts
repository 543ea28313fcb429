import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "react-router";
import { z } from "zod";
import { parseLocale } from "../../../app/i18n/index.ts";
import { promisers, promiseStatuses, promiseVerdicts } from "../../domain/cycles/vocabulary.ts";
import {
  closePromise,
  createPromise,
  deletePromise,
  getPromise,
  listPromises,
  publishPromise,
  reopenPromise,
  unpublishPromise,
  updatePromise,
} from "../../services/promises/promises.ts";
import { getPublicPage, publicPageGeneration, setPublicPage } from "../../services/promises/public-cache.ts";
import { getPublicPromises } from "../../services/promises/public.ts";
import { LOCALE_COOKIE, readCookie, SESSION_COOKIE } from "../context.ts";
import type { RouteSpec } from "./router.ts";

// This module is evaluated before router.ts extends zod, so it extends it itself (idempotent).
extendZodWithOpenApi(z);

const TAG = "Medborgarlöften";

const PromiseOut = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    cycleId: z.uuid().nullable(),
    promiser: z.enum(promisers),
    text: z.string(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    status: z.enum(promiseStatuses),
    isPublic: z.boolean(),
    verdict: z.enum(promiseVerdicts).nullable(),
    verdictText: z.string(),
    effectText: z.string(),
    proposedVerdict: z.enum(promiseVerdicts).nullable(),
    actions: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() }).passthrough()),
    progress: z.object({ done: z.number(), total: z.number(), state: z.string() }),
    version: z.number(),
  })
  .passthrough()
  .openapi("CitizenPromise");

/** The documented bodies; the services validate strictly (unknown fields refused). */
const PromiseFields = {
  cycleId: z.uuid().nullable().optional(),
  promiser: z.enum(promisers),
  text: z.string().max(2000).optional(),
  periodStart: z.iso.date().nullable().optional(),
  periodEnd: z.iso.date().nullable().optional(),
  actionIds: z.array(z.uuid()).optional(),
};
const CreateBody = z.object(PromiseFields).openapi("CreateCitizenPromise");
/** A partial update: every field but the version may be left out and then keeps its value. */
const UpdateBody = z
  .object({
    version: z.number().int(),
    position: z.number().int().optional(),
    ...PromiseFields,
    promiser: PromiseFields.promiser.optional(),
  })
  .openapi("UpdateCitizenPromise");
const VersionBody = z.object({ version: z.number().int() }).openapi("CitizenPromiseVersion");
const CloseBody = z
  .object({
    version: z.number().int(),
    verdict: z.enum(promiseVerdicts),
    verdictText: z.string().max(4000).optional(),
    effectText: z.string().max(4000).optional(),
  })
  .openapi("CloseCitizenPromise");

const PublicPromiseOut = z
  .object({
    promiser: z.enum(promisers),
    text: z.string(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    progress: z.object({ done: z.number(), total: z.number(), state: z.string() }),
    verdict: z.enum(promiseVerdicts).nullable(),
    verdictText: z.string(),
    effectText: z.string(),
    effects: z.array(z.object({}).passthrough()),
  })
  .passthrough();
const PublicOut = z
  .object({
    kommun: z.object({ name: z.string(), slug: z.string() }).nullable(),
    current: z.array(z.object({ promiser: z.enum(promisers), promises: z.array(PublicPromiseOut) })),
    closed: z.array(PublicPromiseOut),
  })
  .openapi("PublicCitizenPromises");

function param(req: { params: Record<string, unknown> }, name: string): string {
  const v = req.params[name];
  return typeof v === "string" ? v : "";
}

function body(req: { body?: unknown }): Record<string, unknown> {
  return typeof req.body === "object" && req.body !== null && !Array.isArray(req.body)
    ? (req.body as Record<string, unknown>)
    : {};
}

/** The promises endpoints under /api/v1; each declaration feeds Express and the OpenAPI document. */
export function registerPromiseRoutes(add: (spec: RouteSpec) => void): void {
  add({
    method: "get",
    path: "/agreements/{id}/promises",
    summary: "The agreement's medborgarlöften, every status, with linked actions and progress",
    tag: TAG,
    response: z.array(PromiseOut),
    handle: async (ctx, req) => (await listPromises(ctx, param(req, "id"))).promises,
  });
  add({
    method: "post",
    path: "/agreements/{id}/promises",
    summary: "Create a medborgarlöfte as a draft (without a period: the agreement's default period)",
    tag: TAG,
    body: CreateBody,
    response: PromiseOut,
    status: 201,
    handle: (ctx, req) => createPromise(ctx, { ...body(req), agreementId: param(req, "id") }),
  });
  add({
    method: "get",
    path: "/promises/{id}",
    summary: "One medborgarlöfte with its linked actions, proposed verdict and indicator effect",
    tag: TAG,
    response: PromiseOut,
    handle: (ctx, req) => getPromise(ctx, param(req, "id")),
  });
  add({
    method: "patch",
    path: "/promises/{id}",
    summary:
      "Change a medborgarlöfte: send the version you read and only what changes (fields left out keep their value; " +
      "actionIds replaces the linked actions). A published one keeps its text and period.",
    tag: TAG,
    body: UpdateBody,
    response: PromiseOut,
    handle: (ctx, req) => updatePromise(ctx, { ...body(req), id: param(req, "id") }),
  });
  add({
    method: "delete",
    path: "/promises/{id}",
    summary: "Remove a medborgarlöfte (?version=N, the version you read)",
    tag: TAG,
    params: z.object({ id: z.uuid() }),
    response: z.object({ id: z.uuid() }),
    handle: (ctx, req) => {
      const fromQuery = typeof req.query.version === "string" ? Number(req.query.version) : undefined;
      return deletePromise(ctx, { version: fromQuery, ...body(req), id: param(req, "id") });
    },
  });
  const lifecycle = [
    ["publish", "Publish on the kommun's public page (needs text and period)", publishPromise, VersionBody],
    ["unpublish", "Take off the public page at once", unpublishPromise, VersionBody],
    ["close", "Close with the evaluation: verdict, what we did, what effect it had", closePromise, CloseBody],
    ["reopen", "Reopen a closed promise (closed → published)", reopenPromise, VersionBody],
  ] as const;
  for (const [verb, summary, fn, schema] of lifecycle)
    add({
      method: "post",
      path: `/promises/{id}/${verb}`,
      summary,
      tag: TAG,
      body: schema,
      response: PromiseOut,
      handle: (ctx, req) => fn(ctx, { ...body(req), id: param(req, "id") }),
    });
  add({
    method: "get",
    path: "/public/kommuner/{slug}/promises",
    summary: "The published medborgarlöften of a kommun (public, no sign-in): current ones and evaluated ones",
    tag: TAG,
    public: true,
    params: z.object({ slug: z.string() }),
    response: PublicOut,
    handle: (ctx, req) => getPublicPromises(ctx, param(req, "slug")),
  });
}

const PUBLIC_PAGE = /^\/kommun\/([a-z0-9-]{1,80})$/;

/** The cache key of an anonymous request for a public kommun page (no query string), or null. */
function cacheable(req: IncomingMessage): string | null {
  const m = PUBLIC_PAGE.exec(req.url ?? "");
  if (!m || (req.method !== "GET" && req.method !== "HEAD")) return null;
  const cookie = req.headers.cookie;
  if (req.headers.authorization || (cookie && readCookie(cookie, SESSION_COOKIE))) return null;
  return `${m[1]}|${cookie ? parseLocale(readCookie(cookie, LOCALE_COOKIE)) : "sv"}`;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const ae = req.headers["accept-encoding"];
  return typeof ae === "string" && /\bgzip\b/.test(ae);
}

/**
 * Answers an anonymous `/kommun/:slug` from the rendered-HTML cache (with the page's own security
 * headers, kept from the render, and a gzip copy) and returns true, or returns false. It runs before
 * Express sets up the request at all: a hit needs nothing else the app does (see src/http/app.ts).
 */
export function answerPublicPageFromCache(req: IncomingMessage, res: ServerResponse): boolean {
  const key = cacheable(req);
  const hit = key ? getPublicPage(key) : undefined;
  if (!hit) return false;
  const gzip = hit.gzip && acceptsGzip(req);
  const body = gzip ? hit.gzip! : hit.body;
  res.writeHead(200, {
    ...hit.headers,
    "x-request-id": randomUUID(),
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    vary: "Accept-Encoding",
    "content-length": String(body.length),
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

/**
 * The public kommun page (`/kommun/:slug`) for anonymous visitors, from a rendered-HTML cache per slug
 * and locale (src/services/promises/public-cache.ts; docs/decisions/0005-public-page.md). A miss
 * renders through React Router exactly as the page route would, and is stored with the headers the
 * app set (helmet's CSP and friends). Signed-in visitors (their name is in the header), API callers,
 * query strings and data requests go on to the normal handler.
 */
export function publicKommunPageCache(deps: {
  build: ServerBuild;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => Promise<AppLoadContext>;
}) {
  const render = createRequestHandler(deps.build, "production");
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const key = cacheable(req);
    if (!key) return next();
    const generation = publicPageGeneration();
    void (async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
      const response = await render(new Request(url, { method: "GET", headers }), await deps.getLoadContext(req, res));
      const body = Buffer.from(await response.arrayBuffer());
      const out: Record<string, string> = {};
      response.headers.forEach((v, k) => {
        if (!["content-length", "content-encoding", "transfer-encoding", "set-cookie"].includes(k)) out[k] = v;
      });
      res.status(response.status).set(out);
      if (response.status === 200 && out["content-type"]?.startsWith("text/html")) {
        const kept: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.getHeaders()))
          if (v !== undefined && !["x-request-id", "set-cookie", "content-length", "etag"].includes(k))
            kept[k] = Array.isArray(v) ? v.join(", ") : String(v);
        setPublicPage(key, generation, { body, gzip: gzipSync(body), headers: kept });
      }
      res.send(body);
    })().catch(next);
  };
}
