// The query client of both apps (desktop and phone), without any UI kit, so the phone entry can share it.
import type { MeView } from '@wenming/contracts';
import { type DefaultOptions, QueryClient } from '@tanstack/react-query';
import { ApiError, setAuthHandlers } from '../api/client';
import { meQueryKey } from '../features/auth/queries';

/** Client errors (4xx) are answers, not glitches: retrying them only repeats the refusal. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * One query client; navigation follows the cached user: RequireAuth sends a null user to the login page and a
 * user with a pending password change to the change-password page. The phone passes `networkMode:
 * 'offlineFirst'`, so that a read offline still asks the service worker's cache instead of waiting for a network.
 */
export function createQueryClient(queries: DefaultOptions['queries'] = {}): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000, ...queries },
      mutations: { retry: false },
    },
  });
  setAuthHandlers({
    onUnauthorized: () => client.setQueryData(meQueryKey, null),
    onPasswordChangeRequired: () =>
      client.setQueryData<MeView | null>(meQueryKey, (old) =>
        old ? { ...old, user: { ...old.user, mustChangePassword: true } } : old,
      ),
  });
  return client;
}
