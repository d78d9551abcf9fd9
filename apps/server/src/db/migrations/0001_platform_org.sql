CREATE TABLE "account" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"person_id" uuid,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "account_username_uq" UNIQUE("tenant_id","username")
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"tenant_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_event_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT 'general' NOT NULL,
	"uploaded_by" uuid,
	"client_time" timestamp (3) with time zone,
	"gps_lat" text,
	"gps_lng" text,
	"device" text,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "file_object" (
	"tenant_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"content_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_object_tenant_id_sha256_pk" PRIMARY KEY("tenant_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "idempotency_record" (
	"tenant_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_record_tenant_id_actor_id_key_pk" PRIMARY KEY("tenant_id","actor_id","key")
);
--> statement-breakpoint
CREATE TABLE "job" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"run_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp (3) with time zone,
	"progress" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"result" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "job_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "login_lock" (
	"tenant_id" uuid NOT NULL,
	"username" text NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_lock_tenant_id_username_pk" PRIMARY KEY("tenant_id","username")
);
--> statement-breakpoint
CREATE TABLE "role" (
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"permissions" jsonb NOT NULL,
	"is_builtin" boolean DEFAULT false NOT NULL,
	CONSTRAINT "role_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "role_assignment" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role_code" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignment_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"account_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "session_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "session_token_uq" UNIQUE("tenant_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "tenant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"root_region_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "grid" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"boundary" jsonb,
	"center_lat" double precision,
	"center_lng" double precision,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grid_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "grid_code_uq" UNIQUE("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "pairing" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_ref" text NOT NULL,
	"region_code" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairing_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "pairing_uq" UNIQUE("tenant_id","unit_id","kind","target_kind","target_ref")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"id_card_enc" text,
	"id_card_hash" text,
	"id_card_masked" text,
	"phone_enc" text,
	"phone_masked" text,
	"unit_id" uuid,
	"region_code" text NOT NULL,
	"position" text,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "person_id_card_uq" UNIQUE("tenant_id","id_card_hash")
);
--> statement-breakpoint
CREATE TABLE "point" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"point_type" text NOT NULL,
	"region_code" text NOT NULL,
	"grid_id" uuid,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "practice_site" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"five_has" jsonb NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_site_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "region" (
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"path" "ltree" NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "region_change" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"actor_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_change_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "unit" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"credit_code" text,
	"region_code" text NOT NULL,
	"parent_unit_id" uuid,
	"honor_tier" text DEFAULT 'none' NOT NULL,
	"contact_name" text,
	"contact_phone_enc" text,
	"address" text,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "unit_credit_code_uq" UNIQUE("tenant_id","credit_code")
);
--> statement-breakpoint
ALTER TABLE "file" ADD CONSTRAINT "file_tenant_id_sha256_file_object_tenant_id_sha256_fk" FOREIGN KEY ("tenant_id","sha256") REFERENCES "public"."file_object"("tenant_id","sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_tenant_id_account_id_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."account"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_tenant_id_role_code_role_tenant_id_code_fk" FOREIGN KEY ("tenant_id","role_code") REFERENCES "public"."role"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_tenant_id_account_id_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."account"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid" ADD CONSTRAINT "grid_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_tenant_id_unit_id_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_tenant_id_unit_id_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point" ADD CONSTRAINT "point_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point" ADD CONSTRAINT "point_tenant_id_grid_id_grid_tenant_id_id_fk" FOREIGN KEY ("tenant_id","grid_id") REFERENCES "public"."grid"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_site" ADD CONSTRAINT "practice_site_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region" ADD CONSTRAINT "region_tenant_id_parent_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","parent_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_change" ADD CONSTRAINT "region_change_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_tenant_id_parent_unit_id_unit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_object_idx" ON "audit_event" USING btree ("tenant_id","object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_event_actor_idx" ON "audit_event" USING btree ("tenant_id","actor_id");--> statement-breakpoint
CREATE INDEX "audit_event_at_idx" ON "audit_event" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "idempotency_created_idx" ON "idempotency_record" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "job_claim_idx" ON "job" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "role_assignment_account_idx" ON "role_assignment" USING btree ("tenant_id","account_id");--> statement-breakpoint
CREATE INDEX "grid_region_idx" ON "grid" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "pairing_target_idx" ON "pairing" USING btree ("tenant_id","target_kind","target_ref");--> statement-breakpoint
CREATE INDEX "person_region_idx" ON "person" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "person_unit_idx" ON "person" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "person_search_trgm" ON "person" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "point_region_idx" ON "point" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "point_type_idx" ON "point" USING btree ("tenant_id","point_type");--> statement-breakpoint
CREATE INDEX "site_region_idx" ON "practice_site" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "region_path_gist" ON "region" USING gist ("path");--> statement-breakpoint
CREATE INDEX "region_parent_idx" ON "region" USING btree ("tenant_id","parent_code");--> statement-breakpoint
CREATE INDEX "region_change_region_idx" ON "region_change" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "unit_region_idx" ON "unit" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "unit_search_trgm" ON "unit" USING gin ("search_text" gin_trgm_ops);