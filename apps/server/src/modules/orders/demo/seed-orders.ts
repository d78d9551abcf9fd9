// Demo service orders of 示范市: the centre's service menu and orders in every stage — waiting for review, for
// dispatch, offered for grabbing, accepted, completed (paid through the time bank) and rated — with history.
import type { DemoContext } from '../../../demo/context';
import { shanghaiDate } from '../../../platform/clock';
import { type OrderStatus, type OrderUrgency, orderTargets } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../../platform/access';
import { newId } from '../../../platform/ids';
import { payForServiceOrder } from '../../timebank';

const menu = [
  { category: 'elderly', name: '助老陪诊', skills: ['elderly_care', 'medical'], desc: '陪同老人就医、取药' },
  { category: 'life', name: '家电维修', skills: ['repair'], desc: '小家电、线路简单维修' },
  { category: 'education', name: '课业辅导', skills: ['tutoring'], desc: '中小学生课后作业辅导' },
  { category: 'legal', name: '法律咨询', skills: ['legal'], desc: '婚姻家庭、劳动纠纷等法律咨询' },
  { category: 'health', name: '健康义诊', skills: ['medical'], desc: '测血压、血糖，健康咨询' },
  { category: 'environment', name: '楼道清理', skills: ['cleaning'], desc: '清理楼道杂物、小广告' },
];

interface DemoOrder {
  item: number | null;
  kind: 'menu' | 'need' | 'wish';
  title: string;
  urgency: OrderUrgency;
  status: OrderStatus;
  hoursAgo: number;
  rating?: number;
}

const orders: DemoOrder[] = [
  { item: 0, kind: 'menu', title: '助老陪诊', urgency: 'routine', status: 'submitted', hoursAgo: 2 },
  { item: 1, kind: 'menu', title: '家电维修', urgency: 'urgent', status: 'reviewed', hoursAgo: 1 },
  { item: 2, kind: 'menu', title: '课业辅导', urgency: 'routine', status: 'offered', hoursAgo: 5 },
  { item: null, kind: 'wish', title: '微心愿：一个新书包', urgency: 'difficult', status: 'offered', hoursAgo: 30 },
  { item: 5, kind: 'menu', title: '楼道清理', urgency: 'routine', status: 'accepted', hoursAgo: 20 },
  { item: 4, kind: 'menu', title: '健康义诊', urgency: 'routine', status: 'completed', hoursAgo: 50 },
  { item: 0, kind: 'menu', title: '助老陪诊', urgency: 'urgent', status: 'rated', hoursAgo: 70, rating: 5 },
  { item: 1, kind: 'menu', title: '家电维修', urgency: 'routine', status: 'rated', hoursAgo: 120, rating: 4 },
  {
    item: null,
    kind: 'need',
    title: '独居老人屋顶漏水',
    urgency: 'difficult',
    status: 'returned',
    hoursAgo: 100,
    rating: 2,
  },
];

