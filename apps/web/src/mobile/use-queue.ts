import { useCallback, useEffect, useState } from 'react';
import {
  discardFailed,
  type FailedWrite,
  type FlushResult,
  flushQueue,
  isQueueFlushing,
  listFailed,
  listQueued,
  type QueuedWrite,
  retryFailed,
  startAutoFlush,
  subscribeQueue,
} from './offline-queue';

export interface QueueState {
  pending: QueuedWrite[];
  failed: FailedWrite[];
  pendingCount: number;
  failedCount: number;
  isOnline: boolean;
  isFlushing: boolean;
  lastResult: FlushResult | null;
  lastError: unknown;
  flush: () => Promise<FlushResult | null>;
  retry: (id: string) => Promise<void>;
  discard: (id: string) => Promise<void>;
}

function browserOnline(): boolean {
  return globalThis.navigator?.onLine !== false;
}

/** The offline queue for React: its writes and counts, the browser's online state, and sync actions. */
export function useQueue({ autoFlush = true, intervalMs = 30_000 } = {}): QueueState {
  const [pending, setPending] = useState<QueuedWrite[]>([]);
  const [failed, setFailed] = useState<FailedWrite[]>([]);
  const [isOnline, setOnline] = useState(browserOnline);
  const [isFlushing, setFlushing] = useState(isQueueFlushing);
  const [lastResult, setLastResult] = useState<FlushResult | null>(null);
  const [lastError, setLastError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      setFlushing(isQueueFlushing());
      const [p, f] = await Promise.all([listQueued(), listFailed()]);
      if (!alive) return;
      setPending(p);
      setFailed(f);
    };
    refresh().catch(setLastError);
    const unsubscribe = subscribeQueue(() => void refresh().catch(setLastError));
    const onOnline = () => setOnline(true);
    const onOffline = () => setOnline(false);
    globalThis.addEventListener?.('online', onOnline);
    globalThis.addEventListener?.('offline', onOffline);
    return () => {
      alive = false;
      unsubscribe();
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
    };
  }, []);

  useEffect(() => (autoFlush ? startAutoFlush(intervalMs) : undefined), [autoFlush, intervalMs]);

  const flush = useCallback(async () => {
    setLastError(null);
    try {
      const result = await flushQueue();
      setLastResult(result);
      return result;
    } catch (err) {
      setLastError(err);
      return null;
    }
  }, []);

  return {
    pending,
    failed,
    pendingCount: pending.length,
    failedCount: failed.length,
    isOnline,
    isFlushing,
    lastResult,
    lastError,
    flush,
    retry: retryFailed,
    discard: discardFailed,
  };
}
