// The inspection record as GET /inspections/:id reads it: each finding with the standard's points and scoring rule,
// the negative-list items by name, and figures that add up: (Σ earned − negative deduction) ÷ applicable = score.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
}, 600_000);
afterAll(() => t?.close());

describe('GET /inspections/:id', () => {
  it('explains its score: findings with points of max and rule, named negative items, figures that add up', async () => {
    const found = await t.ctx.db.execute(sql`SELECT id FROM inspection WHERE tenant_id = ${t.tenantId}
      AND negative_deduction > 0 AND NOT vetoed ORDER BY id LIMIT 1`);
    const id = (found.rows[0] as { id: string } | undefined)?.id;
    expect(id, 'the demo has an inspection with a negative-list deduction').toBeTruthy();
    const res = await admin.inject({ method: 'GET', url: `/api/v1/inspections/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    const ins = res.json();
    expect(ins.planName).toBeTruthy();
    const applicable = ins.observations.filter((o: any) => o.result !== 'na');
    const cents = (v: number) => Math.round(v * 100);
    expect(applicable.reduce((n: number, o: any) => n + cents(o.earned), 0)).toBe(cents(ins.earned));
    expect(applicable.reduce((n: number, o: any) => n + cents(o.points), 0)).toBe(cents(ins.applicable));
    for (const o of ins.observations) {
      expect(o.points).toBeGreaterThan(0);
      expect(o.scoringRule.kind).toBeTruthy();
      if (o.earned !== null) expect(o.earned).toBeLessThanOrEqual(o.points);
    }
    expect(ins.negativeItems.length).toBeGreaterThan(0);
    for (const n of ins.negativeItems) expect(n.name).toBeTruthy();
    const deducted = ins.negativeItems
      .filter((n: any) => n.effect === 'deduct')
      .reduce((s: number, n: any) => s + cents(n.deduction), 0);
    expect(Math.min(deducted, cents(ins.earned))).toBe(cents(ins.negativeDeduction));
    expect(ins.score).toBeCloseTo((ins.earned - ins.negativeDeduction) / ins.applicable, 4);
  });

  it('answers 404 for an unknown record and 401 when signed out', async () => {
    const missing = '01900000-0000-7000-8000-0000000000ff';
    expect((await admin.inject({ method: 'GET', url: `/api/v1/inspections/${missing}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/inspections/${missing}` })).statusCode).toBe(401);
  });
});
