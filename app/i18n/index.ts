import { en } from "./en.ts";
import { sv, type MessageKey } from "./sv.ts";

export type { MessageKey };
export const locales = ["sv", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "sv";

const catalogues: Record<Locale, Record<MessageKey, string>> = { sv, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in sv;
}

/** Looks up a message; an unknown key is returned as is, so a missing text is visible, not blank. */
export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const template = isMessageKey(key) ? catalogues[locale][key] : key;
  return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : template;
}

export function parseLocale(value: string | null | undefined): Locale {
  return value === "en" ? "en" : "sv";
}
