import { expect, type Page, test } from '@playwright/test';
import { PASSWORD, shot } from './fixtures';
import { apiSession, isoDate, LIAISON_UNIT, PNG_1X1 } from './work-fixtures';

/** Two fresh tasks for the liaison's unit in the demo campaign, assigned by the office through the API. */
async function assignTwoTasks(baseURL: string, stamp: string): Promise<[string, string]> {
  const admin = await apiSession(baseURL, 'admin');
  const unit = (await admin.get(`units?q=${encodeURIComponent(LIAISON_UNIT)}`)).items[0];
  const campaign = (await admin.get('campaigns')).items[0];
  const titles: [string, string] = [`手机报送测试任务甲${stamp}`, `手机离线报送测试任务乙${stamp}`];
  for (const title of titles)
    await admin.post(`campaigns/${campaign.id}/tasks`, { title, leadUnitId: unit.id, deadline: isoDate(15) });
  await admin.dispose();
  return titles;
}

async function openMyTask(page: Page, title: string) {
  await page.goto('/m/tasks');
  await page.getByText(title).click();
  await expect(page).toHaveURL(/\/m\/tasks\/[0-9a-f-]{36}$/);
  // The list may stay on screen while the detail loads: wait for what only the detail shows.
  await expect(page.getByText('完成时限')).toBeVisible();
  await expect(page.getByText(title)).toBeVisible();
}

async function fillReport(page: Page, text: string) {
  await page.getByLabel('进展情况').fill(text);
  await page
    .getByLabel('拍照 / 选择照片')
    .setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(page.getByRole('img', { name: '现场照片 1' })).toBeVisible();
}

test('a unit liaison reports progress with a photo on the phone, online and then offline', async ({
  page,
  context,
}) => {
  const stamp = String(Date.now()).slice(-6);
  const [first, second] = await assignTwoTasks(test.info().project.use.baseURL!, stamp);

  await page.goto('/m/login');
  await page.getByLabel('用户名').fill('unit_liaison');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/m$/);
  await page.getByText('我的任务').first().click();
  await expect(page).toHaveURL(/\/m\/tasks$/);
  await expect(page.getByText(first)).toBeVisible();
  await shot(page, 'mobile-my-tasks');

  // Online: photo and entry go out at once.
  await openMyTask(page, first);
  await fillReport(page, '已完成楼道清理，附现场照片。');
  await shot(page, 'mobile-task-report-form');
  await page.getByRole('button', { name: '提交报送' }).click();
  await expect(page.getByText('已报送待审核').first()).toBeVisible();
  await expect(page.getByText('已完成楼道清理，附现场照片。')).toBeVisible();
  await expect(page.getByRole('link', { name: /photo-1\.png/ })).toBeVisible();
  await shot(page, 'mobile-task-reported');

  // Offline: the report waits on the phone and goes out, photo first, once the network is back.
  await openMyTask(page, second);
  await context.setOffline(true);
  await expect(
    page
      .getByText('离线')
      .first()
      .or(page.getByText(/当前离线/)),
  ).toBeVisible();
  await fillReport(page, '离线时填写：已张贴文明公约。');
  await page.getByRole('button', { name: '提交报送' }).click();
  await expect(page.getByText('已保存到本机，联网后自动按顺序发送（照片与台账一起）。')).toBeVisible();
  await shot(page, 'mobile-task-queued-offline');
  await context.setOffline(false);
  await expect(page.getByText('离线时填写：已张贴文明公约。')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('已报送待审核').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /photo-1\.png/ })).toBeVisible();
  await shot(page, 'mobile-task-synced');
});
