// Demo map shapes: generated outlines of the demo city's districts and streets (no surveyed boundaries exist for the
// fictional 示范市). Idempotent: a region that already has a shape keeps it.
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { type Pt, centroid, cityOutline, partition, toPolygon } from './bigscreen-geo';

/** Roughly where the real codes of the demo prefecture lie, so that the map has a plausible aspect. */
const DEMO_CENTER: Pt = [102.19, 38.52];

/** Generate and store outlines for a tenant's root region, its counties and their townships. */
export async function seedRegionShapes(db: Db, tenantId: string, rootCode: string, center: Pt = DEMO_CENTER) {
  const res = await db.execute(sql`SELECT code, level, parent_code FROM region
    WHERE tenant_id = ${tenantId} AND status = 'active'
      AND path <@ (SELECT path FROM region WHERE tenant_id = ${tenantId} AND code = ${rootCode})
      AND (code = ${rootCode} OR level IN ('county', 'township'))
    ORDER BY code`);
  const rows = res.rows as { code: string; level: string; parent_code: string | null }[];
  const outline = cityOutline(rootCode, center, 0.55);
  const shapes: { code: string; ring: Pt[] }[] = [{ code: rootCode, ring: outline }];
  const counties = rows.filter((r) => r.level === 'county').map((r) => r.code);
  for (const county of partition(`${rootCode}:counties`, outline, counties)) {
    shapes.push(county);
    const streets = rows.filter((r) => r.parent_code === county.code).map((r) => r.code);
    if (streets.length) shapes.push(...partition(`${county.code}:streets`, county.ring, streets));
  }
  for (const s of shapes) {
    if (s.ring.length < 3) continue;
    await db.execute(sql`INSERT INTO region_shape (tenant_id, region_code, geometry, center, source)
      VALUES (${tenantId}, ${s.code}, ${JSON.stringify(toPolygon(s.ring))}::jsonb,
        ${JSON.stringify(centroid(s.ring).map((v) => Math.round(v * 1e5) / 1e5))}::jsonb, 'generated')
      ON CONFLICT (tenant_id, region_code) DO NOTHING`);
  }
  return shapes.length;
}
