// The phone's service worker (built by vite-plugin-pwa): registered with workbox-window, and when a new version
// is waiting, the user is asked before the page reloads into it (a half-filled checklist is never lost silently).
import { Dialog } from 'antd-mobile';
import i18n from 'i18next';
import { Workbox } from 'workbox-window';

/**
 * Registers the worker. `onFirstControl` runs when a first install takes over the page: the reads this page made
 * before went past the worker, so they are read again through it, to be in its cache for a cold start offline.
 */
export function registerPhoneWorker(onFirstControl: () => void): void {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('controlling', (e) => {
    if (!e.isUpdate) onFirstControl();
  });
  wb.addEventListener('waiting', () => {
    void Dialog.confirm({
      title: i18n.t('pwa.updateTitle'),
      content: i18n.t('pwa.updateText'),
      confirmText: i18n.t('pwa.updateNow'),
      cancelText: i18n.t('pwa.updateLater'),
    }).then((yes) => {
      if (!yes) return;
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register().catch(() => {
    // No worker (private mode, an old browser): the app still works online.
  });
}

/** Forgets the cached API answers (sign-out: the next person on this phone must not see them offline). */
export async function clearApiCache(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete('wenming-api').catch(() => false);
}
