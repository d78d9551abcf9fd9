// Excel import (as jobs) and export of units and people (SPEC 4.1, 3.6): all-or-nothing per file.
import {
  type Language,
  type Permission,
  type RowError,
  computeIdCardCheck,
  computeUsccCheck,
  translateError,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { auditExport, writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, fail } from '../../platform/errors';
import {
  type ExportColumn,
  type ImportColumn,
  type SheetRow,
  XLSX_TYPE,
  readSheetRows,
  rowProblem,
  sortRowErrors,
  writeErrorReport,
  writeTemplate,
  writeWorkbook,
} from '../../platform/excel';
import { type JobHelpers, type JobRow, JobFailure } from '../../platform/jobs';
import { loadActorForAccount } from '../../platform/sessions';
import * as rows from './org-import-rows';
import { type PersonFilter, insertPeople, personWhere } from './person.service';
import { regionPathVisible } from './region.service';
import { type UnitFilter, insertUnits, toUnitView, unitWhere } from './unit.service';
import { pauseForTest } from '../../platform/test-pause';

const MAX_ROWS = 20_000;
const CHUNK = 500;
const EXPORT_LIMIT = 100_000;
/** Job results keep this many row errors; the error report file has them all. */
const RESULT_ERRORS = 1000;

interface ImportSpec<T> {
  kind: 'unit' | 'person';
  permission: Permission;
  columns: ImportColumn[];
  reportName: string;
  validate(ctx: AppContext, actor: Actor, rows: SheetRow[], lang: Language): Promise<rows.Validated<T>>;
  insert(tx: Db, ctx: AppContext, tenantId: string, bodies: T[]): Promise<unknown>;
}

const specs = {
  units: {
    kind: 'unit',
    permission: 'unit.manage',
    columns: rows.unitColumns,
    reportName: '单位导入错误报告.xlsx',
    validate: rows.validateUnitRows,
    insert: (tx, ctx, tenantId, bodies) => insertUnits(tx, ctx.cipher, tenantId, bodies),
  } satisfies ImportSpec<rows.UnitRow>,
  people: {
    kind: 'person',
    permission: 'person.manage',
    columns: rows.personColumns,
    reportName: '人员导入错误报告.xlsx',
    validate: rows.validatePersonRows,
    insert: (tx, ctx, tenantId, bodies) => insertPeople(tx, ctx.cipher, tenantId, bodies),
  } satisfies ImportSpec<rows.PersonRow>,
};
export type ImportTarget = keyof typeof specs;

interface ImportPayload {
  fileId: string;
  actorAccountId: string;
  lang: Language;
}

/** Store an uploaded xlsx and queue its import; answers the job id. */
export async function enqueueImport(
  ctx: AppContext,
  actor: Actor,
  target: ImportTarget,
  upload: { bytes: Buffer; name: string },
  lang: Language,
) {
  requirePermission(actor, specs[target].permission);
  return ctx.db.transaction(async (tx) => {
    const file = await ctx.files.save(tx, actor, upload.bytes, { name: upload.name, purpose: 'import' }, [XLSX_TYPE]);
    const payload: ImportPayload = { fileId: file.id, actorAccountId: actor.accountId!, lang };
    return ctx.jobs.enqueue(tx, actor.tenantId, `org.import.${target}`, payload, {
      createdBy: actor.accountId,
      maxAttempts: 3,
    });
  });
}

/** Store the error report and stop the job with every bad row; nothing has been written. */
async function failImport(
  ctx: AppContext,
  actor: Actor,
  errors: RowError[],
  lang: Language,
  name: string,
): Promise<never> {
  const sorted = sortRowErrors(errors);
  const bytes = await writeErrorReport(sorted, lang);
  const report = await ctx.files.save(ctx.db, actor, bytes, { name, purpose: 'import-report' }, [XLSX_TYPE]);
  throw new JobFailure('IMPORT_FAILED', {
    rows: sorted.slice(0, RESULT_ERRORS),
    totalErrors: sorted.length,
    errorReportFileId: report.id,
  });
}

/** File-level problems (unreadable, missing columns, too many rows) as row errors; row 0 stands for the file. */
function fileErrors(err: AppError, lang: Language): RowError[] {
  if (err.code !== 'IMPORT_HEADER_MISSING') return [{ row: 0, message: translateError(err.code, lang) }];
  const { keys } = err.details as { keys: string[] };
  return keys.map((k) => ({ row: 0, field: k, message: rowProblem(k, 'missing_column', lang) }));
}

/** Read, validate everything, then insert everything in one transaction with one audit event. */
async function runImport<T>(ctx: AppContext, spec: ImportSpec<T>, job: JobRow, helpers: JobHelpers) {
  const { fileId, actorAccountId, lang } = job.payload as ImportPayload;
  const actor = await loadActorForAccount(ctx.db, job.tenantId, actorAccountId, ctx.clock.now());
  const fail = (errors: RowError[]) => failImport(ctx, actor, errors, lang, spec.reportName);
  if (!can(actor, spec.permission)) return fail([{ row: 0, message: translateError('FORBIDDEN', lang) }]);
  const file = await ctx.files.get(ctx.db, actor, fileId);
  const read = await readSheetRows(ctx.files.read(file.sha256), { columns: spec.columns, maxRows: MAX_ROWS }).catch(
    (err) => {
      if (err instanceof AppError) return fail(fileErrors(err, lang));
      throw err;
    },
  );
  if (read.rows.length === 0) return fail([{ row: 0, message: translateError('IMPORT_EMPTY', lang) }]);
  const total = read.rows.length * 2; // first validating, then inserting
  await helpers.progress(0, total);
  const { valid, errors } = await spec.validate(ctx, actor, read.rows, lang);
  if (errors.length) return fail(errors);
  await helpers.progress(read.rows.length, total);
  const bodies = valid.map((v) => v.data);
  await insertAll(ctx, spec, actor, bodies, fileId, (done) => helpers.progress(read.rows.length + done, total));
  await helpers.progress(total, total);
  return { created: bodies.length };
}

async function insertAll<T>(
  ctx: AppContext,
  spec: ImportSpec<T>,
  actor: Actor,
  bodies: T[],
  fileId: string,
  progress: (done: number) => Promise<void>,
) {
  // Progress goes through the queue's own handle. PGlite has one connection, so that write would
  // wait for this transaction to end (or run inside it): there, progress jumps to done at the end.
  const reportInside = ctx.database.engine !== 'pglite';
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < bodies.length; i += CHUNK) {
      await spec.insert(tx, ctx, actor.tenantId, bodies.slice(i, i + CHUNK));
      if (reportInside) await progress(Math.min(i + CHUNK, bodies.length));
    }
    await pauseForTest('org.import'); // every row inserted, the audit event not yet
    const after = { fileId, created: bodies.length };
    await writeAudit(tx, actor, { action: `${spec.kind}.import`, objectType: 'file', objectId: fileId, after });
  });
}

