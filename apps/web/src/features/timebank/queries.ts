import type {
  Page,
  TimebankAccountView,
  TimebankBranchStatementView,
  TimebankBranchBody,
  TimebankBranchPatch,
  TimebankBranchView,
  TimebankManagerView,
  TimebankMoveBody,
  TimebankMoveResult,
  TimebankReconciliationView,
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

// ---- branches run from the UI (issue 18) ----

export function useSaveBranch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TimebankBranchBody | TimebankBranchPatch }) =>
      id
        ? api.patch<TimebankBranchView>(`timebank/branches/${id}`, body)
        : api.post<TimebankBranchView>('timebank/branches', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['timebank'] }),
  });
}

export function useSetManagers(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountIds: string[]) =>
      api.put<TimebankManagerView[]>(`timebank/branches/${id}/managers`, { accountIds }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['timebank'] }),
  });
}

export function useMoveAccount(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TimebankMoveBody) => api.post<TimebankMoveResult>(`timebank/accounts/${accountId}/move`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['timebank'] }),
  });
}

export function useReconciliation(month: string | undefined) {
  return useQuery({
    queryKey: ['timebank', 'reconciliation', month],
    queryFn: ({ signal }) => api.get<TimebankReconciliationView>('timebank/reconciliation', { month }, { signal }),
    placeholderData: keepPreviousData,
  });
}
