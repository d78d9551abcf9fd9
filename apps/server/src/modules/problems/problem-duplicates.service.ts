// Duplicate suggestions: open problems of the same category near a place (a bounding box on lat/lng first, then
// the haversine distance; without coordinates, the same point) reported within a window of days.
import {
  type DuplicateCandidateView,
  type ProblemDuplicatesQuery,
  type ProblemNearbyQuery,
  finishedProblemStatuses,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { getProblemSettings } from './problem-settings.service';
import { problemScope } from './problem.policy';
import { isoOrNull } from '../../platform/clock';

interface Spot {
  category: string;
  lat: number | null;
  lng: number | null;
  pointId: string | null;
  at: Date;
  excludeId: string | null;
}

const haversine = (lat: number, lng: number) => sql`(6371000 * 2 * asin(sqrt(power(sin(radians(p.lat - ${lat}) / 2), 2)
  + cos(radians(${lat})) * cos(radians(p.lat)) * power(sin(radians(p.lng - ${lng}) / 2), 2))))`;

/** The place condition and the distance column for a spot; null when it has neither coordinates nor a point. */
function nearness(s: Spot, radius: number) {
  if (s.lat !== null && s.lng !== null) {
    const dLat = radius / 111_320;
    const dLng = radius / (111_320 * Math.max(0.01, Math.cos((s.lat * Math.PI) / 180)));
    const distance = haversine(s.lat, s.lng);
    const near = sql`p.lat BETWEEN ${s.lat - dLat} AND ${s.lat + dLat} AND p.lng BETWEEN ${s.lng - dLng} AND ${s.lng + dLng}
      AND ${distance} <= ${radius}`;
    return { near, distance };
  }
  return s.pointId ? { near: sql`p.point_id = ${s.pointId}`, distance: sql`0::float8` } : null;
}

async function findNear(db: Db, actor: Actor, s: Spot, q: { radius?: number; days?: number }) {
  const settings = await getProblemSettings(db, actor.tenantId);
  const where = nearness(s, q.radius ?? settings.duplicateRadiusMetres);
  if (!where) return [];
  const days = q.days ?? settings.duplicateWindowDays;
  const at = s.at.toISOString();
  const rows = await db.execute(sql`SELECT p.id, p.number, p.status, p.category, p.description, p.address, p.created_at,
      ${where.distance} AS distance
    FROM problem p
    WHERE p.tenant_id = ${actor.tenantId} AND p.category = ${s.category} ${s.excludeId ? sql`AND p.id <> ${s.excludeId}` : sql``}
      AND p.status <> ALL(${sql.param([...finishedProblemStatuses])}::text[])
      AND p.created_at BETWEEN ${at}::timestamptz - make_interval(days => ${days})
        AND ${at}::timestamptz + make_interval(days => ${days})
      AND ${where.near} AND ${problemScope(actor, 'problem.read')}
    ORDER BY distance, p.created_at LIMIT 20`);
  return (rows.rows as any[]).map(
    (r): DuplicateCandidateView => ({
      id: r.id,
      number: r.number,
      status: r.status,
      category: r.category,
      description: r.description,
      address: r.address,
      distanceMetres: Math.round(Number(r.distance)),
      createdAt: isoOrNull(r.created_at)!,
    }),
  );
}

/** Suggestions for an existing problem (for the office to mark duplicates); 404 outside the actor's scope. */
export async function findDuplicateCandidates(
  db: Db,
  actor: Actor,
  id: string,
  q: ProblemDuplicatesQuery,
): Promise<DuplicateCandidateView[]> {
  requirePermission(actor, 'problem.read');
  const res = await db.execute(sql`SELECT p.category, p.lat, p.lng, p.point_id, p.created_at FROM problem p
    WHERE p.tenant_id = ${actor.tenantId} AND p.id = ${id} AND ${problemScope(actor, 'problem.read')}`);
  const me = res.rows[0] as any;
  if (!me) throw fail('PROBLEM_NOT_FOUND');
  const [lat, lng] = me.lat === null || me.lng === null ? [null, null] : [Number(me.lat), Number(me.lng)];
  const spot = { category: me.category, lat, lng, pointId: me.point_id, at: new Date(me.created_at), excludeId: id };
  return findNear(db, actor, spot, q);
}

/** Suggestions before a report is sent: open problems of the category near where the reporter stands. */
export async function suggestDuplicates(
  db: Db,
  actor: Actor,
  q: ProblemNearbyQuery,
): Promise<DuplicateCandidateView[]> {
  requirePermission(actor, 'problem.read');
  const spot = {
    category: q.category,
    lat: q.lat ?? null,
    lng: q.lng ?? null,
    pointId: q.pointId ?? null,
    at: actor.now,
    excludeId: null,
  };
  return findNear(db, actor, spot, q);
}
