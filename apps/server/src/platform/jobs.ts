import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { JobView } from '@wenming/contracts';
import type { Clock } from './clock';
import type { Db } from './db';
import { fail } from './errors';
import { newId, sha256Hex } from './ids';

export interface JobRow {
  tenantId: string;
  id: string;
  kind: string;
  payload: any;
  attempts: number;
  maxAttempts: number;
  createdBy: string | null;
}

export interface JobHelpers {
  /** Report progress; also extends the lease so a long job is not taken over. */
  progress(done: number, total: number): Promise<void>;
}

/** A handler's return value is stored as the job's result. Throw to retry; throw JobFailure to stop. */
export type JobHandler = (job: JobRow, helpers: JobHelpers) => Promise<unknown>;

/** A failure that retrying cannot fix (bad input): the job fails at once with this result. */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly result: unknown,
  ) {
    super(message);
  }
}

export interface JobQueue {
  register(kind: string, handler: JobHandler): void;
  enqueue(db: Db, tenantId: string, kind: string, payload: unknown, opts?: EnqueueOptions): Promise<string>;
  get(db: Db, tenantId: string, id: string): Promise<JobView>;
  /** Claim and run at most one due job; true when one ran. */
  runOne(): Promise<boolean>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  /** Run due jobs until none is left (tests, CLI). */
  drain(): Promise<void>;
}

export interface EnqueueOptions {
  id?: string;
  runAt?: Date;
  maxAttempts?: number;
  createdBy?: string | null;
}

const LEASE_SECONDS = 60;

/** Exponential backoff: 2, 4, 8 … seconds, capped at 10 minutes. */
export function backoffSeconds(attempt: number): number {
  return Math.min(600, 2 ** attempt);
}

/** Jobs queued or running, by kind and status (the queue depth Prometheus scrapes). */
export async function countOpenJobs(db: Db): Promise<{ kind: string; status: string; n: number }[]> {
  const res = await db.execute(sql`SELECT kind, status, count(*)::int AS n FROM job
    WHERE status IN ('queued', 'running') GROUP BY kind, status`);
  return res.rows as { kind: string; status: string; n: number }[];
}

