// Dispatch candidates (智能派单): the nearest active volunteers whose skills fit the order's item (a KNN scan over
// the GiST index of their home points, filtered by skill), then scored by skill, distance, availability now,
// current load and past ratings; the top ten, each with the reasons it was proposed.
import {
  type CandidateReason,
  type Language,
  type OrderCandidateView,
  renderCandidateReason,
  volunteerSkillLabels,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Database } from '../../platform/db';
import { fail } from '../../platform/errors';
import { ORDER_FROM, orderScope } from './order.policy';

const POOL = 60;
const TOP = 10;

interface OrderPlace {
  lat: number | null;
  lng: number | null;
  skills: string[];
}

interface Pooled {
  id: string;
  name: string;
  number: string;
  skills: string[];
  availability: string[];
  home_lat: number | null;
  home_lng: number | null;
}

/** The availability slot (`mon_am` …) of an instant in Shanghai; null at night. */
export function availabilitySlot(at: Date): string | null {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][local.getUTCDay()];
  const h = local.getUTCHours();
  const part = h >= 6 && h < 12 ? 'am' : h >= 12 && h < 18 ? 'pm' : h >= 18 && h < 22 ? 'eve' : null;
  return part ? `${day}_${part}` : null;
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(a));
}

/** The pool: nearest first when the order has a place, skill-filtered when the item names skills. */
async function pool(database: Database, tenantId: string, p: OrderPlace): Promise<Pooled[]> {
  const cols = 'v.id, v.name, v.number, v.skills, v.availability, v.home_lat, v.home_lng';
  const skill = p.skills.length ? 'AND v.skills && $2::text[]' : 'AND $2::text[] IS NOT NULL';
  if (p.lat !== null && p.lng !== null)
    return database.prepared<Pooled>(
      `orders_candidates_knn_${p.skills.length ? 's' : 'n'}`,
      `SELECT ${cols} FROM volunteer v WHERE v.tenant_id = $1 AND v.status = 'active' AND v.home_lat IS NOT NULL ${skill}
       ORDER BY point(v.home_lng, v.home_lat) <-> point($3, $4) LIMIT ${POOL}`,
      [tenantId, p.skills, p.lng, p.lat],
    );
  return database.prepared<Pooled>(
    `orders_candidates_any_${p.skills.length ? 's' : 'n'}`,
    `SELECT ${cols} FROM volunteer v WHERE v.tenant_id = $1 AND v.status = 'active' ${skill} ORDER BY v.id LIMIT ${POOL}`,
    [tenantId, p.skills],
  );
}

/** Open orders (dispatched to or accepted by) and ratings of the pooled volunteers. */
async function loads(database: Database, tenantId: string, ids: string[]) {
  const rows = await database.prepared<{ id: string; open: number; avg: number | null; n: number }>(
    'orders_candidate_loads',
    `SELECT x.id,
       (SELECT count(*)::int FROM service_order so WHERE so.tenant_id = $1 AND so.volunteer_id = x.id
          AND so.status IN ('dispatched', 'accepted')) AS open,
       r.avg, coalesce(r.n, 0)::int AS n
     FROM unnest($2::uuid[]) AS x(id)
     LEFT JOIN LATERAL (SELECT avg(rating)::float AS avg, count(*) AS n FROM service_order_rating sr
       WHERE sr.tenant_id = $1 AND sr.volunteer_id = x.id) r ON true`,
    [tenantId, ids],
  );
  return new Map(
    rows.map((r) => [r.id, { open: Number(r.open), avg: r.avg === null ? null : Number(r.avg), n: Number(r.n) }]),
  );
}

/** Score and explain one pooled volunteer. */
export function scoreCandidate(
  v: Pooled,
  p: OrderPlace,
  load: { open: number; avg: number | null; n: number },
  slot: string | null,
): Omit<OrderCandidateView, 'reasonTexts'> {
  const reasons: CandidateReason[] = [];
  const matched = p.skills.filter((s) => v.skills.includes(s));
  let score = 0;
  if (p.skills.length === 0) {
    score += 20;
    reasons.push({ code: 'no_skill_needed', params: {} });
  } else {
    score += 40 * (matched.length > 0 ? 1 : 0);
    for (const s of matched) reasons.push({ code: 'skill_match', params: { skill: s } });
  }
  let km: number | null = null;
  if (p.lat !== null && p.lng !== null && v.home_lat !== null && v.home_lng !== null) {
    km = Math.round(distanceKm(p.lat, p.lng, v.home_lat, v.home_lng) * 10) / 10;
    score += 25 * Math.max(0, 1 - km / 10);
    reasons.push({ code: 'distance', params: { km } });
  } else {
    score += 5;
    reasons.push({ code: 'distance_unknown', params: {} });
  }
  const availableNow = !!slot && v.availability.includes(slot);
  if (availableNow) {
    score += 10;
    reasons.push({ code: 'available_now', params: {} });
  }
  score += 15 * Math.max(0, 1 - load.open / 3);
  reasons.push({ code: 'open_orders', params: { count: load.open } });
  const rating = load.avg === null ? null : Math.round(load.avg * 10) / 10;
  score += rating === null ? 6 : 10 * ((rating - 1) / 4);
  reasons.push(rating === null ? { code: 'no_rating', params: {} } : { code: 'rating', params: { value: rating } });
  return {
    volunteerId: v.id,
    name: v.name,
    number: v.number,
    score: Math.round(score * 10) / 10,
    distanceKm: km,
    openOrders: load.open,
    rating,
    ratingCount: load.n,
    matchedSkills: matched,
    availableNow,
    reasons,
  };
}

/** The top ten candidates for an order the actor may dispatch; 404 outside its scope. */
export async function orderCandidates(
  database: Database,
  actor: Actor,
  orderId: string,
  lang: Language = 'zh-CN',
  now = actor.now,
): Promise<OrderCandidateView[]> {
  requirePermission(actor, 'order.dispatch');
  const res = await database.db.execute(sql`SELECT coalesce(o.lat, s.lat) AS lat, coalesce(o.lng, s.lng) AS lng,
      coalesce(i.required_skills, '{}'::text[]) AS skills
    FROM ${ORDER_FROM} WHERE o.tenant_id = ${actor.tenantId} AND o.id = ${orderId} AND ${orderScope(actor, 'order.dispatch')}`);
  const o = res.rows[0] as unknown as OrderPlace | undefined;
  if (!o) throw fail('ORDER_NOT_FOUND');
  const place = {
    lat: o.lat === null ? null : Number(o.lat),
    lng: o.lng === null ? null : Number(o.lng),
    skills: o.skills,
  };
  const pooled = await pool(database, actor.tenantId, place);
  if (!pooled.length) return [];
  const stats = await loads(
    database,
    actor.tenantId,
    pooled.map((v) => v.id),
  );
  const slot = availabilitySlot(now);
  return pooled
    .map((v) => scoreCandidate(v, place, stats.get(v.id) ?? { open: 0, avg: null, n: 0 }, slot))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.distanceKm ?? 1e9) - (b.distanceKm ?? 1e9) ||
        a.volunteerId.localeCompare(b.volunteerId),
    )
    .slice(0, TOP)
    .map((c) => ({
      ...c,
      reasonTexts: c.reasons.map((r) => renderCandidateReason(r, lang, volunteerSkillLabels as Record<string, string>)),
    }));
}
