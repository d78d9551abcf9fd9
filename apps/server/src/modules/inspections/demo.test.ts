import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { count } from '../campaigns/test-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('demo inspections', () => {
  it('has points, this month’s plan with two teams, inspections with findings as problems, a questionnaire', async () => {
    expect(await count(t, 'point')).toBeGreaterThanOrEqual(60);
    const inspector = await t.login('inspector');
    const today = (await inspector.inject({ method: 'GET', url: '/api/v1/inspections/today' })).json();
    expect(today.items.length).toBeGreaterThan(5);
    // Five of this month's 实地测评 and one 五有 self-inspection of a practice station.
    expect(today.items.filter((p: any) => p.done)).toHaveLength(6);
    const admin = await t.login('admin');
    const plans = (await admin.inject({ method: 'GET', url: '/api/v1/inspection-plans' })).json();
    // This month's field evaluation (the demo has plans of every kind, and closed plans of past months).
    const current = plans.items.find((p: any) => p.status === 'published' && p.kind === 'field_eval');
    expect(current).toMatchObject({ kind: 'field_eval', doneCount: 5 });
    expect(current.teams.map((x: any) => x.name)).toEqual(['第一督查组', '第二督查组']);
    expect(await count(t, 'problem', sql`source = 'inspection' AND inspection_id IS NOT NULL`)).toBeGreaterThan(0);
    const q = (await admin.inject({ method: 'GET', url: '/api/v1/questionnaires' }))
      .json()
      .items.find((x: any) => x.title === '市民文明素养满意度与创建知晓率调查');
    const results = (
      await admin.inject({ method: 'GET', url: `/api/v1/questionnaires/${q.id}/results?level=township` })
    ).json();
    expect(results.total.responses).toBe(36);
    expect(results.total.awareness.percent).toBeGreaterThan(50);
  });
});
