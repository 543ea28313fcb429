CREATE TYPE "public"."action_horizon" AS ENUM('short', 'long');--> statement-breakpoint
CREATE TYPE "public"."action_kind" AS ENUM('situational', 'social');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('planned', 'ongoing', 'done', 'partly_done', 'not_done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."calendar_rule_kind" AS ENUM('process_start', 'situation_report_due', 'promise_period_start', 'promise_period_end', 'annual_report', 'review', 'custom');--> statement-breakpoint
CREATE TYPE "public"."cause_axis" AS ENUM('victim', 'offender', 'place');--> statement-breakpoint
CREATE TYPE "public"."cycle_status" AS ENUM('draft', 'active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."follow_up_kind" AS ENUM('production', 'process', 'effect');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('queued', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."promise_status" AS ENUM('draft', 'published', 'closed');--> statement-breakpoint
CREATE TYPE "public"."promise_verdict" AS ENUM('yes', 'partly', 'no');--> statement-breakpoint
CREATE TYPE "public"."promiser" AS ENUM('police', 'kommun', 'together');--> statement-breakpoint
CREATE TABLE "action_responsibles" (
	"action_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "action_responsibles_action_id_organisation_id_pk" PRIMARY KEY("action_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"cycle_focus_area_id" uuid,
	"cause_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "action_kind" DEFAULT 'situational' NOT NULL,
	"horizon" "action_horizon" DEFAULT 'short' NOT NULL,
	"contact_person" text DEFAULT '' NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"deadline" date,
	"quantity_target" text DEFAULT '' NOT NULL,
	"follow_up_method" text DEFAULT '' NOT NULL,
	"follow_up_frequency" text DEFAULT '' NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"indicator_id" uuid,
	"baseline_year" integer,
	"baseline_value" double precision,
	"target_value" double precision,
	"target_year" integer,
	"status" "action_status" DEFAULT 'planned' NOT NULL,
	"outcome_note" text DEFAULT '' NOT NULL,
	"hours_spent" double precision,
	"carried_from_id" uuid,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_settings" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
	"cycle_start_month" integer DEFAULT 1 NOT NULL,
	"promise_period" text DEFAULT 'year' NOT NULL,
	"review_interval_months" integer DEFAULT 24 NOT NULL,
	"stale_after_days" integer DEFAULT 90 NOT NULL,
	"situation_sources" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "calendar_rule_kind" NOT NULL,
	"title" text NOT NULL,
	"month" integer NOT NULL,
	"day" integer NOT NULL,
	"interval_months" integer DEFAULT 12 NOT NULL,
	"owner_user_id" uuid,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "causes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"axis" "cause_axis" NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_promise_actions" (
	"promise_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	CONSTRAINT "citizen_promise_actions_promise_id_action_id_pk" PRIMARY KEY("promise_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "citizen_promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"cycle_id" uuid,
	"position" integer NOT NULL,
	"promiser" "promiser" NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"period_start" date,
	"period_end" date,
	"status" "promise_status" DEFAULT 'draft' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"verdict" "promise_verdict",
	"verdict_text" text DEFAULT '' NOT NULL,
	"effect_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communication_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"message" text NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"channel" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"planned_on" date,
	"promise_id" uuid,
	"milestone" text DEFAULT '' NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_focus_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"focus_area_id" uuid
);
--> statement-breakpoint
CREATE TABLE "cycle_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"reported_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "cycle_status" DEFAULT 'draft' NOT NULL,
	"previous_cycle_id" uuid,
	"crime_mapping" text DEFAULT '' NOT NULL,
	"other_information" text DEFAULT '' NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"situation_adopted_by_body_id" uuid,
	"situation_adopted_on" date,
	"prioritisation_rationale" text DEFAULT '' NOT NULL,
	"plan_adopted_by_body_id" uuid,
	"plan_adopted_on" date,
	"handbook" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"on" date NOT NULL,
	"kind" "follow_up_kind" NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"status" "action_status",
	"note" text DEFAULT '' NOT NULL,
	"quantity" double precision,
	"hours" double precision,
	"via" text DEFAULT 'web' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"direction" text DEFAULT 'decrease' NOT NULL,
	"values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"user_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text DEFAULT '' NOT NULL,
	"status" "mail_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"places" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"times" text DEFAULT '' NOT NULL,
	"prioritised" boolean DEFAULT false NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"cycle_focus_area_id" uuid,
	"event_chains" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"rule_id" uuid,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"owner_user_id" uuid,
	"done_on" date,
	"done_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "feed_key_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "action_responsibles" ADD CONSTRAINT "action_responsibles_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_responsibles" ADD CONSTRAINT "action_responsibles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_cycle_focus_area_id_cycle_focus_areas_id_fk" FOREIGN KEY ("cycle_focus_area_id") REFERENCES "public"."cycle_focus_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_cause_id_causes_id_fk" FOREIGN KEY ("cause_id") REFERENCES "public"."causes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_settings" ADD CONSTRAINT "agreement_settings_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_rules" ADD CONSTRAINT "calendar_rules_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_rules" ADD CONSTRAINT "calendar_rules_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "causes" ADD CONSTRAINT "causes_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_promise_actions" ADD CONSTRAINT "citizen_promise_actions_promise_id_citizen_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."citizen_promises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_promise_actions" ADD CONSTRAINT "citizen_promise_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_promises" ADD CONSTRAINT "citizen_promises_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_promises" ADD CONSTRAINT "citizen_promises_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_items" ADD CONSTRAINT "communication_items_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_items" ADD CONSTRAINT "communication_items_promise_id_citizen_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."citizen_promises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_focus_areas" ADD CONSTRAINT "cycle_focus_areas_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_focus_areas" ADD CONSTRAINT "cycle_focus_areas_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_reports" ADD CONSTRAINT "cycle_reports_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_previous_cycle_id_cycles_id_fk" FOREIGN KEY ("previous_cycle_id") REFERENCES "public"."cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_situation_adopted_by_body_id_bodies_id_fk" FOREIGN KEY ("situation_adopted_by_body_id") REFERENCES "public"."bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_plan_adopted_by_body_id_bodies_id_fk" FOREIGN KEY ("plan_adopted_by_body_id") REFERENCES "public"."bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_cycle_focus_area_id_cycle_focus_areas_id_fk" FOREIGN KEY ("cycle_focus_area_id") REFERENCES "public"."cycle_focus_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_rule_id_calendar_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."calendar_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_done_by_user_id_users_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_responsibles_org_idx" ON "action_responsibles" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "actions_cycle_idx" ON "actions" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "actions_deadline_idx" ON "actions" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "calendar_rules_agreement_idx" ON "calendar_rules" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "causes_problem_idx" ON "causes" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "citizen_promise_actions_action_idx" ON "citizen_promise_actions" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "citizen_promises_agreement_idx" ON "citizen_promises" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "citizen_promises_public_idx" ON "citizen_promises" USING btree ("is_public");--> statement-breakpoint
CREATE INDEX "communication_items_cycle_idx" ON "communication_items" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "cycle_focus_areas_cycle_idx" ON "cycle_focus_areas" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "cycle_reports_cycle_idx" ON "cycle_reports" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "cycles_agreement_idx" ON "cycles" USING btree ("agreement_id","starts_on");--> statement-breakpoint
CREATE INDEX "follow_ups_action_idx" ON "follow_ups" USING btree ("action_id","on");--> statement-breakpoint
CREATE INDEX "indicators_agreement_idx" ON "indicators" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe_uq" ON "mail_outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "problems_cycle_idx" ON "problems" USING btree ("cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_rule_due_uq" ON "tasks" USING btree ("rule_id","due_on");--> statement-breakpoint
CREATE INDEX "tasks_owner_due_idx" ON "tasks" USING btree ("owner_user_id","due_on");--> statement-breakpoint
CREATE INDEX "tasks_agreement_due_idx" ON "tasks" USING btree ("agreement_id","due_on");