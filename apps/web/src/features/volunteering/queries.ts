// Volunteer side of SPEC 4.7 on the phone: my record, activities, sign-up, check-in/out, hours.
import type {
  ActivityView,
  CertificateView,
  CheckBody,
  Page,
  VolunteerCreateBody,
  VolunteerView,
} from '@wenming/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type QueryParams } from '../../api/client';

/** My volunteer record, or null when the signed-in account has not registered. */
export function useMyVolunteer(enabled = true) {
  return useQuery({
    queryKey: ['my-volunteer'],
    enabled,
    queryFn: async () => {
      try {
        return (await api.get<VolunteerView | null>('volunteers/me')) ?? null;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });
}

export function useRegisterVolunteer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: VolunteerCreateBody; key: string }) =>
      api.post<VolunteerView>('volunteers', body, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-volunteer'] }),
  });
}

export function useActivities(query: QueryParams) {
  return useQuery({
    queryKey: ['m-activities', query],
    queryFn: ({ signal }) => api.get<Page<ActivityView>>('activities', query, { signal }),
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: ['m-activities', 'detail', id],
    queryFn: ({ signal }) => api.get<ActivityView>(`activities/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

/** Sign up for an activity or cancel my sign-up; the answer is the activity with my sign-up. */
export function useSignup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cancel: boolean) => api.post<ActivityView>(`activities/${id}/signup${cancel ? '/cancel' : ''}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['m-activities'] }),
  });
}

/** Check in or out with the scanned code and the phone's position; the answer is the activity with my sign-up. */
export function useCheck(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckBody) => api.post<ActivityView>(`activities/${id}/check`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['m-activities'] }),
  });
}

/** One of my service records: an activity I checked in to, with its hours and their state. */
export interface MyHoursRecord {
  /** An activity I served at, or a service order paid to me (both count as service hours). */
  source: 'activity' | 'order';
  activityId: string | null;
  orderId: string | null;
  orderNumber: string | null;
  title: string;
  type: string;
  startsAt: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  minutes: number | null;
  hours: number | null;
  hoursStatus: 'none' | 'pending' | 'confirmed';
  closedByOrganiser: boolean;
  confirmedAt: string | null;
}

/** My service records, newest first. */
export function useMyRecords(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['m-activities', 'records'],
    queryFn: ({ signal }) => api.get<MyHoursRecord[]>('volunteers/me/hours', undefined, { signal }),
  });
}

export interface MyTeam {
  teamId: string;
  name: string;
  level: string;
  status: 'active' | 'pending';
  role: string;
}

/** The teams I joined or asked to join. */
export function useMyTeams(enabled: boolean) {
  return useQuery({
    queryKey: ['m-my-teams'],
    queryFn: ({ signal }) => api.get<MyTeam[]>('teams/mine', undefined, { signal }),
    enabled,
  });
}

/** Issues a 志愿服务证明 over all my confirmed hours; answers it with the URL of its PDF. */
export function useIssueCertificate() {
  return useMutation({
    mutationFn: async (volunteerId: string) => {
      const c = await api.post<CertificateView>(`volunteers/${volunteerId}/certificates`, {});
      return { ...c, url: `/api/v1/certificates/${c.id}/pdf` };
    },
  });
}
