import type { ComparisonRow, IndicatorNode, Page, SelfAssessmentView } from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';

export interface ScoreInput {
  indicatorId: string;
  score: number;
  note?: string | null;
  fileIds: string[];
}

export interface Comparison {
  selfAssessment: SelfAssessmentView;
  rows: ComparisonRow[];
  totals: { self: number; office: number | null; difference: number | null };
  differentCount: number;
}

/** `GET /self-assessments`, paged, with the filters of the URL (the server limits it to the user's scope). */
export function useSelfAssessments(query: QueryParams) {
  return useQuery({
    queryKey: ['self-assessments', 'list', query],
    queryFn: ({ signal }) => api.get<Page<SelfAssessmentView>>('self-assessments', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSelfAssessment(id: string | undefined) {
  return useQuery({
    queryKey: ['self-assessments', 'detail', id],
    queryFn: ({ signal }) => api.get<SelfAssessmentView>(`self-assessments/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

/** Both sides' scores, notes and evidence per indicator. */
export function useComparison(id: string | undefined) {
  return useQuery({
    queryKey: ['self-assessments', 'comparison', id],
    queryFn: ({ signal }) => api.get<Comparison>(`self-assessments/${id}/comparison`, undefined, { signal }),
    enabled: !!id,
  });
}

/** The framework's indicator tree (the indicators to score, with their full marks). */
export function useIndicators(frameworkId: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', 'tree', frameworkId],
    queryFn: () => api.get<IndicatorNode[]>(`frameworks/${frameworkId}/indicators`),
    enabled: !!frameworkId,
  });
}

/** The name of an uploaded file (for the evidence list). */
export function useFileName(id: string) {
  return useQuery({
    queryKey: ['files', 'meta', id],
    queryFn: () => api.get<{ name: string }>(`files/${id}/meta`),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Uploads one evidence file (multipart `file`) and returns its id and name. */
export async function uploadEvidence(file: File): Promise<string> {
  const form = new FormData();
  form.append('clientTime', new Date().toISOString());
  form.append('file', file);
  return (await api.post<{ id: string }>('files', form)).id;
}

/** Every self-assessment action refreshes the list, the detail and the comparison. */
function useAction<B>(send: (body: B) => Promise<SelfAssessmentView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['self-assessments'] }),
  });
}

export function useCreateSelfAssessment() {
  return useAction((body: { unitId: string; frameworkId: string }) =>
    api.post<SelfAssessmentView>('self-assessments', body),
  );
}

export function useSaveScores(id: string, side: 'self' | 'office') {
  return useAction((scores: ScoreInput[]) =>
    api.put<SelfAssessmentView>(`self-assessments/${id}/${side === 'self' ? 'scores' : 'office-scores'}`, { scores }),
  );
}

export function useSubmitSelfAssessment(id: string) {
  // biome-ignore lint/suspicious/noConfusingVoidType: the submit takes no body, so mutateAsync() takes no argument.
  return useAction((_: void) => api.post<SelfAssessmentView>(`self-assessments/${id}/submit`));
}

export function useReturnSelfAssessment(id: string) {
  return useAction((body: { reason: string }) => api.post<SelfAssessmentView>(`self-assessments/${id}/return`, body));
}
