CREATE TABLE "problem" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"description" text NOT NULL,
	"point_id" uuid,
	"grid_id" uuid,
	"region_code" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"address" text,
	"assigned_unit_id" uuid,
	"deadline_at" timestamp (3) with time zone,
	"reported_by" uuid,
	"reporter_name" text,
	"reporter_contact_enc" text,
	"inspection_id" uuid,
	"observation_id" uuid,
	"indicator_id" uuid,
	"duplicate_of" uuid,
	"open311_client_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp (3) with time zone,
	CONSTRAINT "problem_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "problem_number_uq" UNIQUE("tenant_id","number")
);
--> statement-breakpoint
CREATE TABLE "problem_category" (
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"group" text,
	"default_severity" text DEFAULT 'medium' NOT NULL,
	"attributes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "problem_category_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "problem_photo" (
	"tenant_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"transition_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_photo_tenant_id_problem_id_file_id_pk" PRIMARY KEY("tenant_id","problem_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "problem_transition" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"unit_id" uuid,
	"reason" text,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_transition_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "problem" ADD CONSTRAINT "problem_tenant_id_category_problem_category_tenant_id_code_fk" FOREIGN KEY ("tenant_id","category") REFERENCES "public"."problem_category"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_photo" ADD CONSTRAINT "problem_photo_tenant_id_problem_id_problem_tenant_id_id_fk" FOREIGN KEY ("tenant_id","problem_id") REFERENCES "public"."problem"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_transition" ADD CONSTRAINT "problem_transition_tenant_id_problem_id_problem_tenant_id_id_fk" FOREIGN KEY ("tenant_id","problem_id") REFERENCES "public"."problem"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_status_idx" ON "problem" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "problem_region_idx" ON "problem" USING btree ("tenant_id","region_code","status");--> statement-breakpoint
CREATE INDEX "problem_unit_idx" ON "problem" USING btree ("tenant_id","assigned_unit_id","status");--> statement-breakpoint
CREATE INDEX "problem_deadline_idx" ON "problem" USING btree ("tenant_id","deadline_at");--> statement-breakpoint
CREATE INDEX "problem_transition_problem_idx" ON "problem_transition" USING btree ("tenant_id","problem_id","at");