import { expect, test } from '@playwright/test';
import { shot, signIn } from './fixtures';

// One account per role; each signs in and its home page shows the menu its permissions allow.
const roles: { username: string; sees: string[]; hidden: string[] }[] = [
  { username: 'admin', sees: ['单位', '人员', '实践阵地'], hidden: ['审计日志'] },
  { username: 'district_admin', sees: ['单位', '区划'], hidden: ['审计日志'] },
  { username: 'inspector', sees: ['区划'], hidden: ['审计日志', '账号与角色'] },
  { username: 'unit_liaison', sees: ['单位'], hidden: ['审计日志'] },
  { username: 'grid_worker', sees: ['网格'], hidden: ['审计日志'] },
  { username: 'station_admin', sees: ['实践阵地'], hidden: ['审计日志'] },
  { username: 'volunteer', sees: [], hidden: ['审计日志', '单位'] },
  { username: 'resident', sees: [], hidden: ['审计日志', '单位'] },
  { username: 'sysadmin', sees: ['账号与角色'], hidden: ['审计日志'] },
  { username: 'secadmin', sees: ['账号与角色'], hidden: ['审计日志'] },
  { username: 'auditor', sees: ['审计日志'], hidden: ['单位', '账号与角色'] },
];

for (const r of roles) {
  test(`${r.username} signs in and sees a home page for its role`, async ({ page }) => {
    await signIn(page, r.username);
    const menu = page.getByRole('menu').first();
    await expect(menu).toBeVisible();
    for (const item of r.sees) await expect(menu.getByText(item, { exact: true }).first()).toBeVisible();
    for (const item of r.hidden) await expect(menu.getByText(item, { exact: true })).toHaveCount(0);
    await shot(page, `home-${r.username}`);
  });
}
