import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { STREETS, type Fixture, buildFixture, createBody } from './test-fixture';

let t: TestApp;
let admin: Session;
let district: Session;
let liaison: Session;
let fx: Fixture;

async function evaluate(month: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await admin.inject({
    method: 'POST',
    url: '/api/v1/evaluations',
    payload: createBody(fx.frameworkId, month, extra),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.drainJobs();
  return res.json().id;
}

const results = async (s: Session, id: string, level = 'township') =>
  (await s.inject({ method: 'GET', url: `/api/v1/evaluations/${id}/results?level=${level}&pageSize=50` })).json();
const row = (page: any, code: string) => page.items.find((i: any) => i.subject.code === code);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  district = await t.login('district_admin');
  liaison = await t.login('unit_liaison');
  fx = await buildFixture(t);
}, 400_000);
afterAll(() => t?.close());

describe('evaluations', () => {
  let sept: string;
  let oct: string;

  it('computes through the job queue: 202, then done with hand-computed scores, shared ranks and movement', async () => {
    sept = await evaluate('2026-09');
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: createBody(fx.frameworkId, '2026-10'),
    });
    expect(res.statusCode).toBe(202);
    oct = res.json().id;
    expect((await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${oct}` })).json().state).toBe('queued');
    await t.drainJobs();
    const ev = (await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${oct}` })).json();
    expect(ev).toMatchObject({
      state: 'done',
      version: 1,
      subjectLevel: 'township',
      levels: ['township', 'county', 'prefecture'],
    });
    expect(ev.period).toMatchObject({ start: '2026-10-01', end: '2026-10-31', label: '2026年10月' });
    const page = await results(admin, oct);
    const score = (s: keyof typeof STREETS) => row(page, STREETS[s]);
    expect([score('A').score, score('B').score, score('C').score, score('D').score, score('E').score]).toEqual([
      50, 100, 75, 75, 0,
    ]);
    expect([score('B').rank, score('C').rank, score('D').rank, score('A').rank, score('E').rank]).toEqual([
      1, 2, 2, 4, 5,
    ]);
    expect(score('E').vetoed).toBe(true);
    expect(score('B')).toMatchObject({ passed: true, excellent: true, redList: true, rankChange: 1, previousScore: 0 });
    expect(score('A')).toMatchObject({ passed: false, blackList: true, rankChange: -3, summons: true });
    expect(score('C').rankChange).toBeNull();
    // Streets with no data are listed unranked after the ranked ones.
    expect(page.items.slice(0, 5).map((i: any) => i.rank)).toEqual([1, 2, 2, 4, 5]);
    expect(page.items[5].score).toBeNull();
    expect(page.rates.pass).toEqual({ numerator: 3, denominator: 5, percent: 60 });
    expect(page.rates.excellent).toEqual({ numerator: 1, denominator: 5, percent: 20 });
    expect(page.rates.compliance).toEqual({ numerator: 1, denominator: 5, percent: 20 });
    const counted = (
      await t.ctx.db.execute(sql`SELECT count(*)::int AS found, count(*) FILTER (WHERE status IN ('verified', 'closed'))::int AS closed
        FROM problem WHERE tenant_id = ${t.tenantId} AND status <> 'duplicate' AND region_code LIKE '6203%'
          AND created_at >= '2026-09-30T16:00:00Z' AND created_at < '2026-10-31T16:00:00Z'`)
    ).rows[0] as { found: number; closed: number };
    expect(page.rates.rectification).toMatchObject({ numerator: counted.closed, denominator: counted.found });
    // The district pools its streets' observations: S1 7/7 → 10, S2 3/6 → 5, S3 0/1 → 0; E's veto zeroes 永昌县.
    const county = await results(admin, oct, 'county');
    expect(row(county, '620302').score).toBe(50);
    expect(row(county, '620321').score).toBe(0);
  });

  it('scores not-sampled standards zero when the scheme says so', async () => {
    const id = await evaluate('2026-10', {
      series: 'test-zero',
      scheme: { components: [{ kind: 'field', weight: 100 }], notSampled: 'zero' },
    });
    const page = await results(admin, id);
    // B: S1 10, S2 observed only as N/A (not sampled) → 0 of 10, S3 is for markets only → 10 / 20.
    expect(row(page, STREETS.B).score).toBe(50);
    expect(row(page, STREETS.A).score).toBe(50);
  });

  it('drills down from a score to findings and photos, and lists 失分项 by points lost', async () => {
    const subject = `region:${STREETS.A}`;
    const detail = (
      await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${oct}/subject?subject=${subject}` })
    ).json();
    expect(detail.indicators.map((i: any) => [i.code, i.fullPoints, i.score])).toEqual([
      ['T1', 30, 15],
      ['T1.1', 10, 10],
      ['T1.2', 10, 5],
      ['T1.3', 10, 0],
    ]);
    const deductions = (
      await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${oct}/deductions?subject=${subject}` })
    ).json();
    expect(deductions.items.map((d: any) => [d.code, d.lost, d.met, d.applicable])).toEqual([
      ['T1.3', 10, 0, 1],
      ['T1.2', 5, 1, 2],
    ]);
    expect(deductions.totalLost).toBe(15);
    const points = (
      await admin.inject({
        method: 'GET',
        url: `/api/v1/evaluations/${oct}/indicator-points?subject=${subject}&indicatorId=${fx.standards.S2}`,
      })
    ).json();
    expect(points.map((p: any) => [p.point.name, p.notMet, p.earned, p.possible])).toEqual([
      ['考评点A1', 1, 0, 10],
      ['考评点A2', 0, 10, 10],
    ]);
    const insp = (
      await admin.inject({
        method: 'GET',
        url: `/api/v1/evaluations/${oct}/point-inspections?subject=${subject}&pointId=${fx.points.A1}`,
      })
    ).json();
    expect(insp).toHaveLength(1);
    expect(insp[0].findings).toEqual([
      expect.objectContaining({ indicatorCode: 'T1.2', result: 'not_met', photoFileIds: [fx.photoId] }),
    ]);
    const xlsx = await admin.inject({
      method: 'GET',
      url: `/api/v1/evaluations/${oct}/deductions.xlsx?subject=${subject}`,
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((r) => texts.push(String(r.getCell(4).value ?? '')));
    expect(texts).toEqual(expect.arrayContaining(['市场秩序', '公益广告']));
  });

  it('scopes rows: a district admin sees its subtree, outside is 404, a unit liaison sees no street', async () => {
    const page = await results(district, oct);
    expect(page.items.every((i: any) => i.subject.code.startsWith('620302'))).toBe(true);
    expect(row(page, STREETS.A).rank).toBe(4);
    const outside = await district.inject({
      method: 'GET',
      url: `/api/v1/evaluations/${oct}/deductions?subject=region:${STREETS.E}`,
    });
    expect(outside.statusCode).toBe(404);
    expect((await results(liaison, oct)).items).toEqual([]);
    const l = await liaison.inject({
      method: 'GET',
      url: `/api/v1/evaluations/${oct}/deductions?subject=region:${STREETS.A}`,
    });
    expect(l.statusCode).toBe(404);
    const create = await district.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: createBody(fx.frameworkId, '2026-10'),
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.details.fields[0].field).toBe('regionCode');
    const byLiaison = await liaison.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: createBody(fx.frameworkId, '2026-10'),
    });
    expect(byLiaison.statusCode).toBe(403);
  });

  it('ranks units by their paired points; a unit liaison reads only its own unit', async () => {
    const unit = (
      await t.ctx.db.execute(sql`SELECT ra.scope_ref AS id FROM role_assignment ra JOIN account a ON a.tenant_id = ra.tenant_id
        AND a.id = ra.account_id WHERE ra.tenant_id = ${t.tenantId} AND a.username = 'unit_liaison'`)
    ).rows[0] as { id: string };
    const other = (
      await t.ctx.db.execute(
        sql`SELECT id FROM unit WHERE tenant_id = ${t.tenantId} AND id <> ${unit.id} ORDER BY name LIMIT 1`,
      )
    ).rows[0] as { id: string };
    const pair = (u: string, point: string) =>
      t.ctx.db.execute(sql`INSERT INTO pairing (tenant_id, id, unit_id, kind, target_kind, target_ref, region_code)
        VALUES (${t.tenantId}, gen_random_uuid(), ${u}, 'baolian', 'point', ${point}, '620302')`);
    await pair(unit.id, fx.points.A1 as string);
    await pair(other.id, fx.points.B1 as string);
    const id = await evaluate('2026-10', { subjectKind: 'unit', subjectLevel: undefined, series: 'test-units' });
    const own = await results(liaison, id, 'unit');
    expect(own.items.map((i: any) => [i.subject.id, i.score])).toEqual([[unit.id, 50]]);
    const mine = await liaison.inject({
      method: 'GET',
      url: `/api/v1/evaluations/${id}/deductions?subject=unit:${unit.id}`,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((d: any) => d.code)).toEqual(['T1.2']);
    const theirs = await liaison.inject({
      method: 'GET',
      url: `/api/v1/evaluations/${id}/deductions?subject=unit:${other.id}`,
    });
    expect(theirs.statusCode).toBe(404);
    const all = (await results(admin, id, 'unit')).items.filter((i: any) => i.score !== null);
    expect(all.map((i: any) => [i.subject.id, i.score, i.rank])).toEqual([
      [other.id, 100, 1],
      [unit.id, 50, 2],
    ]);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = (await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM evaluation`)).rows[0] as { n: number };
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: { ...createBody(fx.frameworkId, '2026-13') },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('period.value');
    const noFw = await admin.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      headers: { 'accept-language': 'en' },
      payload: createBody('01a20443-8ef3-7103-9a55-8b53c445792a', '2026-10'),
    });
    expect(noFw.statusCode).toBe(400);
    expect(noFw.json().error.details.fields[0]).toMatchObject({ field: 'frameworkId' });
    const subj = await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${oct}/deductions?subject=street:1` });
    expect(subj.statusCode).toBe(400);
    const after = (await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM evaluation`)).rows[0] as { n: number };
    expect(after.n).toBe(before.n);
  });

  it('creates one evaluation for a double POST with one Idempotency-Key; a recomputation is a new version', async () => {
    const headers = { 'idempotency-key': 'eval-double-1' };
    const payload = createBody(fx.frameworkId, '2026-10');
    const [a, b] = [
      await admin.inject({ method: 'POST', url: '/api/v1/evaluations', headers, payload }),
      await admin.inject({ method: 'POST', url: '/api/v1/evaluations', headers, payload }),
    ];
    expect(a.statusCode).toBe(202);
    expect(b.statusCode).toBe(202);
    expect(b.json().id).toBe(a.json().id);
    await t.drainJobs();
    const versions = (
      await t.ctx.db.execute(sql`SELECT version FROM evaluation WHERE tenant_id = ${t.tenantId}
        AND series = 'test-streets' AND period_start = '2026-10-01' ORDER BY version`)
    ).rows.map((r: any) => r.version);
    expect(versions).toEqual([1, 2]);
    const v2 = (await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${a.json().id}` })).json();
    expect(v2.version).toBe(2);
    // Same data, same scores: deterministic.
    expect((await results(admin, a.json().id)).items).toEqual((await results(admin, oct)).items);
    const audit = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE tenant_id = ${t.tenantId}
      AND object_id = ${a.json().id} ORDER BY action`);
    expect(audit.rows.map((r: any) => r.action)).toEqual(['evaluation.compute', 'evaluation.create']);
  });

  it('gives the trend of a series, oldest first, and lists evaluations', async () => {
    const trend = (await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${oct}/trend` })).json();
    expect(trend.periods.map((p: any) => p.label)).toEqual(['2026年9月', '2026年10月']);
    const a = trend.subjects.find((s: any) => s.subject.code === STREETS.A);
    expect(a.scores).toEqual([100, 50]);
    expect(trend.periods[0].evaluationId).toBe(sept);
    const list = (await admin.inject({ method: 'GET', url: '/api/v1/evaluations?series=test-streets' })).json();
    expect(list.total).toBe(3);
    expect(list.items[0].period.value).toBe('2026-10');
    const inMonth = async (period: string) =>
      admin.inject({ method: 'GET', url: `/api/v1/evaluations?series=test-streets&period=${period}` });
    const sep = (await inMonth('2026-09')).json();
    expect(sep.items.map((e: any) => e.id)).toEqual([sept]);
    expect((await inMonth('2026-10')).json().items.map((e: any) => e.period.value)).toEqual(['2026-10', '2026-10']);
    expect((await inMonth('2026-11')).json().total).toBe(0);
    const bad = await inMonth('2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('period');
  });
});
