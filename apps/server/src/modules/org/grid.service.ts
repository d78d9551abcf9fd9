import { type GridView, type gridBody, isPolygonGeoJson } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, requirePermission, scopeFilter } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { buildSearchText, likePattern } from '../../platform/search-text';
import { assertRegionUsable } from './org-refs';
import { movePairedRegion } from './pairing.service';

export type GridBody = z.infer<typeof gridBody>;
type GridPermission = 'grid.read' | 'grid.manage';

const columns = sql`g.id, g.code, g.name, g.region_code, rg.name AS region_name, g.boundary, g.center_lat, g.center_lng, g.version`;
const from = sql`grid g LEFT JOIN region rg ON rg.tenant_id = g.tenant_id AND rg.code = g.region_code`;

/** Scope of grids: the region subtree of the actor's grants. */
export const gridScope = (actor: Actor, permission: GridPermission = 'grid.read') =>
  scopeFilter(actor, permission, { regionCode: sql`g.region_code` });

const toView = (r: any): GridView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  regionCode: r.region_code,
  regionName: r.region_name,
  boundary: typeof r.boundary === 'string' ? JSON.parse(r.boundary) : (r.boundary ?? null),
  centerLat: r.center_lat,
  centerLng: r.center_lng,
  version: r.version,
});

export interface GridFilter {
  q?: string;
  regionCode?: string;
}

function gridWhere(actor: Actor, f: GridFilter) {
  return allOf(
    sql`g.tenant_id = ${actor.tenantId}`,
    gridScope(actor),
    f.q ? sql`(g.search_text LIKE ${likePattern(f.q)} OR g.code = ${f.q.trim()})` : null,
    f.regionCode
      ? sql`EXISTS (SELECT 1 FROM region fr, region fg WHERE fr.tenant_id = g.tenant_id AND fr.code = ${f.regionCode}
          AND fg.tenant_id = g.tenant_id AND fg.code = g.region_code AND fg.path <@ fr.path)`
      : null,
  );
}

/** Grids in scope, searchable by name (pinyin initials, either script) or exact code. */
export async function listGrids(db: Db, actor: Actor, f: GridFilter & { page: number; pageSize: number }) {
  requirePermission(actor, 'grid.read');
  return queryPage(db, { columns, from, where: gridWhere(actor, f), orderBy: sql`g.code, g.id` }, f, toView);
}

/** One grid in scope for the permission, else 404. */
export async function getGrid(db: Db, actor: Actor, id: string, permission: GridPermission = 'grid.read') {
  requirePermission(actor, permission);
  const res = await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE g.tenant_id = ${actor.tenantId} AND g.id = ${id} AND ${gridScope(actor, permission)}`);
  if (!res.rows[0]) throw fail('GRID_NOT_FOUND');
  return toView(res.rows[0]);
}

/** Centre of the boundary's bounding box, used when the client gives no centre point. */
function boundaryCentre(boundary: unknown): { lat: number; lng: number } | null {
  const xs: number[] = [];
  const ys: number[] = [];
  const walk = (v: unknown): void => {
    if (!Array.isArray(v)) return;
    if (typeof v[0] === 'number') {
      xs.push(v[0]);
      ys.push(v[1] as number);
    } else v.forEach(walk);
  };
  const g = boundary as any;
  walk(g?.type === 'Feature' ? g.geometry?.coordinates : g?.coordinates);
  if (!xs.length) return null;
  return { lng: (Math.min(...xs) + Math.max(...xs)) / 2, lat: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

function gridValues(b: GridBody) {
  const boundary = b.boundary ?? null;
  if (boundary !== null && !isPolygonGeoJson(boundary))
    throw invalidFields([{ field: 'boundary', key: 'invalid_format' }]);
  const centre =
    b.centerLat != null && b.centerLng != null ? { lat: b.centerLat, lng: b.centerLng } : boundaryCentre(boundary);
  return {
    boundary: boundary === null ? null : JSON.stringify(boundary),
    centerLat: centre?.lat ?? null,
    centerLng: centre?.lng ?? null,
    searchText: buildSearchText(b.name),
  };
}

const isUniqueViolation = (err: any) => err?.cause?.code === '23505' || err?.code === '23505';
const codeTaken = () => fail('GRID_CODE_TAKEN', { fields: [{ field: 'code' }] });

/** Create a grid; its code is unique in the tenant (409), and a resend with the same client id stores it once. */
export async function createGrid(db: Db, actor: Actor, body: GridBody & { id?: string }) {
  requirePermission(actor, 'grid.manage');
  const v = gridValues(body);
  await assertRegionUsable(db, actor, body.regionCode, 'grid.manage');
  const id = body.id ?? newId();
  await db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`INSERT INTO grid (tenant_id, id, code, name, region_code, boundary, center_lat, center_lng, search_text)
      VALUES (${actor.tenantId}, ${id}, ${body.code}, ${body.name}, ${body.regionCode}, ${v.boundary}::jsonb,
        ${v.centerLat}, ${v.centerLng}, ${v.searchText})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (res.rows.length) {
      await writeAudit(tx, actor, { action: 'grid.create', objectType: 'grid', objectId: id, after: body });
      return;
    }
    const same = await tx.execute(sql`SELECT 1 FROM grid WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    if (!same.rows.length) throw codeTaken();
  });
  return getGrid(db, actor, id);
}

/** Update with optimistic concurrency: a stale version is a 409 with the current record; a taken code is a 409. */
export async function updateGrid(db: Db, actor: Actor, id: string, body: GridBody & { version: number }) {
  const before = await getGrid(db, actor, id, 'grid.manage');
  const v = gridValues(body);
  // The grid's current region was checked when it was placed there; only a move needs the new one in scope.
  if (body.regionCode !== before.regionCode) await assertRegionUsable(db, actor, body.regionCode, 'grid.manage');
  await db
    .transaction(async (tx) => {
      const res =
        await tx.execute(sql`UPDATE grid SET code = ${body.code}, name = ${body.name}, region_code = ${body.regionCode},
          boundary = ${v.boundary}::jsonb, center_lat = ${v.centerLat}, center_lng = ${v.centerLng},
          search_text = ${v.searchText}, version = version + 1
        WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${body.version} RETURNING id`);
      if (res.rows.length === 0) throw fail('STALE_VERSION', { current: before });
      await movePairedRegion(tx, actor.tenantId, 'grid', id, body.regionCode);
      await writeAudit(tx, actor, { action: 'grid.update', objectType: 'grid', objectId: id, before, after: body });
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw codeTaken();
      throw err;
    });
  return getGrid(db, actor, id);
}
