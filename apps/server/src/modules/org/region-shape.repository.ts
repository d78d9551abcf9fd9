// Region outlines (region_shape) of one level, with the region's name.
import { and, asc, eq } from 'drizzle-orm';
import { region, regionShape } from '../../db/schema';
import type { Db } from '../../platform/db';

/** Active regions of a level that have an outline, by code. */
export function findRegionShapes(db: Db, tenantId: string, level: string) {
  return db
    .select({ code: region.code, name: region.name, geometry: regionShape.geometry, center: regionShape.center })
    .from(regionShape)
    .innerJoin(region, and(eq(region.tenantId, regionShape.tenantId), eq(region.code, regionShape.regionCode)))
    .where(and(eq(regionShape.tenantId, tenantId), eq(region.level, level), eq(region.status, 'active')))
    .orderBy(asc(region.code));
}
