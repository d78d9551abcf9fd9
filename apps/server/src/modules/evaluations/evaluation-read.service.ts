// Reading evaluations: the list, one evaluation with its state and rates, a level's results (scoped rows),
// and the trend of a series. Rows outside the reader's scope are left out; an unknown id is 404.
import type {
  EvaluationListQuery,
  EvaluationRates,
  EvaluationResultView,
  EvaluationResultsPage,
  EvaluationView,
  Page,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, requirePermission, scopeFilter } from '../../platform/access';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { allOf, queryPage } from '../../platform/paging';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));
const num = (v: unknown) => (v == null ? null : Number(v));

const evaluationColumns = sql`e.id, e.name, e.series, e.version, e.state, e.error, e.job_id, e.framework_id,
  f.name AS framework_name, f.version AS framework_version, f.total_points, f.compliance_line,
  e.period_kind, e.period_value, e.period_start::text AS period_start, e.period_end::text AS period_end,
  e.period_label, e.subject_kind, e.subject_level, e.levels, e.region_code, e.scheme, e.lines, e.rates,
  e.created_by, e.created_at, e.computed_at`;
const evaluationFrom = sql`evaluation e JOIN framework f ON f.tenant_id = e.tenant_id AND f.id = e.framework_id`;

function toView(r: any): EvaluationView {
  const lines = r.lines ?? {};
  return {
    id: r.id,
    name: r.name,
    series: r.series,
    version: r.version,
    state: r.state,
    error: r.error,
    jobId: r.job_id,
    framework: {
      id: r.framework_id,
      name: r.framework_name,
      version: r.framework_version,
      fullPoints: num(r.total_points),
    },
    period: {
      kind: r.period_kind,
      value: r.period_value,
      start: r.period_start,
      end: r.period_end,
      label: r.period_label,
    },
    subjectKind: r.subject_kind,
    subjectLevel: r.subject_level,
    levels: r.levels ?? [],
    regionCode: r.region_code,
    scheme: r.scheme,
    lines: { ...lines, complianceLine: lines.complianceLine ?? num(r.compliance_line) ?? lines.passLine },
    rates: r.rates ?? {},
    createdBy: r.created_by,
    createdAt: iso(r.created_at) as string,
    computedAt: iso(r.computed_at),
  };
}

/** Evaluations whose period shares a day with the month `YYYY-MM`. */
function overlapsMonth(month: string): SQL {
  const first = `${month}-01`;
  return sql`e.period_start < (${first}::date + interval '1 month') AND e.period_end >= ${first}::date`;
}

export async function listEvaluations(db: Db, actor: Actor, q: EvaluationListQuery): Promise<Page<EvaluationView>> {
  requirePermission(actor, 'evaluation.read');
  const where = allOf(
    sql`e.tenant_id = ${actor.tenantId}`,
    q.state && sql`e.state = ${q.state}`,
    q.series ? sql`e.series = ${q.series}` : null,
    q.frameworkId ? sql`e.framework_id = ${q.frameworkId}` : null,
    q.period ? overlapsMonth(q.period) : null,
  );
  return queryPage(
    db,
    {
      columns: evaluationColumns,
      from: evaluationFrom,
      where,
      orderBy: sql`e.period_start DESC, e.created_at DESC, e.id`,
    },
    q,
    toView,
  );
}

/** One evaluation (404 when unknown). Evaluations are the office's published rankings: any reader sees them. */
export async function getEvaluation(db: Db, actor: Actor, id: string): Promise<EvaluationView> {
  requirePermission(actor, 'evaluation.read');
  const rows = await db.execute(
    sql`SELECT ${evaluationColumns} FROM ${evaluationFrom} WHERE e.tenant_id = ${actor.tenantId} AND e.id = ${id}`,
  );
  if (!rows.rows[0]) throw fail('EVALUATION_NOT_FOUND');
  return toView(rows.rows[0]);
}

/** Which result rows an actor may read: subjects inside a region scope, or the actor's own unit. */
export const resultScope = (actor: Actor): SQL =>
  scopeFilter(actor, 'evaluation.read', { regionCode: sql`r.region_code`, unitId: sql`r.unit_id` });

export const resultColumns = sql`r.subject_key, r.subject_kind, r.subject_id, r.subject_code, r.subject_name, r.level,
  r.region_code, r.score, r.full_score, r.rank, r.rank_change, r.previous_score, r.passed, r.excellent, r.compliant,
  r.red_list, r.black_list, r.summons, r.vetoed, r.suspended, r.components, r.negative_deduction, r.sampled_points,
  r.observations, r.problems_found, r.problems_closed`;

export function toResultView(r: any): EvaluationResultView {
  return {
    subject: {
      kind: r.subject_kind,
      key: r.subject_key,
      id: r.subject_id,
      code: r.subject_code,
      name: r.subject_name,
      level: r.level,
      regionCode: r.region_code,
    },
    score: num(r.score),
    fullScore: Number(r.full_score),
    rank: r.rank,
    rankChange: r.rank_change,
    previousScore: num(r.previous_score),
    passed: r.passed,
    excellent: r.excellent,
    compliant: r.compliant,
    redList: r.red_list,
    blackList: r.black_list,
    summons: r.summons,
    vetoed: r.vetoed,
    suspended: r.suspended,
    components: r.components ?? [],
    negativeDeduction: Number(r.negative_deduction),
    sampledPoints: r.sampled_points,
    observations: r.observations,
    problemsFound: r.problems_found,
    problemsClosed: r.problems_closed,
  };
}

const emptyRate = { numerator: 0, denominator: 0, percent: null };
const emptyRates: EvaluationRates = {
  pass: emptyRate,
  excellent: emptyRate,
  compliance: emptyRate,
  rectification: emptyRate,
};

export interface ResultsOptions {
  level?: string;
  page?: number;
  pageSize?: number;
}

/** A level's ranking (rank order, unranked last), paged, with the level's rates. */
export async function listEvaluationResults(
  db: Db,
  actor: Actor,
  id: string,
  opts: ResultsOptions = {},
): Promise<EvaluationResultsPage> {
  const ev = await getEvaluation(db, actor, id);
  if (ev.state !== 'done') throw fail('EVALUATION_NOT_DONE');
  const level = opts.level ?? ev.levels[0] ?? ev.subjectKind;
  const page = await queryPage(
    db,
    {
      columns: resultColumns,
      from: sql`evaluation_result r`,
      where: allOf(
        sql`r.tenant_id = ${actor.tenantId} AND r.evaluation_id = ${id} AND r.level = ${level}`,
        resultScope(actor),
      ),
      orderBy: sql`r.rank NULLS LAST, r.position, r.subject_key`,
    },
    { page: opts.page ?? 1, pageSize: opts.pageSize ?? 20 },
    toResultView,
  );
  return { ...page, level, rates: ev.rates[level] ?? emptyRates };
}

/** Every result row of a level the actor may read (bulletins, charts, exports). */
export async function listAllEvaluationResults(
  db: Db,
  actor: Actor,
  id: string,
  level?: string,
): Promise<EvaluationResultsPage> {
  return listEvaluationResults(db, actor, id, { level, page: 1, pageSize: 100_000 });
}
