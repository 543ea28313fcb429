import { resolve } from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Everything else receives a Config. Invalid settings fail at
 * start with a message naming the variable, never later in a request.
 */
const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(25),
  EXPIRY_WARNING_DAYS: z.coerce.number().int().min(1).max(730).default(90),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Samverkan <noreply@samverkan.local>"),
  // Tasks module: the in-process job scheduler (outbox, daily tasks, weekly digest).
  JOBS: z.enum(["on", "off"]).optional(),
  DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  // Tasks module: the development mail server (no SMTP_URL + embedded database; docs/decisions/0006).
  DEV_SMTP: z.enum(["on", "off"]).default("on"),
  DEV_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  publicUrl: string;
  sessionDays: number;
  secureCookies: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  maxUploadBytes: number;
  expiryWarningDays: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Tasks module: run the job scheduler in the server process (default on, off in tests). */
  jobs: boolean;
  /** ISO weekday (1 = Monday) and hour (Europe/Stockholm) the weekly digest is queued. */
  digestWeekday: number;
  digestHour: number;
  /** Tasks module: start the in-process SMTP sink that saves mail in DATA_DIR/mail (see docs/decisions/0006). */
  devSmtp: boolean;
  devSmtpPort: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    publicUrl,
    sessionDays: e.SESSION_DAYS,
    secureCookies: e.SECURE_COOKIES === "auto" ? publicUrl.startsWith("https:") : e.SECURE_COOKIES === "true",
    logLevel: e.LOG_LEVEL,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    expiryWarningDays: e.EXPIRY_WARNING_DAYS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    jobs: (e.JOBS ?? (e.NODE_ENV === "test" ? "off" : "on")) === "on",
    digestWeekday: e.DIGEST_WEEKDAY,
    digestHour: e.DIGEST_HOUR,
    devSmtp: e.DEV_SMTP === "on",
    devSmtpPort: e.DEV_SMTP_PORT,
  };
}
