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
