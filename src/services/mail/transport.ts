import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../config.ts";

/**
 * The SMTP transport from SMTP_URL (e.g. smtp://user:pass@mail.example:587). Without SMTP_URL there
 * is none: mail stays queued in the outbox (nothing is lost) until an operator configures one – see
 * docs/decisions/0006.
 */
export function createMailTransport(config: Config): Transporter | null {
  if (!config.smtpUrl) return null;
  return nodemailer.createTransport(config.smtpUrl);
}
