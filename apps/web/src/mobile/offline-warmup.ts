// Reads a field worker needs offline are fetched while online, through the service worker (which keeps them):
// who they are, today's points and every one of their checklists, categories and region outlines.
import type { QueryClient } from '@tanstack/react-query';
import { fetchMe, meQueryKey } from '../features/auth/queries';
import { reportsAsStaff } from './phone-entries';
import { categoriesQuery, checklistQuery, myReportsQuery, regionShapesQuery, todayQuery } from './phone-queries';

let lastRun = 0;
/** A checklist fetched this recently is not fetched again by the warm-up. */
const FRESH_MS = 5 * 60_000;

/** Fetches the offline reads once per few minutes (`force`: now, e.g. when the service worker first takes over). */
export async function warmOfflineData(client: QueryClient, { force = false } = {}): Promise<void> {
  if (globalThis.navigator?.onLine === false) return;
  if (!force && Date.now() - lastRun < FRESH_MS) return;
  const staleTime = force ? 0 : FRESH_MS;
  try {
    const me = await client.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime });
    if (!me) return;
    const can = new Set(me.user.permissions);
    if (can.has('problem.report') && !reportsAsStaff(me.user.permissions))
      await client.prefetchQuery({ ...myReportsQuery(), staleTime });
    if (!can.has('inspection.perform')) return;
    const today = await client.fetchQuery({ ...todayQuery(), staleTime });
    await client.prefetchQuery({ ...categoriesQuery(), staleTime });
    await client.prefetchQuery({ ...regionShapesQuery('township'), staleTime });
    for (const item of today.items)
      await client.prefetchQuery({ ...checklistQuery(item.planId, item.pointId), staleTime });
    // Only a finished run counts: one before sign-in, or before the worker took over, is done again.
    if (navigator.serviceWorker?.controller) lastRun = Date.now();
  } catch {
    // Offline half-way or a refusal: what was fetched is kept; the next visit tries again.
  }
}
