-- Triggers, functions and indexes Drizzle cannot express: the time bank's append-only, balanced ledger,
-- the dispatch KNN index on volunteers' homes, and the region-version bump behind the region-tree cache.
-- from 0013_orders_timebank
-- Dispatch candidates: nearest active volunteers first (KNN over their home point).
CREATE INDEX "volunteer_home_point_gist" ON "volunteer" USING gist (point("home_lng", "home_lat")) WHERE "status" = 'active' AND "home_lat" IS NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION timebank_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: correct with a reversing journal', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER timebank_entry_append_only BEFORE UPDATE OR DELETE ON timebank_entry
  FOR EACH ROW EXECUTE FUNCTION timebank_refuse_change();
--> statement-breakpoint
CREATE TRIGGER timebank_journal_append_only BEFORE UPDATE OR DELETE ON timebank_journal
  FOR EACH ROW EXECUTE FUNCTION timebank_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION timebank_check_journal_balanced() RETURNS trigger AS $$
DECLARE
  n integer;
  total numeric;
BEGIN
  SELECT count(*), coalesce(sum(amount), 0) INTO n, total FROM timebank_entry
    WHERE tenant_id = NEW.tenant_id AND journal_id = NEW.journal_id;
  IF n < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'timebank journal % is not balanced (% entries, sum %)', NEW.journal_id, n, total;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER timebank_entry_balanced AFTER INSERT ON timebank_entry
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION timebank_check_journal_balanced();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION timebank_refuse_zero_entry() RETURNS trigger AS $$
BEGIN
  IF NEW.amount = 0 THEN
    RAISE EXCEPTION 'timebank entries are never zero';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER timebank_entry_not_zero BEFORE INSERT ON timebank_entry
  FOR EACH ROW EXECUTE FUNCTION timebank_refuse_zero_entry();
--> statement-breakpoint
-- from 0014_performance
-- Every change to a tenant's regions bumps tenant.region_version in the same transaction, so a per-process
-- region-tree cache keyed on the version (read with the session) never serves a tree older than a commit.
CREATE OR REPLACE FUNCTION wm_region_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE tenant SET region_version = region_version + 1 WHERE id IN (SELECT DISTINCT tenant_id FROM old_rows);
  ELSE
    UPDATE tenant SET region_version = region_version + 1 WHERE id IN (SELECT DISTINCT tenant_id FROM new_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS region_version_ins ON region;
--> statement-breakpoint
CREATE TRIGGER region_version_ins AFTER INSERT ON region REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wm_region_version_bump();
--> statement-breakpoint
DROP TRIGGER IF EXISTS region_version_upd ON region;
--> statement-breakpoint
CREATE TRIGGER region_version_upd AFTER UPDATE ON region REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wm_region_version_bump();
--> statement-breakpoint
DROP TRIGGER IF EXISTS region_version_del ON region;
--> statement-breakpoint
CREATE TRIGGER region_version_del AFTER DELETE ON region REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION wm_region_version_bump();