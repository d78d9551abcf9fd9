CREATE TABLE "framework" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"derived_from" uuid,
	"total_points" numeric(10, 2),
	"compliance_line" numeric(5, 4),
	"description" text,
	"row_version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp (3) with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "framework_family_version_uq" UNIQUE("tenant_id","family_id","version")
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"depth" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"standard" text,
	"points" numeric(10, 2),
	"weight" numeric(10, 4),
	"methods" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"point_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scoring_rule" jsonb NOT NULL,
	"is_sum_exempt" boolean DEFAULT false NOT NULL,
	CONSTRAINT "indicator_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "indicator_code_uq" UNIQUE("tenant_id","framework_id","code")
);
--> statement-breakpoint
CREATE TABLE "negative_item" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"effect" text NOT NULL,
	"deduction" numeric(10, 2),
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "negative_item_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "negative_item_code_uq" UNIQUE("tenant_id","framework_id","code")
);
--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_tenant_id_framework_id_framework_tenant_id_id_fk" FOREIGN KEY ("tenant_id","framework_id") REFERENCES "public"."framework"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_tenant_id_parent_id_indicator_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."indicator"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negative_item" ADD CONSTRAINT "negative_item_tenant_id_framework_id_framework_tenant_id_id_fk" FOREIGN KEY ("tenant_id","framework_id") REFERENCES "public"."framework"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "framework_code_idx" ON "framework" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "indicator_framework_idx" ON "indicator" USING btree ("tenant_id","framework_id","position");