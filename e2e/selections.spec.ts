// Selections (评选): the office sees the demo 好人 campaign in its voting week with the live tally and the stage
// buttons of the contracts' machine; the public 好人榜 / 光荣榜 shows the named 道德模范 without signing in.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';

const DOCS = path.resolve('docs/screenshots');
fs.mkdirSync(DOCS, { recursive: true });

test('the office follows a 好人 campaign in voting; the 光荣榜 is public', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin');
  await page.goto('/selections');
  await page.getByRole('link', { name: '示范市本季度“示范好人”评选' }).click();
  await expect(page.getByText('投票中').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '结束投票并公示' })).toBeVisible();
  await expect(page.getByRole('button', { name: '终止评选' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '马春梅' })).toBeVisible();
  await expect(page.getByLabel('实时票数')).toBeVisible();
  await page.screenshot({ path: path.join(DOCS, 'selections-campaign.png'), fullPage: true });

  const anonymous = await browser.newContext({ locale: 'zh-CN' });
  const pub = await anonymous.newPage();
  await pub.goto('/public/honour-roll');
  await expect(pub.getByText('第一届示范市道德模范评选')).toBeVisible();
  await expect(pub.getByText('周建国')).toBeVisible();
  await expect(pub.getByText('见义勇为').first()).toBeVisible();
  await pub.screenshot({ path: path.join(DOCS, 'selections-honour-roll.png'), fullPage: true });
  await anonymous.close();
});
