// Venues and bookings (场馆预约) over the API: lists, the slot calendar, review, check-in, no-shows and usage.
import type {
  BookingView,
  Page,
  VenueBody,
  VenueSlotView,
  VenueUpdateBody,
  VenueUsageView,
  VenueView,
} from '@wenming/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';

export function useVenues(query: QueryParams) {
  return useQuery({
    queryKey: ['venues', 'list', query],
    queryFn: ({ signal }) => api.get<Page<VenueView>>('venues', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useVenue(id: string | undefined) {
  return useQuery({
    queryKey: ['venues', 'one', id],
    queryFn: ({ signal }) => api.get<VenueView>(`venues/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

export function useVenueSlots(id: string | undefined, from: string, days = 14) {
  return useQuery({
    queryKey: ['venues', 'slots', id, from, days],
    queryFn: ({ signal }) => api.get<VenueSlotView[]>(`venues/${id}/slots`, { from, days }, { signal }),
    enabled: !!id,
  });
}

export function useVenueBookings(id: string | undefined, query: QueryParams) {
  return useQuery({
    queryKey: ['venues', 'bookings', id, query],
    queryFn: ({ signal }) => api.get<Page<BookingView>>(`venues/${id}/bookings`, query, { signal }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

/** Usage of a venue for each of the given months. */
export function useVenueUsage(id: string | undefined, months: string[]) {
  return useQueries({
    queries: months.map((month) => ({
      queryKey: ['venues', 'usage', id, month],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<VenueUsageView>(`venues/${id}/usage`, { month }, { signal }),
      enabled: !!id,
    })),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['venues'] });
}

export function useSaveVenue() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id?: string; body: VenueBody | VenueUpdateBody }) =>
      v.id ? api.put<VenueView>(`venues/${v.id}`, v.body) : api.post<VenueView>('venues', v.body),
    onSuccess: invalidate,
  });
}

export function useBookingAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; action: 'approve' | 'reject' | 'mark_no_show' | 'cancel'; note?: string }) => {
      if (v.action === 'approve' || v.action === 'reject')
        return api.post<BookingView>(`venue-bookings/${v.id}/review`, {
          approve: v.action === 'approve',
          note: v.note,
        });
      return api.post<BookingView>(`venue-bookings/${v.id}/${v.action === 'cancel' ? 'cancel' : 'no-show'}`, {});
    },
    onSuccess: invalidate,
  });
}

export function useCheckIn(venueId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (token: string) => api.post<BookingView>(`venues/${venueId}/check-in`, { token }),
    onSuccess: invalidate,
  });
}
