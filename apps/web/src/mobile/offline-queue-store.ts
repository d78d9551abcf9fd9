// Storage of the offline queue: its record types, the IndexedDB schema and change notifications.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a write is, for people: an i18n key (`sync.*`) and what it concerns (a point's name…). */
export interface WriteLabel {
  key: string;
  target?: string;
}

export interface QueuedWrite {
  /** UUIDv7 made on the phone; the server's idempotency key. */
  id: string;
  method: WriteMethod;
  /** API path (`problems`, `/api/v1/problems`). */
  url: string;
  body?: unknown;
  headers: Record<string, string>;
  /** Shown in the 待同步 list; writes queued before labels existed are described from method and URL. */
  label?: WriteLabel;
  createdAt: string;
  attempts: number;
  lastError?: string | null;
  lastTriedAt?: string | null;
  /** Queue position (IndexedDB key); set when stored. */
  seq?: number;
}

/** A write the server refused (4xx other than 408/429): kept for the user to see, retry or discard. */
export interface FailedWrite extends QueuedWrite {
  failedAt: string;
  status: number;
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

export interface EnqueueInput {
  method: WriteMethod;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The id of the record being written, when the caller made it already; a new UUIDv7 otherwise. */
  id?: string;
  label?: WriteLabel;
}

export type FlushStop = 'network' | 'server' | 'auth' | null;

export interface FlushResult {
  sent: number;
  failed: number;
  remaining: number;
  /** Why sending stopped before the queue was empty; null when it emptied. */
  stoppedBy: FlushStop;
}

export interface QueueSchema extends DBSchema {
  queue: { key: number; value: QueuedWrite; indexes: { byId: string } };
  failed: { key: string; value: FailedWrite; indexes: { byFailedAt: string } };
}

const DB_NAME = 'wenming-offline';
export const WRITE_METHODS: readonly WriteMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

let dbPromise: Promise<IDBPDatabase<QueueSchema>> | null = null;
const listeners = new Set<() => void>();

/** The queue's database, opened once per page. */
export function openQueueDb(): Promise<IDBPDatabase<QueueSchema>> {
  dbPromise ??= openDB<QueueSchema>(DB_NAME, 1, {
    upgrade(db) {
      const queue = db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      queue.createIndex('byId', 'id', { unique: true });
      const failed = db.createObjectStore('failed', { keyPath: 'id' });
      failed.createIndex('byFailedAt', 'failedAt');
    },
    blocking() {
      // A newer version is opening in another tab: let it upgrade; the next call reopens.
      void closeQueueDb();
    },
  });
  return dbPromise;
}

/** Closes the database (tests, or before another tab upgrades it). */
export async function closeQueueDb(): Promise<void> {
  const pending = dbPromise;
  dbPromise = null;
  if (pending) (await pending).close();
}

/** Calls `listener` after every change of the queue or the failed store, and when a flush starts or ends. */
export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells subscribers that the queue changed. */
export function notify(): void {
  for (const listener of [...listeners]) listener();
}
