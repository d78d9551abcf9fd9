// Service orders on the phone (SPEC 4.8): the menu, ordering, my orders, and the transitions I may take.
import type {
  OrderCreateBody,
  OrderDetailView,
  OrderTransitionBody,
  OrderView,
  Page,
  ServiceItemView,
} from '@wenming/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The service menu of a site (my site when `siteId` is left out). */
export function useServiceMenu(siteId?: string) {
  return useQuery({
    queryKey: ['m-orders', 'menu', siteId ?? 'mine'],
    queryFn: ({ signal }) => api.get<ServiceItemView[]>('service-menu', { siteId }, { signal }),
  });
}

export type MineFilter = 'ordered' | 'assigned' | 'offered';

/** My orders by role, twenty at a time, loading more as the list scrolls. */
export function useOrders(mine: MineFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['m-orders', 'list', mine],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<OrderView>>('orders', { mine, page: pageParam, pageSize: 20 }, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: ['m-orders', 'detail', id],
    queryFn: ({ signal }) => api.get<OrderDetailView>(`orders/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}

/** Places an order; the body carries the client's id, so a resend stores it once. */
export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderCreateBody) =>
      api.post<OrderDetailView>('orders', body, { headers: body.id ? { 'Idempotency-Key': body.id } : undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['m-orders'] }),
  });
}

export type OrderTransitionInput = Partial<OrderTransitionBody> & Pick<OrderTransitionBody, 'action'>;

/** `POST /orders/{id}/transitions`; the server checks the state machine, the role, the scope and the version. */
export function useOrderTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderTransitionInput) => api.post<OrderDetailView>(`orders/${id}/transitions`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['m-orders'] }),
  });
}
