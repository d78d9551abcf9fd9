// Time bank accounts: opened on first need (the issuance account, a volunteer's, a resident's, a branch's fund),
// read with balances derived from their entries, and listed within the reader's scope.
import {
  type Page,
  type TimebankAccountKind,
  type TimebankAccountListQuery,
  type TimebankRef,
  type TimebankAccountView,
  timebankOverdraftLimits,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { branchForHolder } from './timebank-branches.repository';
import { ACCOUNT_FROM, accountScope } from './timebank.policy';

const round2 = (n: number) => Math.round(n * 100) / 100;

async function insertAccount(
  tx: Db,
  tenantId: string,
  a: {
    kind: TimebankAccountKind;
    holderName: string;
    branchId: string | null;
    volunteerId?: string;
    accountId?: string;
  },
  conflict: ReturnType<typeof sql>,
): Promise<string> {
  const res =
    await tx.execute(sql`INSERT INTO timebank_account (tenant_id, id, kind, holder_name, branch_id, volunteer_id, account_id)
    VALUES (${tenantId}, ${newId()}, ${a.kind}, ${a.holderName}, ${a.branchId}, ${a.volunteerId ?? null}, ${a.accountId ?? null})
    ON CONFLICT ${conflict} DO NOTHING RETURNING id`);
  return (res.rows[0] as { id: string } | undefined)?.id ?? '';
}

/** The tenant's issuance account, the counter-side of deposits of service hours (opened once). */
export async function ensureIssuanceAccount(tx: Db, tenantId: string): Promise<string> {
  const find = async () =>
    (
      (await tx.execute(sql`SELECT id FROM timebank_account WHERE tenant_id = ${tenantId} AND kind = 'issuance'`))
        .rows[0] as { id: string } | undefined
    )?.id;
  const found = await find();
  if (found) return found;
  await insertAccount(
    tx,
    tenantId,
    { kind: 'issuance', holderName: '时间发行账户', branchId: null },
    sql`(tenant_id) WHERE kind = 'issuance'`,
  );
  return (await find())!;
}

/** A volunteer's account (opened on first need in the branch of the grid nearest the volunteer's home). */
export async function ensureVolunteerAccount(tx: Db, tenantId: string, volunteerId: string): Promise<string> {
  const find = async () =>
    (
      (
        await tx.execute(
          sql`SELECT id FROM timebank_account WHERE tenant_id = ${tenantId} AND volunteer_id = ${volunteerId}`,
        )
      ).rows[0] as { id: string } | undefined
    )?.id;
  const found = await find();
  if (found) return found;
  const v = (
    await tx.execute(sql`SELECT name, account_id, region_code, home_lat, home_lng FROM volunteer
      WHERE tenant_id = ${tenantId} AND id = ${volunteerId}`)
  ).rows[0] as
    | { name: string; account_id: string | null; region_code: string; home_lat: number | null; home_lng: number | null }
    | undefined;
  if (!v) throw fail('VOLUNTEER_NOT_FOUND');
  await insertAccount(
    tx,
    tenantId,
    {
      kind: 'volunteer',
      holderName: v.name,
      branchId: await branchForHolder(tx, tenantId, v.region_code, {
        lat: v.home_lat == null ? null : Number(v.home_lat),
        lng: v.home_lng == null ? null : Number(v.home_lng),
      }),
      volunteerId,
      accountId: v.account_id ?? undefined,
    },
    sql`(tenant_id, volunteer_id)`,
  );
  return (await find())!;
}

/** A resident's account, keyed by the sign-in account (opened in the head branch of the person's community). */
export async function ensureResidentAccount(tx: Db, tenantId: string, accountId: string): Promise<string> {
  const find = async () =>
    (
      (
        await tx.execute(sql`SELECT id FROM timebank_account WHERE tenant_id = ${tenantId}
          AND kind = 'resident' AND account_id = ${accountId}`)
      ).rows[0] as { id: string } | undefined
    )?.id;
  const found = await find();
  if (found) return found;
  const who = (
    await tx.execute(sql`SELECT ac.display_name, p.name, p.region_code FROM account ac
      LEFT JOIN person p ON p.tenant_id = ac.tenant_id AND p.id = ac.person_id
      WHERE ac.tenant_id = ${tenantId} AND ac.id = ${accountId}`)
  ).rows[0] as { display_name: string; name: string | null; region_code: string | null } | undefined;
  if (!who) throw fail('ACCOUNT_NOT_FOUND');
  await insertAccount(
    tx,
    tenantId,
    {
      kind: 'resident',
      holderName: who.name ?? who.display_name,
      branchId: await branchForHolder(tx, tenantId, who.region_code),
      accountId,
    },
    sql`(tenant_id, kind, account_id)`,
  );
  return (await find())!;
}

/** The fund account of a head branch (the first one opened there); opened on first need. */
export async function ensureBranchFund(tx: Db, tenantId: string, branchId: string, name = '公益基金'): Promise<string> {
  const res = await tx.execute(sql`SELECT id FROM timebank_account WHERE tenant_id = ${tenantId}
    AND kind = 'fund' AND branch_id = ${branchId} ORDER BY created_at LIMIT 1`);
  const found = (res.rows[0] as { id: string } | undefined)?.id;
  if (found) return found;
  const id = newId();
  await tx.execute(sql`INSERT INTO timebank_account (tenant_id, id, kind, holder_name, branch_id)
    VALUES (${tenantId}, ${id}, 'fund', ${name}, ${branchId})`);
  return id;
}

const COLUMNS = sql`a.id, a.kind, a.holder_name, a.volunteer_id, a.account_id, a.created_at, b.id AS branch_id,
  b.name AS branch_name,
  (SELECT coalesce(sum(e.amount), 0) FROM timebank_entry e WHERE e.tenant_id = a.tenant_id AND e.account_id = a.id) AS balance`;

function toView(r: any, family: { id: string; name: string }[] = []): TimebankAccountView {
  const kind = r.kind as TimebankAccountKind;
  const limit = timebankOverdraftLimits[kind];
  const balance = round2(Number(r.balance));
  return {
    id: r.id,
    kind,
    holderName: r.holder_name,
    volunteerId: r.volunteer_id,
    accountId: r.account_id,
    branch: r.branch_id ? { id: r.branch_id, name: r.branch_name } : null,
    balance,
    overdraftLimit: limit,
    available: limit === null ? null : round2(balance - limit),
    family,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** One account with its balance and family, when the actor may read it; 404 otherwise. */
export async function getAccount(db: Db, actor: Actor, id: string): Promise<TimebankAccountView> {
  requirePermission(actor, 'timebank.read');
  const res = await db.execute(sql`SELECT ${COLUMNS} FROM ${ACCOUNT_FROM}
    WHERE a.tenant_id = ${actor.tenantId} AND a.id = ${id} AND ${accountScope(actor, 'timebank.read')}`);
  if (!res.rows.length) throw fail('TIMEBANK_ACCOUNT_NOT_FOUND');
  const fam = await db.execute(sql`SELECT m.id, m.holder_name FROM timebank_family f
    JOIN timebank_account m ON m.tenant_id = f.tenant_id AND m.id = f.member_account_id
    WHERE f.tenant_id = ${actor.tenantId} AND f.account_id = ${id} ORDER BY m.holder_name`);
  return toView(
    res.rows[0],
    (fam.rows as any[]).map((f) => ({ id: f.id, name: f.holder_name })),
  );
}

/** The accounts the actor may read: its own, or its site's / region's branches, with balances. */
export async function listAccounts(
  db: Db,
  actor: Actor,
  q: TimebankAccountListQuery,
): Promise<Page<TimebankAccountView>> {
  requirePermission(actor, 'timebank.read');
  const where = allOf(
    sql`a.tenant_id = ${actor.tenantId}`,
    accountScope(actor, 'timebank.read'),
    q.kind && sql`a.kind = ${q.kind}`,
    !!q.branchId && sql`a.branch_id = ${q.branchId}`,
    !!q.q && sql`a.holder_name LIKE ${`%${q.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
  );
  return queryPage(
    db,
    { columns: COLUMNS, from: ACCOUNT_FROM, where, orderBy: sql`a.kind, a.holder_name, a.id` },
    q,
    (r) => toView(r),
  );
}

/** The actor's own accounts (a volunteer may hold a volunteer and a resident account), opening none. */
export async function myAccounts(db: Db, actor: Actor): Promise<TimebankAccountView[]> {
  requirePermission(actor, 'timebank.read');
  if (!actor.accountId) return [];
  const res = await db.execute(sql`SELECT ${COLUMNS} FROM ${ACCOUNT_FROM}
    WHERE a.tenant_id = ${actor.tenantId} AND a.account_id = ${actor.accountId} ORDER BY a.kind DESC, a.id`);
  return (res.rows as any[]).map((r) => toView(r));
}

/** Open the actor's account: a volunteer's when registered as one, a resident's otherwise (idempotent). */
export async function openMyAccount(db: Db, actor: Actor): Promise<TimebankAccountView> {
  requirePermission(actor, 'timebank.read');
  if (!actor.accountId) throw fail('FORBIDDEN');
  const accountId = actor.accountId;
  const id = await db.transaction(async (tx) => {
    const v = (
      await tx.execute(sql`SELECT id FROM volunteer WHERE tenant_id = ${actor.tenantId} AND account_id = ${accountId}`)
    ).rows[0] as { id: string } | undefined;
    return v ? ensureVolunteerAccount(tx, actor.tenantId, v.id) : ensureResidentAccount(tx, actor.tenantId, accountId);
  });
  return getAccount(db, actor, id);
}

/**
 * The tenant's funds, by name: where anyone with a time-bank account may donate hours (捐赠). Names and branches
 * only — a volunteer's own scope does not reach the funds' balances or statements.
 */
export async function listFunds(db: Db, actor: Actor): Promise<TimebankRef[]> {
  requirePermission(actor, 'timebank.read');
  const res = await db.execute(sql`SELECT a.id, a.holder_name AS name FROM timebank_account a
    WHERE a.tenant_id = ${actor.tenantId} AND a.kind = 'fund' ORDER BY a.holder_name, a.id LIMIT 200`);
  return (res.rows as Array<{ id: string; name: string }>).map((r) => ({ id: r.id, name: r.name }));
}
