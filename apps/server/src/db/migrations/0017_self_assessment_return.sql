ALTER TABLE "self_assessment" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "self_assessment" ADD COLUMN "returned_at" timestamp (3) with time zone;