// Demo venues of 示范市: the demo centre's 党史馆 (bookable Tuesday to Sunday, four openings a day) and 活动室, with
// bookings across the clock's month: past openings checked in or missed, later ones booked, a group waiting for
// review and a cancelled one. Slot counts are kept by the same repository functions the booking service uses.
import type { BookingStatus, OpeningSlot } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { DemoContext } from '../../../demo/context';
import { shanghaiMonth } from '../../../platform/clock';
import { newId, randomToken } from '../../../platform/ids';
import { maybeOne } from '../../../platform/sql';
import { insertBooking } from '../booking.repository';
import { openingsOfMonth } from '../venue-openings';
import { ensureSlot, insertVenue, takePlaces } from '../venue.repository';

const hallSlots: OpeningSlot[] = [2, 3, 4, 5, 6, 7].flatMap((weekday) => [
  { weekday, start: '09:00', end: '10:30' },
  { weekday, start: '10:30', end: '12:00' },
  { weekday, start: '14:00', end: '15:30' },
  { weekday, start: '15:30', end: '17:00' },
]);
const roomSlots: OpeningSlot[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:00' },
  { weekday, start: '14:30', end: '17:30' },
]);
const visitors = ['王晓梅', '李建国', '张丽华', '刘志强', '陈静', '杨帆', '赵明', '黄秀英', '周磊', '吴芳'];
const groups = ['示范市第一中学初二（3）班', '示范街道机关党支部', '幸福社区老年协会', '示范市供电公司团委'];

/** The demo centre's venues and a month of bookings. */
export async function seedDemoVenues(d: DemoContext): Promise<void> {
  const site = await maybeOne<{ id: string; regionCode: string }>(
    d.db,
    sql`SELECT id, region_code AS "regionCode" FROM practice_site WHERE tenant_id = ${d.tenantId} AND kind = 'centre'
      ORDER BY id LIMIT 1`,
  );
  const resident = await maybeOne<{ id: string }>(
    d.db,
    sql`SELECT id FROM account WHERE tenant_id = ${d.tenantId} AND username = 'resident'`,
  );
  if (!site) return;
  const now = d.clock.now();
  const hall = newId();
  const room = newId();
  const base = { tenantId: d.tenantId, siteId: site.id, regionCode: site.regionCode, now, address: null };
  await insertVenue(d.db, {
    ...base,
    id: hall,
    name: '示范市党史馆',
    kind: 'history_hall',
    capacity: 30,
    openingSlots: hallSlots,
    closures: [],
    rules: '请提前预约，凭二维码入馆；团体参观（10 人以上）须审核；馆内请勿喧哗、请勿触摸展品。',
    cancelHours: 2,
    maxPartySize: 5,
  });
  await insertVenue(d.db, {
    ...base,
    id: room,
    name: '新时代文明实践活动室',
    kind: 'activity_room',
    capacity: 40,
    openingSlots: roomSlots,
    closures: [],
    rules: '活动结束后请恢复桌椅、关闭门窗电源。',
    cancelHours: 24,
    maxPartySize: 10,
  });
  const openings = openingsOfMonth({ openingSlots: hallSlots, closures: [] }, shanghaiMonth(now));
  let n = 0;
  for (const o of openings) {
    n += 1;
    if (n % 3 === 0) continue; // some openings stay empty
    const past = o.endsAt.getTime() <= now.getTime();
    const bookings: { size: number; status: BookingStatus; group?: string }[] = [];
    for (let i = 0; i < 1 + (n % 4); i++)
      bookings.push({
        size: 1 + ((n + i) % 4),
        status: past ? ((n + i) % 5 === 0 ? 'no_show' : 'checked_in') : 'booked',
      });
    if (n % 7 === 1)
      bookings.push({
        size: 12 + (n % 6),
        status: past ? 'checked_in' : n % 2 ? 'pending_review' : 'booked',
        group: groups[n % groups.length],
      });
    await ensureSlot(d.db, {
      tenantId: d.tenantId,
      id: newId(),
      venueId: hall,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      capacity: 30,
    });
    for (const [i, b] of bookings.entries()) {
      const slotId = await takePlaces(d.db, d.tenantId, hall, o.startsAt, b.size);
      if (!slotId) break;
      const mine = !!resident && i === 0 && n % 5 === 0;
      await insertBooking(d.db, {
        tenantId: d.tenantId,
        id: newId(),
        venueId: hall,
        slotId,
        accountId: mine ? resident.id : null,
        kind: b.group ? 'group' : 'individual',
        partySize: b.size,
        groupName: b.group ?? null,
        contactName: visitors[(n + i) % visitors.length],
        contactPhone: `1390000${String(1000 + ((n * 7 + i) % 9000)).padStart(4, '0')}`,
        note: null,
        status: b.status,
        ticketToken: randomToken(12),
        checkedInAt: b.status === 'checked_in' ? new Date(o.startsAt.getTime() + 5 * 60_000) : null,
        now: new Date(Math.min(o.startsAt.getTime() - 3 * 86_400_000, now.getTime())),
      });
    }
  }
}
