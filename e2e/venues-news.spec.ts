// An editor writes news and a reviewer publishes it to the public page (工作动态); a station admin opens the demo
// 党史馆's slot calendar with its bookings, the group review queue and the month's usage (场馆预约).
import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect as baseExpect, test } from '@playwright/test';
import { chooseOption, signIn } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
const SHOTS = path.resolve('docs/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

test('an editor writes an article, a reviewer publishes it, and the public page shows it cleaned', async ({
  browser,
}) => {
  const title = `示范街道开展文明交通劝导 ${Date.now() % 100000}`;
  const editor = await browser.newPage();
  await signIn(editor, 'district_admin');
  await editor.goto('/news');
  await editor.getByRole('button', { name: '写稿' }).click();
  const modal = editor.getByRole('dialog');
  await modal.getByLabel('标题').fill(title);
  await chooseOption(editor, modal.getByLabel('地区'), /金川区/, { search: '金川' });
  await modal
    .getByLabel(/正文/)
    .fill('<p>志愿者在路口开展文明交通劝导。</p><script>alert(1)</script><img src="x" onerror="alert(2)">');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  const row = editor.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('草稿');
  await row.getByRole('button', { name: '提交审核' }).click();
  await expect(row).toContainText('待审核');
  await shot(editor, 'venues-news-desk');

  const reviewer = await browser.newPage();
  await signIn(reviewer, 'admin');
  await reviewer.goto('/news');
  const pending = reviewer.getByRole('row').filter({ hasText: title });
  await pending.getByRole('button', { name: '审核发布' }).click();
  await expect(pending).toContainText('已发布');

  const visitor = await browser.newPage();
  await visitor.goto('/public/news');
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByText('志愿者在路口开展文明交通劝导。')).toBeVisible();
  expect(await visitor.locator('.news-body script').count()).toBe(0);
  expect(await visitor.locator('.news-body [onerror]').count()).toBe(0);
  await shot(visitor, 'venues-news-public');
});

test('a station admin opens the 党史馆: slot calendar with bookings, group review and usage', async ({ page }) => {
  await signIn(page, 'station_admin');
  await page.goto('/venues');
  await page.getByRole('link', { name: '示范市党史馆' }).click();
  await expect(page.getByText('预约日历')).toBeVisible();
  await expect(page.getByRole('cell', { name: '09:00–10:30' }).first()).toBeVisible();
  await shot(page, 'venues-calendar');
  await page.getByRole('tab', { name: /待审核团体/ }).click();
  await page.getByRole('tab', { name: '使用率' }).click();
  await expect(page.getByRole('columnheader', { name: '可约名额' })).toBeVisible();
  await shot(page, 'venues-usage');
  await page.getByRole('tab', { name: '现场核验' }).click();
  await page.getByLabel('票码（扫码或输入）').fill('not-a-ticket-code');
  await page.getByRole('button', { name: '核验签到' }).click();
  await expect(page.getByText('票码无效或不属于本场馆')).toBeVisible();
});
