// The goods catalogue of a branch and redemptions: hours go from the holder's account to the branch's fund, the
// holder gets a code, and the branch hands the goods over against the code once.
import { sqlTime } from '../../platform/sql';
import crypto from 'node:crypto';
import {
  type TimebankGoodsBody,
  type TimebankGoodsView,
  type TimebankRedemptionBody,
  type TimebankRedemptionView,
  toCenti,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { ensureBranchFund } from './timebank-accounts.service';
import { postJournal } from './timebank-ledger';
import { ACCOUNT_FROM, accountScope, branchScope } from './timebank.policy';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from(crypto.randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');

function goodsView(r: any): TimebankGoodsView {
  return {
    id: r.id,
    branchId: r.branch_id,
    name: r.name,
    description: r.description,
    priceHours: Number(r.price_hours),
    stock: Number(r.stock),
    active: !!r.active,
  };
}

/** The catalogue of a branch: readable by anyone who may read the time bank (it is a public price list). */
export async function listGoods(db: Db, actor: Actor, branchId: string): Promise<TimebankGoodsView[]> {
  requirePermission(actor, 'timebank.read');
  const res = await db.execute(sql`SELECT * FROM timebank_goods WHERE tenant_id = ${actor.tenantId}
    AND branch_id = ${branchId} AND active ORDER BY price_hours, name`);
  return (res.rows as any[]).map(goodsView);
}

/** Add an item to a branch's catalogue (station or office of the branch). */
export async function addGoods(
  db: Db,
  actor: Actor,
  branchId: string,
  body: TimebankGoodsBody,
): Promise<TimebankGoodsView> {
  requirePermission(actor, 'timebank.manage');
  return db.transaction(async (tx) => {
    const b = await tx.execute(sql`SELECT b.id FROM timebank_branch b WHERE b.tenant_id = ${actor.tenantId}
      AND b.id = ${branchId} AND ${branchScope(actor, 'timebank.manage')}`);
    if (!b.rows.length) throw fail('TIMEBANK_BRANCH_NOT_FOUND');
    const id = newId();
    const res =
      await tx.execute(sql`INSERT INTO timebank_goods (tenant_id, id, branch_id, name, description, price_hours, stock)
      VALUES (${actor.tenantId}, ${id}, ${branchId}, ${body.name}, ${body.description ?? null}, ${body.priceHours}, ${body.stock})
      RETURNING *`);
    await writeAudit(tx, actor, {
      action: 'timebank.goods_add',
      objectType: 'timebank_goods',
      objectId: id,
      after: body,
    });
    return goodsView(res.rows[0]);
  });
}

function redemptionView(r: any): TimebankRedemptionView {
  return {
    id: r.id,
    code: r.code,
    accountId: r.account_id,
    goods: { id: r.goods_id, name: r.goods_name },
    quantity: Number(r.quantity),
    hours: Number(r.hours),
    status: r.status,
    journalId: r.journal_id,
    createdAt: new Date(r.created_at).toISOString(),
    fulfilledAt: r.fulfilled_at ? new Date(r.fulfilled_at).toISOString() : null,
  };
}

const REDEMPTION_SELECT = sql`SELECT r.*, g.name AS goods_name FROM timebank_redemption r
  JOIN timebank_goods g ON g.tenant_id = r.tenant_id AND g.id = r.goods_id`;

/** Spend hours on goods: stock taken, hours to the branch's fund, a redemption code issued. */
export async function redeemGoods(db: Db, actor: Actor, body: TimebankRedemptionBody): Promise<TimebankRedemptionView> {
  if (!can(actor, 'timebank.transfer')) requirePermission(actor, 'timebank.manage');
  const id = await db.transaction(async (tx) => {
    const perm = can(actor, 'timebank.transfer') ? 'timebank.transfer' : 'timebank.manage';
    const acc = await tx.execute(sql`SELECT a.id FROM ${ACCOUNT_FROM} WHERE a.tenant_id = ${actor.tenantId}
      AND a.id = ${body.accountId} AND ${accountScope(actor, perm)}`);
    if (!acc.rows.length) throw fail('TIMEBANK_ACCOUNT_NOT_FOUND');
    const g = (
      await tx.execute(sql`UPDATE timebank_goods SET stock = stock - ${body.quantity}
        WHERE tenant_id = ${actor.tenantId} AND id = ${body.goodsId} AND active RETURNING stock, price_hours, branch_id, name`)
    ).rows[0] as { stock: number; price_hours: unknown; branch_id: string; name: string } | undefined;
    if (!g) throw invalidFields([{ field: 'goodsId', key: 'unknown_goods' }]);
    if (g.stock < 0) throw fail('TIMEBANK_OUT_OF_STOCK');
    const centi = toCenti(Number(g.price_hours)) * body.quantity;
    const fund = await ensureBranchFund(tx, actor.tenantId, g.branch_id);
    const redemptionId = newId();
    const posted = await postJournal(tx, actor, {
      kind: 'redemption',
      sourceKind: 'redemption',
      sourceId: redemptionId,
      memo: `${g.name} × ${body.quantity}`,
      legs: [
        { accountId: body.accountId, centi: -centi },
        { accountId: fund, centi },
      ],
    });
    await tx.execute(sql`INSERT INTO timebank_redemption (tenant_id, id, code, account_id, goods_id, quantity, hours, journal_id)
      VALUES (${actor.tenantId}, ${redemptionId}, ${newCode()}, ${body.accountId}, ${body.goodsId}, ${body.quantity},
        ${centi / 100}, ${posted.journalId})`);
    await writeAudit(tx, actor, {
      action: 'timebank.redemption',
      objectType: 'timebank_redemption',
      objectId: redemptionId,
      after: { ...body, hours: centi / 100, journalId: posted.journalId },
    });
    return redemptionId;
  });
  const res = await db.execute(sql`${REDEMPTION_SELECT} WHERE r.tenant_id = ${actor.tenantId} AND r.id = ${id}`);
  return redemptionView(res.rows[0]);
}

/** Hand the goods over against a code (once): the branch's station or office. */
export async function fulfilRedemption(db: Db, actor: Actor, code: string): Promise<TimebankRedemptionView> {
  requirePermission(actor, 'timebank.manage');
  return db.transaction(async (tx) => {
    const found =
      await tx.execute(sql`${REDEMPTION_SELECT} JOIN timebank_branch b ON b.tenant_id = g.tenant_id AND b.id = g.branch_id
      WHERE r.tenant_id = ${actor.tenantId} AND r.code = ${code} AND ${branchScope(actor, 'timebank.manage')}`);
    if (!found.rows.length) throw fail('TIMEBANK_REDEMPTION_NOT_FOUND');
    const upd =
      await tx.execute(sql`UPDATE timebank_redemption SET status = 'fulfilled', fulfilled_at = ${sqlTime(actor.now)},
        fulfilled_by = ${actor.accountId} WHERE tenant_id = ${actor.tenantId} AND code = ${code} AND status = 'issued'
      RETURNING id`);
    if (!upd.rows.length) throw fail('TIMEBANK_REDEMPTION_DONE');
    await writeAudit(tx, actor, {
      action: 'timebank.redemption_fulfil',
      objectType: 'timebank_redemption',
      objectId: (found.rows[0] as any).id,
    });
    const res = await tx.execute(sql`${REDEMPTION_SELECT} WHERE r.tenant_id = ${actor.tenantId} AND r.code = ${code}`);
    return redemptionView(res.rows[0]);
  });
}

/** The redemptions of an account the actor may read. */
export async function listRedemptions(db: Db, actor: Actor, accountId: string): Promise<TimebankRedemptionView[]> {
  requirePermission(actor, 'timebank.read');
  // Someone else's account is a 404 as in GET /timebank/accounts/{id}, not an empty list that confirms it exists.
  const readable = await db.execute(sql`SELECT 1 FROM ${ACCOUNT_FROM}
    WHERE a.tenant_id = ${actor.tenantId} AND a.id = ${accountId} AND ${accountScope(actor, 'timebank.read')}`);
  if (!readable.rows.length) throw fail('TIMEBANK_ACCOUNT_NOT_FOUND');
  const res =
    await db.execute(sql`${REDEMPTION_SELECT} JOIN ${ACCOUNT_FROM} ON a.tenant_id = r.tenant_id AND a.id = r.account_id
    WHERE r.tenant_id = ${actor.tenantId} AND r.account_id = ${accountId} AND ${accountScope(actor, 'timebank.read')}
    ORDER BY r.created_at DESC LIMIT 200`);
  return (res.rows as any[]).map(redemptionView);
}
