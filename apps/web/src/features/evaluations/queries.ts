import type {
  BulletinView,
  EvaluationCreateBody,
  EvaluationResultsPage,
  EvaluationSubjectDetail,
  EvaluationTrendView,
  EvaluationView,
  DeductionsView,
  EvaluationInspectionView,
  IndicatorPointView,
} from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedQuery } from '../../components/use-paged-query';
import { overlapsMonth } from './period';

const KEY = 'evaluations';

/** Evaluations still being computed are polled until the job is done. */
const isPending = (e: EvaluationView | undefined) => e?.state === 'queued' || e?.state === 'computing';

/** Evaluations a period filter looks through (the list endpoint has no period parameter; a city makes a few dozen a year). */
const PERIOD_SCAN = 500;

/**
 * The evaluation list. With a month picked, the newest evaluations are read once and those whose period
 * shares a day with the month are paged here; otherwise the server pages.
 */
export function useEvaluations(query: QueryParams & { period?: string; page: number; pageSize: number }) {
  const { period, page, pageSize, ...filters } = query;
  const serverQuery = period ? { ...filters, page: 1, pageSize: PERIOD_SCAN } : { ...filters, page, pageSize };
  const list = usePagedQuery<EvaluationView>(KEY, 'evaluations', serverQuery);
  if (!period || !list.data) return { ...list, data: list.data };
  const matching = list.data.items.filter((e) => overlapsMonth(e.period, period));
  const items = matching.slice((page - 1) * pageSize, page * pageSize);
  return { ...list, data: { ...list.data, items, total: matching.length, page, pageSize } };
}

/** One evaluation; polled every second while its job runs. */
export function useEvaluation(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<EvaluationView>(`evaluations/${id}`, undefined, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (isPending(q.state.data) ? 1000 : false),
  });
}

/** `POST /evaluations` → 202 {id}; one Idempotency-Key per opened form, so a double submit is one evaluation. */
export function useCreateEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: EvaluationCreateBody; key: string }) =>
      api.post<{ id: string }>('evaluations', body, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** One level's ranking page with that level's rates. */
export function useResults(id: string | undefined, query: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'results', id, query],
    queryFn: ({ signal }) => api.get<EvaluationResultsPage>(`evaluations/${id}/results`, query, { signal }),
    placeholderData: keepPreviousData,
    enabled: !!id && enabled,
  });
}

export function useTrend(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'trend', id],
    queryFn: ({ signal }) => api.get<EvaluationTrendView>(`evaluations/${id}/trend`, undefined, { signal }),
    enabled: !!id && enabled,
  });
}

export function useSubjectDetail(id: string | undefined, subject: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'subject', id, subject],
    queryFn: ({ signal }) => api.get<EvaluationSubjectDetail>(`evaluations/${id}/subject`, { subject }, { signal }),
    enabled: !!id && !!subject,
  });
}

export function useDeductions(id: string | undefined, subject: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'deductions', id, subject],
    queryFn: ({ signal }) => api.get<DeductionsView>(`evaluations/${id}/deductions`, { subject }, { signal }),
    enabled: !!id && !!subject,
  });
}

export function useIndicatorPoints(id: string | undefined, subject: string | undefined, indicatorId?: string) {
  return useQuery({
    queryKey: [KEY, 'points', id, subject, indicatorId],
    queryFn: ({ signal }) =>
      api.get<IndicatorPointView[]>(`evaluations/${id}/indicator-points`, { subject, indicatorId }, { signal }),
    enabled: !!id && !!subject && !!indicatorId,
  });
}

export function usePointInspections(
  id: string | undefined,
  subject: string | undefined,
  pointId?: string,
  indicatorId?: string,
) {
  return useQuery({
    queryKey: [KEY, 'inspections', id, subject, pointId, indicatorId],
    queryFn: ({ signal }) =>
      api.get<EvaluationInspectionView[]>(
        `evaluations/${id}/point-inspections`,
        { subject, pointId, indicatorId },
        { signal },
      ),
    enabled: !!id && !!subject && !!pointId,
  });
}

/** `POST /evaluations/{id}/publish` (H2's bulletin); the key makes a double click one bulletin. */
export function usePublish(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) =>
      api.post<BulletinView>(`evaluations/${id}/publish`, {}, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** File URL of a photo (served through the files API, which checks access). */
export function fileUrl(fileId: string): string {
  return `/api/v1/files/${fileId}`;
}
