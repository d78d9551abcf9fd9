// The life of an order. Every action passes the contracts' state machine, needs its permission and a scope that
// covers the order (404 outside), is recorded in the order's history and audited. The change itself is a
// conditional UPDATE on the status and version read: when two volunteers accept at once, exactly one UPDATE
// matches and the other gets 409 ORDER_ALREADY_TAKEN — no read-then-write race.
import { sqlTime } from '../../platform/sql';
import {
  type OrderAction,
  type OrderDetailView,
  type OrderStatus,
  type OrderTransitionBody,
  nextOrderStatus,
  orderActionPermissions,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { type OrderRow, effectOf } from './order-effects';
import { ORDER_FROM, assertPhotosUsable, orderScope } from './order.policy';
import { getOrder } from './order-view';

async function readOrder(ctx: AppContext, actor: Actor, id: string, action: OrderAction): Promise<OrderRow> {
  const res = await ctx.db.execute(sql`SELECT o.id, o.status, o.version, o.site_id, o.region_code, o.ordered_by,
      o.volunteer_id, o.volunteer_account_id, o.team_id, o.pay_with_hours, i.required_skills
    FROM ${ORDER_FROM} WHERE o.tenant_id = ${actor.tenantId} AND o.id = ${id}
      AND ${orderScope(actor, orderActionPermissions[action])}`);
  const r = res.rows[0] as any;
  if (!r) {
    if (action === 'accept') await explainTakenOffer(ctx, actor, id);
    throw fail('ORDER_NOT_FOUND');
  }
  return { ...r, required_skills: r.required_skills ?? [] };
}

/**
 * A volunteer who lost the race to grab an offer may read the order only after the winner took it (it is no longer
 * offered, so no longer in their scope): an order that was offered to all and is now taken answers 409, not 404.
 */
async function explainTakenOffer(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const res = await ctx.db.execute(sql`SELECT o.status FROM service_order o WHERE o.tenant_id = ${actor.tenantId}
    AND o.id = ${id} AND o.status NOT IN ('offered', 'dispatched') AND o.accepted_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM service_order_event e WHERE e.tenant_id = o.tenant_id AND e.order_id = o.id
      AND e.action = 'offer')`);
  if (res.rows.length) throw fail('ORDER_ALREADY_TAKEN', { status: (res.rows[0] as { status: string }).status });
}

/** Why a conditional update matched nothing: someone else took the order, or it moved on. */
async function explainMiss(tx: Db, actor: Actor, o: OrderRow, action: OrderAction): Promise<never> {
  const res = await tx.execute(sql`SELECT status, version, volunteer_account_id FROM service_order
    WHERE tenant_id = ${actor.tenantId} AND id = ${o.id}`);
  const now = res.rows[0] as { status: OrderStatus; version: number; volunteer_account_id: string | null };
  if (action === 'accept' && now.status === 'accepted' && now.volunteer_account_id !== actor.accountId)
    throw fail('ORDER_ALREADY_TAKEN', { status: now.status });
  if (!nextOrderStatus(now.status, action)) throw fail('ORDER_TRANSITION_NOT_ALLOWED', { status: now.status, action });
  throw fail('STALE_VERSION', { version: now.version, status: now.status });
}

/**
 * Take an action on an order: 403 without the action's permission, 404 outside its scope, 409
 * ORDER_TRANSITION_NOT_ALLOWED when the state machine has no such edge, 409 ORDER_ALREADY_TAKEN to the losers of
 * a race to accept, 409 STALE_VERSION when the client's version is old.
 */
export async function transitionOrder(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: OrderTransitionBody,
): Promise<OrderDetailView> {
  requirePermission(actor, orderActionPermissions[body.action]);
  await assertPhotosUsable(ctx.db, actor, body.photoFileIds, 'photoFileIds');
  const o = await readOrder(ctx, actor, id, body.action);
  if (body.version !== undefined && body.version !== o.version)
    throw fail('STALE_VERSION', { version: o.version, status: o.status });
  const to = nextOrderStatus(o.status, body.action, body);
  if (!to) throw fail('ORDER_TRANSITION_NOT_ALLOWED', { status: o.status, action: body.action });
  await ctx.db.transaction(async (tx) => {
    const effect = await effectOf(tx, actor, o, body);
    const sets: SQL[] = [
      sql`status = ${to}`,
      sql`version = version + 1`,
      sql`updated_at = ${sqlTime(actor.now)}`,
      ...effect.sets,
    ];
    const updated = await tx.execute(sql`UPDATE service_order SET ${sql.join(sets, sql`, `)}
      WHERE tenant_id = ${actor.tenantId} AND id = ${o.id} AND status = ${o.status} AND version = ${o.version}
      RETURNING id`);
    if (!updated.rows.length) await explainMiss(tx, actor, o, body.action);
    const after = effect.after ? await effect.after(tx) : {};
    if (body.action === 'complete' && body.photoFileIds.length)
      await tx.execute(sql`INSERT INTO service_order_photo (tenant_id, order_id, file_id)
        SELECT ${actor.tenantId}, ${o.id}, f FROM unnest(${sql.param(body.photoFileIds)}::uuid[]) AS f ON CONFLICT DO NOTHING`);
    const detail = { ...effect.detail, ...after };
    await tx.execute(sql`INSERT INTO service_order_event (tenant_id, id, order_id, action, from_status, to_status,
        actor_id, actor_name, reason, detail, at)
      VALUES (${actor.tenantId}, ${newId()}, ${o.id}, ${body.action}, ${o.status}, ${to}, ${actor.accountId},
        ${actor.displayName}, ${body.reason ?? null}, ${JSON.stringify(detail)}::jsonb, ${sqlTime(actor.now)})`);
    await writeAudit(tx, actor, {
      action: `order.${body.action}`,
      objectType: 'service_order',
      objectId: o.id,
      before: { status: o.status, volunteerId: o.volunteer_id, teamId: o.team_id },
      after: { status: to, reason: body.reason ?? null, ...detail },
    });
  });
  return getOrder(ctx.db, actor, id);
}
