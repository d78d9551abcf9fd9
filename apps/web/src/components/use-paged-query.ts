import type { Page } from '@wenming/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { type QueryParams, api } from '../api/client';
import type { ListParams } from './use-list-params';

/** A server-paged list (`{items,total,page,pageSize}`); the previous page stays visible while the next loads. */
export function usePagedQuery<T>(key: string, path: string, query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [key, 'list', query],
    queryFn: ({ signal }) => api.get<Page<T>>(path, query, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** antd Table pagination wired to the URL list state. */
export function tablePagination<F extends string>(
  params: ListParams<F>,
  total: number | undefined,
  showTotal: (total: number) => string,
): TablePaginationConfig {
  return {
    current: params.page,
    pageSize: params.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal,
    onChange: (page, pageSize) => params.setPage(pageSize !== params.pageSize ? 1 : page, pageSize),
  };
}
