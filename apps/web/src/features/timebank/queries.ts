import type {
  Page,
  TimebankAccountView,
  TimebankBranchStatementView,
  TimebankBranchView,
  TimebankGoodsBody,
  TimebankGoodsView,
  TimebankStatementView,
} from '@wenming/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';

export function useAccounts(query: QueryParams) {
  return useQuery({
    queryKey: ['timebank', 'accounts', query],
    queryFn: ({ signal }) => api.get<Page<TimebankAccountView>>('timebank/accounts', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBranches() {
  return useQuery({
    queryKey: ['timebank', 'branches'],
    queryFn: ({ signal }) => api.get<TimebankBranchView[]>('timebank/branches', undefined, { signal }),
  });
}

/** Opening balance, every entry and the closing balance of an account for `from`–`to` (Shanghai days). */
export function useStatement(id: string | undefined, period: { from: string; to: string }) {
  return useQuery({
    queryKey: ['timebank', 'statement', id, period],
    queryFn: ({ signal }) => api.get<TimebankStatementView>(`timebank/accounts/${id}/statement`, period, { signal }),
    enabled: !!id,
  });
}

export function useBranchStatement(id: string | undefined, period: { from: string; to: string }) {
  return useQuery({
    queryKey: ['timebank', 'branch-statement', id, period],
    queryFn: ({ signal }) =>
      api.get<TimebankBranchStatementView>(`timebank/branches/${id}/statement`, period, { signal }),
    enabled: !!id,
  });
}

export function useGoods(branchId: string | undefined) {
  return useQuery({
    queryKey: ['timebank', 'goods', branchId],
    queryFn: ({ signal }) => api.get<TimebankGoodsView[]>(`timebank/branches/${branchId}/goods`, undefined, { signal }),
    enabled: !!branchId,
  });
}

export function useCreateGoods(branchId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TimebankGoodsBody) => api.post<TimebankGoodsView>(`timebank/branches/${branchId}/goods`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['timebank', 'goods'] }),
  });
}

/** A reversing entry for a journal (the original stays); one Idempotency-Key per confirmation dialog. */
export function useReverseJournal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ journalId, reason, key }: { journalId: string; reason: string; key: string }) =>
      api.post<unknown>(`timebank/journals/${journalId}/reversal`, { reason }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['timebank'] }),
  });
}
