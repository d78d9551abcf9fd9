// The problem list (问题清单) as Excel, ready to hand over: number, category, place, description, deadline, state,
// and links to the before/after photos (downloaded through the problem's scope). The list's filters apply, and none
// is required: an office exports its whole scope. Up to EXPORT_DIRECT_LIMIT rows come straight back; a larger list
// is written by a job that reports progress and leaves the workbook as a file of the requester.
import { type ProblemExportQuery, problemSeverityLabels, problemStatusLabels } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { auditExport } from '../../platform/audit';
import { iso, shanghaiDateTime } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { type ExportColumn, XLSX_TYPE, writeWorkbook } from '../../platform/excel';
import type { JobHelpers, JobRow } from '../../platform/jobs';
import { allOf } from '../../platform/paging';
import { loadActorForAccount } from '../../platform/sessions';
import { one, rows } from '../../platform/sql';
import { problemScope } from './problem.policy';
import { findRegionPath, isOverdueSql, problemFilters } from './problem.repository';

/** Past this many rows the workbook is written by a job with progress. */
export const EXPORT_DIRECT_LIMIT = 2_000;
/** The most rows one export (direct or job) writes. */
export const EXPORT_LIMIT = 100_000;
export const PROBLEM_EXPORT_JOB = 'problems.export';
const CHUNK = 1_000;

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

interface ExportRow {
  id: string;
  number: string;
  category_name: string;
  region_name: string | null;
  address: string | null;
  description: string;
  severity: string;
  unit_name: string | null;
  created_at: string | Date;
  deadline_at: string | Date | null;
  status: string;
  is_overdue: boolean;
  before_ids: string[] | string | null;
  after_ids: string[] | string | null;
}

/** A cell linking the first photo and listing every photo's address. */
function photoCell(baseUrl: string, problemId: string, ids: string[] | string | null) {
  const list = (Array.isArray(ids) ? ids : (ids ?? '').replace(/^\{|\}$/g, '').split(',')).filter(Boolean);
  if (!list.length) return null;
  const urls = list.map((f) => `${baseUrl}/api/v1/problems/${problemId}/photos/${f}`);
  return { text: urls.join('\n'), hyperlink: urls[0] };
}

/** The unit's name when the actor's export scope reaches it (its own unit, or a region above it); 404 otherwise. */
async function visibleUnitName(db: Db, actor: Actor, unitId: string): Promise<string> {
  const found = await rows<{ name: string }>(
    db,
    sql`SELECT u.name FROM unit u JOIN region r ON r.tenant_id = u.tenant_id AND r.code = u.region_code
    WHERE u.tenant_id = ${actor.tenantId} AND u.id = ${unitId}
      AND ${problemScope(actor, 'problem.export', { regionPath: sql`r.path::text || '.'`, unitId: sql`u.id` })}`,
  );
  if (!found[0]) throw fail('UNIT_NOT_FOUND');
  return found[0].name;
}

const photoIds = (kind: 'before' | 'after') => sql`ARRAY(SELECT ph.file_id::text FROM problem_photo ph
  WHERE ph.tenant_id = p.tenant_id AND ph.problem_id = p.id AND ph.kind = ${kind} ORDER BY ph.created_at, ph.file_id)`;

async function exportWhere(db: Db, actor: Actor, f: ProblemExportQuery) {
  const path = f.regionCode ? await findRegionPath(db, actor.tenantId, f.regionCode) : null;
  if (f.regionCode && !path) return sql`false`;
  return allOf(
    sql`p.tenant_id = ${actor.tenantId}`,
    problemScope(actor, 'problem.export'),
    problemFilters(f, path, actor.now, actor.accountId),
  );
}

