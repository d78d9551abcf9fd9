// @vitest-environment jsdom
import '../../../test/dom-stubs';
import { createRequire } from 'node:module';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { version as reactVersion } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../../../app/i18n';
import { AppProviders, createQueryClient } from '../../../app/providers';
import { LoginPage } from './LoginPage';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** /me answers 401 (nobody signed in); the login call answers `loginAnswer`. */
function stubServer(loginAnswer: Response) {
  const fetchMock = vi.fn(async (url: string) =>
    url.startsWith('/api/v1/me') ? json(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }) : loginAnswer,
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderLogin() {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/', element: <div>home page</div> },
    ],
    { initialEntries: ['/login'] },
  );
  render(
    <AppProviders queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

async function submit(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登录/ }));
}

// npm currently installs React 18 at the repository root (antd-mobile's react-spring peers) and React 19 in
// apps/web. Testing Library renders with the root react-dom, this code with apps/web's React: two copies,
// and every hook fails. Root `overrides` for react/react-dom (or `resolve.dedupe` in vitest.config.ts) fix it.
const requireFromTestingLibrary = createRequire(createRequire(import.meta.url).resolve('@testing-library/react'));
const reactDomVersion: string = requireFromTestingLibrary('react-dom/package.json').version;
const hasOneReact = reactDomVersion === reactVersion;
if (!hasOneReact) {
  console.warn(`LoginPage tests skipped: react ${reactVersion} but Testing Library's react-dom ${reactDomVersion}`);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe.skipIf(!hasOneReact)('LoginPage', () => {
  it('shows the lockout with the time it ends', async () => {
    stubServer(
      json(423, {
        error: {
          code: 'AUTH_ACCOUNT_LOCKED',
          message: '连续登录失败次数过多，账号已锁定 15 分钟',
          details: { lockedUntil: '2026-03-01T08:15:00.000Z', minutes: 15 },
        },
      }),
    );
    renderLogin();
    await submit('admin', 'wrong');
    const alert = await screen.findByText('账号已锁定');
    expect(alert).toBeTruthy();
    expect(screen.getByText(/账号已锁定 15 分钟/)).toBeTruthy();
    expect(screen.getByTestId('locked-until').textContent).toMatch(/请于 .*16:15.* 之后再试/);
  });

  it("shows the server's message for a wrong password", async () => {
    const fetchMock = stubServer(
      json(401, { error: { code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' } }),
    );
    renderLogin();
    await submit('admin', 'nope');
    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    const loginCall = fetchMock.mock.calls.find(([url]) => url === '/api/v1/auth/login')!;
    expect(JSON.parse(String((loginCall as unknown as [string, RequestInit])[1].body))).toEqual({
      username: 'admin',
      password: 'nope',
    });
  });

  it('goes on to the home page after signing in', async () => {
    stubServer(
      json(200, {
        csrfToken: 'csrf',
        user: {
          id: 'u1',
          username: 'admin',
          displayName: '管理员',
          tenantId: 't',
          tenantName: '示范市',
          personId: null,
          mustChangePassword: false,
          roles: [],
          permissions: [],
        },
      }),
    );
    const router = renderLogin();
    await submit('admin', 'Wenming@2026');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
