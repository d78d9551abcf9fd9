// A small hand-computed world for the evaluation tests: a 3-standard framework, eight points in five streets
// and inspections in September and October 2026 written straight into the tables.
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/ids';
import type { TestApp } from '../../test/harness';

export const STREETS = { A: '620302001', B: '620302002', C: '620302003', D: '620302004', E: '620321100' } as const;
type Street = keyof typeof STREETS;
type R = 'met' | 'not_met' | 'na';

export interface Fixture {
  frameworkId: string;
  standards: { S1: string; S2: string; S3: string };
  points: Record<string, string>;
  vetoItemId: string;
  photoId: string;
}

async function villageOf(t: TestApp, street: string): Promise<string> {
  const res = await t.ctx.db.execute(sql`SELECT code FROM region WHERE tenant_id = ${t.tenantId}
    AND parent_code = ${street} ORDER BY code LIMIT 1`);
  return (res.rows[0] as { code: string } | undefined)?.code ?? street;
}

/**
 * October 2026 (drop rule): A = (10 + 5 + 0) / 30 → 50; B = 10 / 10 → 100; C = D = 15 / 20 → 75; E vetoed → 0.
 * September 2026: A = 100, B = 0 (others not inspected).
 */
export async function buildFixture(t: TestApp): Promise<Fixture> {
  const db = t.ctx.db;
  const tenant = t.tenantId;
  const frameworkId = newId();
  const rootId = newId();
  const standards = { S1: newId(), S2: newId(), S3: newId() };
  const vetoItemId = newId();
  await db.execute(sql`INSERT INTO framework (tenant_id, id, family_id, code, name, version, status, total_points, compliance_line)
    VALUES (${tenant}, ${frameworkId}, ${newId()}, 'EVAL-T', '考评测试体系', 1, 'published', 30, 0.8)`);
  await db.execute(sql`INSERT INTO indicator (tenant_id, id, framework_id, parent_id, position, depth, code, name, points, methods, point_types, scoring_rule)
    VALUES (${tenant}, ${rootId}, ${frameworkId}, NULL, 0, 1, 'T1', '市容环境', 30, '[]', '[]', '{"kind":"check"}')`);
  const leaf = (id: string, pos: number, code: string, name: string, types: string) =>
    db.execute(sql`INSERT INTO indicator (tenant_id, id, framework_id, parent_id, position, depth, code, name, points, methods, point_types, scoring_rule)
      VALUES (${tenant}, ${id}, ${frameworkId}, ${rootId}, ${pos}, 2, ${code}, ${name}, 10, '["field"]', ${types}::jsonb, '{"kind":"check"}')`);
  await leaf(standards.S1, 0, 'T1.1', '路面整洁', '[]');
  await leaf(standards.S2, 1, 'T1.2', '公益广告', '[]');
  await leaf(standards.S3, 2, 'T1.3', '市场秩序', '["market"]');
  await db.execute(sql`INSERT INTO negative_item (tenant_id, id, framework_id, code, name, effect)
    VALUES (${tenant}, ${vetoItemId}, ${frameworkId}, 'NV', '发生重大安全事故', 'veto')`);
  const planId = newId();
  await db.execute(sql`INSERT INTO inspection_plan (tenant_id, id, name, framework_id, kind, start_date, end_date, region_code, status)
    VALUES (${tenant}, ${planId}, '考评测试计划', ${frameworkId}, 'field_eval', '2026-09-01', '2026-10-31', '6203', 'published')`);
  const defs: Array<[string, Street, string]> = [
    ['A1', 'A', 'residential'],
    ['A2', 'A', 'market'],
    ['B1', 'B', 'residential'],
    ['C1', 'C', 'residential'],
    ['C2', 'C', 'residential'],
    ['D1', 'D', 'residential'],
    ['D2', 'D', 'residential'],
    ['E1', 'E', 'residential'],
  ];
  const points: Record<string, string> = {};
  for (const [name, street, type] of defs) {
    points[name] = newId();
    await db.execute(sql`INSERT INTO point (tenant_id, id, name, point_type, region_code)
      VALUES (${tenant}, ${points[name]}, ${`考评点${name}`}, ${type}, ${await villageOf(t, STREETS[street])})`);
  }
  const photoId = newId();
  const inspect = async (point: string, day: string, results: [R, R, R], veto = false) => {
    const id = newId();
    const p = (
      await db.execute(
        sql`SELECT point_type, region_code FROM point WHERE tenant_id = ${tenant} AND id = ${points[point]}`,
      )
    ).rows[0] as { point_type: string; region_code: string };
    const at = `${day}T02:00:00Z`;
    const earned = results.filter((r) => r === 'met').length * 10;
    const applicable = results.filter((r) => r !== 'na').length * 10;
    await db.execute(sql`INSERT INTO inspection (tenant_id, id, plan_id, point_id, framework_id, point_type, region_code,
        started_at, submitted_at, client_time, earned, applicable, vetoed, negative_items, score)
      VALUES (${tenant}, ${id}, ${planId}, ${points[point]}, ${frameworkId}, ${p.point_type}, ${p.region_code}, ${at}, ${at}, ${at},
        ${earned}, ${applicable}, ${veto}, ${JSON.stringify(veto ? [{ negativeItemId: vetoItemId, note: null, photoFileIds: [] }] : [])}::jsonb,
        ${veto ? 0 : applicable ? earned / applicable : null})`);
    const ids = [standards.S1, standards.S2, standards.S3];
    for (const [k, r] of results.entries()) {
      // The market standard is not on other points' checklists at all.
      if (k === 2 && r === 'na' && p.point_type !== 'market') continue;
      await db.execute(sql`INSERT INTO inspection_observation (tenant_id, id, inspection_id, indicator_id, position, result, note, photo_file_ids, earned, submitted_at)
        VALUES (${tenant}, ${newId()}, ${id}, ${ids[k]}, ${k}, ${r}, ${r === 'not_met' ? '未达标' : null},
          ${sql.param(r === 'not_met' ? [photoId] : [])}::uuid[], ${r === 'na' ? null : r === 'met' ? 10 : 0}, ${at})`);
    }
  };
  await inspect('A1', '2026-10-10', ['met', 'not_met', 'na']);
  await inspect('A2', '2026-10-11', ['met', 'met', 'not_met']);
  await inspect('B1', '2026-10-12', ['met', 'na', 'na']);
  await inspect('C1', '2026-10-13', ['met', 'not_met', 'na']);
  await inspect('C2', '2026-10-14', ['met', 'met', 'na']);
  await inspect('D1', '2026-10-15', ['met', 'not_met', 'na']);
  await inspect('D2', '2026-10-16', ['met', 'met', 'na']);
  await inspect('E1', '2026-10-17', ['met', 'met', 'na'], true);
  await inspect('A1', '2026-09-10', ['met', 'met', 'na']);
  await inspect('B1', '2026-09-11', ['not_met', 'na', 'na']);
  return { frameworkId, standards, points, vetoItemId, photoId };
}

export const createBody = (frameworkId: string, month: string, extra: Record<string, unknown> = {}) => ({
  name: `${month} 街道考评`,
  frameworkId,
  period: { kind: 'month', value: month },
  subjectKind: 'region',
  subjectLevel: 'township',
  regionCode: '6203',
  series: 'test-streets',
  lines: { passLine: 0.6, excellenceLine: 0.9, summonsBottomThree: true, redLine: 0.9, blackLine: 0.6 },
  ...extra,
});
