// List / read / create / update hooks for one REST collection (`/api/v1/<path>`), sharing a cache key.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type QueryParams, api } from '../api/client';
import { usePagedQuery } from './use-paged-query';

export function createResource<T extends { id: string }>(key: string, path: string) {
  return {
    key,
    path,
    useList: (query: QueryParams, enabled = true) => usePagedQuery<T>(key, path, query, enabled),
    fetchOne: (id: string) => api.get<T>(`${path}/${id}`),
    /** POST a new record; every cached list of the collection is refreshed. */
    useCreate: <B = unknown>() => {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (body: B) => api.post<T>(path, body),
        onSuccess: () => queryClient.invalidateQueries({ queryKey: [key] }),
      });
    },
    /** PUT with the record's `version` (optimistic concurrency: a stale one answers 409 STALE_VERSION). */
    useUpdate: <B = unknown>() => {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: ({ id, body, version }: { id: string; body: B; version: number }) =>
          api.put<T>(`${path}/${id}`, { ...body, version }),
        onSuccess: () => queryClient.invalidateQueries({ queryKey: [key] }),
      });
    },
    useRemove: () => {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (id: string) => api.delete(`${path}/${id}`),
        onSuccess: () => queryClient.invalidateQueries({ queryKey: [key] }),
      });
    },
  };
}
