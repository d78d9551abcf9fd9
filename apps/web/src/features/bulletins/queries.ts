import type {
  BigscreenView,
  BulletinDetailView,
  BulletinPublishBody,
  BulletinView,
  Page,
  PublicBulletinView,
} from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type QueryParams } from '../../api/client';

const KEY = 'bulletins';

export function useBulletins(query: QueryParams) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: ({ signal }) => api.get<Page<BulletinView>>('bulletins', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Publish (or correct) a bulletin; the Idempotency-Key makes a double click publish once. */
export function usePublishBulletin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { evaluationId: string; body: BulletinPublishBody; key: string }) =>
      api.post<BulletinDetailView>(`evaluations/${v.evaluationId}/publish`, v.body, {
        headers: { 'Idempotency-Key': v.key },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export const bulletinFileUrl = (id: string, format: 'docx' | 'pdf' | 'xlsx') => apiUrl(`bulletins/${id}.${format}`);

export function usePublicBulletins(query: QueryParams) {
  return useQuery({
    queryKey: ['public-bulletins', query],
    queryFn: ({ signal }) => api.get<Page<PublicBulletinView>>('public/bulletins', query, { signal, silentAuth: true }),
    placeholderData: keepPreviousData,
  });
}

/** The big screen's one read, refreshed every minute. */
export function useBigscreen() {
  return useQuery({
    queryKey: ['bigscreen'],
    queryFn: ({ signal }) => api.get<BigscreenView>('bigscreen', undefined, { signal }),
    refetchInterval: 60_000,
    refetchIntervalInBackground: true,
  });
}
