// The other data sources of an evaluation, set-based: survey standards (Pₛ × rate), document review of
// ledgers by the office's grade (材料审核), and per-subject counts for tasks, rectification and the negative list.
import { rectifiedProblemStatuses, uncountedProblemStatuses } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { type RunInput, inspectionMap, periodFrom, periodTo, regionMap } from './evaluation-sql';

/** 整改率's one definition (packages/contracts rectification.ts): rectified states, and states not counted. */
const rectified = sql.param([...rectifiedProblemStatuses]);
const uncounted = sql.param([...uncountedProblemStatuses]);

/** Answers counted positive: 知道, 满意, and 满意/比较满意 on five levels (as the survey module counts). */
const positive = sql`('knows', 'yes', 'very_satisfied', 'satisfied')`;

/** Survey standards: Pₛ × positive ÷ answered, over the questionnaires linked to the standard. */
export async function insertSurveyScores(db: Db, r: RunInput): Promise<void> {
  if (r.subjectKind === 'unit') return;
  const region = r.subjectKind === 'region';
  // Answers counted once per place and questionnaire, then mapped to the subjects containing the place.
  const base = sql`base AS MATERIALIZED (SELECT ${region ? sql`a.region_code` : sql`sr.point_id::text`} AS ref,
      a.questionnaire_id, count(*) FILTER (WHERE a.value IN ${positive})::int AS pos, count(*)::int AS answered
    FROM survey_answer a JOIN survey_response sr ON sr.tenant_id = a.tenant_id AND sr.id = a.response_id
    WHERE a.tenant_id = ${r.tenantId} AND sr.received_at >= ${periodFrom(r)} AND sr.received_at < ${periodTo(r)}
      AND a.questionnaire_id IN (SELECT q.id FROM questionnaire q JOIN indicator ind ON ind.tenant_id = q.tenant_id
        AND ind.id = q.indicator_id WHERE q.tenant_id = ${r.tenantId} AND ind.framework_id = ${r.frameworkId})
    GROUP BY 1, 2)`;
  const map = region
    ? sql`${regionMap(r)}, ${base}, mapped AS (SELECT m.subject_key, b.* FROM base b JOIN rmap m ON m.region_code = b.ref)`
    : sql`${base}, mapped AS (SELECT 'point:' || b.ref AS subject_key, b.* FROM base b JOIN evaluation_result s
        ON s.tenant_id = ${r.tenantId} AND s.evaluation_id = ${r.evaluationId} AND s.subject_key = 'point:' || b.ref)`;
  await db.execute(sql`WITH ${map}
    INSERT INTO evaluation_indicator_score (tenant_id, evaluation_id, subject_key, indicator_id, source,
      full_points, score, met, applicable, not_sampled)
    SELECT ${r.tenantId}::uuid, ${r.evaluationId}::uuid, t.subject_key, t.indicator_id, 'survey',
      t.points, t.points * t.pos / t.answered, t.pos, t.answered, false
    FROM (
      SELECT m.subject_key, q.indicator_id, max(ind.points) AS points, sum(m.pos)::int AS pos, sum(m.answered)::int AS answered
      FROM mapped m
      JOIN questionnaire q ON q.tenant_id = ${r.tenantId} AND q.id = m.questionnaire_id
      JOIN indicator ind ON ind.tenant_id = q.tenant_id AND ind.id = q.indicator_id
      WHERE ind.points IS NOT NULL
      GROUP BY m.subject_key, q.indicator_id
    ) t WHERE t.answered > 0`);
}

/** `umap(unit_id, subject_key)`: units to the subjects they count for. */
function unitMap(r: RunInput): SQL | null {
  if (r.subjectKind === 'region')
    return sql`${regionMap(r)}, umap AS MATERIALIZED (SELECT u.id AS unit_id, m.subject_key FROM unit u
      JOIN rmap m ON m.region_code = u.region_code WHERE u.tenant_id = ${r.tenantId})`;
  if (r.subjectKind === 'unit')
    return sql`umap AS MATERIALIZED (SELECT subject_id AS unit_id, subject_key FROM evaluation_result
      WHERE tenant_id = ${r.tenantId} AND evaluation_id = ${r.evaluationId})`;
  return null;
}

/** Document review (材料审核): the office's grade of each standard in the units' self-assessments, averaged. */
export async function insertReviewScores(db: Db, r: RunInput): Promise<void> {
  const map = unitMap(r);
  if (!map) return;
  await db.execute(sql`WITH ${map}
    INSERT INTO evaluation_indicator_score (tenant_id, evaluation_id, subject_key, indicator_id, source,
      full_points, score, met, applicable, not_sampled)
    SELECT ${r.tenantId}::uuid, ${r.evaluationId}::uuid, m.subject_key, sc.indicator_id, 'review',
      max(ind.points), LEAST(max(ind.points), avg(sc.score)), NULL, count(*)::int, false
    FROM assessment_score sc
    JOIN self_assessment sa ON sa.tenant_id = sc.tenant_id AND sa.id = sc.self_assessment_id
    JOIN indicator ind ON ind.tenant_id = sc.tenant_id AND ind.id = sc.indicator_id
    JOIN umap m ON m.unit_id = sa.unit_id
    WHERE sc.tenant_id = ${r.tenantId} AND sc.side = 'office' AND sa.framework_id = ${r.frameworkId}
      AND ind.points IS NOT NULL
      AND sc.scored_at >= ${periodFrom(r)} AND sc.scored_at < ${periodTo(r)}
    GROUP BY m.subject_key, sc.indicator_id`);
}

