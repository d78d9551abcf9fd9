// The deadline job: reminder before the deadline, overdue flag and notice after it, escalation to the unit's leader
// and the office after the configured delay; reruns add nothing; the periodic run schedules its successor.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../test/harness';
import {
  PROBLEM_DEADLINE_JOB,
  nextProblemScanSlot,
  scanProblemDeadlines,
  scheduleProblemScan,
} from './problem-deadlines';
import { act, auditActions, count, createProblemsTestApp, gridWorkerPlace } from './test-fixtures';

let t: TestApp;
let admin: Session;
let grid: Session;
let liaison: Session;
let place: Awaited<ReturnType<typeof gridWorkerPlace>>;

beforeAll(async () => {
  t = await createProblemsTestApp();
  [admin, grid, liaison] = await Promise.all(['admin', 'grid_worker', 'unit_liaison'].map((u) => t.login(u)));
  place = await gridWorkerPlace(t);
});
afterAll(() => t?.close());

async function assigned(severity = 'high') {
  const payload = { source: 'grid', category: 'sanitation', description: '期限测试', regionCode: place.code, severity };
  const res = await grid.inject({ method: 'POST', url: '/api/v1/problems', payload });
  expect(res.json().status).toBe('assigned');
  return res.json();
}

const notices = (id: string) =>
  t.ctx.db.execute(sql`SELECT kind, recipient, body FROM problem_notice WHERE tenant_id = ${t.tenantId}
    AND problem_id = ${id} ORDER BY kind, recipient`);

describe('the deadline job', () => {
  it('reminds before the deadline, flags overdue after it and escalates after the delay, once each', async () => {
    const p = await assigned('high'); // 1 day; reminders 24 h before: due at once
    const deadline = new Date(p.deadlineAt).getTime();
    const now = Date.now();
    // Counted on this problem alone: the demo's own problems may have deadlines in the same window.
    const kinds = async () => ((await notices(p.id)).rows as any[]).map((r) => r.kind);
    expect((await scanProblemDeadlines(t.ctx.db, t.tenantId, new Date(now))).reminders).toBeGreaterThanOrEqual(1);
    expect(await kinds()).toEqual(['reminder']);
    expect(await scanProblemDeadlines(t.ctx.db, t.tenantId, new Date(now))).toMatchObject({ reminders: 0 });
    expect(await kinds()).toEqual(['reminder']);
    const late = new Date(deadline + 3600_000);
    expect((await scanProblemDeadlines(t.ctx.db, t.tenantId, late)).markedOverdue).toBeGreaterThanOrEqual(1);
    expect(await kinds()).toEqual(['overdue', 'reminder']);
    const muchLater = new Date(deadline + 49 * 3600_000);
    expect((await scanProblemDeadlines(t.ctx.db, t.tenantId, muchLater)).escalations).toBeGreaterThanOrEqual(1);
    expect((await scanProblemDeadlines(t.ctx.db, t.tenantId, muchLater)).escalations).toBe(0);
    const rows = (await notices(p.id)).rows as any[];
    expect(rows.map((r) => `${r.kind}:${r.recipient}`)).toEqual([
      'escalation:office',
      'escalation:unit_leader',
      'overdue:unit',
      'reminder:unit',
    ]);
    expect(rows[1].body).toContain('王文明同志');
    expect(await auditActions(t, p.id)).toEqual(['problem.create', 'problem.overdue', 'problem.escalate']);
  });

  it('shows the notices to the unit (not the office\u2019s) and to the office; a new deadline starts over', async () => {
    const p = await assigned('high');
    await scanProblemDeadlines(t.ctx.db, t.tenantId, new Date(new Date(p.deadlineAt).getTime() + 49 * 3600_000));
    const unit = await liaison.inject({ method: 'GET', url: `/api/v1/problem-notices?problemId=${p.id}` });
    expect(
      unit
        .json()
        .items.map((n: any) => n.recipient)
        .sort(),
    ).toEqual(['unit', 'unit_leader']);
    const office = await admin.inject({
      method: 'GET',
      url: `/api/v1/problem-notices?problemId=${p.id}&kind=escalation`,
    });
    expect(
      office
        .json()
        .items.map((n: any) => n.recipient)
        .sort(),
    ).toEqual(['office', 'unit_leader']);
    await act(liaison, p.id, { action: 'dispute', reason: '非本单位' });
    await act(admin, p.id, { action: 'reject_dispute', reason: '属本单位' });
    const flags =
      await t.ctx.db.execute(sql`SELECT overdue_at, escalated_at FROM problem WHERE tenant_id = ${t.tenantId}
      AND id = ${p.id}`);
    expect(flags.rows[0]).toEqual({ overdue_at: null, escalated_at: null });
  });

  it('runs as a periodic job that enqueues the next slot before working', async () => {
    const past = new Date(Date.now() - 3600_000);
    const id = await scheduleProblemScan(t.ctx.db, t.ctx.jobs, t.tenantId, past);
    expect(await scheduleProblemScan(t.ctx.db, t.ctx.jobs, t.tenantId, past)).toBe(id);
    await t.drainJobs();
    const job = await t.ctx.jobs.get(t.ctx.db, t.tenantId, id);
    expect(job.status).toBe('done');
    const next = await count(
      t,
      'job',
      sql`kind = ${PROBLEM_DEADLINE_JOB} AND status = 'queued' AND run_at = ${nextProblemScanSlot(t.ctx.clock.now()).toISOString()}`,
    );
    expect(next).toBe(1);
  });
});
