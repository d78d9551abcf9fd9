// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import {
  closeQueueDb,
  countQueue,
  discardFailed,
  enqueueWrite,
  flushQueue,
  listFailed,
  listQueued,
  retryFailed,
  setQueueFetch,
  startAutoFlush,
  subscribeQueue,
} from './offline-queue';
import { isUuidv7 } from './uuid';

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown };

/** A fetch stub answering from a script; records every call. */
function scriptedFetch(answers: Array<number | 'network' | { status: number; body: unknown }>) {
  const calls: Call[] = [];
  const impl = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({
      url,
      method: String(init.method),
      headers: init.headers as Record<string, string>,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    const answer = answers.shift() ?? 200;
    if (answer === 'network') throw new TypeError('Failed to fetch');
    const { status, body } =
      typeof answer === 'number' ? { status: answer, body: answer < 300 ? { ok: true } : {} } : answer;
    const text = status === 204 ? null : JSON.stringify(body);
    return new Response(text, { status, headers: { 'Content-Type': 'application/json' } });
  });
  setQueueFetch(impl as unknown as typeof fetch);
  return { calls, impl };
}

async function enqueueThree() {
  const a = await enqueueWrite({ method: 'POST', url: 'problems', body: { n: 1 } });
  const b = await enqueueWrite({ method: 'PUT', url: 'problems/x', body: { n: 2 } });
  const c = await enqueueWrite({ method: 'DELETE', url: 'problems/y' });
  return [a, b, c];
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  setCsrfToken('csrf-1');
});

afterEach(async () => {
  await closeQueueDb();
  setQueueFetch(null);
  vi.useRealTimers();
});

describe('enqueueWrite', () => {
  it('stores writes in FIFO order with a client-made UUIDv7 and no attempts yet', async () => {
    const [a, b, c] = await enqueueThree();
    const queued = await listQueued();
    expect(queued.map((w) => w.id)).toEqual([a.id, b.id, c.id]);
    expect(queued.every((w) => isUuidv7(w.id) && w.attempts === 0 && !!w.createdAt)).toBe(true);
    expect(queued[0]).toMatchObject({ method: 'POST', url: 'problems', body: { n: 1 } });
  });

  it('keeps a caller-supplied id and drops stored CSRF tokens', async () => {
    const w = await enqueueWrite({
      method: 'POST',
      url: 'x',
      id: 'fixed-id',
      headers: { 'X-CSRF-Token': 'old', 'X-Extra': '1' },
    });
    expect(w.id).toBe('fixed-id');
    expect(w.headers).toEqual({ 'X-Extra': '1' });
  });

  it('rejects methods that are not writes', async () => {
    await expect(enqueueWrite({ method: 'GET' as never, url: 'x' })).rejects.toThrow(/unsupported/);
  });
});

