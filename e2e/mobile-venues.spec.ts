// A resident books a venue's slot on the phone, gets the QR ticket (场馆预约), and the station checks it in at the
// door with the ticket's code. The venue opens in a few minutes, so check-in (from 30 minutes before) is open.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { phoneSignIn, session } from './volunteer-fixtures';

const hhmm = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);

test('a resident books a slot on the phone, shows the QR ticket, and is checked in at the door', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const station = await session(baseURL!, 'station_admin');
  const siteId = (await station.get('me')).user.roles.find((r: any) => r.scope.kind === 'site').scope.ref as string;
  const start = hhmm(new Date(stamp + 10 * 60_000));
  const end = start < '22:50' ? hhmm(new Date(stamp + 70 * 60_000)) : '23:59';
  const name = `文明实践展厅 ${stamp % 100000}`;
  const venue = await station.post('venues', {
    siteId,
    name,
    kind: 'exhibition',
    capacity: 10,
    openingSlots: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end })),
    rules: '凭二维码入馆',
  });

  await phoneSignIn(page, 'resident');
  await page.goto('/m/venues');
  await page.getByText(name).click();
  await page.getByText(`${start}–${end}`).first().click();
  await page.getByLabel('联系人').fill('王晓梅');
  await page.getByRole('button', { name: /预约/ }).click();
  const qr = page.getByRole('img', { name: '入馆时出示二维码或票码' });
  await expect(qr).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.resolve('docs/screenshots/mobile-venues-ticket.png'), fullPage: true });
  const token =
    (
      await page
        .locator('p', { hasText: /^[A-Za-z0-9_-]{12,}$/ })
        .first()
        .textContent()
    )?.trim() ?? '';
  expect(token.length).toBeGreaterThan(8);

  const checked = await station.post(`venues/${venue.id}/check-in`, { token });
  expect(checked).toMatchObject({ status: 'checked_in', contactName: '王晓梅' });
  await page.reload();
  await expect(page.getByText('已签到').first()).toBeVisible();
  await station.dispose();
});
