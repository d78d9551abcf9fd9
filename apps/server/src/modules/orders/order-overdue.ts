// The overdue job of service orders: every 15 minutes per tenant, orders past their completion target that are
// still with a volunteer (dispatched, offered, accepted) go back to the centre (returned, for 'overdue'); orders
// already waiting on the centre are flagged. Each slot's run has an id derived from it, so it runs once.
import { sql } from 'drizzle-orm';
import { systemActor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { type JobQueue, ensurePeriodic, nextSlot, schedulePeriodic } from '../../platform/jobs';

export const ORDER_OVERDUE_JOB = 'orders.overdue';
const INTERVAL_MS = 15 * 60_000;

/** Make sure the tenant's next overdue run is queued (looked up first, so concurrent orders do not wait on it). */
export async function ensureOverdueScan(
  db: Db,
  jobs: Pick<JobQueue, 'enqueue'>,
  tenantId: string,
  now: Date,
): Promise<void> {
  await ensurePeriodic(db, jobs, tenantId, ORDER_OVERDUE_JOB, nextSlot(now, INTERVAL_MS));
}

/** Return overdue orders to the centre and flag the others; the numbers of each. */
export async function scanOverdueOrders(
  db: Db,
  tenantId: string,
  now: Date,
): Promise<{ returned: number; flagged: number }> {
  const actor = systemActor(tenantId, 'order-overdue-job', now);
  return db.transaction(async (tx) => {
    const back = await tx.execute(sql`UPDATE service_order o SET status = 'returned', returned_for = 'overdue',
        overdue_at = ${now.toISOString()}, version = version + 1, updated_at = ${now.toISOString()}
      FROM (SELECT id, status FROM service_order WHERE tenant_id = ${tenantId} AND overdue_at IS NULL
        AND status IN ('dispatched', 'offered', 'accepted') AND due_at < ${now.toISOString()}::timestamptz FOR UPDATE) old
      WHERE o.tenant_id = ${tenantId} AND o.id = old.id RETURNING o.id, old.status AS from_status`);
    for (const r of back.rows as { id: string; from_status: string }[]) {
      await tx.execute(sql`INSERT INTO service_order_event (tenant_id, id, order_id, action, from_status, to_status,
          actor_name, reason, at)
        VALUES (${tenantId}, gen_random_uuid(), ${r.id}, 'return_overdue', ${r.from_status}, 'returned',
          ${actor.displayName}, '超过完成时限，退回中心', ${now.toISOString()})`);
      await writeAudit(tx, actor, {
        action: 'order.return_overdue',
        objectType: 'service_order',
        objectId: r.id,
        before: { status: r.from_status },
        after: { status: 'returned', returnedFor: 'overdue' },
      });
    }
    const flagged = await tx.execute(sql`UPDATE service_order SET overdue_at = ${now.toISOString()}
      WHERE tenant_id = ${tenantId} AND overdue_at IS NULL AND status IN ('submitted', 'reviewed', 'returned')
        AND due_at < ${now.toISOString()}::timestamptz RETURNING id`);
    return { returned: back.rows.length, flagged: flagged.rows.length };
  });
}

/** Register the overdue job; a periodic run schedules its successor before it works. */
export function registerOrderOverdueJob(ctx: AppContext): void {
  ctx.jobs.register(ORDER_OVERDUE_JOB, async (job) => {
    const now = ctx.clock.now();
    if (job.payload?.periodic)
      await schedulePeriodic(ctx.db, ctx.jobs, job.tenantId, ORDER_OVERDUE_JOB, nextSlot(now, INTERVAL_MS));
    return scanOverdueOrders(ctx.db, job.tenantId, now);
  });
}
