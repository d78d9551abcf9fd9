// Queries of bulletins: columns with the replaced and replacing documents' numbers, scoped by the bulletin's region.
import type { BulletinDetailView, BulletinView, Permission } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, scopeFilter } from '../../platform/access';
import type { Db } from '../../platform/db';
import type { EvaluationForBulletin } from './bulletin-snapshot';

export const bulletinColumns = sql`b.id, b.evaluation_id, b.doc_number, b.title, b.period_label, b.published_at,
  b.published_by_name, b.replaces_id, rb.doc_number AS replaces_doc_number, b.superseded_by,
  sb.doc_number AS superseded_doc_number`;
export const bulletinFrom = sql`bulletin b
  LEFT JOIN bulletin rb ON rb.tenant_id = b.tenant_id AND rb.id = b.replaces_id
  LEFT JOIN bulletin sb ON sb.tenant_id = b.tenant_id AND sb.id = b.superseded_by`;

export const bulletinScope = (actor: Actor, permission: Permission): SQL =>
  scopeFilter(actor, permission, { regionCode: sql`b.region_code` });

export function toBulletinView(r: any): BulletinView {
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    docNumber: r.doc_number,
    title: r.title,
    periodLabel: r.period_label,
    status: r.superseded_by ? 'superseded' : 'published',
    replaces: r.replaces_id ? { id: r.replaces_id, docNumber: r.replaces_doc_number } : null,
    supersededBy: r.superseded_by ? { id: r.superseded_by, docNumber: r.superseded_doc_number } : null,
    publishedAt: new Date(r.published_at).toISOString(),
    publishedByName: r.published_by_name,
  };
}

/** One bulletin with its snapshot inside the actor's scope for the permission, or undefined. */
export async function findBulletin(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission = 'evaluation.read',
): Promise<BulletinDetailView | undefined> {
  const res = await db.execute(sql`SELECT ${bulletinColumns}, b.snapshot FROM ${bulletinFrom}
    WHERE b.tenant_id = ${actor.tenantId} AND b.id = ${id} AND ${bulletinScope(actor, permission)}`);
  const r = res.rows[0] as any;
  return r ? { ...toBulletinView(r), snapshot: r.snapshot } : undefined;
}

/** The evaluation to publish, inside the actor's publishing scope, with its framework and tenant names. */
export async function findEvaluationForBulletin(
  db: Db,
  actor: Actor,
  id: string,
): Promise<EvaluationForBulletin | undefined> {
  const res = await db.execute(sql`SELECT e.id, e.name, e.series, e.state, e.region_code, e.period_label,
      e.period_start::text AS period_start, e.levels, e.rates, f.name AS framework_name, t.name AS tenant_name
    FROM evaluation e JOIN tenant t ON t.id = e.tenant_id
      LEFT JOIN framework f ON f.tenant_id = e.tenant_id AND f.id = e.framework_id
    WHERE e.tenant_id = ${actor.tenantId} AND e.id = ${id}
      AND ${scopeFilter(actor, 'evaluation.publish', { regionCode: sql`e.region_code` })}`);
  return res.rows[0] as unknown as EvaluationForBulletin | undefined;
}

/** The next document number of the year, serialised per tenant by an advisory lock held to commit. */
export async function nextBulletinSeq(tx: Db, tenantId: string, year: number): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`bulletin-doc:${tenantId}`}))`);
  const res = await tx.execute(sql`SELECT COALESCE(max(doc_seq), 0) + 1 AS seq FROM bulletin
    WHERE tenant_id = ${tenantId} AND doc_year = ${year}`);
  return Number((res.rows[0] as { seq: number }).seq);
}

/** The number the next bulletin of the year would take, read without reserving it (for a preview). */
export async function peekBulletinSeq(db: Db, tenantId: string, year: number): Promise<number> {
  const res = await db.execute(sql`SELECT COALESCE(max(doc_seq), 0) + 1 AS seq FROM bulletin
    WHERE tenant_id = ${tenantId} AND doc_year = ${year}`);
  return Number((res.rows[0] as { seq: number }).seq);
}
