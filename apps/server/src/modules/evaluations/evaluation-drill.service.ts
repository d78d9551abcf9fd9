// Drill-down from a score (逐一查摆失分项目): subject → indicator tree → points of one indicator →
// inspections of a point with findings and photo ids; and the 失分项 list sorted by points lost.
import type {
  DeductionsView,
  EvaluationInspectionView,
  EvaluationSubjectDetail,
  IndicatorPointView,
  IndicatorScoreView,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { getEvaluation, resultColumns, resultScope, toResultView } from './evaluation-read.service';

const r2 = (v: number) => Math.round(v * 100) / 100;

/** The subject's result row, or 404 when unknown or outside the reader's scope. */
export async function subjectResult(db: Db, actor: Actor, id: string, subject: string) {
  const ev = await getEvaluation(db, actor, id);
  if (ev.state !== 'done') throw fail('EVALUATION_NOT_DONE');
  const rows = await db.execute(sql`SELECT ${resultColumns} FROM evaluation_result r
    WHERE r.tenant_id = ${actor.tenantId} AND r.evaluation_id = ${id} AND r.subject_key = ${subject}
      AND ${resultScope(actor)}`);
  if (!rows.rows[0]) throw fail('EVALUATION_SUBJECT_NOT_FOUND');
  return { ev, result: toResultView(rows.rows[0]) };
}

/** The framework's indicator tree with the subject's scores rolled up from the standards. */
export async function subjectDetail(
  db: Db,
  actor: Actor,
  id: string,
  subject: string,
): Promise<EvaluationSubjectDetail> {
  const { ev, result } = await subjectResult(db, actor, id, subject);
  // Two index reads (the framework's tree, the subject's scores) joined here: no plan depends on statistics.
  const [tree, scores] = await Promise.all([
    db.execute(sql`SELECT i.id, i.parent_id, i.code, i.name, i.depth, i.position FROM indicator i
      WHERE i.tenant_id = ${actor.tenantId} AND i.framework_id = ${ev.framework.id}`),
    db.execute(sql`SELECT s.indicator_id, s.source, s.full_points, s.score, s.met, s.applicable, s.not_sampled
      FROM evaluation_indicator_score s
      WHERE s.tenant_id = ${actor.tenantId} AND s.evaluation_id = ${id} AND s.subject_key = ${subject}`),
  ]);
  const scored = new Map<string, any[]>();
  for (const x of scores.rows as any[]) scored.set(x.indicator_id, [...(scored.get(x.indicator_id) ?? []), x]);
  const rows = (tree.rows as any[]).flatMap((i) => (scored.get(i.id) ?? [{}]).map((x: any) => ({ ...i, ...x })));
  const nodes = new Map<string, IndicatorScoreView & { position: number }>();
  const own: IndicatorScoreView[] = [];
  for (const r of rows) {
    let n = nodes.get(r.id);
    if (!n) {
      n = {
        indicatorId: r.id,
        parentId: r.parent_id,
        code: r.code,
        name: r.name,
        depth: r.depth,
        position: r.position,
        fullPoints: 0,
        score: 0,
        lost: 0,
        notSampled: false,
        met: null,
        applicable: null,
        source: 'rollup',
      };
      nodes.set(r.id, n);
    }
    if (r.source) {
      n.source = r.source;
      n.fullPoints += Number(r.full_points);
      n.score += Number(r.score);
      n.notSampled = r.not_sampled;
      n.met = r.met;
      n.applicable = r.applicable;
      own.push(n);
    }
  }
  // Roll the standards' sums up to every ancestor.
  for (const leaf of new Set(own)) {
    let p = leaf.parentId ? nodes.get(leaf.parentId) : undefined;
    while (p) {
      p.fullPoints += leaf.fullPoints;
      p.score += leaf.score;
      p = p.parentId ? nodes.get(p.parentId) : undefined;
    }
  }
  const children = new Map<string | null, Array<IndicatorScoreView & { position: number }>>();
  for (const n of nodes.values()) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const ordered: IndicatorScoreView[] = [];
  const walk = (parent: string | null) => {
    for (const n of (children.get(parent) ?? []).sort(
      (a, b) => a.position - b.position || (a.code < b.code ? -1 : 1),
    )) {
      const { position: _p, ...view } = n;
      ordered.push({
        ...view,
        fullPoints: r2(view.fullPoints),
        score: r2(view.score),
        lost: r2(view.fullPoints - view.score),
      });
      walk(n.indicatorId);
    }
  };
  walk(null);
  return { evaluationId: id, result, indicators: ordered };
}

/** 失分项: standards where the subject lost points, most points lost first. */
export async function listDeductions(db: Db, actor: Actor, id: string, subject: string): Promise<DeductionsView> {
  const detail = await subjectDetail(db, actor, id, subject);
  const byId = new Map(detail.indicators.map((n) => [n.indicatorId, n]));
  const items = detail.indicators
    .filter((n) => n.source !== 'rollup' && n.lost > 0)
    .map((n) => {
      const path: string[] = [];
      let p = n.parentId ? byId.get(n.parentId) : undefined;
      while (p) {
        path.unshift(p.name);
        p = p.parentId ? byId.get(p.parentId) : undefined;
      }
      return { ...n, path };
    })
    .sort((a, b) => b.lost - a.lost || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { subject: detail.result.subject, totalLost: r2(items.reduce((s, i) => s + i.lost, 0)), items };
}

/** Inspections of the evaluation's framework and period that count for the subject (alias `i`). */
async function subjectInspections(db: Db, actor: Actor, id: string, subject: string): Promise<SQL> {
  const { ev, result } = await subjectResult(db, actor, id, subject);
  const s = result.subject;
  const belongs =
    s.kind === 'region'
      ? sql`EXISTS (SELECT 1 FROM region g, region sg WHERE g.tenant_id = i.tenant_id AND g.code = i.region_code
          AND sg.tenant_id = i.tenant_id AND sg.code = ${s.code} AND g.path <@ sg.path)`
      : s.kind === 'unit'
        ? sql`EXISTS (SELECT 1 FROM pairing pr WHERE pr.tenant_id = i.tenant_id AND pr.unit_id = ${s.id}
            AND pr.target_kind = 'point' AND pr.target_ref = i.point_id::text)`
        : sql`i.point_id = ${s.id}`;
  return sql`i.tenant_id = ${actor.tenantId} AND i.framework_id = ${ev.framework.id}
    AND i.submitted_at >= (${ev.period.start}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND i.submitted_at < ((${ev.period.end}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AND ${belongs}`;
}

/** The subject's points observed on one indicator, worst first. */
export async function indicatorPoints(
  db: Db,
  actor: Actor,
  id: string,
  subject: string,
  indicatorId: string,
): Promise<IndicatorPointView[]> {
  const where = await subjectInspections(db, actor, id, subject);
  const rows = await db.execute(sql`SELECT p.id, p.name, p.point_type, p.region_code,
      count(*) FILTER (WHERE o.result = 'met')::int AS met, count(*) FILTER (WHERE o.result = 'not_met')::int AS not_met,
      count(*) FILTER (WHERE o.result = 'na')::int AS na, coalesce(sum(o.earned) FILTER (WHERE o.result <> 'na'), 0) AS earned,
      coalesce(max(ind.points), 0) * count(*) FILTER (WHERE o.result <> 'na') AS possible
    FROM inspection i
    JOIN inspection_observation o ON o.tenant_id = i.tenant_id AND o.inspection_id = i.id
      AND o.submitted_at = i.submitted_at AND o.indicator_id = ${indicatorId}
    JOIN indicator ind ON ind.tenant_id = o.tenant_id AND ind.id = o.indicator_id
    JOIN point p ON p.tenant_id = i.tenant_id AND p.id = i.point_id
    WHERE ${where}
    GROUP BY p.id, p.name, p.point_type, p.region_code
    ORDER BY (coalesce(max(ind.points), 0) * count(*) FILTER (WHERE o.result <> 'na') - coalesce(sum(o.earned) FILTER (WHERE o.result <> 'na'), 0)) DESC, p.name, p.id`);
  return (rows.rows as any[]).map((r) => ({
    point: { id: r.id, name: r.name, pointType: r.point_type, regionCode: r.region_code },
    met: r.met,
    notMet: r.not_met,
    na: r.na,
    earned: r2(Number(r.earned)),
    possible: r2(Number(r.possible)),
  }));
}

/** A point's inspections in the period with their findings (not met, or the asked indicator) and photo ids. */
export async function pointInspections(
  db: Db,
  actor: Actor,
  id: string,
  subject: string,
  pointId: string,
  indicatorId?: string,
): Promise<EvaluationInspectionView[]> {
  const where = await subjectInspections(db, actor, id, subject);
  const rows = (
    await db.execute(sql`SELECT i.id, i.plan_id, i.submitted_at, i.inspector_id, i.score, i.vetoed, i.suspended,
        o.id AS observation_id, o.indicator_id, ind.code, ind.name, o.result, o.note, o.earned, o.photo_file_ids, o.problem_id
      FROM inspection i
      LEFT JOIN inspection_observation o ON o.tenant_id = i.tenant_id AND o.inspection_id = i.id
        AND o.submitted_at = i.submitted_at
        AND (o.result = 'not_met' OR o.indicator_id = ${indicatorId ?? null}::uuid)
      LEFT JOIN indicator ind ON ind.tenant_id = o.tenant_id AND ind.id = o.indicator_id
      WHERE ${where} AND i.point_id = ${pointId}
      ORDER BY i.submitted_at DESC, i.id, o.position`)
  ).rows as any[];
  const out = new Map<string, EvaluationInspectionView>();
  for (const r of rows) {
    let v = out.get(r.id);
    if (!v) {
      v = {
        id: r.id,
        planId: r.plan_id,
        submittedAt: r.submitted_at instanceof Date ? r.submitted_at.toISOString() : String(r.submitted_at),
        inspectorId: r.inspector_id,
        score: r.score === null ? null : Number(r.score),
        vetoed: r.vetoed,
        suspended: r.suspended,
        findings: [],
      };
      out.set(r.id, v);
    }
    if (r.observation_id)
      v.findings.push({
        observationId: r.observation_id,
        indicatorId: r.indicator_id,
        indicatorCode: r.code,
        indicatorName: r.name,
        result: r.result,
        note: r.note,
        earned: r.earned === null ? null : Number(r.earned),
        photoFileIds: r.photo_file_ids ?? [],
        problemId: r.problem_id,
      });
  }
  if (out.size === 0) throw fail('EVALUATION_SUBJECT_NOT_FOUND');
  return [...out.values()];
}
