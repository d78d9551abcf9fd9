// The public page of published bulletins (公开通报): rankings and rates only — no publisher, no people, no phones.
import type { BulletinSnapshot, Page, PublicBulletinView } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';

async function tenantIdOf(db: Db, code: string | undefined, fallback: string): Promise<string> {
  const res = await db.execute(sql`SELECT id FROM tenant WHERE code = ${code || fallback}`);
  const r = res.rows[0] as { id: string } | undefined;
  if (!r) throw invalidFields([{ field: 'tenant', key: 'invalid_value' }]);
  return r.id;
}

function toPublic(r: any): PublicBulletinView {
  const s = r.snapshot as BulletinSnapshot;
  return {
    id: r.id,
    docNumber: r.doc_number,
    title: r.title,
    periodLabel: r.period_label,
    status: r.superseded_by ? 'superseded' : 'published',
    publishedAt: new Date(r.published_at).toISOString(),
    rates: s.rates,
    ranking: s.ranking.map((x) => ({
      subjectName: x.subjectName,
      score: x.score,
      fullScore: x.fullScore,
      rank: x.rank,
      rankChange: x.rankChange,
    })),
  };
}

const columns = sql`id, doc_number, title, period_label, superseded_by, published_at, snapshot`;

/** Published bulletins of a tenant (by its code), newest first, with their rankings. */
export async function listPublicBulletins(
  db: Db,
  q: { tenant?: string; page: number; pageSize: number },
  defaultTenant: string,
): Promise<Page<PublicBulletinView>> {
  const tenantId = await tenantIdOf(db, q.tenant, defaultTenant);
  const [rows, count] = await Promise.all([
    db.execute(sql`SELECT ${columns} FROM bulletin WHERE tenant_id = ${tenantId}
      ORDER BY published_at DESC, doc_seq DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.execute(sql`SELECT count(*)::int AS n FROM bulletin WHERE tenant_id = ${tenantId}`),
  ]);
  return {
    items: rows.rows.map(toPublic),
    total: Number((count.rows[0] as { n: number }).n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One published bulletin of a tenant; 404 when the tenant has none with this id. */
export async function getPublicBulletin(db: Db, tenant: string | undefined, id: string, defaultTenant: string) {
  const tenantId = await tenantIdOf(db, tenant, defaultTenant);
  const res = await db.execute(sql`SELECT ${columns} FROM bulletin WHERE tenant_id = ${tenantId} AND id = ${id}`);
  if (!res.rows[0]) throw fail('BULLETIN_NOT_FOUND');
  return toPublic(res.rows[0]);
}
