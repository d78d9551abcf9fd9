// Region outlines (GeoJSON, [lng, lat]) for maps drawn without a chart library: the phone's 今日点位 map.
import { z } from 'zod';

export const regionShapeQuery = z.object({ level: z.enum(['county', 'township']).default('township') });
export type RegionShapeQuery = z.infer<typeof regionShapeQuery>;

export interface RegionShapeFeature {
  type: 'Feature';
  properties: { code: string; name: string; center: [number, number] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface RegionShapesView {
  type: 'FeatureCollection';
  level: 'county' | 'township';
  features: RegionShapeFeature[];
}