export interface SubjectFacts {
  subject_key: string;
  field_score: number | null;
  field_full: number | null;
  survey_score: number | null;
  survey_full: number | null;
  review_score: number | null;
  review_full: number | null;
  tasks: number;
  tasks_done: number;
  found: number;
  closed: number;
  points: number;
  observations: number;
  vetoed: boolean;
  suspended: boolean;
  deduction: number;
}

/** Per subject: component sums, task and problem counts, sampled points and the negative list. */
export async function subjectFacts(db: Db, r: RunInput): Promise<SubjectFacts[]> {
  const um = unitMap(r);
  const probMatch =
    r.subjectKind === 'region'
      ? sql`JOIN rmap m ON m.region_code = p.region_code`
      : r.subjectKind === 'unit'
        ? sql`JOIN subj m ON m.subject_key = 'unit:' || p.assigned_unit_id`
        : sql`JOIN subj m ON m.subject_key = 'point:' || p.point_id`;
  const tasks = um
    ? sql`tasks AS (SELECT m.subject_key, count(*)::int AS n, count(*) FILTER (WHERE t.state = 'accepted')::int AS done
        FROM task t JOIN umap m ON m.unit_id = t.lead_unit_id
        WHERE t.tenant_id = ${r.tenantId} AND t.deadline BETWEEN ${r.start}::date AND ${r.end}::date
        GROUP BY m.subject_key)`
    : sql`tasks AS (SELECT NULL::text AS subject_key, 0 AS n, 0 AS done WHERE false)`;
  const rows = await db.execute(sql`WITH ${inspectionMap(r)}${um && r.subjectKind === 'unit' ? sql`, ${um}` : sql``}
    ${um && r.subjectKind === 'region' ? sql`, umap AS MATERIALIZED (SELECT u.id AS unit_id, m.subject_key FROM unit u JOIN rmap m ON m.region_code = u.region_code WHERE u.tenant_id = ${r.tenantId})` : sql``},
    subj AS (SELECT subject_key FROM evaluation_result WHERE tenant_id = ${r.tenantId} AND evaluation_id = ${r.evaluationId}),
    comp AS MATERIALIZED (SELECT subject_key,
        sum(score) FILTER (WHERE source = 'field' AND full_points > 0) AS field_score,
        sum(full_points) FILTER (WHERE source = 'field' AND full_points > 0) AS field_full,
        sum(score) FILTER (WHERE source = 'survey') AS survey_score,
        sum(full_points) FILTER (WHERE source = 'survey') AS survey_full,
        sum(score) FILTER (WHERE source = 'review') AS review_score,
        sum(full_points) FILTER (WHERE source = 'review') AS review_full,
        coalesce(sum(applicable) FILTER (WHERE source = 'field'), 0)::int AS observations
      FROM evaluation_indicator_score WHERE tenant_id = ${r.tenantId} AND evaluation_id = ${r.evaluationId}
      GROUP BY subject_key),
    insp AS (SELECT m.subject_key, count(DISTINCT m.point_id)::int AS points,
        bool_or(i.vetoed) AS vetoed, bool_or(i.suspended) AS suspended
      FROM imap m JOIN inspection i ON i.tenant_id = ${r.tenantId} AND i.id = m.inspection_id GROUP BY m.subject_key),
    neg AS (SELECT d.subject_key, sum(ni.deduction) AS deduction FROM (
        SELECT DISTINCT m.subject_key, (x->>'negativeItemId')::uuid AS item_id
        FROM imap m JOIN inspection i ON i.tenant_id = ${r.tenantId} AND i.id = m.inspection_id
        CROSS JOIN LATERAL jsonb_array_elements(i.negative_items) x) d
      JOIN negative_item ni ON ni.tenant_id = ${r.tenantId} AND ni.id = d.item_id AND ni.effect = 'deduct'
      GROUP BY d.subject_key),
    ${tasks},
    probs AS (SELECT m.subject_key, count(*)::int AS found, count(*) FILTER (WHERE p.status = ANY(${rectified}::text[]))::int AS closed
      FROM problem p ${probMatch}
      WHERE p.tenant_id = ${r.tenantId} AND NOT (p.status = ANY(${uncounted}::text[]))
        AND p.created_at >= ${periodFrom(r)} AND p.created_at < ${periodTo(r)}
      GROUP BY m.subject_key)
    SELECT s.subject_key, c.field_score, c.field_full, c.survey_score, c.survey_full, c.review_score, c.review_full,
      coalesce(tk.n, 0) AS tasks, coalesce(tk.done, 0) AS tasks_done,
      coalesce(pb.found, 0) AS found, coalesce(pb.closed, 0) AS closed,
      coalesce(ip.points, 0) AS points, coalesce(c.observations, 0) AS observations,
      coalesce(ip.vetoed, false) AS vetoed, coalesce(ip.suspended, false) AS suspended,
      coalesce(ng.deduction, 0) AS deduction
    FROM subj s LEFT JOIN comp c USING (subject_key) LEFT JOIN insp ip USING (subject_key)
      LEFT JOIN neg ng USING (subject_key) LEFT JOIN tasks tk USING (subject_key) LEFT JOIN probs pb USING (subject_key)`);
  return (rows.rows as Record<string, unknown>[]).map((x) => ({
    ...(x as unknown as SubjectFacts),
    field_score: x.field_score == null ? null : Number(x.field_score),
    field_full: x.field_full == null ? null : Number(x.field_full),
    survey_score: x.survey_score == null ? null : Number(x.survey_score),
    survey_full: x.survey_full == null ? null : Number(x.survey_full),
    review_score: x.review_score == null ? null : Number(x.review_score),
    review_full: x.review_full == null ? null : Number(x.review_full),
    deduction: Number(x.deduction),
  }));
}
