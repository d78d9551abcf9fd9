import type {
  CandidateView,
  HonourRollEntry,
  Page,
  SelectionCampaignBody,
  SelectionCampaignView,
  SelectionStageAction,
  TallyView,
} from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';

export function useSelectionCampaigns(query: QueryParams) {
  return useQuery({
    queryKey: ['selections', 'campaigns', query],
    queryFn: ({ signal }) => api.get<Page<SelectionCampaignView>>('selection-campaigns', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSelectionCampaign(id: string | undefined) {
  return useQuery({
    queryKey: ['selections', 'campaign', id],
    queryFn: ({ signal }) => api.get<SelectionCampaignView>(`selection-campaigns/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useCandidates(id: string | undefined) {
  return useQuery({
    queryKey: ['selections', 'candidates', id],
    queryFn: ({ signal }) =>
      api.get<Page<CandidateView>>(`selection-campaigns/${id}/candidates`, { pageSize: 200 }, { signal }),
    enabled: !!id,
  });
}

/** The live tally, refreshed every 10 s while the page is open (the server reads counters, not votes). */
export function useTally(id: string | undefined) {
  return useQuery({
    queryKey: ['selections', 'tally', id],
    queryFn: ({ signal }) => api.get<TallyView>(`selection-campaigns/${id}/tally`, undefined, { signal }),
    enabled: !!id,
    refetchInterval: 10_000,
  });
}

export function useHonourRoll(query: QueryParams) {
  return useQuery({
    queryKey: ['selections', 'honour-roll', query],
    queryFn: ({ signal }) => api.get<Page<HonourRollEntry>>('public/honour-roll', query, { signal }),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['selections'] });
}

export function useCreateSelection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SelectionCampaignBody) => api.post<SelectionCampaignView>('selection-campaigns', body),
    onSuccess: invalidate,
  });
}

export function useStageAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { action: SelectionStageAction; version: number }) =>
      api.post<SelectionCampaignView>(`selection-campaigns/${id}/transition`, body),
    onSuccess: invalidate,
  });
}

export function useCheckCandidate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'approve' | 'reject'; reason?: string; version: number }) =>
      api.post<CandidateView>(`selection-candidates/${id}/check`, body),
    onSuccess: invalidate,
  });
}
