// The computation job: queued → computing → done | failed. One transaction writes the subjects, the
// per-standard scores (set-based SQL) and the totals; a rerun of the job replaces its own rows.
import { sqlTime } from '../../platform/sql';
import type { EvaluationLines, EvaluationScheme } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { JobFailure } from '../../platform/jobs';
import { EVALUATION_JOB, levelsBetween } from './evaluation-create.service';
import { type RunInput, insertFieldScores, insertSubjects, loadRegionPairs } from './evaluation-sql';
import { insertReviewScores, insertSurveyScores, subjectFacts } from './evaluation-sql-sources';
import { computeTotals } from './evaluation-totals';

interface EvaluationRow {
  id: string;
  series: string;
  framework_id: string;
  period_start: string;
  period_end: string;
  subject_kind: 'region' | 'unit' | 'point';
  subject_level: string | null;
  region_code: string;
  scheme: EvaluationScheme;
  lines: EvaluationLines;
  compliance: number | null;
  root_level: string;
}

async function previousResults(db: Db, tenantId: string, e: EvaluationRow) {
  const prev = (
    await db.execute(sql`SELECT id FROM evaluation WHERE tenant_id = ${tenantId} AND series = ${e.series}
      AND state = 'done' AND period_start < ${e.period_start}
      ORDER BY period_start DESC, version DESC LIMIT 1`)
  ).rows[0] as { id: string } | undefined;
  if (!prev) return null;
  const rows = await db.execute(sql`SELECT subject_key, rank, score FROM evaluation_result
    WHERE tenant_id = ${tenantId} AND evaluation_id = ${prev.id}`);
  return new Map(
    (rows.rows as Array<{ subject_key: string; rank: number | null; score: number | null }>).map((r) => [
      r.subject_key,
      { rank: r.rank, score: r.score === null ? null : Number(r.score) },
    ]),
  );
}

