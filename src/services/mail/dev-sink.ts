import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { SMTPServer as SMTPServerClass } from "smtp-server";
import type { Logger } from "../../server/log.ts";

export interface DevMailSink {
  port: number;
  /** The directory the .eml files are written to. */
  dir: string;
  close: () => Promise<void>;
}

/** A file name that sorts by arrival: 20261201T090000123Z-<outbox id or random>.eml */
export function emlFileName(at: Date, raw: string): string {
  const id = /^X-Samverkan-Mail:\s*([\w-]+)/im.exec(raw)?.[1] ?? randomUUID();
  return `${at.toISOString().replace(/[-:.]/g, "")}-${id}.eml`;
}

/**
 * The development mail server (docs/decisions/0006): a real SMTP server from the `smtp-server`
 * package on 127.0.0.1 that accepts every mail and saves it as `<dir>/<timestamp>-<id>.eml`, logging
 * one line per mail. `smtp-server` is a devDependency: when it is not installed (a production
 * install) this returns null and the caller keeps today's behaviour (mail stays queued, a warning).
 * Port 0 picks a free port; a port in use falls back to a free one with a warning.
 */
export async function startDevMailSink(options: {
  dir: string;
  port: number;
  log: Logger;
}): Promise<DevMailSink | null> {
  let SMTPServer: typeof SMTPServerClass;
  try {
    ({ SMTPServer } = await import("smtp-server"));
  } catch {
    return null;
  }
  const { dir, log } = options;
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    banner: "Samverkan development mail server – nothing leaves this machine",
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", (e: Error) => callback(e));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const file = join(dir, emlFileName(new Date(), raw.subarray(0, 8192).toString("utf8")));
        const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
        writeFile(file, raw).then(
          () => {
            log.info(`mail to ${to} saved in ${file}`);
            callback();
          },
          (e: unknown) => {
            log.error(`mail to ${to} could not be saved in ${dir}`, e);
            callback(e as Error);
          },
        );
      });
    },
  });
  let started = false;
  // Errors while listening are handled below; after that, a broken connection is only worth a warning.
  server.on("error", (e) => {
    if (started) log.warn("development mail server", e);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      server.server.once("error", onError);
      server.listen(port, "127.0.0.1", () => {
        server.server.off("error", onError);
        resolve();
      });
    });
  try {
    await listen(options.port);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    log.warn(`development mail server: port ${options.port} is in use, using a free one`);
    await listen(0);
  }
  started = true;
  const port = (server.server.address() as AddressInfo).port;
  return { port, dir, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
