// Excel import of inspection points (点位) as a job with progress: all-or-nothing per file (SPEC 3.6).
import { type Language, type RowError, translateError } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import {
  XLSX_TYPE,
  readSheetRows,
  rowProblem,
  sortRowErrors,
  writeErrorReport,
  writeTemplate,
} from '../../platform/excel';
import { newId } from '../../platform/ids';
import { type JobHelpers, type JobRow, JobFailure } from '../../platform/jobs';
import { buildSearchText } from '../../platform/search-text';
import { loadActorForAccount } from '../../platform/sessions';
import { type PointRow, pointColumns, validatePointRows } from './point-import-rows';

export const POINT_IMPORT_JOB = 'org.import.points';
const MAX_ROWS = 20_000;
const CHUNK = 1000;
const RESULT_ERRORS = 1000;

interface Payload {
  fileId: string;
  actorAccountId: string;
  lang: Language;
}

/** Store an uploaded xlsx and queue its import; answers the job id. */
export async function enqueuePointImport(
  ctx: AppContext,
  actor: Actor,
  upload: { bytes: Buffer; name: string },
  lang: Language,
) {
  requirePermission(actor, 'region.manage');
  return ctx.db.transaction(async (tx) => {
    const file = await ctx.files.save(tx, actor, upload.bytes, { name: upload.name, purpose: 'import' }, [XLSX_TYPE]);
    const payload: Payload = { fileId: file.id, actorAccountId: actor.accountId!, lang };
    return ctx.jobs.enqueue(tx, actor.tenantId, POINT_IMPORT_JOB, payload, {
      createdBy: actor.accountId,
      maxAttempts: 3,
    });
  });
}

async function fail(ctx: AppContext, actor: Actor, errors: RowError[], lang: Language): Promise<never> {
  const sorted = sortRowErrors(errors);
  const bytes = await writeErrorReport(sorted, lang);
  const report = await ctx.files.save(
    ctx.db,
    actor,
    bytes,
    { name: '点位导入错误报告.xlsx', purpose: 'import-report' },
    [XLSX_TYPE],
  );
  throw new JobFailure('IMPORT_FAILED', {
    rows: sorted.slice(0, RESULT_ERRORS),
    totalErrors: sorted.length,
    errorReportFileId: report.id,
  });
}

/** Points and the pairings of their responsible units, a chunk per statement. */
async function insertPoints(tx: Db, tenantId: string, rows: PointRow[]) {
  const points = rows.map((p) => ({ ...p, id: newId(), search: buildSearchText(p.name, p.address) }));
  await tx.execute(sql`INSERT INTO point (tenant_id, id, name, point_type, region_code, grid_id, address, lat, lng, search_text)
    SELECT ${tenantId}, x.id, x.name, x."pointType", x."regionCode", x."gridId", x.address, x.lat, x.lng, x.search
    FROM jsonb_to_recordset(${JSON.stringify(points)}::jsonb) AS x(id uuid, name text, "pointType" text, "regionCode" text,
      "gridId" uuid, address text, lat float8, lng float8, search text)`);
  const pairings = points
    .filter((p) => p.unitId)
    .map((p) => ({ id: newId(), unit: p.unitId, ref: p.id, region: p.regionCode }));
  if (pairings.length)
    await tx.execute(sql`INSERT INTO pairing (tenant_id, id, unit_id, kind, target_kind, target_ref, region_code)
      SELECT ${tenantId}, x.id, x.unit, 'baolian', 'point', x.ref, x.region
      FROM jsonb_to_recordset(${JSON.stringify(pairings)}::jsonb) AS x(id uuid, unit uuid, ref text, region text)`);
}

async function readRows(ctx: AppContext, actor: Actor, fileId: string, lang: Language) {
  const file = await ctx.files.get(ctx.db, actor, fileId);
  try {
    return (await readSheetRows(ctx.files.read(file.sha256), { columns: pointColumns, maxRows: MAX_ROWS })).rows;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code !== 'IMPORT_HEADER_MISSING')
      return fail(ctx, actor, [{ row: 0, message: translateError(err.code, lang) }], lang);
    const { keys } = err.details as { keys: string[] };
    return fail(
      ctx,
      actor,
      keys.map((k) => ({ row: 0, field: k, message: rowProblem(k, 'missing_column', lang) })),
      lang,
    );
  }
}

/** Read, check every row, then insert everything in one transaction with one audit event. */
async function runPointImport(ctx: AppContext, job: JobRow, helpers: JobHelpers) {
  const { fileId, actorAccountId, lang } = job.payload as Payload;
  const actor = await loadActorForAccount(ctx.db, job.tenantId, actorAccountId, ctx.clock.now());
  if (!can(actor, 'region.manage'))
    return fail(ctx, actor, [{ row: 0, message: translateError('FORBIDDEN', lang) }], lang);
  const rows = await readRows(ctx, actor, fileId, lang);
  if (rows.length === 0) return fail(ctx, actor, [{ row: 0, message: translateError('IMPORT_EMPTY', lang) }], lang);
  const total = rows.length * 2; // validating, then inserting
  await helpers.progress(0, total);
  const { valid, errors } = await validatePointRows(ctx.db, actor, rows, lang);
  if (errors.length) return fail(ctx, actor, errors, lang);
  await helpers.progress(rows.length, total);
  // PGlite has one connection: progress written from inside the transaction would wait for it to end.
  const reportInside = ctx.database.engine !== 'pglite';
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < valid.length; i += CHUNK) {
      await insertPoints(
        tx,
        actor.tenantId,
        valid.slice(i, i + CHUNK).map((v) => v.data),
      );
      if (reportInside) await helpers.progress(rows.length + Math.min(i + CHUNK, valid.length), total);
    }
    await writeAudit(tx, actor, {
      action: 'point.import',
      objectType: 'file',
      objectId: fileId,
      after: { fileId, created: valid.length },
    });
  });
  await ctx.db.execute(sql`ANALYZE point`);
  await helpers.progress(total, total);
  return { created: valid.length };
}

/** Register the points import job; call once at startup. */
export function registerPointImportJob(ctx: AppContext): void {
  ctx.jobs.register(POINT_IMPORT_JOB, (job, helpers) => runPointImport(ctx, job, helpers));
}

/** The import template with one example row. */
export function pointTemplate(): Promise<Buffer> {
  const example = {
    name: '幸福家园小区',
    pointType: '小区',
    regionCode: '620302001001',
    gridId: '',
    address: '北京路 8 号',
    lat: '38.5',
    lng: '102.19',
    unitId: '',
  };
  return writeTemplate(pointColumns, example, {
    sheetName: '点位',
    title: '点位导入（点位类型可填代码或名称，所属区划可填代码或名称）',
  });
}
