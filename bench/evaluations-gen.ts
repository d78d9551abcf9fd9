// Data of bench/evaluations.ts, written set-based with generate_series: the L city's region tree (12 districts,
// 150 streets, 1,700 communities), 5,000 points, a 300-standard framework (290 field, 10 survey), one inspection per point in
// October 2026 with 30 observations each (150,000), 20,000 survey answers, office grades of 200 units'
// self-assessments (材料审核), 2,000 tasks and 20,000 problems. Deterministic: results follow from the row numbers.
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/platform/db';

export const EVAL_TENANT = '0e7a1000-0000-4000-8000-000000000001';
export const EVAL_FRAMEWORK = '0e7a1000-0000-4000-8000-000000000002';
const PLAN = '0e7a1000-0000-4000-8000-000000000003';
const CAMPAIGN = '0e7a1000-0000-4000-8000-000000000004';
const T = EVAL_TENANT;
const F = EVAL_FRAMEWORK;

/** md5 of a text as a uuid: stable ids from row numbers. */
const id = (prefix: string, n: string) => sql.raw(`md5('${prefix}' || ${n})::uuid`);

export async function generateEvaluationData(database: Database): Promise<void> {
  const q = (s: ReturnType<typeof sql>) => database.db.execute(s);
  await q(sql`INSERT INTO tenant (id, code, name, root_region_code) VALUES (${T}, 'bench-eval', 'L城', '9901')`);
  await q(sql`INSERT INTO region (tenant_id, code, name, level, parent_code, path)
    VALUES (${T}, '9901', 'L城', 'prefecture', NULL, '9901')`);
  await q(sql`INSERT INTO region (tenant_id, code, name, level, parent_code, path)
    SELECT ${T}, '9901' || lpad(c::text, 2, '0'), '县区' || c, 'county', '9901', ('9901.9901' || lpad(c::text, 2, '0'))::ltree
    FROM generate_series(1, 12) c`);
  await q(sql`INSERT INTO region (tenant_id, code, name, level, parent_code, path)
    SELECT ${T}, p.code || lpad(s::text, 3, '0'), p.name || '街道' || s, 'township', p.code, (p.path::text || '.' || p.code || lpad(s::text, 3, '0'))::ltree
    FROM generate_series(1, 150) s JOIN region p ON p.tenant_id = ${T} AND p.code = '9901' || lpad(((s - 1) % 12 + 1)::text, 2, '0')`);
  await q(sql`INSERT INTO region (tenant_id, code, name, level, parent_code, path)
    SELECT ${T}, p.code || lpad(((v - 1) / 150 + 1)::text, 3, '0'), p.name || '社区' || v, 'village', p.code,
      (p.path::text || '.' || p.code || lpad(((v - 1) / 150 + 1)::text, 3, '0'))::ltree
    FROM generate_series(1, 1700) v JOIN (SELECT code, name, path, row_number() OVER (ORDER BY code) AS k FROM region
      WHERE tenant_id = ${T} AND level = 'township') p ON p.k = (v - 1) % 150 + 1`);
  await q(sql`CREATE TEMP TABLE bench_village AS SELECT row_number() OVER (ORDER BY code) - 1 AS k, code FROM region
    WHERE tenant_id = ${T} AND level = 'village'`);
  const types = `(ARRAY['residential','main_road','market','back_street','park_square','window','hospital','school_area','bus_stop','toilet','practice_site'])`;
  await q(sql`INSERT INTO point (tenant_id, id, name, point_type, region_code)
    SELECT ${T}, ${id('p', 'n')}, '点位' || n, ${sql.raw(types)}[1 + n % 11], v.code
    FROM generate_series(0, 4999) n JOIN bench_village v ON v.k = n % 1700`);
  await q(sql`INSERT INTO framework (tenant_id, id, family_id, code, name, version, status, total_points, compliance_line)
    VALUES (${T}, ${F}, ${F}, 'BENCH-EVAL', '基准测评体系', 1, 'published', 900, 0.8)`);
  await q(sql`INSERT INTO indicator (tenant_id, id, framework_id, parent_id, position, depth, code, name, points, methods, point_types, scoring_rule)
    SELECT ${T}, ${id('top', 'k')}, ${F}, NULL, k, 1, (k + 1)::text, '测评项目' || (k + 1), 90, '[]', '[]', '{"kind":"check"}'
    FROM generate_series(0, 9) k`);
  await q(sql`INSERT INTO indicator (tenant_id, id, framework_id, parent_id, position, depth, code, name, points, methods, point_types, scoring_rule)
    SELECT ${T}, ${id('std', 'j')}, ${F}, ${id('top', '(j % 10)')}, j, 2, ((j % 10) + 1) || '.' || (j / 10 + 1),
      '测评标准' || j, 1 + j % 5,
      CASE WHEN j >= 290 THEN '["questionnaire"]' ELSE '["field"]' END::jsonb, '[]',
      CASE WHEN j >= 290 THEN '{"kind":"survey"}' ELSE '{"kind":"check"}' END::jsonb
    FROM generate_series(0, 299) j`);
  await q(sql`INSERT INTO inspection_plan (tenant_id, id, name, framework_id, kind, start_date, end_date, region_code, status)
    VALUES (${T}, ${PLAN}, '基准月度测评', ${F}, 'field_eval', '2026-10-01', '2026-10-31', '9901', 'closed')`);
  await q(sql`INSERT INTO inspection (tenant_id, id, plan_id, point_id, framework_id, point_type, region_code,
      started_at, submitted_at, client_time, earned, applicable, vetoed, negative_items)
    SELECT ${T}, ${id('i', 'p.n')}, ${PLAN}, ${id('p', 'p.n')}, ${F}, pt.point_type, pt.region_code,
      ts, ts, ts, 0, 0, p.n % 997 = 0, '[]'
    FROM (SELECT n, timestamptz '2026-10-01 01:00:00+00' + make_interval(days => n % 28, mins => n % 600) AS ts
      FROM generate_series(0, 4999) n) p
    JOIN point pt ON pt.tenant_id = ${T} AND pt.id = ${id('p', 'p.n')}`);
  // 30 distinct field standards per inspection; met with a street-dependent chance, 5 % N/A.
  await q(sql`INSERT INTO inspection_observation (tenant_id, id, inspection_id, indicator_id, position, result, earned,
      submitted_at)
    SELECT ${T}, ${id('o', "x.n || '-' || x.k")}, ${id('i', 'x.n')}, ${id('std', 'x.j')}, x.k, x.res,
      CASE x.res WHEN 'met' THEN 1 + x.j % 5 WHEN 'not_met' THEN 0 END,
      timestamptz '2026-10-01 01:00:00+00' + make_interval(days => x.n % 28, mins => x.n % 600)
    FROM (SELECT n, k, (n * 7 + k * 9) % 290 AS j,
        CASE WHEN (n * 31 + k * 17) % 100 < 5 THEN 'na'
          WHEN (n * 53 + k * 29) % 100 < 55 + ((n % 1700) / 5) % 40 THEN 'met' ELSE 'not_met' END AS res
      FROM generate_series(0, 4999) n, generate_series(0, 29) k) x`);
  await q(sql`INSERT INTO questionnaire (tenant_id, id, title, region_code, indicator_id, questions)
    SELECT ${T}, ${id('q', 'j')}, '知晓率调查' || j, '9901', ${id('std', 'j')}, '[{"id":"q1","kind":"awareness","scale":"knows","text":"知道吗"}]'
    FROM generate_series(290, 299) j`);
  await q(sql`INSERT INTO survey_response (tenant_id, id, questionnaire_id, region_code, channel, received_at)
    SELECT ${T}, ${id('r', 'n')}, ${id('q', '(290 + n % 10)')}, v.code, 'public', timestamptz '2026-10-02 03:00:00+00' + make_interval(hours => n % 600)
    FROM generate_series(0, 19999) n JOIN bench_village v ON v.k = n % 1700`);
  await q(sql`INSERT INTO survey_answer (tenant_id, response_id, question_id, questionnaire_id, region_code, value)
    SELECT tenant_id, id, 'q1', questionnaire_id, region_code,
      CASE WHEN ('x' || substr(md5(id::text), 1, 4))::bit(16)::int % 100 < 80 THEN 'knows' ELSE 'not_knows' END
    FROM survey_response WHERE tenant_id = ${T}`);
  await q(sql`INSERT INTO unit (tenant_id, id, name, type, region_code)
    SELECT ${T}, ${id('u', 'n')}, '单位' || n, 'agency', v.code FROM generate_series(0, 199) n JOIN bench_village v ON v.k = (n * 5) % 1700`);
  await q(sql`INSERT INTO self_assessment (tenant_id, id, unit_id, framework_id, title, status)
    SELECT ${T}, ${id('sa', 'n')}, ${id('u', 'n')}, ${F}, '自查自评', 'checked' FROM generate_series(0, 199) n`);
  await q(sql`INSERT INTO assessment_score (tenant_id, self_assessment_id, indicator_id, side, score, scored_at)
    SELECT ${T}, ${id('sa', 'n')}, ${id('std', 'j')}, 'office', ((n + j) % 5) + 1 - ((n * j) % 3) * 0.5, '2026-10-20T02:00:00Z'
    FROM generate_series(0, 199) n, generate_series(280, 289) j`);
  await q(
    sql`INSERT INTO campaign (tenant_id, id, name, kind, start_date, end_date) VALUES (${T}, ${CAMPAIGN}, '基准创建', 'cycle', '2026-01-01', '2026-12-31')`,
  );
  await q(sql`INSERT INTO task (tenant_id, id, campaign_id, title, lead_unit_id, deadline, cadence, state)
    SELECT ${T}, ${id('t', 'n')}, ${CAMPAIGN}, '任务' || n, ${id('u', '(n % 200)')}, date '2026-10-01' + n % 31, 'once',
      CASE WHEN n % 4 = 0 THEN 'overdue' ELSE 'accepted' END
    FROM generate_series(0, 1999) n`);
  await q(
    sql`INSERT INTO problem_category (tenant_id, code, name) VALUES (${T}, 'sanitation', '环境卫生') ON CONFLICT DO NOTHING`,
  );
  await q(sql`INSERT INTO problem (tenant_id, id, number, source, status, category, severity, description, region_code, region_path, created_at, updated_at)
    SELECT ${T}, ${id('pr', 'n')}, 'EV' || lpad(n::text, 8, '0'), 'inspection', CASE WHEN n % 5 < 3 THEN 'closed' ELSE 'rectifying' END,
      'sanitation', 'low', '基准问题', r.code, r.path::text || '.', ts, ts
    FROM (SELECT n, timestamptz '2026-10-01 02:00:00+00' + make_interval(hours => n % 700) AS ts FROM generate_series(0, 19999) n) x
    JOIN bench_village v ON v.k = x.n % 1700 JOIN region r ON r.tenant_id = ${T} AND r.code = v.code`);
  for (const t of [
    'region',
    'point',
    'indicator',
    'inspection',
    'inspection_observation',
    'survey_response',
    'survey_answer',
    'unit',
    'assessment_score',
    'task',
    'problem',
  ])
    await q(sql.raw(`ANALYZE ${t}`));
}
