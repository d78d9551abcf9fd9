// Test helpers of bulletins: a computed evaluation of the demo tenant through the evaluations API.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Session, TestApp } from '../../test/harness';

/** The demo's published framework and the month holding most of its inspections. */
export async function demoEvaluationInput(t: TestApp) {
  const f = await t.ctx.db.execute(sql`SELECT id FROM framework WHERE tenant_id = ${t.tenantId} AND status = 'published'
    ORDER BY created_at LIMIT 1`);
  const m = await t.ctx.db.execute(sql`SELECT to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
    FROM inspection WHERE tenant_id = ${t.tenantId} GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`);
  const month = (m.rows[0] as { month: string } | undefined)?.month ?? '2026-10';
  return { frameworkId: (f.rows[0] as { id: string }).id, month };
}

/** Create an evaluation of the demo city's streets and, unless `compute` is false, run its job to done. */
export async function createEvaluation(
  t: TestApp,
  s: Session,
  opts: { compute?: boolean; regionCode?: string; name?: string } = {},
): Promise<string> {
  const { frameworkId, month } = await demoEvaluationInput(t);
  const res = await s.inject({
    method: 'POST',
    url: '/api/v1/evaluations',
    payload: {
      name: opts.name ?? '文明城市创建常态化测评',
      frameworkId,
      period: { kind: 'month', value: month },
      subjectKind: 'region',
      subjectLevel: 'township',
      ...(opts.regionCode ? { regionCode: opts.regionCode } : {}),
      lines: {
        passLine: 0.6,
        excellenceLine: 0.9,
        redLine: 0.85,
        blackLine: 0.7,
        summonsBottomThree: true,
        rateDecimals: 0,
      },
    },
  });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  if (opts.compute !== false) {
    await t.drainJobs();
    const e = await s.inject({ method: 'GET', url: `/api/v1/evaluations/${id}` });
    expect(e.json().state, e.body).toBe('done');
  }
  return id;
}
