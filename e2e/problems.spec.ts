import { type Browser, expect, type Page, request, test } from '@playwright/test';
import { PASSWORD, shot, signIn } from './fixtures';
import { LIAISON_UNIT, PNG_1X1 } from './work-fixtures';

/** An API session with its CSRF token, for setting up the journey's starting point. */
async function api(baseURL: string, username: string) {
  const ctx = await request.newContext({ baseURL });
  const login = await ctx.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(login.ok()).toBeTruthy();
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  return {
    get: async (url: string) => (await ctx.get(`/api/v1/${url}`)).json(),
    post: async (url: string, data: unknown) => {
      const r = await ctx.post(`/api/v1/${url}`, { data, headers });
      expect(r.ok(), await r.text()).toBeTruthy();
      return r.json();
    },
    upload: async () => {
      const r = await ctx.post('/api/v1/files', {
        headers,
        multipart: { file: { name: 'before.png', mimeType: 'image/png', buffer: PNG_1X1 } },
      });
      expect(r.ok(), await r.text()).toBeTruthy();
      return ((await r.json()) as { id: string }).id;
    },
    dispose: () => ctx.dispose(),
  };
}

/** An inspection with one finding (not met, with a photo) through the API; the finding's problem goes to the liaison's unit. */
async function findingProblem(baseURL: string): Promise<string> {
  const inspector = await api(baseURL, 'inspector');
  const today = await inspector.get('inspections/today');
  // A point in the inspector's own district (金川区, 620302): the problem its finding raises is then theirs to verify.
  // The plan is city-wide and split between the teams by region, so the team may also hold points elsewhere.
  const item = today.items
    .filter((i: { done: boolean; regionCode: string }) => !i.done && i.regionCode.startsWith('620302'))
    .at(-1);
  expect(item, 'the inspector has an undone point in 金川区 today').toBeTruthy();
  const list = await inspector.get(`points/${item.pointId}/checklist?planId=${item.planId}`);
  const photoId = await inspector.upload();
  const now = new Date().toISOString();
  const inspection = await inspector.post('inspections', {
    id: crypto.randomUUID(),
    planId: item.planId,
    pointId: item.pointId,
    startedAt: now,
    submittedAt: now,
    clientTime: now,
    observations: list.standards.map((s: { id: string }, i: number) => ({
      id: crypto.randomUUID(),
      indicatorId: s.id,
      result: i === 0 ? 'not_met' : 'met',
      note: i === 0 ? '公益广告画面褪色破损，未及时更换' : null,
      photoFileIds: i === 0 ? [photoId] : [],
    })),
  });
  await inspector.dispose();
  // POST /inspections answers a receipt that names the problems its findings raised.
  const problemId = (inspection.problems as { problemId: string }[])[0].problemId;
  const admin = await api(baseURL, 'admin');
  const unit = (await admin.get(`units?q=${encodeURIComponent(LIAISON_UNIT)}`)).items[0];
  const problem = await admin.get(`problems/${problemId}`);
  if (problem.status === 'reported')
    await admin.post(`problems/${problemId}/transitions`, { action: 'assign', unitId: unit.id });
  else if (problem.assignedUnit?.id !== unit.id)
    await admin.post(`problems/${problemId}/transitions`, {
      action: 'reassign',
      unitId: unit.id,
      reason: '该点位由文明办直接包联整改',
    });
  await admin.dispose();
  return problemId;
}

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, username);
  return page;
}

/** Clicks the action on the problem page, fills what the dialog asks, and confirms. */
async function act(page: Page, action: RegExp, fill?: { reason?: string; photo?: boolean }) {
  await page.getByRole('button', { name: action }).first().click();
  const dialog = page.getByRole('dialog');
  if (fill?.reason) await dialog.getByRole('textbox').first().fill(fill.reason);
  if (fill?.photo)
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await dialog.getByRole('button', { name: action }).click();
  await expect(dialog).toBeHidden();
}

const status = (page: Page, name: string) =>
  expect(page.locator('.ant-descriptions').getByText(name, { exact: true })).toBeVisible();

