import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
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
    /** The weekly "Att göra" e-mail. */
    digestEnabled: boolean("digest_enabled").notNull().default(true),
    /** Bumped to revoke the user's secret iCal feed URLs. */
    feedKeyVersion: integer("feed_key_version").notNull().default(1),
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

// ---------------------------------------------------------------------------------------------
// The yearly cycle (DOMAIN.md §2–§4): lägesbild → problems → orsaksanalys → åtgärdsplan →
// medborgarlöften → uppföljning, with the årshjul's tasks and the mail outbox.
// ---------------------------------------------------------------------------------------------

export const cycleStatus = pgEnum("cycle_status", ["draft", "active", "closed"]);
export const actionStatus = pgEnum("action_status", [
  "planned",
  "ongoing",
  "done",
  "partly_done",
  "not_done",
  "cancelled",
]);
export const actionKind = pgEnum("action_kind", ["situational", "social"]);
export const actionHorizon = pgEnum("action_horizon", ["short", "long"]);
export const causeAxis = pgEnum("cause_axis", ["victim", "offender", "place"]);
export const promiser = pgEnum("promiser", ["police", "kommun", "together"]);
export const promiseStatus = pgEnum("promise_status", ["draft", "published", "closed"]);
export const promiseVerdict = pgEnum("promise_verdict", ["yes", "partly", "no"]);
export const followUpKind = pgEnum("follow_up_kind", ["production", "process", "effect"]);
export const calendarRuleKind = pgEnum("calendar_rule_kind", [
  "process_start",
  "situation_report_due",
  "promise_period_start",
  "promise_period_end",
  "annual_report",
  "review",
  "custom",
]);
export const mailStatus = pgEnum("mail_status", ["queued", "sent", "failed"]);

/** One entry of the lägesbild's source checklist (DOMAIN.md §3). */
export interface SituationSource {
  key: string;
  label: string;
  mandatory: boolean;
}
export interface SituationSourceUse extends SituationSource {
  used: boolean;
  note: string;
  link: string;
}
export interface ProblemPlace {
  name: string;
  lat: number | null;
  lng: number | null;
  area: string;
}
export interface IndicatorValue {
  year: number;
  /** null when suppressed or missing. */
  value: number | null;
  /** Brå/NTU suppress small cells ("XX", "..", "-"); the marker is kept as it was given. */
  suppressed: boolean;
  note: string;
}
export interface HandbookTick {
  done: boolean;
  note: string;
}

/** How an agreement runs its yearly cycle; defaults apply until someone saves them. */
export const agreementSettings = pgTable("agreement_settings", {
  agreementId: uuid("agreement_id")
    .primaryKey()
    .references(() => agreements.id, { onDelete: "cascade" }),
  /** The month a cycle starts (1–12). */
  cycleStartMonth: integer("cycle_start_month").notNull().default(1),
  /** "year" or "half_year" (April–September, October–March, as seed 003). */
  promisePeriod: text("promise_period").notNull().default("year"),
  /** Statutory review of the lägesbild and plan, in months (lag 2023:196; configurable). */
  reviewIntervalMonths: integer("review_interval_months").notNull().default(24),
  /** An action nobody has updated for this many days shows on the owners' "Att göra" list. */
  staleAfterDays: integer("stale_after_days").notNull().default(90),
  situationSources: jsonb("situation_sources").$type<SituationSource[]>().notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: updatedAt(),
});

export const cycles = pgTable(
  "cycles",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    status: cycleStatus("status").notNull().default("draft"),
    previousCycleId: uuid("previous_cycle_id").references((): never => cycles.id as never, { onDelete: "set null" }),
    // Lägesbild: the three parts lag (2023:196) 4 § requires.
    crimeMapping: text("crime_mapping").notNull().default(""),
    otherInformation: text("other_information").notNull().default(""),
    analysis: text("analysis").notNull().default(""),
    sources: jsonb("sources").$type<SituationSourceUse[]>().notNull().default([]),
    situationAdoptedByBodyId: uuid("situation_adopted_by_body_id").references(() => bodies.id, {
      onDelete: "set null",
    }),
    situationAdoptedOn: date("situation_adopted_on"),
    /** Why the prioritised problems were chosen. */
    prioritisationRationale: text("prioritisation_rationale").notNull().default(""),
    planAdoptedByBodyId: uuid("plan_adopted_by_body_id").references(() => bodies.id, { onDelete: "set null" }),
    planAdoptedOn: date("plan_adopted_on"),
    /** Samverkanshandboken's five steps, ticked by hand where the data cannot tell, keyed "step.item" ("1.jointDecision"). */
    handbook: jsonb("handbook").$type<Record<string, HandbookTick>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("cycles_agreement_idx").on(t.agreementId, t.startsOn)],
);

