// Desktop journey of the time bank's branches (issue 18): the office sees the head branch with its grid branches,
// is refused a branch it cannot open (in words), renames a branch, sees the head branch's manager, moves an account
// with its balance to another branch, and reads the month's reconciliation summing to zero.
import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { chooseOption, signIn } from './fixtures';

const DOCS = path.resolve('docs/screenshots');
fs.mkdirSync(DOCS, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(DOCS, `timebank-branches-${name}.png`), fullPage: true });

test.beforeEach(async ({ page }) => {
  await signIn(page, 'admin');
});

test('branches are opened, staffed and reconciled from the desktop', async ({ page }) => {
  await page.goto('/timebank-branches');
  await expect(page.getByText('总行与分行管理')).toBeVisible();
  const headRow = page.getByRole('row').filter({ hasText: '时间银行总行' }).first();
  await expect(headRow).toBeVisible();
  await expect(
    page
      .getByRole('row')
      .filter({ has: page.locator('.ant-tag', { hasText: /^分行$/ }) })
      .first(),
  ).toBeVisible();
  await shot(page, 'tree');

  // A grid already with a branch, or of a community without a head branch: the form says so in words.
  const firstBranch = page
    .getByRole('row')
    .filter({ has: page.locator('.ant-tag', { hasText: /^分行$/ }) })
    .first();
  const branchName = (await firstBranch.getByRole('link').first().textContent())?.trim() ?? '';
  await page.getByRole('button', { name: '开设网点' }).click();
  const create = page.getByRole('dialog', { name: '开设网点' });
  await create.getByLabel('网点名称').fill('重复的分行');
  await chooseOption(page, create.getByLabel('所属网格'), /.+/);
  await create.getByRole('button', { name: /确\s*定/ }).click();
  await expect(create.getByText(/已有总行|已有分行|请先为该网格所在社区开设总行/)).toBeVisible();
  await shot(page, 'conflict');
  await create.getByRole('button', { name: /取\s*消/ }).click();

  // Rename a branch.
  await firstBranch.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改' });
  await edit.getByLabel('网点名称').fill(`${branchName}（便民）`);
  await edit.getByRole('button', { name: /确\s*定/ }).click();
  await expect(edit).toBeHidden();
  const renamed = page
    .getByRole('row')
    .filter({ hasText: `${branchName}（便民）` })
    .first();
  await expect(renamed).toBeVisible();
  // The head branch's manager (行长) from the demo seed shows in its row.
  await expect(headRow).not.toContainText('—');
  await shot(page, 'managers');

  // Move a volunteer's account, with its balance, to another branch.
  await page.goto('/timebank?kind=volunteer');
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: '转移网点' }) })
    .first();
  const holder = (await row.getByRole('link').first().textContent())?.trim() ?? '';
  await row.getByRole('button', { name: '转移网点' }).click();
  const move = page.getByRole('dialog', { name: `转移 ${holder} 的账户` });
  await expect(move.getByText(/总额不变/)).toBeVisible();
  await chooseOption(page, move.getByLabel('转入网点'), /.+/);
  await move.getByRole('button', { name: /确\s*定/ }).click();
  await expect(move).toBeHidden();
  await shot(page, 'moved');

  // The month's reconciliation: every branch agrees with its accounts and the bank sums to zero.
  await page.goto('/timebank-reconciliation');
  await expect(page.getByText('各网点与全行合计为零，账实相符')).toBeVisible();
  await expect(page.getByRole('cell', { name: '时间发行账户（不属任何网点）' })).toBeVisible();
  await expect(page.locator('.ant-tag-red').filter({ hasText: /^-?\d+\.\d{2}$/ })).toHaveCount(0);
  await shot(page, 'reconciliation');
});
