// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiUrl, buildQuery, setApiLanguage, setAuthHandlers, setCsrfToken } from './client';

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setApiLanguage('zh-CN');
  setAuthHandlers({ onUnauthorized: () => {}, onPasswordChangeRequired: () => {} });
});

describe('api client', () => {
  it('sends cookies and the UI language on reads, without a CSRF token', async () => {
    setCsrfToken('tok');
    setApiLanguage('zh-TW');
    const fetchMock = stubFetch(200, { items: [], total: 0, page: 1, pageSize: 20 });
    await api.get('units', { q: '团结', type: undefined, page: 2 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/units?q=%E5%9B%A2%E7%BB%93&page=2');
    expect(init.credentials).toBe('include');
    expect(init.headers).toMatchObject({ 'X-Wenming-Lang': 'zh-TW' });
    expect(init.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it.each(['post', 'put', 'patch', 'delete'] as const)('sends X-CSRF-Token on %s', async (method) => {
    setCsrfToken('tok-123');
    const fetchMock = stubFetch(200, { ok: true });
    if (method === 'delete') await api.delete('pairings/1');
    else await api[method]('units', { name: 'x' });
    expect(fetchMock.mock.calls[0][1].headers).toMatchObject({ 'X-CSRF-Token': 'tok-123' });
  });

  it('turns an error body into an ApiError with code, details and request id', async () => {
    const fields = [{ field: 'creditCode', message: '统一社会信用代码：不是有效的…' }];
    stubFetch(400, {
      error: { code: 'VALIDATION_FAILED', message: '输入有误', details: { fields }, requestId: 'req-9' },
    });
    const err = (await api.post('units', {}).catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '输入有误', requestId: 'req-9' });
    expect(err.fieldErrors).toEqual(fields);
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const err = (await api.get('me').catch((e) => e)) as ApiError;
    expect(err.isNetworkError).toBe(true);
    expect(err.code).toBe('NETWORK_ERROR');
  });

  it('hands 401 and a required password change to the app, unless told to stay silent', async () => {
    const onUnauthorized = vi.fn();
    const onPasswordChangeRequired = vi.fn();
    setAuthHandlers({ onUnauthorized, onPasswordChangeRequired });
    stubFetch(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    await api.get('units').catch(() => {});
    await api.post('auth/login', {}, { silentAuth: true }).catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    stubFetch(403, { error: { code: 'AUTH_PASSWORD_CHANGE_REQUIRED', message: '首次登录请先修改初始密码' } });
    await api.get('units').catch(() => {});
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
  });

  it('builds URLs and queries without empty values', () => {
    expect(buildQuery({ a: '', b: null, c: undefined, d: 0, e: ['x', 'y'] })).toBe('?d=0&e=x&e=y');
    expect(apiUrl('/api/v1/files/1')).toBe('/api/v1/files/1');
    expect(apiUrl('units/export.xlsx', { q: 'zs' })).toBe('/api/v1/units/export.xlsx?q=zs');
  });

  it('reads the session token from /me after a 403 CSRF_TOKEN_INVALID and sends the write once more', async () => {
    // A signed-in resident on the public 随手拍 page: the page never read /me, so the first write has no token.
    const answers = [
      new Response(JSON.stringify({ error: { code: 'CSRF_TOKEN_INVALID', message: 'x' } }), { status: 403 }),
      new Response(JSON.stringify({ csrfToken: 'fresh' }), { status: 200 }),
      new Response(JSON.stringify({ number: 'WT1' }), { status: 201 }),
    ];
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => answers.shift()!);
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.post('public/problem-reports', { a: 1 })).resolves.toEqual({ number: 'WT1' });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/public/problem-reports',
      '/api/v1/me',
      '/api/v1/public/problem-reports',
    ]);
    expect(fetchMock.mock.calls[2][1].headers).toMatchObject({ 'X-CSRF-Token': 'fresh' });
  });

  it('gives up after one resend, and when /me says the session is gone', async () => {
    const refused = () =>
      new Response(JSON.stringify({ error: { code: 'CSRF_TOKEN_INVALID', message: 'x' } }), { status: 403 });
    const answers = [refused(), new Response('{}', { status: 401 })];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answers.shift()!),
    );
    await expect(api.post('x', {})).rejects.toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    const again = [refused(), new Response(JSON.stringify({ csrfToken: 't' }), { status: 200 }), refused()];
    const fetchMock = vi.fn(async () => again.shift()!);
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.post('x', {})).rejects.toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});
