// What earned a time-bank movement: the activity or the service order named by a journal's source, and the
// service-order hours paid to a volunteer (the same journals the statement shows, so both read one source).
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { rows } from '../../platform/sql';

export interface JournalSource {
  kind: 'activity' | 'order';
  id: string;
  title: string;
  number: string | null;
}

interface SourceRow {
  journal_id: string;
  source_kind: string;
  activity_id: string | null;
  activity_title: string | null;
  order_id: string | null;
  order_title: string | null;
  order_number: string | null;
}

/** The activity or order behind each journal of the list (activity hours, order payments); others are absent. */
export async function journalSources(
  db: Db,
  tenantId: string,
  journalIds: string[],
): Promise<Map<string, JournalSource>> {
  if (!journalIds.length) return new Map();
  const found = await rows<SourceRow>(
    db,
    sql`SELECT j.id AS journal_id, j.source_kind, a.id AS activity_id, a.title AS activity_title,
        o.id AS order_id, o.title AS order_title, o.number AS order_number
      FROM timebank_journal j
      LEFT JOIN activity a ON j.source_kind = 'activity_signup' AND a.tenant_id = j.tenant_id
        AND a.id::text = split_part(j.source_id, ':', 1)
      LEFT JOIN service_order o ON j.source_kind = 'service_order' AND o.tenant_id = j.tenant_id
        AND o.id::text = split_part(j.source_id, ':', 1)
      WHERE j.tenant_id = ${tenantId} AND j.id IN (${sql.join(
        journalIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  const out = new Map<string, JournalSource>();
  for (const r of found) {
    if (r.activity_id && r.activity_title)
      out.set(r.journal_id, { kind: 'activity', id: r.activity_id, title: r.activity_title, number: null });
    else if (r.order_id && r.order_title)
      out.set(r.journal_id, { kind: 'order', id: r.order_id, title: r.order_title, number: r.order_number });
  }
  return out;
}

export interface PaidOrderHours {
  orderId: string;
  number: string;
  title: string;
  hours: number;
  paidAt: string;
}

interface PaidRow {
  order_id: string;
  number: string;
  title: string;
  hours: string | number;
  paid_at: string | Date;
}

/** Hours paid to a volunteer for service orders (one line per payment journal), newest first. */
export async function paidOrderHours(db: Db, tenantId: string, volunteerId: string): Promise<PaidOrderHours[]> {
  const found = await rows<PaidRow>(
    db,
    sql`SELECT o.id AS order_id, o.number, o.title, e.amount AS hours, e.created_at AS paid_at
      FROM timebank_account acc
      JOIN timebank_entry e ON e.tenant_id = acc.tenant_id AND e.account_id = acc.id AND e.amount > 0
      JOIN timebank_journal j ON j.tenant_id = e.tenant_id AND j.id = e.journal_id AND j.source_kind = 'service_order'
      JOIN service_order o ON o.tenant_id = j.tenant_id AND o.id::text = split_part(j.source_id, ':', 1)
      WHERE acc.tenant_id = ${tenantId} AND acc.volunteer_id = ${volunteerId}
      ORDER BY e.created_at DESC LIMIT 200`,
  );
  return found.map((r) => ({
    orderId: r.order_id,
    number: r.number,
    title: r.title,
    hours: Number(r.hours),
    paidAt: new Date(r.paid_at).toISOString(),
  }));
}
