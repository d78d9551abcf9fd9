// The reads of dispatch candidates: the order's place, the pool of volunteers (nearest first; by name or number
// for a manual pick) with where they are (home, else their site), and their open orders and ratings.
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { maybeOne, rows } from '../../platform/sql';
import { ORDER_FROM, orderScope } from './order.policy';

const POOL = 60;

export interface OrderPlaceRow {
  lat: number | string | null;
  lng: number | string | null;
  skills: string[];
}

/** The order's place (its own point, else its site's) and the skills its item needs; null outside scope. */
export function orderPlace(db: Db, actor: Actor, orderId: string): Promise<OrderPlaceRow | null> {
  return maybeOne<OrderPlaceRow>(
    db,
    sql`SELECT coalesce(o.lat, s.lat) AS lat, coalesce(o.lng, s.lng) AS lng,
      coalesce(i.required_skills, '{}'::text[]) AS skills
    FROM ${ORDER_FROM} WHERE o.tenant_id = ${actor.tenantId} AND o.id = ${orderId} AND ${orderScope(actor, 'order.dispatch')}`,
  );
}

export interface PooledRow {
  id: string;
  name: string;
  number: string;
  skills: string[];
  availability: string[];
  lat: number | string | null;
  lng: number | string | null;
  located: 'home' | 'site' | null;
}

const POOL_COLUMNS = sql`v.id, v.name, v.number, v.skills, v.availability`;

/**
 * Active volunteers: nearest first when the order has a place (their homes through the GiST index; then, when
 * that leaves room, those without a home point measured from their site), only skilled ones when the item names
 * skills; with `q`, any whose name or number matches (skills are scored, not required).
 */
export async function candidatePool(
  db: Db,
  tenantId: string,
  p: { lat: number | null; lng: number | null; skills: string[] },
  q?: string,
): Promise<PooledRow[]> {
  const filter: SQL = q
    ? sql`AND (v.name LIKE ${`%${q}%`} OR v.number = ${q})`
    : p.skills.length
      ? sql`AND v.skills && ${sql.param(p.skills)}::text[]`
      : sql``;
  const limit = q ? 20 : POOL;
  const siteJoin = sql`LEFT JOIN practice_site vs ON vs.tenant_id = v.tenant_id AND vs.id = v.site_id`;
  if (p.lat === null || p.lng === null)
    return rows<PooledRow>(
      db,
      sql`SELECT ${POOL_COLUMNS}, coalesce(v.home_lat, vs.lat) AS lat, coalesce(v.home_lng, vs.lng) AS lng,
          CASE WHEN v.home_lat IS NOT NULL THEN 'home' WHEN vs.lat IS NOT NULL THEN 'site' END AS located
        FROM volunteer v ${siteJoin} WHERE v.tenant_id = ${tenantId} AND v.status = 'active' ${filter}
        ORDER BY v.id LIMIT ${limit}`,
    );
  const homes = await rows<PooledRow>(
    db,
    sql`SELECT ${POOL_COLUMNS}, v.home_lat AS lat, v.home_lng AS lng, 'home' AS located
      FROM volunteer v WHERE v.tenant_id = ${tenantId} AND v.status = 'active' AND v.home_lat IS NOT NULL ${filter}
      ORDER BY point(v.home_lng, v.home_lat) <-> point(${p.lng}, ${p.lat}) LIMIT ${limit}`,
  );
  if (homes.length >= limit) return homes;
  const others = await rows<PooledRow>(
    db,
    sql`SELECT ${POOL_COLUMNS}, vs.lat, vs.lng, CASE WHEN vs.lat IS NOT NULL THEN 'site' END AS located
      FROM volunteer v ${siteJoin} WHERE v.tenant_id = ${tenantId} AND v.status = 'active' AND v.home_lat IS NULL ${filter}
      ORDER BY (vs.lat IS NULL), point(vs.lng, vs.lat) <-> point(${p.lng}, ${p.lat}), v.id LIMIT ${limit - homes.length}`,
  );
  return [...homes, ...others];
}

interface LoadRow {
  id: string;
  open: number | string;
  avg: number | string | null;
  n: number | string;
}

/** Open orders (dispatched to or accepted by) and ratings of the pooled volunteers. */
export async function candidateLoads(db: Db, tenantId: string, ids: string[]) {
  const found = await rows<LoadRow>(
    db,
    sql`SELECT x.id,
       (SELECT count(*)::int FROM service_order so WHERE so.tenant_id = ${tenantId} AND so.volunteer_id = x.id
          AND so.status IN ('dispatched', 'accepted')) AS open,
       r.avg, coalesce(r.n, 0)::int AS n
     FROM unnest(${sql.param(ids)}::uuid[]) AS x(id)
     LEFT JOIN LATERAL (SELECT avg(rating)::float AS avg, count(*) AS n FROM service_order_rating sr
       WHERE sr.tenant_id = ${tenantId} AND sr.volunteer_id = x.id) r ON true`,
  );
  return new Map(
    found.map((r) => [r.id, { open: Number(r.open), avg: r.avg === null ? null : Number(r.avg), n: Number(r.n) }]),
  );
}
