// Benchmark: Excel import of a 2,000-indicator framework (target < 3 s) and its export (target < 2 s),
// through the service, on PGlite and on PostgreSQL when reachable (a scratch database, dropped after).
// Two import files: the project's template and a real-world manual (merged parents, numbering, "5分").
//   npx tsx bench/frameworks.ts          BENCH_DATABASE_URL=postgres://… (default postgres://postgres@127.0.0.1:5432/postgres)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IndicatorNode } from '@wenming/contracts';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { exportFramework, writeFrameworkWorkbook } from '../apps/server/src/modules/frameworks/framework-export';
import { importFramework } from '../apps/server/src/modules/frameworks/framework-import';
import { createTenant } from '../apps/server/src/modules/org/tenant.service';
import { systemActor } from '../apps/server/src/platform/access';
import type { AppContext } from '../apps/server/src/platform/context';
import { type Database, migrateDatabase, openDatabase } from '../apps/server/src/platform/db';
import { createFileStore } from '../apps/server/src/platform/files';
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

const NAME = 'frameworks';
const ITEMS = 20;
const CONTENTS = 9;
const STANDARDS = 10;
/** 20 items × 9 contents × 10 standards: 20 + 180 + 1,800 = 2,000 indicators. */
export const INDICATORS = ITEMS + ITEMS * CONTENTS + ITEMS * CONTENTS * STANDARDS;
const RUNS = 3;

function node(code: string, depth: number, name: string, points: number, children: IndicatorNode[] = []) {
  return {
    ...{ id: code, parentId: null, position: 0, standard: depth === 3 ? `${name}的具体测评要求` : null, weight: null },
    ...{ code, depth, name, points, children, isSumExempt: false },
    methods: depth === 3 ? ['field', 'document'] : [],
    pointTypes: depth === 3 ? ['residential', 'market'] : [],
    scoringRule: depth === 3 ? { kind: 'deduct', perFinding: 0.5, floor: 0 } : { kind: 'check' },
  } as IndicatorNode;
}

/** The synthetic tree: every standard 1 point, parents their sums. */
function syntheticTree(): IndicatorNode[] {
  return Array.from({ length: ITEMS }, (_, i) =>
    node(
      `${i + 1}`,
      1,
      `测评项目${i + 1}`,
      CONTENTS * STANDARDS,
      Array.from({ length: CONTENTS }, (_, j) =>
        node(
          `${i + 1}.${j + 1}`,
          2,
          `测评内容${i + 1}-${j + 1}`,
          STANDARDS,
          Array.from({ length: STANDARDS }, (_, k) => node(`${i + 1}.${j + 1}.${k + 1}`, 3, `测评标准${k + 1}`, 1)),
        ),
      ),
    ),
  );
}

/** The same tree as a manual circulates: title, notes, 一、/（一）/1. numbering, merged parent cells, "1分". */
async function realWorldWorkbook(tree: IndicatorNode[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('测评细则');
  ws.addRow(['基准测评细则（2,000 项）']);
  ws.addRow(['说明：总分 2000 分。']);
  ws.addRow(['测评项目', '测评内容', '测评标准', '分值', '测评方法', '适用点位']);
  const cn = (n: number) => '一二三四五六七八九十'[n - 1] ?? String(n);
  tree.forEach((item, i) => {
    const itemTop = ws.rowCount + 1;
    item.children.forEach((content, j) => {
      const contentTop = ws.rowCount + 1;
      content.children.forEach((s, k) => {
        ws.addRow([
          `${cn(i + 1)}、${item.name}`,
          `（${cn(j + 1)}）${content.name}`,
          `${k + 1}. ${s.name}`,
          '1分',
          '实地考察、查阅资料',
          '小区、农贸市场',
        ]);
      });
      ws.mergeCells(contentTop, 2, ws.rowCount, 2);
    });
    ws.mergeCells(itemTop, 1, ws.rowCount, 1);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

/** Import each file RUNS times (new drafts each time) and export the last import; medians in ms. */
async function benchEngine(database: Database, files: Record<string, Buffer>): Promise<Record<string, number>> {
  await migrateDatabase(database);
  const { id: tenantId } = await createTenant(database.db, { code: 'bench-fw', name: '基准', rootRegionCode: '6203' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-fw-'));
  const ctx = { db: database.db, database, files: createFileStore(dir, 50 * 2 ** 20) } as unknown as AppContext;
  const actor = systemActor(tenantId, 'bench', new Date());
  const out: Record<string, number> = {};
  let lastId = '';
  try {
    for (const [kind, bytes] of Object.entries(files)) {
      const runs: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const [ms, res] = await time(() => importFramework(ctx, actor, { bytes, name: `${kind}.xlsx` }, {}, 'zh-CN'));
        if (res.indicatorCount !== INDICATORS) throw new Error(`${kind}: imported ${res.indicatorCount} indicators`);
        runs.push(ms);
        lastId = res.id;
      }
      out[`import_${kind}_ms`] = median(runs);
    }
    const exports: number[] = [];
    for (let r = 0; r < RUNS; r++) exports.push((await time(() => exportFramework(database.db, actor, lastId)))[0]);
    out.export_ms = median(exports);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function withScratchPostgres<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const admin = adminDatabaseUrl();
  const name = `wenming_bench_fw_${process.pid}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(admin, name), poolSize: 4 });
  try {
    return await fn(database);
  } finally {
    await database.close();
    await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** Medians (ms) of import (template and real-world layout) and export, per engine. */
export async function benchFrameworks(): Promise<Record<string, number>> {
  const tree = syntheticTree();
  const files = {
    template: await writeFrameworkWorkbook(null, tree, []),
    manual: await realWorldWorkbook(tree),
  };
  const result: Record<string, number> = { indicators: INDICATORS };
  const pglite = await openDatabase({});
  try {
    for (const [k, v] of Object.entries(await benchEngine(pglite, files))) result[`pglite.${k}`] = v;
  } finally {
    await pglite.close();
  }
  if (!(await checkPostgres(adminDatabaseUrl()))) {
    const pgResult = await withScratchPostgres((db) => benchEngine(db, files));
    for (const [k, v] of Object.entries(pgResult)) result[`postgres.${k}`] = v;
  }
  return result;
}

/** The numbers as bench results with their targets (import < 3 s, export < 2 s). */
export async function run(): Promise<BenchResult[]> {
  const numbers = await benchFrameworks();
  const results: BenchResult[] = [];
  for (const [key, ms] of Object.entries(numbers)) {
    if (key === 'indicators') continue;
    const max = key.endsWith('export_ms') ? 2 : 3;
    results.push(measured(NAME, `${key.replace(/_ms$/, '')} (${INDICATORS} indicators)`, ms / 1000, 's', { max }));
  }
  if (!Object.keys(numbers).some((k) => k.startsWith('postgres.')))
    results.push(skipped(NAME, (await checkPostgres(adminDatabaseUrl())) ?? 'PostgreSQL unreachable'));
  return results;
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
