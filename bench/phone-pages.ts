// Benchmark: the phone pages on a slow line (issue 14). Debian's Chromium loads /m and /m/inspect as the demo
// inspector, with the page's network throttled through CDP (Network.emulateNetworkConditions: 1.6 Mbps down,
// 750 kbps up, 150 ms round trip), cold (empty cache, no service worker) and warm (second visit), and reports the
// first contentful paint, the time until the page's list is shown, and the JavaScript bytes on the wire.
// Targets: /m/inspect usable in < 3 s cold and < 1 s warm; phone JavaScript < 400 KB on the wire.
//   npm run bench -- phone-pages        (or: npx tsx bench/phone-pages.ts)
//
// Two warm runs: "warm" blocks the service worker, so every request (HTML revalidation, /me, today's points) goes
// through the throttled line and the assets come from the HTTP cache (immutable). "warm, worker" lets the worker
// answer: CDP throttles the page's requests only, so the worker's own network reads (NetworkFirst) are not slowed.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, devices, type Page } from '@playwright/test';
import { type BenchResult, freePort, isMain, measured, repoRoot, runStandalone, sleep } from './lib';

const NAME = 'phone-pages';
const LINE = { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const PASSWORD = 'Wenming@2026';

/** What "usable" means per page: the element that shows the page's list. */
const pages = [
  { url: '/m', ready: '[aria-label="常用功能"] button', what: 'entries shown' },
  { url: '/m/inspect', ready: '.adm-list-item', what: 'point list shown' },
];

/** Notes when the page's list first shows (polled every frame from the start of the document). */
const READY_MARKER = `(() => {
  const tick = () => {
    const sel = sessionStorage.getItem('bench.ready');
    if (window.__ready === undefined && sel && document.querySelector(sel)) window.__ready = performance.now();
    if (window.__ready === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

interface Visit {
  fcpMs: number;
  readyMs: number;
  jsBytes: number;
  jsFiles: number;
}

function startServer(dataDir: string, port: number): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    WENMING_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    WENMING_LOGIN_RATE_PER_MINUTE: '1000',
  };
  for (const k of ['DATABASE_URL', 'WENMING_NO_DEMO', 'WENMING_PII_KEY', 'WENMING_DEFAULT_TENANT']) delete env[k];
  return spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(base: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error('server not ready after 120 s');
}

/** A phone context signed in as the inspector (before the line is throttled). */
async function phoneContext(browser: Browser, base: string, serviceWorkers: 'allow' | 'block') {
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: base, locale: 'zh-CN', serviceWorkers });
  const res = await context.request.post('/api/v1/auth/login', { data: { username: 'inspector', password: PASSWORD } });
  if (!res.ok()) throw new Error(`inspector login failed: ${res.status()}`);
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await context.addInitScript({ content: READY_MARKER });
  return context;
}

/** One visit of a page on the throttled line: FCP, the list shown, and the scripts that came over the wire. */
async function visit(context: BrowserContext, page: Page, url: string, ready: string): Promise<Visit> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINE });
  const scripts = new Map<string, boolean>();
  let jsBytes = 0;
  let jsFiles = 0;
  cdp.on('Network.responseReceived', (e) => {
    const fromCache = e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache;
    if (e.type === 'Script') scripts.set(e.requestId, !fromCache);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (scripts.get(e.requestId)) {
      jsBytes += e.encodedDataLength;
      jsFiles++;
    }
  });
  await page.evaluate((sel) => sessionStorage.setItem('bench.ready', sel), ready);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, null, {
    timeout: 60_000,
    polling: 50,
  });
  await page.waitForLoadState('networkidle').catch(() => {});
  const marks = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    ready: (window as unknown as { __ready: number }).__ready,
  }));
  await cdp.detach();
  return { fcpMs: marks.fcp, readyMs: marks.ready, jsBytes, jsFiles };
}

/** Cold and warm visits of one page in a fresh context. */
async function measurePage(browser: Browser, base: string, url: string, ready: string) {
  const blocked = await phoneContext(browser, base, 'block');
  // A page of the origin that loads no script first, so sessionStorage is there for the marker; not measured.
  const page = await blocked.newPage();
  await page.goto('/healthz');
  const cold = await visit(blocked, page, url, ready);
  const warm = await visit(blocked, page, url, ready);
  await blocked.close();

  const withWorker = await phoneContext(browser, base, 'allow');
  const p2 = await withWorker.newPage();
  await p2.goto('/healthz');
  await p2.evaluate((sel) => sessionStorage.setItem('bench.ready', sel), ready);
  await p2.goto(url);
  await p2.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await p2.waitForLoadState('networkidle').catch(() => {});
  const warmWorker = await visit(withWorker, p2, url, ready);
  await withWorker.close();
  return { cold, warm, warmWorker };
}

function ensureWebBuild() {
  const r = spawnSync('node', ['scripts/build-web-if-stale.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}

export async function run(): Promise<BenchResult[]> {
  ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-phone-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(dataDir, port);
  const browser = await chromium.launch({
    executablePath: process.env.WENMING_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const results: BenchResult[] = [];
  try {
    await waitReady(base);
    for (const p of pages) {
      const m = await measurePage(browser, base, p.url, p.ready);
      const isInspect = p.url === '/m/inspect';
      const ms = (v: number) => Math.round(v);
      console.error(
        `${p.url}: cold FCP ${ms(m.cold.fcpMs)} ms, ${p.what} ${ms(m.cold.readyMs)} ms, JS ${(m.cold.jsBytes / 1024).toFixed(1)} KB in ${m.cold.jsFiles} files; ` +
          `warm FCP ${ms(m.warm.fcpMs)} ms, ${p.what} ${ms(m.warm.readyMs)} ms, JS ${(m.warm.jsBytes / 1024).toFixed(1)} KB; ` +
          `warm with worker ${ms(m.warmWorker.readyMs)} ms`,
      );
      results.push(
        measured(NAME, `${p.url} cold: first contentful paint`, m.cold.fcpMs / 1000, 's'),
        measured(NAME, `${p.url} cold: ${p.what}`, m.cold.readyMs / 1000, 's', isInspect ? { max: 3 } : undefined),
        measured(
          NAME,
          `${p.url} cold: JS on the wire`,
          m.cold.jsBytes / 1024,
          'KB',
          isInspect ? { max: 400 } : undefined,
          `${m.cold.jsFiles} files`,
        ),
        measured(NAME, `${p.url} warm: first contentful paint`, m.warm.fcpMs / 1000, 's'),
        measured(
          NAME,
          `${p.url} warm: ${p.what}`,
          m.warm.readyMs / 1000,
          's',
          isInspect ? { max: 1 } : undefined,
          'HTTP cache, worker blocked',
        ),
        measured(NAME, `${p.url} warm: JS on the wire`, m.warm.jsBytes / 1024, 'KB'),
        measured(
          NAME,
          `${p.url} warm with worker: ${p.what}`,
          m.warmWorker.readyMs / 1000,
          's',
          undefined,
          'worker fetches not throttled',
        ),
      );
    }
    return results;
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
