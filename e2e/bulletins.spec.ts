// Publishing a bulletin (通报) from a computed evaluation, its Word and PDF documents, the public page and the big
// screen (大屏) at 1920×1080.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect as baseExpect, request, test } from '@playwright/test';
import JSZip from 'jszip';
import { PASSWORD, chooseOption, signIn } from './fixtures';

// Generous waits: the journey renders documents and six charts, on machines shared with other test runs.
const expect = baseExpect.configure({ timeout: 60_000 });
const SHOTS = path.resolve('.tmp/shots-h2');
fs.mkdirSync(SHOTS, { recursive: true });

/** A done evaluation of the demo city's streets: the demo's own, or one computed now through the API. */
async function doneEvaluation(baseURL: string): Promise<{ id: string; label: string }> {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  const login = await ctx.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const get = async (url: string) => (await ctx.get(`/api/v1/${url}`)).json();
  const label = (e: { name: string; period: { label: string } }) => `${e.period.label} ${e.name}`;
  const done = await get('evaluations?state=done&pageSize=1');
  if (done.items.length) return { id: done.items[0].id, label: label(done.items[0]) };
  const framework = (await get('frameworks?status=published&pageSize=1')).items[0];
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const res = await ctx.post('/api/v1/evaluations', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: {
      name: '文明城市创建常态化测评',
      frameworkId: framework.id,
      period: { kind: 'month', value: month },
      subjectKind: 'region',
      subjectLevel: 'township',
      lines: { passLine: 0.6, excellenceLine: 0.9, redLine: 0.85, blackLine: 0.7, summonsBottomThree: true },
    },
  });
  expect(res.status(), await res.text()).toBe(202);
  const { id } = (await res.json()) as { id: string };
  await expect.poll(async () => (await get(`evaluations/${id}`)).state, { timeout: 60_000 }).toBe('done');
  const e = await get(`evaluations/${id}`);
  await ctx.dispose();
  return { id, label: label(e) };
}

/** How many bulletins the admin sees through the API (to check that a preview saves nothing). */
async function bulletinCount(baseURL: string): Promise<number> {
  const ctx = await request.newContext({ baseURL });
  await ctx.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } });
  const { total } = (await (await ctx.get('/api/v1/bulletins?pageSize=1')).json()) as { total: number };
  await ctx.dispose();
  return total;
}

test('publish a bulletin, download Word and PDF, see it public and on the big screen', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const evaluation = await doneEvaluation(baseURL!);
  const bulletinsBefore = await bulletinCount(baseURL!);
  await signIn(page, 'admin');
  await page.goto('/bulletins');
  await page.getByRole('button', { name: '发布通报' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '预览' }).click();
  await expect(dialog.getByText('请选择已完成计算的考评')).toBeVisible();
  await chooseOption(page, dialog.getByLabel('考评'), evaluation.label);
  // A title the server refuses (too short) comes back under the field; nothing is published.
  await dialog.getByLabel('通报标题（可选）').fill('短');
  await dialog.getByRole('button', { name: '预览' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toBeVisible();
  await dialog.getByLabel('通报标题（可选）').fill('');
  // The preview: the PDF as it will be published, rendered by the server without saving; then confirm.
  const [previewPdf] = await Promise.all([
    page.waitForResponse((r) => /\/bulletin-preview\.pdf/.test(r.url()) && r.request().frame() !== page.mainFrame()),
    dialog.getByRole('button', { name: '预览' }).click(),
  ]);
  expect(previewPdf.status()).toBe(200);
  expect(previewPdf.headers()['content-type']).toBe('application/pdf');
  await expect(page.getByRole('dialog', { name: '通报预览' })).toBeVisible();
  await expect(dialog.locator('iframe[title="通报预览文件"]')).toBeVisible();
  await page.waitForTimeout(1500); // the PDF viewer paints after the load
  fs.mkdirSync(path.resolve('docs/screenshots'), { recursive: true });
  await page.screenshot({ path: path.resolve('docs/screenshots/bulletin-preview.png') });
  expect(await bulletinCount(baseURL!)).toBe(bulletinsBefore);
  await dialog.getByRole('button', { name: '确认发布' }).click();
  await expect(dialog).toBeHidden();
  const row = page
    .getByRole('row')
    .filter({ hasText: evaluation.label.split(' ')[0] })
    .first();
  await expect(row).toBeVisible();
  const docNumber = ((await row.getByRole('cell').first().textContent()) ?? '').trim();
  expect(docNumber).toMatch(/^示范文明办〔\d{4}〕\d+号$/);
  await page.screenshot({ path: path.join(SHOTS, 'bulletins.png') });

  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: `${docNumber} docx` }).click(),
  ]);
  const docxFile = path.join(SHOTS, 'bulletin.docx');
  await docx.saveAs(docxFile);
  const xml = await (await JSZip.loadAsync(fs.readFileSync(docxFile))).file('word/document.xml')!.async('string');
  expect(xml).toContain(docNumber);
  expect(xml).toContain('的通报');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: `${docNumber} pdf` }).click(),
  ]);
  const pdfFile = path.join(SHOTS, 'bulletin.pdf');
  await pdf.saveAs(pdfFile);
  expect(execFileSync('pdftotext', [pdfFile, '-']).toString()).toContain(docNumber);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, path.join(SHOTS, 'bulletin-pdf')]);
  const png = fs.readdirSync(SHOTS).find((f) => f.startsWith('bulletin-pdf') && f.endsWith('.png'))!;
  // A rendered page of Chinese text is far larger than a blank page of the same size.
  expect(fs.statSync(path.join(SHOTS, png)).size).toBeGreaterThan(20_000);

  const visitor = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const publicPage = await visitor.newPage();
  await publicPage.goto(`${baseURL}/public/bulletins?tenant=demo`);
  await expect(publicPage.getByText(docNumber).first()).toBeVisible();
  await expect(publicPage.getByRole('columnheader', { name: '考评对象' }).first()).toBeVisible();
  await publicPage.screenshot({ path: path.join(SHOTS, 'public.png'), fullPage: true });
  await visitor.close();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/bigscreen');
  await expect(page.getByRole('heading', { name: '示范市文明创建数据大屏' })).toBeVisible();
  for (const panel of ['各地得分', '得分排名', '近期走势', '问题状态'])
    await expect(page.getByRole('region', { name: panel }).locator('canvas')).toHaveCount(1);
  await page.waitForTimeout(1500); // let the charts' first animation finish before the screenshot
  fs.mkdirSync(path.resolve('docs/screenshots'), { recursive: true });
  await page.screenshot({ path: path.resolve('docs/screenshots/bigscreen.png') });
});
