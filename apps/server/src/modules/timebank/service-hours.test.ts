// One definition of service hours: confirmed activity hours plus hours paid for service orders. 我的服务时长 (the
// volunteer's total and its records) and the time bank's earnings agree, and statement lines name what earned them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { createActivity, stationSite, volunteerSessions } from '../activities/test-fixtures';
import { act, centre, menuItem, placeOrder } from '../orders/test-fixtures';

let t: TestApp;
let station: Session;
let resident: Session;
let volunteer: Session;

beforeAll(async () => {
  t = await createTestApp();
  [station, resident] = await Promise.all(['station_admin', 'resident'].map((u) => t.login(u)));
  [volunteer] = await volunteerSessions(t, 1, ['repair']);
}, 600_000);
afterAll(() => t?.close());

async function serveActivity(): Promise<{ title: string; hours: number }> {
  const site = await stationSite(t);
  const a = await createActivity(station, site.id, { title: '河道沿线垃圾清理' });
  expect((await volunteer.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup` })).statusCode).toBe(200);
  const me = (await volunteer.inject({ method: 'GET', url: '/api/v1/volunteers/me' })).json();
  const now = Date.now();
  const corrected = await station.inject({
    method: 'POST',
    url: `/api/v1/activities/${a.id}/attendance/${me.id}/correct`,
    payload: {
      checkInAt: new Date(now - 3 * 3600_000).toISOString(),
      checkOutAt: new Date(now - 3600_000 / 2).toISOString(),
      reason: '按签到表补录',
    },
  });
  expect(corrected.statusCode, corrected.body).toBe(200);
  const confirmed = await station.inject({
    method: 'POST',
    url: `/api/v1/activities/${a.id}/hours/confirm`,
    payload: {},
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { title: '河道沿线垃圾清理', hours: 2.5 };
}

async function serveOrder(volunteerId: string): Promise<{ number: string; hours: number }> {
  const siteId = (await centre(t)).id;
  const itemId = await menuItem(station, siteId, ['repair'], '家电维修（时长）');
  const o = await placeOrder(resident, {
    siteId,
    kind: 'menu',
    itemId,
    description: '电饭煲不加热',
    urgency: 'routine',
    address: '示范社区5号楼',
  });
  await act(station, o.id, { action: 'review' });
  expect((await act(station, o.id, { action: 'dispatch', volunteerId })).statusCode).toBe(200);
  await act(volunteer, o.id, { action: 'accept' });
  const done = await act(volunteer, o.id, { action: 'complete', hours: 2, notes: '已修好' });
  expect(done.statusCode, done.body).toBe(200);
  return { number: o.number, hours: 2 };
}

describe('service hours', () => {
  it('agree between 我的服务时长 and the time bank for a volunteer with activities and orders', async () => {
    const me = (await volunteer.inject({ method: 'GET', url: '/api/v1/volunteers/me' })).json();
    const activity = await serveActivity();
    const order = await serveOrder(me.id);

    const total = (await volunteer.inject({ method: 'GET', url: '/api/v1/volunteers/me' })).json().confirmedHours;
    const records = (await volunteer.inject({ method: 'GET', url: '/api/v1/volunteers/me/hours' })).json();
    const confirmed = records
      .filter((r: any) => r.hoursStatus === 'confirmed')
      .reduce((n: number, r: any) => n + r.hours, 0);
    expect(records.map((r: any) => r.source).sort()).toEqual(['activity', 'order']);
    expect(records.find((r: any) => r.source === 'order')).toMatchObject({ orderNumber: order.number, hours: 2 });

    const [account] = (await volunteer.inject({ method: 'GET', url: '/api/v1/timebank/accounts/mine' })).json();
    const year = new Date().getFullYear();
    const statement = (
      await volunteer.inject({
        method: 'GET',
        url: `/api/v1/timebank/accounts/${account.id}/statement?from=${year - 1}-01-01&to=${year + 1}-12-31`,
      })
    ).json();
    const earned = statement.entries
      .filter((e: any) => e.kind === 'deposit' || e.kind === 'service')
      .reduce((n: number, e: any) => n + e.amount, 0);

    const activityHours = records.find((r: any) => r.source === 'activity').hours;
    expect(total).toBe(activityHours + order.hours);
    expect(confirmed).toBe(total);
    expect(earned).toBe(total);
    expect(account.balance).toBe(total);
    expect(activity.title).toBeTruthy();
  });

  it('names the activity or the order that earned each statement line', async () => {
    const [account] = (await volunteer.inject({ method: 'GET', url: '/api/v1/timebank/accounts/mine' })).json();
    const year = new Date().getFullYear();
    const statement = (
      await volunteer.inject({
        method: 'GET',
        url: `/api/v1/timebank/accounts/${account.id}/statement?from=${year - 1}-01-01&to=${year + 1}-12-31`,
      })
    ).json();
    const deposit = statement.entries.find((e: any) => e.kind === 'deposit');
    const service = statement.entries.find((e: any) => e.kind === 'service');
    expect(deposit.source).toMatchObject({ kind: 'activity', title: '河道沿线垃圾清理', number: null });
    expect(service.source).toMatchObject({ kind: 'order', title: '家电维修（时长）' });
    expect(service.source.number).toMatch(/^FW\d{8}-\d{6}$/);
  });
});
