-- An observation id belongs to one inspection, across every month partition. The partitioned observation table can
-- only be unique per (tenant, id, submitted_at), so two phones reusing one id with different submission times were
-- both stored; this unpartitioned key table holds each id once, and the writer claims ids in it (issue 13's race).
CREATE TABLE IF NOT EXISTS "inspection_observation_key" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	CONSTRAINT "inspection_observation_key_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);--> statement-breakpoint
INSERT INTO "inspection_observation_key" ("tenant_id", "id", "inspection_id")
SELECT DISTINCT ON ("tenant_id", "id") "tenant_id", "id", "inspection_id" FROM "inspection_observation"
ORDER BY "tenant_id", "id", "submitted_at"
ON CONFLICT DO NOTHING;