/** The queue of a process; due times and leases follow the app's clock. */
export function createJobQueue(
  db: Db,
  log: { error: (o: unknown, m?: string) => void },
  clock: Clock,
  /** Told of every attempt that threw (metrics); `final` when the job is marked failed. */
  onFailure?: (kind: string, final: boolean) => void,
): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const workerId = `${os.hostname()}:${process.pid}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const nowSql = () => sql`${clock.now().toISOString()}::timestamptz`;
  const leaseSql = (secs: number) => sql`${new Date(clock.now().getTime() + secs * 1000).toISOString()}::timestamptz`;

  async function claim(): Promise<JobRow | null> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return null;
    const now = nowSql();
    const res = await db.execute(sql`UPDATE job SET status = 'running', attempts = attempts + 1,
        locked_by = ${workerId}, locked_until = ${leaseSql(LEASE_SECONDS)}
      WHERE (tenant_id, id) = (
        SELECT tenant_id, id FROM job
        WHERE kind IN (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
          AND ((status = 'queued' AND run_at <= ${now}) OR (status = 'running' AND locked_until < ${now}))
        ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING tenant_id, id, kind, payload, attempts, max_attempts, created_by`);
    const r = res.rows[0] as any;
    if (!r) return null;
    return {
      tenantId: r.tenant_id,
      id: r.id,
      kind: r.kind,
      payload: r.payload,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      createdBy: r.created_by,
    };
  }

  async function finish(job: JobRow, status: 'done' | 'failed', result: unknown, error: string | null) {
    await db.execute(sql`UPDATE job SET status = ${status}, result = ${JSON.stringify(result ?? null)}::jsonb,
      last_error = ${error}, finished_at = ${nowSql()}, locked_by = NULL, locked_until = NULL
      WHERE tenant_id = ${job.tenantId} AND id = ${job.id} AND locked_by = ${workerId}`);
  }

  async function runOne(): Promise<boolean> {
    const job = await claim();
    if (!job) return false;
    const handler = handlers.get(job.kind)!;
    const helpers: JobHelpers = {
      progress: async (done, total) => {
        await db.execute(sql`UPDATE job SET progress = ${done}, progress_total = ${total},
          locked_until = ${leaseSql(LEASE_SECONDS)}
          WHERE tenant_id = ${job.tenantId} AND id = ${job.id}`);
      },
    };
    try {
      const result = await handler(job, helpers);
      await finish(job, 'done', result, null);
    } catch (err) {
      // Only a JobFailure's message reaches users; other errors (SQL text, values) go to the log alone.
      const message = err instanceof JobFailure ? err.message : 'INTERNAL';
      if (!(err instanceof JobFailure)) log.error({ err, jobId: job.id, kind: job.kind }, 'job attempt failed');
      const final = err instanceof JobFailure || job.attempts >= job.maxAttempts;
      onFailure?.(job.kind, final);
      if (final) {
        await finish(job, 'failed', err instanceof JobFailure ? err.result : null, message);
      } else {
        await db.execute(sql`UPDATE job SET status = 'queued', last_error = ${message}, locked_by = NULL,
          locked_until = NULL, run_at = ${leaseSql(backoffSeconds(job.attempts))}
          WHERE tenant_id = ${job.tenantId} AND id = ${job.id}`);
      }
    }
    return true;
  }

  return {
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    async enqueue(tx, tenantId, kind, payload, opts = {}) {
      const id = opts.id ?? newId();
      const now = clock.now();
      await tx.execute(sql`INSERT INTO job (tenant_id, id, kind, payload, run_at, max_attempts, created_by, created_at)
        VALUES (${tenantId}, ${id}, ${kind}, ${JSON.stringify(payload)}::jsonb, ${(opts.runAt ?? now).toISOString()},
          ${opts.maxAttempts ?? 5}, ${opts.createdBy ?? null}, ${now.toISOString()}) ON CONFLICT DO NOTHING`);
      return id;
    },
    async get(tx, tenantId, id) {
      const res = await tx.execute(sql`SELECT * FROM job WHERE tenant_id = ${tenantId} AND id = ${id}`);
      const r = res.rows[0] as any;
      if (!r) throw fail('JOB_NOT_FOUND');
      return {
        id: r.id,
        kind: r.kind,
        status: r.status,
        progress: r.progress,
        progressTotal: r.progress_total,
        attempts: r.attempts,
        error: r.last_error,
        result: r.result,
        createdAt: new Date(r.created_at).toISOString(),
        finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
        createdBy: r.created_by,
      } as JobView & { createdBy: string | null };
    },
    runOne,
    start(intervalMs = 500) {
      stopped = false;
      const tick = async () => {
        if (stopped) return;
        try {
          while (!stopped && (await runOne())) {}
        } catch (err) {
          log.error({ err }, 'job worker tick failed');
        }
        if (!stopped) timer = setTimeout(() => (running = tick()), intervalMs);
      };
      running = tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    async drain() {
      while (await runOne()) {}
    },
  };
}

/** The start of the next slot of a periodic job (slots are aligned to the epoch: every hour, every 15 minutes…). */
export function nextSlot(now: Date, intervalMs: number): Date {
  return new Date((Math.floor(now.getTime() / intervalMs) + 1) * intervalMs);
}

/** A UUID-shaped id fixed by job kind, tenant and slot: however many nodes schedule a slot, it is queued once. */
export function slotJobId(kind: string, tenantId: string, at: Date): string {
  const h = sha256Hex(`${kind}:${tenantId}:${at.toISOString()}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Enqueue the periodic run of a tenant's job at a slot; idempotent. */
export function schedulePeriodic(
  db: Db,
  jobs: Pick<JobQueue, 'enqueue'>,
  tenantId: string,
  kind: string,
  at: Date,
): Promise<string> {
  return jobs.enqueue(db, tenantId, kind, { periodic: true }, { id: slotJobId(kind, tenantId, at), runAt: at });
}

/**
 * Make sure the tenant's next periodic run is queued. Looked up first: an insert of the same slot id would wait
 * for every other open transaction that queued it, which would serialise concurrent writers.
 */
export async function ensurePeriodic(
  db: Db,
  jobs: Pick<JobQueue, 'enqueue'>,
  tenantId: string,
  kind: string,
  at: Date,
): Promise<void> {
  const res = await db.execute(
    sql`SELECT 1 FROM job WHERE tenant_id = ${tenantId} AND id = ${slotJobId(kind, tenantId, at)}`,
  );
  if (!res.rows.length) await schedulePeriodic(db, jobs, tenantId, kind, at);
}
