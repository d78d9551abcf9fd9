// Scores that explain themselves, and orders and hours (issue 14, points 7 and 10), on the desktop: the inspection
// record opened from 测评记录 with figures that add up, ranking rows with their breakdown, the dispatch recommender
// with scores in parts and a manual pick, and a volunteer's hours and time-bank lines naming what earned them.
import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect, request, test } from '@playwright/test';
import { PASSWORD, signIn } from './fixtures';
import { confirmPopconfirm } from './work-fixtures';

const DIR = path.resolve('docs/screenshots');
fs.mkdirSync(DIR, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(DIR, `scores-${name}.png`), fullPage: true });

test('测评记录: the net points match the rate, and a row opens the record whose figures add up', async ({ page }) => {
  await signIn(page, 'admin');
  const list = await (await page.request.get('/api/v1/inspections?pageSize=100')).json();
  const withNegative = list.items.find(
    (i: { negativeDeduction: number; vetoed: boolean }) => i.negativeDeduction > 0 && !i.vetoed,
  );
  expect(withNegative, 'the demo has an inspection with a negative-list deduction').toBeTruthy();
  await page.goto(`/inspections?pointId=${withNegative.pointId}`);
  // Its own row: other journeys may inspect the same point today, and the newest comes first.
  const row = page.locator(`tr[data-row-key="${withNegative.id}"]`);
  const net = Math.round((withNegative.earned - withNegative.negativeDeduction) * 100) / 100;
  await expect(row).toContainText(`${net} / ${withNegative.applicable}`);
  await expect(row).toContainText(`负面清单 −${withNegative.negativeDeduction}`);
  await shot(page, 'inspection-list');
  await row.getByRole('link', { name: withNegative.pointName }).click();
  await expect(page).toHaveURL(new RegExp(`/inspections/${withNegative.id}$`));
  const formula = page.getByTestId('inspection-formula');
  const rate = `${(withNegative.score * 100).toFixed(1)}%`;
  await expect(formula).toContainText(
    `（各标准得分 ${withNegative.earned} − 负面清单扣分 ${withNegative.negativeDeduction}）÷ 适用满分 ${withNegative.applicable} = ${net} ÷ ${withNegative.applicable} = ${rate}`,
  );
  await expect(formula).toContainText(/共检查 \d+ 项标准：符合 \d+ 项，不符合 \d+ 项，不适用 \d+ 项/);
  // Every finding: points of max and why.
  const findings = page.locator('.ant-card').filter({ hasText: '计分依据' });
  await expect(findings.getByRole('columnheader', { name: '得分 / 满分' })).toBeVisible();
  await expect(findings.getByText(/^(达标，得满分|符合，得满分|按问题扣分：.*)$/).first()).toBeVisible();
  await expect(
    page
      .locator('.ant-card')
      .filter({ hasText: '负面清单' })
      .getByText(/扣分 −\d+/)
      .first(),
  ).toBeVisible();
  await shot(page, 'inspection-detail');
});

test('ranking rows expand to the breakdown that adds up to their score', async ({ page }) => {
  await signIn(page, 'admin');
  const evaluations = await (await page.request.get('/api/v1/evaluations?state=done')).json();
  const e = evaluations.items[0];
  expect(e, 'the demo has a computed evaluation').toBeTruthy();
  await page.goto(`/evaluations/${e.id}`);
  const first = page.locator('.ant-table-row').first();
  await expect(first).toBeVisible();
  await first.locator('.ant-table-row-expand-icon').click();
  const breakdown = page.getByTestId('score-breakdown').first();
  await expect(breakdown).toContainText('实地考察');
  await expect(breakdown).toContainText('=');
  await shot(page, 'ranking-breakdown');
});

test('dispatch: scores differ in parts that add up, distances are known, and any volunteer can be picked', async ({
  page,
  baseURL,
}) => {
  // The demo's submitted 助老陪诊 order, reviewed here through the API: the demo's one reviewed order is the
  // volunteering journey's to dispatch.
  const api = await request.newContext({ baseURL: baseURL! });
  const login = await api.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const board = await (await api.get('/api/v1/orders?status=submitted&pageSize=50')).json();
  const submitted = board.items.find((o: { title: string }) => o.title === '助老陪诊');
  expect(submitted, 'the demo has a submitted 助老陪诊 order').toBeTruthy();
  const reviewed = await api.post(`/api/v1/orders/${submitted.id}/transitions`, {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { action: 'review' },
  });
  expect(reviewed.status()).toBe(200);
  await signIn(page, 'admin');
  const orderId: string = submitted.id;
  await page.goto(`/orders/${orderId}`);
  const candidates = await (await page.request.get(`/api/v1/orders/${orderId}/candidates`)).json();
  expect(new Set(candidates.map((c: { score: number }) => c.score)).size).toBeGreaterThan(1);
  for (const c of candidates) {
    expect(c.distanceKm).not.toBeNull();
    const sum = c.parts.reduce((n: number, p: { points: number }) => n + Math.round(p.points * 10), 0) / 10;
    expect(sum).toBe(c.score);
  }
  const panel = page.locator('.ant-card').filter({ hasText: '推荐承接人（前 10 名）' });
  await expect(panel.getByRole('columnheader', { name: '得分构成' })).toBeVisible();
  const top = candidates[0];
  const parts = panel.getByTestId(`parts-${top.volunteerId}`);
  await expect(parts).toContainText(`合计 ${top.score} / 100`);
  await expect(parts).toContainText('距离');
  await expect(panel.getByText(/距离 \d+(\.\d)? 公里/).first()).toBeVisible();
  await expect(panel.getByText('距离未知')).toHaveCount(0);
  await shot(page, 'dispatch-candidates');

  // A volunteer who is not proposed (their skills do not fit), found by name, gets the order.
  const proposed = new Set(candidates.map((c: { volunteerId: string }) => c.volunteerId));
  const all = await (await page.request.get('/api/v1/volunteers?pageSize=100')).json();
  const other = all.items.find((v: { id: string; status: string }) => !proposed.has(v.id) && v.status === 'active');
  expect(other, 'a volunteer outside the proposals').toBeTruthy();
  await page.getByLabel('查找其他志愿者（姓名或编号）').fill(other.number);
  await page.getByLabel('查找其他志愿者（姓名或编号）').press('Enter');
  const found = page.locator('.ant-card').filter({ hasText: `查找结果：${other.number}` });
  await expect(found.getByText(other.name, { exact: true })).toBeVisible();
  await shot(page, 'dispatch-search');
  await found.getByRole('button', { name: `派给此人 ${other.name}` }).click();
  await confirmPopconfirm(page, '派给此人');
  await expect(page.getByText(`已派单给 ${other.name}`)).toBeVisible();
});

test('a volunteer’s hours and time bank agree, and each line names the activity or order that earned it', async ({
  page,
}) => {
  await signIn(page, 'volunteer');
  const me = await (await page.request.get('/api/v1/volunteers/me')).json();
  await page.goto('/my/hours');
  const confirmed = page.locator('.ant-statistic').filter({ hasText: '已确认' });
  await expect(confirmed).toContainText(String(me.confirmedHours));
  const orderRow = page.getByRole('row').filter({ hasText: '健康义诊' });
  await expect(orderRow).toContainText(/FW\d{8}-\d{6}/);
  await shot(page, 'my-hours');
  await page.goto('/my/timebank');
  await expect(page.getByText(/^服务订单：健康义诊（FW\d{8}-\d{6}）$/).first()).toBeVisible();
  await expect(page.getByText(/^活动：/).first()).toBeVisible();
  await shot(page, 'my-timebank');
});
