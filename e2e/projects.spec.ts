import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';

// 品牌项目: the station finds the demo brand project and its activities, creates a project of its site (a project
// without a site or team is refused under the field), and edits it.

const SHOTS = 'docs/screenshots';

test('brand projects: list, page with activities, create with a field error, edit', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, 'station_admin');
  await page.getByRole('menuitem', { name: '品牌项目' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  const row = page.getByRole('row').filter({ hasText: '文明实践·邻里守望' });
  await expect(row.getByText('品牌', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/projects-list.png`, fullPage: true });

  await row.getByRole('link', { name: '文明实践·邻里守望' }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const activities = page.locator('.ant-card').filter({ hasText: '项目活动' });
  await expect(activities.getByRole('row').nth(1)).toBeVisible();
  expect(Number(await page.getByTestId('proj-activity-count').textContent())).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/projects-detail.png`, fullPage: true });

  await page.goto('/projects');
  await page.getByRole('button', { name: '新建项目' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('项目名称').fill('“文明餐桌”光盘行动');
  await drawer.getByLabel('项目简介').fill('倡导节约用餐，组织志愿者在社区食堂宣传。');
  // The station's own site is filled in; cleared, the project belongs to nobody and is refused.
  await expect(drawer.getByLabel('所属区划')).toBeVisible();
  // Hovering waits for the drawer to finish sliding in (a stable element) and shows the select's clear button.
  const site = drawer.locator('.ant-form-item').filter({ hasText: '实践阵地' }).locator('.ant-select').first();
  await site.hover();
  await site.locator('.ant-select-clear').click();
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer.getByText('请选择实践阵地或志愿服务队伍')).toBeVisible();
  await drawer.screenshot({ path: `${SHOTS}/projects-form.png` });
  await drawer.getByRole('button', { name: /取\s*消/ }).click();

  await page.getByRole('button', { name: '新建项目' }).click();
  const again = page.getByRole('dialog');
  await again.getByLabel('项目名称').fill('“文明餐桌”光盘行动');
  await expect(
    again
      .locator('.ant-form-item')
      .filter({ hasText: '所属区划' })
      .locator('.ant-select-content, .ant-select-selection-item')
      .first(),
  ).not.toBeEmpty();
  await again.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByText('还没有活动；在“志愿服务活动”中发布活动时可归入本项目')).toBeVisible();

  await page.getByRole('button', { name: '编辑项目' }).click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('项目名称').fill('“文明餐桌”光盘行动（第二季）');
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('.ant-card-head').getByText('“文明餐桌”光盘行动（第二季）')).toBeVisible();
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: '最近修改' })).toContainText(/\d{4}/);
});