/** Seed the demo menu and orders once (after the volunteers' and the time bank's demo). */
export async function seedDemoOrders(d: DemoContext): Promise<void> {
  const { db, tenantId } = d;
  const now = d.clock.now();
  const actor = systemActor(tenantId, 'seed-demo', now);
  await db.transaction(async (tx) => {
    if ((await tx.execute(sql`SELECT 1 FROM service_item WHERE tenant_id = ${tenantId} LIMIT 1`)).rows.length) return;
    const site = (
      await tx.execute(
        sql`SELECT id, region_code FROM practice_site WHERE tenant_id = ${tenantId} AND kind = 'centre' LIMIT 1`,
      )
    ).rows[0] as { id: string; region_code: string } | undefined;
    const who = (
      await tx.execute(sql`SELECT ac.id, ac.display_name, p.region_code FROM account ac
        JOIN person p ON p.tenant_id = ac.tenant_id AND p.id = ac.person_id
        WHERE ac.tenant_id = ${tenantId} AND ac.username = 'resident'`)
    ).rows[0] as { id: string; display_name: string; region_code: string } | undefined;
    if (!site || !who) return;
    // Sites get places on the map (the centre in the middle of the volunteers' homes), so that the dispatch
    // recommender measures distances to orders placed without a point and to volunteers without a home point.
    await tx.execute(sql`UPDATE practice_site p SET lat = x.lat, lng = x.lng FROM (
        SELECT id, CASE WHEN kind = 'centre' THEN 38.518 ELSE 38.5 + (row_number() OVER (ORDER BY kind, region_code) % 9) * 0.006 END AS lat,
          CASE WHEN kind = 'centre' THEN 102.185 ELSE 102.165 + (row_number() OVER (ORDER BY kind, region_code) % 7) * 0.008 END AS lng
        FROM practice_site WHERE tenant_id = ${tenantId} AND lat IS NULL) x
      WHERE p.tenant_id = ${tenantId} AND p.id = x.id`);
    const itemIds: string[] = [];
    for (const m of menu) {
      const id = newId();
      itemIds.push(id);
      await tx.execute(sql`INSERT INTO service_item (tenant_id, id, site_id, category, name, description, required_skills)
        VALUES (${tenantId}, ${id}, ${site.id}, ${m.category}, ${m.name}, ${m.desc}, ${sql.param(m.skills)}::text[])`);
    }
    const vols = (
      await tx.execute(sql`SELECT id, account_id FROM volunteer WHERE tenant_id = ${tenantId} AND status = 'active'
        ORDER BY (account_id IS NULL), number LIMIT 5`)
    ).rows as { id: string; account_id: string | null }[];
    for (const [n, o] of orders.entries()) {
      const needsVolunteer = ['accepted', 'completed', 'rated', 'returned'].includes(o.status);
      if (needsVolunteer && !vols.length) continue;
      const v = needsVolunteer ? vols[n % vols.length] : null;
      const created = new Date(now.getTime() - o.hoursAgo * 3600_000);
      const { respondBy, dueAt } = orderTargets(o.urgency, created);
      const accepted = v ? new Date(created.getTime() + 40 * 60_000 * (1 + (n % 3))) : null;
      const done = ['completed', 'rated', 'returned'].includes(o.status);
      const id = newId();
      const day = shanghaiDate(created).replace(/-/g, '');
      const seq = Number(((await tx.execute(sql`SELECT nextval('service_order_number_seq') AS n`)).rows[0] as any).n);
      await tx.execute(sql`INSERT INTO service_order (tenant_id, id, number, kind, status, site_id, item_id, title, description,
          urgency, address, lat, lng, region_code, resident_name, ordered_by, ordered_by_name, volunteer_id, volunteer_account_id,
          respond_by, due_at, accepted_at, completed_at, hours, notes, rating, rating_comment, returned_for, created_at, updated_at)
        VALUES (${tenantId}, ${id}, ${`FW${day}-${String(seq).padStart(6, '0')}`}, ${o.kind}, ${o.status}, ${site.id},
          ${o.item === null ? null : itemIds[o.item]}, ${o.title}, ${`${o.title}（示范数据）`}, ${o.urgency},
          ${`示范社区${n + 1}号楼`}, ${38.5 + n * 0.001}, ${102.18 + n * 0.001}, ${who.region_code}, ${who.display_name},
          ${who.id}, ${who.display_name}, ${v?.id ?? null}, ${v?.account_id ?? null}, ${respondBy.toISOString()},
          ${dueAt.toISOString()}, ${accepted?.toISOString() ?? null}, ${done ? new Date(created.getTime() + 3 * 3600_000).toISOString() : null},
          ${done ? 2 : null}, ${done ? '已上门完成服务' : null}, ${o.rating ?? null}, ${o.rating ? (o.rating > 2 ? '服务很好，谢谢！' : '没有修好') : null},
          ${o.status === 'returned' ? 'low_rating' : null}, ${created.toISOString()}, ${now.toISOString()})`);
      await tx.execute(sql`INSERT INTO service_order_event (tenant_id, id, order_id, action, from_status, to_status, actor_name, at)
        VALUES (${tenantId}, ${newId()}, ${id}, 'create', 'submitted', 'submitted', ${who.display_name}, ${created.toISOString()})`);
      if (done && v) {
        const paid = await payForServiceOrder(tx, actor, {
          orderId: id,
          round: 1,
          volunteerId: v.id,
          hours: 2,
          regionCode: who.region_code,
          siteId: site.id,
          residentAccountId: null,
        });
        await tx.execute(
          sql`UPDATE service_order SET payment_journal_id = ${paid.journalId} WHERE tenant_id = ${tenantId} AND id = ${id}`,
        );
      }
      if (o.rating && v)
        await tx.execute(sql`INSERT INTO service_order_rating (tenant_id, id, order_id, volunteer_id, rating)
          VALUES (${tenantId}, ${newId()}, ${id}, ${v.id}, ${o.rating})`);
    }
  });
}
