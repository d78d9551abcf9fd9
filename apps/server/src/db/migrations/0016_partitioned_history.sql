CREATE TABLE "audit_anchor" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"archived_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partitioned_table" (
	"table_name" text PRIMARY KEY NOT NULL,
	"column_name" text NOT NULL,
	"retention_months" integer,
	"ahead_months" integer DEFAULT 3 NOT NULL
);
--> statement-breakpoint
-- Observations carry their inspection's submitted_at: the month they are partitioned by.
ALTER TABLE "inspection_observation" ADD COLUMN "submitted_at" timestamp (3) with time zone;--> statement-breakpoint
UPDATE "inspection_observation" o SET "submitted_at" = i."submitted_at" FROM "inspection" i
  WHERE i."tenant_id" = o."tenant_id" AND i."id" = o."inspection_id";--> statement-breakpoint
DELETE FROM "inspection_observation" WHERE "submitted_at" IS NULL;--> statement-breakpoint
ALTER TABLE "inspection_observation" ALTER COLUMN "submitted_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_observation" DROP CONSTRAINT "inspection_observation_indicator_uq";--> statement-breakpoint
ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_tenant_id_seq_pk";--> statement-breakpoint
ALTER TABLE "inspection_observation" DROP CONSTRAINT "inspection_observation_tenant_id_id_pk";--> statement-breakpoint
ALTER TABLE "timebank_entry" DROP CONSTRAINT "timebank_entry_tenant_id_seq_pk";--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_tenant_id_seq_at_pk" PRIMARY KEY("tenant_id","seq","at");--> statement-breakpoint
ALTER TABLE "inspection_observation" ADD CONSTRAINT "inspection_observation_tenant_id_id_submitted_at_pk" PRIMARY KEY("tenant_id","id","submitted_at");--> statement-breakpoint
ALTER TABLE "timebank_entry" ADD CONSTRAINT "timebank_entry_tenant_id_seq_created_at_pk" PRIMARY KEY("tenant_id","seq","created_at");--> statement-breakpoint
ALTER TABLE "inspection_observation" ADD CONSTRAINT "inspection_observation_indicator_uq" UNIQUE("tenant_id","inspection_id","indicator_id","submitted_at");--> statement-breakpoint
CREATE INDEX "inspection_period_idx" ON "inspection" USING btree ("tenant_id","framework_id","submitted_at");--> statement-breakpoint
-- Month partitions of history tables (platform/partitions.ts). Months are Asia/Shanghai months. A table opts in
-- with one statement in its migration, after Drizzle created it with its keys including the partition column:
--   SELECT wm_partition_by_month('vote', 'cast_at', retention_months => NULL, ahead_months => 3);
CREATE OR REPLACE FUNCTION wm_month_start(ts timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('month', ts AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wm_add_months(ts timestamptz, n integer) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT ((ts AT TIME ZONE 'Asia/Shanghai') + make_interval(months => n)) AT TIME ZONE 'Asia/Shanghai'
$$;
--> statement-breakpoint
-- The partition of the month holding `at` (a no-op when it exists). Rows of that month that went to the default
-- partition before it existed are moved into it.
CREATE OR REPLACE FUNCTION wm_create_month_partition(tbl text, at timestamptz) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  m timestamptz := wm_month_start(at);
  nxt timestamptz := wm_add_months(wm_month_start(at), 1);
  part text := tbl || '_p' || to_char(wm_month_start(at) AT TIME ZONE 'Asia/Shanghai', 'YYYYMM');
  def text := tbl || '_default';
  col text;
  moving boolean;
BEGIN
  IF to_regclass(quote_ident(part)) IS NOT NULL THEN RETURN NULL; END IF;
  SELECT column_name INTO col FROM partitioned_table WHERE table_name = tbl;
  IF col IS NULL THEN RAISE EXCEPTION '% is not a partitioned history table', tbl; END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= $1 AND %I < $2)', def, col, col) INTO moving USING m, nxt;
  IF NOT moving THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, tbl, m, nxt);
    RETURN part;
  END IF;
  EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', tbl, def);
  EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, tbl, m, nxt);
  EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE %I >= $1 AND %I < $2', part, def, col, col) USING m, nxt;
  -- The rows moved, not changed: append-only triggers stay out of the way of this one delete.
  EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', def);
  EXECUTE format('DELETE FROM %I WHERE %I >= $1 AND %I < $2', def, col, col) USING m, nxt;
  EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', def);
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', tbl, def);
  RETURN part;
