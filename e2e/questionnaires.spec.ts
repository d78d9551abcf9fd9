import { type Browser, devices, expect, type Page, test } from '@playwright/test';
import { signIn } from './fixtures';

// 问卷调查: the office creates a public questionnaire (a blank question is refused under its field), copies its link,
// a resident opens it signed out on a phone and answers, the same phone cannot answer again, and the office sees the
// count and the rates change.

const SHOTS = 'docs/screenshots';
const TITLE = '示范市文明城市创建市民满意度调查（测试）';

async function office(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, 'admin');
  return page;
}

test('questionnaire: create with field errors, public link and QR, answer signed out once, results count', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await office(browser);
  await admin.getByRole('menuitem', { name: '问卷调查' }).click();
  await expect(admin).toHaveURL(/\/questionnaires$/);
  await admin.getByRole('button', { name: '新建问卷' }).click();
  const drawer = admin.getByRole('dialog');
  await drawer.getByLabel('问卷名称').fill(TITLE);
  await drawer.getByLabel('问卷说明').fill('请根据您的切身感受作答，约需 1 分钟。');
  // Only spaces: the server refuses the question, and says so under its text.
  await drawer.getByRole('textbox', { name: '第 1 题 题目内容' }).fill('   ');
  await drawer.getByRole('button', { name: '添加题目' }).click();
  await drawer.getByRole('textbox', { name: '第 2 题 题目内容' }).fill('您对所在社区的环境卫生是否满意？');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  const firstText = drawer
    .locator('.ant-form-item')
    .filter({ has: admin.getByRole('textbox', { name: '第 1 题 题目内容' }) });
  await expect(firstText.locator('.ant-form-item-explain-error')).toBeVisible();
  await drawer.screenshot({ path: `${SHOTS}/questionnaire-form.png` });
  await drawer.getByRole('textbox', { name: '第 1 题 题目内容' }).fill('您是否知道我市正在创建全国文明城市？');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();

  await expect(admin).toHaveURL(/\/questionnaires\/[0-9a-f-]{36}$/);
  await expect(admin.getByTestId('qn-response-count')).toHaveText('0');
  const link = await admin.getByRole('textbox', { name: '公众答卷链接' }).inputValue();
  expect(link).toMatch(/\/m\/survey\/[A-Za-z0-9_-]+$/);
  await expect(admin.getByRole('img', { name: '答卷二维码' }).locator('svg')).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/questionnaire-detail.png` });

  // A resident, signed out, on a phone.
  const phone = await (await browser.newContext({ ...devices['Pixel 7'], locale: 'zh-CN' })).newPage();
  await phone.goto(link);
  await expect(phone.getByText(TITLE)).toBeVisible();
  // Hundreds of communities: the resident types part of the name and taps it.
  await phone.getByRole('textbox', { name: '您所在的社区（村）' }).fill('龙集');
  await phone.locator('.adm-check-list-item').first().click();
  await expect(phone.locator('.adm-tag').filter({ hasText: '龙集' })).toBeVisible();
  await phone
    .locator('.adm-form-item')
    .filter({ hasText: '创建全国文明城市' })
    .getByText('知道', { exact: true })
    .click();
  await phone.locator('.adm-form-item').filter({ hasText: '环境卫生' }).getByText('比较满意', { exact: true }).click();
  await phone.screenshot({ path: `${SHOTS}/questionnaire-public-phone.png`, fullPage: true });
  await phone.getByRole('button', { name: '提交答卷' }).click();
  await expect(phone.getByText('提交成功，感谢参与！')).toBeVisible();
  // The same phone comes back: it is told it has answered, and no form is offered.
  await phone.reload();
  await expect(phone.getByText('本机已提交过这份问卷，每台手机只能答一次')).toBeVisible();
  await expect(phone.getByRole('button', { name: '提交答卷' })).toHaveCount(0);

  // The office sees one answer, 100% awareness and 100% satisfaction.
  await admin.reload();
  await expect(admin.getByTestId('qn-response-count')).toHaveText('1');
  const results = admin.locator('.ant-card').filter({ hasText: '统计结果' });
  await expect(results.locator('.ant-statistic').filter({ hasText: '答卷总数' })).toContainText('1');
  await expect(results.locator('.ant-statistic').filter({ hasText: '知晓率' })).toContainText('100');
  await expect(results.getByRole('img', { name: '各区划知晓率、满意率' })).toBeVisible();
  await results.screenshot({ path: `${SHOTS}/questionnaire-results.png` });

  // Closed, the link takes no more answers.
  await admin.getByRole('button', { name: '结束收集' }).click();
  await expect(admin.getByText('问卷已结束，链接暂不可作答')).toBeVisible();
  const other = await (await browser.newContext({ ...devices['Pixel 7'], locale: 'zh-CN' })).newPage();
  await other.goto(link);
  await expect(other.getByText('问卷不存在或已结束')).toBeVisible();
});
