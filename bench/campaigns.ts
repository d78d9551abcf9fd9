// Bench: assign 10,000 tasks from one Excel task list (target < 10 s, issue 3), through the HTTP upload and
// the import job, on PGlite and on PostgreSQL when reachable. Progress is sampled from the job row.
//   npx tsx bench/campaigns.ts            (BENCH_TASKS=10000, BENCH_DATABASE_URL for PostgreSQL)
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { registerJobs } from '../apps/server/src/modules';
import { seedDemo } from '../apps/server/src/demo/seed-demo';
import { systemClock } from '../apps/server/src/platform/clock';
import { createFileStore } from '../apps/server/src/platform/files';
import { createPiiCipher } from '../apps/server/src/platform/crypto';
import { type Database, migrateDatabase, openDatabase } from '../apps/server/src/platform/db';
import {
  type BenchResult,
  adminDatabaseUrl,
  checkPostgres,
  databaseUrl,
  isMain,
  measured,
  runStandalone,
  skipped,
} from './lib';

const BENCH = 'campaigns';
const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const PASSWORD = 'Bench@2026!';
const PG_DB = 'wenming_bench_campaigns';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: adminDatabaseUrl() });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function openEngine(engine: 'pglite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${PG_DB}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(adminDatabaseUrl(), PG_DB), poolSize: 4 });
  return {
    database,
    drop: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
    },
  };
}

/** A task list of n rows over the given units and action lines, with Chinese cadences and mixed date formats. */
async function taskList(n: number, units: string[], actions: string[]): Promise<Buffer> {
  const cadences = ['一日一清查', '一周一小结', '一月一盘点', '一年一归零', '一事一台账'];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务清单');
  ws.addRow(['序号', '任务名称', '任务内容', '所属行动', '牵头单位', '配合单位', '完成时限', '工作频次']);
  for (let i = 0; i < n; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    ws.addRow([
      i + 1,
      `第${i + 1}项创建任务`,
      '对照测评标准落实，按频次报送工作台账',
      actions[i % actions.length],
      units[i % units.length],
      i % 3 === 0 ? units[(i + 1) % units.length] : null,
      i % 2 ? `2027-${month}-15` : `2027年${Number(month)}月28日`,
      cadences[i % cadences.length],
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(bytes: Buffer) {
  const boundary = `----bench${crypto.randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tasks.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Seed the demo tenant, upload the list, run the job; seconds from upload to done, with progress samples. */
async function runOn(engine: 'pglite' | 'postgres'): Promise<BenchResult[]> {
  const { database, drop } = await openEngine(engine);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-campaigns-'));
  const key = Buffer.alloc(32, 9).toString('base64');
  try {
    await migrateDatabase(database);
    const deps = {
      db: database.db,
      cipher: createPiiCipher(Buffer.from(key, 'base64')),
      clock: systemClock,
      files: createFileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-files-')), 20 * 1024 * 1024),
    };
    const { tenantId } = await seedDemo(deps, { password: PASSWORD });
    const config = loadConfig({
      NODE_ENV: 'test',
      WENMING_DATA_DIR: dataDir,
      WENMING_PII_KEY: key,
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp(config, { database, logger: false });
    registerJobs(app.ctx);
    await app.ready();
    try {
      return await assign(app, database, tenantId, engine);
    } finally {
      await app.close();
    }
  } finally {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function assign(app: any, database: Database, tenantId: string, engine: string): Promise<BenchResult[]> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: PASSWORD },
  });
  const headers = { cookie: `wm_session=${login.cookies[0].value}`, 'x-csrf-token': login.json().csrfToken };
  const rows = async (q: ReturnType<typeof sql>) => (await database.db.execute(q)).rows as any[];
  const campaign = (await rows(sql`SELECT id FROM campaign WHERE tenant_id = ${tenantId} LIMIT 1`))[0].id;
  const units = (await rows(sql`SELECT name FROM unit WHERE tenant_id = ${tenantId} ORDER BY name`)).map((r) => r.name);
  const actions = (
    await rows(sql`SELECT name FROM campaign_action WHERE tenant_id = ${tenantId} AND campaign_id = ${campaign}`)
  ).map((r) => r.name);
  const file = multipart(await taskList(TASKS, units, actions));
  console.error(
    `[${engine}] ${TASKS} tasks over ${units.length} units, file ${(file.payload.length / 1024).toFixed(0)} KiB`,
  );
  const t0 = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${campaign}/tasks/import`,
    payload: file.payload,
    headers: { ...headers, 'content-type': file.contentType },
  });
  const jobId = res.json().jobId;
  const uploadMs = performance.now() - t0;
  const seen = new Set<string>();
  const sample = setInterval(async () => {
    const j = (
      await rows(sql`SELECT progress, progress_total FROM job WHERE tenant_id = ${tenantId} AND id = ${jobId}`).catch(
        () => [],
      )
    )[0];
    const line = j ? `${j.progress}/${j.progress_total}` : '';
    if (j && !seen.has(line)) {
      seen.add(line);
      console.error(`[${engine}] ${((performance.now() - t0) / 1000).toFixed(2)} s progress ${line}`);
    }
  }, 100);
  await app.ctx.jobs.drain();
  clearInterval(sample);
  const seconds = (performance.now() - t0) / 1000;
  const job = (await app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers })).json();
  if (job.status !== 'done') throw new Error(`import ${job.status}: ${JSON.stringify(job.result).slice(0, 500)}`);
  console.error(
    `[${engine}] done: ${job.result.created} tasks in ${seconds.toFixed(2)} s (upload ${uploadMs.toFixed(0)} ms)`,
  );
  const rate = job.result.created / seconds;
  return [
    measured(
      BENCH,
      `assign ${TASKS.toLocaleString('en')} tasks from Excel (${engine})`,
      seconds,
      's',
      { max: 10 },
      `${job.result.created} created, progress ${job.progress}/${job.progressTotal}`,
    ),
    measured(BENCH, `tasks per second (${engine})`, rate, 'tasks/s'),
  ];
}

/** The campaigns bench: PGlite always, PostgreSQL when it answers. */
export async function benchCampaigns(): Promise<BenchResult[]> {
  const results = await runOn('pglite');
  const unreachable = await checkPostgres(adminDatabaseUrl());
  if (unreachable) return [...results, skipped(BENCH, unreachable)];
  return [...results, ...(await runOn('postgres'))];
}

export const run = benchCampaigns;

if (isMain(import.meta.url)) await runStandalone(BENCH, benchCampaigns);