END $$;
--> statement-breakpoint
-- The partitions of this month and the next ahead_months of every registered table, and of any month of the last
-- 24 whose rows went to the default partition (loaded or seeded history): the partition job.
CREATE OR REPLACE FUNCTION wm_premake_partitions(now_at timestamptz DEFAULT now()) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  r record;
  m timestamptz;
  waiting timestamptz[];
  made integer := 0;
BEGIN
  FOR r IN SELECT table_name, column_name, ahead_months FROM partitioned_table ORDER BY table_name LOOP
    -- Read first, then alter: the default partition cannot change under an open cursor.
    EXECUTE format('SELECT array_agg(DISTINCT wm_month_start(%I)) FROM %I WHERE %I >= $1 AND %I < $2',
        r.column_name, r.table_name || '_default', r.column_name, r.column_name)
      INTO waiting USING wm_add_months(wm_month_start(now_at), -24), wm_month_start(now_at);
    FOREACH m IN ARRAY coalesce(waiting, '{}') LOOP
      IF wm_create_month_partition(r.table_name, m) IS NOT NULL THEN made := made + 1; END IF;
    END LOOP;
    FOR i IN 0..r.ahead_months LOOP
      IF wm_create_month_partition(r.table_name, wm_add_months(wm_month_start(now_at), i)) IS NOT NULL THEN
        made := made + 1;
      END IF;
    END LOOP;
  END LOOP;
  RETURN made;
END $$;
--> statement-breakpoint
-- Turn a table into one partitioned by month of `col`, keeping its rows, keys, foreign keys, indexes and triggers.
-- Its primary key and unique constraints must include `col` (declare them so in the Drizzle schema). Months from
-- its oldest row (at most 24 months back) to ahead_months ahead get partitions; anything else the default one.
CREATE OR REPLACE FUNCTION wm_partition_by_month(tbl text, col text, retention_months integer DEFAULT NULL,
    ahead_months integer DEFAULT 3) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  old text := tbl || '_unpartitioned';
  defs text[] := '{}';
  d text;
  r record;
  m timestamptz;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = tbl::regclass) THEN RETURN; END IF;
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = tbl::regclass AND contype = 'f') THEN
    RAISE EXCEPTION 'cannot partition %: other tables reference it by foreign key', tbl;
  END IF;
  FOR r IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = tbl::regclass AND contype IN ('p', 'u', 'f', 'c') ORDER BY contype = 'f', conname LOOP
    defs := defs || format('ALTER TABLE %I ADD CONSTRAINT %I %s', tbl, r.conname, r.def);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', tbl, r.conname);
  END LOOP;
  FOR r IN SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid = tbl::regclass LOOP
    defs := defs || r.def;
    EXECUTE format('DROP INDEX %s', r.name);
  END LOOP;
  FOR r IN SELECT tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = tbl::regclass AND NOT tgisinternal LOOP
    defs := defs || r.def;
    EXECUTE format('DROP TRIGGER %I ON %I', r.tgname, tbl);
  END LOOP;
  EXECUTE format('ALTER TABLE %I RENAME TO %I', tbl, old);
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE'
    ' INCLUDING COMMENTS) PARTITION BY RANGE (%I)', tbl, old, col);
  INSERT INTO partitioned_table (table_name, column_name, retention_months, ahead_months)
    VALUES (tbl, col, retention_months, ahead_months)
    ON CONFLICT (table_name) DO UPDATE SET column_name = EXCLUDED.column_name;
  FOREACH d IN ARRAY defs LOOP
    EXECUTE d;
  END LOOP;
  EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', tbl || '_default', tbl);
  EXECUTE format('SELECT min(%I) FROM %I', col, old) INTO m;
  m := wm_month_start(greatest(coalesce(m, now()), wm_add_months(now(), -24)));
  WHILE m <= wm_add_months(now(), ahead_months) LOOP
    PERFORM wm_create_month_partition(tbl, m);
    m := wm_add_months(m, 1);
  END LOOP;
  EXECUTE format('INSERT INTO %I SELECT * FROM %I', tbl, old);
  EXECUTE format('DROP TABLE %I', old);
END $$;
--> statement-breakpoint
SELECT wm_partition_by_month('inspection_observation', 'submitted_at');--> statement-breakpoint
SELECT wm_partition_by_month('timebank_entry', 'created_at');--> statement-breakpoint
SELECT wm_partition_by_month('audit_event', 'at');
