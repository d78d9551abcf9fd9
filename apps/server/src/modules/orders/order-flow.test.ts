// Service orders through the routes: 点单 → 审单 → 派单 → 接单 → 完成 (paid through the time bank) → 评单, with the
// rules it must refuse: bad input, illegal transitions, scope, a race to accept, low ratings and overdue orders.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { photo } from '../problems/test-fixtures';
import { scanOverdueOrders } from './order-overdue';
import { act, centre, menuItem, placeOrder, volunteerSession } from './test-fixtures';

let t: TestApp;
let admin: Session;
let station: Session;
let resident: Session;
let volunteer: Session;
let volunteerId: string;
let siteId: string;
let itemId: string;

const order = (over: Record<string, unknown> = {}) => ({
  siteId,
  kind: 'menu',
  itemId,
  description: '家里的电饭煲不加热了',
  urgency: 'urgent',
  address: '示范社区3号楼2单元',
  lat: 38.5,
  lng: 102.18,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  [admin, station, resident] = await Promise.all(['admin', 'station_admin', 'resident'].map((u) => t.login(u)));
  siteId = (await centre(t)).id;
  itemId = await menuItem(station, siteId, ['repair']);
  // A fresh volunteer: the demo's volunteers already hold demo hours.
  const v = await volunteerSession(t, 'of_volunteer', { skills: ['repair'], lat: 38.505, lng: 102.185 });
  volunteer = v.session;
  volunteerId = v.volunteerId;
}, 600_000);
afterAll(() => t?.close());

describe('POST /orders', () => {
  it('needs sign-in (401), valid input (400 naming fields), order.create (403), a real item', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/orders', payload: order() })).statusCode).toBe(401);
    const bad = await resident.inject({ method: 'POST', url: '/api/v1/orders', payload: { siteId, kind: 'menu' } });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['description', 'address']));
    const noItem = await resident.inject({ method: 'POST', url: '/api/v1/orders', payload: order({ itemId: null }) });
    expect(noItem.json().error.details.fields.map((f: any) => f.field)).toContain('itemId');
    expect((await volunteer.inject({ method: 'POST', url: '/api/v1/orders', payload: order() })).statusCode).toBe(403);
    const unknown = await resident.inject({
      method: 'POST',
      url: '/api/v1/orders',
      payload: order({ itemId: '01900000-0000-7000-8000-000000000009' }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].field).toBe('itemId');
  });

  it('stores a resend with the same client id once', async () => {
    const id = '01900000-0000-7000-8000-0000000000aa';
    const a = await placeOrder(resident, order({ id }));
    const b = await placeOrder(resident, order({ id }));
    expect(b.number).toBe(a.number);
    const n = await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM service_order WHERE id = ${id}`);
    expect((n.rows[0] as any).n).toBe(1);
  });
});

describe('the order lifecycle', () => {
  it('goes 点单 → 审单 → 派单 → 接单 → 完成 → 评单, paying the volunteer and auditing every step', async () => {
    const o = await placeOrder(resident, order());
    expect(o).toMatchObject({ status: 'submitted', urgency: 'urgent', allowedActions: ['cancel'] });
    const reviewed = await act(station, o.id, { action: 'review' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().allowedActions).toEqual(expect.arrayContaining(['dispatch', 'offer']));
    const dispatched = await act(station, o.id, { action: 'dispatch', volunteerId });
    expect(dispatched.json()).toMatchObject({ status: 'dispatched', volunteer: { id: volunteerId } });
    const seen = await volunteer.inject({ method: 'GET', url: `/api/v1/orders/${o.id}` });
    expect(seen.json().allowedActions).toEqual(['accept']);
    expect((await act(volunteer, o.id, { action: 'accept' })).json().status).toBe('accepted');
    const fileId = await photo(volunteer);
    const done = await act(volunteer, o.id, {
      action: 'complete',
      hours: 2,
      notes: '更换了温控器',
      photoFileIds: [fileId],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', hours: 2, notes: '更换了温控器' });
    expect(done.json().photos).toHaveLength(1);
    expect(done.json().paymentJournalId).toBeTruthy();
    const accounts = (await volunteer.inject({ method: 'GET', url: '/api/v1/timebank/accounts/mine' })).json();
    expect(accounts.find((a: any) => a.kind === 'volunteer').balance).toBe(2);
    const rated = await act(resident, o.id, { action: 'rate', rating: 5, comment: '很及时' });
    expect(rated.json()).toMatchObject({ status: 'rated', rating: 5, ratingComment: '很及时' });
    expect(rated.json().history.map((h: any) => h.action)).toEqual([
      'create',
      'review',
      'dispatch',
      'accept',
      'complete',
      'rate',
    ]);
    const audit = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE tenant_id = ${t.tenantId}
      AND object_id = ${o.id} ORDER BY seq`);
    expect(audit.rows.map((r: any) => r.action)).toEqual([
      'order.create',
      'order.review',
      'order.dispatch',
      'order.accept',
      'order.complete',
      'order.rate',
    ]);
  });

  it('refuses illegal transitions with 409 and bad transition input with 400 naming the field', async () => {
    const o = await placeOrder(resident, order());
    const rate = await act(resident, o.id, { action: 'rate', rating: 4 });
    expect(rate.statusCode).toBe(409);
    expect(rate.json().error.code).toBe('ORDER_TRANSITION_NOT_ALLOWED');
    const reject = await act(station, o.id, { action: 'reject' });
    expect(reject.statusCode).toBe(400);
    expect(reject.json().error.details.fields[0].field).toBe('reason');
    const dispatch = await act(station, o.id, { action: 'dispatch', volunteerId });
    expect(dispatch.json().error.code).toBe('ORDER_TRANSITION_NOT_ALLOWED');
    expect((await act(station, o.id, { action: 'reject', reason: '不属于服务范围' })).json().status).toBe('rejected');
    expect((await act(resident, o.id, { action: 'cancel', reason: '不需要了' })).statusCode).toBe(409);
  });

  it('merges a duplicate into the earlier order as part of the review', async () => {
    const first = await placeOrder(resident, order());
    const dup = await placeOrder(resident, order());
    const merged = await act(station, dup.id, { action: 'review', mergeInto: first.id });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedInto: first.id });
    const self = await placeOrder(resident, order());
    expect((await act(station, self.id, { action: 'review', mergeInto: self.id })).statusCode).toBe(422);
  });
});

