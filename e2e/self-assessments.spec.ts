import { type Browser, expect, type Page, test } from '@playwright/test';
import { chooseOption, signIn } from './fixtures';
import { LIAISON_UNIT, PNG_1X1 } from './work-fixtures';

// 自查自评 → 验收: the office's list in every state, a liaison scoring with evidence and submitting, the office
// returning it with a reason and accepting it after resubmission; a score above full marks is refused under the field.

const FRAMEWORK = /机关办公场所“三化”标准/;
const SHOTS = 'docs/screenshots';

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, username);
  return page;
}

const state = (page: Page, name: string) =>
  expect(page.locator('.ant-descriptions').getByText(name, { exact: true })).toBeVisible();

/** Confirms the open confirmation dialog with its button `ok`. */
async function confirmWith(page: Page, ok: string) {
  // A click while the dialog still zooms in can miss; try again until the dialog has gone.
  const dialog = page.locator('.ant-modal-confirm');
  await expect(async () => {
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: ok }).click({ timeout: 3_000 });
    await expect(dialog).toBeHidden({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
}

test('self-assessment: list by state, score with evidence, submit, return with a reason, resubmit, accept', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const office = await as(browser, 'admin');
  await office.goto('/self-assessments');
  const table = office.getByRole('table');
  for (const label of ['自评中', '待验收', '已退回', '已验收'])
    await expect(table.locator('.ant-tag').filter({ hasText: label }).first()).toBeVisible();
  await office.screenshot({ path: `${SHOTS}/self-assessment-list.png`, fullPage: true });
  await chooseOption(office, office.getByRole('combobox', { name: '按状态筛选' }), '已退回');
  await expect(office).toHaveURL(/status=returned/);
  await expect(table.locator('tbody .ant-tag').filter({ hasText: '已验收' })).toHaveCount(0);
  await expect(table.locator('tbody .ant-tag').filter({ hasText: '已退回' }).first()).toBeVisible();

  // The liaison finds the page in the menu and opens a self-assessment of their unit.
  const liaison = await as(browser, 'unit_liaison');
  await liaison.getByRole('menuitem', { name: '自查自评' }).click();
  await expect(liaison).toHaveURL(/\/self-assessments$/);
  await liaison.getByRole('button', { name: '发起自查自评' }).click();
  const create = liaison.getByRole('dialog');
  await chooseOption(liaison, create.getByRole('combobox', { name: '单位' }), LIAISON_UNIT, { search: '精神文明' });
  await chooseOption(liaison, create.getByRole('combobox', { name: '测评体系' }), FRAMEWORK, { search: '三化' });
  await create.getByRole('button', { name: /确\s*定|确认/ }).click();
  await expect(liaison).toHaveURL(/\/self-assessments\/[0-9a-f-]{36}$/);
  await state(liaison, '自评中');

  // A score above the indicator's full marks: the server's error shows under that field, nothing is saved.
  const scores = liaison.getByRole('spinbutton', { name: /自评得分$/ });
  await expect(scores.first()).toBeVisible();
  await scores.nth(0).fill('11');
  await liaison.getByRole('button', { name: '保存自评' }).click();
  await expect(
    liaison.locator('.ant-form-item-explain-error').filter({ hasText: '得分：超过该指标分值' }),
  ).toBeVisible();
  await expect(liaison.getByTestId('sa-self-total')).toHaveText('0');

  await scores.nth(0).fill('9');
  await expect(liaison.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await scores.nth(1).fill('10');
  await liaison
    .getByRole('textbox', { name: /自评说明$/ })
    .first()
    .fill('桌面整洁，个别工位有杂物');
  await liaison
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: '整洁化佐证.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(liaison.getByRole('link', { name: '整洁化佐证.png' })).toBeVisible();
  await expect(liaison.getByTestId('sa-sum')).toHaveText('19');
  await liaison.getByRole('button', { name: '提交自评' }).click();
  await confirmWith(liaison, '提交自评');
  await state(liaison, '待验收');
  await expect(liaison.getByTestId('sa-self-total')).toHaveText('19');
  await expect(liaison.getByRole('link', { name: '整洁化佐证.png' })).toBeVisible();
  const url = liaison.url();

  // The liaison's list holds their unit's self-assessments only (the server scopes it).
  await liaison.getByRole('menuitem', { name: '自查自评' }).click();
  const mine = liaison.getByRole('table').locator('tbody tr.ant-table-row');
  await expect(mine.first()).toContainText(LIAISON_UNIT);
  for (const row of await mine.all()) await expect(row).toContainText(LIAISON_UNIT);
  await expect(liaison.getByRole('table')).not.toContainText('示范市团结小学');
  await liaison.goto(url);

  // The office returns it with a reason (a blank reason is refused under the field).
  await office.goto(url);
  await state(office, '待验收');
  await office.getByRole('button', { name: '退回修改' }).click();
  const dialog = office.getByRole('dialog');
  await dialog.getByRole('button', { name: '退回修改' }).click();
  await expect(dialog.getByText('请填写退回原因')).toBeVisible();
  await dialog.getByRole('textbox').fill('第二项缺少佐证材料，请补充后重新提交');
  await dialog.getByRole('button', { name: '退回修改' }).click();
  await expect(dialog).toBeHidden();
  await state(office, '已退回');

  // The liaison sees why, adds evidence and resubmits.
  await liaison.reload();
  await state(liaison, '已退回');
  await expect(liaison.getByText('文明办退回：第二项缺少佐证材料，请补充后重新提交')).toBeVisible();
  await liaison
    .locator('input[type=file]')
    .nth(1)
    .setInputFiles({ name: '档案归档照片.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(liaison.getByRole('link', { name: '档案归档照片.png' })).toBeVisible();
  await liaison.getByRole('button', { name: '提交自评' }).click();
  await confirmWith(liaison, '提交自评');
  await state(liaison, '待验收');

  // The office accepts it: the checked scores start from the unit's and add up to the total shown.
  await office.reload();
  await state(office, '待验收');
  await office
    .getByRole('spinbutton', { name: /验收得分$/ })
    .nth(1)
    .fill('8');
  await office.getByRole('button', { name: '验收通过' }).click();
  await expect(office.getByRole('dialog')).toContainText('验收总分 17 分');
  await confirmWith(office, '验收通过');
  await state(office, '已验收');
  await expect(office.getByText('验收总分 17 分 = 各项指标验收得分之和')).toBeVisible();
  await expect(office.getByText('上次退回原因')).toBeVisible();
  await office.reload();
  await expect(office.getByText('验收总分 17 分 = 各项指标验收得分之和')).toBeVisible();
  await office.screenshot({ path: `${SHOTS}/self-assessment-detail.png`, fullPage: true });

  await liaison.reload();
  await state(liaison, '已验收');
  await expect(liaison.getByRole('button', { name: '提交自评' })).toHaveCount(0);
});