/** Register the import job handlers ('org.import.units', 'org.import.people'); call once at startup. */
export function registerOrgImportJobs(ctx: AppContext): void {
  ctx.jobs.register('org.import.units', (job, helpers) => runImport(ctx, specs.units, job, helpers));
  ctx.jobs.register('org.import.people', (job, helpers) => runImport(ctx, specs.people, job, helpers));
}

const header = (cols: ImportColumn[], key: string) => cols.find((c) => c.key === key)!.header[0];
const regionNameColumn: ExportColumn = { key: 'regionName', header: '区划名称', width: 24 };

/** Export columns: the import's own headers (so an export imports again), plus the region's name. */
function exportColumns(cols: ImportColumn[], extra: Record<string, ExportColumn>): ExportColumn[] {
  return cols.flatMap((c) => {
    const col: ExportColumn = {
      key: c.key,
      header: c.header[0],
      width: Math.max(12, c.header[0].length * 2 + 4),
      text: true,
    };
    return extra[c.key] ? [col, extra[c.key]] : [col];
  });
}

async function selectForExport(db: Db, query: ReturnType<typeof sql>): Promise<any[]> {
  const res = await db.execute(sql`${query} LIMIT ${EXPORT_LIMIT + 1}`);
  if (res.rows.length > EXPORT_LIMIT) throw fail('EXPORT_TOO_LARGE', { limit: EXPORT_LIMIT });
  return res.rows;
}

