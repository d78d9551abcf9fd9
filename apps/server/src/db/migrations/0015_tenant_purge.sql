-- Append-only tables (audit events, the time bank's journal and entries) refuse UPDATE and DELETE, except while a
-- transaction purges one whole tenant: `wenming seed-demo --reset` sets wenming.purge_tenant (SET LOCAL) to the id
-- of the tenant it removes, and only that tenant's rows may go.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('wenming.purge_tenant', true) = OLD.tenant_id::text THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION timebank_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('wenming.purge_tenant', true) = OLD.tenant_id::text THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: correct with a reversing journal', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