describe('grabbing (抢单) and the race to accept', () => {
  it('offers to every volunteer of the area, skill match first as a highlight; none outside the area', async () => {
    const other = await volunteerSession(t, 'tutor1', { skills: ['tutoring'] });
    const region = (
      await t.ctx.db.execute(sql`SELECT code FROM region WHERE tenant_id = ${t.tenantId} AND code LIKE '620321%'
        AND level = 'village' ORDER BY code LIMIT 1`)
    ).rows[0] as { code: string } | undefined;
    const far = await volunteerSession(t, 'far1', { skills: ['repair'], regionCode: region?.code ?? '620321' });
    const o = await placeOrder(resident, order());
    await act(station, o.id, { action: 'review' });
    await act(station, o.id, { action: 'offer' });
    const mine = (await volunteer.inject({ method: 'GET', url: '/api/v1/orders?mine=offered' })).json().items;
    expect(mine.find((x: any) => x.id === o.id)).toMatchObject({ skillMatch: true });
    const theirs = (await other.session.inject({ method: 'GET', url: '/api/v1/orders?mine=offered' })).json().items;
    expect(theirs.find((x: any) => x.id === o.id)).toMatchObject({ skillMatch: false, allowedActions: ['accept'] });
    // Matching offers come first for the volunteer whose skills fit them.
    const flags = theirs.map((x: any) => x.skillMatch);
    expect(flags).toEqual([...flags].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
    const away = await far.session.inject({ method: 'GET', url: '/api/v1/orders?mine=offered' });
    expect(away.json().items.map((x: any) => x.id)).not.toContain(o.id);
    expect((await act(far.session, o.id, { action: 'accept' })).statusCode).toBe(404);
    expect((await act(other.session, o.id, { action: 'accept' })).statusCode).toBe(200);
  });
});

describe('back to the centre', () => {
  async function completedOrder() {
    const o = await placeOrder(resident, order());
    await act(station, o.id, { action: 'review' });
    await act(station, o.id, { action: 'dispatch', volunteerId });
    await act(volunteer, o.id, { action: 'accept' });
    await act(volunteer, o.id, { action: 'complete', hours: 1 });
    return o;
  }

  it('returns an order rated 2 or less to the centre, which can dispatch it again', async () => {
    const o = await completedOrder();
    const rated = await act(resident, o.id, { action: 'rate', rating: 2, comment: '没修好' });
    expect(rated.json()).toMatchObject({ status: 'returned', returnedFor: 'low_rating' });
    expect(rated.json().allowedActions).toEqual(['cancel']);
    const again = await act(station, o.id, { action: 'dispatch', volunteerId });
    expect(again.json().status).toBe('dispatched');
  });

  it('returns an overdue order to the centre through the job', async () => {
    const o = await placeOrder(resident, order());
    await act(station, o.id, { action: 'review' });
    await act(station, o.id, { action: 'dispatch', volunteerId });
    await act(volunteer, o.id, { action: 'accept' });
    const r = await scanOverdueOrders(t.ctx.db, t.tenantId, new Date(Date.now() + 25 * 3600_000));
    expect(r.returned).toBeGreaterThanOrEqual(1);
    const back = (await station.inject({ method: 'GET', url: `/api/v1/orders/${o.id}` })).json();
    expect(back).toMatchObject({ status: 'returned', returnedFor: 'overdue' });
    expect(back.history.at(-1).action).toBe('return_overdue');
  });
});

describe('scope and figures', () => {
  it('hides orders outside the reader\u2019s scope (404) and measures response times per site', async () => {
    const o = await placeOrder(resident, order());
    const stranger = await volunteerSession(t, 'stranger1', { skills: ['repair'] });
    expect((await stranger.session.inject({ method: 'GET', url: `/api/v1/orders/${o.id}` })).statusCode).toBe(404);
    expect((await act(stranger.session, o.id, { action: 'accept' })).statusCode).toBe(404);
    const list = await resident.inject({ method: 'GET', url: '/api/v1/orders?mine=ordered&pageSize=5' });
    expect(list.json().total).toBeGreaterThan(5);
    expect(list.json().items).toHaveLength(5);
    const stats = await admin.inject({ method: 'GET', url: `/api/v1/orders/response-stats?siteId=${siteId}` });
    expect(stats.statusCode, stats.body).toBe(200);
    const urgent = stats.json().rows.find((r: any) => r.urgency === 'urgent');
    expect(urgent).toMatchObject({ targetHours: 2 });
    expect(urgent.orders).toBeGreaterThan(urgent.accepted);
    expect(urgent.withinTarget).toBe(urgent.accepted);
  });
});
