CREATE SEQUENCE "public"."problem_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 20;--> statement-breakpoint
CREATE TABLE "open311_client" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"last_used_at" timestamp (3) with time zone,
	CONSTRAINT "open311_client_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "open311_client_key_uq" UNIQUE("tenant_id","key_hash")
);
--> statement-breakpoint
CREATE TABLE "open311_token" (
	"tenant_id" uuid NOT NULL,
	"token" text NOT NULL,
	"problem_id" uuid NOT NULL,
	"client_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open311_token_tenant_id_token_pk" PRIMARY KEY("tenant_id","token")
);
--> statement-breakpoint
CREATE TABLE "open311_update" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"client_update_id" text NOT NULL,
	"status" text NOT NULL,
	"description" text,
	"media_url" text,
	"author_name" text,
	"author_contact_enc" text,
	"updated_datetime" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open311_update_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "open311_update_client_uq" UNIQUE("tenant_id","client_id","client_update_id")
);
--> statement-breakpoint
CREATE TABLE "problem_notice" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"unit_id" uuid,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_notice_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "problem_notice_dedupe_uq" UNIQUE("tenant_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "problem_setting" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "problem_status_idx";--> statement-breakpoint
DROP INDEX "problem_region_idx";--> statement-breakpoint
ALTER TABLE "problem" ADD COLUMN "region_path" text NOT NULL;--> statement-breakpoint
ALTER TABLE "problem" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "problem" ADD COLUMN "reminded_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "problem" ADD COLUMN "overdue_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "problem" ADD COLUMN "escalated_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "problem" ADD COLUMN "attributes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "problem" ADD COLUMN "media_url" text;--> statement-breakpoint
ALTER TABLE "problem_category" ADD COLUMN "keywords" text;--> statement-breakpoint
ALTER TABLE "problem_category" ADD COLUMN "pairing_kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "problem_category" ADD COLUMN "fallback_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "problem_transition" ADD COLUMN "actor_name" text;--> statement-breakpoint
ALTER TABLE "open311_token" ADD CONSTRAINT "open311_token_tenant_id_problem_id_problem_tenant_id_id_fk" FOREIGN KEY ("tenant_id","problem_id") REFERENCES "public"."problem"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_update" ADD CONSTRAINT "open311_update_tenant_id_problem_id_problem_tenant_id_id_fk" FOREIGN KEY ("tenant_id","problem_id") REFERENCES "public"."problem"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_notice" ADD CONSTRAINT "problem_notice_tenant_id_problem_id_problem_tenant_id_id_fk" FOREIGN KEY ("tenant_id","problem_id") REFERENCES "public"."problem"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "open311_update_at_idx" ON "open311_update" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "problem_notice_unit_idx" ON "problem_notice" USING btree ("tenant_id","unit_id","created_at");--> statement-breakpoint
CREATE INDEX "problem_notice_problem_idx" ON "problem_notice" USING btree ("tenant_id","problem_id");--> statement-breakpoint
CREATE INDEX "problem_status_path_idx" ON "problem" USING btree ("tenant_id","status","region_path" text_pattern_ops,"created_at","id");--> statement-breakpoint
CREATE INDEX "problem_path_idx" ON "problem" USING btree ("tenant_id","region_path" text_pattern_ops,"created_at","id");--> statement-breakpoint
CREATE INDEX "problem_created_idx" ON "problem" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "problem_category_idx" ON "problem" USING btree ("tenant_id","category","created_at");--> statement-breakpoint
CREATE INDEX "problem_updated_idx" ON "problem" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "problem_transition_at_idx" ON "problem_transition" USING btree ("tenant_id","at");