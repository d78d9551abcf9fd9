// The trend of a series: this period and the previous ones (latest done version of each), oldest first,
// with the rates and every readable subject's score and rank per period.
import type { EvaluationTrendView } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { getEvaluation, resultColumns, resultScope, toResultView } from './evaluation-read.service';

export async function evaluationTrend(
  db: Db,
  actor: Actor,
  id: string,
  opts: { level?: string; periods?: number } = {},
): Promise<EvaluationTrendView> {
  const ev = await getEvaluation(db, actor, id);
  const level = opts.level ?? ev.levels[0] ?? ev.subjectKind;
  const periods = (
    await db.execute(sql`SELECT * FROM (
        SELECT DISTINCT ON (period_start) id, period_label, period_start::text AS start, rates
        FROM evaluation WHERE tenant_id = ${actor.tenantId} AND series = ${ev.series} AND state = 'done'
          AND period_start <= ${ev.period.start}
        ORDER BY period_start DESC, (id = ${id}) DESC, version DESC
      ) p ORDER BY start DESC LIMIT ${opts.periods ?? 12}`)
  ).rows as Array<{ id: string; period_label: string; start: string; rates: any }>;
  periods.reverse();
  const ids = periods.map((p) => p.id);
  const rows = ids.length
    ? ((
        await db.execute(sql`SELECT r.evaluation_id, ${resultColumns} FROM evaluation_result r
          WHERE r.tenant_id = ${actor.tenantId} AND r.evaluation_id = ANY(${sql.param(ids)}::uuid[])
            AND r.level = ${level} AND ${resultScope(actor)}
          ORDER BY r.position, r.subject_key`)
      ).rows as any[])
    : [];
  const subjects = new Map<string, EvaluationTrendView['subjects'][number]>();
  for (const r of rows) {
    const view = toResultView(r);
    let s = subjects.get(view.subject.key);
    if (!s) {
      s = { subject: view.subject, scores: ids.map(() => null), ranks: ids.map(() => null) };
      subjects.set(view.subject.key, s);
    }
    const at = ids.indexOf(r.evaluation_id);
    s.scores[at] = view.score;
    s.ranks[at] = view.rank;
  }
  return {
    series: ev.series,
    periods: periods.map((p) => ({ evaluationId: p.id, label: p.period_label, start: p.start, rates: p.rates ?? {} })),
    subjects: [...subjects.values()],
  };
}
