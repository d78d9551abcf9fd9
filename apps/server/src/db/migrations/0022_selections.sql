-- Selections (issue 16, SPEC 4.10): campaigns, candidates, votes unique per voter, candidate and day, live tallies
-- and objections during 公示.
CREATE TABLE "selection_campaign" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"quota" integer NOT NULL,
	"vote_rule" text DEFAULT 'per_day' NOT NULL,
	"region_code" text NOT NULL,
	"nomination_start" date NOT NULL,
	"nomination_end" date NOT NULL,
	"voting_start" date NOT NULL,
	"voting_end" date NOT NULL,
	"publicity_start" date NOT NULL,
	"publicity_end" date NOT NULL,
	"stage" text DEFAULT 'draft' NOT NULL,
	"named_at" timestamp (3) with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_campaign_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "selection_candidate" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"category" text NOT NULL,
	"source" text NOT NULL,
	"name" text NOT NULL,
	"person_key" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"region_code" text,
	"nominator_account_id" uuid,
	"nominator_name" text,
	"story" text NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"state" text DEFAULT 'nominated' NOT NULL,
	"check_reason" text,
	"checked_by" uuid,
	"checked_at" timestamp (3) with time zone,
	"final_votes" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_candidate_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "selection_candidate_person_uq" UNIQUE("tenant_id","campaign_id","person_key")
);
--> statement-breakpoint
CREATE TABLE "selection_objection" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"submitter_account_id" uuid,
	"content" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"upheld" boolean,
	"answered_by" uuid,
	"answered_at" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_objection_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "selection_tally" (
	"tenant_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"flagged_votes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "selection_tally_tenant_id_candidate_id_pk" PRIMARY KEY("tenant_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "selection_vote" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"voter_account_id" uuid NOT NULL,
	"vote_day" date NOT NULL,
	"cast_at" timestamp (3) with time zone NOT NULL,
	"network" text,
	"device" text,
	"flagged" boolean DEFAULT false NOT NULL,
	CONSTRAINT "selection_vote_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "selection_vote_once_uq" UNIQUE("tenant_id","voter_account_id","candidate_id","vote_day")
);
--> statement-breakpoint
ALTER TABLE "selection_campaign" ADD CONSTRAINT "selection_campaign_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "selection_candidate" ADD CONSTRAINT "selection_candidate_tenant_id_campaign_id_selection_campaign_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."selection_campaign"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "selection_objection" ADD CONSTRAINT "selection_objection_tenant_id_candidate_id_selection_candidate_tenant_id_id_fk" FOREIGN KEY ("tenant_id","candidate_id") REFERENCES "public"."selection_candidate"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "selection_tally" ADD CONSTRAINT "selection_tally_tenant_id_candidate_id_selection_candidate_tenant_id_id_fk" FOREIGN KEY ("tenant_id","candidate_id") REFERENCES "public"."selection_candidate"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "selection_vote" ADD CONSTRAINT "selection_vote_tenant_id_candidate_id_selection_candidate_tenant_id_id_fk" FOREIGN KEY ("tenant_id","candidate_id") REFERENCES "public"."selection_candidate"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "selection_vote" ADD CONSTRAINT "selection_vote_tenant_id_voter_account_id_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","voter_account_id") REFERENCES "public"."account"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "selection_campaign_stage_idx" ON "selection_campaign" USING btree ("tenant_id","stage");
--> statement-breakpoint
CREATE INDEX "selection_candidate_campaign_idx" ON "selection_candidate" USING btree ("tenant_id","campaign_id","state");
--> statement-breakpoint
CREATE INDEX "selection_candidate_photo_idx" ON "selection_candidate" USING gin ("photo_file_ids");
--> statement-breakpoint
CREATE INDEX "selection_objection_campaign_idx" ON "selection_objection" USING btree ("tenant_id","campaign_id","status");
--> statement-breakpoint
CREATE INDEX "selection_tally_campaign_idx" ON "selection_tally" USING btree ("tenant_id","campaign_id");
--> statement-breakpoint
CREATE INDEX "selection_vote_candidate_idx" ON "selection_vote" USING btree ("tenant_id","candidate_id","flagged");
--> statement-breakpoint
CREATE INDEX "selection_vote_network_idx" ON "selection_vote" USING btree ("tenant_id","campaign_id","network","cast_at");
--> statement-breakpoint
CREATE INDEX "selection_vote_device_idx" ON "selection_vote" USING btree ("tenant_id","campaign_id","device","cast_at");
