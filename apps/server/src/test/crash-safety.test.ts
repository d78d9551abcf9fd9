// Issue 13, crash safety: the real server (`wenming start`, a child process) on an on-disk PGlite data directory
// (or, with WENMING_TEST_ENGINE=postgres, on a PostgreSQL database) is killed with SIGKILL in the middle of a
// time-bank transfer, an Excel import and an inspection batch. WENMING_TEST_PAUSE (platform/test-pause.ts) holds
// each inside its transaction, after its first writes, so the kill lands mid-transaction. After each restart
// the client resends with the same Idempotency-Key: it is answered once and completely, and nothing of the
// killed attempt is left half written (ledger balanced, rows all or nothing, audit chain intact).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checklistOf,
  communities,
  insertPoints,
  publishedPlan,
  submission,
  uploadPhoto,
} from '../modules/inspections/test-helpers';
import { unitHeader, xlsx } from '../modules/org/org-import.fixtures';
import { deposit, insertVolunteer } from '../modules/timebank/test-fixtures';
import { verifyAuditChain } from '../platform/audit';
import { type Database, openDatabase } from '../platform/db';
import { XLSX_TYPE } from '../platform/excel';
import { newId } from '../platform/ids';
import { TEST_PII_KEY, type TestApp, createTestApp, testEngine } from './harness';

const root = path.resolve(import.meta.dirname, '../../../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const IMPORT_ROWS = 40;

interface Caller {
  cookie: string;
  csrf: string;
}
interface Answer {
  status: number;
  body: any;
  replayed: boolean;
}

/** One run of `wenming start` and what it printed. */
class Server {
  child: ChildProcess;
  output = '';
  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'start'], { cwd: root, env });
    this.child.stdout?.on('data', (b) => {
      this.output += b;
    });
    this.child.stderr?.on('data', (b) => {
      this.output += b;
    });
  }
  async ready(base: string) {
    for (let i = 0; i < 1200; i++) {
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (this.child.exitCode !== null) throw new Error(`wenming start exited: ${this.output}`);
      await sleep(100);
    }
    throw new Error(`not ready in 120 s: ${this.output}`);
  }
  /** Wait until a request reached the test pause point, then SIGKILL the process. */
  async killWhenPausedAt(point: string) {
    for (let i = 0; i < 1200 && !this.output.includes(`wenming-test-paused ${point}`); i++) await sleep(50);
    expect(this.output, `never paused at ${point}`).toContain(`wenming-test-paused ${point}`);
    await this.kill('SIGKILL');
  }
  kill(signal: NodeJS.Signals) {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill(signal);
    return exited;
  }
}

