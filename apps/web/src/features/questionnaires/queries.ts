import type {
  Page,
  QuestionnaireView,
  RegionLevel,
  SurveyQuestionKind,
  SurveyQuestionScale,
  SurveyResults,
} from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';

export interface QuestionnaireInput {
  title: string;
  description?: string | null;
  regionCode?: string | null;
  isPublic: boolean;
  questions: { id?: string; kind: SurveyQuestionKind; scale?: SurveyQuestionScale; text: string }[];
}
export type QuestionnaireUpdate = QuestionnaireInput & {
  status: QuestionnaireView['status'];
  version: number;
  planId?: string | null;
  indicatorId?: string | null;
};

/** `GET /questionnaires`, paged, filtered by state (the server keeps to the user's area). */
export function useQuestionnaires(query: QueryParams) {
  return useQuery({
    queryKey: ['questionnaires', 'list', query],
    queryFn: ({ signal }) => api.get<Page<QuestionnaireView>>('questionnaires', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useQuestionnaire(id: string | undefined) {
  return useQuery({
    queryKey: ['questionnaires', 'detail', id],
    queryFn: ({ signal }) => api.get<QuestionnaireView>(`questionnaires/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

/** Awareness and satisfaction per region at `level`, and for the whole questionnaire. */
export function useSurveyResults(id: string | undefined, level: RegionLevel) {
  return useQuery({
    queryKey: ['questionnaires', 'results', id, level],
    queryFn: ({ signal }) => api.get<SurveyResults>(`questionnaires/${id}/results`, { level }, { signal }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useCreateQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuestionnaireInput & { id: string }) => api.post<QuestionnaireView>('questionnaires', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['questionnaires'] }),
  });
}

export function useUpdateQuestionnaire(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuestionnaireUpdate) => api.put<QuestionnaireView>(`questionnaires/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['questionnaires'] }),
  });
}

/** The body of a PUT that keeps everything of `q` but what `patch` changes. */
export function updateOf(q: QuestionnaireView, patch: Partial<QuestionnaireUpdate> = {}): QuestionnaireUpdate {
  return {
    title: q.title,
    description: q.description,
    planId: q.planId,
    regionCode: q.regionCode,
    indicatorId: q.indicatorId,
    isPublic: q.isPublic,
    questions: q.questions,
    status: q.status,
    version: q.version,
    ...patch,
  };
}

/** The address residents open to answer (the phone app's public page). */
export function publicSurveyUrl(token: string): string {
  return `${window.location.origin}/m/survey/${token}`;
}
