// Reading the audit log (审计管理员 only): filtered pages of events, each with the name of the object it touched.
import type { AuditEventView, AuditQuery, Page } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { queryPage } from '../../platform/paging';
import { auditFilters, findObjectNames } from './audit.repository';

interface AuditRow {
  seq: string | number;
  id: string;
  at: string | Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
  hash: string;
}

const toView = (r: AuditRow): AuditEventView => ({
  seq: Number(r.seq),
  id: r.id,
  at: new Date(r.at).toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  objectName: null,
  before: r.before,
  after: r.after,
  requestId: r.request_id,
  ip: r.ip,
  hash: r.hash,
});

/** A page of the tenant's audit events, newest first, with object names resolved where the object still exists. */
export async function listAuditEvents(db: Db, actor: Actor, q: AuditQuery): Promise<Page<AuditEventView>> {
  requirePermission(actor, 'audit.read');
  const page = await queryPage<AuditRow, AuditEventView>(
    db,
    { columns: sql`e.*`, from: sql`audit_event e`, where: auditFilters(actor.tenantId, q), orderBy: sql`e.seq DESC` },
    q,
    toView,
  );
  const names = await findObjectNames(db, actor.tenantId, page.items);
  for (const e of page.items) e.objectName = names.get(`${e.objectType}:${e.objectId}`) ?? null;
  return page;
}
