import { type PointBody, type PointType, type PointView, pointTypeNames } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission, scopeFilter } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { buildSearchText, likePattern } from '../../platform/search-text';
import { assertRegionUsable } from './org-refs';
import { movePairedRegion } from './pairing.service';

// Points belong to the org map, so they follow the region permissions until inspections add their own.
type PointPermission = 'region.read' | 'region.manage';

const columns = sql`pt.id, pt.name, pt.point_type, pt.region_code, rg.name AS region_name, pt.grid_id, gd.name AS grid_name,
  pt.address, pt.lat, pt.lng, pt.version`;
const from = sql`point pt
  LEFT JOIN region rg ON rg.tenant_id = pt.tenant_id AND rg.code = pt.region_code
  LEFT JOIN grid gd ON gd.tenant_id = pt.tenant_id AND gd.id = pt.grid_id`;

/** Scope of points: the region subtree of the actor's region grants. */
export const pointScope = (actor: Actor, permission: PointPermission = 'region.read') =>
  scopeFilter(actor, permission, { regionCode: sql`pt.region_code` });

const toView = (r: any): PointView => ({
  id: r.id,
  name: r.name,
  pointType: r.point_type as PointType,
  regionCode: r.region_code,
  regionName: r.region_name,
  gridId: r.grid_id,
  gridName: r.grid_name,
  address: r.address,
  lat: r.lat,
  lng: r.lng,
  version: r.version,
});

export interface PointFilter {
  q?: string;
  regionCode?: string;
  pointType?: PointType;
  gridId?: string;
}

function pointWhere(actor: Actor, f: PointFilter) {
  return allOf(
    sql`pt.tenant_id = ${actor.tenantId}`,
    pointScope(actor),
    f.q ? sql`pt.search_text LIKE ${likePattern(f.q)}` : null,
    f.pointType ? sql`pt.point_type = ${f.pointType}` : null,
    f.gridId ? sql`pt.grid_id = ${f.gridId}` : null,
    f.regionCode
      ? sql`EXISTS (SELECT 1 FROM region fr, region fp WHERE fr.tenant_id = pt.tenant_id AND fr.code = ${f.regionCode}
          AND fp.tenant_id = pt.tenant_id AND fp.code = pt.region_code AND fp.path <@ fr.path)`
      : null,
  );
}

/** Points (点位) in scope, searchable by name or address (pinyin initials, either script). */
export async function listPoints(db: Db, actor: Actor, f: PointFilter & { page: number; pageSize: number }) {
  requirePermission(actor, 'region.read');
  return queryPage(
    db,
    { columns, from, where: pointWhere(actor, f), orderBy: sql`pt.region_code, pt.name, pt.id` },
    f,
    toView,
  );
}

/** One point in scope for the permission, else 404. */
export async function getPoint(db: Db, actor: Actor, id: string, permission: PointPermission = 'region.read') {
  requirePermission(actor, permission);
  const res = await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE pt.tenant_id = ${actor.tenantId} AND pt.id = ${id} AND ${pointScope(actor, permission)}`);
  if (!res.rows[0]) throw fail('POINT_NOT_FOUND');
  return toView(res.rows[0]);
}

async function assertGridOfTenant(db: Db, actor: Actor, gridId: string | null | undefined) {
  if (!gridId) return;
  const res = await db.execute(sql`SELECT 1 FROM grid WHERE tenant_id = ${actor.tenantId} AND id = ${gridId}`);
  if (!res.rows.length) throw invalidFields([{ field: 'gridId', key: 'invalid_value' }]);
}

const searchTextOf = (b: PointBody) => buildSearchText(b.name, b.address);

/** Create a point; a resend with the same client id stores it once. */
export async function createPoint(db: Db, actor: Actor, body: PointBody & { id?: string }) {
  requirePermission(actor, 'region.manage');
  await assertRegionUsable(db, actor, body.regionCode, 'region.manage');
  await assertGridOfTenant(db, actor, body.gridId);
  const id = body.id ?? newId();
  await db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`INSERT INTO point (tenant_id, id, name, point_type, region_code, grid_id, address, lat, lng, search_text)
      VALUES (${actor.tenantId}, ${id}, ${body.name}, ${body.pointType}, ${body.regionCode}, ${body.gridId ?? null},
        ${body.address ?? null}, ${body.lat ?? null}, ${body.lng ?? null}, ${searchTextOf(body)})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (res.rows.length)
      await writeAudit(tx, actor, { action: 'point.create', objectType: 'point', objectId: id, after: body });
  });
  return getPoint(db, actor, id);
}

/** Update with optimistic concurrency: a stale version is a 409 with the current record. */
export async function updatePoint(db: Db, actor: Actor, id: string, body: PointBody & { version: number }) {
  const before = await getPoint(db, actor, id, 'region.manage');
  if (body.regionCode !== before.regionCode) await assertRegionUsable(db, actor, body.regionCode, 'region.manage');
  await assertGridOfTenant(db, actor, body.gridId);
  await db.transaction(async (tx) => {
    const res = await tx.execute(sql`UPDATE point SET name = ${body.name}, point_type = ${body.pointType},
        region_code = ${body.regionCode}, grid_id = ${body.gridId ?? null}, address = ${body.address ?? null},
        lat = ${body.lat ?? null}, lng = ${body.lng ?? null}, search_text = ${searchTextOf(body)}, version = version + 1
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${body.version} RETURNING id`);
    if (res.rows.length === 0) throw fail('STALE_VERSION', { current: before });
    await movePairedRegion(tx, actor.tenantId, 'point', id, body.regionCode);
    await writeAudit(tx, actor, { action: 'point.update', objectType: 'point', objectId: id, before, after: body });
  });
  return getPoint(db, actor, id);
}

/** At most this many points go on one map; narrow the region for more detail. */
const MAP_LIMIT = 20_000;

/** Points in scope with coordinates as a GeoJSON FeatureCollection ([lng, lat]) for the map on the region GeoJSON. */
export async function pointsMap(db: Db, actor: Actor, f: Pick<PointFilter, 'regionCode' | 'pointType'>) {
  requirePermission(actor, 'region.read');
  const where = allOf(pointWhere(actor, f), sql`pt.lat IS NOT NULL AND pt.lng IS NOT NULL`);
  const res = await db.execute(sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY pt.region_code, pt.id
    LIMIT ${MAP_LIMIT + 1}`);
  const rows = res.rows.slice(0, MAP_LIMIT).map(toView);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(({ lat, lng, version: _v, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.id,
      geometry: { type: 'Point' as const, coordinates: [Number(lng), Number(lat)] },
      properties: { ...properties, pointTypeName: pointTypeNames[properties.pointType] },
    })),
    truncated: res.rows.length > MAP_LIMIT,
  };
}
