// The big screen (大屏): one aggregated, scoped read — map of the latest evaluation's scores over the tenant's region
// shapes, ranking, trend, problems by state and overdue, rectification rate, and volunteer counts where they exist.
import { type BigscreenView, type EvaluationRates, openProblemStatuses } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, requirePermission, scopeFilter } from '../../platform/access';
import type { Db } from '../../platform/db';
import { iso } from '../../platform/clock';
import { printRate, readTrend } from './bulletin-snapshot';

async function latestEvaluation(db: Db, actor: Actor) {
  const res = await db.execute(sql`SELECT e.id, e.name, e.series, e.period_label, e.period_start::text AS period_start,
      e.levels, e.rates FROM evaluation e
    WHERE e.tenant_id = ${actor.tenantId} AND e.state = 'done' AND e.subject_kind = 'region'
      AND ${scopeFilter(actor, 'evaluation.read', { regionCode: sql`e.region_code` })}
    ORDER BY e.period_start DESC, e.version DESC, e.created_at DESC LIMIT 1`);
  return res.rows[0] as
    | {
        id: string;
        name: string;
        series: string;
        period_label: string;
        period_start: string;
        levels: string[];
        rates: Record<string, EvaluationRates> | null;
      }
    | undefined;
}

async function mapOf(db: Db, actor: Actor, level: string, evaluationId: string | null) {
  const res = await db.execute(sql`SELECT r.code, r.name, s.geometry, s.center, er.score::float8 AS score
    FROM region r JOIN region_shape s ON s.tenant_id = r.tenant_id AND s.region_code = r.code
      LEFT JOIN evaluation_result er ON er.tenant_id = r.tenant_id AND er.evaluation_id = ${evaluationId}
        AND er.subject_code = r.code AND er.level = ${level}
    WHERE r.tenant_id = ${actor.tenantId} AND r.level = ${level} AND r.status = 'active'
      AND ${scopeFilter(actor, 'evaluation.read', { regionCode: sql`r.code` })}
    ORDER BY r.code`);
  const rows = res.rows as any[];
  return {
    name: `wenming-${level}`,
    geoJson: {
      type: 'FeatureCollection' as const,
      features: rows.map((r) => ({
        type: 'Feature',
        properties: { name: r.name, code: r.code, cp: r.center },
        geometry: r.geometry,
      })),
    },
    values: rows.map((r) => ({ code: r.code, name: r.name, score: r.score === null ? null : Number(r.score) })),
  };
}

/** Problems in scope by state, and those open past their deadline at `now` (as the lists and workbench count). */
async function problemCounts(db: Db, actor: Actor, now: Date) {
  if (!can(actor, 'problem.read')) return { byState: [], overdue: 0, total: 0 };
  const scope = scopeFilter(actor, 'problem.read', { regionCode: sql`p.region_code`, unitId: sql`p.assigned_unit_id` });
  const res = await db.execute(sql`SELECT p.status, count(*)::int AS n,
      count(*) FILTER (WHERE p.deadline_at < ${iso(now)}::timestamptz
        AND p.status = ANY(${sql.param([...openProblemStatuses])}::text[]))::int AS overdue
    FROM problem p WHERE p.tenant_id = ${actor.tenantId} AND ${scope} GROUP BY p.status ORDER BY p.status`);
  const rows = res.rows as { status: string; n: number; overdue: number }[];
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + Number(f(r)), 0);
  return {
    byState: rows.map((r) => ({ state: r.status, count: Number(r.n) })),
    overdue: sum((r) => r.overdue),
    total: sum((r) => (r.status === 'duplicate' ? 0 : r.n)),
  };
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const res = await db.execute(sql`SELECT to_regclass(${name}) IS NOT NULL AS ok`);
  return Boolean((res.rows[0] as { ok: boolean }).ok);
}

/** Volunteers and activities in scope, or null while the volunteers module's tables do not exist. */
async function volunteerCounts(db: Db, actor: Actor) {
  if (!(await tableExists(db, 'public.volunteer')) || !(await tableExists(db, 'public.activity'))) return null;
  const inScope = (col: SQL) => scopeFilter(actor, 'evaluation.read', { regionCode: col });
  try {
    const res = await db.execute(sql`SELECT
      (SELECT count(*)::int FROM volunteer v WHERE v.tenant_id = ${actor.tenantId} AND ${inScope(sql`v.region_code`)}) AS volunteers,
      (SELECT count(*)::int FROM activity a WHERE a.tenant_id = ${actor.tenantId} AND ${inScope(sql`a.region_code`)}) AS activities`);
    const r = res.rows[0] as { volunteers: number; activities: number };
    return { volunteers: Number(r.volunteers), activities: Number(r.activities) };
  } catch {
    return null; // a module mid-migration (columns renamed): leave the panel out rather than fail the screen
  }
}

/**
 * Everything the big screen shows, in the actor's scope. 整改率 is the shown evaluation's own rate (the figure its
 * ranking and bulletin print), not a count of today's problems: one definition, one number.
 */
export async function getBigscreen(db: Db, actor: Actor): Promise<BigscreenView> {
  const now = actor.now;
  requirePermission(actor, 'evaluation.read');
  const e = await latestEvaluation(db, actor);
  const level = e?.levels[0] ?? 'township';
  const tenant = await db.execute(sql`SELECT name FROM tenant WHERE id = ${actor.tenantId}`);
  const ranking = e
    ? ((
        await db.execute(sql`SELECT subject_name AS name, score::float8 AS score, rank FROM evaluation_result
          WHERE tenant_id = ${actor.tenantId} AND evaluation_id = ${e.id} AND level = ${level} AND rank IS NOT NULL
            AND ${scopeFilter(actor, 'evaluation.read', { regionCode: sql`region_code` })}
          ORDER BY rank, subject_name LIMIT 500`)
      ).rows as { name: string; score: number; rank: number }[])
    : [];
  const problems = await problemCounts(db, actor, now);
  return {
    generatedAt: iso(now),
    tenantName: (tenant.rows[0] as { name: string }).name,
    evaluation: e ? { id: e.id, name: e.name, periodLabel: e.period_label } : null,
    map: await mapOf(db, actor, level, e?.id ?? null),
    ranking: ranking.map((r) => ({ name: r.name, score: Number(r.score), rank: Number(r.rank) })),
    trend: e
      ? await readTrend(db, actor.tenantId, { series: e.series, period_start: e.period_start }, level, [])
      : { periods: [], average: [], series: [] },
    problems: { byState: problems.byState, overdue: problems.overdue, total: problems.total },
    rectification: printRate(e?.rates?.[level]?.rectification),
    volunteers: await volunteerCounts(db, actor),
  };
}
