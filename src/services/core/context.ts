import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";

export type Role = "admin" | "editor" | "contributor" | "viewer";

export interface Actor {
  userId: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  /** organisationId → role. */
  memberships: ReadonlyMap<string, Role>;
  /** Organisations whose agreements the actor may read: its own and their parents (computed at sign-in). */
  readableOrganisationIds: readonly string[];
}

/** What every use case receives: the database, who is asking (null: anonymous), and the clock. */
export interface ServiceContext {
  db: Db;
  config: Config;
  actor: Actor | null;
  requestId?: string | undefined;
  now: () => Date;
  /** The operator at the command line: may do what a platform admin may. Never set by the web. */
  system?: boolean;
}

export function systemContext(db: Db, config: Config): ServiceContext {
  return { db, config, actor: null, now: () => new Date(), system: true };
}
