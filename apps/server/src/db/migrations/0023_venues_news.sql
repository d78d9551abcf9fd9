-- Venues of practice sites with weekly openings, slots and bookings (场馆预约), and news articles with review
-- (工作动态、典型案例); issue 17. A slot row holds the places taken, so capacity is checked in one UPDATE.
CREATE TABLE "venue" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"capacity" integer NOT NULL,
	"opening_slots" jsonb NOT NULL,
	"closures" jsonb NOT NULL,
	"rules" text,
	"cancel_hours" integer DEFAULT 2 NOT NULL,
	"max_party_size" integer DEFAULT 5 NOT NULL,
	"address" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "venue_capacity_ck" CHECK ("capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "venue_slot" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "venue_slot_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "venue_slot_start_uq" UNIQUE("tenant_id","venue_id","starts_at"),
	CONSTRAINT "venue_slot_booked_ck" CHECK ("booked" >= 0 AND "booked" <= "capacity")
);
--> statement-breakpoint
CREATE TABLE "venue_booking" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"account_id" uuid,
	"kind" text NOT NULL,
	"party_size" integer NOT NULL,
	"group_name" text,
	"contact_name" text NOT NULL,
	"contact_phone" text,
	"note" text,
	"status" text NOT NULL,
	"ticket_token" text NOT NULL,
	"review_note" text,
	"checked_in_at" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_booking_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "venue_booking_token_uq" UNIQUE("tenant_id","ticket_token")
);
--> statement-breakpoint
CREATE TABLE "news_article" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body_html" text NOT NULL,
	"cover_file_id" uuid,
	"region_code" text NOT NULL,
	"tags" text[] NOT NULL,
	"status" text NOT NULL,
	"author_id" uuid,
	"reviewer_id" uuid,
	"review_note" text,
	"published_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_article_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "venue" ADD CONSTRAINT "venue_site_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."practice_site"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue" ADD CONSTRAINT "venue_region_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_slot" ADD CONSTRAINT "venue_slot_venue_fk" FOREIGN KEY ("tenant_id","venue_id") REFERENCES "public"."venue"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_booking" ADD CONSTRAINT "venue_booking_venue_fk" FOREIGN KEY ("tenant_id","venue_id") REFERENCES "public"."venue"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_booking" ADD CONSTRAINT "venue_booking_slot_fk" FOREIGN KEY ("tenant_id","slot_id") REFERENCES "public"."venue_slot"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_booking" ADD CONSTRAINT "venue_booking_account_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_article" ADD CONSTRAINT "news_article_region_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."region"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_article" ADD CONSTRAINT "news_article_author_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."account"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "venue_site_idx" ON "venue" USING btree ("tenant_id","site_id");--> statement-breakpoint
CREATE INDEX "venue_booking_slot_idx" ON "venue_booking" USING btree ("tenant_id","slot_id");--> statement-breakpoint
CREATE INDEX "venue_booking_account_idx" ON "venue_booking" USING btree ("tenant_id","account_id");--> statement-breakpoint
CREATE INDEX "news_article_status_idx" ON "news_article" USING btree ("tenant_id","status","published_at");
