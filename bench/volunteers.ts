// Benchmark: a station's Excel import of 100,000 volunteers (BENCH_VOLUNTEER_ROWS) through the real import job on
// PostgreSQL, beside the 1,000,000 volunteers of the orders bench — read, validate every row (ID checksums, regions, duplicates in file and tenant), encrypt, number and
// insert in one transaction — with the job's progress sampled while it runs (the progress bar). Target: < 30 s.
//   npx tsx bench/volunteers.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeIdCardCheck, volunteerSkillLabels } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { registerJobs } from '../apps/server/src/modules';
import { createAccountRaw } from '../apps/server/src/modules/org/tenant.service';
import { enqueueVolunteerImport } from '../apps/server/src/modules/volunteers/volunteer-import';
import { loadActorForAccount } from '../apps/server/src/platform/sessions';
import {
  BENCH_PASSWORD,
  BENCH_PII_KEY,
  type BenchResult,
  adminDatabaseUrl,
  checkPostgres,
  databaseUrl,
  isMain,
  measured,
  runStandalone,
  skipped,
} from './lib';
import { ROOT, generateVolunteers, openBenchTenant } from './orders-gen';

const NAME = 'volunteers';
const ROWS = Number(process.env.BENCH_VOLUNTEER_ROWS ?? 100_000);
// The orders bench's database: the import lands beside the L city's 1,000,000 volunteers (duplicate checks and
// index upkeep against them), as the issue's target says.
const DB = 'wenming_bench_orders';
const BASE = Number(process.env.BENCH_VOLUNTEERS ?? 1_000_000);
const TARGET_S = 30;

/** An xlsx of `rows` volunteers with valid, distinct ID numbers (written once, cached in the temp dir). */
async function workbook(rows: number): Promise<Buffer> {
  const file = path.join(os.tmpdir(), `wenming-bench-volunteers-${rows}.xlsx`);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('志愿者');
  ws.addRow(['姓名', '身份证号', '手机号', '所属区划', '技能特长', '服务时间', '政治面貌', '学历']).commit();
  const skills = Object.values(volunteerSkillLabels);
  for (let i = 0; i < rows; i++) {
    const day = (i % 28) + 1;
    const month = (Math.floor(i / 28) % 12) + 1;
    const year = 1950 + (Math.floor(i / 336) % 55);
    const body = `620302${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(Math.floor(i / 18480) % 1000).padStart(3, '0')}`;
    ws.addRow([
      `志愿者${i}`,
      body + computeIdCardCheck(body),
      `13${String(100000000 + i).slice(0, 9)}`,
      ROOT,
      `${skills[i % skills.length]}、${skills[(i * 7) % skills.length]}`,
      i % 2 ? '周六上午、周日下午' : '周三晚上',
      i % 3 ? '群众' : '中共党员',
      '本科',
    ]).commit();
  }
  await wb.commit();
  return fs.readFileSync(file);
}

export async function run(): Promise<BenchResult[]> {
  const why = await checkPostgres(adminDatabaseUrl());
  if (why) return [skipped(NAME, why)];
  const bench = await openBenchTenant(DB, 8);
  const { database, tenantId } = bench;
  await generateVolunteers(bench, BASE);
  // Only an earlier run's imported rows go (the generated ones and the orders bench's racers stay).
  await database.db.execute(
    sql`DELETE FROM volunteer WHERE tenant_id = ${tenantId} AND number LIKE ${`V${ROOT.slice(0, 6)}%`}`,
  );
  const base = Number(
    (
      (await database.db.execute(sql`SELECT count(*)::int AS n FROM volunteer WHERE tenant_id = ${tenantId}`))
        .rows[0] as {
        n: number;
      }
    ).n,
  );
  await database.db.execute(sql`DELETE FROM volunteer_number_seq WHERE tenant_id = ${tenantId}`);
  const user = await database.db.execute(
    sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND username = 'bench_station'`,
  );
  const accountId =
    (user.rows[0] as { id: string } | undefined)?.id ??
    (await createAccountRaw(database.db, tenantId, {
      username: 'bench_station',
      displayName: '基准实践中心管理员',
      password: BENCH_PASSWORD,
      mustChangePassword: false,
      roles: [{ role: 'station_admin', scopeKind: 'site', scopeRef: bench.siteId }],
    }));
  await database.close();
  const bytes = await workbook(ROWS);
  console.error(`  workbook of ${ROWS} rows: ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-volunteers-'));
  const url = databaseUrl(adminDatabaseUrl(), DB);
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', WENMING_NO_DEMO: '1', WENMING_NO_JOBS: '1' };
  const app = await buildApp(loadConfig({ ...env, WENMING_DATA_DIR: dataDir, WENMING_PII_KEY: BENCH_PII_KEY }));
  registerJobs(app.ctx);
  try {
    const actor = await loadActorForAccount(app.ctx.db, tenantId, accountId, new Date());
    const t0 = performance.now();
    const jobId = await enqueueVolunteerImport(app.ctx, actor, { bytes, name: 'volunteers.xlsx' }, 'zh-CN');
    const samples: number[] = [];
    let done = false;
    const poll = (async () => {
      while (!done) {
        const j = await app.ctx.jobs.get(app.ctx.db, tenantId, jobId);
        if (samples.at(-1) !== j.progress) samples.push(j.progress);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    await app.ctx.jobs.drain();
    done = true;
    await poll;
    const seconds = (performance.now() - t0) / 1000;
    const job = await app.ctx.jobs.get(app.ctx.db, tenantId, jobId);
    if (job.status !== 'done') throw new Error(`import job ${job.status}: ${JSON.stringify(job.result).slice(0, 300)}`);
    const stored = await app.ctx.db.execute(
      sql`SELECT count(*)::int AS n FROM volunteer WHERE tenant_id = ${tenantId}`,
    );
    const n = Number((stored.rows[0] as { n: number }).n);
    if (n !== base + ROWS) throw new Error(`expected ${base + ROWS} volunteers, found ${n}`);
    return [
      measured(
        NAME,
        `Excel import of ${ROWS.toLocaleString('en-US')} volunteers`,
        seconds,
        's',
        { max: TARGET_S },
        `rows/s ${Math.round(ROWS / seconds)}; beside ${base.toLocaleString('en-US')} volunteers`,
      ),
      measured(
        NAME,
        'distinct progress values seen while importing',
        samples.length,
        'samples',
        { min: 3 },
        samples.join(' → ').slice(0, 120),
      ),
    ];
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
