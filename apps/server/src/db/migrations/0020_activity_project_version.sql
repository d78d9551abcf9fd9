-- Brand projects (品牌项目) are edited on their desktop page: a version for optimistic locking, and when they last changed.
ALTER TABLE "activity_project" ADD COLUMN IF NOT EXISTS "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_project" ADD COLUMN IF NOT EXISTS "updated_at" timestamp (3) with time zone;
