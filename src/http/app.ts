import { randomUUID } from "node:crypto";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import type { AppLoadContext, ServerBuild } from "react-router";
import { parseLocale } from "../../app/i18n/index.ts";
import "../../app/lib/context.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { answerPublicPageFromCache, publicKommunPageCache } from "./api/promises.ts";
import { apiRouter } from "./api/router.ts";
import { clientIp, contextForRequest, LOCALE_COOKIE, readCookie } from "./context.ts";
import type { Logger } from "../server/log.ts";

export interface HttpAppOptions {
  db: Db;
  config: Config;
  log: Logger;
  /** The React Router server build; absent in API-only tests. */
  build?: ServerBuild;
  /** Directory of the client build (hashed assets). */
  clientDir?: string;
}

function requestId(req: Request, res: Response, next: NextFunction) {
  const incoming = req.headers["x-request-id"];
  const id = typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = id;
  res.setHeader("x-request-id", id);
  next();
}

/**
 * Cookie-authenticated form posts must come from our own pages. SameSite=Lax cookies already stop
 * most cross-site posts; checking Origin closes the rest (old browsers, same-site subdomains).
 */
function sameOriginPosts(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (req.headers.authorization?.startsWith("Bearer ")) return next();
  const origin = req.headers.origin;
  if (!origin || origin === "null") return next();
  const host = req.headers.host;
  try {
    if (new URL(origin).host === host) return next();
  } catch {
    // fall through
  }
  res.status(403).type("text/plain").send("Cross-site request refused");
}

export function createHttpApp(options: HttpAppOptions) {
  const { db, config, log } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback, linklocal, uniquelocal");
  app.use(requestId);
  app.use(compression());
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  // The API answers JSON only: it needs no page policies (CSP and friends are for HTML), but it must
  // never be sniffed as HTML, framed or cached by shared caches. The docs page has no scripts.
  app.use("/api/v1", (_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    if (config.secureCookies) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });
  app.use("/api/v1", apiRouter({ db, config, log }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'", "'unsafe-inline'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "upgrade-insecure-requests": config.secureCookies ? [] : null,
        },
      },
      hsts: config.secureCookies,
      // Not helmet's "no-referrer": with it browsers send `Origin: null` on form posts, which React
      // Router's CSRF check refuses (400), so forms without JavaScript (and sign-out) would fail.
      referrerPolicy: { policy: "same-origin" },
    }),
  );

  if (options.clientDir) {
    // Vite fingerprints everything under /assets, so it may be cached for a year.
    app.use("/assets", express.static(`${options.clientDir}/assets`, { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(options.clientDir, { maxAge: "1h", index: false }));
  }
  if (options.build) {
    const build = options.build;
    app.use(sameOriginPosts);
    const getLoadContext = async (req: Request, res: Response): Promise<AppLoadContext> => ({
      ctx: await contextForRequest(req, { db, config }),
      config,
      locale: parseLocale(readCookie(req.headers.cookie, LOCALE_COOKIE)),
      clientIp: clientIp(req),
      setCookie: (name, value, o) => {
        res.cookie(name, value, {
          httpOnly: o.httpOnly ?? true,
          sameSite: "lax",
          secure: config.secureCookies,
          path: "/",
          maxAge: o.maxAgeSeconds !== undefined ? o.maxAgeSeconds * 1000 : undefined,
        });
      },
    });
    // promises module: anonymous visitors get the public kommun page (/kommun/:slug) from a
    // rendered-HTML cache that every promise write empties (docs/decisions/0005-public-page.md).
    app.get("/kommun/:slug", publicKommunPageCache({ build, getLoadContext }));
    app.all(
      "/{*splat}",
      createRequestHandler({
        build,
        // Always production: development mode would put error stacks into the page.
        mode: "production",
        getLoadContext,
      }),
    );
  }
  // Last resort for anything outside the API and React Router: never a stack trace.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    log.error(`unhandled error in ${req.method} ${req.originalUrl}`, err);
    if (!res.headersSent)
      res
        .status(500)
        .type("text/plain")
        .send(`Internal error (request ${String(res.getHeader("x-request-id"))})`);
  });
  return app;
}

/**
 * The server's request listener: an anonymous request for a public kommun page that is already
 * rendered is answered from the cache before Express sets up the request (the stored headers are
 * the ones helmet and the app set when it was rendered); everything else goes to the app.
 * docs/decisions/0005-public-page.md
 */
export function requestListener(app: ReturnType<typeof createHttpApp>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!answerPublicPageFromCache(req, res)) app(req, res);
  };
}
