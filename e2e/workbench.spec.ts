import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './fixtures';

// Issue 14, desktop point 5: every role's desktop home is its workbench — 待办 with links, deadlines, own figures —
// and volunteers and residents get their own pages instead of the office's lists.
const DOCS = path.resolve('docs/screenshots');
fs.mkdirSync(DOCS, { recursive: true });

const roles: { username: string; role: string; todo?: string; figure: string; menu: string[]; hidden: string[] }[] = [
  {
    username: 'admin',
    role: 'office_admin',
    todo: '待验收整改',
    figure: '整改率',
    menu: ['任务清单'],
    hidden: ['我的活动'],
  },
  {
    username: 'district_admin',
    role: 'office_admin-district',
    todo: '待派单问题',
    figure: '逾期问题',
    menu: ['问题清单'],
    hidden: ['审计日志'],
  },
  {
    username: 'inspector',
    role: 'inspector',
    todo: '待检点位',
    figure: '本月督查',
    menu: ['问题清单'],
    hidden: ['任务清单'],
  },
  {
    username: 'unit_liaison',
    role: 'unit_liaison',
    todo: '待报送任务',
    figure: '办理中任务',
    menu: ['任务清单'],
    hidden: ['我的活动'],
  },
  {
    username: 'grid_worker',
    role: 'grid_worker',
    todo: '我上报未办结',
    figure: '我的上报',
    menu: ['问题清单'],
    hidden: [],
  },
  {
    username: 'station_admin',
    role: 'station_admin',
    todo: '待审单',
    figure: '在册志愿者',
    menu: ['服务订单'],
    hidden: ['问题清单'],
  },
  {
    username: 'volunteer',
    role: 'volunteer',
    todo: '可抢订单',
    figure: '时间银行余额',
    menu: ['我的活动', '我的服务时长', '我的订单', '我的时间银行'],
    hidden: ['区划', '实践阵地', '问题清单'],
  },
  {
    username: 'resident',
    role: 'resident',
    todo: '待评价服务',
    figure: '我的点单',
    menu: ['我的订单', '我的上报', '我的时间银行'],
    hidden: ['区划', '实践阵地', '问题清单', '我的活动'],
  },
  {
    username: 'sysadmin',
    role: 'sysadmin',
    todo: '未改初始密码的账号',
    figure: '启用账号',
    menu: ['账号与角色'],
    hidden: [],
  },
  {
    username: 'secadmin',
    role: 'secadmin',
    todo: '被锁定的账号',
    figure: '在线账号',
    menu: ['账号与角色'],
    hidden: [],
  },
  { username: 'auditor', role: 'auditor', figure: '今日审计事件', menu: ['审计日志'], hidden: ['单位'] },
];

/** Wait for the workbench's figures and charts, then keep the page as the role's screenshot. */
async function shootHome(page: Page, role: string) {
  await expect(page.getByText('我的数据')).toBeVisible();
  await page.waitForTimeout(1200); // the small charts' first animation
  await page.screenshot({ path: path.join(DOCS, `desktop-${role}.png`), fullPage: true });
}

for (const r of roles) {
  test(`${r.username}: the home page is the ${r.role} workbench`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, r.username);
    const menu = page.getByRole('navigation', { name: '主菜单' });
    for (const item of r.menu) await expect(menu.getByText(item, { exact: true }).first()).toBeVisible();
    for (const item of r.hidden) await expect(menu.getByText(item, { exact: true })).toHaveCount(0);
    if (r.todo) await expect(page.getByRole('link', { name: new RegExp(`^${r.todo} \\d+$`) })).toBeVisible();
    await expect(page.getByText(r.figure, { exact: true }).first()).toBeVisible();
    // A person's name, not 「王建国（市文明办管理员（全市））」.
    await expect(page.locator('header')).not.toContainText('（市文明办管理员（');
    await shootHome(page, r.role);
    expect(errors).toEqual([]);
  });
}

test('a todo opens the list it counts, filtered', async ({ page }) => {
  await signIn(page, 'admin');
  const card = page.getByRole('link', { name: /^待验收整改 \d+$/ });
  const count = Number((await card.getAttribute('aria-label'))?.split(' ')[1]);
  await card.click();
  await expect(page).toHaveURL(/\/problems\?status=submitted/);
  await expect(page.getByText(`共 ${count} 条`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: '当前位置' })).toContainText('问题清单');
});

test('a deadline opens its record; the role switcher is there only for several roles', async ({ page }) => {
  await signIn(page, 'unit_liaison');
  await expect(page.getByRole('radiogroup', { name: '切换角色' })).toHaveCount(0);
  const first = page.getByRole('listitem').filter({ hasText: '任务' }).first().getByRole('link');
  const title = await first.textContent();
  await first.click();
  await expect(page).toHaveURL(/\/tasks\?task=/);
  await expect(page.locator('.ant-drawer-title')).toHaveText(title ?? '');
});

test('a volunteer reads their hours, activities, orders and time bank on desktop', async ({ page }) => {
  await signIn(page, 'volunteer');
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.getByText('我的服务时长', { exact: true }).click();
  await expect(page.locator('[data-table="my-hours"] tbody tr.ant-table-row').first()).toBeVisible();
  await menu.getByText('我的活动', { exact: true }).click();
  await expect(page.locator('[data-table="my-activities"]')).toBeVisible();
  await page.getByText('可报名', { exact: true }).click();
  await expect(page).toHaveURL(/view=open/);
  await menu.getByText('我的订单', { exact: true }).click();
  await page.getByText('可抢单', { exact: true }).click();
  await expect(page.locator('[data-table="my-orders"] tbody tr.ant-table-row').first()).toBeVisible();
  await menu.getByText('我的时间银行', { exact: true }).click();
  await expect(page.getByText('当前余额')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '当前位置' })).toContainText('我的时间银行');
});

test('a resident follows their own reports and orders on desktop', async ({ page }) => {
  await signIn(page, 'resident');
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.getByText('我的上报', { exact: true }).click();
  await expect(page.locator('[data-table="my-reports"]')).toBeVisible();
  await menu.getByText('我的订单', { exact: true }).click();
  await expect(page.locator('[data-table="my-orders"] tbody tr.ant-table-row').first()).toBeVisible();
  // The office's lists are not the resident's: the regions page is not in reach from the menu.
  await expect(menu.getByText('区划', { exact: true })).toHaveCount(0);
});