/** Compute one evaluation inside `db` (a transaction). Exported for the bench. */
export async function computeEvaluation(db: Db, tenantId: string, evaluationId: string, now: Date): Promise<void> {
  const e = (
    await db.execute(sql`SELECT e.id, e.series, e.framework_id, e.period_start::text AS period_start,
        e.period_end::text AS period_end, e.subject_kind, e.subject_level, e.region_code, e.scheme, e.lines,
        f.compliance_line AS compliance, g.level AS root_level
      FROM evaluation e JOIN framework f ON f.tenant_id = e.tenant_id AND f.id = e.framework_id
      JOIN region g ON g.tenant_id = e.tenant_id AND g.code = e.region_code
      WHERE e.tenant_id = ${tenantId} AND e.id = ${evaluationId}`)
  ).rows[0] as unknown as EvaluationRow | undefined;
  if (!e) throw new JobFailure('evaluation not found', { evaluationId });
  let run: RunInput = {
    tenantId,
    evaluationId,
    frameworkId: e.framework_id,
    subjectKind: e.subject_kind,
    levels: e.subject_kind === 'region' ? levelsBetween(e.root_level, e.subject_level ?? e.root_level) : [],
    regionCode: e.region_code,
    start: e.period_start,
    end: e.period_end,
    notSampled: e.scheme.notSampled,
    fullScore: e.scheme.fullScore,
  };
  // Aggregates of 10⁵ rows stay in memory instead of spilling to disk (this transaction only).
  await db.execute(sql`SET LOCAL work_mem = '64MB'`);
  // Never-analysed tables (PGlite has no autovacuum) make the planner pick quadratic nested loops.
  const stats = await db.execute(sql`SELECT count(*)::int AS n FROM pg_class
    WHERE relname IN ('inspection', 'inspection_observation', 'region', 'indicator') AND reltuples < 0`);
  if ((stats.rows[0] as { n: number }).n > 0)
    await db.execute(sql`ANALYZE inspection, inspection_observation, region, indicator`);
  await db.execute(
    sql`DELETE FROM evaluation_indicator_score WHERE tenant_id = ${tenantId} AND evaluation_id = ${evaluationId}`,
  );
  await db.execute(
    sql`DELETE FROM evaluation_result WHERE tenant_id = ${tenantId} AND evaluation_id = ${evaluationId}`,
  );
  await insertSubjects(db, run);
  run = await loadRegionPairs(db, run);
  await insertFieldScores(db, run);
  await insertSurveyScores(db, run);
  await insertReviewScores(db, run);
  const facts = await subjectFacts(db, run);
  const levelRows = await db.execute(sql`SELECT subject_key, level FROM evaluation_result
    WHERE tenant_id = ${tenantId} AND evaluation_id = ${evaluationId}`);
  const levelOf = new Map(
    (levelRows.rows as Array<{ subject_key: string; level: string }>).map((r) => [r.subject_key, r.level]),
  );
  const complianceLine = e.lines.complianceLine ?? (e.compliance === null ? e.lines.passLine : Number(e.compliance));
  const facts2 = facts.sort((a, b) => (a.subject_key < b.subject_key ? -1 : 1));
  const { rows, rates } = computeTotals({
    facts: facts2,
    levelOf,
    scheme: e.scheme,
    lines: { ...e.lines, complianceLine },
    previous: await previousResults(db, tenantId, e),
  });
  await db.execute(sql`UPDATE evaluation_result r SET score = x.score, rank = x.rank, rank_change = x.rank_change,
      previous_score = x.previous_score, passed = x.passed, excellent = x.excellent, compliant = x.compliant,
      red_list = x.red_list, black_list = x.black_list, summons = x.summons, vetoed = x.vetoed,
      suspended = x.suspended, components = x.components, negative_deduction = x.negative_deduction,
      sampled_points = x.sampled_points, observations = x.observations, problems_found = x.problems_found,
      problems_closed = x.problems_closed
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(subject_key text, score numeric, rank int,
      rank_change int, previous_score numeric, passed boolean, excellent boolean, compliant boolean,
      red_list boolean, black_list boolean, summons boolean, vetoed boolean, suspended boolean, components jsonb,
      negative_deduction numeric, sampled_points int, observations int, problems_found int, problems_closed int)
    WHERE r.tenant_id = ${tenantId} AND r.evaluation_id = ${evaluationId} AND r.subject_key = x.subject_key`);
  const levels =
    e.subject_kind === 'region'
      ? run.levels.filter((l) => levelOf.size && [...levelOf.values()].includes(l))
      : [e.subject_kind];
  await db.execute(sql`UPDATE evaluation SET state = 'done', error = NULL, computed_at = ${sqlTime(now)},
      levels = ${JSON.stringify(levels)}::jsonb, rates = ${JSON.stringify(rates)}::jsonb
    WHERE tenant_id = ${tenantId} AND id = ${evaluationId}`);
}

export function registerEvaluationJobs(ctx: AppContext): void {
  ctx.jobs.register(EVALUATION_JOB, async (job) => {
    const id = String(job.payload?.evaluationId ?? '');
    await ctx.db.execute(
      sql`UPDATE evaluation SET state = 'computing' WHERE tenant_id = ${job.tenantId} AND id = ${id}`,
    );
    const actor = systemActor(job.tenantId, 'evaluation', ctx.clock.now());
    try {
      await ctx.db.transaction(async (tx) => {
        await computeEvaluation(tx, job.tenantId, id, actor.now);
        await writeAudit(tx, actor, { action: 'evaluation.compute', objectType: 'evaluation', objectId: id });
      });
      return { evaluationId: id };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await ctx.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE evaluation SET state = 'failed', error = ${message.slice(0, 500)}
          WHERE tenant_id = ${job.tenantId} AND id = ${id}`);
        await writeAudit(tx, actor, {
          action: 'evaluation.fail',
          objectType: 'evaluation',
          objectId: id,
          after: { message },
        });
      });
      throw new JobFailure(message, { evaluationId: id, error: message });
    }
  });
}
