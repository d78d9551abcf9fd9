import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { slotOf, tokenFor } from './checkin-token';
import { PLACE, createActivity, stationSite, volunteerSessions } from './test-fixtures';

let t: TestApp;
let site: { id: string; region_code: string };
beforeAll(async () => {
  t = await createTestApp();
  site = await stationSite(t);
}, 600_000);
afterAll(() => t?.close());
afterEach(() => vi.useRealTimers());

const check = (s: Session, id: string, kind: 'in' | 'out', token: string, at = PLACE) =>
  s.inject({ method: 'POST', url: `/api/v1/activities/${id}/check`, payload: { kind, token, ...at } });

async function signedUp(station: Session, extra: Record<string, unknown> = {}) {
  const a = await createActivity(station, site.id, extra);
  const [v] = await volunteerSessions(t, 1);
  expect((await v.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup` })).statusCode).toBe(200);
  return { a, v };
}

describe('QR check-in and check-out', () => {
  it('accepts the current code, refuses yesterday’s, and a code past its next slot (fake clock)', async () => {
    const station = await t.login('station_admin');
    const { a, v } = await signedUp(station);
    const secret = (
      await t.database.query<{ qr_secret: string }>(sql`SELECT qr_secret FROM activity WHERE id = ${a.id}`)
    )[0].qr_secret;
    const yesterday = tokenFor(secret, a.id, slotOf(new Date(Date.now() - 86400_000)));
    const stale = await check(v, a.id, 'in', yesterday);
    expect(stale.statusCode).toBe(422);
    expect(stale.json().error.code).toBe('CHECKIN_CODE_INVALID');
    const qr = (await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/qr` })).json();
    expect(qr.svg).toContain('<svg');
    expect(qr.payload).toBe(`wenming-checkin:${a.id}:${qr.token}`);
    // Two slots later the shown code no longer works.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(qr.expiresAt).getTime() + 31_000);
    expect((await check(v, a.id, 'in', qr.payload)).json().error.code).toBe('CHECKIN_CODE_INVALID');
    // In the next slot the code just shown is still accepted (the scan may straddle a rotation).
    vi.setSystemTime(new Date(qr.expiresAt).getTime() + 1_000);
    const ok = await check(v, a.id, 'in', qr.payload);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().mySignup.checkInAt).toBeTruthy();
    vi.useRealTimers();
    const again = await check(
      v,
      a.id,
      'in',
      (await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/qr` })).json().token,
    );
    expect(again.json().error.code).toBe('CHECKIN_ALREADY_DONE');
  });

  it('refuses a scan outside the geofence and outside the time window, with clear codes', async () => {
    const station = await t.login('station_admin');
    const { a, v } = await signedUp(station);
    const token = (await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/qr` })).json().token;
    const far = await check(v, a.id, 'in', token, { lat: PLACE.lat + 0.01, lng: PLACE.lng });
    expect(far.statusCode).toBe(422);
    expect(far.json().error.code).toBe('CHECKIN_OUTSIDE_GEOFENCE');
    expect(far.json().error.message).toMatch(/范围/);
    expect(far.json().error.details.distanceM).toBeGreaterThan(1000);
    const later = Date.now() + 3 * 86400_000;
    const { a: future, v: fv } = await signedUp(station, {
      startsAt: new Date(later).toISOString(),
      endsAt: new Date(later + 3600_000).toISOString(),
    });
    const ft = (await station.inject({ method: 'GET', url: `/api/v1/activities/${future.id}/qr` })).json().token;
    expect((await check(fv, future.id, 'in', ft)).json().error.code).toBe('CHECKIN_OUTSIDE_WINDOW');
    // A waitlisted or unregistered volunteer cannot check in.
    const [stranger] = await volunteerSessions(t, 1);
    expect((await check(stranger, a.id, 'in', token)).json().error.code).toBe('ACTIVITY_NOT_SIGNED_UP');
  });

  it('check-out computes pending hours; the organiser confirms once; they reach the volunteer and the time bank', async () => {
    const station = await t.login('station_admin');
    const { a, v } = await signedUp(station);
    const qr = () =>
      station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/qr` }).then((r) => r.json().token);
    expect((await check(v, a.id, 'out', await qr())).json().error.code).toBe('CHECKIN_REQUIRED');
    const checkedIn = await check(v, a.id, 'in', await qr());
    expect(checkedIn.statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    // 25 min 30 s later (inside the session's idle limit) → 25 minutes → 0.5 h.
    vi.setSystemTime(new Date(checkedIn.json().mySignup.checkInAt).getTime() + 25 * 60_000 + 30_000);
    const token = await qr();
    const out = await check(v, a.id, 'out', token);
    expect(out.statusCode, out.body).toBe(200);
    vi.useRealTimers();
    expect(out.json().mySignup).toMatchObject({ minutes: 25, hours: 0.5, hoursStatus: 'pending' });
    const vid = out.json().mySignup.volunteerId;
    // Hours do not count before confirmation.
    expect((await v.inject({ method: 'GET', url: '/api/v1/volunteers/me' })).json().confirmedHours).toBe(0);
    const [c1, c2] = await Promise.all([
      station.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/hours/confirm`, payload: {} }),
      station.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/hours/confirm`, payload: {} }),
    ]);
    expect([c1.statusCode, c2.statusCode].sort()).toEqual([200, 409]);
    expect((await v.inject({ method: 'GET', url: '/api/v1/volunteers/me' })).json().confirmedHours).toBe(0.5);
    const deposits = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM timebank_journal
      WHERE source_kind = 'activity_signup' AND source_id = ${`${a.id}:${vid}`}`);
    expect(deposits[0].n).toBe(1);
    const fix = await station.inject({
      method: 'POST',
      url: `/api/v1/activities/${a.id}/attendance/${vid}/correct`,
      payload: { checkInAt: '2026-01-01T10:00:00Z', checkOutAt: '2026-01-01T12:00:00Z', reason: '补录' },
    });
    expect(fix.json().error.code).toBe('HOURS_ALREADY_CONFIRMED');
  });

  it('the organiser closes a forgotten check-out (flagged) and corrects across midnight (audited)', async () => {
    const station = await t.login('station_admin');
    const { a, v } = await signedUp(station);
    const token = (await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/qr` })).json().token;
    const vid = (await check(v, a.id, 'in', token)).json().mySignup.volunteerId;
    const closed = await station.inject({
      method: 'POST',
      url: `/api/v1/activities/${a.id}/attendance/${vid}/close`,
      payload: {},
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const list = (await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/signups` })).json();
    expect(list.items[0]).toMatchObject({ closedByOrganiser: true, hoursStatus: 'pending' });
    // Correct to 23:10–01:20 Beijing time: 2 h 10 min across midnight → 2 h.
    const fix = await station.inject({
      method: 'POST',
      url: `/api/v1/activities/${a.id}/attendance/${vid}/correct`,
      payload: {
        checkInAt: '2026-05-01T23:10:00+08:00',
        checkOutAt: '2026-05-02T01:20:00+08:00',
        reason: '按签到表更正',
      },
    });
    expect(fix.statusCode, fix.body).toBe(200);
    const after = (await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/signups` })).json().items[0];
    expect(after).toMatchObject({ minutes: 130, hours: 2 });
    const audit = await t.database.query<{ after: any }>(sql`SELECT after FROM audit_event
      WHERE action = 'activity.correct_hours' AND object_id = ${a.id}`);
    expect(JSON.stringify(audit[0].after)).toContain('按签到表更正');
    const noReason = await station.inject({
      method: 'POST',
      url: `/api/v1/activities/${a.id}/attendance/${vid}/correct`,
      payload: { checkInAt: '2026-05-01T23:10:00+08:00', checkOutAt: '2026-05-02T01:20:00+08:00' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe('reason');
  });

  it('issues a numbered certificate as PDF with the Chinese text, and the station month matches the data', async () => {
    const station = await t.login('station_admin');
    const { a, v } = await signedUp(station, { title: '敬老院陪伴服务' });
    const token = (await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/qr` })).json().token;
    const vid = (await check(v, a.id, 'in', token)).json().mySignup.volunteerId;
    await station.inject({
      method: 'POST',
      url: `/api/v1/activities/${a.id}/attendance/${vid}/correct`,
      payload: {
        checkInAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
        checkOutAt: new Date().toISOString(),
        reason: '补签退',
      },
    });
    const none = await v.inject({ method: 'POST', url: `/api/v1/volunteers/${vid}/certificates`, payload: {} });
    expect(none.json().error.code).toBe('CERTIFICATE_NO_HOURS');
    await station.inject({
      method: 'POST',
      url: `/api/v1/activities/${a.id}/hours/confirm`,
      payload: { volunteerIds: [vid] },
    });
    const cert = await v.inject({ method: 'POST', url: `/api/v1/volunteers/${vid}/certificates`, payload: {} });
    expect(cert.statusCode, cert.body).toBe(201);
    expect(cert.json()).toMatchObject({ hours: 3, activityCount: 1 });
    expect(cert.json().number).toMatch(/^ZYFW\d{4}\d{6}$/);
    const pdf = await v.inject({ method: 'GET', url: `/api/v1/certificates/${cert.json().id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cert-')), 'c.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, '');
    expect(text).toContain('志愿服务证明');
    expect(text).toContain('敬老院陪伴服务');
    expect(text).toContain(cert.json().number);
    expect(text).toContain('累计志愿服务时长3小时');
    // Another volunteer's certificate is not visible.
    const [other] = await volunteerSessions(t, 1);
    expect((await other.inject({ method: 'GET', url: `/api/v1/certificates/${cert.json().id}/pdf` })).statusCode).toBe(
      404,
    );

    // Station month: compare with the rows inserted for this site this month.
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const figures = (
      await station.inject({ method: 'GET', url: `/api/v1/volunteer-stats/stations?month=${month}` })
    ).json();
    const mine = figures.items.find((r: any) => r.siteId === site.id);
    const expected = (
      await t.database.query<{ acts: number; vols: number; hours: string }>(sql`SELECT
        (SELECT count(*)::int FROM activity WHERE site_id = ${site.id} AND status = 'published'
          AND to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${month}) AS acts,
        (SELECT count(DISTINCT su.volunteer_id)::int FROM activity_signup su JOIN activity a ON a.id = su.activity_id
          WHERE a.site_id = ${site.id} AND a.status = 'published' AND su.check_in_at IS NOT NULL
          AND to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${month}) AS vols,
        (SELECT coalesce(sum(su.hours), 0) FROM activity_signup su JOIN activity a ON a.id = su.activity_id
          WHERE a.site_id = ${site.id} AND a.status = 'published' AND su.hours_status = 'confirmed'
          AND to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${month}) AS hours`)
    )[0];
    expect(mine).toMatchObject({
      activities: expected.acts,
      activeVolunteers: expected.vols,
      hours: Number(expected.hours),
    });
    expect(mine.activities).toBeGreaterThan(0);
    expect(mine.meetsMonthly).toBe(true);
    expect(figures.items.every((r: any) => r.siteId === site.id)).toBe(true);
    const overview = (await station.inject({ method: 'GET', url: '/api/v1/volunteer-stats/overview' })).json();
    expect(overview.activeVolunteers).toBeGreaterThanOrEqual(0);
    expect((await v.inject({ method: 'GET', url: '/api/v1/volunteer-stats/overview' })).statusCode).toBe(403);
  });
});
