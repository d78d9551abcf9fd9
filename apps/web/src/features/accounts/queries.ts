import type { Permission, RoleCode, ScopeKind } from '@wenming/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { createResource } from '../../components/resource';

export interface AccountRoleView {
  id: string;
  role: RoleCode;
  scopeKind: ScopeKind;
  scopeRef: string | null;
  scopeName: string | null;
}

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  isDemo: boolean;
  isLocked: boolean;
  mustChangePassword: boolean;
  roles: AccountRoleView[];
}

export interface RoleView {
  code: RoleCode;
  name: string;
  permissions: Permission[];
}

export const accountsResource = createResource<AccountView>('accounts', 'accounts');

export function useRoles(enabled = true) {
  return useQuery({ queryKey: ['roles'], queryFn: () => api.get<RoleView[]>('roles'), enabled, staleTime: 5 * 60_000 });
}

function useAccountMutation<A>(send: (args: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }) });
}

export interface RoleAssignmentBody {
  role: RoleCode;
  scopeKind: ScopeKind;
  scopeRef?: string | null;
}

/** Grants a role bound to a scope; 三员分立 refusals come back as 422 ROLE_SEPARATION_VIOLATION. */
export function useAssignRole() {
  return useAccountMutation(({ accountId, body }: { accountId: string; body: RoleAssignmentBody }) =>
    api.post(`accounts/${accountId}/roles`, body),
  );
}

export function useRevokeRole() {
  return useAccountMutation(({ accountId, assignmentId }: { accountId: string; assignmentId: string }) =>
    api.delete(`accounts/${accountId}/roles/${assignmentId}`),
  );
}

export function useUnlockAccount() {
  return useAccountMutation((accountId: string) => api.post(`accounts/${accountId}/unlock`));
}
