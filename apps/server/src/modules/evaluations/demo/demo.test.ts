import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, demoContextOf } from '../../../test/harness';
import { demoMonths } from './demo-inspections';
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
    // The three months before the month the demo was seeded in (the test's clock), newest first.
    const months = demoMonths(t.ctx.clock.now());
    expect(list.items.map((e: any) => [e.period.value, e.state])).toEqual(
      [...months].reverse().map((m) => [m, 'done']),
    );
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
    expect(trend.periods.map((p: any) => p.label)).toEqual(
      months.map((m) => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`),
    );
    const first = trend.subjects[0];
    expect(first.scores.every((s: number | null) => s !== null)).toBe(true);
    expect(new Set(first.scores).size).toBeGreaterThan(1);
    const worst = streets.items[streets.items.length - 1];
    const lost = (
      await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${nov}/deductions?subject=${worst.subject.key}` })
    ).json();
    expect(lost.items.length).toBeGreaterThan(0);
    expect(lost.items[0].lost).toBeGreaterThanOrEqual(lost.items[lost.items.length - 1].lost);

    // The largest loss found in the field (a survey indicator has no points) ends in a finding that says what was
    // wrong and the photo taken of it.
    const top = lost.items.find((i: any) => i.source === 'field');
    const points = (
      await admin.inject({
        method: 'GET',
        url: `/api/v1/evaluations/${nov}/indicator-points?subject=${worst.subject.key}&indicatorId=${top.indicatorId}`,
      })
    ).json();
    const point = points.find((p: any) => p.notMet > 0);
    const inspections = (
      await admin.inject({
        method: 'GET',
        url: `/api/v1/evaluations/${nov}/point-inspections?subject=${worst.subject.key}&pointId=${point.point.id}&indicatorId=${top.indicatorId}`,
      })
    ).json();
    const finding = inspections.flatMap((i: any) => i.findings).find((f: any) => f.result === 'not_met');
    expect(finding.note).toMatch(/\p{Script=Han}{4,}/u);
    expect(finding.note).not.toMatch(/演示/);
    expect(finding.photoFileIds).toHaveLength(1);
    const photo = await admin.inject({ method: 'GET', url: `/api/v1/files/${finding.photoFileIds[0]}` });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('gives every not-met finding of the monthly inspections a fitting note and a photo of its own', async () => {
    const res = await t.ctx.db.execute(sql`SELECT count(*)::int AS findings,
        count(*) FILTER (WHERE cardinality(o.photo_file_ids) = 1)::int AS with_photo,
        count(DISTINCT o.photo_file_ids[1])::int AS distinct_files,
        count(*) FILTER (WHERE o.note IS NULL OR o.note LIKE '演示%')::int AS bare
      FROM inspection_observation o JOIN inspection i ON i.tenant_id = o.tenant_id AND i.id = o.inspection_id
      JOIN inspection_plan p ON p.tenant_id = i.tenant_id AND p.id = i.plan_id
      WHERE o.tenant_id = ${t.tenantId} AND o.result = 'not_met' AND p.name LIKE '%月度考评实地测评'`);
    const r = res.rows[0] as { findings: number; with_photo: number; distinct_files: number; bare: number };
    expect(r.findings).toBeGreaterThan(50);
    expect(r).toEqual({ findings: r.findings, with_photo: r.findings, distinct_files: r.findings, bare: 0 });
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
