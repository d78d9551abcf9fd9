// Desktop journeys of a practice centre (station_admin): an activity with its rotating QR, hours closed, corrected
// and confirmed, an order dispatched to a proposed volunteer, a time bank statement with a reversal, a refused
// form, and the monthly figures against the API.
import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { chooseOption, monthFromNow, signIn } from './fixtures';
import { apiSession, confirmPopconfirm } from './work-fixtures';

const SHOTS = path.resolve('.tmp/shots-h8');
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, `minutes` from now. */
function shanghaiTime(minutes: number): string {
  return new Date(Date.now() + 8 * 3600_000 + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A valid 居民身份证 number (GB 11643 check digit) born on a day of 1990 picked from `seed`. */
function idCard(seed: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const day = String((seed % 28) + 1).padStart(2, '0');
  const first17 = `620302199005${day}${String(seed % 1000).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

async function fillDateTime(page: Page, label: string, value: string) {
  const field = page.getByRole('dialog').getByLabel(label, { exact: true });
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

interface Site {
  id: string;
  name: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
}

/**
 * An activity of the station's centre running now, with the demo volunteer signed up and checked in by the
 * rotating code at the activity's point (the volunteer registers first if the demo has not).
 */
async function activityWithCheckIn(baseURL: string) {
  const admin = await apiSession(baseURL, 'station_admin');
  const vol = await apiSession(baseURL, 'volunteer');
  const site = ((await admin.get('sites?pageSize=1')) as { items: Site[] }).items[0];
  const point = { lat: site.lat ?? 38.52, lng: site.lng ?? 102.19 };
  if (!(await vol.get('volunteers/me'))) {
    await vol.post('volunteers', {
      name: '测试志愿者',
      idCard: idCard(Date.now()),
      phone: '13800138000',
      skills: ['repair', 'elderly_care'],
      regionCode: site.regionCode,
      homeLat: point.lat,
      homeLng: point.lng,
      siteId: site.id,
    });
  }
  const now = Date.now();
  const activity = await admin.post('activities', {
    title: `E2E 时长确认 ${now}`,
    type: 'community',
    siteId: site.id,
    regionCode: site.regionCode,
    place: site.name,
    ...point,
    radiusM: 300,
    startsAt: new Date(now - 10 * 60_000).toISOString(),
    endsAt: new Date(now + 110 * 60_000).toISOString(),
    recruitLimit: 10,
  });
  await vol.post(`activities/${activity.id}/signup`, {});
  const qr = await admin.get(`activities/${activity.id}/qr`);
  await vol.post(`activities/${activity.id}/check`, { kind: 'in', token: qr.payload, ...point });
  await admin.dispose();
  await vol.dispose();
  return activity as { id: string; title: string };
}

test.beforeEach(async ({ page }) => {
  await signIn(page, 'station_admin');
});

test('create an activity and show its rotating check-in QR full screen', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/activities');
  await page.getByRole('button', { name: '发布活动' }).click();
  const drawer = page.getByRole('dialog', { name: '发布活动' });
  await drawer.getByLabel('活动名称').fill('E2E 清洁家园志愿服务');
  await chooseOption(page, drawer.getByLabel('活动类型'), '生态环保');
  // The station's own site is the organiser; its region and address fill in.
  await expect(drawer.getByText('示范市新时代文明实践中心')).toBeVisible();
  await expect(drawer.getByLabel('活动地点')).not.toHaveValue('');
  await fillDateTime(page, '开始时间', shanghaiTime(5));
  await fillDateTime(page, '结束时间', shanghaiTime(125));
  await drawer.getByLabel('纬度').fill('38.5201');
  await drawer.getByLabel('经度').fill('102.1887');
  await drawer.getByLabel('半径（米）').fill('200');
  // A click on the small map north-east of the centre moves the point there.
  const map = drawer.getByRole('button', { name: '签到范围' });
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  await expect(drawer.getByLabel('纬度')).not.toHaveValue('38.5201');
  expect(Number(await drawer.getByLabel('纬度').inputValue())).toBeGreaterThan(38.5201);
  expect(Number(await drawer.getByLabel('经度').inputValue())).toBeGreaterThan(102.1887);
  await shot(page, 'activity-create');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
  await expect(page.getByText('E2E 清洁家园志愿服务').first()).toBeVisible();
  await expect(page.getByText('200 m')).toBeVisible();
  await shot(page, 'activity-detail');

  await page.goto(`${new URL(page.url()).pathname}/qr`);
  const qr = page.getByRole('img', { name: '签到二维码图片' });
  await expect(qr.locator('svg')).toBeVisible();
  const first = await qr.getAttribute('data-token');
  expect(first).toBeTruthy();
  await expect(page.getByText(/二维码每 30 秒更换一次，截图无效/)).toBeVisible();
  await shot(page, 'activity-qr');
  // The screen fetches the next code by itself when the current one turns over.
  await expect.poll(() => qr.getAttribute('data-token'), { timeout: 45_000 }).not.toBe(first);
  await expect(qr.locator('svg')).toBeVisible();
});

test('close a forgotten check-out, correct it with a reason and confirm the hours', async ({ page, baseURL }) => {
  const activity = await activityWithCheckIn(baseURL!);
  await page.goto(`/activities/${activity.id}`);
  await page.getByRole('tab', { name: '签到签退' }).click();
  await page.getByRole('button', { name: '代为签退' }).click();
  const close = page.getByRole('dialog', { name: /代为签退/ });
  await expect(close.getByLabel('签退时间')).not.toHaveValue('');
  await close
    .getByRole('button', { name: '确 定' })
    .or(close.getByRole('button', { name: '确定' }))
    .click();
  await expect(page.getByText('组织者代签退').first()).toBeVisible();

  await page.getByRole('tab', { name: '时长确认' }).click();
  await page.getByRole('button', { name: '更正' }).click();
  const correct = page.getByRole('dialog', { name: /更正/ });
  await expect(correct.getByLabel('更正原因')).toBeVisible();
  await expect(correct.getByLabel('签退时间')).not.toHaveValue('');
  await correct.getByRole('button', { name: /确\s*定/ }).click();
  await expect(correct.getByText('请填写更正原因')).toBeVisible();
  await fillDateTime(page, '签退时间', shanghaiTime(110));
  await correct.getByLabel('更正原因').fill('志愿者忘记签退，按活动结束时间补记');
  await correct.getByRole('button', { name: /确\s*定/ }).click();
  await expect(correct).toBeHidden();
  await expect(page.getByText('待确认').first()).toBeVisible();
  await shot(page, 'activity-hours-pending');

  await page.getByRole('row').filter({ hasText: '待确认' }).getByRole('checkbox').check();
  await page.getByRole('button', { name: /确认所选时长（1）/ }).click();
  await expect(page.getByText(/已确认 1 条时长/)).toBeVisible();
  await expect(page.getByRole('cell', { name: '已确认' }).first()).toBeVisible();
  await shot(page, 'activity-hours-confirmed');
});

test('dispatch a demo order to a proposed volunteer, reasons shown', async ({ page }) => {
  await page.goto('/orders');
  await page.getByTestId('board-reviewed').getByRole('link', { name: '家电维修' }).first().click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const panel = page.locator('.ant-card').filter({ hasText: '推荐承接人（前 10 名）' });
  await expect(panel.getByRole('row').nth(1)).toBeVisible();
  // Each proposal says why: skill, distance, load, rating.
  await expect(panel.getByText(/技能匹配|无特殊技能要求/).first()).toBeVisible();
  await expect(panel.getByText(/距离/).first()).toBeVisible();
  await expect(panel.getByText(/当前 \d+ 单/).first()).toBeVisible();
  await expect(panel.getByText(/评分|暂无评分/).first()).toBeVisible();
  await shot(page, 'order-candidates');
  const firstPick = panel.getByRole('button', { name: /派给此人/ }).first();
  const name = ((await firstPick.getAttribute('aria-label')) ?? '').replace('派给此人 ', '');
  await firstPick.click();
  await confirmPopconfirm(page, '派给此人');
  await expect(page.getByText(`已派单给 ${name}`)).toBeVisible();
  await expect(page.locator('.ant-card-extra').getByText('已派单')).toBeVisible();
  await shot(page, 'order-dispatched');
});

test('open an account statement and reverse an entry with a reason', async ({ page }) => {
  await page.goto('/timebank');
  await expect(page.getByText('总行').first()).toBeVisible();
  await page.getByRole('link', { name: '公益基金' }).first().click();
  await expect(page).toHaveURL(/\/timebank\/accounts\/[0-9a-f-]{36}/);
  await expect(page.getByText('期初余额')).toBeVisible();
  await expect(page.getByText('期末余额')).toBeVisible();
  await shot(page, 'timebank-statement');
  const rowsBefore = await page.getByRole('row').count();
  const reverse = page.getByRole('button', { name: '冲正' }).first();
  await reverse.click();
  const dialog = page.getByRole('dialog', { name: '冲正这笔记账' });
  await dialog.getByRole('button', { name: /冲\s*正/ }).click();
  await expect(dialog.getByText('请填写冲正原因')).toBeVisible();
  await dialog.getByLabel('冲正原因').fill('录入错误，冲正');
  await dialog.getByRole('button', { name: /冲\s*正/ }).click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /冲\s*正/ })
    .click();
  // The original stays, tagged; the reversing entry is booked beside it.
  await expect(page.getByRole('cell', { name: /已冲正/ })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(rowsBefore + 1);
  await shot(page, 'timebank-reversed');
});

test('a volunteer with a bad ID number is refused with the field named in Chinese', async ({ page }) => {
  await page.goto('/volunteers');
  await page.getByRole('button', { name: '登记志愿者' }).click();
  const drawer = page.getByRole('dialog', { name: '登记志愿者' });
  await drawer.getByLabel('姓名').fill('王小明');
  await drawer.getByLabel('手机号', { exact: true }).fill('13912345678');
  await drawer.getByLabel('居民身份证号').fill('620302199005011234');
  await expect(drawer.getByText('示范市新时代文明实践中心')).toBeVisible();
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.locator('#volunteer_idCard_help')).toContainText(/身份证/);
  await expect(drawer).toBeVisible();
  await shot(page, 'volunteer-bad-id');
  await drawer.getByLabel('居民身份证号').fill(idCard(4242));
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  await page.getByRole('searchbox').or(page.getByPlaceholder('姓名、拼音首字母、志愿者编号')).fill('wxm');
  await page.getByRole('button', { name: /搜\s*索/ }).click();
  await expect(page.getByRole('link', { name: '王小明' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^620\*+\d{4}$/ }).first()).toBeVisible();
  await shot(page, 'volunteers-list');
});

test("the station's monthly figures match the API", async ({ page }) => {
  await page.goto('/station-figures');
  const api = await (await page.request.get('/api/v1/volunteer-stats/stations')).json();
  const rows = api.items as {
    siteName: string;
    activities: number;
    activeVolunteers: number;
    hours: number;
    meetsMonthly: boolean;
  }[];
  expect(rows.length).toBeGreaterThan(0);
  const met = rows.filter((r) => r.meetsMonthly).length;
  await expect(page.getByTestId('monthly-met')).toHaveText(`达标阵地 ${met} / ${rows.length}`);
  for (const r of rows.slice(0, 10)) {
    const row = page.getByRole('row').filter({ hasText: r.siteName });
    await expect(row.getByRole('cell').nth(2)).toHaveText(String(r.activities));
    await expect(row.getByRole('cell').nth(3)).toHaveText(r.meetsMonthly ? '已达标' : '未达标');
    await expect(row.getByRole('cell').nth(4)).toHaveText(String(r.activeVolunteers));
    await expect(row.getByRole('cell').nth(5)).toHaveText(String(r.hours));
  }
  await expect(page.getByRole('img', { name: '各阵地本月活动场次' })).toBeVisible();
  await shot(page, 'station-figures');
});

test('filter volunteers by star level and hours, and activities by date; the lists match the API', async ({ page }) => {
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await page.goto('/volunteers');
  await page.getByLabel('按服务时长筛选').fill('1');
  await page.getByLabel('按服务时长筛选').press('Enter');
  await expect(page).toHaveURL(/minHours=1/);
  const hours = await (await page.request.get('/api/v1/volunteers?minHours=1')).json();
  expect(hours.total).toBeGreaterThan(0); // the demo's confirmed activities
  await expect(page.getByText(`共 ${hours.total} 条`)).toBeVisible();
  await expect(rows).toHaveCount(hours.items.length);
  await chooseOption(page, page.getByRole('combobox', { name: '按星级筛选' }), /^1星及以上（≥100小时）/);
  await expect(page).toHaveURL(/minStar=1/);
  const stars = await (await page.request.get('/api/v1/volunteers?minHours=1&minStar=1')).json();
  expect(stars.items.every((v: { starLevel: number }) => v.starLevel >= 1)).toBe(true);
  await expect(rows).toHaveCount(stars.items.length);
  await page.getByRole('combobox', { name: '按星级筛选' }).press('Escape');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await shot(page, 'volunteers-star-filter');

  await page.goto('/activities');
  await page.getByPlaceholder('开始日期').click();
  const [from, to] = [`${monthFromNow(-1)}-01`, `${monthFromNow(0)}-28`];
  await page.getByPlaceholder('开始日期').fill(from);
  await page.getByPlaceholder('开始日期').press('Enter');
  await page.getByPlaceholder('结束日期').fill(to);
  await page.getByPlaceholder('结束日期').press('Enter');
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  const held = await (await page.request.get(`/api/v1/activities?from=${from}&to=${to}&pageSize=1`)).json();
  await expect(page.getByText(`共 ${held.total} 场活动`)).toBeVisible();
  await page.locator('.ant-card-head-title').first().click(); // close the picker before the picture
  await shot(page, 'activities-date-filter');
});
