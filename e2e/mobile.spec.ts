import { expect, test } from '@playwright/test';
import { PASSWORD, shot } from './fixtures';

test('a grid worker signs in on the phone and the page follows the network going away and back', async ({
  page,
  context,
}) => {
  await page.goto('/m/login');
  await page.getByLabel('用户名').fill('grid_worker');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/m$/);
  await expect(page.getByText('我的角色')).toBeVisible();
  await expect(page.getByText('网格员').first()).toBeVisible();
  await expect(page.getByText('没有待同步的内容')).toBeVisible();
  await expect(page.getByText('在线').first()).toBeVisible();
  await shot(page, 'mobile-home');
  await context.setOffline(true);
  await expect(page.getByText('离线').first()).toBeVisible();
  await shot(page, 'mobile-offline');
  await context.setOffline(false);
  await expect(page.getByText('在线').first()).toBeVisible();
});
