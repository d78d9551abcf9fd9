CREATE SEQUENCE "public"."service_order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 20;--> statement-breakpoint
CREATE SEQUENCE "public"."timebank_entry_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "evaluation" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"series" text NOT NULL,
	"version" integer NOT NULL,
	"framework_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_value" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"period_label" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_level" text,
	"region_code" text NOT NULL,
	"scheme" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"job_id" uuid,
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"computed_at" timestamp (3) with time zone,
	CONSTRAINT "evaluation_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "evaluation_series_version_uq" UNIQUE("tenant_id","series","period_start","period_end","version")
);
--> statement-breakpoint
CREATE TABLE "evaluation_indicator_score" (
	"tenant_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"subject_key" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"source" text NOT NULL,
	"full_points" numeric(10, 2) NOT NULL,
	"score" numeric(12, 4) NOT NULL,
	"met" integer,
	"applicable" integer,
	"not_sampled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "evaluation_indicator_score_tenant_id_evaluation_id_subject_key_indicator_id_source_pk" PRIMARY KEY("tenant_id","evaluation_id","subject_key","indicator_id","source")
);
--> statement-breakpoint
CREATE TABLE "evaluation_result" (
	"tenant_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"subject_key" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid,
	"subject_code" text,
	"subject_name" text NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"score" numeric(10, 2),
	"full_score" numeric(10, 2) NOT NULL,
	"rank" integer,
	"rank_change" integer,
	"previous_score" numeric(10, 2),
	"passed" boolean DEFAULT false NOT NULL,
	"excellent" boolean DEFAULT false NOT NULL,
	"compliant" boolean DEFAULT false NOT NULL,
	"red_list" boolean DEFAULT false NOT NULL,
	"black_list" boolean DEFAULT false NOT NULL,
	"summons" boolean DEFAULT false NOT NULL,
	"vetoed" boolean DEFAULT false NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"components" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"negative_deduction" numeric(10, 2) DEFAULT 0 NOT NULL,
	"sampled_points" integer DEFAULT 0 NOT NULL,
	"observations" integer DEFAULT 0 NOT NULL,
	"problems_found" integer DEFAULT 0 NOT NULL,
	"problems_closed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "evaluation_result_tenant_id_evaluation_id_subject_key_pk" PRIMARY KEY("tenant_id","evaluation_id","subject_key")
);
--> statement-breakpoint
CREATE TABLE "activity" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"description" text,
	"site_id" uuid,
	"team_id" uuid,
	"region_code" text NOT NULL,
	"place" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"radius_m" integer NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"recruit_limit" integer NOT NULL,
	"required_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"team_only" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"qr_secret" text NOT NULL,
	"reminder_sent_at" timestamp (3) with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_notice" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp (3) with time zone,
	CONSTRAINT "activity_notice_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "activity_notice_once_uq" UNIQUE("tenant_id","activity_id","volunteer_id","kind")
);
--> statement-breakpoint
CREATE TABLE "activity_project" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"site_id" uuid,
	"team_id" uuid,
	"region_code" text NOT NULL,
	"is_brand" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_project_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_signup" (
	"tenant_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"signed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"check_in_at" timestamp (3) with time zone,
	"check_out_at" timestamp (3) with time zone,
	"check_in_lat" double precision,
	"check_in_lng" double precision,
	"closed_by_organiser" boolean DEFAULT false NOT NULL,
	"minutes" integer,
	"hours" numeric(6, 1),
	"hours_status" text DEFAULT 'none' NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp (3) with time zone,
	CONSTRAINT "activity_signup_tenant_id_activity_id_volunteer_id_pk" PRIMARY KEY("tenant_id","activity_id","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "team_member" (
	"tenant_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"note" text,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp (3) with time zone,
	"decided_by" uuid,
	CONSTRAINT "team_member_tenant_id_team_id_volunteer_id_pk" PRIMARY KEY("tenant_id","team_id","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"account_id" uuid,
	"name" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"id_card_enc" text NOT NULL,
	"id_card_hash" text NOT NULL,
	"id_card_masked" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"political_status" text,
	"education" text,
	"emergency_name" text,
	"emergency_phone_enc" text,
	"emergency_phone_masked" text,
	"region_code" text NOT NULL,
	"home_lat" double precision,
	"home_lng" double precision,
	"site_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"confirmed_hours" numeric(10, 1) DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "volunteer_number_uq" UNIQUE("tenant_id","number"),
	CONSTRAINT "volunteer_id_card_uq" UNIQUE("tenant_id","id_card_hash"),
	CONSTRAINT "volunteer_account_uq" UNIQUE("tenant_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_certificate" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"hours" numeric(10, 1) NOT NULL,
	"period_from" date,
	"period_to" date,
	"content" jsonb NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_certificate_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "volunteer_certificate_number_uq" UNIQUE("tenant_id","number")
);
--> statement-breakpoint
CREATE TABLE "volunteer_number_seq" (
	"tenant_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "volunteer_number_seq_tenant_id_prefix_pk" PRIMARY KEY("tenant_id","prefix")
);
--> statement-breakpoint
CREATE TABLE "volunteer_setting" (
	"tenant_id" uuid NOT NULL,
	"rounding" jsonb NOT NULL,
	"star_thresholds" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_setting_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_team" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" uuid,
	"site_id" uuid,
	"unit_id" uuid,
	"region_code" text NOT NULL,
	"specialty" text,
	"description" text,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_team_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_item" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"required_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"team_id" uuid,
	"typical_hours" numeric(4, 1) DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_item_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_order" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"site_id" uuid NOT NULL,
	"item_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"urgency" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"region_code" text NOT NULL,
	"resident_name" text,
	"resident_phone_enc" text,
	"resident_phone_masked" text,
	"ordered_by" uuid NOT NULL,
	"ordered_by_name" text NOT NULL,
	"volunteer_id" uuid,
	"volunteer_account_id" uuid,
	"team_id" uuid,
	"merged_into" uuid,
	"pay_with_hours" boolean DEFAULT false NOT NULL,
	"respond_by" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"hours" numeric(4, 1),
	"notes" text,
	"rating" integer,
	"rating_comment" text,
	"returned_for" text,
	"overdue_at" timestamp (3) with time zone,
	"payment_journal_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_order_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "service_order_number_uq" UNIQUE("tenant_id","number")
);
--> statement-breakpoint
CREATE TABLE "service_order_event" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"reason" text,
	"detail" jsonb,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_order_event_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_order_photo" (
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_order_photo_tenant_id_order_id_file_id_pk" PRIMARY KEY("tenant_id","order_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "service_order_rating" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"comment" text,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_order_rating_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "timebank_account" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"branch_id" uuid,
	"volunteer_id" uuid,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timebank_account_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "timebank_account_volunteer_uq" UNIQUE("tenant_id","volunteer_id"),
	CONSTRAINT "timebank_account_owner_uq" UNIQUE("tenant_id","kind","account_id")
);
--> statement-breakpoint
CREATE TABLE "timebank_branch" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"region_code" text NOT NULL,
	"grid_id" uuid,
	"site_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timebank_branch_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "timebank_branch_grid_uq" UNIQUE("tenant_id","grid_id")
);
--> statement-breakpoint
CREATE TABLE "timebank_entry" (
	"tenant_id" uuid NOT NULL,
	"seq" bigint DEFAULT nextval('timebank_entry_seq') NOT NULL,
	"journal_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timebank_entry_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq")
);
--> statement-breakpoint
CREATE TABLE "timebank_family" (
	"tenant_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"member_account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timebank_family_tenant_id_account_id_member_account_id_pk" PRIMARY KEY("tenant_id","account_id","member_account_id")
);
--> statement-breakpoint
CREATE TABLE "timebank_goods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"price_hours" numeric(8, 2) NOT NULL,
	"stock" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timebank_goods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "timebank_journal" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"reverses_id" uuid,
	"memo" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timebank_journal_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "timebank_journal_source_uq" UNIQUE("tenant_id","source_kind","source_id"),
	CONSTRAINT "timebank_journal_reverses_uq" UNIQUE("tenant_id","reverses_id")
);
--> statement-breakpoint
CREATE TABLE "timebank_redemption" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"account_id" uuid NOT NULL,
	"goods_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"hours" numeric(10, 2) NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"journal_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fulfilled_at" timestamp (3) with time zone,
	"fulfilled_by" uuid,
	CONSTRAINT "timebank_redemption_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "timebank_redemption_code_uq" UNIQUE("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "bulletin" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"doc_year" integer NOT NULL,
	"doc_seq" integer NOT NULL,
	"doc_number" text NOT NULL,
	"title" text NOT NULL,
	"period_label" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"replaces_id" uuid,
	"superseded_by" uuid,
	"published_by" uuid,
	"published_by_name" text NOT NULL,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletin_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "bulletin_doc_number_uq" UNIQUE("tenant_id","doc_year","doc_seq"),
	CONSTRAINT "bulletin_replaces_uq" UNIQUE("tenant_id","replaces_id")
);
--> statement-breakpoint
CREATE TABLE "region_shape" (
	"tenant_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"center" jsonb NOT NULL,
	"source" text DEFAULT 'generated' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_shape_tenant_id_region_code_pk" PRIMARY KEY("tenant_id","region_code")
);
--> statement-breakpoint
ALTER TABLE "tenant" ADD COLUMN "region_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_tenant_id_framework_id_framework_tenant_id_id_fk" FOREIGN KEY ("tenant_id","framework_id") REFERENCES "public"."framework"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_indicator_score" ADD CONSTRAINT "evaluation_indicator_score_tenant_id_evaluation_id_evaluation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","evaluation_id") REFERENCES "public"."evaluation"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_result" ADD CONSTRAINT "evaluation_result_tenant_id_evaluation_id_evaluation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","evaluation_id") REFERENCES "public"."evaluation"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_tenant_id_project_id_activity_project_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."activity_project"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_tenant_id_site_id_practice_site_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."practice_site"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_tenant_id_team_id_volunteer_team_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."volunteer_team"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_notice" ADD CONSTRAINT "activity_notice_tenant_id_activity_id_activity_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activity"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_notice" ADD CONSTRAINT "activity_notice_tenant_id_volunteer_id_volunteer_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteer"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_project" ADD CONSTRAINT "activity_project_tenant_id_site_id_practice_site_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."practice_site"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_project" ADD CONSTRAINT "activity_project_tenant_id_team_id_volunteer_team_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."volunteer_team"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_project" ADD CONSTRAINT "activity_project_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signup" ADD CONSTRAINT "activity_signup_tenant_id_activity_id_activity_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activity"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signup" ADD CONSTRAINT "activity_signup_tenant_id_volunteer_id_volunteer_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteer"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_tenant_id_team_id_volunteer_team_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."volunteer_team"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_tenant_id_volunteer_id_volunteer_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteer"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_tenant_id_account_id_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_tenant_id_site_id_practice_site_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."practice_site"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_certificate" ADD CONSTRAINT "volunteer_certificate_tenant_id_volunteer_id_volunteer_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteer"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_tenant_id_parent_id_volunteer_team_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."volunteer_team"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_tenant_id_site_id_practice_site_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."practice_site"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_tenant_id_unit_id_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_item" ADD CONSTRAINT "service_item_tenant_id_site_id_practice_site_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."practice_site"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_item" ADD CONSTRAINT "service_item_tenant_id_team_id_volunteer_team_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."volunteer_team"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order" ADD CONSTRAINT "service_order_tenant_id_site_id_practice_site_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."practice_site"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order" ADD CONSTRAINT "service_order_tenant_id_item_id_service_item_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."service_item"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order" ADD CONSTRAINT "service_order_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order" ADD CONSTRAINT "service_order_tenant_id_volunteer_id_volunteer_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteer"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order" ADD CONSTRAINT "service_order_tenant_id_team_id_volunteer_team_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."volunteer_team"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order" ADD CONSTRAINT "service_order_tenant_id_merged_into_service_order_tenant_id_id_fk" FOREIGN KEY ("tenant_id","merged_into") REFERENCES "public"."service_order"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_event" ADD CONSTRAINT "service_order_event_tenant_id_order_id_service_order_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."service_order"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_photo" ADD CONSTRAINT "service_order_photo_tenant_id_order_id_service_order_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."service_order"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_rating" ADD CONSTRAINT "service_order_rating_tenant_id_order_id_service_order_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."service_order"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_rating" ADD CONSTRAINT "service_order_rating_tenant_id_volunteer_id_volunteer_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteer"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_account" ADD CONSTRAINT "timebank_account_tenant_id_branch_id_timebank_branch_tenant_id_id_fk" FOREIGN KEY ("tenant_id","branch_id") REFERENCES "public"."timebank_branch"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_account" ADD CONSTRAINT "timebank_account_tenant_id_volunteer_id_volunteer_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteer"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_branch" ADD CONSTRAINT "timebank_branch_tenant_id_parent_id_timebank_branch_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."timebank_branch"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_branch" ADD CONSTRAINT "timebank_branch_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_branch" ADD CONSTRAINT "timebank_branch_tenant_id_grid_id_grid_tenant_id_id_fk" FOREIGN KEY ("tenant_id","grid_id") REFERENCES "public"."grid"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_branch" ADD CONSTRAINT "timebank_branch_tenant_id_site_id_practice_site_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."practice_site"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_entry" ADD CONSTRAINT "timebank_entry_tenant_id_journal_id_timebank_journal_tenant_id_id_fk" FOREIGN KEY ("tenant_id","journal_id") REFERENCES "public"."timebank_journal"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_entry" ADD CONSTRAINT "timebank_entry_tenant_id_account_id_timebank_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."timebank_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_family" ADD CONSTRAINT "timebank_family_tenant_id_account_id_timebank_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."timebank_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_family" ADD CONSTRAINT "timebank_family_tenant_id_member_account_id_timebank_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_account_id") REFERENCES "public"."timebank_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_goods" ADD CONSTRAINT "timebank_goods_tenant_id_branch_id_timebank_branch_tenant_id_id_fk" FOREIGN KEY ("tenant_id","branch_id") REFERENCES "public"."timebank_branch"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_journal" ADD CONSTRAINT "timebank_journal_tenant_id_reverses_id_timebank_journal_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reverses_id") REFERENCES "public"."timebank_journal"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_redemption" ADD CONSTRAINT "timebank_redemption_tenant_id_account_id_timebank_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."timebank_account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_redemption" ADD CONSTRAINT "timebank_redemption_tenant_id_goods_id_timebank_goods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goods_id") REFERENCES "public"."timebank_goods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timebank_redemption" ADD CONSTRAINT "timebank_redemption_tenant_id_journal_id_timebank_journal_tenant_id_id_fk" FOREIGN KEY ("tenant_id","journal_id") REFERENCES "public"."timebank_journal"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_tenant_id_replaces_id_bulletin_tenant_id_id_fk" FOREIGN KEY ("tenant_id","replaces_id") REFERENCES "public"."bulletin"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_shape" ADD CONSTRAINT "region_shape_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_created_idx" ON "evaluation" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "evaluation_result_level_idx" ON "evaluation_result" USING btree ("tenant_id","evaluation_id","level","rank");--> statement-breakpoint
CREATE INDEX "activity_site_starts_idx" ON "activity" USING btree ("tenant_id","site_id","starts_at");--> statement-breakpoint
CREATE INDEX "activity_starts_idx" ON "activity" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE INDEX "activity_notice_volunteer_idx" ON "activity_notice" USING btree ("tenant_id","volunteer_id","created_at");--> statement-breakpoint
CREATE INDEX "activity_signup_volunteer_idx" ON "activity_signup" USING btree ("tenant_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "team_member_volunteer_idx" ON "team_member" USING btree ("tenant_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_region_idx" ON "volunteer" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "volunteer_site_idx" ON "volunteer" USING btree ("tenant_id","site_id");--> statement-breakpoint
CREATE INDEX "volunteer_skills_gin" ON "volunteer" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "volunteer_search_trgm" ON "volunteer" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "volunteer_team_parent_idx" ON "volunteer_team" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "volunteer_team_site_idx" ON "volunteer_team" USING btree ("tenant_id","site_id");--> statement-breakpoint
CREATE INDEX "service_item_site_idx" ON "service_item" USING btree ("tenant_id","site_id");--> statement-breakpoint
CREATE INDEX "service_order_site_status_idx" ON "service_order" USING btree ("tenant_id","site_id","status","created_at");--> statement-breakpoint
CREATE INDEX "service_order_volunteer_idx" ON "service_order" USING btree ("tenant_id","volunteer_id","status");--> statement-breakpoint
CREATE INDEX "service_order_ordered_by_idx" ON "service_order" USING btree ("tenant_id","ordered_by","created_at");--> statement-breakpoint
CREATE INDEX "service_order_status_due_idx" ON "service_order" USING btree ("tenant_id","status","due_at");--> statement-breakpoint
CREATE INDEX "service_order_event_order_idx" ON "service_order_event" USING btree ("tenant_id","order_id","at");--> statement-breakpoint
CREATE INDEX "service_order_rating_volunteer_idx" ON "service_order_rating" USING btree ("tenant_id","volunteer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "timebank_account_issuance_uq" ON "timebank_account" USING btree ("tenant_id") WHERE kind = 'issuance';--> statement-breakpoint
CREATE INDEX "timebank_account_branch_idx" ON "timebank_account" USING btree ("tenant_id","branch_id");--> statement-breakpoint
CREATE INDEX "timebank_branch_region_idx" ON "timebank_branch" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "timebank_entry_account_idx" ON "timebank_entry" USING btree ("tenant_id","account_id","created_at");--> statement-breakpoint
CREATE INDEX "timebank_entry_journal_idx" ON "timebank_entry" USING btree ("tenant_id","journal_id");--> statement-breakpoint
CREATE INDEX "timebank_goods_branch_idx" ON "timebank_goods" USING btree ("tenant_id","branch_id");--> statement-breakpoint
CREATE INDEX "timebank_redemption_account_idx" ON "timebank_redemption" USING btree ("tenant_id","account_id");--> statement-breakpoint
CREATE INDEX "bulletin_published_idx" ON "bulletin" USING btree ("tenant_id","published_at");--> statement-breakpoint
CREATE INDEX "bulletin_evaluation_idx" ON "bulletin" USING btree ("tenant_id","evaluation_id");