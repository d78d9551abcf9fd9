import type {
  ProblemAction,
  ProblemCategoryView,
  ProblemDetailView,
  ProblemPage,
  ProblemSeverity,
} from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';

/** The problem list (`GET /problems`), paged, with the filters of the URL. */
export function useProblems(query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['problems', 'list', query],
    queryFn: ({ signal }) => api.get<ProblemPage>('problems', query, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProblem(id: string | undefined) {
  return useQuery({
    queryKey: ['problems', 'detail', id],
    queryFn: ({ signal }) => api.get<ProblemDetailView>(`problems/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useProblemCategories() {
  return useQuery({
    queryKey: ['problem-categories'],
    queryFn: () => api.get<ProblemCategoryView[]>('problem-categories'),
    staleTime: 5 * 60_000,
  });
}

export interface TransitionInput {
  action: ProblemAction;
  reason?: string | null;
  unitId?: string | null;
  duplicateOf?: string | null;
  severity?: ProblemSeverity;
  photoFileIds?: string[];
}

/** Uploads one photo (multipart `file`, with the client's time) and returns its file id. */
export async function uploadPhoto(file: File, extra: Record<string, string> = {}): Promise<string> {
  const form = new FormData();
  form.append('clientTime', new Date().toISOString());
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  form.append('file', file);
  const stored = await api.post<{ id: string }>('files', form);
  return stored.id;
}

/** `POST /problems/{id}/transitions`: the server checks the state machine, role and scope. */
export function useTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionInput) => api.post<ProblemDetailView>(`problems/${id}/transitions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['problems'] }),
  });
}

/** Photo URL of a problem (served through the problem's scope). */
export function problemPhotoUrl(problemId: string, fileId: string): string {
  return `/api/v1/problems/${problemId}/photos/${fileId}`;
}
