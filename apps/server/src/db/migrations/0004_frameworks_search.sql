ALTER TABLE "framework" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "framework_search_trgm" ON "framework" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "indicator_parent_idx" ON "indicator" USING btree ("tenant_id","parent_id");