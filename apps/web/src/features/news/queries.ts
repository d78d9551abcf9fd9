// News (工作动态、典型案例) over the API: the desk's list, write, review and publish; the public list and detail.
import type { NewsAction, NewsBody, NewsView, Page, PublicNewsView } from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';

export function useNewsList(query: QueryParams) {
  return useQuery({
    queryKey: ['news', 'list', query],
    queryFn: ({ signal }) => api.get<Page<NewsView>>('news', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveNews() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; version?: number; body: NewsBody }) =>
      v.id ? api.put<NewsView>(`news/${v.id}`, { ...v.body, version: v.version }) : api.post<NewsView>('news', v.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['news'] }),
  });
}

export function useNewsAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: NewsAction; version: number; note?: string }) =>
      api.post<NewsView>(`news/${v.id}/actions`, { action: v.action, version: v.version, note: v.note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['news'] }),
  });
}

export function usePublicNews(query: QueryParams) {
  return useQuery({
    queryKey: ['public-news', query],
    queryFn: ({ signal }) => api.get<Page<PublicNewsView>>('public/news', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicArticle(id: string | undefined) {
  return useQuery({
    queryKey: ['public-news', 'one', id],
    queryFn: ({ signal }) => api.get<PublicNewsView>(`public/news/${id}`, undefined, { signal }),
    enabled: !!id,
  });
}
