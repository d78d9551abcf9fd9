import type {
  InspectionListItem,
  InspectionPlanPointView,
  InspectionPlanProgress,
  InspectionPlanView,
  InspectionView,
  Page,
  PointType,
  PointView,
} from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedQuery } from '../../components/use-paged-query';

export const usePoints = (query: QueryParams) => usePagedQuery<PointView>('points', 'points', query);
export const usePlans = (query: QueryParams) =>
  usePagedQuery<InspectionPlanView>('inspection-plans', 'inspection-plans', query);
export const useInspections = (query: QueryParams, enabled = true) =>
  usePagedQuery<InspectionListItem>('inspections', 'inspections', query, enabled);

/** `GET /inspections/{id}`: one inspection record with its findings. */
export function useInspection(id: string | undefined) {
  return useQuery({
    queryKey: ['inspections', 'detail', id],
    queryFn: () => api.get<InspectionView>(`inspections/${id}`),
    enabled: !!id,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: ['inspection-plans', 'detail', id],
    queryFn: () => api.get<InspectionPlanView>(`inspection-plans/${id}`),
    enabled: !!id,
  });
}

export function usePlanProgress(id: string | undefined) {
  return useQuery({
    queryKey: ['inspection-plans', 'progress', id],
    queryFn: () => api.get<InspectionPlanProgress>(`inspection-plans/${id}/progress`),
    enabled: !!id,
  });
}

export function usePlanPoints(id: string | undefined, query: QueryParams) {
  return useQuery({
    queryKey: ['inspection-plans', 'points', id, query],
    queryFn: () => api.get<Page<InspectionPlanPointView>>(`inspection-plans/${id}/points`, query),
    enabled: !!id,
  });
}

/** A point on the map: GeoJSON coordinates are [lng, lat]. */
export interface MapPoint {
  id: string;
  name: string;
  pointType: PointType;
  lng: number;
  lat: number;
}

interface PointsGeoJson {
  type: 'FeatureCollection';
  features: {
    id: string;
    geometry: { coordinates: [number, number] };
    properties: { name: string; pointType: PointType };
  }[];
  truncated?: boolean;
}

/** `GET /points/map`: the points with coordinates, as GeoJSON. */
export function usePointsMap(query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['points', 'map', query],
    queryFn: async () => {
      const geo = await api.get<PointsGeoJson>('points/map', query);
      const points: MapPoint[] = geo.features.map((f) => ({
        id: String(f.id),
        name: f.properties.name,
        pointType: f.properties.pointType,
        lng: f.geometry.coordinates[0],
        lat: f.geometry.coordinates[1],
      }));
      return { points, truncated: !!geo.truncated };
    },
    enabled,
  });
}
