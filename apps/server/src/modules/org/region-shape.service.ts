// Region outlines as GeoJSON for maps drawn on the client without a chart library (the phone's 今日点位 map).
import type { RegionShapeFeature, RegionShapeQuery, RegionShapesView } from '@wenming/contracts';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { findRegionShapes } from './region-shape.repository';

/** The tenant's outlines of one level: outlines are public geography, so anyone who may read regions sees all. */
export async function listRegionShapes(db: Db, actor: Actor, q: RegionShapeQuery): Promise<RegionShapesView> {
  requirePermission(actor, 'region.read');
  const found = await findRegionShapes(db, actor.tenantId, q.level);
  return {
    type: 'FeatureCollection',
    level: q.level,
    features: found.map(
      (r): RegionShapeFeature => ({
        type: 'Feature',
        properties: { code: r.code, name: r.name, center: r.center },
        geometry: r.geometry as unknown as RegionShapeFeature['geometry'],
      }),
    ),
  };
}