test('a finding is rectified, returned once, rectified again, verified and closed; illegal moves answer 409', async ({
  browser,
  baseURL,
}) => {
  const id = await findingProblem(baseURL!);

  // An illegal transition: closing a problem that is still assigned.
  const admin = await as(browser, 'admin');
  const me = await (await admin.request.get('/api/v1/me')).json();
  const illegal = await admin.request.post(`/api/v1/problems/${id}/transitions`, {
    data: { action: 'close' },
    headers: { 'X-CSRF-Token': me.csrfToken },
  });
  expect(illegal.status()).toBe(409);
  expect((await illegal.json()).error.code).toBe('PROBLEM_TRANSITION_NOT_ALLOWED');
  await admin.goto('/problems?status=assigned');
  await expect(admin.getByRole('table')).toBeVisible();
  await shot(admin, 'problems-list');

  const liaison = await as(browser, 'unit_liaison');
  await liaison.goto(`/problems/${id}`);
  await status(liaison, '已派单');
  await expect(liaison.getByRole('button', { name: /销\s*号/ })).toHaveCount(0);
  await act(liaison, /开始整改/);
  await status(liaison, '整改中');
  await act(liaison, /提交整改/, { reason: '已清理并更换公益广告', photo: true });
  await status(liaison, '待验收');

  const inspector = await as(browser, 'inspector');
  await inspector.goto(`/problems/${id}`);
  await expect(inspector.getByRole('img', { name: '整改后 1' })).toBeVisible();
  await act(inspector, /退回整改/, { reason: '照片未反映整改全貌，请补拍' });
  await status(inspector, '已退回');

  await liaison.reload();
  await act(liaison, /开始整改/);
  await act(liaison, /提交整改/, { reason: '已补拍整改后全景照片', photo: true });
  await status(liaison, '待验收');

  await admin.goto(`/problems/${id}`);
  await act(admin, /验收通过/);
  await status(admin, '已验收');
  await act(admin, /销\s*号/);
  await status(admin, '已销号');
  const timeline = admin.getByTestId('problem-history-entry');
  for (const step of ['开始整改', '提交整改', '退回整改', '验收通过', '销号'])
    await expect(timeline.filter({ hasText: step }).first()).toBeVisible();
  await expect(timeline.filter({ hasText: '提交整改' })).toHaveCount(2);
  await expect(admin.getByText('照片未反映整改全貌，请补拍')).toBeVisible();
  await expect(admin.getByRole('img', { name: '整改前 1' })).toBeVisible();
  await shot(admin, 'problem-closed-detail');

  // Every step is in the audit log.
  const auditor = await as(browser, 'auditor');
  const events = await (
    await auditor.request.get(`/api/v1/audit-events?objectType=problem&objectId=${id}&pageSize=100`)
  ).json();
  const actions = events.items.map((e: { action: string }) => e.action);
  for (const a of ['problem.start', 'problem.submit', 'problem.return', 'problem.verify', 'problem.close'])
    expect(actions).toContain(a);
  expect(actions.filter((a: string) => a === 'problem.submit')).toHaveLength(2);
  await auditor.goto(`/audit?objectType=problem&objectId=${id}`);
  await expect(auditor.getByText('问题 · 销号').first()).toBeVisible();
  await shot(auditor, 'problem-audit');

  // The office's inspection pages: plans with progress per team, the points map, inspections with scores.
  await admin.goto('/inspection-plans');
  await admin
    .getByRole('link', { name: /全国文明城市实地测评/ })
    .first()
    .click();
  await expect(admin.getByRole('img', { name: '各督查组进度' })).toBeVisible();
  await expect(admin.getByText('第一督查组').first()).toBeVisible();
  await shot(admin, 'inspection-plan-detail');
  await admin.goto('/points?view=map');
  await expect(admin.getByRole('img', { name: '点位分布图' })).toBeVisible();
  await shot(admin, 'points-map');
  await admin.goto('/inspections');
  await expect(admin.getByText('%').first()).toBeVisible();
  await shot(admin, 'inspections-list');
});
