// 整改率 has one definition (packages/contracts rectification.ts) and one number: the big screen, the ranking's rate
// cards, the published bulletin and the office's workbench print the same figure for the same evaluation.
import { isRectified, rectificationRate } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
}, 180_000);
afterAll(() => t?.close());

describe('整改率', () => {
  it('is rectified (verified or closed) over found, duplicates left out', () => {
    expect(isRectified('verified')).toBe(true);
    expect(isRectified('closed')).toBe(true);
    expect(isRectified('submitted')).toBe(false);
    expect(rectificationRate({ found: 14, rectified: 8 })).toEqual({ numerator: 8, denominator: 14, percent: 57 });
    expect(rectificationRate({ found: 0, rectified: 0 }).percent).toBeNull();
  });

  it('reads the same on the big screen, in the ranking, in the bulletin and on the workbench', async () => {
    const screen = (await admin.inject({ method: 'GET', url: '/api/v1/bigscreen' })).json();
    expect(screen.evaluation).not.toBeNull();
    const id = screen.evaluation.id as string;
    const ranking = (await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${id}/results` })).json();
    const published = await admin.inject({ method: 'POST', url: `/api/v1/evaluations/${id}/publish`, payload: {} });
    expect(published.statusCode, published.body).toBe(201);
    const bulletin = (await admin.inject({ method: 'GET', url: `/api/v1/bulletins/${published.json().id}` })).json();
    const workbench = (await admin.inject({ method: 'GET', url: '/api/v1/workbench' })).json();
    const figure = workbench.figures.find((f: { key: string }) => f.key === 'rectification_rate');

    const { numerator, denominator, percent } = ranking.rates.rectification;
    expect(denominator).toBeGreaterThan(0);
    const printed = `${percent}%`;
    expect(screen.rectification).toEqual({ numerator, denominator, percent: printed });
    expect(bulletin.snapshot.rates.rectification).toEqual({ numerator, denominator, percent: printed });
    expect(figure).toMatchObject({ value: percent, numerator, denominator });
  });

  it('counts what the definition says in the period of the evaluation', async () => {
    const screen = (await admin.inject({ method: 'GET', url: '/api/v1/bigscreen' })).json();
    const ev = (await admin.inject({ method: 'GET', url: `/api/v1/evaluations/${screen.evaluation.id}` })).json();
    const level = ev.levels[0] as string;
    // The evaluation's subjects at its first level are regions: count problems under them, in the period.
    const found = (
      await t.ctx.db.execute(sql`SELECT p.status FROM problem p JOIN region r ON r.tenant_id = p.tenant_id
        AND r.code = p.region_code JOIN evaluation_result er ON er.tenant_id = p.tenant_id
          AND er.evaluation_id = ${ev.id} AND er.level = ${level}
        JOIN region s ON s.tenant_id = er.tenant_id AND s.code = er.subject_code AND r.path <@ s.path
        WHERE p.tenant_id = ${t.tenantId} AND p.status <> 'duplicate'
          AND p.created_at >= (${ev.period.start}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND p.created_at < ((${ev.period.end}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`)
    ).rows as { status: string }[];
    const expected = rectificationRate({
      found: found.length,
      rectified: found.filter((p) => isRectified(p.status)).length,
    });
    expect(screen.rectification.numerator).toBe(expected.numerator);
    expect(screen.rectification.denominator).toBe(expected.denominator);
  });
});
