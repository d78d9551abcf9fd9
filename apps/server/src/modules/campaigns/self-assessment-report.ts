// Submitting a self-assessment files its self-inspection report (自查报告, Word); the comparison shows the
// unit's and the office's scores side by side with the differences flagged.
import { sqlTime } from '../../platform/sql';
import type { ComparisonRow, SelfAssessmentView } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { DOCX_TYPE } from '../../platform/documents';
import { fail } from '../../platform/errors';
import { buildSelfInspectionReport } from './campaign-documents';
import { getScopedUnit } from './notice.service';
import { getSelfAssessment, unitEditableStates } from './self-assessment.service';

/** "1.2.10" after "1.2.9": indicator codes compared part by part, numerically where they are numbers. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const d = /^\d+$/.test(pa[i]) && /^\d+$/.test(pb[i]) ? Number(pa[i]) - Number(pb[i]) : pa[i].localeCompare(pb[i]);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every indicator scored on either side, with both sides, in code order. */
async function scoreRows(db: Db, tenantId: string, id: string): Promise<ComparisonRow[]> {
  const res = await db.execute(sql`SELECT i.id, i.code, i.name, i.points,
      s.score AS self_score, s.note AS self_note, s.file_ids AS self_files,
      o.score AS office_score, o.note AS office_note, o.file_ids AS office_files
    FROM indicator i
      LEFT JOIN assessment_score s ON s.tenant_id = i.tenant_id AND s.self_assessment_id = ${id}
        AND s.indicator_id = i.id AND s.side = 'self'
      LEFT JOIN assessment_score o ON o.tenant_id = i.tenant_id AND o.self_assessment_id = ${id}
        AND o.indicator_id = i.id AND o.side = 'office'
    WHERE i.tenant_id = ${tenantId} AND (s.score IS NOT NULL OR o.score IS NOT NULL)
      AND i.framework_id = (SELECT framework_id FROM self_assessment WHERE tenant_id = ${tenantId} AND id = ${id})`);
  const files = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return res.rows
    .map((r: any): ComparisonRow => {
      const self = num(r.self_score);
      const office = num(r.office_score);
      const difference = self !== null && office !== null ? Math.round((office - self) * 100) / 100 : null;
      return {
        indicatorId: r.id,
        code: r.code,
        name: r.name,
        points: num(r.points),
        self: self === null ? null : { score: self, note: r.self_note, fileIds: files(r.self_files) },
        office: office === null ? null : { score: office, note: r.office_note, fileIds: files(r.office_files) },
        difference,
        isDifferent: difference === null || difference !== 0,
      };
    })
    .sort((a, b) => compareCodes(a.code, b.code));
}

/** The unit's and the office's scores side by side; totals and the number of differing indicators. */
export async function compareSelfAssessment(db: Db, actor: Actor, id: string) {
  const assessment = await getSelfAssessment(db, actor, id);
  const rows = await scoreRows(db, actor.tenantId, id);
  const sum = (side: 'self' | 'office') => rows.reduce((s, r) => s + (r[side]?.score ?? 0), 0);
  const selfTotal = sum('self');
  const officeTotal = assessment.officeTotal === null ? null : sum('office');
  return {
    selfAssessment: assessment,
    rows,
    totals: {
      self: selfTotal,
      office: officeTotal,
      difference: officeTotal === null ? null : Math.round((officeTotal - selfTotal) * 100) / 100,
    },
    differentCount: rows.filter((r) => r.isDifferent).length,
  };
}

/** Submit the self-assessment: the self-inspection report is generated from the scores and notes and stored. */
export async function submitSelfAssessment(ctx: AppContext, actor: Actor, id: string): Promise<SelfAssessmentView> {
  requirePermission(actor, 'selfassessment.manage');
  const a = await getSelfAssessment(ctx.db, actor, id);
  await getScopedUnit(ctx.db, actor, a.unit.id, 'selfassessment.manage').catch(() => {
    throw fail('SELF_ASSESSMENT_NOT_FOUND');
  });
  if (!unitEditableStates.includes(a.status)) throw fail('SELF_ASSESSMENT_SUBMITTED');
  const rows = (await scoreRows(ctx.db, actor.tenantId, id)).filter((r) => r.self);
  if (!rows.length) throw fail('SELF_ASSESSMENT_EMPTY');
  const tenant = await ctx.db.execute(sql`SELECT name FROM tenant WHERE id = ${actor.tenantId}`);
  const bytes = await buildSelfInspectionReport({
    tenantName: (tenant.rows[0] as any).name,
    unitName: a.unit.name,
    frameworkName: a.framework.name,
    title: a.title,
    lines: rows.map((r) => ({
      code: r.code,
      name: r.name,
      points: r.points,
      score: r.self!.score,
      note: r.self!.note,
    })),
    date: actor.now,
  });
  await ctx.db.transaction(async (tx) => {
    const name = `${a.unit.name}自查报告.docx`;
    const file = await ctx.files.save(tx, actor, bytes, { name, purpose: 'self-inspection-report' }, [DOCX_TYPE]);
    const res =
      await tx.execute(sql`UPDATE self_assessment SET status = 'submitted', submitted_at = ${sqlTime(actor.now)},
        report_file_id = ${file.id} WHERE tenant_id = ${actor.tenantId} AND id = ${id}
        AND status IN ('draft', 'returned') RETURNING id`);
    if (!res.rows.length) throw fail('SELF_ASSESSMENT_SUBMITTED');
    await writeAudit(tx, actor, {
      action: 'selfassessment.submit',
      objectType: 'self_assessment',
      objectId: id,
      before: { status: a.status },
      after: { status: 'submitted', reportFileId: file.id, selfTotal: a.selfTotal },
    });
  });
  return getSelfAssessment(ctx.db, actor, id);
}

/** The stored self-inspection report, for whoever may see the self-assessment. */
export async function getSelfInspectionReport(ctx: AppContext, actor: Actor, id: string) {
  const a = await getSelfAssessment(ctx.db, actor, id);
  if (!a.reportFileId) throw fail('SELF_INSPECTION_REPORT_NOT_FOUND');
  const res = await ctx.db.execute(sql`SELECT name, sha256 FROM file WHERE tenant_id = ${actor.tenantId}
    AND id = ${a.reportFileId}`);
  const f = res.rows[0] as { name: string; sha256: string };
  return { name: f.name, contentType: DOCX_TYPE, bytes: ctx.files.read(f.sha256) };
}
