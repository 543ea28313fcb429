import type { Config } from "../../src/config.ts";
import type { ServiceContext } from "../../src/services/core/context.ts";
import { translate, type Locale, type MessageKey } from "../i18n/index.ts";

/** What the Express server hands every loader and action (see src/http/app.ts). */
export interface SamverkanLoadContext {
  ctx: ServiceContext;
  config: Config;
  locale: Locale;
  /** Set a cookie on the response (the session cookie on sign-in). */
  setCookie: (name: string, value: string, options: { maxAgeSeconds?: number; httpOnly?: boolean }) => void;
  clientIp: string;
}

declare module "react-router" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends SamverkanLoadContext {}
}

export function t(locale: Locale, key: MessageKey | string, params?: Record<string, string | number>): string {
  return translate(locale, key, params);
}
