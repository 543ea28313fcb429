import type { AddressInfo } from "node:net";
import type { Database } from "../../src/db/client.ts";
import { createHttpApp } from "../../src/http/app.ts";
import type { Logger } from "../../src/server/log.ts";
import { testConfig } from "./db.ts";

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** Everything the app logged at error level: an unexpected 500 shows up here. */
  errors: { msg: string; extra?: unknown }[];
  close: () => Promise<void>;
}

/**
 * Starts the Express app without the React build (API only) on a free port. Call close() in
 * afterAll; requests are made with the global fetch.
 */
export async function startTestServer(database: Database): Promise<TestServer> {
  const errors: { msg: string; extra?: unknown }[] = [];
  const log: Logger = {
    info: () => undefined,
    warn: () => undefined,
    error: (msg, extra) => {
      errors.push({ msg, extra });
    },
  };
  const app = createHttpApp({ db: database.db, config: testConfig, log });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    errors,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
