// The phone app (/m/) as an installed, offline-capable app (issue 14): every role's home and tab bar, a cold start
// with no network after one online visit, the signed-in and anonymous 随手拍 with 我的上报 and 查询进度, and the
// Chinese error pages.
import path from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { PASSWORD } from './fixtures';
import { phoneSignIn } from './volunteer-fixtures';
import { PNG_1X1 } from './work-fixtures';

const DOCS_SHOTS = path.resolve('docs/screenshots');
const HERE = { latitude: 38.5001, longitude: 102.1801 };

interface TodayItem {
  planId: string;
  pointId: string;
  name: string;
  done: boolean;
}

/** Waits until the service worker controls the page and holds `minimum` cached API answers. */
async function waitForOfflineCache(page: Page, minimum: number) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return -1;
          const cache = await caches.open('wenming-api');
          return (await cache.keys()).length;
        }),
      { timeout: 45_000, message: 'the worker caches the day for offline use' },
    )
    .toBeGreaterThanOrEqual(minimum);
}

test.describe.configure({ mode: 'serial' });

const roles: [string, string[]][] = [
  ['inspector', ['今日点位', '上报问题', '我的上报']],
  ['grid_worker', ['我的问题', '上报问题', '我的上报', '群众点单']],
  ['unit_liaison', ['我的问题', '我的任务']],
  ['volunteer', ['志愿活动', '接单服务', '时间银行']],
  ['resident', ['随手拍', '我的上报', '群众点单', '时间银行']],
  ['station_admin', ['订单调度', '活动与时长', '群众点单']],
];

for (const [role, entries] of roles)
  test(`the ${role}'s phone home shows its own entries and the tab bar`, async ({ page }) => {
    await phoneSignIn(page, role);
    const tiles = page.getByRole('region', { name: '常用功能' });
    for (const entry of entries) await expect(tiles.getByText(entry, { exact: true })).toBeVisible();
    const tabs = page.getByRole('navigation', { name: '底部导航' });
    for (const tab of ['首页', '任务', '消息', '我的'])
      await expect(tabs.getByText(tab, { exact: true })).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(DOCS_SHOTS, `phone-${role}.png`) });
    // The other tabs: 任务 lists the role's work (or says there is none), 我的 has the sign-out.
    await tabs.getByText('任务', { exact: true }).click();
    await expect(page).toHaveURL(/\/m\/work$/);
    await expect(page.getByText(/我的待办|暂无待办/).first()).toBeVisible();
    await tabs.getByText('消息', { exact: true }).click();
    await expect(page.getByText(/待同步 \d+ 条/)).toBeVisible();
    await tabs.getByText('我的', { exact: true }).click();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  });

