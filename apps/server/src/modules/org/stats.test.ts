import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
let admin: Session;
let district: Session;

beforeAll(async () => {
  t = await createTestApp();
  [admin, district] = await Promise.all([t.login('admin'), t.login('district_admin')]);
});
afterAll(() => t?.close());

/** Counts straight from the tables, for rows whose region code starts with `prefix`. */
async function expected(prefix: string) {
  const n = async (q: ReturnType<typeof sql>) => Number(((await t.ctx.db.execute(q)).rows[0] as { n: number }).n);
  const like = `${prefix}%`;
  const where = sql`tenant_id = ${t.tenantId} AND region_code LIKE ${like}`;
  return {
    centres: await n(sql`SELECT count(*)::int AS n FROM practice_site WHERE ${where} AND kind = 'centre'`),
    institutes: await n(sql`SELECT count(*)::int AS n FROM practice_site WHERE ${where} AND kind = 'institute'`),
    stations: await n(sql`SELECT count(*)::int AS n FROM practice_site WHERE ${where} AND kind = 'station'`),
    units: await n(sql`SELECT count(*)::int AS n FROM unit WHERE ${where}`),
    people: await n(sql`SELECT count(*)::int AS n FROM person WHERE ${where}`),
    grids: await n(sql`SELECT count(*)::int AS n FROM grid WHERE ${where}`),
    pairings: await n(sql`SELECT count(*)::int AS n FROM pairing WHERE ${where}`),
    townships: await n(sql`SELECT count(*)::int AS n FROM region WHERE tenant_id = ${t.tenantId} AND code LIKE ${like}
      AND level = 'township' AND status = 'active'`),
    fiveHasMet: await n(sql`SELECT count(*)::int AS n FROM practice_site WHERE ${where}
      AND five_has @> '{"organisation":true,"plan":true,"carrier":true,"highlight":true,"effect":true}'::jsonb`),
  };
}

describe('org stats', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org/stats' })).statusCode).toBe(401);
  });

  it('answers 400 for a malformed region code', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/v1/org/stats?regionCode=abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('regionCode');
  });

  it('counts the whole tenant from data for an all-scope admin', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/v1/org/stats' });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const e = await expected('');
    expect(s.sites.byKind).toEqual({
      centre: e.centres,
      institute: e.institutes,
      station: e.stations,
      base: 0,
      post: 0,
    });
    expect(s.sites.byKind.centre).toBe(1);
    expect(s.sites.fiveHasMet).toBe(e.fiveHasMet);
    expect(s.units.total).toBe(e.units);
    expect(Object.values(s.units.byType).reduce((a: number, b) => a + (b as number), 0)).toBe(e.units);
    const points = await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM point WHERE tenant_id = ${t.tenantId}`);
    expect(s).toMatchObject({
      people: e.people,
      grids: e.grids,
      pairings: e.pairings,
      points: (points.rows[0] as any).n,
    });
    expect(s.regions.byLevel).toMatchObject({ province: 0, prefecture: 1, county: 2, township: e.townships });
    expect(s.regions.byLevel.village).toBeGreaterThan(0);
  });

  it('counts only the district for a district admin, and 404s a region outside it', async () => {
    const s = (await district.inject({ method: 'GET', url: '/api/v1/org/stats' })).json();
    const e = await expected('620302');
    expect(s.sites.byKind).toMatchObject({ centre: 0, institute: e.institutes, station: e.stations });
    expect(s).toMatchObject({ people: e.people, grids: e.grids, pairings: e.pairings, units: { total: e.units } });
    expect(s.regions.byLevel).toMatchObject({ prefecture: 0, county: 1, township: e.townships });
    const outside = await district.inject({ method: 'GET', url: '/api/v1/org/stats?regionCode=620321' });
    expect(outside.statusCode).toBe(404);
    const narrowed = (await admin.inject({ method: 'GET', url: '/api/v1/org/stats?regionCode=620302' })).json();
    expect(narrowed).toEqual(s);
  });

  it('counts nothing for a signed-in user whose region scope is empty', async () => {
    const s = (await (await t.login('volunteer')).inject({ method: 'GET', url: '/api/v1/org/stats' })).json();
    expect(s.units.total).toBe(0);
    expect(s.sites.byKind.station).toBe(0);
    expect(s.regions.byLevel.village).toBe(0);
  });

  it('refuses a user without region.read (403)', async () => {
    const res = await (await t.login('auditor')).inject({ method: 'GET', url: '/api/v1/org/stats' });
    expect(res.statusCode).toBe(403);
  });
});
