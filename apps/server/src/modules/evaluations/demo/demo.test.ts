import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, demoContextOf } from '../../../test/harness';
import { seedDemoEvaluations } from './seed-evaluations';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 400_000);
afterAll(() => t?.close());

describe('demo evaluations', () => {
  it('has three months of county and street rankings with movement between them', async () => {
    const admin = await t.login('admin');
    const list = (await admin.inject({ method: 'GET', url: '/api/v1/evaluations?pageSize=10' })).json();
    expect(list.items.map((e: any) => [e.period.value, e.state])).toEqual([
      ['2026-11', 'done'],
      ['2026-10', 'done'],
      ['2026-09', 'done'],
    ]);
    const nov = list.items[0].id;
    const streets = (
      await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${nov}/results?level=township&pageSize=50` })
    ).json();
    expect(streets.total).toBe(18);
    expect(streets.items.every((i: any) => i.score !== null && i.rankChange !== null)).toBe(true);
    expect(streets.items.some((i: any) => i.rankChange !== 0)).toBe(true);
    expect(streets.items.filter((i: any) => i.summons)).toHaveLength(3);
    expect(streets.rates.pass.denominator).toBe(18);
    const trend = (await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${nov}/trend?level=county` })).json();
    expect(trend.periods.map((p: any) => p.label)).toEqual(['2026年9月', '2026年10月', '2026年11月']);
    const first = trend.subjects[0];
    expect(first.scores.every((s: number | null) => s !== null)).toBe(true);
    expect(new Set(first.scores).size).toBeGreaterThan(1);
    const worst = streets.items[streets.items.length - 1];
    const lost = (
      await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${nov}/deductions?subject=${worst.subject.key}` })
    ).json();
    expect(lost.items.length).toBeGreaterThan(0);
    expect(lost.items[0].lost).toBeGreaterThanOrEqual(lost.items[lost.items.length - 1].lost);
  });

  it('adds nothing on a second run', async () => {
    const count = async () =>
      (
        (
          await t.ctx.db.execute(
            sql`SELECT (SELECT count(*) FROM evaluation)::int + (SELECT count(*) FROM inspection)::int AS n`,
          )
        ).rows[0] as { n: number }
      ).n;
    const before = await count();
    await seedDemoEvaluations(demoContextOf(t));
    expect(await count()).toBe(before);
  });
});
