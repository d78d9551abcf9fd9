// Excel import of volunteers by a station (background job, all-or-nothing with row errors) and masked export.
import {
  type Language,
  type RowError,
  computeIdCardCheck,
  educationLabels,
  politicalStatusLabels,
  translateError,
  type VolunteerListQuery,
  volunteerSkillLabels,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { auditExport, writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, fail } from '../../platform/errors';
import {
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
import { slotLabel, validateVolunteerRows, volunteerColumns } from './volunteer-import-rows';
import { grantSiteOf, volunteerScope } from './volunteer.policy';
import { insertVolunteers } from './volunteer.repository';
import { volunteerWhere } from './volunteer.service';
import { getVolunteerSettings } from './volunteer-settings.service';

export const VOLUNTEER_IMPORT_JOB = 'volunteers.import';
const MAX_ROWS = 200_000;
const CHUNK = 2000;
const EXPORT_LIMIT = 100_000;
const RESULT_ERRORS = 1000;

interface ImportPayload {
  fileId: string;
  actorAccountId: string;
  siteId: string | null;
  lang: Language;
}

/** Store an uploaded xlsx and queue its import; answers the job id (progress at GET /jobs/:id). */
export async function enqueueVolunteerImport(
  ctx: AppContext,
  actor: Actor,
  upload: { bytes: Buffer; name: string },
  lang: Language,
) {
  requirePermission(actor, 'volunteer.manage');
  return ctx.db.transaction(async (tx) => {
    const file = await ctx.files.save(tx, actor, upload.bytes, { name: upload.name, purpose: 'import' }, [XLSX_TYPE]);
    const payload: ImportPayload = {
      fileId: file.id,
      actorAccountId: actor.accountId!,
      siteId: grantSiteOf(actor, 'volunteer.manage') ?? null,
      lang,
    };
    return ctx.jobs.enqueue(tx, actor.tenantId, VOLUNTEER_IMPORT_JOB, payload, {
      createdBy: actor.accountId,
      maxAttempts: 3,
    });
  });
}

async function failImport(ctx: AppContext, actor: Actor, errors: RowError[], lang: Language): Promise<never> {
  const sorted = sortRowErrors(errors);
  const bytes = await writeErrorReport(sorted, lang);
  const report = await ctx.files.save(
    ctx.db,
    actor,
    bytes,
    { name: '志愿者导入错误报告.xlsx', purpose: 'import-report' },
    [XLSX_TYPE],
  );
  throw new JobFailure('IMPORT_FAILED', {
    rows: sorted.slice(0, RESULT_ERRORS),
    totalErrors: sorted.length,
    errorReportFileId: report.id,
  });
}

function fileErrors(err: AppError, lang: Language): RowError[] {
  if (err.code !== 'IMPORT_HEADER_MISSING') return [{ row: 0, message: translateError(err.code, lang) }];
  const { keys } = err.details as { keys: string[] };
  return keys.map((k) => ({ row: 0, field: k, message: rowProblem(k, 'missing_column', lang) }));
}

/** Read and validate every row, then insert all in one transaction with one audit event; progress throughout. */
async function runVolunteerImport(ctx: AppContext, job: JobRow, helpers: JobHelpers) {
  const { fileId, actorAccountId, siteId, lang } = job.payload as ImportPayload;
  const actor = await loadActorForAccount(ctx.db, job.tenantId, actorAccountId, ctx.clock.now());
  const refuse = (errors: RowError[]) => failImport(ctx, actor, errors, lang);
  if (!can(actor, 'volunteer.manage')) return refuse([{ row: 0, message: translateError('FORBIDDEN', lang) }]);
  const file = await ctx.files.get(ctx.db, actor, fileId);
  const read = await readSheetRows(ctx.files.read(file.sha256), { columns: volunteerColumns, maxRows: MAX_ROWS }).catch(
    (err) => {
      if (err instanceof AppError) return refuse(fileErrors(err, lang));
      throw err;
    },
  );
  if (read.rows.length === 0) return refuse([{ row: 0, message: translateError('IMPORT_EMPTY', lang) }]);
  const total = read.rows.length * 2;
  await helpers.progress(0, total);
  const { valid, errors } = await validateVolunteerRows(ctx, actor, read.rows, lang);
  if (errors.length) return refuse(errors);
  await helpers.progress(read.rows.length, total);
  const bodies = valid.map((v) => ({ ...v.data, siteId }));
  const reportInside = ctx.database.engine !== 'pglite'; // PGlite: one connection, progress waits for the commit
  await ctx.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < bodies.length; i += CHUNK) {
      ids.push(
        ...(await insertVolunteers(tx, ctx.cipher, actor.tenantId, bodies.slice(i, i + CHUNK), {
          onConflict: 'fail',
          at: actor.now,
        })),
      );
      if (reportInside) await helpers.progress(read.rows.length + Math.min(i + CHUNK, bodies.length), total);
    }
    // Every imported row must fall inside the importer's scope, or nothing is imported.
    const outside =
      await tx.execute(sql`SELECT count(*)::int AS n FROM volunteer v WHERE v.tenant_id = ${actor.tenantId}
      AND v.id = ANY(${sql.param(ids)}::uuid[]) AND NOT ${volunteerScope(actor, 'volunteer.manage')}`);
    if (Number((outside.rows[0] as { n: number }).n) > 0) throw fail('IMPORT_OUTSIDE_SCOPE');
    const after = { fileId, created: bodies.length };
    await writeAudit(tx, actor, { action: 'volunteer.import', objectType: 'file', objectId: fileId, after });
  });
  await helpers.progress(total, total);
  return { created: bodies.length };
}

