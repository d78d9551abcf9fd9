import type { LoginBody, MeView } from '@wenming/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../api/client';

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<MeView | null> {
  try {
    const me = await api.get<MeView>('me', undefined, { silentAuth: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user's data; only for components rendered behind RequireAuth. */
export function useCurrentUser(): MeView['user'] {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data.user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<MeView>('auth/login', body, { silentAuth: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

/** Ends the session on the server and forgets everything cached for the user. */
export async function logout(queryClient: QueryClient): Promise<void> {
  try {
    await api.post('auth/logout', undefined, { silentAuth: true });
  } finally {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
  }
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
