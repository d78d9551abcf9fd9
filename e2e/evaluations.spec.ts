// 考评排名 on the desktop: create an evaluation (bad weights first), watch it compute, read the ranking with
// movement and rates, drill down from a street to the photo of a finding, and export the 失分项 to Excel.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, type Page, request, test } from '@playwright/test';
import { PASSWORD, chooseOption, monthFromNow, signIn } from './fixtures';

const SHOTS = path.resolve('.tmp/shots-h6');
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** A 160×120 gradient PNG, so that the finding's thumbnail is visible in the screenshots. */
function gradientPng(w = 160, h = 120): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([len, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) raw.set([200, (x * 255) / w, (y * 255) / h], y * (w * 3 + 1) + 1 + x * 3);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Finding {
  townshipCode: string;
  townshipName: string;
  pointName: string;
  standardCode: string;
}

/** Through the API: the inspector inspects one of today's points and finds its first standard not met, with a photo. */
async function inspectWithPhoto(baseURL: string): Promise<Finding> {
  const ctx = await request.newContext({ baseURL });
  const login = await ctx.post('/api/v1/auth/login', { data: { username: 'inspector', password: PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  const get = async (url: string) => (await ctx.get(`/api/v1/${url}`)).json();
  const today = await get('inspections/today');
  const item = today.items.filter((i: { done: boolean }) => !i.done).at(0);
  const list = await get(`points/${item.pointId}/checklist?planId=${item.planId}`);
  const upload = await ctx.post('/api/v1/files', {
    headers,
    multipart: { file: { name: 'finding.png', mimeType: 'image/png', buffer: gradientPng() } },
  });
  const photoId = ((await upload.json()) as { id: string }).id;
  const now = new Date().toISOString();
  const res = await ctx.post('/api/v1/inspections', {
    headers,
    data: {
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
        note: i === 0 ? '宣传栏破损，内容过期未更新' : null,
        photoFileIds: i === 0 ? [photoId] : [],
      })),
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  const townshipCode = String(item.regionCode).slice(0, 9);
  const region = await get(`regions?q=${townshipCode}`);
  const township = region.items.find((r: { code: string }) => r.code === townshipCode);
  await ctx.dispose();
  return { townshipCode, townshipName: township.name, pointName: item.name, standardCode: list.standards[0].code };
}

test('office creates an evaluation, reads the ranking and traces a lost point to its photo', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000); // computing runs on the job queue; shared test machines are slow
  const finding = await inspectWithPhoto(baseURL as string);
  await signIn(page, 'admin');
  await page.getByRole('navigation').getByText('考评排名').click();
  await expect(page).toHaveURL(/\/evaluations$/);
  await expect(page.getByRole('columnheader', { name: '考评名称' })).toBeVisible();
  await shot(page, '01-list');

  // The create form: weights that do not add up to 100% are refused on the form, in Chinese.
  await page.getByRole('button', { name: '新建考评' }).click();
  const drawer = page.getByRole('dialog');
  const month = monthFromNow(0); // this month: the finding made above is in it
  await drawer.getByLabel('考评名称').fill(`${month.replace('-', '年')}月街道文明创建考评（E2E）`);
  await chooseOption(page, drawer.getByRole('combobox', { name: '测评体系' }), /全国文明城市测评体系/, {
    search: '全国文明',
  });
  await drawer.getByLabel('周期', { exact: true }).click();
  await drawer.getByLabel('周期', { exact: true }).fill(month);
  await drawer.getByLabel('周期', { exact: true }).press('Enter');
  await drawer.getByLabel('权重（%）').first().fill('60');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer.getByText('各构成项权重之和必须为 100%')).toBeVisible();
  await expect(drawer.getByText('权重合计 90%')).toBeVisible();
  await shot(page, '02-bad-weights');

  await drawer.getByLabel('权重（%）').first().fill('70');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  // Computed on the job queue: the page polls until the results are there.
  await expect(page.getByTestId('rate-pass')).toContainText('%', { timeout: 120_000 });
  await expect(page.locator('.ant-card-head').getByText('已完成')).toBeVisible();

  // Results: rates as whole percents with the fraction, the ranking with movement, both charts.
  await expect(page.getByTestId('rate-rectification')).toContainText(/\d+\/\d+/);
  await expect(page.getByRole('img', { name: '得分排名' }).locator('canvas')).toBeVisible();
  await expect(page.getByRole('img', { name: '历期趋势' }).locator('canvas')).toBeVisible();
  const ranking = page.locator('.ant-table').last();
  await expect(ranking.getByRole('columnheader', { name: '升降' })).toBeVisible();
  const firstRow = ranking.locator('tbody tr.ant-table-row').first();
  // The first cell of a row is its expand button (the score's breakdown); the rank and its movement follow.
  const cells = firstRow.locator('td:not(.ant-table-row-expand-icon-cell)');
  await expect(cells.nth(0)).toHaveText(/^1/);
  await expect(cells.nth(1)).toHaveText(/^(↑\d+|↓\d+|—)$/);
  await shot(page, '03-results');

  // Drill down: the street → its 失分项 → the standard → the point → the finding and its photo.
  await ranking.getByRole('link', { name: finding.townshipName }).click();
  await expect(page.getByRole('tab', { name: '指标得分' })).toBeVisible();
  await shot(page, '04-subject');
  await page.getByRole('tab', { name: '失分项' }).click();
  const deductions = page.getByRole('tabpanel', { name: '失分项' });
  await deductions.getByRole('link', { name: new RegExp(`^${finding.standardCode.replace(/\./g, '\\.')} `) }).click();
  await page.getByRole('link', { name: finding.pointName }).click();
  const photo = page.getByRole('img', { name: `${finding.standardCode} 照片 1` });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
  await expect(page.getByText('宣传栏破损，内容过期未更新')).toBeVisible();
  await shot(page, '05-finding');

  // Back up through the breadcrumb, and export the street's 失分项 for the unit to work through.
  await page.locator('.ant-breadcrumb').getByRole('link', { name: finding.townshipName }).click();
  await page.getByRole('tab', { name: '失分项' }).click();
  await expect(page.getByText(/共失分 [\d.]+ 分/)).toBeVisible();
  await shot(page, '06-deductions');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /导出失分项 Excel/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('the evaluation list filters by month, as the API does', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/evaluations');
  const all = await (await page.request.get('/api/v1/evaluations?pageSize=100')).json();
  const monthly = all.items.find((e: { period: { kind: string } }) => e.period.kind === 'month');
  expect(monthly, 'the demo tenant has a monthly evaluation').toBeTruthy();
  const month: string = monthly.period.value;
  const picker = page.getByLabel('按周期筛选');
  await picker.click();
  await picker.fill(month);
  await picker.press('Enter');
  await expect(page).toHaveURL(new RegExp(`period=${month}`));
  const inMonth = await (await page.request.get(`/api/v1/evaluations?period=${month}`)).json();
  expect(inMonth.total).toBeGreaterThan(0);
  const overlaps = (e: { period: { start: string; end: string } }) =>
    e.period.start <= `${month}-31` && e.period.end >= `${month}-01`;
  expect(inMonth.items.every(overlaps)).toBe(true);
  expect(inMonth.total).toBe(all.items.filter(overlaps).length);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(inMonth.items.length);
  await expect(page.getByRole('link', { name: inMonth.items[0].name }).first()).toBeVisible();
  await page.locator('.ant-card-head-title').first().click(); // close the picker before the picture
  await shot(page, '00-list-by-month');
});
