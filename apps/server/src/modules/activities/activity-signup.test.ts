import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { createActivity, stationSite, volunteerSessions } from './test-fixtures';

let t: TestApp;
let site: { id: string; region_code: string };
beforeAll(async () => {
  t = await createTestApp();
  site = await stationSite(t);
}, 600_000);
afterAll(() => t?.close());

describe('activities and sign-up', () => {
  it('400 names a bad field; a volunteer cannot publish; outside the station scope is 404', async () => {
    const station = await t.login('station_admin');
    const bad = await station.inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        title: '宣讲',
        type: 'theory',
        siteId: site.id,
        regionCode: '6203',
        place: '广场',
        lat: 38.5,
        lng: 102.1,
        startsAt: '2026-12-01T10:00:00Z',
        endsAt: '2026-12-01T09:00:00Z',
        recruitLimit: 5,
      },
      headers: { 'x-wenming-lang': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual([expect.objectContaining({ field: 'endsAt' })]);
    const [vol] = await volunteerSessions(t, 1);
    const forbidden = await vol.inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        title: 'x',
        type: 'theory',
        siteId: site.id,
        regionCode: '6203',
        place: 'p',
        lat: 1,
        lng: 1,
        startsAt: '2026-12-01T10:00:00Z',
        endsAt: '2026-12-01T11:00:00Z',
        recruitLimit: 1,
      },
    });
    expect(forbidden.statusCode).toBe(403);
    // An activity of another site, published by the office, is outside the station admin's scope.
    const admin = await t.login('admin');
    const other = (
      await t.ctx.db.execute(sql`SELECT id FROM practice_site WHERE tenant_id = ${t.tenantId}
      AND kind = 'station' LIMIT 1`)
    ).rows[0] as { id: string };
    const a = await createActivity(admin, other.id, { regionCode: '620302' });
    expect((await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/qr` })).statusCode).toBe(404);
    expect((await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/signups` })).statusCode).toBe(404);
    expect((await vol.inject({ method: 'GET', url: `/api/v1/activities/${a.id}` })).statusCode).toBe(200);
  });

  it('lists the activities held between two days (Beijing time); a day that does not exist is 400', async () => {
    const station = await t.login('station_admin');
    const morning = await createActivity(station, site.id, {
      title: '三月五日学雷锋',
      startsAt: '2027-03-05T01:00:00Z',
      endsAt: '2027-03-05T03:00:00Z',
    });
    const night = await createActivity(station, site.id, {
      title: '三月七日夜间巡查',
      startsAt: '2027-03-07T15:30:00Z', // 23:30 on the 7th in Beijing, until 01:00 on the 8th
      endsAt: '2027-03-07T17:00:00Z',
    });
    const ids = async (query: string) =>
      (await station.inject({ method: 'GET', url: `/api/v1/activities?pageSize=100&${query}` }))
        .json()
        .items.map((a: any) => a.id)
        .filter((id: string) => id === morning.id || id === night.id);
    expect(await ids('from=2027-03-05&to=2027-03-05')).toEqual([morning.id]);
    expect(await ids('from=2027-03-06&to=2027-03-06')).toEqual([]);
    expect(await ids('from=2027-03-08')).toEqual([night.id]);
    expect(await ids('from=2027-03-01&to=2027-03-07')).toEqual([night.id, morning.id]);
    const bad = await station.inject({
      method: 'GET',
      url: '/api/v1/activities?from=2027-02-30',
      headers: { 'x-wenming-lang': 'zh-CN' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: any) => f.field)).toEqual(['from']);
    const reversed = await station.inject({ method: 'GET', url: '/api/v1/activities?from=2027-03-08&to=2027-03-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details.fields.map((f: any) => f.field)).toEqual(['to']);
  });

  it('concurrent sign-ups never exceed the limit; the rest wait in order', async () => {
    const station = await t.login('station_admin');
    const a = await createActivity(station, site.id, { recruitLimit: 3 });
    const vols = await volunteerSessions(t, 8);
    const results = await Promise.all(
      vols.map((s) => s.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup` })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(vols.map(() => 200));
    const statuses = results.map((r) => r.json().mySignup.status);
    expect(statuses.filter((s) => s === 'signed_up')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(5);
    const rows = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM activity_signup
      WHERE activity_id = ${a.id} AND status = 'signed_up'`);
    expect(rows[0].n).toBe(3);
    const positions = results
      .map((r) => r.json().mySignup.waitlistPosition)
      .filter((p) => p !== null)
      .sort();
    expect(positions).toEqual([1, 2, 3, 4, 5]);
    // Signing up twice is refused.
    const twice = await vols[0].inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ACTIVITY_ALREADY_SIGNED_UP');
  });

  it('a cancellation promotes the first on the waitlist, with a notice; limits hold after', async () => {
    const station = await t.login('station_admin');
    const a = await createActivity(station, site.id, { recruitLimit: 2 });
    const vols = await volunteerSessions(t, 4);
    for (const s of vols) await s.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup` });
    const cancel = await vols[0].inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup/cancel` });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().mySignup.status).toBe('cancelled');
    const third = (await vols[2].inject({ method: 'GET', url: `/api/v1/activities/${a.id}` })).json();
    expect(third.mySignup.status).toBe('signed_up');
    const fourth = (await vols[3].inject({ method: 'GET', url: `/api/v1/activities/${a.id}` })).json();
    expect(fourth.mySignup.waitlistPosition).toBe(1);
    expect(third.signedUpCount).toBe(2);
    const notices = (await vols[2].inject({ method: 'GET', url: '/api/v1/volunteers/me/notices' })).json();
    expect(notices.map((n: any) => n.kind)).toContain('promoted');
    // A waitlisted volunteer cancelling promotes nobody.
    await vols[3].inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup/cancel` });
    const list = (await station.inject({ method: 'GET', url: `/api/v1/activities/${a.id}/signups` })).json();
    expect(list.items.filter((x: any) => x.status === 'signed_up')).toHaveLength(2);
  });

  it('eligibility: required skills and team-only activities', async () => {
    const station = await t.login('station_admin');
    const a = await createActivity(station, site.id, { requiredSkills: ['first_aid'] });
    const [plain] = await volunteerSessions(t, 1);
    const [medic] = await volunteerSessions(t, 1, ['first_aid']);
    const refused = await plain.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup` });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('ACTIVITY_NOT_ELIGIBLE_SKILLS');
    expect((await medic.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup` })).statusCode).toBe(200);
  });

  it('the reminder job sends one notice per signed-up volunteer before the start', async () => {
    const station = await t.login('station_admin');
    const soon = Date.now() + 60 * 60_000; // starts in an hour: the reminder is due now
    const a = await createActivity(station, site.id, {
      startsAt: new Date(soon).toISOString(),
      endsAt: new Date(soon + 3600_000).toISOString(),
    });
    const [v] = await volunteerSessions(t, 1);
    await v.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup` });
    await t.drainJobs();
    const notices = (await v.inject({ method: 'GET', url: '/api/v1/volunteers/me/notices' })).json();
    expect(notices.filter((n: any) => n.kind === 'reminder' && n.activityId === a.id)).toHaveLength(1);
  });
});