describe('flushQueue', () => {
  it('sends in order with Idempotency-Key, CSRF token and JSON body, and empties the queue', async () => {
    const [a, b, c] = await enqueueThree();
    const { calls } = scriptedFetch([200, 201, 204]);
    const result = await flushQueue();
    expect(result).toEqual({ sent: 3, failed: 0, remaining: 0, stoppedBy: null });
    expect(calls.map((c) => [c.method, c.url])).toEqual([
      ['POST', '/api/v1/problems'],
      ['PUT', '/api/v1/problems/x'],
      ['DELETE', '/api/v1/problems/y'],
    ]);
    expect(calls.map((c) => c.headers['Idempotency-Key'])).toEqual([a.id, b.id, c.id]);
    expect(calls[0].headers['X-CSRF-Token']).toBe('csrf-1');
    expect(calls[0].headers['Content-Type']).toBe('application/json');
    expect(calls[0].body).toEqual({ n: 1 });
    expect(await countQueue()).toEqual({ pending: 0, failed: 0 });
  });

  it('stops at the first network failure and keeps the order', async () => {
    const [a, b, c] = await enqueueThree();
    const { calls } = scriptedFetch([200, 'network']);
    const result = await flushQueue();
    expect(result).toEqual({ sent: 1, failed: 0, remaining: 2, stoppedBy: 'network' });
    expect(calls).toHaveLength(2);
    const queued = await listQueued();
    expect(queued.map((w) => w.id)).toEqual([b.id, c.id]);
    expect(queued[0].attempts).toBe(1);
    expect(queued[0].lastError).toMatch(/Failed to fetch/);
    expect(queued[1].attempts).toBe(0);
    expect(a.id).not.toBe(b.id);
  });

  it.each([408, 429, 500, 503])('keeps the head and stops on HTTP %i', async (status) => {
    const [a] = await enqueueThree();
    scriptedFetch([status]);
    const result = await flushQueue();
    expect(result).toMatchObject({ sent: 0, remaining: 3, stoppedBy: 'server' });
    expect((await listQueued())[0]).toMatchObject({ id: a.id, attempts: 1 });
    expect(await listFailed()).toEqual([]);
  });

  it('keeps writes when the session is gone (401) instead of dropping them', async () => {
    await enqueueThree();
    scriptedFetch([{ status: 401, body: { error: { code: 'SESSION_EXPIRED', message: 'expired' } } }]);
    const result = await flushQueue();
    expect(result).toMatchObject({ sent: 0, remaining: 3, stoppedBy: 'auth' });
    expect(await listFailed()).toEqual([]);
  });

  it('moves a write refused with a 4xx to the failed store and goes on with the next', async () => {
    const [a, b, c] = await enqueueThree();
    const error = {
      code: 'VALIDATION_FAILED',
      message: '输入有误',
      details: { fields: [{ field: 'x', message: 'bad' }] },
      requestId: 'r1',
    };
    const { calls } = scriptedFetch([
      { status: 400, body: { error } },
      200,
      { status: 409, body: { error: { code: 'STALE_VERSION', message: 'stale' } } },
    ]);
    const result = await flushQueue();
    expect(result).toEqual({ sent: 1, failed: 2, remaining: 0, stoppedBy: null });
    expect(calls).toHaveLength(3);
    const failed = await listFailed();
    expect(failed.map((f) => f.id)).toEqual([a.id, c.id]);
    expect(failed[0]).toMatchObject({
      status: 400,
      error: { code: 'VALIDATION_FAILED', message: '输入有误', requestId: 'r1' },
      attempts: 1,
    });
    expect(failed[1].error.code).toBe('STALE_VERSION');
    expect(b.id).toBeTruthy();
  });

  it('shares one run between concurrent calls, so nothing is sent twice', async () => {
    await enqueueThree();
    const { calls } = scriptedFetch([200, 200, 200]);
    const [r1, r2] = await Promise.all([flushQueue(), flushQueue()]);
    expect(r1).toBe(r2);
    expect(calls).toHaveLength(3);
  });

  it('tells subscribers about changes', async () => {
    const listener = vi.fn();
    const unsubscribe = subscribeQueue(listener);
    await enqueueWrite({ method: 'POST', url: 'x' });
    expect(listener).toHaveBeenCalled();
    unsubscribe();
    listener.mockClear();
    await enqueueWrite({ method: 'POST', url: 'y' });
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('failed writes', () => {
  it('can be put back at the end of the queue, or discarded', async () => {
    const [a, b] = await enqueueThree();
    scriptedFetch([{ status: 422, body: { error: { code: 'RULE', message: 'no' } } }, 'network']);
    await flushQueue();
    expect((await listFailed()).map((f) => f.id)).toEqual([a.id]);

    await retryFailed(a.id);
    expect((await listQueued()).map((w) => w.id)).toEqual([b.id, expect.any(String), a.id]);
    expect(await listFailed()).toEqual([]);

    scriptedFetch([200, 200, { status: 400, body: { error: { code: 'BAD', message: 'bad' } } }]);
    await flushQueue();
    await discardFailed(a.id);
    expect(await countQueue()).toEqual({ pending: 0, failed: 0 });
  });
});

describe('startAutoFlush', () => {
  it('flushes when the browser comes back online and on the interval', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { calls } = scriptedFetch(['network', 200, 200]);
    await enqueueWrite({ method: 'POST', url: 'a' });
    const stop = startAutoFlush(1000);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await vi.waitFor(async () => expect((await listQueued())[0]?.attempts).toBe(1));

    window.dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect(await countQueue()).toEqual({ pending: 0, failed: 0 }));

    await enqueueWrite({ method: 'POST', url: 'b' });
    vi.advanceTimersByTime(1000);
    await vi.waitFor(async () => expect(await countQueue()).toEqual({ pending: 0, failed: 0 }));
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/a', '/api/v1/a', '/api/v1/b']);
    stop();
  });
});