/** Register the import job handler; call once at startup. */
export function registerVolunteerImportJob(ctx: AppContext): void {
  ctx.jobs.register(VOLUNTEER_IMPORT_JOB, (job, helpers) => runVolunteerImport(ctx, job, helpers));
}

const labelList = (codes: string[] | null, labels: Record<string, string>) =>
  (codes ?? []).map((c) => labels[c] ?? c).join('、');

/** Volunteers of the list's filters and scope as xlsx; ID numbers and phones masked. */
export async function exportVolunteers(
  ctx: AppContext,
  actor: Actor,
  f: Omit<VolunteerListQuery, 'page' | 'pageSize'>,
) {
  requirePermission(actor, 'volunteer.read');
  const { starThresholds } = await getVolunteerSettings(ctx.db, actor.tenantId);
  const res = await ctx.db.execute(sql`SELECT v.number, v.name, v.gender, v.id_card_masked, v.phone_masked,
      v.region_code, v.skills, v.service_areas, v.availability, v.political_status, v.education, v.confirmed_hours, v.status
    FROM volunteer v WHERE ${volunteerWhere(actor, f, starThresholds)} ORDER BY v.number LIMIT ${EXPORT_LIMIT + 1}`);
  if (res.rows.length > EXPORT_LIMIT) throw fail('EXPORT_TOO_LARGE', { limit: EXPORT_LIMIT });
  const rows = (res.rows as any[]).map((r) => ({
    number: r.number,
    name: r.name,
    gender: r.gender === 'male' ? '男' : r.gender === 'female' ? '女' : '',
    idCard: r.id_card_masked,
    phone: r.phone_masked,
    regionCode: r.region_code,
    skills: labelList(r.skills, volunteerSkillLabels),
    serviceAreas: (r.service_areas ?? []).join('、'),
    availability: (r.availability ?? []).map(slotLabel).join('、'),
    politicalStatus: r.political_status
      ? politicalStatusLabels[r.political_status as keyof typeof politicalStatusLabels]
      : '',
    education: r.education ? educationLabels[r.education as keyof typeof educationLabels] : '',
    hours: Number(r.confirmed_hours),
  }));
  const header = (k: string) => volunteerColumns.find((c) => c.key === k)?.header[0] ?? k;
  const keys = [
    'name',
    'idCard',
    'phone',
    'regionCode',
    'skills',
    'serviceAreas',
    'availability',
    'politicalStatus',
    'education',
  ];
  await auditExport(ctx.db, actor, { objectType: 'volunteer', filters: f, rows: rows.length });
  return writeWorkbook({
    sheetName: '志愿者',
    columns: [
      { key: 'number', header: '志愿者编号', width: 22, text: true },
      ...keys.map((k) => ({ key: k, header: header(k), width: 16, text: true })),
      { key: 'gender', header: '性别', width: 6 },
      { key: 'hours', header: '累计服务时长（小时）', width: 14 },
    ],
    rows,
  });
}

/** The import template with one example row (valid ID number, labels for skills and availability). */
export async function volunteerTemplate(actor: Actor) {
  requirePermission(actor, 'volunteer.manage');
  const id17 = '62030219900101123';
  const example = {
    name: '王志愿',
    idCard: id17 + computeIdCardCheck(id17),
    phone: '13800001111',
    regionCode: '620302001001',
    skills: '应急救护、助老服务',
    serviceAreas: '620302001001',
    availability: '周六上午、周日下午',
    politicalStatus: '群众',
    education: '本科',
  };
  const title = '志愿者导入模板（带 * 的列必填；多个技能、服务区域、服务时间用顿号分隔；服务时间如“周六上午”）';
  return writeTemplate(volunteerColumns, example, { sheetName: '志愿者', title });
}
