// Response figures per site and urgency (有事即办、急事快办、难事帮办): orders, accepted, average and 90th-percentile
// minutes from ordering to acceptance, how many met the response target, and how many ran overdue.
import {
  type OrderResponseStatsView,
  type OrderStatsQuery,
  type OrderUrgency,
  orderResponseTargets,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { statementPeriod } from '../timebank';
import { orderScope } from './order.policy';

/** Response figures of the orders placed in a period (Shanghai days; the current month by default). */
export async function orderResponseStats(db: Db, actor: Actor, q: OrderStatsQuery): Promise<OrderResponseStatsView> {
  requirePermission(actor, 'order.read');
  const p = statementPeriod(q, actor.now);
  const targets = sql`(VALUES ${sql.join(
    Object.entries(orderResponseTargets).map(([u, t]) => sql`(${u}, ${t.respondHours}::int)`),
    sql`, `,
  )}) AS tg(urgency, hours)`;
  const res = await db.execute(sql`SELECT o.site_id, s.name AS site_name, o.urgency, count(*)::int AS orders,
      count(o.accepted_at)::int AS accepted,
      avg(extract(epoch FROM o.accepted_at - o.created_at) / 60)::float AS avg_min,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM o.accepted_at - o.created_at) / 60)::float AS p90_min,
      count(*) FILTER (WHERE o.accepted_at <= o.created_at + make_interval(hours => tg.hours))::int AS within_target,
      count(*) FILTER (WHERE o.overdue_at IS NOT NULL)::int AS overdue
    FROM service_order o JOIN practice_site s ON s.tenant_id = o.tenant_id AND s.id = o.site_id
      LEFT JOIN service_item i ON i.tenant_id = o.tenant_id AND i.id = o.item_id
      JOIN ${targets} ON tg.urgency = o.urgency
    WHERE o.tenant_id = ${actor.tenantId} AND ${orderScope(actor, 'order.read')}
      AND o.created_at >= ${p.start.toISOString()}::timestamptz AND o.created_at < ${p.end.toISOString()}::timestamptz
      ${q.siteId ? sql`AND o.site_id = ${q.siteId}` : sql``}
    GROUP BY o.site_id, s.name, o.urgency ORDER BY s.name, o.urgency`);
  return {
    from: p.from,
    to: p.to,
    rows: (res.rows as any[]).map((r) => {
      const urgency = r.urgency as OrderUrgency;
      const accepted = Number(r.accepted);
      return {
        site: { id: r.site_id, name: r.site_name },
        urgency,
        targetHours: orderResponseTargets[urgency].respondHours,
        orders: Number(r.orders),
        accepted,
        avgResponseMinutes: r.avg_min === null ? null : Math.round(Number(r.avg_min)),
        p90ResponseMinutes: r.p90_min === null ? null : Math.round(Number(r.p90_min)),
        withinTarget: Number(r.within_target),
        withinTargetRate: accepted ? Math.round((Number(r.within_target) / accepted) * 1000) / 1000 : null,
        overdue: Number(r.overdue),
      };
    }),
  };
}
