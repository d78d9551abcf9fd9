// Helpers of the venues tests: a venue at the demo centre open every day, and dates relative to the app's clock.
import type { OpeningSlot } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { addDays, shanghaiDate } from '../../platform/clock';
import type { Session, TestApp } from '../../test/harness';

/** Openings every day of the week at the given times. */
export const everyDay = (...times: [string, string][]): OpeningSlot[] =>
  [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => times.map(([start, end]) => ({ weekday, start, end })));

/** The demo centre (the station admin's site). */
export async function centreSite(t: TestApp): Promise<string> {
  const res = await t.ctx.db.execute(
    sql`SELECT id FROM practice_site WHERE tenant_id = ${t.tenantId} AND kind = 'centre' ORDER BY id LIMIT 1`,
  );
  return (res.rows[0] as { id: string }).id;
}

/** A Shanghai date some days after the app's today. */
export const dayAfter = (t: TestApp, days: number) => addDays(shanghaiDate(t.ctx.clock.now()), days);

/** Create a venue through the API as `s`; its id. */
export async function createVenue(s: Session, siteId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await s.inject({
    method: 'POST',
    url: '/api/v1/venues',
    payload: {
      siteId,
      name: '测试党史馆',
      kind: 'history_hall',
      capacity: 10,
      openingSlots: everyDay(['09:00', '10:30'], ['14:00', '15:30']),
      cancelHours: 2,
      maxPartySize: 5,
      ...extra,
    },
  });
  if (res.statusCode !== 201) throw new Error(`venue: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** Book a slot as `s`. */
export const book = (s: Session, venueId: string, payload: Record<string, unknown>) =>
  s.inject({
    method: 'POST',
    url: `/api/v1/venues/${venueId}/bookings`,
    payload: { contactName: '测试访客', ...payload },
  });

/** Move a booking's slot so that it runs from `startOffsetMs` after now for an hour (a test's arrangement). */
export async function moveSlot(t: TestApp, bookingId: string, startOffsetMs: number): Promise<void> {
  const start = new Date(t.ctx.clock.now().getTime() + startOffsetMs);
  const end = new Date(start.getTime() + 3600_000);
  await t.ctx.db.execute(sql`UPDATE venue_slot SET starts_at = ${start.toISOString()}::timestamptz,
      ends_at = ${end.toISOString()}::timestamptz
    WHERE tenant_id = ${t.tenantId} AND id = (SELECT slot_id FROM venue_booking WHERE tenant_id = ${t.tenantId}
      AND id = ${bookingId})`);
}
