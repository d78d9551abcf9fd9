import type { ProjectDetailView, ProjectView } from '@wenming/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface ProjectInput {
  name: string;
  description?: string | null;
  siteId?: string | null;
  teamId?: string | null;
  regionCode: string;
  isBrand: boolean;
}

/** `GET /activity-projects`: the projects in the user's activity scope, brand projects first. */
export function useProjects() {
  return useQuery({
    queryKey: ['activity-projects', 'list'],
    queryFn: ({ signal }) => api.get<ProjectView[]>('activity-projects', undefined, { signal }),
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: ['activity-projects', 'detail', id],
    queryFn: ({ signal }) => api.get<ProjectDetailView>(`activity-projects/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

/** Creates a project, or edits `editing` with the version read. */
export function useSaveProject(editing?: ProjectDetailView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectInput) =>
      editing
        ? api.put<ProjectDetailView>(`activity-projects/${editing.id}`, { ...body, version: editing.version })
        : api.post<ProjectView>('activity-projects', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['activity-projects'] }),
  });
}
