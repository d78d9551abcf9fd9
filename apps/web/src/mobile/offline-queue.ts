// Offline-first writes from the field (SPEC 3.5): a FIFO queue in IndexedDB, sent in order when online.
// Each write keeps its client-generated UUIDv7 as `Idempotency-Key`, so a write sent twice is stored once.
import type { IDBPDatabase } from 'idb';
import { apiUrl, buildRequestHeaders, errorFromResponse, refreshCsrfToken } from '../api/client';
import {
  type EnqueueInput,
  type FailedWrite,
  type FlushResult,
  type FlushStop,
  notify,
  openQueueDb,
  type QueuedWrite,
  type QueueSchema,
  WRITE_METHODS,
} from './offline-queue-store';
import { uuidv7 } from './uuid';

export {
  closeQueueDb,
  type EnqueueInput,
  type FailedWrite,
  type FlushResult,
  type FlushStop,
  type QueuedWrite,
  subscribeQueue,
  type WriteLabel,
  type WriteMethod,
} from './offline-queue-store';

let fetchImpl: typeof fetch | null = null;
let flushing: Promise<FlushResult> | null = null;

/** Replaces `fetch` for sending (tests); null restores the global one. */
export function setQueueFetch(impl: typeof fetch | null): void {
  fetchImpl = impl;
}

function nowIso(): string {
  return new Date().toISOString();
}

/** The session's CSRF token is added when sending; a stored copy would be stale by then. */
function storableHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(([k]) => !['x-csrf-token', 'idempotency-key'].includes(k.toLowerCase())),
  );
}

/** Appends a write to the end of the queue. */
export async function enqueueWrite(input: EnqueueInput): Promise<QueuedWrite> {
  if (!WRITE_METHODS.includes(input.method)) throw new Error(`offline queue: unsupported method ${input.method}`);
  const record: QueuedWrite = {
    id: input.id ?? uuidv7(),
    method: input.method,
    url: input.url,
    body: input.body,
    headers: storableHeaders(input.headers),
    ...(input.label ? { label: input.label } : {}),
    createdAt: nowIso(),
    attempts: 0,
    lastError: null,
    lastTriedAt: null,
  };
  const db = await openQueueDb();
  const seq = await db.add('queue', record);
  notify();
  return { ...record, seq };
}

/** Writes waiting to be sent, oldest first. */
export async function listQueued(): Promise<QueuedWrite[]> {
  return (await openQueueDb()).getAll('queue');
}

/** Writes the server refused, oldest refusal first. */
export async function listFailed(): Promise<FailedWrite[]> {
  return (await openQueueDb()).getAllFromIndex('failed', 'byFailedAt');
}

export async function countQueue(): Promise<{ pending: number; failed: number }> {
  const db = await openQueueDb();
  const [pending, failed] = await Promise.all([db.count('queue'), db.count('failed')]);
  return { pending, failed };
}

type Outcome =
  | { kind: 'sent' }
  | { kind: 'rejected'; status: number; error: FailedWrite['error'] }
  | { kind: 'retry'; stop: Exclude<FlushStop, null>; message: string };

/** 408, 429 and 5xx are worth retrying; so are a lost session and an in-flight duplicate. */
function classify(status: number, code: string): 'retry-server' | 'retry-auth' | 'reject' {
  if (status === 408 || status === 429 || status >= 500) return 'retry-server';
  if (code === 'IDEMPOTENCY_IN_PROGRESS') return 'retry-server';
  // Refusing a write because the session expired would lose it: keep it until the user signs in again.
  if (status === 401 || code === 'CSRF_TOKEN_INVALID' || code === 'AUTH_PASSWORD_CHANGE_REQUIRED') return 'retry-auth';
  return 'reject';
}

async function sendOne(item: QueuedWrite): Promise<Outcome> {
  const send = fetchImpl ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = {
    ...buildRequestHeaders(item.method),
    ...item.headers,
    'Idempotency-Key': item.id,
  };
  const isBlob = typeof Blob !== 'undefined' && item.body instanceof Blob;
  if (item.body !== undefined && !isBlob && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await send(apiUrl(item.url), {
      method: item.method,
      credentials: 'include',
      headers,
      body: item.body === undefined ? undefined : isBlob ? (item.body as Blob) : JSON.stringify(item.body),
    });
  } catch (err) {
    return { kind: 'retry', stop: 'network', message: err instanceof Error ? err.message : String(err) };
  }
  if (res.ok) return { kind: 'sent' };
  const apiError = await errorFromResponse(res);
  const verdict = classify(res.status, apiError.code);
  if (verdict === 'reject') {
    return {
      kind: 'rejected',
      status: res.status,
      error: {
        code: apiError.code,
        message: apiError.message,
        details: apiError.details,
        requestId: apiError.requestId,
      },
    };
  }
  return {
    kind: 'retry',
    stop: verdict === 'retry-auth' ? 'auth' : 'server',
    message: `${res.status} ${apiError.code}`,
  };
}

