// Demo time bank of 示范市: a head branch (总行) for the demo community with a branch (分行) per grid, run by the
// demo centre; a fund; a goods catalogue; deposits of confirmed hours for the demo volunteers; a resident
// account linked as family; a donation and a redemption — every movement through the real ledger.
import type { DemoContext } from '../../../demo/context';
import { sql } from 'drizzle-orm';
import { type Actor, systemActor } from '../../../platform/access';
import type { Db } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { ensureBranchFund, ensureResidentAccount, ensureVolunteerAccount } from '../timebank-accounts.service';
import { balanceCenti, postJournal } from '../timebank-ledger';
import { depositConfirmedHours } from '../timebank-transfer.service';
import { moveAccountTx } from '../timebank-branches.service';

const goods = [
  { name: '大米（5 公斤）', price: 5, stock: 40 },
  { name: '食用油（1.8 升）', price: 4, stock: 30 },
  { name: '理发服务券', price: 1, stock: 100 },
  { name: '家政保洁 2 小时', price: 3, stock: 20 },
  { name: '洗衣液', price: 2, stock: 50 },
];

const gridGoods = [
  { name: '网格便民理发券', price: 1, stock: 30 },
  { name: '鸡蛋（30 枚）', price: 3, stock: 20 },
];

async function seedBranches(tx: Db, tenantId: string): Promise<{ headId: string; community: string } | null> {
  const who = (
    await tx.execute(sql`SELECT p.region_code FROM account ac JOIN person p ON p.tenant_id = ac.tenant_id AND p.id = ac.person_id
      WHERE ac.tenant_id = ${tenantId} AND ac.username = 'grid_worker'`)
  ).rows[0] as { region_code: string } | undefined;
  const site = (
    await tx.execute(sql`SELECT id FROM practice_site WHERE tenant_id = ${tenantId} AND kind = 'centre' LIMIT 1`)
  ).rows[0] as { id: string } | undefined;
  if (!who || !site) return null;
  const region = (
    await tx.execute(sql`SELECT name FROM region WHERE tenant_id = ${tenantId} AND code = ${who.region_code}`)
  ).rows[0] as { name: string };
  const short = region.name.replace(/(居民|村民)委员会$/, '');
  const headId = newId();
  await tx.execute(sql`INSERT INTO timebank_branch (tenant_id, id, kind, name, region_code, site_id)
    VALUES (${tenantId}, ${headId}, 'head', ${`${short}时间银行总行`}, ${who.region_code}, ${site.id})`);
  const grids = (
    await tx.execute(
      sql`SELECT id, name FROM grid WHERE tenant_id = ${tenantId} AND region_code = ${who.region_code} ORDER BY code`,
    )
  ).rows as { id: string; name: string }[];
  for (const g of grids)
    await tx.execute(sql`INSERT INTO timebank_branch (tenant_id, id, kind, name, parent_id, region_code, grid_id, site_id)
      VALUES (${tenantId}, ${newId()}, 'branch', ${`${g.name}分行`}, ${headId}, ${who.region_code}, ${g.id}, ${site.id})`);
  return { headId, community: who.region_code };
}

/** Accounts of people that are in no branch move, with their balance, to the head branch. */
async function moveStrays(tx: Db, actor: Actor, headId: string): Promise<void> {
  const head = (
    await tx.execute(sql`SELECT id, name, region_code FROM timebank_branch WHERE tenant_id = ${actor.tenantId}
      AND id = ${headId}`)
  ).rows[0] as { id: string; name: string; region_code: string };
  const strays = (
    await tx.execute(sql`SELECT id FROM timebank_account WHERE tenant_id = ${actor.tenantId} AND branch_id IS NULL
      AND kind IN ('volunteer', 'resident') ORDER BY id`)
  ).rows as { id: string }[];
  for (const a of strays) await moveAccountTx(tx, actor, a.id, head, '转入社区总行');
}

