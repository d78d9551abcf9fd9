import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect } from '@playwright/test';

export const PASSWORD = 'Wenming@2026';
export const SHOTS = path.resolve('.tmp/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

/** Sign in through the login page as a person would. */
export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
