import type { Request } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { ServiceContext } from "../services/core/context.ts";
import { actorForApiToken, actorForSession } from "../services/auth/users.ts";

export const SESSION_COOKIE = "sv_session";
export const LOCALE_COOKIE = "sv_locale";

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export interface RequestServices {
  db: Db;
  config: Config;
}

/** Resolves who is calling: a bearer token (API) or the session cookie (web). */
export async function contextForRequest(req: Request, services: RequestServices): Promise<ServiceContext> {
  const auth = req.headers.authorization;
  let actor = null;
  if (auth?.startsWith("Bearer ")) {
    actor = await actorForApiToken(services.db, auth.slice(7).trim());
  } else {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) actor = await actorForSession(services.db, token);
  }
  return {
    db: services.db,
    config: services.config,
    actor,
    requestId: String(req.headers["x-request-id"] ?? ""),
    now: () => new Date(),
  };
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}