/** The cycle's prioritised focus areas (copied from the agreement's, carried to the next cycle). */
export const cycleFocusAreas = pgTable(
  "cycle_focus_areas",
  {
    id: id(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    focusAreaId: uuid("focus_area_id").references(() => focusAreas.id, { onDelete: "set null" }),
  },
  (t) => [index("cycle_focus_areas_cycle_idx").on(t.cycleId)],
);

/** Indicators live on the agreement, so a trend runs across cycles. */
export const indicators = pgTable(
  "indicators",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    source: text("source").notNull().default(""),
    unit: text("unit").notNull().default(""),
    /** Which way is better: "decrease" (fewer crimes) or "increase" (more feel safe). */
    direction: text("direction").notNull().default("decrease"),
    values: jsonb("values").$type<IndicatorValue[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("indicators_agreement_idx").on(t.agreementId)],
);

/** A problembild of the lägesbild, tied to places and times; prioritised ones get a cause analysis. */
export const problems = pgTable(
  "problems",
  {
    id: id(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    places: jsonb("places").$type<ProblemPlace[]>().notNull().default([]),
    times: text("times").notNull().default(""),
    prioritised: boolean("prioritised").notNull().default(false),
    rationale: text("rationale").notNull().default(""),
    cycleFocusAreaId: uuid("cycle_focus_area_id").references(() => cycleFocusAreas.id, { onDelete: "set null" }),
    /** Orsaksanalys: the chains of events, as free text. */
    eventChains: text("event_chains").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("problems_cycle_idx").on(t.cycleId)],
);

export const causes = pgTable(
  "causes",
  {
    id: id(),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    axis: causeAxis("axis").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("causes_problem_idx").on(t.problemId)],
);

export const actions = pgTable(
  "actions",
  {
    id: id(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    cycleFocusAreaId: uuid("cycle_focus_area_id").references(() => cycleFocusAreas.id, { onDelete: "set null" }),
    causeId: uuid("cause_id").references(() => causes.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    kind: actionKind("kind").notNull().default("situational"),
    horizon: actionHorizon("horizon").notNull().default("short"),
    contactPerson: text("contact_person").notNull().default(""),
    participants: text("participants").notNull().default(""),
    startsOn: date("starts_on"),
    deadline: date("deadline"),
    quantityTarget: text("quantity_target").notNull().default(""),
    followUpMethod: text("follow_up_method").notNull().default(""),
    followUpFrequency: text("follow_up_frequency").notNull().default(""),
    goal: text("goal").notNull().default(""),
    indicatorId: uuid("indicator_id").references(() => indicators.id, { onDelete: "set null" }),
    baselineYear: integer("baseline_year"),
    baselineValue: doublePrecision("baseline_value"),
    targetValue: doublePrecision("target_value"),
    targetYear: integer("target_year"),
    status: actionStatus("status").notNull().default("planned"),
    outcomeNote: text("outcome_note").notNull().default(""),
    hoursSpent: doublePrecision("hours_spent"),
    /** The action of the previous cycle this one carries on. */
    carriedFromId: uuid("carried_from_id"),
    /** When anyone last changed the action or followed it up: drives "senast uppdaterad för N dagar sedan". */
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("actions_cycle_idx").on(t.cycleId),
    index("actions_deadline_idx").on(t.deadline),
    // The "Att göra" list looks only at open actions (npm run bench todo).
    index("actions_open_cycle_idx")
      .on(t.cycleId)
      .where(sql`status in ('planned', 'ongoing')`),
  ],
);

/** Who is responsible for an action: one or more organisations, from either party or outside. */
export const actionResponsibles = pgTable(
  "action_responsibles",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.organisationId] }),
    index("action_responsibles_org_idx").on(t.organisationId),
  ],
);

