// The demo tells the whole story (issue 12, point 4): each part is found in the web app as an office admin would,
// and photographed for the handbook (docs/screenshots/demo-*.png). Nothing here depends on the day the demo was
// seeded: names and ids are read from the API first.
import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { signIn } from './fixtures';

const DOCS = path.resolve('docs/screenshots');

async function docShot(page: Page, name: string) {
  fs.mkdirSync(DOCS, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(DOCS, `demo-${name}.png`) });
}

/** GET through the signed-in page (its session cookie). */
async function get<T>(page: Page, url: string): Promise<T> {
  const r = await page.request.get(url);
  expect(r.ok(), `${url}: ${r.status()}`).toBeTruthy();
  return (await r.json()) as T;
}

interface Item {
  id: string;
}

test('from a street’s score to the lost point, the finding and its photo, with the breakdown that adds up', async ({
  page,
}) => {
  await signIn(page, 'admin');
  const evaluations = await get<{ items: (Item & { name: string })[] }>(page, '/api/v1/evaluations?pageSize=20');
  const evaluation = evaluations.items.find((e) => !e.name.includes('E2E'))!;
  const results = await get<{ items: { subject: { key: string; name: string } }[] }>(
    page,
    `/api/v1/evaluations/${evaluation.id}/results?pageSize=100`,
  );
  const worst = results.items.at(-1)!.subject;
  const lost = await get<{ items: { indicatorId: string; code: string; source: string }[] }>(
    page,
    `/api/v1/evaluations/${evaluation.id}/deductions?subject=${worst.key}`,
  );
  // The largest loss found in the field (a survey indicator's loss has no points to follow).
  const top = lost.items.find((i) => i.source === 'field')!;
  const points = await get<{ point: { id: string; name: string }; notMet: number }[]>(
    page,
    `/api/v1/evaluations/${evaluation.id}/indicator-points?subject=${worst.key}&indicatorId=${top.indicatorId}`,
  );
  const point = points.find((p) => p.notMet > 0)!.point;

  // The street's page: its score with the parts that make it up.
  await page.goto(`/evaluations/${evaluation.id}/drill?subject=${encodeURIComponent(worst.key)}&tab=deductions`);
  await expect(page.getByTestId('score-breakdown')).toContainText(/实地考察 [\d.]+\/70 \+ 问卷调查 [\d.]+\/10/);
  await expect(page.getByText(/共失分 [\d.]+ 分/)).toBeVisible();
  await docShot(page, 'street-score');

  // The lost point at the point: the finding says what was wrong, with its photo.
  await page.goto(
    `/evaluations/${evaluation.id}/drill?subject=${encodeURIComponent(worst.key)}&indicator=${top.indicatorId}` +
      `&point=${point.id}&pointName=${encodeURIComponent(point.name)}`,
  );
  const photo = page.getByRole('img', { name: new RegExp(`^${top.code.replace(/\./g, '\\.')} 照片 1$`) }).first();
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expect(page.getByText(/演示/)).toHaveCount(0);
  await docShot(page, 'finding-photo');
});

test('a closed problem shows its photo before and after rectification, and a history that starts with the report', async ({
  page,
}) => {
  await signIn(page, 'admin');
  const closed = await get<{ items: Item[] }>(page, '/api/v1/problems?status=closed&pageSize=50');
  let id: string | undefined;
  for (const p of closed.items) {
    const detail = await get<{ photos: { before: unknown[]; after: unknown[] } }>(page, `/api/v1/problems/${p.id}`);
    if (detail.photos.before.length && detail.photos.after.length) {
      id = p.id;
      break;
    }
  }
  expect(id, 'a closed demo problem with photos before and after').toBeTruthy();
  await page.goto(`/problems/${id}`);
  await expect(page.getByRole('img', { name: '整改前 1' })).toBeVisible();
  await expect(page.getByRole('img', { name: '整改后 1' })).toBeVisible();
  const steps = page.locator('.ant-timeline-item');
  await expect(steps.first()).toContainText('上报');
  await expect(steps.last()).toContainText('销号');
  await docShot(page, 'problem-photos');
});

test('the public page lists a published bulletin', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.goto('/public/bulletins');
  await expect(page.getByText(/〔\d{4}〕\d+号/).first()).toBeVisible();
  await docShot(page, 'public-bulletins');
});

test('plans of every kind, with the 五有 standard in use', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/inspection-plans');
  const table = page.getByRole('table');
  for (const kind of ['自查', '实地测评', '暗访', '回头看'])
    await expect(table.getByRole('cell', { name: kind, exact: true }).first()).toBeVisible();
  await expect(table.getByText(/“五有”标准/).first()).toBeVisible();
  await docShot(page, 'plans');
});

test('an overdue task’s unit has its reminder letter and summons on record', async ({ page }) => {
  await signIn(page, 'admin');
  const campaigns = await get<{ items: Item[] }>(page, '/api/v1/campaigns');
  await page.goto(`/campaigns/${campaigns.items[0]!.id}?overdue=true`);
  await expect(page.getByLabel('只看逾期')).toBeChecked();
  await page.getByRole('button', { name: '提醒函' }).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('提醒函', { exact: true }).first()).toBeVisible();
  await expect(drawer.getByText('约谈', { exact: true }).first()).toBeVisible();
  await docShot(page, 'notices');
});

test('activities at street institutes and community stations', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/activities');
  const table = page.getByRole('table');
  await expect(table.getByText(/新时代文明实践所$/).first()).toBeVisible();
  await expect(table.getByText(/新时代文明实践站$/).first()).toBeVisible();
  await docShot(page, 'activities');
});

test('a grid branch of the time bank with its accounts and goods', async ({ page }) => {
  await signIn(page, 'admin');
  const branches = await get<(Item & { kind: string; accounts: number })[]>(page, '/api/v1/timebank/branches');
  const branch = branches.find((b) => b.kind === 'branch' && b.accounts > 0);
  expect(branch, 'a grid branch with accounts').toBeTruthy();
  await page.goto(`/timebank/branches/${branch!.id}`);
  await expect(page.getByText(/^分行 · /)).toBeVisible();
  await expect(page.getByRole('cell', { name: '志愿者账户' }).first()).toBeVisible();
  await docShot(page, 'timebank-branch');
  await page.getByRole('tab', { name: '兑换商品' }).click();
  await expect(page.getByRole('tabpanel').getByRole('row').nth(1)).toBeVisible();
  await docShot(page, 'timebank-goods');
});
