// Helpers of the framework and campaign journeys: workbooks built like real manuals, a tiny photo, API setup.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type APIRequestContext, type Browser, type Locator, type Page, expect, request, test } from '@playwright/test';
import { PASSWORD, SHOTS, signIn } from './fixtures';

/** The liaison account's unit in the demo tenant. */
export const LIAISON_UNIT = '示范市精神文明建设指导委员会办公室';

/**
 * A manual as offices circulate it: title and notes above the header, 一、（一）1. numbering, merged parents,
 * points as `5分`, methods as free text. `bad` spoils two rows; 2.1 (10 points) has children adding up to 9.
 */
export async function manualWorkbook(name: string, variant: 'good' | 'bad'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('测评细则');
  const rows: (string | number | null)[][] = [
    [name],
    ['说明：本细则总分 30 分，达标线 80%。'],
    [],
    ['测评项目', '测评内容', '测评标准', '分值', '测评方法', '适用点位'],
    ['一、公共秩序（20分）', '（一）交通秩序', '1. 行人走斑马线', '5分', '实地考察', '主次干道'],
    [null, null, '2. 车辆礼让行人', variant === 'bad' ? '五分' : '5分', '实地考察、材料审核', '主次干道'],
    [null, '（二）公共场所秩序', '1. 排队有序', 5, '实地察看', '窗口单位、医院'],
    [null, null, '2. 无大声喧哗', '5分', '整体观察', variant === 'bad' ? '火星' : '全部'],
    [],
    ['二、环境卫生（10分）', '（一）小区卫生（10分）', '1. 地面干净，无垃圾杂物', '6分', '实地考察', '小区'],
    [null, null, '2. 垃圾分类投放规范', '3分', '实地考察、听取汇报', '小区'],
    [],
    ['三、负面清单'],
    ['1. 发生重大安全事故的，一票否决'],
    ['注：本表为测试用。'],
  ];
  for (const r of rows) ws.addRow(r);
  for (const range of ['A1:F1', 'A2:F2', 'A5:A8', 'B5:B6', 'B7:B8', 'A10:A11', 'B10:B11', 'A13:F13'])
    ws.mergeCells(range);
  const file = path.join(SHOTS, `framework-${variant}-${Date.now()}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A task list (任务清单) sheet: the first row is the header. */
export async function tasksWorkbook(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务清单');
  for (const r of rows) ws.addRow(r);
  const file = path.join(SHOTS, `tasks-${Date.now()}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A valid 1×1 PNG (the server checks the magic bytes of uploads). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** `YYYY-MM-DD`, `days` from today in Asia/Shanghai. */
export function isoDate(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Fills an antd DatePicker by typing, as a person with a keyboard does. */
export async function fillDate(field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

/** The OK button of the open antd Popconfirm. */
export async function confirmPopconfirm(page: Page, name: string): Promise<void> {
  const pop = page.locator('.ant-popconfirm:visible').last();
  // A click during the zoom-in lands before the button settles and is lost (seen once in CI): wait it out.
  await expect(pop).not.toHaveClass(/zoom-big-(appear|enter)/);
  await pop.getByRole('button', { name }).click();
}

/** An API session (for setting up data a journey starts from), with the CSRF token on writes. */
export async function apiSession(baseURL: string, username: string) {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(res.ok()).toBeTruthy();
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    get: async (url: string) => (await ctx.get(`/api/v1/${url}`)).json(),
    post: async (url: string, data: unknown) => {
      const r = await ctx.post(`/api/v1/${url}`, { data, headers: { 'X-CSRF-Token': csrfToken } });
      expect(r.ok(), await r.text()).toBeTruthy();
      return r.json();
    },
    dispose: () => ctx.dispose(),
  };
}

/** A second signed-in person in their own browser context (desktop size, Chinese, Shanghai time). */
export async function openAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}
