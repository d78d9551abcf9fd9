// Creating an evaluation: checks the framework, region and level, stores it as `queued` with the next version
// of its series and period, and enqueues the computation. The route answers 202 {id}.
import { type EvaluationCreateBody, periodRange, regionLevels } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, regionRoots, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { invalidFields } from '../../platform/errors';
import { newId } from '../../platform/ids';

export const EVALUATION_JOB = 'evaluation.compute';

interface Loaded {
  frameworkFamily: string;
  rootCode: string;
  rootLevel: string;
}

async function check(ctx: Pick<AppContext, 'db'>, actor: Actor, body: EvaluationCreateBody): Promise<Loaded> {
  const fw = (
    await ctx.db.execute(sql`SELECT family_id FROM framework WHERE tenant_id = ${actor.tenantId}
      AND id = ${body.frameworkId} AND status IN ('published', 'superseded')`)
  ).rows[0] as { family_id: string } | undefined;
  if (!fw) throw invalidFields([{ field: 'frameworkId', key: 'unknown_framework' }]);
  const root = (
    await ctx.db.execute(
      body.regionCode
        ? sql`SELECT code, level, path::text AS path FROM region WHERE tenant_id = ${actor.tenantId} AND code = ${body.regionCode}`
        : sql`SELECT code, level, path::text AS path FROM region WHERE tenant_id = ${actor.tenantId} AND parent_code IS NULL
            ORDER BY code LIMIT 1`,
    )
  ).rows[0] as { code: string; level: string; path: string } | undefined;
  if (!root) throw invalidFields([{ field: 'regionCode', key: 'unknown_region' }]);
  const roots = regionRoots(actor, 'evaluation.manage');
  if (roots && !roots.some((p) => root.path === p || root.path.startsWith(`${p}.`)))
    throw invalidFields([{ field: 'regionCode', key: 'outside_scope' }]);
  if (body.subjectKind === 'region' && body.subjectLevel) {
    if (regionLevels.indexOf(body.subjectLevel) < regionLevels.indexOf(root.level as never))
      throw invalidFields([{ field: 'subjectLevel', key: 'unknown_level' }]);
  }
  return { frameworkFamily: fw.family_id, rootCode: root.code, rootLevel: root.level };
}

/** Region levels ranked: from the root's level down to the subject level, lowest first. */
export function levelsBetween(rootLevel: string, subjectLevel: string): string[] {
  const from = regionLevels.indexOf(rootLevel as never);
  const to = regionLevels.indexOf(subjectLevel as never);
  return regionLevels.slice(Math.max(0, from), to + 1).reverse();
}

/** Store a queued evaluation and enqueue its computation (`enqueue: false`: the caller computes, e.g. the demo). */
export async function createEvaluation(
  ctx: Pick<AppContext, 'db' | 'jobs'>,
  actor: Actor,
  body: EvaluationCreateBody,
  opts: { enqueue?: boolean } = {},
) {
  requirePermission(actor, 'evaluation.manage');
  const loaded = await check(ctx, actor, body);
  const period = periodRange(body.period);
  const rootIdx = regionLevels.indexOf(loaded.rootLevel as never);
  const subjectLevel =
    body.subjectKind === 'region' ? (body.subjectLevel ?? regionLevels[Math.min(rootIdx + 1, 4)]) : null;
  const series =
    body.series ??
    `${body.subjectKind}:${subjectLevel ?? '-'}:${loaded.rootCode}:${body.period.kind}:${loaded.frameworkFamily}`;
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    // One creation per series and period at a time, so that versions count up without gaps or clashes.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${actor.tenantId}:${series}:${period.start}`}))`);
    const v = (
      await tx.execute(sql`SELECT coalesce(max(version), 0)::int + 1 AS v FROM evaluation
        WHERE tenant_id = ${actor.tenantId} AND series = ${series} AND period_start = ${period.start}
          AND period_end = ${period.end}`)
    ).rows[0] as { v: number };
    const jobId = opts.enqueue === false ? null : newId();
    await tx.execute(sql`INSERT INTO evaluation (tenant_id, id, name, series, version, framework_id, period_kind,
        period_value, period_start, period_end, period_label, subject_kind, subject_level, region_code, scheme, lines,
        state, job_id, created_by)
      VALUES (${actor.tenantId}, ${id}, ${body.name}, ${series}, ${v.v}, ${body.frameworkId}, ${body.period.kind},
        ${body.period.value ?? null}, ${period.start}, ${period.end}, ${period.label}, ${body.subjectKind},
        ${subjectLevel}, ${loaded.rootCode}, ${JSON.stringify(body.scheme)}::jsonb, ${JSON.stringify(body.lines)}::jsonb,
        'queued', ${jobId}, ${actor.accountId})`);
    if (jobId)
      await ctx.jobs.enqueue(
        tx,
        actor.tenantId,
        EVALUATION_JOB,
        { evaluationId: id },
        {
          id: jobId,
          createdBy: actor.accountId,
          maxAttempts: 3,
        },
      );
    await writeAudit(tx, actor, {
      action: 'evaluation.create',
      objectType: 'evaluation',
      objectId: id,
      after: { name: body.name, series, version: v.v, period, frameworkId: body.frameworkId },
    });
  });
  return { id };
}
