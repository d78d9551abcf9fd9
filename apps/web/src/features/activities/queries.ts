import type {
  ActivityQrView,
  ActivityView,
  Page,
  SignupView,
  StationMonthRow,
  VolunteerOverview,
} from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { createResource } from '../../components/resource';
import { qrRefreshDelay } from './activity-rules';

export const activitiesResource = createResource<ActivityView>('activities', 'activities');

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: ['activities', 'detail', id],
    queryFn: ({ signal }) => api.get<ActivityView>(`activities/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

/** Sign-ups of an activity with their attendance and hours (organiser's view). */
export function useSignups(id: string | undefined, query: QueryParams) {
  return useQuery({
    queryKey: ['activities', 'signups', id, query],
    queryFn: ({ signal }) => api.get<Page<SignupView>>(`activities/${id}/signups`, query, { signal }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

/** The rotating check-in code; fetched again a second before it expires, so the screen always shows a live one. */
export function useActivityQr(id: string | undefined) {
  return useQuery({
    queryKey: ['activities', 'qr', id],
    queryFn: ({ signal }) => api.get<ActivityQrView>(`activities/${id}/qr`, undefined, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data ? qrRefreshDelay(q.state.data.expiresAt, new Date()) : 5000),
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
}

function useActivityMutation<B>(id: string, path: (b: B) => string, body: (b: B) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => api.post<unknown>(`activities/${id}/${path(b)}`, body(b)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['activities'] }),
  });
}

/** The organiser closes a forgotten check-out (the record is flagged). */
export function useCloseCheckout(id: string) {
  return useActivityMutation<{ volunteerId: string; checkOutAt?: string }>(
    id,
    (b) => `attendance/${b.volunteerId}/close`,
    (b) => (b.checkOutAt ? { checkOutAt: b.checkOutAt } : {}),
  );
}

/** Corrects check-in/out times with a reason (audited); the hours follow from the rounding rule. */
export function useCorrectAttendance(id: string) {
  return useActivityMutation<{ volunteerId: string; checkInAt: string; checkOutAt: string; reason: string }>(
    id,
    (b) => `attendance/${b.volunteerId}/correct`,
    ({ volunteerId: _, ...rest }) => rest,
  );
}

/** Confirms pending hours (谁记录谁证明): the listed volunteers, or every pending one. */
export function useConfirmHours(id: string) {
  return useActivityMutation<{ volunteerIds?: string[] }>(
    id,
    () => 'hours/confirm',
    (b) => b,
  );
}

export function useStationMonth(month: string) {
  return useQuery({
    queryKey: ['activities', 'station-month', month],
    queryFn: ({ signal }) =>
      api.get<{ month: string; items: StationMonthRow[] }>('volunteer-stats/stations', { month }, { signal }),
  });
}

export function useVolunteerOverview() {
  return useQuery({
    queryKey: ['activities', 'overview'],
    queryFn: ({ signal }) => api.get<VolunteerOverview>('volunteer-stats/overview', undefined, { signal }),
  });
}
