// Set-based SQL of an evaluation run: subjects, the mapping of data to subjects, and per-standard tallies.
// Every statement works on one evaluation's rows in one tenant; nothing is computed row by row in JS.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';

export interface RunInput {
  tenantId: string;
  evaluationId: string;
  frameworkId: string;
  subjectKind: 'region' | 'unit' | 'point';
  /** Region levels ranked (region subjects). */
  levels: string[];
  regionCode: string;
  start: string;
  end: string;
  notSampled: 'drop' | 'zero';
  fullScore: number;
  /** Region subjects: every region paired with each subject containing it, read once after the subjects. */
  regionPairs?: { codes: string[]; keys: string[] };
}

/** The period as a half-open timestamp range in China time. */
export const periodFrom = (r: RunInput) => sql`(${r.start}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
export const periodTo = (r: RunInput) => sql`((${r.end}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** Insert one result row per subject (scores filled in later). */
export async function insertSubjects(db: Db, r: RunInput): Promise<void> {
  const base = sql`${r.tenantId}::uuid, ${r.evaluationId}::uuid`;
  const root = sql`(SELECT path FROM region WHERE tenant_id = ${r.tenantId} AND code = ${r.regionCode})`;
  let select: SQL;
  if (r.subjectKind === 'region') {
    select = sql`SELECT ${base}, 'region:' || g.code, 'region', NULL::uuid, g.code, g.name, g.level, g.code, NULL::uuid,
        row_number() OVER (ORDER BY g.path)
      FROM region g WHERE g.tenant_id = ${r.tenantId} AND g.status = 'active' AND g.path <@ ${root}
        AND g.level = ANY(${sql.param(r.levels)}::text[])`;
  } else if (r.subjectKind === 'unit') {
    select = sql`SELECT ${base}, 'unit:' || u.id, 'unit', u.id, NULL, u.name, 'unit', u.region_code, u.id,
        row_number() OVER (ORDER BY u.name, u.id)
      FROM unit u JOIN region g ON g.tenant_id = u.tenant_id AND g.code = u.region_code
      WHERE u.tenant_id = ${r.tenantId} AND g.path <@ ${root}`;
  } else {
    select = sql`SELECT ${base}, 'point:' || p.id, 'point', p.id, NULL, p.name, 'point', p.region_code, NULL::uuid,
        row_number() OVER (ORDER BY p.name, p.id)
      FROM point p JOIN region g ON g.tenant_id = p.tenant_id AND g.code = p.region_code
      WHERE p.tenant_id = ${r.tenantId} AND g.path <@ ${root}`;
  }
  await db.execute(sql`INSERT INTO evaluation_result (tenant_id, evaluation_id, subject_key, subject_kind, subject_id,
      subject_code, subject_name, level, region_code, unit_id, position, full_score)
    SELECT s.*, ${r.fullScore} FROM (${select}) s`);
}

const regionPairsSql = (r: RunInput) => sql`SELECT g.code AS region_code, s.subject_key FROM evaluation_result s
  JOIN region sr ON sr.tenant_id = s.tenant_id AND sr.code = s.subject_code
  JOIN region g ON g.tenant_id = s.tenant_id AND g.path <@ sr.path
  WHERE s.tenant_id = ${r.tenantId} AND s.evaluation_id = ${r.evaluationId}`;

/**
 * Read the region → subject pairs once (region subjects). Passed back as arrays, their count is known to the
 * planner: the just-inserted subjects have no statistics, and an estimate of one row turns the joins on this map
 * into nested loops over millions of pairs.
 */
export async function loadRegionPairs(db: Db, r: RunInput): Promise<RunInput> {
  if (r.subjectKind !== 'region') return r;
  const rows = (await db.execute(regionPairsSql(r))).rows as Array<{ region_code: string; subject_key: string }>;
  return { ...r, regionPairs: { codes: rows.map((x) => x.region_code), keys: rows.map((x) => x.subject_key) } };
}

/** CTE `rmap(region_code, subject_key)`: every region to the region subjects containing it. */
export const regionMap = (r: RunInput) =>
  r.regionPairs
    ? sql`rmap AS (SELECT * FROM unnest(${sql.param(r.regionPairs.codes)}::text[],
        ${sql.param(r.regionPairs.keys)}::text[]) AS m(region_code, subject_key))`
    : sql`rmap AS MATERIALIZED (${regionPairsSql(r)})`;

/** CTEs ending in `imap(inspection_id, point_id, subject_key)`: the period's inspections, mapped to subjects. */
const inPeriod = (r: RunInput) => sql`i.tenant_id = ${r.tenantId} AND i.framework_id = ${r.frameworkId}
    AND i.submitted_at >= ${periodFrom(r)} AND i.submitted_at < ${periodTo(r)}`;

export function inspectionMap(r: RunInput): SQL {
  const inPeriod2 = inPeriod(r);
  if (r.subjectKind === 'region')
    return sql`${regionMap(r)}, imap AS MATERIALIZED (SELECT i.id AS inspection_id, i.point_id, m.subject_key
      FROM inspection i JOIN rmap m ON m.region_code = i.region_code WHERE ${inPeriod2})`;
  if (r.subjectKind === 'unit')
    return sql`imap AS MATERIALIZED (SELECT DISTINCT i.id AS inspection_id, i.point_id, 'unit:' || pr.unit_id AS subject_key
      FROM inspection i JOIN pairing pr ON pr.tenant_id = i.tenant_id AND pr.target_kind = 'point'
        AND pr.target_ref = i.point_id::text
      JOIN evaluation_result s ON s.tenant_id = i.tenant_id AND s.evaluation_id = ${r.evaluationId}
        AND s.subject_key = 'unit:' || pr.unit_id
      WHERE ${inPeriod2})`;
  return sql`imap AS MATERIALIZED (SELECT i.id AS inspection_id, i.point_id, 'point:' || i.point_id AS subject_key
    FROM inspection i JOIN evaluation_result s ON s.tenant_id = i.tenant_id AND s.evaluation_id = ${r.evaluationId}
      AND s.subject_key = 'point:' || i.point_id
    WHERE ${inPeriod2})`;
}

/**
 * CTEs ending in `tallies(subject_key, indicator_id, applicable, met, earned)`. Sums are additive, so for region
 * subjects observations are counted once per lowest subject and the sums rolled up the subject tree
 * (an observation is read once, not once per level).
 */
export async function fieldTallies(db: Db, r: RunInput): Promise<SQL> {
  const obs = (from: SQL, key: SQL) => sql`SELECT ${key} AS subject_key, o.indicator_id,
      count(*) FILTER (WHERE o.result <> 'na')::int AS applicable,
      count(*) FILTER (WHERE o.result = 'met')::int AS met,
      coalesce(sum(o.earned) FILTER (WHERE o.result <> 'na'), 0) AS earned
    FROM ${from}
    JOIN inspection_observation o ON o.tenant_id = ${r.tenantId} AND o.inspection_id = i.id
      AND o.submitted_at = i.submitted_at AND o.submitted_at >= ${periodFrom(r)} AND o.submitted_at < ${periodTo(r)}
    WHERE ${inPeriod(r)} AND o.indicator_id IN (SELECT id FROM indicator WHERE tenant_id = ${r.tenantId}
      AND framework_id = ${r.frameworkId} AND scoring_rule->>'kind' <> 'survey')
    GROUP BY 1, 2`;
  if (r.subjectKind !== 'region')
    return sql`${inspectionMap(r)}, tallies AS (${obs(sql`imap m JOIN inspection i ON i.tenant_id = ${r.tenantId} AND i.id = m.inspection_id`, sql`m.subject_key`)})`;
  // The small maps are read first and passed as arrays, so that the planner knows their sizes.
  const subj = sql`subj AS MATERIALIZED (SELECT s.subject_key, sr.path FROM evaluation_result s
      JOIN region sr ON sr.tenant_id = s.tenant_id AND sr.code = s.subject_code
      WHERE s.tenant_id = ${r.tenantId} AND s.evaluation_id = ${r.evaluationId})`;
  const lowest = (
    await db.execute(sql`WITH ${subj} SELECT DISTINCT ON (g.code) g.code AS region_code, s.subject_key FROM subj s
      JOIN region g ON g.tenant_id = ${r.tenantId} AND g.path <@ s.path ORDER BY g.code, nlevel(s.path) DESC`)
  ).rows as Array<{ region_code: string; subject_key: string }>;
  const up = (
    await db.execute(sql`WITH ${subj} SELECT c.subject_key AS child, a.subject_key AS anc FROM subj c
      JOIN subj a ON a.path @> c.path`)
  ).rows as Array<{ child: string; anc: string }>;
  return sql`lowest AS (SELECT * FROM unnest(${sql.param(lowest.map((x) => x.region_code))}::text[],
      ${sql.param(lowest.map((x) => x.subject_key))}::text[]) AS l(region_code, subject_key)),
    up AS (SELECT * FROM unnest(${sql.param(up.map((x) => x.child))}::text[], ${sql.param(up.map((x) => x.anc))}::text[])
      AS u(child, anc)),
    base AS MATERIALIZED (${obs(sql`inspection i JOIN lowest l ON l.region_code = i.region_code`, sql`l.subject_key`)}),
    tallies AS (SELECT u.anc AS subject_key, b.indicator_id, sum(b.applicable)::int AS applicable,
        sum(b.met)::int AS met, sum(b.earned) AS earned
      FROM base b JOIN up u ON u.child = b.subject_key GROUP BY 1, 2)`;
}

/**
 * Field standards: Pₛ × earned ÷ (Pₛ × applicable) per subject, N/A left out; a standard observed only as N/A
 * is "not sampled" (full points 0 when dropped, counted with score 0 under the zero rule).
 */
export async function insertFieldScores(db: Db, r: RunInput): Promise<void> {
  const zero = r.notSampled === 'zero';
  await db.execute(sql`WITH ${await fieldTallies(db, r)}
    INSERT INTO evaluation_indicator_score (tenant_id, evaluation_id, subject_key, indicator_id, source,
      full_points, score, met, applicable, not_sampled)
    SELECT ${r.tenantId}::uuid, ${r.evaluationId}::uuid, t.subject_key, t.indicator_id, 'field',
      CASE WHEN t.applicable > 0 OR ${zero} THEN ind.points ELSE 0 END,
      CASE WHEN t.applicable > 0 THEN LEAST(ind.points, t.earned / t.applicable) ELSE 0 END,
      t.met, t.applicable, t.applicable = 0
    FROM tallies t JOIN indicator ind ON ind.tenant_id = ${r.tenantId} AND ind.id = t.indicator_id`);
  if (!zero) return;
  // Zero rule: standards that apply to the point types inspected in a subject but were never observed there.
  await db.execute(sql`WITH ${inspectionMap(r)},
    types AS (SELECT DISTINCT m.subject_key, i.point_type FROM imap m
      JOIN inspection i ON i.tenant_id = ${r.tenantId} AND i.id = m.inspection_id)
    INSERT INTO evaluation_indicator_score (tenant_id, evaluation_id, subject_key, indicator_id, source,
      full_points, score, met, applicable, not_sampled)
    SELECT DISTINCT ${r.tenantId}::uuid, ${r.evaluationId}::uuid, ty.subject_key, ind.id, 'field', ind.points, 0, 0, 0, true
    FROM types ty JOIN indicator ind ON ind.tenant_id = ${r.tenantId} AND ind.framework_id = ${r.frameworkId}
    WHERE ind.points IS NOT NULL AND ind.scoring_rule->>'kind' NOT IN ('survey')
      AND (ind.methods ? 'field' OR ind.methods ? 'observation')
      AND NOT EXISTS (SELECT 1 FROM indicator c WHERE c.tenant_id = ind.tenant_id AND c.parent_id = ind.id)
      AND (jsonb_array_length(ind.point_types) = 0 OR ind.point_types ? ty.point_type)
    ON CONFLICT DO NOTHING`);
}
