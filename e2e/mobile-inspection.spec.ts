import { expect, test } from '@playwright/test';
import { PASSWORD, shot } from './fixtures';
import { PNG_1X1 } from './work-fixtures';

interface TodayItem {
  planId: string;
  pointId: string;
  name: string;
  done: boolean;
}

test('an inspector inspects a point on the phone with the network cut half-way, and it arrives once', async ({
  page,
  context,
}) => {
  await page.goto('/m/login');
  await page.getByLabel('用户名').fill('inspector');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/m$/);
  await page.getByText('今日点位').first().click();
  await expect(page).toHaveURL(/\/m\/inspect$/);

  const today = (await (await page.request.get('/api/v1/inspections/today')).json()) as { items: TodayItem[] };
  const target = today.items.find((i) => !i.done);
  expect(target, 'a point not inspected yet today').toBeTruthy();
  const { planId, pointId, name } = target!;
  await expect(page.getByRole('img', { name: '点位地图' })).toBeVisible();
  await shot(page, 'mobile-inspect-today');

  await page.getByText(name).first().click();
  await expect(page).toHaveURL(new RegExp(`/m/inspect/${planId}/${pointId}$`));
  const sections = page.locator('section[aria-label]');
  await expect(sections.first()).toBeVisible();

  // The first standard is not met: a note and a photo from the camera.
  const first = sections.first();
  const code = ((await first.getAttribute('aria-label')) ?? '').split(' ')[0];
  await first.getByText('不符合', { exact: true }).click();
  await first.getByPlaceholder('不符合时写明发现的问题').fill('地面有烟头、纸屑，未及时清扫');
  // The inspector picks the problem's category and severity for the finding.
  const categories = (await (await page.request.get('/api/v1/problem-categories')).json()) as {
    code: string;
    name: string;
  }[];
  const category = categories.find((c) => c.code !== 'other')!;
  await first.getByText(category.name, { exact: true }).click();
  await first.getByText('严重', { exact: true }).click();
  await first
    .getByLabel(`拍照 ${code}`)
    .setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(first.getByRole('img', { name: `照片 ${code}-1` })).toBeVisible();
  await sections.nth(1).getByText('符合', { exact: true }).click();

  // Half-way through, the network goes.
  await context.setOffline(true);
  await expect(page.getByText(/当前离线/)).toBeVisible();
  await sections.nth(2).getByText('不适用', { exact: true }).click();
  await page.getByRole('button', { name: '其余标为符合' }).click();
  // The framework's negative list is on the checklist too: one item found, with a note.
  const checklist = await (await page.request.get(`/api/v1/points/${pointId}/checklist?planId=${planId}`)).json();
  const negative = checklist.negativeItems.find((n: { effect: string }) => n.effect === 'deduct');
  expect(negative, 'the demo framework has a deducting negative item').toBeTruthy();
  await page.getByText(`${negative.code} ${negative.name}`).click();
  await page.getByPlaceholder('负面情形说明').fill('门前堆放杂物');
  await expect(page.getByRole('status', { name: '实时得分' })).toContainText('得分率');
  await shot(page, 'mobile-inspect-checklist');
  await page.getByRole('button', { name: '提交测评' }).click();
  // A confirmation sums up the inspection before it is queued.
  await expect(page.getByRole('dialog')).toContainText('问题 1 项，照片 1 张，负面清单 1 项');
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('测评已保存在本机，联网后将自动发送（照片在前）。')).toBeVisible();
  await shot(page, 'mobile-inspect-queued-offline');

  // Back online: the queue flushes by itself (photo first, then the inspection).
  await context.setOffline(false);
  await expect(page.getByText('测评已送达服务器').first()).toBeVisible({ timeout: 30_000 });
  await shot(page, 'mobile-inspect-synced');

  const list = await (await page.request.get(`/api/v1/inspections?planId=${planId}&pointId=${pointId}`)).json();
  expect(list.total).toBe(1);
  const inspection = await (await page.request.get(`/api/v1/inspections/${list.items[0].id}`)).json();
  const finding = inspection.observations.find((o: { result: string }) => o.result === 'not_met');
  expect(finding.photoFileIds).toHaveLength(1);
  expect(finding.problemId).toBeTruthy();
  const problem = await page.request.get(`/api/v1/problems/${finding.problemId}`);
  expect(problem.ok()).toBeTruthy();
  const problemView = await problem.json();
  expect(problemView.source).toBe('inspection');
  expect(problemView.category.code).toBe(category.code);
  expect(problemView.severity).toBe('high');
  expect(inspection.negativeItems).toEqual([
    expect.objectContaining({ negativeItemId: negative.id, note: '门前堆放杂物', photoFileIds: [] }),
  ]);

  // The finding's problem on the phone, with its before photo.
  await page.goto(`/m/problems/${finding.problemId}`);
  await expect(page.getByRole('img', { name: '整改前 1' })).toBeVisible();
  await shot(page, 'mobile-problem-detail');
});