export const followUps = pgTable(
  "follow_ups",
  {
    id: id(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    on: date("on").notNull(),
    kind: followUpKind("kind").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    /** The action's status this entry set, if it set one. */
    status: actionStatus("status"),
    note: text("note").notNull().default(""),
    quantity: doublePrecision("quantity"),
    hours: doublePrecision("hours"),
    /** "web", "api" or "link" (one-click e-mail link). */
    via: text("via").notNull().default("web"),
    createdAt: createdAt(),
  },
  (t) => [index("follow_ups_action_idx").on(t.actionId, t.on)],
);

export const citizenPromises = pgTable(
  "citizen_promises",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    cycleId: uuid("cycle_id").references(() => cycles.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
    promiser: promiser("promiser").notNull(),
    text: text("text").notNull().default(""),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    status: promiseStatus("status").notNull().default("draft"),
    /** On the public page. Publishing is explicit and can be withdrawn at once. */
    isPublic: boolean("is_public").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** "Gjorde vi det vi lovade?" */
    verdict: promiseVerdict("verdict"),
    verdictText: text("verdict_text").notNull().default(""),
    /** "Fick det effekt?" */
    effectText: text("effect_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("citizen_promises_agreement_idx").on(t.agreementId),
    index("citizen_promises_public_idx").on(t.isPublic),
  ],
);

export const citizenPromiseActions = pgTable(
  "citizen_promise_actions",
  {
    promiseId: uuid("promise_id")
      .notNull()
      .references(() => citizenPromises.id, { onDelete: "cascade" }),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.promiseId, t.actionId] }),
    index("citizen_promise_actions_action_idx").on(t.actionId),
  ],
);

export const communicationItems = pgTable(
  "communication_items",
  {
    id: id(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    message: text("message").notNull(),
    audience: text("audience").notNull().default(""),
    channel: text("channel").notNull().default(""),
    owner: text("owner").notNull().default(""),
    plannedOn: date("planned_on"),
    promiseId: uuid("promise_id").references(() => citizenPromises.id, { onDelete: "set null" }),
    milestone: text("milestone").notNull().default(""),
    done: boolean("done").notNull().default(false),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("communication_items_cycle_idx").on(t.cycleId)],
);

/** What was reported to whom and when (kommunstyrelsen, LPO leadership, citizens). */
export const cycleReports = pgTable(
  "cycle_reports",
  {
    id: id(),
    cycleId: uuid("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    recipient: text("recipient").notNull(),
    reportedOn: date("reported_on").notNull(),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("cycle_reports_cycle_idx").on(t.cycleId)],
);

/** The årshjul: recurring deadlines of an agreement, which generate dated tasks. */
export const calendarRules = pgTable(
  "calendar_rules",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: calendarRuleKind("kind").notNull(),
    title: text("title").notNull(),
    month: integer("month").notNull(),
    day: integer("day").notNull(),
    /** 12: every year; 6: every half-year; 24: every second year. */
    intervalMonths: integer("interval_months").notNull().default(12),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    active: boolean("active").notNull().default(true),
  },
  (t) => [index("calendar_rules_agreement_idx").on(t.agreementId)],
);

export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    ruleId: uuid("rule_id").references(() => calendarRules.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    dueOn: date("due_on").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    doneOn: date("done_on"),
    doneByUserId: uuid("done_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    // Generating tasks again must not duplicate them.
    uniqueIndex("tasks_rule_due_uq").on(t.ruleId, t.dueOn),
    index("tasks_owner_due_idx").on(t.ownerUserId, t.dueOn),
    index("tasks_agreement_due_idx").on(t.agreementId, t.dueOn),
  ],
);

/** Outgoing mail: queued in the same transaction as what caused it, sent and retried by a worker. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    kind: text("kind").notNull(),
    /** Makes enqueueing idempotent, e.g. "digest:<user>:<ISO week>". */
    dedupeKey: text("dedupe_key").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull().default(""),
    status: mailStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error").notNull().default(""),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mail_outbox_dedupe_uq").on(t.dedupeKey),
    index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