describe(`crash safety: SIGKILL mid-transaction, restart, resend (${testEngine()})`, () => {
  let t: TestApp;
  const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-crash-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}`;
  let server: Server | null = null;
  let admin: Caller;
  let inspector: Caller;
  let account: string;
  let fundId: string;
  let planId: string;
  let bodies: ReturnType<typeof submission>[];
  let standards: number;
  let workbook: Buffer;

  beforeAll(async () => {
    // Everything the requests need is made in this process first, then handed to the server.
    t = await createTestApp();
    const [a, i] = await Promise.all([t.login('admin'), t.login('inspector')]);
    admin = { cookie: a.cookie, csrf: a.csrf };
    inspector = { cookie: i.cookie, csrf: i.csrf };
    account = await deposit(t, await insertVolunteer(t, {}), 10);
    fundId = (await a.inject({ method: 'GET', url: '/api/v1/timebank/accounts?kind=fund' })).json().items[0].id;
    const pointIds = await insertPoints(t, ['park_square'], 3, await communities(t));
    planId = (await publishedPlan(a, t, { pointIds, members: ['inspector'] })).planId;
    const c = await checklistOf(i, planId, pointIds[0]);
    standards = c.standards.length;
    // One standard not met in each, with its photo (uploaded before, as the phone does): a finding, a problem.
    const photos = [await uploadPhoto(i), await uploadPhoto(i), await uploadPhoto(i)];
    bodies = pointIds.map((pointId, k) => submission(c, { planId, pointId }, { notMet: 1, photo: photos[k] }));
    workbook = await xlsx([
      unitHeader,
      ...Array.from({ length: IMPORT_ROWS }, (_, k) => [`崩溃导入单位${k}`, '机关', null, '620302']),
    ]);
    fs.cpSync(path.join(t.dataDir, 'files'), path.join(serverDir, 'files'), { recursive: true });
    if (t.database.engine === 'pglite') {
      // The prepared database, written to a data directory on disk for the server.
      const dump = await t.database.pglite!.dumpDataDir('none');
      const disk = await openDatabase({ dataDir: path.join(serverDir, 'db'), loadDataDir: dump });
      await disk.close();
    }
  }, 300_000);

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await t?.close();
    fs.rmSync(serverDir, { recursive: true, force: true });
  });

  /** Start the server; `pause` holds requests there, `clockAhead` starts its clock that far ahead of real time. */
  async function start(pause: string | null, clockAhead = 0) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      WENMING_DATA_DIR: serverDir,
      WENMING_PII_KEY: TEST_PII_KEY,
      WENMING_NO_DEMO: '1',
      LOG_LEVEL: 'silent',
      WENMING_LOG_FORMAT: 'json',
      ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl, DATABASE_POOL_SIZE: '4' } : {}),
      ...(pause ? { WENMING_TEST_PAUSE: pause } : {}),
      ...(clockAhead ? { WENMING_CLOCK: new Date(Date.now() + clockAhead).toISOString() } : {}),
    };
    delete env.WENMING_TEST_ENGINE;
    if (!t.databaseUrl) delete env.DATABASE_URL;
    server = new Server(env);
    await server.ready(base);
    return server;
  }

  async function call(
    who: Caller,
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const h: Record<string, string> = { cookie: who.cookie, 'x-csrf-token': who.csrf, ...headers };
    let payload: BodyInit | undefined;
    if (Buffer.isBuffer(body)) payload = new Uint8Array(body);
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    // A network error is retried as the phone's queue would (every write here carries an Idempotency-Key): a
    // kept-alive connection to the killed process can fail a request before it reaches the new one.
    const send = () => fetch(`${base}${url}`, { method, headers: h, body: payload });
    const res = await send().catch(async () => {
      await sleep(200);
      return send();
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { text, server: server?.output.slice(-2000) };
    }
    return { status: res.status, body: parsed, replayed: res.headers.get('idempotent-replayed') === 'true' };
  }
  /** A request the server will not answer (the process dies under it). */
  const doomed = (p: Promise<Answer>) =>
    p.then(
      (a) => ({ answered: a }),
      () => ({ answered: null }),
    );

  const boundary = '----wenming-crash-test';
  const importBody = () =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="units.xlsx"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`,
      ),
      workbook,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
  const importHeaders = (key: string) => ({
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'idempotency-key': key,
  });
  const transferKey = newId();
  const importKey = newId();
  const inspectionKeys = [newId(), newId(), newId()];
  const transferBody = () => ({ fromAccountId: account, toAccountId: fundId, hours: 3, memo: '崩溃测试' });

  it('answers each resend once and completely, with nothing of the killed attempts left', async () => {
    const started = Date.now();
    const crashPoints: string[] = [];

    // 1. A time-bank transfer killed after its journal and entries were written, before its audit and commit.
    let s = await start('timebank.transfer');
    const transferSentAt = Date.now();
    const lost = doomed(
      call(admin, 'POST', '/api/v1/timebank/transfers', transferBody(), { 'idempotency-key': transferKey }),
    );
    await s.killWhenPausedAt('timebank.transfer');
    expect((await lost).answered).toBeNull();
    crashPoints.push('timebank.transfer: journal and both entries inserted, audit and commit not yet');

    // 2. An Excel import of 40 units whose job is killed after inserting every row, before its audit and commit.
    s = await start('org.import');
    // The transfer left nothing: the balance is whole, and its key waits (409) while it may still be running.
    expect((await call(admin, 'GET', `/api/v1/timebank/accounts/${account}`)).body.balance).toBe(10);
    const early = await call(admin, 'POST', '/api/v1/timebank/transfers', transferBody(), {
      'idempotency-key': transferKey,
    });
    // Within 30 s of the killed claim the key is "in progress" (409); after that (a slow restart) it is taken over
    // and the transfer runs, once.
    expect([409, 201], JSON.stringify(early.body)).toContain(early.status);
    if (early.status === 409) expect(early.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    const queued = await call(admin, 'POST', '/api/v1/units/import', importBody(), importHeaders(importKey));
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const jobId = queued.body.jobId as string;
    await s.killWhenPausedAt('org.import');
    crashPoints.push('org.import job: all 40 unit rows inserted in its transaction, audit and commit not yet');

    // 3. Three inspections sent at once, killed after their rows, findings and observations, before audit and commit.
    // The clock starts 5 minutes ahead: the killed job's lease has run out and the queue takes it up again.
    s = await start('inspection.batch', 5 * 60_000);
    let job: Answer | null = null;
    for (let i = 0; i < 600; i++) {
      job = await call(admin, 'GET', `/api/v1/jobs/${jobId}`);
      if (job.body.status === 'done' || job.body.status === 'failed') break;
      await sleep(100);
    }
    expect(job!.body).toMatchObject({ status: 'done', result: { created: IMPORT_ROWS } });
    const resentImport = await call(admin, 'POST', '/api/v1/units/import', importBody(), importHeaders(importKey));
    expect(resentImport).toMatchObject({ status: 202, replayed: true, body: { jobId } });
    const inFlight = bodies.map((b, k) =>
      doomed(call(inspector, 'POST', '/api/v1/inspections', b, { 'idempotency-key': inspectionKeys[k] })),
    );
    await s.killWhenPausedAt('inspection.batch');
    for (const p of inFlight) expect((await p).answered, 'answered before the kill').toBeNull();
    crashPoints.push(
      'inspection batch: inspections, finding problems and observations inserted, audit and answers not yet',
    );

    // 4. Restart without pauses and resend everything with the same keys.
    s = await start(null, 5 * 60_000);
    const answers = await Promise.all(
      bodies.map((b, k) => call(inspector, 'POST', '/api/v1/inspections', b, { 'idempotency-key': inspectionKeys[k] })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.body.id)).toEqual(bodies.map((b) => b.id));
    const replays = await Promise.all(
      bodies.map((b, k) => call(inspector, 'POST', '/api/v1/inspections', b, { 'idempotency-key': inspectionKeys[k] })),
    );
    expect(replays.map((a) => [a.status, a.body.id])).toEqual(bodies.map((b) => [201, b.id]));
    // The transfer's key is taken over once the killed request is surely gone (30 s after it claimed the key).
    let moved: Answer | null = null;
    for (;;) {
      moved = await call(admin, 'POST', '/api/v1/timebank/transfers', transferBody(), {
        'idempotency-key': transferKey,
      });
      if (moved.status !== 409 || Date.now() - transferSentAt > 120_000) break;
      await sleep(500);
    }
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    const replayed = await call(admin, 'POST', '/api/v1/timebank/transfers', transferBody(), {
      'idempotency-key': transferKey,
    });
    expect(replayed).toMatchObject({ status: 201, replayed: true, body: { journalId: moved.body.journalId } });
    expect((await call(admin, 'GET', `/api/v1/timebank/accounts/${account}`)).body.balance).toBe(7);
    await s.kill('SIGTERM');
    server = null;

    // Nothing half written, everything once.
    const database: Database = t.databaseUrl ? t.database : await openDatabase({ dataDir: path.join(serverDir, 'db') });
    try {
      const one = async <T = any>(q: ReturnType<typeof sql>) => (await database.query<T>(q))[0] as T;
      const tenant = t.tenantId;
      expect(
        await one(sql`SELECT coalesce(sum(amount), 0)::float AS total,
          (SELECT count(*)::int FROM (SELECT journal_id FROM timebank_entry WHERE tenant_id = ${tenant}
            GROUP BY journal_id HAVING sum(amount) <> 0 OR count(*) < 2) x) AS unbalanced
          FROM timebank_entry WHERE tenant_id = ${tenant}`),
      ).toEqual({ total: 0, unbalanced: 0 });
      expect(
        await one(sql`SELECT count(DISTINCT journal_id)::int AS journals, sum(amount)::float AS moved
          FROM timebank_entry WHERE tenant_id = ${tenant} AND account_id = ${account} AND amount < 0`),
      ).toEqual({ journals: 1, moved: -3 });
      expect(
        await one(sql`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = ${tenant}
          AND object_id = ${moved.body.journalId}`),
      ).toEqual({ n: 1 });
      expect(
        await one(sql`SELECT count(*)::int AS n FROM unit WHERE tenant_id = ${tenant} AND name LIKE '崩溃导入单位%'`),
      ).toEqual({ n: IMPORT_ROWS });
      expect(
        await one(
          sql`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = ${tenant} AND action = 'unit.import'`,
        ),
      ).toEqual({ n: 1 });
      expect(await one(sql`SELECT status, attempts FROM job WHERE tenant_id = ${tenant} AND id = ${jobId}`)).toEqual({
        status: 'done',
        attempts: 2,
      });
      expect(
        await one(sql`SELECT count(*)::int AS inspections,
          (SELECT count(*)::int FROM inspection_observation o WHERE o.tenant_id = ${tenant}
            AND o.inspection_id IN (SELECT id FROM inspection WHERE tenant_id = ${tenant} AND plan_id = ${planId})) AS observations,
          (SELECT count(*)::int FROM problem p WHERE p.tenant_id = ${tenant}
            AND p.inspection_id IN (SELECT id FROM inspection WHERE tenant_id = ${tenant} AND plan_id = ${planId})) AS problems,
          (SELECT count(*)::int FROM audit_event a WHERE a.tenant_id = ${tenant} AND a.action = 'inspection.submit'
            AND a.object_id IN (SELECT id::text FROM inspection WHERE tenant_id = ${tenant} AND plan_id = ${planId})) AS audits
          FROM inspection WHERE tenant_id = ${tenant} AND plan_id = ${planId}`),
      ).toEqual({ inspections: 3, observations: 3 * standards, problems: 3, audits: 3 });
      const keys = [transferKey, importKey, ...inspectionKeys];
      const records = await database.query<{ key: string; status_code: number }>(
        sql`SELECT key, status_code FROM idempotency_record WHERE tenant_id = ${tenant} AND key = ANY(${sql.param(keys)}::text[])
          ORDER BY key`,
      );
      expect(Object.fromEntries(records.map((r) => [r.key, r.status_code]))).toEqual({
        [transferKey]: 201,
        [importKey]: 202,
        ...Object.fromEntries(inspectionKeys.map((k) => [k, 201])),
      });
      expect((await verifyAuditChain(database.db, tenant)).ok).toBe(true);
    } finally {
      if (!t.databaseUrl) await database.close();
    }
    console.info(
      `crash safety (${testEngine()}): ${crashPoints.length} crash points in ${((Date.now() - started) / 1000).toFixed(1)} s\n  ${crashPoints.join('\n  ')}`,
    );
  }, 420_000);
});
