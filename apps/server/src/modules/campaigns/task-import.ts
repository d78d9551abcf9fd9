// Batch assignment from an Excel task list (任务清单) as a background job: all-or-nothing per file, every bad
// row reported with an error report to download, progress while validating and inserting.
import { type Language, type RowError, translateError, taskCadenceLabels } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import {
  XLSX_TYPE,
  readSheetRows,
  rowProblem,
  sortRowErrors,
  writeErrorReport,
  writeTemplate,
} from '../../platform/excel';
import { type JobHelpers, type JobRow, JobFailure } from '../../platform/jobs';
import { loadActorForAccount } from '../../platform/sessions';
import { unitScope } from './campaign.policy';
import { getCampaign } from './campaign.service';
import { type NewTask, insertTasks } from './task.repository';
import { taskColumns, validateTaskRows } from './task-import-rows';

export const TASK_IMPORT_JOB = 'campaigns.import.tasks';
const MAX_ROWS = 20_000;
const CHUNK = 2000;
const RESULT_ERRORS = 1000;
const REPORT_NAME = '任务清单导入错误报告.xlsx';

interface ImportPayload {
  fileId: string;
  campaignId: string;
  actorAccountId: string;
  lang: Language;
}

/** Store an uploaded task list and queue its assignment to the campaign; answers the job id. */
export async function enqueueTaskImport(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  upload: { bytes: Buffer; name: string },
  lang: Language,
): Promise<string> {
  requirePermission(actor, 'campaign.manage');
  await getCampaign(ctx.db, actor, campaignId);
  return ctx.db.transaction(async (tx) => {
    const file = await ctx.files.save(tx, actor, upload.bytes, { name: upload.name, purpose: 'import' }, [XLSX_TYPE]);
    const payload: ImportPayload = { fileId: file.id, campaignId, actorAccountId: actor.accountId!, lang };
    return ctx.jobs.enqueue(tx, actor.tenantId, TASK_IMPORT_JOB, payload, {
      createdBy: actor.accountId,
      maxAttempts: 3,
    });
  });
}

/** Stop the job with every bad row and an error report; nothing has been written. */
async function failImport(ctx: AppContext, actor: Actor, errors: RowError[], lang: Language): Promise<never> {
  const sorted = sortRowErrors(errors);
  const bytes = await writeErrorReport(sorted, lang);
  const report = await ctx.files.save(ctx.db, actor, bytes, { name: REPORT_NAME, purpose: 'import-report' }, [
    XLSX_TYPE,
  ]);
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

async function readRows(ctx: AppContext, actor: Actor, fileId: string, lang: Language) {
  const file = await ctx.files.get(ctx.db, actor, fileId);
  return readSheetRows(ctx.files.read(file.sha256), { columns: taskColumns, maxRows: MAX_ROWS }).catch((err) => {
    if (err instanceof AppError) return failImport(ctx, actor, fileErrors(err, lang), lang);
    throw err;
  });
}

/** Read and check every row, then insert all tasks in one transaction with one audit event. */
async function runTaskImport(ctx: AppContext, job: JobRow, helpers: JobHelpers) {
  const { fileId, campaignId, actorAccountId, lang } = job.payload as ImportPayload;
  const actor = await loadActorForAccount(ctx.db, job.tenantId, actorAccountId, ctx.clock.now());
  if (!can(actor, 'campaign.manage'))
    return failImport(ctx, actor, [{ row: 0, message: translateError('FORBIDDEN', lang) }], lang);
  const campaign = await getCampaign(ctx.db, actor, campaignId);
  const read = await readRows(ctx, actor, fileId, lang);
  if (read.rows.length === 0)
    return failImport(ctx, actor, [{ row: 0, message: translateError('IMPORT_EMPTY', lang) }], lang);
  const total = read.rows.length * 2; // validating, then inserting
  await helpers.progress(0, total);
  const context = { campaignId, frameworkId: campaign.frameworkId };
  const { valid, errors } = await validateTaskRows(ctx.db, actor, context, read.rows, lang);
  if (errors.length) return failImport(ctx, actor, errors, lang);
  await helpers.progress(read.rows.length, total);
  await insertAll(ctx, actor, valid, { fileId, campaignId }, (done) =>
    helpers.progress(read.rows.length + done, total),
  );
  await helpers.progress(total, total);
  return { created: valid.length };
}

async function insertAll(
  ctx: AppContext,
  actor: Actor,
  tasks: NewTask[],
  source: { fileId: string; campaignId: string },
  progress: (done: number) => Promise<void>,
) {
  // PGlite has one connection: a progress write from outside would wait for this transaction to end.
  const reportInside = ctx.database.engine !== 'pglite';
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < tasks.length; i += CHUNK) {
      await insertTasks(tx, actor.tenantId, actor.accountId, tasks.slice(i, i + CHUNK));
      if (reportInside) await progress(Math.min(i + CHUNK, tasks.length));
    }
    await writeAudit(tx, actor, {
      action: 'task.import',
      objectType: 'campaign',
      objectId: source.campaignId,
      after: { ...source, created: tasks.length },
    });
  });
}

/** Register the task-list import job handler; call once at startup. */
export function registerTaskImportJob(ctx: AppContext): void {
  ctx.jobs.register(TASK_IMPORT_JOB, (job, helpers) => runTaskImport(ctx, job, helpers));
}

/** A task-list template for a campaign, with one example row naming its first action line and a unit in scope. */
export async function taskTemplate(ctx: AppContext, actor: Actor, campaignId: string): Promise<Buffer> {
  requirePermission(actor, 'campaign.manage');
  const campaign = await getCampaign(ctx.db, actor, campaignId);
  const unit = await ctx.db.execute(sql`SELECT u.name FROM unit u WHERE u.tenant_id = ${actor.tenantId}
    AND ${unitScope(actor, 'campaign.manage', sql`u.id`, sql`u.region_code`)} ORDER BY u.name LIMIT 1`);
  return writeTemplate(
    taskColumns,
    {
      title: '背街小巷环境卫生整治',
      description: '清理卫生死角，规范垃圾分类投放，建立日常保洁台账',
      actionId: campaign.actions[0]?.name ?? null,
      leadUnitId: (unit.rows[0] as any)?.name ?? null,
      deadline: campaign.endDate,
      cadence: taskCadenceLabels.weekly,
    },
    { sheetName: '任务清单', title: `${campaign.name}任务清单` },
  );
}
