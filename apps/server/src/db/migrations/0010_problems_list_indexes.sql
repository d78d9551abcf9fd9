DROP INDEX "problem_created_idx";--> statement-breakpoint
CREATE INDEX "problem_status_created_idx" ON "problem" USING btree ("tenant_id","status","created_at","id","region_path");--> statement-breakpoint
CREATE INDEX "problem_created_idx" ON "problem" USING btree ("tenant_id","created_at","id","region_path");