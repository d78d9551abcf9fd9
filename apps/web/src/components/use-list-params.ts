// List state (search, filters, page) kept in the URL, so that reloads, links and exports see the same list.
import type { QueryParams } from '../api/client';
import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;

export interface ListParams<F extends string> {
  page: number;
  pageSize: number;
  q: string;
  filters: Record<F, string | undefined>;
  /** Filters and search without paging: what an export should take. */
  filterQuery: QueryParams;
  /** Everything the list request takes. */
  query: QueryParams;
  setQ(q: string): void;
  setFilter(key: F, value: string | undefined | null): void;
  setFilters(patch: Partial<Record<F, string | undefined | null>>): void;
  setPage(page: number, pageSize?: number): void;
  reset(): void;
}

export function useListParams<F extends string = never>(filterKeys: readonly F[] = []): ListParams<F> {
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Math.max(1, Number(search.get('pageSize')) || DEFAULT_PAGE_SIZE);
  const q = search.get('q') ?? '';
  const filters = Object.fromEntries(filterKeys.map((k) => [k, search.get(k) ?? undefined])) as Record<
    F,
    string | undefined
  >;
  const filterQuery: QueryParams = { q: q || undefined, ...filters };

  const update = (patch: Record<string, string | number | undefined | null>, resetPage: boolean) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (resetPage) next.delete('page');
        return next;
      },
      { replace: true },
    );

  return {
    page,
    pageSize,
    q,
    filters,
    filterQuery,
    query: { ...filterQuery, page, pageSize },
    setQ: (value) => update({ q: value.trim() }, true),
    setFilter: (key, value) => update({ [key]: value }, true),
    setFilters: (patch) => update(patch as Record<string, string | undefined | null>, true),
    setPage: (p, size) =>
      update({ page: p === 1 ? undefined : p, pageSize: size && size !== DEFAULT_PAGE_SIZE ? size : undefined }, false),
    reset: () => setSearch(new URLSearchParams(), { replace: true }),
  };
}
