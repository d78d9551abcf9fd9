import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { SHOTS, chooseOption, shot, signIn } from './fixtures';

async function unitsWorkbook(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  ws.addRow(['单位名称', '单位类型', '统一社会信用代码', '所属区划', '文明单位等级', '联系人', '联系电话', '地址']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(SHOTS, `units-${Date.now()}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

test.describe('organisation as the city office admin', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'admin');
  });

  test('searches units by Traditional characters and pinyin initials; lists page', async ({ page }) => {
    await page.goto('/units');
    const search = page.getByPlaceholder('名称、拼音首字母');
    await search.fill('團結');
    await expect(page.getByRole('cell', { name: '示范市团结小学' })).toBeVisible();
    await search.fill('rmyy');
    await expect(page.getByRole('cell', { name: '示范市人民医院' })).toBeVisible();
    await search.fill('');
    await expect(page.getByText(/共 \d+ 条/)).toBeVisible();
    await shot(page, 'units-list');
  });

  test('shows the server field error for a wrong credit code, then saves the corrected unit', async ({ page }) => {
    await page.goto('/units');
    await page.getByRole('button', { name: '新建' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('单位名称').fill('示范市文明实践测试单位');
    await chooseOption(page, drawer.getByLabel('单位类型'), '机关');
    await drawer.getByLabel('统一社会信用代码').fill('91620300MA00000000');
    await drawer.getByLabel('所属区划').click();
    await drawer.getByLabel('所属区划').fill('金川');
    // The options first list the top of the tree, then the search result replaces them: click only the
    // searched option, and check that the choice took before saving.
    await expect(page.getByTitle(/^永昌县（/)).toHaveCount(0);
    const jinchuan = page.getByTitle(/^金川区（\d{6}）$/);
    await expect(jinchuan).toHaveCount(1);
    await jinchuan.click();
    await expect(drawer.getByText(/^金川区（\d{6}）$/).filter({ visible: true })).toHaveCount(1);
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer.getByText(/统一社会信用代码.*校验位/)).toBeVisible();
    await shot(page, 'unit-form-field-error');
    await drawer.getByLabel('统一社会信用代码').fill('');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();
    await page.getByPlaceholder('名称、拼音首字母').fill('文明实践测试');
    await expect(page.getByRole('cell', { name: '示范市文明实践测试单位' })).toBeVisible();
  });

  test('imports units from Excel: a bad file changes nothing and lists its rows; a good one imports with progress', async ({
    page,
  }) => {
    await page.goto('/units');
    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog');
    const bad = await unitsWorkbook([
      ['导入测试甲', '机关', null, '620302', null, null, null, null],
      ['导入测试乙', '不存在的类型', null, '620302', null, null, '123', null],
    ]);
    await dialog.locator('input[type=file]').setInputFiles(bad);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await expect(dialog.getByText(/导入失败，文件未做任何更改/)).toBeVisible();
    await expect(dialog.getByRole('cell', { name: '3', exact: true }).first()).toBeVisible();
    await expect(dialog.getByRole('link', { name: /下载错误报告/ })).toBeVisible();
    await shot(page, 'units-import-errors');
    await dialog.getByRole('button', { name: '重新导入' }).click();
    const good = await unitsWorkbook([
      ['导入测试甲', '机关', null, '620302', '无', '李四', null, '示范路1号'],
      ['导入测试乙', '学校', null, '金川区', '市级', null, null, null],
    ]);
    await dialog.locator('input[type=file]').setInputFiles(good);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await expect(dialog.getByText('导入完成，新增 2 条')).toBeVisible();
    await expect(dialog.getByRole('progressbar')).toBeVisible();
    await shot(page, 'units-import-done');
  });

  test('switches the interface to English and Traditional Chinese', async ({ page }) => {
    await page.goto('/units');
    const pick = (label: RegExp, option: string) =>
      chooseOption(page, page.getByRole('combobox', { name: label }), option, { check: false });
    await pick(/语言/, 'English');
    await expect(page.getByRole('menu').getByText('Units', { exact: true })).toBeVisible();
    await pick(/Language/, '繁體中文');
    await expect(page.getByRole('menu').getByText('單位', { exact: true })).toBeVisible();
    await shot(page, 'units-zh-tw');
    await pick(/語言/, '简体中文');
    await expect(page.getByRole('menu').getByText('单位', { exact: true })).toBeVisible();
  });

  test('shows a person masked, and whole only through the audited 查看完整', async ({ page }) => {
    await page.goto('/people');
    await expect(page.getByRole('cell', { name: /^\d{3}\*+\d{3}[\dX]$/ }).first()).toBeVisible();
    await page.getByRole('button', { name: '查看完整' }).first().click();
    await expect(page.getByRole('dialog').getByText(/^\d{17}[\dX]$/)).toBeVisible();
    await shot(page, 'people-reveal');
  });

  test('browses the region tree', async ({ page }) => {
    await page.goto('/regions');
    await expect(page.getByText('示范市').first()).toBeVisible();
    await expect(page.getByText('金川区').first()).toBeVisible();
    await shot(page, 'regions');
  });
});

test('a district admin sees only its own district', async ({ page }) => {
  await signIn(page, 'district_admin');
  await page.goto('/regions');
  await expect(page.getByText('金川区').first()).toBeVisible();
  await expect(page.getByText('永昌县')).toHaveCount(0);
});

test('the auditor searches the audit log', async ({ page }) => {
  await signIn(page, 'auditor');
  await page.goto('/audit');
  await expect(page.getByRole('cell', { name: '登录认证 · 登录' }).first()).toBeVisible();
  await shot(page, 'audit');
});

test('five wrong passwords lock the name for 15 minutes and the page says so', async ({ page }) => {
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('用户名').fill('nobody_here');
    await page.getByLabel('密码').fill(`wrong-${i}`);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await expect(page.getByRole('alert')).toContainText('锁定');
  await shot(page, 'login-locked');
});