async function moveToFailed(
  db: IDBPDatabase<QueueSchema>,
  item: QueuedWrite,
  outcome: Extract<Outcome, { kind: 'rejected' }>,
) {
  const tx = db.transaction(['queue', 'failed'], 'readwrite');
  const { seq: _seq, ...rest } = item;
  await Promise.all([
    tx.objectStore('queue').delete(item.seq!),
    tx
      .objectStore('failed')
      .put({ ...rest, attempts: item.attempts + 1, failedAt: nowIso(), status: outcome.status, error: outcome.error }),
    tx.done,
  ]);
}

async function runFlush(): Promise<FlushResult> {
  const db = await openQueueDb();
  let sent = 0;
  let failed = 0;
  for (;;) {
    const cursor = await db.transaction('queue').store.openCursor();
    const item = cursor?.value;
    if (!item) return { sent, failed, remaining: 0, stoppedBy: null };
    let outcome = await sendOne(item);
    // A stale or missing CSRF token (the app started offline, or signed in again in another tab): fetch it, resend.
    if (outcome.kind === 'retry' && outcome.stop === 'auth' && (await refreshCsrfToken()))
      outcome = await sendOne(item);
    if (outcome.kind === 'sent') {
      await db.delete('queue', item.seq!);
      sent++;
    } else if (outcome.kind === 'rejected') {
      await moveToFailed(db, item, outcome);
      failed++;
    } else {
      // Keep the order: the head stays the head, and nothing behind it is tried before it goes through.
      await db.put('queue', {
        ...item,
        attempts: item.attempts + 1,
        lastError: outcome.message,
        lastTriedAt: nowIso(),
      });
      notify();
      return { sent, failed, remaining: await db.count('queue'), stoppedBy: outcome.stop };
    }
    notify();
  }
}

/**
 * Sends queued writes in order. Stops at the first network or server failure and keeps the order; a write
 * refused with a 4xx (other than 408/429) moves to the failed store and the next one is tried. Concurrent
 * calls share one run; across tabs, Web Locks (where available) keep two runs from interleaving.
 */
export function flushQueue(): Promise<FlushResult> {
  if (flushing) return flushing;
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = locks?.request ? () => locks.request('wenming-offline-flush', runFlush) : runFlush;
  flushing = run().finally(() => {
    flushing = null;
    notify();
  });
  notify();
  return flushing;
}

export function isQueueFlushing(): boolean {
  return flushing !== null;
}

/** Puts a refused write back at the end of the queue (e.g. after the user fixed the cause). */
export async function retryFailed(id: string): Promise<void> {
  const db = await openQueueDb();
  const item = await db.get('failed', id);
  if (!item) return;
  const { failedAt: _f, status: _s, error: _e, ...write } = item;
  const tx = db.transaction(['queue', 'failed'], 'readwrite');
  await Promise.all([
    tx.objectStore('failed').delete(id),
    tx.objectStore('queue').add({ ...write, attempts: 0, lastError: null }),
    tx.done,
  ]);
  notify();
}

export async function discardFailed(id: string): Promise<void> {
  await (await openQueueDb()).delete('failed', id);
  notify();
}

let autoFlushUsers = 0;
let stopAutoFlush: (() => void) | null = null;

/**
 * Flushes now, on every `online` event and every `intervalMs` while the browser thinks it is online.
 * Reference-counted: each caller gets its own stop function; the timer ends with the last one.
 */
export function startAutoFlush(intervalMs = 30_000): () => void {
  autoFlushUsers++;
  if (!stopAutoFlush) {
    const run = () => {
      if (globalThis.navigator?.onLine === false) return;
      flushQueue().catch(() => {});
    };
    globalThis.addEventListener?.('online', run);
    const timer = setInterval(run, intervalMs);
    stopAutoFlush = () => {
      globalThis.removeEventListener?.('online', run);
      clearInterval(timer);
    };
    run();
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    autoFlushUsers--;
    if (autoFlushUsers === 0 && stopAutoFlush) {
      stopAutoFlush();
      stopAutoFlush = null;
    }
  };
}
