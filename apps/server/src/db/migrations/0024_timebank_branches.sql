-- Time bank branches run from the UI (issue 18): every entry carries the branch its account was in when posted,
-- so a branch's balance and statement are sums of its own entries and a move between branches is a journal;
-- one head branch per community; branch managers.
ALTER TABLE "timebank_entry" ADD COLUMN IF NOT EXISTS "branch_id" uuid;--> statement-breakpoint
UPDATE "timebank_entry" e SET "branch_id" = a."branch_id" FROM "timebank_account" a
  WHERE a."tenant_id" = e."tenant_id" AND a."id" = e."account_id" AND a."branch_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "timebank_entry_branch_idx" ON "timebank_entry" ("tenant_id", "branch_id", "created_at");--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "timebank_branch_head_uq" ON "timebank_branch" ("tenant_id", "region_code") WHERE kind = 'head';--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "timebank_branch_manager" (
  "tenant_id" uuid NOT NULL,
  "branch_id" uuid NOT NULL,
  "account_id" uuid NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "timebank_branch_manager_tenant_id_branch_id_account_id_pk" PRIMARY KEY("tenant_id","branch_id","account_id"),
  CONSTRAINT "timebank_branch_manager_tenant_id_branch_id_timebank_branch_tenant_id_id_fk" FOREIGN KEY ("tenant_id","branch_id") REFERENCES "timebank_branch"("tenant_id","id"),
  CONSTRAINT "timebank_branch_manager_tenant_id_account_id_account_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "account"("tenant_id","id")
);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "timebank_branch_manager_account_idx" ON "timebank_branch_manager" ("tenant_id", "account_id");
--> statement-breakpoint
-- The three lists (需求清单、资源清单、项目清单) and claims on them (issue 18).
CREATE TABLE IF NOT EXISTS "community_item" (
  "tenant_id" uuid NOT NULL,
  "id" uuid NOT NULL,
  "kind" text NOT NULL,
  "title" text NOT NULL,
  "description" text,
  "category" text NOT NULL,
  "quantity" integer DEFAULT 1 NOT NULL,
  "due_date" date,
  "region_code" text NOT NULL,
  "grid_id" uuid,
  "source" text NOT NULL,
  "owner_name" text NOT NULL,
  "requester_account_id" uuid,
  "status" text DEFAULT 'open' NOT NULL,
  "created_by" uuid,
  "created_at" timestamp (3) with time zone NOT NULL,
  "done_at" timestamp (3) with time zone,
  CONSTRAINT "community_item_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
  CONSTRAINT "community_item_tenant_id_region_code_region_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "region"("tenant_id","code"),
  CONSTRAINT "community_item_tenant_id_grid_id_grid_tenant_id_id_fk" FOREIGN KEY ("tenant_id","grid_id") REFERENCES "grid"("tenant_id","id")
);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "community_item_list_idx" ON "community_item" ("tenant_id", "kind", "status", "created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "community_item_board_idx" ON "community_item" ("tenant_id", "grid_id", "category", "due_date", "id") WHERE kind = 'need' AND status = 'open';--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "community_claim" (
  "tenant_id" uuid NOT NULL,
  "id" uuid NOT NULL,
  "item_id" uuid NOT NULL,
  "claimant_name" text NOT NULL,
  "unit_id" uuid,
  "account_id" uuid,
  "status" text DEFAULT 'pending' NOT NULL,
  "note" text,
  "created_at" timestamp (3) with time zone NOT NULL,
  CONSTRAINT "community_claim_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
  CONSTRAINT "community_claim_tenant_id_item_id_community_item_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "community_item"("tenant_id","id")
);--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "community_claim_live_uq" ON "community_claim" ("tenant_id", "item_id") WHERE status <> 'rejected';
