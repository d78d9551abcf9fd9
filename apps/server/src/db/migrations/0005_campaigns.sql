CREATE TABLE "assessment_score" (
	"tenant_id" uuid NOT NULL,
	"self_assessment_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"side" text NOT NULL,
	"score" numeric(10, 2) NOT NULL,
	"note" text,
	"file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"scored_by" uuid,
	"scored_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_score_tenant_id_self_assessment_id_indicator_id_side_pk" PRIMARY KEY("tenant_id","self_assessment_id","indicator_id","side")
);
--> statement-breakpoint
CREATE TABLE "campaign" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"description" text,
	"framework_id" uuid,
	"remind_days_before" integer DEFAULT 3 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_action" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_action_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "campaign_action_name_uq" UNIQUE("tenant_id","campaign_id","name")
);
--> statement-breakpoint
CREATE TABLE "ledger_entry" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid,
	"text" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entry_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "notice" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"campaign_id" uuid,
	"task_id" uuid,
	"file_id" uuid,
	"doc_year" integer,
	"doc_seq" integer,
	"doc_number" text,
	"dedupe_key" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notice_dedupe_uq" UNIQUE("tenant_id","dedupe_key"),
	CONSTRAINT "notice_doc_number_uq" UNIQUE("tenant_id","doc_year","doc_seq")
);
--> statement-breakpoint
CREATE TABLE "self_assessment" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"campaign_id" uuid,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"report_file_id" uuid,
	"submitted_at" timestamp (3) with time zone,
	"checked_at" timestamp (3) with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_assessment_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "task" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"action_id" uuid,
	"indicator_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"lead_unit_id" uuid NOT NULL,
	"owner_person_id" uuid,
	"deadline" date NOT NULL,
	"cadence" text NOT NULL,
	"state" text DEFAULT 'assigned' NOT NULL,
	"last_reported_at" timestamp (3) with time zone,
	"accepted_at" timestamp (3) with time zone,
	"overdue_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_transition" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_transition_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_unit" (
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "task_unit_tenant_id_task_id_unit_id_pk" PRIMARY KEY("tenant_id","task_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_tenant_id_self_assessment_id_self_assessment_tenant_id_id_fk" FOREIGN KEY ("tenant_id","self_assessment_id") REFERENCES "public"."self_assessment"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_tenant_id_indicator_id_indicator_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."indicator"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_tenant_id_framework_id_framework_tenant_id_id_fk" FOREIGN KEY ("tenant_id","framework_id") REFERENCES "public"."framework"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_action" ADD CONSTRAINT "campaign_action_tenant_id_campaign_id_campaign_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaign"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_tenant_id_task_id_task_tenant_id_id_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."task"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_tenant_id_unit_id_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_tenant_id_unit_id_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_tenant_id_task_id_task_tenant_id_id_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."task"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_tenant_id_file_id_file_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment" ADD CONSTRAINT "self_assessment_tenant_id_unit_id_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment" ADD CONSTRAINT "self_assessment_tenant_id_framework_id_framework_tenant_id_id_fk" FOREIGN KEY ("tenant_id","framework_id") REFERENCES "public"."framework"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment" ADD CONSTRAINT "self_assessment_tenant_id_campaign_id_campaign_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaign"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment" ADD CONSTRAINT "self_assessment_tenant_id_report_file_id_file_tenant_id_id_fk" FOREIGN KEY ("tenant_id","report_file_id") REFERENCES "public"."file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_tenant_id_campaign_id_campaign_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaign"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_tenant_id_action_id_campaign_action_tenant_id_id_fk" FOREIGN KEY ("tenant_id","action_id") REFERENCES "public"."campaign_action"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_tenant_id_indicator_id_indicator_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."indicator"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_tenant_id_lead_unit_id_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_tenant_id_owner_person_id_person_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_person_id") REFERENCES "public"."person"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_transition" ADD CONSTRAINT "task_transition_tenant_id_task_id_task_tenant_id_id_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."task"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_unit" ADD CONSTRAINT "task_unit_tenant_id_task_id_task_tenant_id_id_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."task"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_unit" ADD CONSTRAINT "task_unit_tenant_id_unit_id_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entry_task_idx" ON "ledger_entry" USING btree ("tenant_id","task_id","created_at");--> statement-breakpoint
CREATE INDEX "notice_unit_idx" ON "notice" USING btree ("tenant_id","unit_id","created_at");--> statement-breakpoint
CREATE INDEX "self_assessment_unit_idx" ON "self_assessment" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "task_campaign_idx" ON "task" USING btree ("tenant_id","campaign_id","deadline");--> statement-breakpoint
CREATE INDEX "task_state_deadline_idx" ON "task" USING btree ("tenant_id","state","deadline");--> statement-breakpoint
CREATE INDEX "task_lead_unit_idx" ON "task" USING btree ("tenant_id","lead_unit_id");--> statement-breakpoint
CREATE INDEX "task_transition_task_idx" ON "task_transition" USING btree ("tenant_id","task_id","at");--> statement-breakpoint
CREATE INDEX "task_unit_unit_idx" ON "task_unit" USING btree ("tenant_id","unit_id");