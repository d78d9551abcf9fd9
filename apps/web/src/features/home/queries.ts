import type { RegionLevel, SiteKind, UnitType } from '@wenming/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface OrgStats {
  regions: { byLevel: Partial<Record<RegionLevel, number>> };
  units: { total: number; byType: Partial<Record<UnitType, number>> };
  people: number;
  sites: { byKind: Partial<Record<SiteKind, number>> };
  grids: number;
  pairings: number;
  points: number;
}

export function useOrgStats(enabled: boolean) {
  return useQuery({
    queryKey: ['org', 'stats'],
    queryFn: () => api.get<OrgStats>('org/stats'),
    enabled,
    staleTime: 60_000,
  });
}
