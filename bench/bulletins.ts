// Benchmark: a bulletin (通报) with two server-drawn charts as .docx and as .pdf (target < 2 s each), rendered from a
// frozen snapshot of 40 ranked streets — what GET /bulletins/{id}.docx|.pdf does after reading the row.
//   npx tsx bench/bulletins.ts
import { bulletinDocx, bulletinPdf } from '../apps/server/src/modules/evaluations/bulletin-documents';
import { sampleSnapshot } from '../apps/server/src/modules/evaluations/bulletin-sample';
import { type BenchResult, isMain, measured, runStandalone } from './lib';

const NAME = 'bulletins';
const RUNS = 5;
const input = {
  docNumber: '示范文明办〔2026〕12号',
  title: '关于2026年3月文明城市创建常态化测评结果的通报',
  publishedAt: new Date(),
  replacesDocNumber: null,
  snapshot: sampleSnapshot(40),
};

async function timed(fn: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const out = await fn();
  return { ms: performance.now() - t0, bytes: out.length };
}

async function series(label: string, fn: () => Promise<Buffer>): Promise<BenchResult[]> {
  const cold = await timed(fn); // first call in the process: loads the WASM renderer and the CJK fonts
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push((await timed(fn)).ms);
  runs.sort((a, b) => a - b);
  const note = `${RUNS} runs, ${Math.round(cold.bytes / 1024)} KiB`;
  return [
    measured(NAME, `${label} first in process`, cold.ms, 'ms', undefined, 'WASM and font loading included'),
    measured(NAME, `${label} median`, runs[Math.floor(RUNS / 2)], 'ms', { max: 2000 }, note),
    measured(NAME, `${label} slowest`, runs[RUNS - 1], 'ms', { max: 2000 }, note),
  ];
}

export async function run(): Promise<BenchResult[]> {
  return [
    ...(await series('.docx (2 charts)', () => bulletinDocx(input))),
    ...(await series('.pdf (2 charts)', () => bulletinPdf(input))),
  ];
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
