import fs from 'node:fs';
import path from 'node:path';
import { type Locator, type Page, expect } from '@playwright/test';

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

/**
 * Pick an option of an antd Select (found by its combobox), optionally typing `search` first, in the
 * select's own dropdown (others may linger, fading). On a busy machine a click can land while the list is
 * redrawn or the drawer still moves, so it is tried again, with short waits, until the choice shows in the
 * select. `check: false` when choosing renames the select itself (the language switch): the caller checks.
 */
export async function chooseOption(
  page: Page,
  field: Locator,
  title: string | RegExp,
  options: { search?: string; check?: boolean } = {},
) {
  const select = field.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await expect(async () => {
    if ((await field.getAttribute('aria-expanded', { timeout: 5_000 })) !== 'true')
      await field.click({ timeout: 5_000 });
    if (options.search !== undefined) await field.fill(options.search, { timeout: 5_000 });
    await expect(field).toHaveAttribute('aria-controls', /.+/, { timeout: 5_000 });
    const listId = await field.getAttribute('aria-controls');
    const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
    await dropdown.getByTitle(title).first().click({ timeout: 5_000 });
    if (options.check === false) return;
    await expect(select).toContainText(title, { timeout: 3_000 });
    await expect(select.locator('.ant-select-placeholder')).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
}

/** A month (YYYY-MM, Asia/Shanghai) counted from today's: the demo's dates are relative to the day it was seeded. */
export function monthFromNow(delta: number): string {
  const local = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + delta, 1));
  return d.toISOString().slice(0, 7);
}
