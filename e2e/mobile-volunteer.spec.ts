import { expect, test } from '@playwright/test';
import {
  newIdCard,
  newVolunteerAccount,
  phonePage,
  phoneShot,
  phoneSignIn,
  session,
  spoilCheckDigit,
} from './volunteer-fixtures';
import { PNG_1X1 } from './work-fixtures';

// The activity's place and the phone's position on site (示范市 金川区); 2 km north is outside the geofence.
const SITE = { latitude: 38.5202, longitude: 102.1878 };
const AWAY = { latitude: 38.5382, longitude: 102.1878 };

test.describe.configure({ mode: 'serial' });

/** The volunteer the first journey registers; the order journey serves with them. */
const shared = { username: '', volunteerId: '', community: '' };

test('a new volunteer registers, signs up, checks in and out by QR, and sees the confirmed hours in the time bank', async ({
  page,
  context,
  baseURL,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const username = await newVolunteerAccount(baseURL!, `vol_e2e_${stamp}`);
  const station = await session(baseURL!, 'station_admin');
  // The community with a time bank head branch (总行), so that the volunteer's account has a catalogue.
  const branches = await station.get('timebank/branches');
  const community = branches.find((b: any) => b.kind === 'head').regionCode as string;
  const siteId = (await station.get('me')).user.roles.find((r: any) => r.scope.kind === 'site').scope.ref as string;

  // The organiser publishes an activity that runs now, at the place the phone will be.
  const title = `社区环境整治志愿服务 ${stamp % 100000}`;
  const activity = await station.post('activities', {
    title,
    type: 'environment',
    description: '清理楼道杂物、张贴文明宣传画',
    siteId,
    regionCode: community,
    place: '金川区示范社区文化广场',
    lat: SITE.latitude,
    lng: SITE.longitude,
    radiusM: 300,
    startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
    recruitLimit: 20,
  });

  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(SITE);
  await phoneSignIn(page, username);
  await phoneShot(page, '01-home-unregistered');

  // Registration: the ID number's check digit is checked on the phone before anything is sent.
  await page.getByText('志愿者注册').first().click();
  await expect(page).toHaveURL(/\/m\/volunteer\/register$/);
  const idCard = newIdCard(stamp);
  await page.getByRole('textbox', { name: '真实姓名' }).fill('林晓文');
  await page.getByRole('textbox', { name: '居民身份证号' }).fill(spoilCheckDigit(idCard));
  await page.getByRole('textbox', { name: '手机号' }).fill('1390937' + String(stamp % 10000).padStart(4, '0'));
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page.getByText('身份证号校验位不正确，请核对')).toBeVisible();
  await expect(page.getByText('请填写所在社区（村）')).toBeVisible();
  await expect(page.getByText('请至少选择一项')).toBeVisible();
  await phoneShot(page, '02-register-field-errors');
  await page.getByRole('textbox', { name: '居民身份证号' }).fill(idCard);
  // A new account's scope is its own record: it finds its community by name all the same.
  const communityName = (await station.get(`regions/lookup?q=${community}`))[0].name as string;
  await page.getByRole('textbox', { name: '所在社区（村）' }).fill(communityName);
  await expect(page.locator('.adm-check-list-item').filter({ hasText: communityName }).first()).toBeVisible();
  await phoneShot(page, '02b-register-community-found');
  await page.locator('.adm-check-list-item').filter({ hasText: communityName }).first().click();
  await expect(page.locator('.adm-tag').filter({ hasText: communityName })).toBeVisible();
  await page.getByText('生态环保', { exact: true }).click();
  await page.getByText('环境整治', { exact: true }).click();
  await page.getByText('周六上午', { exact: true }).click();
  await page.getByText('共青团员', { exact: true }).click();
  await page.getByText('本科', { exact: true }).click();
  await page.getByRole('button', { name: '提交注册' }).click();
  const done = page.getByRole('status').filter({ hasText: '注册成功' });
  await expect(done).toBeVisible();
  const number = ((await done.textContent()) ?? '').match(/V\d+/)?.[0];
  expect(number).toBeTruthy();
  await phoneShot(page, '03-register-done');

  // The activity list and the detail: sign up.
  await page.goto('/m/activities');
  await page.getByText(title).click();
  await expect(page).toHaveURL(new RegExp(`/m/activities/${activity.id}$`));
  await page.getByRole('button', { name: '我要报名' }).click();
  await expect(page.getByRole('button', { name: '扫码签到' })).toBeVisible();
  await expect(page.getByText('1 / 20 人')).toBeVisible();
  await phoneShot(page, '04-activity-signed-up');
  await page.goto('/m/activities');
  await expect(page.locator('.adm-list-item').filter({ hasText: title })).toContainText('已报名');
  await phoneShot(page, '05-activity-list');

  // Check-in: a wrong code and a phone away from the place are refused with clear messages.
  await page.goto(`/m/activities/${activity.id}`);
  await page.getByRole('button', { name: '扫码签到' }).click();
  await expect(page).toHaveURL(/\/scan\/in$/);
  const codeField = page.getByRole('textbox', { name: '签到码' });
  await codeField.fill('wenming-checkin:' + activity.id + ':AAAAAAAAAAAAAAAA');
  await page.getByRole('button', { name: '提交签到码' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '签到码已过期或无效' })).toBeVisible();
  await context.setGeolocation(AWAY);
  await codeField.fill((await station.get(`activities/${activity.id}/qr`)).payload);
  await page.getByRole('button', { name: '提交签到码' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /您不在活动地点范围内（距离约 \d+ 米）/ })).toBeVisible();
  await phoneShot(page, '06-checkin-outside-geofence');
  await context.setGeolocation(SITE);
  await codeField.fill((await station.get(`activities/${activity.id}/qr`)).payload);
  await page.getByRole('button', { name: '提交签到码' }).click();
  await expect(page.getByRole('status').filter({ hasText: '签到成功' })).toBeVisible();
  await phoneShot(page, '07-checkin-done');

  // Check-out with the code of the moment.
  await page.goto(`/m/activities/${activity.id}`);
  await page.getByRole('button', { name: '扫码签退' }).click();
  await page.getByRole('textbox', { name: '签到码' }).fill((await station.get(`activities/${activity.id}/qr`)).token);
  await page.getByRole('button', { name: '提交签到码' }).click();
  await expect(page.getByRole('status').filter({ hasText: '签退成功' })).toBeVisible();
  await phoneShot(page, '08-checkout-done');

  // The organiser corrects the span to two hours (audited) and confirms the hours (谁记录谁证明).
  const signups = await station.get(`activities/${activity.id}/signups`);
  const mine = signups.items.find((s: any) => s.volunteerNumber === number);
  const checkOutAt = new Date();
  await station.post(`activities/${activity.id}/attendance/${mine.volunteerId}/correct`, {
    checkInAt: new Date(checkOutAt.getTime() - 2 * 3600_000).toISOString(),
    checkOutAt: checkOutAt.toISOString(),
    reason: '现场签到设备故障，按签到表补正',
  });
  await page.goto('/m/hours');
  await expect(page.getByText('待确认').first()).toBeVisible();
  await station.post(`activities/${activity.id}/hours/confirm`, { volunteerIds: [mine.volunteerId] });

  // My hours: confirmed, star progress, certificate.
  await page.reload();
  const total = page.locator('.adm-list-item').filter({ hasText: '已确认时长' });
  await expect(total).toContainText('2 小时');
  await expect(page.getByText('距 1 星还差 98 小时')).toBeVisible();
  await expect(page.getByText('已确认', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '开具志愿服务证明（PDF）' }).click();
  const link = page.getByRole('link', { name: /志愿服务证明 ZYFW\d+（2 小时）PDF/ });
  await expect(link).toBeVisible();
  await phoneShot(page, '09-my-hours');
  const pdf = await page.request.get((await link.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The time bank holds the deposit.
  await page.goto('/m/timebank');
  await expect(page.getByRole('region', { name: '当前余额' })).toContainText('2 小时');
  await expect(page.getByText('服务时长存入')).toBeVisible();
  await phoneShot(page, '10-timebank');

  // Redeem goods of the branch: the cheapest item, and the code shows.
  await page.getByRole('button', { name: '兑换物品' }).click();
  await phoneShot(page, '11-timebank-goods');
  const item = page.locator('.adm-list-item').filter({ hasText: '理发服务券' });
  await item.getByRole('button', { name: '兑换' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('status', { name: '兑换成功，兑换码' })).toHaveText(/^[A-Z0-9]{8}$/);
  await expect(page.getByText('当前余额 1 小时')).toBeVisible();
  await phoneShot(page, '12-timebank-redeemed');

  // Half an hour of what is left goes to a fund (捐赠): the funds are named to the volunteer.
  await page.goto('/m/timebank/give/fund');
  await page.locator('.adm-selector-item').first().click();
  await page.getByRole('spinbutton', { name: '时长（小时）' }).fill('0.5');
  await page.getByRole('button', { name: '捐赠' }).click();
  await expect(page.getByText('已捐赠 0.5 小时，谢谢！')).toBeVisible();
  await expect(page).toHaveURL(/\/m\/timebank$/);
  await expect(page.getByText('0.5 小时').first()).toBeVisible();
  await phoneShot(page, '12b-timebank-donated');

  // A second registration of the same ID number (the demo resident) points to the existing record.
  const residentPage = await phonePage(browser);
  await phoneSignIn(residentPage, 'resident');
  await residentPage.goto('/m/volunteer/register');
  await residentPage.getByRole('textbox', { name: '真实姓名' }).fill('林晓文');
  await residentPage.getByRole('textbox', { name: '居民身份证号' }).fill(idCard);
  await residentPage.getByRole('textbox', { name: '手机号' }).fill('13909370000');
  await residentPage.getByRole('textbox', { name: '所在社区（村）' }).fill(community); // by its code
  await residentPage.locator('.adm-check-list-item').filter({ hasText: communityName }).first().click();
  await residentPage.getByText('助老服务', { exact: true }).click();
  await residentPage.getByRole('button', { name: '提交注册' }).click();
  await expect(
    residentPage.getByRole('alert').filter({ hasText: `该身份证号已注册，已有志愿者记录：${number}` }),
  ).toBeVisible();
  await phoneShot(residentPage, '13-register-duplicate');
  await residentPage.context().close();

  shared.username = username;
  shared.volunteerId = mine.volunteerId;
  shared.community = community;
  await station.dispose();
});

test('a resident orders a service, the station dispatches it, the volunteer accepts and completes it, the resident rates it', async ({
  page,
  baseURL,
  browser,
}) => {
  test.setTimeout(180_000);
  expect(shared.username, 'the registration journey ran first').toBeTruthy();
  const station = await session(baseURL!, 'station_admin');
  const stamp = Date.now() % 100000;

  // The resident orders 楼道清理 from the menu; a double tap stores the order once.
  await phoneSignIn(page, 'resident');
  await page.getByText('群众点单').first().click();
  await expect(page).toHaveURL(/\/m\/services$/);
  await phoneShot(page, '20-service-menu');
  await page.getByRole('button', { name: '点单 楼道清理' }).first().click();
  const need = `3 单元楼道堆放纸箱和旧家具，需要清理（${stamp}）`;
  await page.getByRole('textbox', { name: '需求描述' }).fill(need);
  await page.getByRole('textbox', { name: '服务地址' }).fill('金川区示范社区 3 号楼 3 单元');
  await page.getByText('急事快办', { exact: true }).click();
  await phoneShot(page, '21-order-form');
  await page.getByRole('button', { name: '提交', exact: true }).dblclick();
  await expect(page).toHaveURL(/\/m\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByText('待审单').first()).toBeVisible();
  const orderId = page.url().split('/').pop()!;
  const resident = await session(baseURL!, 'resident');
  const mineOrders = await resident.get('orders?mine=ordered&pageSize=100');
  expect(mineOrders.items.filter((o: any) => o.description === need)).toHaveLength(1);
  await phoneShot(page, '22-order-submitted');

  // The station reviews it and dispatches it to the new volunteer (office steps through the API).
  await station.post(`orders/${orderId}/transitions`, { action: 'review' });
  await station.post(`orders/${orderId}/transitions`, { action: 'dispatch', volunteerId: shared.volunteerId });

  // The volunteer finds it under 派给我的, accepts and completes it with notes, a photo and hours.
  const volunteerPage = await phonePage(browser);
  await phoneSignIn(volunteerPage, shared.username);
  await volunteerPage.getByText('接单服务').first().click();
  await volunteerPage.getByText('派给我的', { exact: true }).click();
  const { number: orderNumber } = await resident.get(`orders/${orderId}`);
  await volunteerPage.getByText(orderNumber).click();
  await expect(volunteerPage).toHaveURL(new RegExp(`/m/orders/${orderId}$`));
  await phoneShot(volunteerPage, '23-order-dispatched-to-me');
  await volunteerPage.getByRole('button', { name: '接单', exact: true }).click();
  await expect(volunteerPage.getByText('服务中').first()).toBeVisible();
  await volunteerPage
    .getByRole('textbox', { name: '服务情况' })
    .fill('已清理楼道纸箱 6 个、旧沙发 1 件，张贴文明楼道提示');
  await volunteerPage.getByRole('spinbutton', { name: '服务时长（小时）' }).fill('1.5');
  await volunteerPage.getByLabel('拍照').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(volunteerPage.getByRole('img', { name: '照片 1' })).toBeVisible();
  await phoneShot(volunteerPage, '24-order-complete-form');
  await volunteerPage.getByRole('button', { name: '完成服务' }).click();
  await expect(volunteerPage.getByText('待评价').first()).toBeVisible();
  await expect(volunteerPage.getByRole('img', { name: '服务照片 1' })).toBeVisible();
  await phoneShot(volunteerPage, '25-order-completed');

  // The resident rates it five stars with a comment.
  await page.reload();
  await expect(page.getByText('待评价').first()).toBeVisible();
  await page.getByRole('button', { name: '5 星', exact: true }).click();
  await page.getByRole('textbox', { name: '评价内容' }).fill('志愿者很热心，清理得很干净');
  await page.getByRole('button', { name: '评价服务' }).click();
  await expect(page.getByText('已评价').first()).toBeVisible();
  await expect(page.getByText('志愿者很热心，清理得很干净')).toBeVisible();
  await phoneShot(page, '26-order-rated');
  const rated = await resident.get(`orders/${orderId}`);
  expect(rated.status).toBe('rated');
  expect(rated.rating).toBe(5);
  expect(rated.history.map((h: any) => h.action)).toEqual([
    'create',
    'review',
    'dispatch',
    'accept',
    'complete',
    'rate',
  ]);

  // A 微心愿 offered for grabbing: another volunteer takes it first, so this volunteer's tap answers 409.
  const wish = await resident.post('orders', {
    siteId: rated.site.id,
    kind: 'wish',
    title: '想要一本新华字典',
    description: `孙子上小学需要一本新华字典（${stamp}）`,
    address: '金川区示范社区 5 号楼',
    urgency: 'routine',
  });
  await station.post(`orders/${wish.id}/transitions`, { action: 'review' });
  await station.post(`orders/${wish.id}/transitions`, { action: 'offer' });
  await volunteerPage.goto('/m/orders');
  await expect(volunteerPage.getByText('想要一本新华字典')).toBeVisible();
  await phoneShot(volunteerPage, '27-orders-to-grab');
  await volunteerPage.getByText('想要一本新华字典').click();
  await expect(volunteerPage.getByRole('button', { name: '抢单' })).toBeVisible();
  const rival = await newVolunteerAccount(baseURL!, `vol_rival_${Date.now()}`);
  const rivalSession = await session(baseURL!, rival);
  await rivalSession.post('volunteers', {
    name: '周建国',
    idCard: newIdCard(Date.now() + 7),
    phone: '13909371234',
    regionCode: shared.community,
    skills: ['cleaning'],
  });
  await rivalSession.post(`orders/${wish.id}/transitions`, { action: 'accept' });
  await volunteerPage.getByRole('button', { name: '抢单' }).click();
  await expect(volunteerPage.getByRole('alert').filter({ hasText: '已被其他志愿者接单' })).toBeVisible();
  await phoneShot(volunteerPage, '28-order-taken');

  await rivalSession.dispose();
  await resident.dispose();
  await station.dispose();
  await volunteerPage.context().close();
});
