// Placing a service order (群众点单): a resident for themselves, or a grid worker / station for a resident; the
// response targets follow the urgency; a resend with the same client id stores the order once.
import { sqlTime } from '../../platform/sql';
import { type OrderCreateBody, maskPhone, orderTargets } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { shanghaiDate } from '../../platform/clock';
import { type Actor, regionRoots, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { ORDER_FROM, orderScope } from './order.policy';
import { ensureOverdueScan } from './order-overdue';

async function siteOf(tx: Db, tenantId: string, siteId: string) {
  const res = await tx.execute(sql`SELECT s.id, s.region_code, r.path::text AS path FROM practice_site s
    JOIN region r ON r.tenant_id = s.tenant_id AND r.code = s.region_code
    WHERE s.tenant_id = ${tenantId} AND s.id = ${siteId}`);
  return res.rows[0] as { id: string; region_code: string; path: string } | undefined;
}

async function itemOf(tx: Db, tenantId: string, siteId: string, itemId: string) {
  const res = await tx.execute(sql`SELECT id, name FROM service_item WHERE tenant_id = ${tenantId} AND id = ${itemId}
    AND site_id = ${siteId} AND active`);
  return res.rows[0] as { id: string; name: string } | undefined;
}

/** The region of the order: the orderer's own community when it lies under the site, else the site's region. */
async function orderRegion(tx: Db, actor: Actor, site: { region_code: string; path: string }): Promise<string> {
  const res = await tx.execute(sql`SELECT p.region_code FROM account ac
    JOIN person p ON p.tenant_id = ac.tenant_id AND p.id = ac.person_id
    JOIN region r ON r.tenant_id = p.tenant_id AND r.code = p.region_code
    WHERE ac.tenant_id = ${actor.tenantId} AND ac.id = ${actor.accountId}::uuid AND r.path <@ ${site.path}::ltree`);
  return (res.rows[0] as { region_code: string } | undefined)?.region_code ?? site.region_code;
}

/** A grid worker (region scope) orders only within their area: the site or their own region must lie in it. */
function assertWithinArea(actor: Actor, site: { path: string }): void {
  const roots = regionRoots(actor, 'order.create');
  if (roots === null || roots.length === 0) return;
  const ok = roots.some((r) => site.path === r || site.path.startsWith(`${r}.`) || r.startsWith(`${site.path}.`));
  if (!ok) throw invalidFields([{ field: 'siteId', key: 'outside_scope' }]);
}

/** Create an order; 400 naming fields for an unknown site or item; 409 ORDER_ID_TAKEN for a foreign id. */
export async function createOrder(ctx: AppContext, actor: Actor, body: OrderCreateBody): Promise<{ id: string }> {
  requirePermission(actor, 'order.create');
  const id = body.id ?? newId();
  await ctx.db.transaction(async (tx) => {
    const existing = await tx.execute(
      sql`SELECT ordered_by FROM service_order WHERE tenant_id = ${actor.tenantId} AND id = ${id}`,
    );
    if (existing.rows.length) {
      if ((existing.rows[0] as any).ordered_by === actor.accountId) return;
      throw fail('ORDER_ID_TAKEN');
    }
    const site = await siteOf(tx, actor.tenantId, body.siteId);
    if (!site) throw invalidFields([{ field: 'siteId', key: 'unknown_site' }]);
    assertWithinArea(actor, site);
    const item = body.itemId ? await itemOf(tx, actor.tenantId, body.siteId, body.itemId) : undefined;
    if (body.itemId && !item) throw invalidFields([{ field: 'itemId', key: 'unknown_item' }]);
    const now = actor.now;
    const { respondBy, dueAt } = orderTargets(body.urgency, now);
    const seq = (await tx.execute(sql`SELECT nextval('service_order_number_seq') AS n`)).rows[0] as { n: unknown };
    const day = shanghaiDate(now).replace(/-/g, '');
    const number = `FW${day}-${String(Number(seq.n)).padStart(6, '0')}`;
    const title = body.title ?? item?.name ?? body.description.slice(0, 30);
    const regionCode = await orderRegion(tx, actor, site);
    await tx.execute(sql`INSERT INTO service_order (tenant_id, id, number, kind, status, site_id, item_id, title, description,
        urgency, address, lat, lng, region_code, resident_name, resident_phone_enc, resident_phone_masked, ordered_by,
        ordered_by_name, pay_with_hours, respond_by, due_at, created_at, updated_at)
      VALUES (${actor.tenantId}, ${id}, ${number}, ${body.kind}, 'submitted', ${body.siteId}, ${item?.id ?? null}, ${title},
        ${body.description}, ${body.urgency}, ${body.address}, ${body.lat ?? null}, ${body.lng ?? null}, ${regionCode},
        ${body.residentName ?? null}, ${body.residentPhone ? ctx.cipher.encrypt(body.residentPhone) : null},
        ${maskPhone(body.residentPhone ?? null)}, ${actor.accountId}, ${actor.displayName}, ${body.payWithHours},
        ${respondBy.toISOString()}, ${dueAt.toISOString()}, ${sqlTime(now)}, ${sqlTime(now)})`);
    await tx.execute(sql`INSERT INTO service_order_event (tenant_id, id, order_id, action, from_status, to_status, actor_id,
        actor_name, at)
      VALUES (${actor.tenantId}, ${newId()}, ${id}, 'create', 'submitted', 'submitted', ${actor.accountId},
        ${actor.displayName}, ${sqlTime(now)})`);
    await writeAudit(tx, actor, {
      action: 'order.create',
      objectType: 'service_order',
      objectId: id,
      after: { number, siteId: body.siteId, itemId: item?.id ?? null, urgency: body.urgency, kind: body.kind },
    });
    await ensureOverdueScan(tx, ctx.jobs, actor.tenantId, actor.now);
  });
  return { id };
}

/** A photo of an order's completion, read through the order's scope. */
export async function getOrderPhoto(ctx: AppContext, actor: Actor, orderId: string, fileId: string) {
  requirePermission(actor, 'order.read');
  const res = await ctx.db.execute(sql`SELECT f.name, f.sha256, fo.content_type FROM ${ORDER_FROM}
    JOIN service_order_photo ph ON ph.tenant_id = o.tenant_id AND ph.order_id = o.id AND ph.file_id = ${fileId}
    JOIN file f ON f.tenant_id = ph.tenant_id AND f.id = ph.file_id
    JOIN file_object fo ON fo.tenant_id = f.tenant_id AND fo.sha256 = f.sha256
    WHERE o.tenant_id = ${actor.tenantId} AND o.id = ${orderId} AND ${orderScope(actor, 'order.read')}`);
  const r = res.rows[0] as any;
  if (!r) throw fail('FILE_NOT_FOUND');
  return { name: r.name as string, contentType: r.content_type as string, bytes: ctx.files.read(r.sha256) };
}
