// Venues through the routes (场馆预约): who may manage and book, the slot calendar, bookings refused outside the
// openings or beyond capacity with the next free slots, group review, QR tickets, check-in, no-shows,
// cancellation rules, usage, and 300 people racing for the last 20 places of a slot (both engines).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiMonth } from '../../platform/clock';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ownSession } from '../timebank/test-fixtures';
import { book, centreSite, createVenue, dayAfter, everyDay, moveSlot } from './test-fixtures';

let t: TestApp;
let admin: Session;
let station: Session;
let resident: Session;
let other: Session;
let siteId: string;
let venueId: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, station, resident] = await Promise.all(['admin', 'station_admin', 'resident'].map((u) => t.login(u)));
  other = await ownSession(t, 'venue_other_resident', 'resident');
  siteId = await centreSite(t);
  venueId = await createVenue(station, siteId);
}, 600_000);
afterAll(() => t?.close());

describe('venues', () => {
  it('needs sign-in, names bad fields, and lets only managers create', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/venues' })).statusCode).toBe(401);
    const bad = await station.inject({
      method: 'POST',
      url: '/api/v1/venues',
      payload: { siteId, name: '', kind: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind', 'capacity']));
    const denied = await resident.inject({
      method: 'POST',
      url: '/api/v1/venues',
      payload: {
        siteId,
        name: '群众的馆',
        kind: 'exhibition',
        capacity: 5,
        openingSlots: everyDay(['09:00', '10:00']),
      },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('lists venues to residents without the manage flag, and hides usage from them', async () => {
    const list = await resident.inject({ method: 'GET', url: '/api/v1/venues?pageSize=100' });
    expect(list.statusCode).toBe(200);
    const mine = list.json().items.find((v: { id: string }) => v.id === venueId);
    expect(mine).toMatchObject({ name: '测试党史馆', kindLabel: '党史馆', capacity: 10, canManage: false });
    const managed = await station.inject({ method: 'GET', url: `/api/v1/venues/${venueId}` });
    expect(managed.json().canManage).toBe(true);
    expect((await resident.inject({ method: 'GET', url: `/api/v1/venues/${venueId}/usage` })).statusCode).toBe(403);
  });

  it('changes a venue at its version, refusing a stale one (409)', async () => {
    const v = (await station.inject({ method: 'GET', url: `/api/v1/venues/${venueId}` })).json();
    const body = { ...v, closures: [{ date: dayAfter(t, 3), reason: '布展' }] };
    delete body.id;
    const payload = {
      name: body.name,
      kind: body.kind,
      capacity: body.capacity,
      openingSlots: body.openingSlots,
      closures: body.closures,
      rules: '凭票入馆',
      cancelHours: 2,
      maxPartySize: 5,
      version: v.version,
    };
    const ok = await station.inject({ method: 'PUT', url: `/api/v1/venues/${venueId}`, payload });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ rules: '凭票入馆', version: v.version + 1 });
    const stale = await station.inject({ method: 'PUT', url: `/api/v1/venues/${venueId}`, payload });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VENUE_STALE_VERSION');
  });
});

describe('bookings', () => {
  it('books a slot with a QR ticket and shows the places left in the calendar', async () => {
    const date = dayAfter(t, 2);
    const res = await book(resident, venueId, { date, start: '09:00', partySize: 3 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'booked', statusLabel: '已预约', date, start: '09:00', end: '10:30' });
    expect(res.json().actions).toEqual(['cancel']);
    const ticket = await resident.inject({ method: 'GET', url: `/api/v1/venue-bookings/${res.json().id}/ticket` });
    expect(ticket.json().token.length).toBeGreaterThan(8);
    expect(ticket.json().qrSvg).toContain('<svg');
    expect((await other.inject({ method: 'GET', url: `/api/v1/venue-bookings/${res.json().id}` })).statusCode).toBe(
      404,
    );
    const slots = await resident.inject({ method: 'GET', url: `/api/v1/venues/${venueId}/slots?from=${date}&days=1` });
    expect(slots.json()).toEqual([
      expect.objectContaining({ start: '09:00', capacity: 10, booked: 3, free: 7 }),
      expect.objectContaining({ start: '14:00', booked: 0, free: 10 }),
    ]);
    const mine = await resident.inject({ method: 'GET', url: '/api/v1/my/venue-bookings' });
    expect(mine.json().items.map((b: { id: string }) => b.id)).toContain(res.json().id);
  });

  it('refuses a closed day, a time without an opening and a full slot with 409 and the next free slots', async () => {
    const closed = await book(resident, venueId, { date: dayAfter(t, 3), start: '09:00' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('VENUE_SLOT_CLOSED');
    const next = closed.json().error.details.nextFreeSlots;
    expect(next.length).toBeGreaterThan(0);
    expect(next[0].date > dayAfter(t, 3)).toBe(true);
    const offHours = await book(resident, venueId, { date: dayAfter(t, 4), start: '12:00' });
    expect(offHours.json().error.code).toBe('VENUE_SLOT_CLOSED');
    const past = await book(resident, venueId, { date: dayAfter(t, -1), start: '09:00' });
    expect(past.statusCode).toBe(409);
    const date = dayAfter(t, 5);
    expect((await book(other, venueId, { date, start: '14:00', partySize: 5 })).statusCode).toBe(201);
    expect((await book(resident, venueId, { date, start: '14:00', partySize: 5 })).statusCode).toBe(201);
    const full = await book(resident, venueId, { date, start: '14:00', partySize: 1 });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('VENUE_SLOT_FULL');
    const free = full.json().error.details.nextFreeSlots;
    expect(free.find((s: { date: string; start: string }) => s.date === date && s.start === '14:00')).toBeUndefined();
    expect(free.every((s: { free: number }) => s.free >= 1)).toBe(true);
    const tooMany = await book(resident, venueId, { date, start: '09:00', partySize: 6 });
    expect(tooMany.statusCode).toBe(422);
  });

  it('holds a group booking for review; the manager approves or rejects, freeing the places', async () => {
    const date = dayAfter(t, 6);
    const noName = await book(resident, venueId, { date, start: '09:00', kind: 'group', partySize: 8 });
    expect(noName.statusCode).toBe(400);
    const g = await book(resident, venueId, {
      date,
      start: '09:00',
      kind: 'group',
      partySize: 8,
      groupName: '一中初二3班',
    });
    expect(g.json()).toMatchObject({ status: 'pending_review', kind: 'group' });
    const g2 = await book(other, venueId, { date, start: '14:00', kind: 'group', partySize: 9, groupName: '老年协会' });
    const queue = await station.inject({
      method: 'GET',
      url: `/api/v1/venues/${venueId}/bookings?status=pending_review`,
    });
    expect(queue.json().items.map((b: { id: string }) => b.id)).toEqual([g.json().id, g2.json().id]);
    expect(queue.json().items[0].actions).toEqual(['approve', 'reject', 'cancel']);
    const byResident = await resident.inject({
      method: 'POST',
      url: `/api/v1/venue-bookings/${g.json().id}/review`,
      payload: { approve: true },
    });
    expect(byResident.statusCode).toBe(403);
    const ok = await station.inject({
      method: 'POST',
      url: `/api/v1/venue-bookings/${g.json().id}/review`,
      payload: { approve: true, note: '欢迎参观' },
    });
    expect(ok.json()).toMatchObject({ status: 'booked', reviewNote: '欢迎参观' });
    const no = await station.inject({
      method: 'POST',
      url: `/api/v1/venue-bookings/${g2.json().id}/review`,
      payload: { approve: false },
    });
    expect(no.json().status).toBe('rejected');
    const again = await station.inject({
      method: 'POST',
      url: `/api/v1/venue-bookings/${g2.json().id}/review`,
      payload: { approve: true },
    });
    expect(again.statusCode).toBe(409);
    const slots = await resident.inject({ method: 'GET', url: `/api/v1/venues/${venueId}/slots?from=${date}&days=1` });
    expect(slots.json().map((s: { booked: number }) => s.booked)).toEqual([8, 0]);
  });

  it('lets the booker cancel until the cancel hours before the slot, not after', async () => {
    const early = await book(resident, venueId, { date: dayAfter(t, 7), start: '09:00', partySize: 2 });
    const cancel = await resident.inject({ method: 'POST', url: `/api/v1/venue-bookings/${early.json().id}/cancel` });
    expect(cancel.json().status).toBe('cancelled');
    expect(
      (await other.inject({ method: 'POST', url: `/api/v1/venue-bookings/${early.json().id}/cancel` })).statusCode,
    ).toBe(404);
    const late = await book(resident, venueId, { date: dayAfter(t, 7), start: '14:00' });
    await moveSlot(t, late.json().id, 3600_000); // starts in an hour; the venue allows cancelling until 2 h before
    const tooLate = await resident.inject({ method: 'POST', url: `/api/v1/venue-bookings/${late.json().id}/cancel` });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().error.code).toBe('VENUE_CANCEL_TOO_LATE');
  });

  it('checks a ticket in at the door during its slot, once; marks no-shows after the slot; counts usage', async () => {
    const b = await book(resident, venueId, { date: dayAfter(t, 8), start: '09:00', partySize: 2 });
    const token = (await resident.inject({ method: 'GET', url: `/api/v1/venue-bookings/${b.json().id}/ticket` })).json()
      .token;
    const early = await station.inject({
      method: 'POST',
      url: `/api/v1/venues/${venueId}/check-in`,
      payload: { token },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('VENUE_CHECK_IN_OUTSIDE_SLOT');
    await moveSlot(t, b.json().id, -10 * 60_000);
    const unknown = await station.inject({
      method: 'POST',
      url: `/api/v1/venues/${venueId}/check-in`,
      payload: { token: 'not-a-real-token' },
    });
    expect(unknown.statusCode).toBe(404);
    const byResident = await resident.inject({
      method: 'POST',
      url: `/api/v1/venues/${venueId}/check-in`,
      payload: { token },
    });
    expect(byResident.statusCode).toBe(403);
    const ok = await station.inject({ method: 'POST', url: `/api/v1/venues/${venueId}/check-in`, payload: { token } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'checked_in' });
    expect(ok.json().checkedInAt).toBeTruthy();
    const twice = await station.inject({
      method: 'POST',
      url: `/api/v1/venues/${venueId}/check-in`,
      payload: { token },
    });
    expect(twice.statusCode).toBe(409);

    const missed = await book(other, venueId, { date: dayAfter(t, 8), start: '14:00', partySize: 3 });
    const notOver = await station.inject({ method: 'POST', url: `/api/v1/venue-bookings/${missed.json().id}/no-show` });
    expect(notOver.statusCode).toBe(422);
    await moveSlot(t, missed.json().id, -65 * 60_000); // an hour's slot that ended five minutes ago
    const marked = await station.inject({ method: 'POST', url: `/api/v1/venues/${venueId}/no-shows` });
    expect(marked.json().marked).toBeGreaterThanOrEqual(1);
    const after = await station.inject({ method: 'GET', url: `/api/v1/venue-bookings/${missed.json().id}` });
    expect(after.json().status).toBe('no_show');

    // The two slots moved lie within the last 65 minutes: one month, or two just after a month began.
    const now = t.ctx.clock.now().getTime();
    const months = [...new Set([shanghaiMonth(new Date(now - 65 * 60_000)), shanghaiMonth(new Date(now))])];
    const usages = await Promise.all(
      months.map(async (m) =>
        (await admin.inject({ method: 'GET', url: `/api/v1/venues/${venueId}/usage?month=${m}` })).json(),
      ),
    );
    const usage = usages[usages.length - 1];
    expect(usage.offeredPlaces).toBeGreaterThan(0);
    expect(usages.reduce((n, u) => n + u.attendedPlaces, 0)).toBe(2);
    expect(usages.reduce((n, u) => n + u.noShowPlaces, 0)).toBe(3);
    expect(usage.usageRate).toBeCloseTo(usage.attendedPlaces / usage.offeredPlaces, 4);
    const bad = await admin.inject({ method: 'GET', url: `/api/v1/venues/${venueId}/usage?month=2026-13` });
    expect(bad.statusCode).toBe(400);
  });
});

describe('race', () => {
  it('300 people booking the last 20 places of one slot at once: exactly 20 get one', async () => {
    const race = await createVenue(station, siteId, { name: '抢约测试馆', capacity: 25, maxPartySize: 1 });
    const date = dayAfter(t, 9);
    for (let i = 0; i < 5; i++) expect((await book(other, race, { date, start: '09:00' })).statusCode).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 300 }, () => book(resident, race, { date, start: '09:00' })),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(codes.filter((c) => c === 409)).toHaveLength(280);
    expect(answers.find((a) => a.statusCode === 409)?.json().error.code).toBe('VENUE_SLOT_FULL');
    const slots = await resident.inject({ method: 'GET', url: `/api/v1/venues/${race}/slots?from=${date}&days=1` });
    expect(slots.json()[0]).toMatchObject({ capacity: 25, booked: 25, free: 0 });
    const list = await station.inject({ method: 'GET', url: `/api/v1/venues/${race}/bookings?pageSize=500` });
    expect(list.json().total).toBe(25);
  }, 300_000);
});
