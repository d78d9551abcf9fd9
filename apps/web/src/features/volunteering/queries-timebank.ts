// Time bank on the phone (SPEC 4.9): my account, statements, transfers, donations and redemptions.
import type {
  TimebankAccountView,
  TimebankGoodsView,
  TimebankRedemptionView,
  TimebankRef,
  TimebankStatementView,
  TimebankTransferBody,
  TimebankTransferResult,
} from '@wenming/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The signed-in person's own account (the volunteer one first), or null when none is open yet. */
export function useMyAccount() {
  return useQuery({
    queryKey: ['m-timebank', 'mine'],
    queryFn: async ({ signal }) =>
      (await api.get<TimebankAccountView[]>('timebank/accounts/mine', undefined, { signal }))[0] ?? null,
  });
}

/** Opens my account (idempotent on the server): a volunteer's when registered, a resident's otherwise. */
export function useOpenAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TimebankAccountView>('timebank/accounts/mine'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['m-timebank'] }),
  });
}

export function useStatement(accountId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['m-timebank', 'statement', accountId, from, to],
    queryFn: ({ signal }) =>
      api.get<TimebankStatementView>(`timebank/accounts/${accountId}/statement`, { from, to }, { signal }),
    enabled: !!accountId,
  });
}

/** The funds one may donate to. */
export function useFunds(enabled: boolean) {
  return useQuery({
    queryKey: ['m-timebank', 'funds'],
    queryFn: ({ signal }) => api.get<TimebankRef[]>('timebank/funds', undefined, { signal }),
    enabled,
  });
}

/** A transfer or donation; `key` is the form's Idempotency-Key, so a double tap moves the hours once. */
export function useTransfer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: TimebankTransferBody; key: string }) =>
      api.post<TimebankTransferResult>('timebank/transfers', body, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['m-timebank'] }),
  });
}

export function useGoods(branchId: string | undefined) {
  return useQuery({
    queryKey: ['m-timebank', 'goods', branchId],
    queryFn: ({ signal }) => api.get<TimebankGoodsView[]>(`timebank/branches/${branchId}/goods`, undefined, { signal }),
    enabled: !!branchId,
  });
}

export function useRedeem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, goodsId, key }: { accountId: string; goodsId: string; key: string }) =>
      api.post<TimebankRedemptionView>(
        'timebank/redemptions',
        { accountId, goodsId, quantity: 1 },
        { headers: { 'Idempotency-Key': key } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['m-timebank'] }),
  });
}