test('an inspector starts the app cold with no network after one online visit, inspects, and it syncs', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(HERE);
  // One online visit: sign in, open today's points. The worker takes over and keeps the day's reads.
  await phoneSignIn(page, 'inspector');
  await page.getByText('今日点位').first().click();
  const today = (await (await page.request.get('/api/v1/inspections/today')).json()) as { items: TodayItem[] };
  const open = today.items.filter((i) => !i.done);
  expect(open.length, 'points left to inspect today').toBeGreaterThan(1);
  await expect(page.getByRole('img', { name: '点位地图' })).toBeVisible();
  await expect(page.getByText('区划边界')).toBeVisible();
  // me, today, categories, region outlines and one checklist per point.
  await waitForOfflineCache(page, 4 + today.items.length);
  await page.close();

  // Cold start with no network: a new tab, offline, straight onto a point's checklist's list.
  await context.setOffline(true);
  const cold = await context.newPage();
  await cold.goto('/m/inspect');
  await expect(cold.getByText('当前离线').first()).toBeVisible();
  const target = open.at(-1)!;
  await cold.locator('.adm-list-item').filter({ hasText: target.name }).first().click();
  await expect(cold).toHaveURL(new RegExp(`/m/inspect/${target.planId}/${target.pointId}$`));
  const sections = cold.locator('section[aria-label]');
  await expect(sections.first()).toBeVisible();
  const first = sections.first();
  const code = ((await first.getAttribute('aria-label')) ?? '').split(' ')[0];
  await first.getByText('不符合', { exact: true }).click();
  await first.getByPlaceholder('不符合时写明发现的问题').fill('宣传栏破损');
  await first
    .getByLabel(`拍照 ${code}`)
    .setInputFiles({ name: 'IMG_0002.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await cold.getByRole('button', { name: '其余标为符合' }).click();
  await cold.getByRole('button', { name: '提交测评' }).click();
  await expect(cold.getByRole('dialog')).toContainText('问题 1 项，照片 1 张');
  await cold.getByRole('button', { name: '确认提交' }).click();
  await expect(cold.getByText('测评已保存在本机，联网后将自动发送（照片在前）。')).toBeVisible();
  // The photo stays on the card after submitting; the queue names what waits, in words.
  await expect(cold.getByRole('img', { name: `已提交照片 ${code}-1` })).toBeVisible();
  await cold.getByRole('button', { name: '返回今日点位' }).click();
  await cold.locator('.adm-nav-bar-back').click();
  await expect(cold).toHaveURL(/\/m$/);
  await expect(cold.getByText(`上传照片：${target.name}`)).toBeVisible();
  await expect(cold.getByText(`提交测评：${target.name}`)).toBeVisible();
  await expect(cold.getByText(/POST /)).toHaveCount(0);
  await cold.screenshot({ path: path.join(DOCS_SHOTS, 'phone-offline-queue.png') });

  // Back online: the queue empties by itself, and the inspection is stored once, with its photo.
  await context.setOffline(false);
  await expect(cold.getByText('没有待同步的内容')).toBeVisible({ timeout: 45_000 });
  const list = await (
    await cold.request.get(`${baseURL}/api/v1/inspections?planId=${target.planId}&pointId=${target.pointId}`)
  ).json();
  expect(list.total).toBe(1);
  // Reopened, the point shows the evidence photo from the server.
  await cold.goto(`/m/inspect/${target.planId}/${target.pointId}`);
  const evidence = cold.getByRole('img', { name: `已提交照片 ${code}-1` });
  await expect(evidence).toBeVisible();
  await expect.poll(() => evidence.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

async function pickPhotoAndCategory(page: Page, description: string) {
  await page
    .getByLabel('拍照 / 选择照片')
    .setInputFiles({ name: 'IMG_0003.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await page.locator('.adm-selector-item').first().click();
  await page.getByRole('textbox').first().fill(description);
}

test('a signed-in resident reports with 随手拍, follows it under 我的上报, and is never left at a dead end', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(HERE);
  await phoneSignIn(page, 'resident');
  await page.getByRole('region', { name: '常用功能' }).getByText('随手拍', { exact: true }).click();
  await expect(page).toHaveURL(/\/m\/report$/);
  await expect(page.getByText(/您以 .+ 的身份上报/)).toBeVisible();
  const description = `楼道堆放杂物 ${Date.now() % 100000}`;
  await pickPhotoAndCategory(page, description);
  await page.getByRole('button', { name: '提交上报' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交上报' }).click();
  // No 403 CSRF_TOKEN_INVALID: the report is stored and numbered.
  await expect(page.getByText(/上报成功，编号 WT\d{6}-\d{6}/)).toBeVisible();
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'phone-report-sent.png') });
  const number = ((await page.getByText(/上报成功，编号/).textContent()) ?? '').match(/WT\d{6}-\d{6}/)![0];
  await page.getByRole('button', { name: '查询进度' }).click();
  await expect(page).toHaveURL(/\/m\/my-reports$/);
  const mine = page.locator('.adm-list').filter({ hasText: '共 ' });
  await expect(mine.getByText(description)).toBeVisible();
  await expect(mine.getByText(new RegExp(number))).toBeVisible();
  await expect(mine.getByText(/已派单|待派单/).first()).toBeVisible();
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'phone-my-reports.png') });
  // 消息 shows the report's progress too; 返回 leads home.
  await page.goto('/m/messages');
  await expect(page.getByText('上报进度')).toBeVisible();
  await page.goto('/m/report');
  await pickPhotoAndCategory(page, `${description}（二）`);
  await page.getByRole('button', { name: '提交上报' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交上报' }).click();
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page).toHaveURL(/\/m$/);
});

test('an anonymous 随手拍 is followed by its number (查询进度) and can be followed by another', async ({ browser }) => {
  const use = test.info().project.use;
  const context: BrowserContext = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    userAgent: use.userAgent,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    locale: 'zh-CN',
    geolocation: HERE,
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await page.goto('/m/report');
  await pickPhotoAndCategory(page, '公交站牌被涂画');
  await page.getByRole('button', { name: '提交上报' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交上报' }).click();
  await expect(page.getByText(/上报成功，编号/)).toBeVisible();
  await page.getByRole('button', { name: '查询进度' }).click();
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByText(/已派单|待派单/).first()).toBeVisible();
  await page.getByRole('button', { name: '再拍一条' }).click();
  await expect(page.getByRole('button', { name: '提交上报' })).toBeVisible();
  await context.close();
});

test('every phone route fails into a Chinese page with a way on, never a developer message', async ({ browser }) => {
  const use = test.info().project.use;
  // No service worker here, so a chunk can be made to fail as on a line that drops.
  const context = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    isMobile: use.isMobile,
    locale: 'zh-CN',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto('/m/login');
  await page.getByLabel('用户名').fill('resident');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/m$/);
  await page.goto('/m/no-such-page');
  await expect(page.getByText('页面不存在', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page).toHaveURL(/\/m$/);
  await page.route(/\/assets\/MyReportsPage-.*\.js$/, (route) => route.abort());
  await page.getByRole('region', { name: '常用功能' }).getByText('我的上报', { exact: true }).click();
  await expect(page.getByText('页面加载失败', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '重新加载' })).toBeVisible();
  await expect(page.getByText(/Hey developer|dynamically imported/)).toHaveCount(0);
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'phone-error.png') });
  await context.close();
});