/** How many problems an export with these filters writes. */
export async function countExportRows(db: Db, actor: Actor, f: ProblemExportQuery): Promise<number> {
  requirePermission(actor, 'problem.export');
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM problem p WHERE ${await exportWhere(db, actor, f)}`,
  );
  return r.n;
}

async function findExportRows(db: Db, actor: Actor, f: ProblemExportQuery, offset: number, limit: number) {
  return rows<ExportRow>(
    db,
    sql`SELECT p.id, p.number, c.name AS category_name, rg.name AS region_name, p.address,
      p.description, p.severity, u.name AS unit_name, p.created_at, p.deadline_at, p.status, ${isOverdueSql(actor.now)} AS is_overdue,
      ${photoIds('before')} AS before_ids, ${photoIds('after')} AS after_ids
    FROM problem p JOIN problem_category c ON c.tenant_id = p.tenant_id AND c.code = p.category
      LEFT JOIN region rg ON rg.tenant_id = p.tenant_id AND rg.code = p.region_code
      LEFT JOIN unit u ON u.tenant_id = p.tenant_id AND u.id = p.assigned_unit_id
    WHERE ${await exportWhere(db, actor, f)} ORDER BY p.created_at, p.id LIMIT ${limit} OFFSET ${offset}`,
  );
}

function toSheetRow(r: ExportRow, i: number, baseUrl: string) {
  return {
    seq: i + 1,
    number: r.number,
    category: r.category_name,
    place: [r.region_name, r.address].filter(Boolean).join(' '),
    description: r.description,
    severity: problemSeverityLabels[r.severity as keyof typeof problemSeverityLabels] ?? r.severity,
    unit: r.unit_name ?? '',
    reportedAt: shanghaiDateTime(r.created_at),
    deadline: shanghaiDateTime(r.deadline_at),
    status: problemStatusLabels[r.status as keyof typeof problemStatusLabels] ?? r.status,
    overdue: r.is_overdue ? '是' : '否',
    before: photoCell(baseUrl, r.id, r.before_ids),
    after: photoCell(baseUrl, r.id, r.after_ids),
  };
}

/** Every matching row in chunks, reporting progress after each. */
async function readAll(db: Db, actor: Actor, f: ProblemExportQuery, total: number, onChunk?: (n: number) => unknown) {
  const all: ExportRow[] = [];
  for (let offset = 0; offset < total; offset += CHUNK) {
    all.push(...(await findExportRows(db, actor, f, offset, CHUNK)));
    await onChunk?.(all.length);
  }
  return all;
}

async function buildWorkbook(db: Db, actor: Actor, f: ProblemExportQuery, found: ExportRow[], at: Date, base: string) {
  const owner = f.unitId ? await visibleUnitName(db, actor, f.unitId) : null;
  const title = `${owner ?? ''}问题清单`;
  const notes = [`导出时间：${shanghaiDateTime(at)}　共 ${found.length} 条`];
  const sheetRows = found.map((r, i) => toSheetRow(r, i, base));
  const bytes = await writeWorkbook({ sheetName: '问题清单', title, notes, columns, rows: sheetRows });
  return { name: `${title}.xlsx`, bytes };
}

/** The list as an xlsx, straight back; 422 EXPORT_TOO_LARGE past EXPORT_DIRECT_LIMIT (start a job instead). */
export async function exportProblems(
  db: Db,
  actor: Actor,
  f: ProblemExportQuery,
  baseUrl: string,
  primary: Db,
): Promise<{ name: string; bytes: Buffer }> {
  requirePermission(actor, 'problem.export');
  if (f.unitId) await visibleUnitName(db, actor, f.unitId);
  const total = await countExportRows(db, actor, f);
  if (total > EXPORT_DIRECT_LIMIT) throw fail('EXPORT_TOO_LARGE', { limit: EXPORT_DIRECT_LIMIT, total });
  const found = await readAll(db, actor, f, total);
  await auditExport(primary, actor, { objectType: 'problem', filters: f, rows: found.length });
  return buildWorkbook(db, actor, f, found, actor.now, baseUrl);
}

interface ExportPayload {
  filters: ProblemExportQuery;
  actorAccountId: string;
  baseUrl: string;
  /** The request that asked for it, for the audit event the finished file is recorded with. */
  requestId?: string | null;
  ip?: string | null;
}

/** Start writing the list as a job: 202 with the job to follow at GET /jobs/{id}; 422 past EXPORT_LIMIT rows. */
export async function startProblemExport(ctx: AppContext, actor: Actor, f: ProblemExportQuery, baseUrl: string) {
  requirePermission(actor, 'problem.export');
  if (f.unitId) await visibleUnitName(ctx.db, actor, f.unitId);
  const total = await countExportRows(ctx.db, actor, f);
  if (total > EXPORT_LIMIT) throw fail('EXPORT_TOO_LARGE', { limit: EXPORT_LIMIT, total });
  const payload: ExportPayload = {
    filters: f,
    actorAccountId: actor.accountId!,
    baseUrl,
    requestId: actor.requestId,
    ip: actor.ip,
  };
  const jobId = await ctx.jobs.enqueue(ctx.db, actor.tenantId, PROBLEM_EXPORT_JOB, payload, {
    createdBy: actor.accountId,
    maxAttempts: 2,
  });
  return { jobId, total };
}

/** The job: read in chunks (progress as it goes), write the workbook, keep it as the requester's file. */
async function runProblemExport(ctx: AppContext, job: JobRow, helpers: JobHelpers) {
  const { filters, actorAccountId, baseUrl, requestId, ip } = job.payload as ExportPayload;
  const actor = {
    ...(await loadActorForAccount(ctx.db, job.tenantId, actorAccountId, ctx.clock.now())),
    requestId: requestId ?? null,
    ip: ip ?? null,
  };
  const total = await countExportRows(ctx.db, actor, filters);
  await helpers.progress(0, total + 1);
  const found = await readAll(ctx.db, actor, filters, total, (n) => helpers.progress(n, total + 1));
  const now = actor.now;
  const book = await buildWorkbook(ctx.db, actor, filters, found, now, baseUrl);
  const file = await ctx.files.save(ctx.db, actor, book.bytes, { name: book.name, purpose: 'export' }, [XLSX_TYPE]);
  await auditExport(ctx.db, actor, { objectType: 'problem', filters, rows: found.length, fileId: file.id });
  await helpers.progress(total + 1, total + 1);
  return { fileId: file.id, name: book.name, rows: found.length, finishedAt: iso(now) };
}

export function registerProblemExportJob(ctx: AppContext): void {
  ctx.jobs.register(PROBLEM_EXPORT_JOB, (job, helpers) => runProblemExport(ctx, job, helpers));
}
