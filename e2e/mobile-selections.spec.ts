// A resident votes on the phone for a candidate of the demo 好人 campaign: one vote counts, a second one the same
// day is refused with a message saying so.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { phoneSignIn } from './volunteer-fixtures';

test('a resident votes for a 好人 candidate once a day on the phone', async ({ page }) => {
  test.setTimeout(180_000);
  await phoneSignIn(page, 'resident');
  await page.getByText('评选投票').first().click();
  await expect(page).toHaveURL(/\/m\/vote$/);
  await expect(page.getByText('示范市本季度“示范好人”评选', { exact: false })).toBeVisible();
  const row = page.locator('.adm-list-item').filter({ hasText: '郭立新' });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: '投票' }).click();
  await expect(page.getByText('投票成功')).toBeVisible();
  await row.getByRole('button', { name: '投票' }).click();
  await expect(page.getByText('您今天已为该候选人投过票')).toBeVisible();
  await page.screenshot({ path: path.resolve('docs/screenshots/selections-phone-vote.png'), fullPage: true });
});
