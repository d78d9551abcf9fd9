// Helpers of the phone volunteering journey: API sessions of the office side, a new volunteer account,
// valid 居民身份证 numbers, and phone sign-in and screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, type Browser, type Page, expect, request, test } from '@playwright/test';
import { PASSWORD } from './fixtures';

export const SHOTS_H5 = path.resolve('.tmp/shots-h5');
fs.mkdirSync(SHOTS_H5, { recursive: true });

/** A full-page screenshot of a phone page; the page must not scroll sideways at phone width. */
export async function phoneShot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} overflows the phone width`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SHOTS_H5, `${name}.png`), fullPage: true });
}

export interface Session {
  get: <T = any>(url: string) => Promise<T>;
  post: <T = any>(url: string, data?: unknown, headers?: Record<string, string>) => Promise<T>;
  raw: (url: string, data?: unknown, headers?: Record<string, string>) => ReturnType<APIRequestContext['post']>;
  dispose: () => Promise<void>;
}

/** Signs in through the API and answers JSON helpers that carry the CSRF token on writes. */
export async function session(baseURL: string, username: string, password = PASSWORD): Promise<Session> {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { 'X-Wenming-Lang': 'zh-CN' } });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.ok(), await res.text()).toBeTruthy();
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const raw = (url: string, data?: unknown, headers: Record<string, string> = {}) =>
    ctx.post(`/api/v1/${url}`, { data: data ?? {}, headers: { 'X-CSRF-Token': csrfToken, ...headers } });
  return {
    get: async (url) => {
      const r = await ctx.get(`/api/v1/${url}`);
      expect(r.ok(), `${url}: ${await r.text()}`).toBeTruthy();
      return r.json();
    },
    post: async (url, data, headers) => {
      const r = await raw(url, data, headers);
      expect(r.ok(), `${url}: ${await r.text()}`).toBeTruthy();
      return r.json();
    },
    raw,
    dispose: () => ctx.dispose(),
  };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A 居民身份证 number of the demo district with a correct check digit, different on every run. */
export function newIdCard(seed: number): string {
  const day = String(1 + (seed % 28)).padStart(2, '0');
  const first17 = `620302199${seed % 10}05${day}${String(seed % 1000).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The same number with a wrong check digit. */
export function spoilCheckDigit(id: string): string {
  const last = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + last;
}

/**
 * A new person with a volunteer account (made by the security officer, 三员分立) whose first password is
 * changed through the API, as the first sign-in demands.
 */
export async function newVolunteerAccount(baseURL: string, username: string): Promise<string> {
  const sec = await session(baseURL, 'secadmin');
  const initial = 'Init@2026x';
  const account = await sec.post<{ id: string }>('accounts', {
    username,
    displayName: '新志愿者',
    initialPassword: initial,
  });
  await sec.post(`accounts/${account.id}/roles`, { role: 'volunteer', scopeKind: 'own', scopeRef: null });
  await sec.dispose();
  const me = await session(baseURL, username, initial);
  await me.post('auth/password', { currentPassword: initial, newPassword: PASSWORD });
  await me.dispose();
  return username;
}

/** Signs in on the phone's login page. */
export async function phoneSignIn(page: Page, username: string): Promise<void> {
  await page.goto('/m/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/m$/);
}

/** Another person's phone: a fresh browser context with the phone project's device and language. */
export async function phonePage(browser: Browser): Promise<Page> {
  const use = test.info().project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    userAgent: use.userAgent,
    deviceScaleFactor: use.deviceScaleFactor,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return context.newPage();
}
