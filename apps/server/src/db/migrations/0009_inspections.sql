CREATE TABLE "inspection" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"team_id" uuid,
	"framework_id" uuid NOT NULL,
	"point_type" text NOT NULL,
	"region_code" text NOT NULL,
	"grid_id" uuid,
	"inspector_id" uuid,
	"started_at" timestamp (3) with time zone NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"client_time" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"gps_lat" double precision,
	"gps_lng" double precision,
	"gps_accuracy" double precision,
	"note" text,
	"score" numeric(5, 4),
	"earned" numeric(10, 2) NOT NULL,
	"applicable" numeric(10, 2) NOT NULL,
	"negative_deduction" numeric(10, 2) DEFAULT 0 NOT NULL,
	"vetoed" boolean DEFAULT false NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"negative_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"finding_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "inspection_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_observation" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"photo_file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"finding_category" text,
	"severity" text,
	"finding_count" integer,
	"level" text,
	"awarded" numeric(10, 2),
	"earned" numeric(10, 2),
	"problem_id" uuid,
	CONSTRAINT "inspection_observation_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inspection_observation_indicator_uq" UNIQUE("tenant_id","inspection_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_plan" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"framework_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"region_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"sample" jsonb,
	"published_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"results_published_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_plan_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_plan_point" (
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"team_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inspection_plan_point_tenant_id_plan_id_point_id_pk" PRIMARY KEY("tenant_id","plan_id","point_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_team" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_team_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_team_member" (
	"tenant_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL,
	CONSTRAINT "inspection_team_member_tenant_id_team_id_account_id_pk" PRIMARY KEY("tenant_id","team_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "questionnaire" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"plan_id" uuid,
	"region_code" text NOT NULL,
	"indicator_id" uuid,
	"questions" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"public_token" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "questionnaire_token_uq" UNIQUE("tenant_id","public_token")
);
--> statement-breakpoint
CREATE TABLE "survey_answer" (
	"tenant_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "survey_answer_tenant_id_response_id_question_id_pk" PRIMARY KEY("tenant_id","response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"point_id" uuid,
	"channel" text NOT NULL,
	"respondent_by" uuid,
	"client_time" timestamp (3) with time zone,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"gps_lat" double precision,
	"gps_lng" double precision,
	CONSTRAINT "survey_response_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_tenant_id_plan_id_inspection_plan_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."inspection_plan"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_observation" ADD CONSTRAINT "inspection_observation_tenant_id_inspection_id_inspection_tenant_id_id_fk" FOREIGN KEY ("tenant_id","inspection_id") REFERENCES "public"."inspection"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_tenant_id_framework_id_framework_tenant_id_id_fk" FOREIGN KEY ("tenant_id","framework_id") REFERENCES "public"."framework"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan_point" ADD CONSTRAINT "inspection_plan_point_tenant_id_plan_id_inspection_plan_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."inspection_plan"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan_point" ADD CONSTRAINT "inspection_plan_point_tenant_id_point_id_point_tenant_id_id_fk" FOREIGN KEY ("tenant_id","point_id") REFERENCES "public"."point"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_tenant_id_plan_id_inspection_plan_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."inspection_plan"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team_member" ADD CONSTRAINT "inspection_team_member_tenant_id_team_id_inspection_team_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."inspection_team"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team_member" ADD CONSTRAINT "inspection_team_member_tenant_id_account_id_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_tenant_id_plan_id_inspection_plan_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."inspection_plan"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_tenant_id_response_id_survey_response_tenant_id_id_fk" FOREIGN KEY ("tenant_id","response_id") REFERENCES "public"."survey_response"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_tenant_id_questionnaire_id_questionnaire_tenant_id_id_fk" FOREIGN KEY ("tenant_id","questionnaire_id") REFERENCES "public"."questionnaire"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_plan_point_idx" ON "inspection" USING btree ("tenant_id","plan_id","point_id");--> statement-breakpoint
CREATE INDEX "inspection_point_idx" ON "inspection" USING btree ("tenant_id","point_id");--> statement-breakpoint
CREATE INDEX "inspection_region_idx" ON "inspection" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "inspection_inspector_idx" ON "inspection" USING btree ("tenant_id","inspector_id","received_at");--> statement-breakpoint
CREATE INDEX "inspection_plan_status_idx" ON "inspection_plan" USING btree ("tenant_id","status","end_date");--> statement-breakpoint
CREATE INDEX "inspection_plan_point_team_idx" ON "inspection_plan_point" USING btree ("tenant_id","team_id");--> statement-breakpoint
CREATE INDEX "inspection_plan_point_point_idx" ON "inspection_plan_point" USING btree ("tenant_id","point_id");--> statement-breakpoint
CREATE INDEX "inspection_team_plan_idx" ON "inspection_team" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "inspection_team_member_account_idx" ON "inspection_team_member" USING btree ("tenant_id","account_id","plan_id");--> statement-breakpoint
CREATE INDEX "survey_answer_questionnaire_idx" ON "survey_answer" USING btree ("tenant_id","questionnaire_id","region_code");--> statement-breakpoint
CREATE INDEX "survey_response_questionnaire_idx" ON "survey_response" USING btree ("tenant_id","questionnaire_id","region_code");