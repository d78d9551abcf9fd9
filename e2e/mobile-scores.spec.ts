// Scores that explain themselves and orders and hours on the phone (issue 14, points 7 and 10): each standard of
// the checklist shows the points it earns and the rule behind them; the 抢单大厅 lists every open offer of the area,
// those fitting the volunteer's skills marked; my hours and the time bank agree and name what earned each line.
import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { phoneSignIn } from './volunteer-fixtures';

const DIR = path.resolve('docs/screenshots');
fs.mkdirSync(DIR, { recursive: true });
const shot = async (page: Page, name: string) => {
  await page.waitForLoadState('networkidle');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} overflows the phone width`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(DIR, `scores-mobile-${name}.png`), fullPage: true });
};

interface Standard {
  id: string;
  code: string;
  name: string;
  points: number;
  scoringRule: { kind: string; perFinding?: number; floor?: number };
}

test('the checklist says why 不符合 keeps part of the points under 按问题扣分, and none under 达标/不达标', async ({
  page,
}) => {
  await phoneSignIn(page, 'inspector');
  const today = await (await page.request.get('/api/v1/inspections/today')).json();
  const target = today.items.find((i: { done: boolean }) => !i.done) ?? today.items[0];
  const checklist = await (
    await page.request.get(`/api/v1/points/${target.pointId}/checklist?planId=${target.planId}`)
  ).json();
  const standards = checklist.standards as Standard[];
  const deduct = standards.find((s) => s.scoringRule.kind === 'deduct' && (s.scoringRule.perFinding ?? 0) < s.points);
  const check = standards.find((s) => s.scoringRule.kind === 'check');
  expect(deduct, 'the checklist has a standard scored 按问题扣分').toBeTruthy();
  await page.goto(`/m/inspect/${target.planId}/${target.pointId}`);
  const section = page.locator(`section[aria-label="${deduct!.code} ${deduct!.name}"]`);
  await section.getByText('不符合', { exact: true }).click();
  const note = page.getByRole('note', { name: `本项得分 ${deduct!.code}` });
  const kept = Math.round((deduct!.points - deduct!.scoringRule.perFinding!) * 100) / 100;
  await expect(note).toContainText(`得 ${kept} / ${deduct!.points} 分`);
  await expect(note).toContainText(`按问题扣分：每处扣 ${deduct!.scoringRule.perFinding} 分`);
  await expect(note).toContainText('记 1 处');
  if (check) {
    const plain = page.locator(`section[aria-label="${check.code} ${check.name}"]`);
    await plain.getByText('不符合', { exact: true }).click();
    const why = page.getByRole('note', { name: `本项得分 ${check.code}` });
    await expect(why).toContainText(`得 0 / ${check.points} 分`);
    await expect(why).toContainText('不达标，不得分');
    await plain.scrollIntoViewIfNeeded();
  }
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(DIR, 'scores-mobile-checklist-reason.png') });
});

test('a volunteer sees every open offer of the area, skill matches first and marked', async ({ page }) => {
  await phoneSignIn(page, 'volunteer');
  const offered = await (await page.request.get('/api/v1/orders?mine=offered')).json();
  const titles = offered.items.map((o: { title: string }) => o.title);
  // 课业辅导 needs tutoring, which the demo volunteer lacks: shown all the same, without the mark.
  expect(titles).toEqual(expect.arrayContaining(['课业辅导', '微心愿：一个新书包']));
  const flags = offered.items.map((o: { skillMatch: boolean }) => o.skillMatch);
  expect(flags).toEqual([...flags].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
  await page.goto('/m/orders');
  const list = page.locator('[aria-label="抢单大厅"]').last();
  const tutoring = list.locator('.adm-list-item').filter({ hasText: '课业辅导' });
  await expect(tutoring).toBeVisible();
  await expect(tutoring.getByText('技能匹配')).toHaveCount(0);
  await expect(list.locator('.adm-list-item').filter({ hasText: '微心愿' }).getByText('技能匹配')).toBeVisible();
  await shot(page, 'grab');
});

test('my hours and the time bank agree, and name the activity or order that earned each line', async ({ page }) => {
  await phoneSignIn(page, 'volunteer');
  const me = await (await page.request.get('/api/v1/volunteers/me')).json();
  await page.goto('/m/hours');
  await expect(page.locator('.adm-list-item').filter({ hasText: '已确认时长' })).toContainText(
    `${me.confirmedHours} 小时`,
  );
  await expect(page.getByText(/^服务订单：健康义诊（FW\d{8}-\d{6}）$/)).toBeVisible();
  await shot(page, 'my-hours');
  await page.goto('/m/timebank');
  await page.getByText('本年', { exact: true }).click();
  await expect(page.getByText(/^服务订单：健康义诊（FW\d{8}-\d{6}）$/)).toBeVisible();
  await expect(page.getByText(/^活动：/).first()).toBeVisible();
  await shot(page, 'timebank');
});
