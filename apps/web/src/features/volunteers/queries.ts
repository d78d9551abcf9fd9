import type { Page, TeamMemberView, TeamView, VolunteerSettingsBody, VolunteerView } from '@wenming/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { createResource } from '../../components/resource';

export const volunteersResource = createResource<VolunteerView>('volunteers', 'volunteers');
export const teamsResource = createResource<TeamView>('teams', 'teams');

export function useVolunteer(id: string | undefined) {
  return useQuery({
    queryKey: ['volunteers', 'detail', id],
    queryFn: ({ signal }) => api.get<VolunteerView>(`volunteers/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

export interface RevealedVolunteerPii {
  idCard: string | null;
  phone: string | null;
  emergencyPhone?: string | null;
}

/** Full ID number and phone of one volunteer; the server audits every call. */
export function useRevealVolunteer() {
  return useMutation({ mutationFn: (id: string) => api.post<RevealedVolunteerPii>(`volunteers/${id}/reveal`) });
}

/** Every team the viewer may see (a tenant has hundreds, not millions), for the tree and the pickers. */
export function useAllTeams() {
  return useQuery({
    queryKey: ['teams', 'all'],
    queryFn: ({ signal }) => api.get<Page<TeamView>>('teams', { pageSize: 500 }, { signal }),
    staleTime: 30_000,
  });
}

export function useTeamMembers(teamId: string | undefined, status: string, page: number) {
  return useQuery({
    queryKey: ['teams', 'members', teamId, status, page],
    queryFn: ({ signal }) =>
      api.get<Page<TeamMemberView>>(`teams/${teamId}/members`, { status, page, pageSize: 10 }, { signal }),
    enabled: !!teamId,
  });
}

/** Approve or reject a join request (a reason is required to reject). */
export function useDecideMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (b: { volunteerId: string; decision: 'approve' | 'reject'; note?: string | null }) =>
      api.post<TeamMemberView>(`teams/${teamId}/members/${b.volunteerId}/decision`, {
        decision: b.decision,
        note: b.note ?? null,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}

/** The tenant's hour rounding rule and star thresholds (the star filter offers one option per threshold). */
export function useVolunteerSettings() {
  return useQuery({
    queryKey: ['volunteer-settings'],
    queryFn: ({ signal }) => api.get<VolunteerSettingsBody>('volunteer-settings', undefined, { signal }),
    staleTime: 60_000,
  });
}