async function seedMovements(tx: Db, actor: Actor, headId: string): Promise<void> {
  const t = actor.tenantId;
  const fund = await ensureBranchFund(tx, t, headId);
  for (const g of goods)
    await tx.execute(sql`INSERT INTO timebank_goods (tenant_id, id, branch_id, name, price_hours, stock)
      VALUES (${t}, ${newId()}, ${headId}, ${g.name}, ${g.price}, ${g.stock})`);
  // The volunteers' demo confirmed activity hours in SQL: deposit each exactly as confirming them does
  // (same source key, so a later confirmation through the API cannot deposit twice).
  const confirmed = (
    await tx.execute(sql`SELECT activity_id, volunteer_id, hours FROM activity_signup
      WHERE tenant_id = ${t} AND hours_status = 'confirmed' AND hours > 0 ORDER BY confirmed_at, activity_id, volunteer_id`)
  ).rows as { activity_id: string; volunteer_id: string; hours: string | number }[];
  for (const c of confirmed)
    await depositConfirmedHours(tx, actor, {
      volunteerId: c.volunteer_id,
      hours: Number(c.hours),
      sourceKind: 'activity_signup',
      sourceId: `${c.activity_id}:${c.volunteer_id}`,
      memo: '志愿服务时长',
    });
  // Accounts opened by those deposits are in the branch of the volunteer's grid (or the head branch); those
  // opened outside the demo community move to the head branch, and every third one still at the head branch
  // moves to the first grid's branch, which has goods of its own — each move a journal of the real ledger.
  await moveStrays(tx, actor, headId);
  const grid = (
    await tx.execute(sql`SELECT id, name, region_code FROM timebank_branch WHERE tenant_id = ${t} AND parent_id = ${headId}
      ORDER BY name, id LIMIT 1`)
  ).rows[0] as { id: string; name: string; region_code: string } | undefined;
  if (grid) {
    const third = (
      await tx.execute(sql`SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM timebank_account
        WHERE tenant_id = ${t} AND branch_id = ${headId} AND kind = 'volunteer') x WHERE x.n % 3 = 0`)
    ).rows as { id: string }[];
    for (const a of third) await moveAccountTx(tx, actor, a.id, grid, '按居住网格转入分行');
    for (const g of gridGoods)
      await tx.execute(sql`INSERT INTO timebank_goods (tenant_id, id, branch_id, name, price_hours, stock)
        VALUES (${t}, ${newId()}, ${grid.id}, ${g.name}, ${g.price}, ${g.stock})`);
  }
  const vols = (
    await tx.execute(sql`SELECT id FROM volunteer WHERE tenant_id = ${t} AND status = 'active'
      ORDER BY (account_id IS NULL), number LIMIT 12`)
  ).rows as { id: string }[];
  const resident = (await tx.execute(sql`SELECT id FROM account WHERE tenant_id = ${t} AND username = 'resident'`))
    .rows[0] as { id: string } | undefined;
  if (!resident || !vols.length) return;
  const residentAccount = await ensureResidentAccount(tx, t, resident.id);
  const first = await ensureVolunteerAccount(tx, t, vols[0].id);
  await tx.execute(sql`INSERT INTO timebank_family (tenant_id, account_id, member_account_id)
    VALUES (${t}, ${first}, ${residentAccount}), (${t}, ${residentAccount}, ${first}) ON CONFLICT DO NOTHING`);
  if ((await balanceCenti(tx, t, first)) >= 100)
    await postJournal(tx, actor, {
      kind: 'transfer',
      sourceKind: 'demo',
      sourceId: 'family-transfer',
      memo: '转赠给家人',
      legs: [
        { accountId: first, centi: -100 },
        { accountId: residentAccount, centi: 100 },
      ],
    });
  if (vols[1]) {
    const second = await ensureVolunteerAccount(tx, t, vols[1].id);
    if ((await balanceCenti(tx, t, second)) < 50) return;
    await postJournal(tx, actor, {
      kind: 'donation',
      sourceKind: 'demo',
      sourceId: 'donation',
      memo: '捐赠给社区公益基金',
      legs: [
        { accountId: second, centi: -50 },
        { accountId: fund, centi: 50 },
      ],
    });
  }
}

/** Seed the demo time bank once (after the volunteers' demo). */
export async function seedDemoTimebank(d: DemoContext): Promise<void> {
  const { db, tenantId } = d;
  await db.transaction(async (tx) => {
    const exists = await tx.execute(sql`SELECT 1 FROM timebank_branch WHERE tenant_id = ${tenantId} LIMIT 1`);
    if (exists.rows.length) return;
    const b = await seedBranches(tx, tenantId);
    if (!b) return;
    const actor = systemActor(tenantId, 'seed-demo', d.clock.now());
    await seedMovements(tx, actor, b.headId);
    // Accounts opened outside the demo community (the demo resident's) also join the head branch.
    await moveStrays(tx, actor, b.headId);
    // The practice centre's administrator runs the head branch (行长).
    await tx.execute(sql`INSERT INTO timebank_branch_manager (tenant_id, branch_id, account_id)
      SELECT ${tenantId}, ${b.headId}, id FROM account WHERE tenant_id = ${tenantId} AND username = 'station_admin'
      ON CONFLICT DO NOTHING`);
  });
}
