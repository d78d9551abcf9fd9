// Candidates for dispatch: skill fit first, then distance, load and ratings, each with the reasons it was proposed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { scoreCandidate } from './order-candidates.service';
import { act, centre, insertVolunteer, menuItem, placeOrder } from './test-fixtures';

let t: TestApp;
let station: Session;
let resident: Session;
let siteId: string;

beforeAll(async () => {
  t = await createTestApp();
  [station, resident] = await Promise.all(['station_admin', 'resident'].map((u) => t.login(u)));
  siteId = (await centre(t)).id;
}, 600_000);
afterAll(() => t?.close());

describe('GET /orders/:id/candidates', () => {
  it('ranks skilled volunteers by distance and load, explains why, and leaves out the unskilled', async () => {
    const itemId = await menuItem(station, siteId, ['elderly_care'], '助老陪诊');
    const near = await insertVolunteer(t, { name: '近处志愿者', skills: ['elderly_care'], lat: 39.601, lng: 103.301 });
    const far = await insertVolunteer(t, { name: '远处志愿者', skills: ['elderly_care'], lat: 39.61, lng: 103.31 });
    const busy = await insertVolunteer(t, {
      name: '繁忙志愿者',
      skills: ['elderly_care'],
      lat: 39.6005,
      lng: 103.3005,
    });
    const unskilled = await insertVolunteer(t, { name: '无技能志愿者', skills: ['arts'], lat: 39.6, lng: 103.3 });
    // Give the busy volunteer three open orders.
    for (let i = 0; i < 3; i++) {
      const o = await placeOrder(resident, {
        siteId,
        itemId,
        description: '陪同就医',
        address: '3号楼',
        lat: 39.6,
        lng: 103.3,
      });
      await act(station, o.id, { action: 'review' });
      await act(station, o.id, { action: 'dispatch', volunteerId: busy });
    }
    const o = await placeOrder(resident, {
      siteId,
      itemId,
      description: '陪同就医',
      address: '3号楼',
      lat: 39.6,
      lng: 103.3,
    });
    expect((await resident.inject({ method: 'GET', url: `/api/v1/orders/${o.id}/candidates` })).statusCode).toBe(403);
    const res = await station.inject({ method: 'GET', url: `/api/v1/orders/${o.id}/candidates` });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.length).toBeLessThanOrEqual(10);
    // Demo volunteers may be proposed too; ours keep their order and the unskilled one is not proposed.
    // Far from the demo's volunteers: the nearest is first, the one 1.4 km away next; the busy one (3 open
    // orders) falls behind both although it lives closest.
    const ids = list.map((c: any) => c.volunteerId);
    expect(ids.slice(0, 2)).toEqual([near, far]);
    expect(ids).not.toContain(unskilled);
    if (ids.includes(busy)) expect(ids.indexOf(busy)).toBeGreaterThan(1);
    for (const c of list) expect(c.matchedSkills).toEqual(['elderly_care']);
    const first = list.find((c: any) => c.volunteerId === near);
    expect(first.reasons.map((r: any) => r.code)).toEqual(
      expect.arrayContaining(['skill_match', 'distance', 'open_orders', 'no_rating']),
    );
    expect(first.reasonTexts).toEqual(expect.arrayContaining(['技能匹配：助老服务', '当前 0 单', '暂无评分']));
    expect(first.reasonTexts.some((s: string) => /^距离 0\.\d 公里$/.test(s))).toBe(true);
    const en = await station.inject({
      method: 'GET',
      url: `/api/v1/orders/${o.id}/candidates`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().find((c: any) => c.volunteerId === near).reasonTexts).toContain('0 open orders');
  });

  it('answers 404 for an order outside the reader\u2019s scope', async () => {
    const gridWorker = await t.login('grid_worker');
    expect(
      (
        await gridWorker.inject({
          method: 'GET',
          url: '/api/v1/orders/01900000-0000-7000-8000-000000000077/candidates',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await station.inject({ method: 'GET', url: '/api/v1/orders/01900000-0000-7000-8000-000000000077/candidates' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('scoreCandidate', () => {
  const base = {
    id: 'v',
    name: 'v',
    number: 'V1',
    skills: ['repair'],
    availability: ['mon_am'],
    lat: 38.5,
    lng: 102.18,
    located: 'home' as const,
  };
  const place = { lat: 38.5, lng: 102.18, skills: ['repair'] };
  it('prefers good ratings, free hands and availability now', () => {
    const good = scoreCandidate(base, place, { open: 0, avg: 4.8, n: 5 }, 'mon_am');
    const poor = scoreCandidate(base, place, { open: 0, avg: 2, n: 5 }, 'mon_am');
    const busy = scoreCandidate(base, place, { open: 3, avg: 4.8, n: 5 }, 'mon_am');
    const away = scoreCandidate(base, place, { open: 0, avg: 4.8, n: 5 }, 'tue_pm');
    expect(good.score).toBeGreaterThan(poor.score);
    expect(good.score).toBeGreaterThan(busy.score);
    expect(good.score).toBeGreaterThan(away.score);
    expect(good.reasons).toContainEqual({ code: 'rating', params: { value: 4.8 } });
    expect(good.reasons).toContainEqual({ code: 'available_now', params: {} });
  });

  it('splits the score into parts that add up to it, each within its maximum', () => {
    for (const [load, slot] of [
      [{ open: 1, avg: 3.7, n: 3 }, 'mon_am'],
      [{ open: 0, avg: null, n: 0 }, null],
      [{ open: 5, avg: 1, n: 1 }, 'tue_am'],
    ] as const) {
      const c = scoreCandidate({ ...base, lat: 38.53, lng: 102.2 }, place, load, slot);
      const sum = c.parts.reduce((n, p) => n + Math.round(p.points * 10), 0) / 10;
      expect(sum).toBe(c.score);
      for (const p of c.parts) expect(p.points).toBeLessThanOrEqual(p.max);
      expect(c.parts.map((p) => p.part)).toEqual(['skill', 'distance', 'availability', 'load', 'rating']);
    }
  });
});

describe('where a volunteer and an order are', () => {
  it('measures from the volunteer\u2019s site when there is no home point, and to the order\u2019s site when it has no point', async () => {
    const site = await centre(t);
    await t.ctx.db.execute(
      sql`UPDATE practice_site SET lat = 39.7, lng = 103.4 WHERE tenant_id = ${t.tenantId} AND id = ${site.id}`,
    );
    const itemId = await menuItem(station, siteId, ['legal'], '法律咨询（距离）');
    const atSite = await insertVolunteer(t, { name: '阵地志愿者', skills: ['legal'], siteId: site.id });
    const o = await placeOrder(resident, { siteId, itemId, description: '法律咨询', address: '4号楼' });
    const list = (await station.inject({ method: 'GET', url: `/api/v1/orders/${o.id}/candidates` })).json();
    const c = list.find((x: any) => x.volunteerId === atSite);
    expect(c).toMatchObject({ distanceKm: 0, measuredFrom: 'site' });
    expect(c.reasonTexts).toContain('距离 0 公里');
    // Scores differ for real reasons: not all the same.
    expect(new Set(list.map((x: any) => x.score)).size).toBeGreaterThan(1);
  });

  it('finds any active volunteer by name or number for a manual pick, scored the same way, and dispatches to them', async () => {
    const itemId = await menuItem(station, siteId, ['medical'], '健康义诊（手动）');
    const pick = await insertVolunteer(t, { name: '手动挑选志愿者', skills: ['arts'], lat: 39.7, lng: 103.4 });
    const o = await placeOrder(resident, {
      siteId,
      itemId,
      description: '测血压',
      address: '5号楼',
      lat: 39.7,
      lng: 103.4,
    });
    const plain = (await station.inject({ method: 'GET', url: `/api/v1/orders/${o.id}/candidates` })).json();
    expect(plain.map((x: any) => x.volunteerId)).not.toContain(pick);
    const found = await station.inject({
      method: 'GET',
      url: `/api/v1/orders/${o.id}/candidates?q=${encodeURIComponent('手动挑选')}`,
    });
    expect(found.statusCode, found.body).toBe(200);
    const c = found.json().find((x: any) => x.volunteerId === pick);
    expect(c).toMatchObject({ matchedSkills: [], distanceKm: 0 });
    expect(c.parts.find((p: any) => p.part === 'skill').points).toBe(0);
    const long = await station.inject({ method: 'GET', url: `/api/v1/orders/${o.id}/candidates?q=${'长'.repeat(60)}` });
    expect(long.statusCode).toBe(400);
    await act(station, o.id, { action: 'review' });
    const sent = await act(station, o.id, { action: 'dispatch', volunteerId: pick });
    expect(sent.json()).toMatchObject({ status: 'dispatched', volunteer: { id: pick } });
  });
});