/** Units of the list's filters and scope as xlsx; contact phones masked. */
export async function exportUnits(ctx: AppContext, actor: Actor, f: UnitFilter): Promise<Buffer> {
  requirePermission(actor, 'unit.read');
  const found = await selectForExport(
    ctx.db,
    sql`SELECT u.id, u.name, u.type, u.credit_code, u.region_code, rg.name AS region_name,
      u.parent_unit_id, u.honor_tier, u.contact_name, u.contact_phone_enc, u.address, u.version
    FROM unit u LEFT JOIN region rg ON rg.tenant_id = u.tenant_id AND rg.code = u.region_code
    WHERE ${unitWhere(actor, f)} ORDER BY u.name, u.id`,
  );
  const items = found.map((r) => {
    const v = toUnitView(r, ctx.cipher);
    return { ...v, type: rows.unitTypeLabel(v.type), honorTier: rows.honorTierLabel(v.honorTier) };
  });
  await auditExport(ctx.db, actor, { objectType: 'unit', filters: f, rows: items.length });
  return writeWorkbook({
    sheetName: '单位',
    columns: exportColumns(rows.unitColumns, { regionCode: regionNameColumn }),
    rows: items,
  });
}

/** People of the list's filters and scope as xlsx; ID numbers and phones masked. */
export async function exportPeople(ctx: AppContext, actor: Actor, f: PersonFilter): Promise<Buffer> {
  requirePermission(actor, 'person.read');
  const found = await selectForExport(
    ctx.db,
    sql`SELECT p.name, p.gender, p.id_card_masked, p.phone_masked, un.name AS unit_name,
      p.region_code, rg.name AS region_name, p.position
    FROM person p LEFT JOIN unit un ON un.tenant_id = p.tenant_id AND un.id = p.unit_id
      LEFT JOIN region rg ON rg.tenant_id = p.tenant_id AND rg.code = p.region_code
    WHERE ${personWhere(actor, f)} ORDER BY p.name, p.id`,
  );
  const items = found.map((r) => ({
    name: r.name,
    gender: rows.genderLabel(r.gender),
    idCard: r.id_card_masked,
    phone: r.phone_masked,
    unitId: r.unit_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    position: r.position,
  }));
  await auditExport(ctx.db, actor, { objectType: 'person', filters: f, rows: items.length });
  return writeWorkbook({
    sheetName: '人员',
    columns: exportColumns(rows.personColumns, { regionCode: regionNameColumn }),
    rows: items,
  });
}

/** A region the actor may manage, for the templates' example rows. */
async function exampleRegion(db: Db, actor: Actor): Promise<string> {
  const res =
    await db.execute(sql`SELECT r.code FROM region r WHERE r.tenant_id = ${actor.tenantId} AND r.status = 'active'
    AND ${regionPathVisible(actor, 'region.read')} ORDER BY nlevel(r.path), r.code LIMIT 1`);
  return (res.rows[0] as { code: string } | undefined)?.code ?? '110101001001';
}

/** The units import template: headers, allowed values in the title, one example row with a valid credit code. */
export async function unitTemplate(ctx: AppContext, actor: Actor): Promise<Buffer> {
  requirePermission(actor, 'unit.manage');
  const code17 = '91620302MA0123456';
  const example = {
    name: '示范市实验小学',
    type: '学校',
    creditCode: code17 + computeUsccCheck(code17),
    regionCode: await exampleRegion(ctx.db, actor),
    honorTier: '市级',
    contactName: '张三',
    contactPhone: '13900001111',
    address: '示范市金川区北京路 1 号',
  };
  const title = `单位导入模板（带 * 的列必填；${header(rows.unitColumns, 'type')}：${rows.unitTypeChoices}；${header(rows.unitColumns, 'honorTier')}：${rows.honorTierChoices}；所属区划填代码或名称）`;
  return writeTemplate(rows.unitColumns, example, { sheetName: '单位', title });
}

/** The people import template: headers and one example row with a valid ID number. */
export async function personTemplate(ctx: AppContext, actor: Actor): Promise<Buffer> {
  requirePermission(actor, 'person.manage');
  const id17 = '11010519491231002';
  const example = {
    name: '李四',
    gender: '男',
    idCard: id17 + computeIdCardCheck(id17),
    phone: '13800001111',
    unitId: '示范市实验小学',
    regionCode: await exampleRegion(ctx.db, actor),
    position: '志愿者',
  };
  const title = '人员导入模板（带 * 的列必填；所在单位填名称或统一社会信用代码；所属区划填代码或名称）';
  return writeTemplate(rows.personColumns, example, { sheetName: '人员', title });
}
