import type {
  OrderCandidateView,
  OrderDetailView,
  OrderResponseStatsView,
  OrderTransitionBody,
  OrderView,
  Page,
  ServiceItemBody,
  ServiceItemPatchBody,
  ServiceItemView,
} from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';

export function useOrders(query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['orders', 'list', query],
    queryFn: ({ signal }) => api.get<Page<OrderView>>('orders', query, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: ['orders', 'detail', id],
    queryFn: ({ signal }) => api.get<OrderDetailView>(`orders/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

/** The platform's top 10 volunteers for an order, each with why; with `q`, volunteers found by name or number. */
export function useCandidates(id: string | undefined, enabled: boolean, q = '') {
  return useQuery({
    queryKey: ['orders', 'candidates', id, q],
    queryFn: ({ signal }) =>
      api.get<OrderCandidateView[]>(`orders/${id}/candidates`, q ? { q } : undefined, { signal }),
    enabled: !!id && enabled,
  });
}

export type TransitionInput = Partial<Omit<OrderTransitionBody, 'action'>> & Pick<OrderTransitionBody, 'action'>;

/** `POST /orders/{id}/transitions` with the version the page saw (a changed order answers 409). */
export function useOrderTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionInput) => api.post<OrderDetailView>(`orders/${id}/transitions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['orders'] }),
  });
}

export function useServiceItems(siteId: string | undefined) {
  return useQuery({
    queryKey: ['service-items', siteId],
    queryFn: ({ signal }) => api.get<ServiceItemView[]>('service-menu', { siteId }, { signal }),
    enabled: !!siteId,
  });
}

export function useSaveServiceItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ServiceItemBody | ServiceItemPatchBody }) =>
      id ? api.patch<ServiceItemView>(`service-menu/${id}`, body) : api.post<ServiceItemView>('service-menu', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['service-items'] }),
  });
}

export function useResponseStats(query: QueryParams) {
  return useQuery({
    queryKey: ['orders', 'stats', query],
    queryFn: ({ signal }) => api.get<OrderResponseStatsView>('orders/response-stats', query, { signal }),
  });
}
