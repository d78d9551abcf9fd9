// The problem list (问题清单) as Excel, per unit and ready to hand over: number, category, place, description,
// deadline, state, and links to the before/after photos (downloaded through the problem's scope).
import { shanghaiDateTime } from '../../platform/clock';
import { type ProblemExportQuery, problemSeverityLabels, problemStatusLabels } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { AppError, unprocessable } from '../../platform/errors';
import { type ExportColumn, writeWorkbook } from '../../platform/excel';
import { allOf } from '../../platform/paging';
import { problemScope } from './problem.policy';
import { findRegionPath, isOverdueSql, problemFilters } from './problem.repository';

const EXPORT_LIMIT = 20_000;

const columns: ExportColumn[] = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'number', header: '问题编号', width: 18 },
  { key: 'category', header: '问题类别', width: 12 },
  { key: 'place', header: '地点', width: 36 },
  { key: 'description', header: '问题描述', width: 48 },
  { key: 'severity', header: '严重程度', width: 10 },
  { key: 'unit', header: '责任单位', width: 28 },
  { key: 'reportedAt', header: '发现时间', width: 18 },
  { key: 'deadline', header: '整改时限', width: 18 },
  { key: 'status', header: '整改状态', width: 12 },
  { key: 'overdue', header: '是否逾期', width: 10 },
  { key: 'before', header: '整改前照片', width: 40 },
  { key: 'after', header: '整改后照片', width: 40 },
];

const local = (v: unknown) => shanghaiDateTime(v as string | null);

/** A cell linking the first photo and listing every photo's address. */
function photoCell(baseUrl: string, problemId: string, ids: string[] | string | null) {
  const list = (Array.isArray(ids) ? ids : (ids ?? '').replace(/^\{|\}$/g, '').split(',')).filter(Boolean);
  if (!list.length) return null;
  const urls = list.map((f) => `${baseUrl}/api/v1/problems/${problemId}/photos/${f}`);
  return { text: urls.join('\n'), hyperlink: urls[0] };
}

/** The unit's name when the actor's export scope reaches it (its own unit, or a region above it); 404 otherwise. */
async function visibleUnitName(db: Db, actor: Actor, unitId: string): Promise<string> {
  const res =
    await db.execute(sql`SELECT u.name FROM unit u JOIN region r ON r.tenant_id = u.tenant_id AND r.code = u.region_code
    WHERE u.tenant_id = ${actor.tenantId} AND u.id = ${unitId}
      AND ${problemScope(actor, 'problem.export', { regionPath: sql`r.path::text || '.'`, unitId: sql`u.id` })}`);
  const r = res.rows[0] as { name: string } | undefined;
  if (!r) throw new AppError('UNIT_NOT_FOUND', 404);
  return r.name;
}

const photoIds = (kind: 'before' | 'after') => sql`ARRAY(SELECT ph.file_id::text FROM problem_photo ph
  WHERE ph.tenant_id = p.tenant_id AND ph.problem_id = p.id AND ph.kind = ${kind} ORDER BY ph.created_at, ph.file_id)`;

async function findExportRows(db: Db, actor: Actor, f: ProblemExportQuery): Promise<any[]> {
  const path = f.regionCode ? await findRegionPath(db, actor.tenantId, f.regionCode) : null;
  const where = allOf(
    sql`p.tenant_id = ${actor.tenantId}`,
    problemScope(actor, 'problem.export'),
    problemFilters(f, path, actor.now),
  );
  const res = await db.execute(sql`SELECT p.id, p.number, c.name AS category_name, rg.name AS region_name, p.address,
      p.description, p.severity, u.name AS unit_name, p.created_at, p.deadline_at, p.status, ${isOverdueSql(actor.now)} AS is_overdue,
      ${photoIds('before')} AS before_ids, ${photoIds('after')} AS after_ids
    FROM problem p JOIN problem_category c ON c.tenant_id = p.tenant_id AND c.code = p.category
      LEFT JOIN region rg ON rg.tenant_id = p.tenant_id AND rg.code = p.region_code
      LEFT JOIN unit u ON u.tenant_id = p.tenant_id AND u.id = p.assigned_unit_id
    WHERE ${where} ORDER BY p.created_at, p.id LIMIT ${EXPORT_LIMIT + 1}`);
  if (res.rows.length > EXPORT_LIMIT) throw unprocessable('EXPORT_TOO_LARGE', { limit: EXPORT_LIMIT });
  return res.rows as any[];
}

/** The problem list of a unit (or of the actor's whole scope) as an xlsx; 422 past 20,000 rows. */
export async function exportProblems(
  db: Db,
  actor: Actor,
  f: ProblemExportQuery,
  baseUrl: string,
): Promise<{ name: string; bytes: Buffer }> {
  requirePermission(actor, 'problem.export');
  const owner = f.unitId ? await visibleUnitName(db, actor, f.unitId) : null;
  const rows = (await findExportRows(db, actor, f)).map((r, i) => ({
    seq: i + 1,
    number: r.number,
    category: r.category_name,
    place: [r.region_name, r.address].filter(Boolean).join(' '),
    description: r.description,
    severity: problemSeverityLabels[r.severity as keyof typeof problemSeverityLabels] ?? r.severity,
    unit: r.unit_name ?? '',
    reportedAt: local(r.created_at),
    deadline: local(r.deadline_at),
    status: problemStatusLabels[r.status as keyof typeof problemStatusLabels] ?? r.status,
    overdue: r.is_overdue ? '是' : '否',
    before: photoCell(baseUrl, r.id, r.before_ids),
    after: photoCell(baseUrl, r.id, r.after_ids),
  }));
  const title = `${owner ?? ''}问题清单`;
  const notes = [`导出时间：${local(actor.now)}　共 ${rows.length} 条`];
  const bytes = await writeWorkbook({ sheetName: '问题清单', title, notes, columns, rows });
  return { name: `${title}.xlsx`, bytes };
}
