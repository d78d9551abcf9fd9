import type { RegionLevel, RegionNode } from '@wenming/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface RegionChange {
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  at: string;
}

export interface RegionDetail {
  code: string;
  name: string;
  level: RegionLevel;
  status: 'active' | 'retired';
  parentCode: string | null;
  path: string;
  history: RegionChange[];
}

/** Roots (no `root`) or one region, with `depth` levels of children. */
export function fetchRegionTree(root?: string, depth = 1): Promise<RegionNode[]> {
  return api.get<RegionNode[]>('regions/tree', { root, depth });
}

export function useRegion(code: string | undefined) {
  return useQuery({
    queryKey: ['regions', 'detail', code],
    queryFn: () => api.get<RegionDetail>(`regions/${code}`),
    enabled: !!code,
  });
}

export type RegionAction =
  | { kind: 'create'; code: string; name: string; parentCode: string }
  | { kind: 'rename'; code: string; name: string; reason?: string }
  | { kind: 'merge'; code: string; intoCode: string; reason?: string }
  | { kind: 'retire'; code: string; reason?: string };

function sendRegionAction(action: RegionAction): Promise<unknown> {
  switch (action.kind) {
    case 'create':
      return api.post('regions', { code: action.code, name: action.name, parentCode: action.parentCode });
    case 'rename':
      return api.post(`regions/${action.code}/rename`, { name: action.name, reason: action.reason || undefined });
    case 'merge':
      return api.post(`regions/${action.code}/merge`, {
        intoCode: action.intoCode,
        reason: action.reason || undefined,
      });
    case 'retire':
      return api.post(`regions/${action.code}/retire`, { reason: action.reason || undefined });
  }
}

/** Add / rename / merge / retire; every cached region answer is refreshed afterwards. */
export function useRegionAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendRegionAction,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['regions'] }),
  });
}
