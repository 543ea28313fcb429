import { join } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../config.ts";
import type { Logger } from "../../server/log.ts";
import { startDevMailSink, type DevMailSink } from "./dev-sink.ts";

/**
 * The SMTP transport from SMTP_URL (e.g. smtp://user:pass@mail.example:587). Without SMTP_URL there
 * is none: mail stays queued in the outbox (nothing is lost) until an operator configures one – see
 * docs/decisions/0006.
 */
export function createMailTransport(config: Config): Transporter | null {
  if (!config.smtpUrl) return null;
  return nodemailer.createTransport(config.smtpUrl);
}

export interface MailTransport {
  /** null: no way to send (mail stays queued). */
  transport: Transporter | null;
  /** The development mail server, when one was started. */
  sink: DevMailSink | null;
  close: () => Promise<void>;
}

/**
 * How this process sends mail (docs/decisions/0006):
 *  - SMTP_URL set: that server;
 *  - no SMTP_URL, the embedded database (a laptop: `npm start`, `npm run dev`) and DEV_SMTP not
 *    "off": the development mail server on 127.0.0.1:DEV_SMTP_PORT, which saves every mail in
 *    DATA_DIR/mail/*.eml – a real SMTP conversation, nothing leaves the machine;
 *  - otherwise (or when smtp-server is not installed): none; mail stays queued, with a warning.
 * NODE_ENV is not consulted: bin/samverkan runs `start` with NODE_ENV=production on laptops too.
 */
export async function openMailTransport(
  config: Config,
  options: { embedded: boolean; log: Logger; port?: number },
): Promise<MailTransport> {
  const { log } = options;
  const direct = createMailTransport(config);
  if (direct) return { transport: direct, sink: null, close: async () => direct.close() };
  if (options.embedded && config.devSmtp) {
    const sink = await startDevMailSink({
      dir: join(config.dataDir, "mail"),
      port: options.port ?? config.devSmtpPort,
      log,
    });
    if (sink) {
      const transport = nodemailer.createTransport({
        host: "127.0.0.1",
        port: sink.port,
        secure: false,
        ignoreTLS: true,
      });
      log.info(`SMTP_URL is not set: the development mail server on 127.0.0.1:${sink.port} saves mail in ${sink.dir}`);
      return {
        transport,
        sink,
        close: async () => {
          transport.close();
          await sink.close();
        },
      };
    }
    log.warn("the development mail server needs the smtp-server package (a devDependency)");
  }
  log.warn("SMTP_URL is not set: mail stays queued in the outbox until it is");
  return { transport: null, sink: null, close: async () => {} };
}
