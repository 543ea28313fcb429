import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
const id = () =>
  uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const organisationKind = pgEnum("organisation_kind", [
  "kommun",
  "lpo",
  "department",
  "company",
  "authority",
  "other",
]);
export const role = pgEnum("membership_role", ["admin", "editor", "contributor", "viewer"]);
export const partyRole = pgEnum("party_role", ["kommun", "lpo", "other"]);
export const bodyKind = pgEnum("body_kind", ["steering_group", "bra", "project_group", "working_group", "other"]);
export const annexKind = pgEnum("annex_kind", [
  "action_plan",
  "citizen_promise",
  "situation_report",
  "communication_plan",
  "other",
]);

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    kind: organisationKind("kind").notNull(),
    name: text("name").notNull(),
    /** SCB code, set for kind "kommun" only. */
    municipalityCode: text("municipality_code"),
    /** Polisregion code, set for kind "lpo". */
    policeRegion: text("police_region"),
    parentId: uuid("parent_id").references((): never => organisations.id as never, { onDelete: "restrict" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("organisations_municipality_code_uq")
      .on(t.municipalityCode)
      .where(sql`kind = 'kommun'`),
    index("organisations_parent_idx").on(t.parentId),
  ],
);

/** Which kommuner a lokalpolisområde covers, and when: coverage changes over time. */
export const policeAreaCoverage = pgTable(
  "police_area_coverage",
  {
    id: id(),
    policeAreaId: uuid("police_area_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    municipalityCode: text("municipality_code").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    createdAt: createdAt(),
  },
  (t) => [index("police_area_coverage_area_idx").on(t.policeAreaId)],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    locale: text("locale").notNull().default("sv"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("users_email_uq").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: role("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index("memberships_org_idx").on(t.organisationId)],
);

/** Sessions are stored by the SHA-256 of their token, so a leaked table cannot be replayed. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters of the token, shown in lists so a user can tell tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at), index("sign_in_attempts_ip_at_idx").on(t.ip, t.at)],
);

export const agreements = pgTable("agreements", {
  id: id(),
  title: text("title").notNull(),
  purpose: text("purpose").notNull().default(""),
  method: text("method").notNull().default(""),
  organisationText: text("organisation_text").notNull().default(""),
  /** Ordered list of commitments (åtaganden). */
  commitments: jsonb("commitments").$type<string[]>().notNull().default([]),
  validFrom: date("valid_from"),
  validTo: date("valid_to"),
  untilFurtherNotice: boolean("until_further_notice").notNull().default(false),
  revisionNote: text("revision_note").notNull().default(""),
  terminable: boolean("terminable").notNull().default(false),
  /** When the agreement was entered into, where the signatories' own dates are not recorded. */
  signedOn: date("signed_on"),
  terminatedOn: date("terminated_on"),
  terminationNote: text("termination_note").notNull().default(""),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer("version").notNull().default(1),
});

export const agreementParties = pgTable(
  "agreement_parties",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    role: partyRole("role").notNull(),
    position: integer("position").notNull(),
    /** The party's coordinator or contact person (samordnare, kommunpolis). */
    contactName: text("contact_name").notNull().default(""),
    contactTitle: text("contact_title").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organisationId] }),
    index("agreement_parties_org_idx").on(t.organisationId),
  ],
);

export const signatories = pgTable(
  "signatories",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    place: text("place").notNull().default(""),
    signedOn: date("signed_on"),
  },
  (t) => [index("signatories_agreement_idx").on(t.agreementId)],
);

export interface BodyMember {
  name: string;
  organisationId: string | null;
  role: string;
}

export const bodies = pgTable(
  "bodies",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    kind: bodyKind("kind").notNull(),
    mandate: text("mandate").notNull().default(""),
    members: jsonb("members").$type<BodyMember[]>().notNull().default([]),
  },
  (t) => [index("bodies_agreement_idx").on(t.agreementId)],
);

export const files = pgTable("files", {
  id: id(),
  filename: text("filename").notNull(),
  mediaType: text("media_type").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  createdAt: createdAt(),
});

export const annexes = pgTable(
  "annexes",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    kind: annexKind("kind").notNull(),
    url: text("url"),
    fileId: uuid("file_id").references(() => files.id, { onDelete: "restrict" }),
  },
  (t) => [index("annexes_agreement_idx").on(t.agreementId)],
);

export const focusAreas = pgTable(
  "focus_areas",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [index("focus_areas_agreement_idx").on(t.agreementId)],
);

/**
 * Append-only: a trigger in the migration refuses UPDATE, DELETE and TRUNCATE, so not even a bug in
 * the application can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId), index("audit_log_at_idx").on(t.at)],
);

export const meta = pgTable("samverkan_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
