// The phone app's entry (/m/): antd-mobile only, its own router, offline-first reads and a service worker.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import '../app/i18n';
import { createQueryClient } from '../app/query-client';
import { warmOfflineData } from './offline-warmup';
import { todayQuery } from './phone-queries';
import { PhoneProviders } from './PhoneProviders';
import { createPhoneRouter } from './router';
import { registerPhoneWorker } from './sw-register';

// Reads run even when the browser says it is offline: the service worker answers them from its cache.
const queryClient = createQueryClient({ networkMode: 'offlineFirst' });
const router = createPhoneRouter();
// 今日点位 asks for the day's points at once, beside /me, instead of after it: one round trip less on a slow line.
if (/^\/m\/inspect\/?$/.test(window.location.pathname)) void queryClient.prefetchQuery(todayQuery());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PhoneProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </PhoneProviders>
  </StrictMode>,
);
registerPhoneWorker(() => void warmOfflineData(queryClient, { force: true }));
