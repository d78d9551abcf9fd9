// Movements people make: a transfer to a family member (转赠), a donation to a fund (捐赠); the office's
// reversal of a movement (冲正); family links; and the deposit of confirmed service hours other modules call.
import {
  type TimebankAccountKind,
  type TimebankReversalBody,
  type TimebankTransferBody,
  type TimebankTransferResult,
  reversalLegs,
  toCenti,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { ensureIssuanceAccount, ensureVolunteerAccount, getAccount } from './timebank-accounts.service';
import { journalLegs, postJournal } from './timebank-ledger';
import { ACCOUNT_FROM, accountScope } from './timebank.policy';
import { pauseForTest } from '../../platform/test-pause';

interface AccountRow {
  id: string;
  kind: TimebankAccountKind;
  holder_name: string;
}

/** An account the actor may move hours out of: its own (timebank.transfer) or one in its manage scope. */
async function findSourceAccount(tx: Db, actor: Actor, id: string): Promise<AccountRow | undefined> {
  const scopes = [
    can(actor, 'timebank.transfer') && accountScope(actor, 'timebank.transfer'),
    can(actor, 'timebank.manage') && accountScope(actor, 'timebank.manage'),
  ].filter(Boolean) as ReturnType<typeof sql>[];
  const res = await tx.execute(sql`SELECT a.id, a.kind, a.holder_name FROM ${ACCOUNT_FROM}
    WHERE a.tenant_id = ${actor.tenantId} AND a.id = ${id} AND (${sql.join(scopes, sql` OR `)})`);
  return res.rows[0] as unknown as AccountRow | undefined;
}

async function findAnyAccount(tx: Db, tenantId: string, id: string): Promise<AccountRow | undefined> {
  const res = await tx.execute(
    sql`SELECT id, kind, holder_name FROM timebank_account WHERE tenant_id = ${tenantId} AND id = ${id}`,
  );
  return res.rows[0] as unknown as AccountRow | undefined;
}

async function isFamily(tx: Db, tenantId: string, a: string, b: string): Promise<boolean> {
  const res = await tx.execute(sql`SELECT 1 FROM timebank_family WHERE tenant_id = ${tenantId}
    AND account_id = ${a} AND member_account_id = ${b}`);
  return res.rows.length > 0;
}

/**
 * Move hours from an account to a family member's account or to a fund. 404 for a source outside the actor's
 * scope, 400 for an unknown target, 422 TIMEBANK_NOT_FAMILY / TIMEBANK_INSUFFICIENT_BALANCE. With an
 * Idempotency-Key the movement is posted once even if the platform's replay store is bypassed.
 */
export async function transferHours(
  db: Db,
  actor: Actor,
  body: TimebankTransferBody,
  idempotencyKey: string | null,
): Promise<TimebankTransferResult> {
  if (!can(actor, 'timebank.transfer')) requirePermission(actor, 'timebank.manage');
  if (body.fromAccountId === body.toAccountId) throw fail('TIMEBANK_SAME_ACCOUNT');
  const result = await db.transaction(async (tx) => {
    const from = await findSourceAccount(tx, actor, body.fromAccountId);
    if (!from) throw fail('TIMEBANK_ACCOUNT_NOT_FOUND');
    const to = await findAnyAccount(tx, actor.tenantId, body.toAccountId);
    if (!to || to.kind === 'issuance') throw invalidFields([{ field: 'toAccountId', key: 'unknown_account' }]);
    const kind = to.kind === 'fund' ? 'donation' : 'transfer';
    if (kind === 'transfer' && !can(actor, 'timebank.manage') && !(await isFamily(tx, actor.tenantId, from.id, to.id)))
      throw fail('TIMEBANK_NOT_FAMILY');
    const centi = toCenti(body.hours);
    const posted = await postJournal(tx, actor, {
      kind,
      sourceKind: 'transfer',
      sourceId: idempotencyKey ? `${actor.accountId ?? 'system'}:${idempotencyKey}` : newId(),
      memo: body.memo ?? null,
      legs: [
        { accountId: from.id, centi: -centi },
        { accountId: to.id, centi },
      ],
    });
    await pauseForTest('timebank.transfer'); // the journal and its entries written, the audit event not yet
    if (posted.created)
      await writeAudit(tx, actor, {
        action: `timebank.${kind}`,
        objectType: 'timebank_journal',
        objectId: posted.journalId,
        after: { from: from.id, to: to.id, hours: body.hours, memo: body.memo ?? null },
      });
    return { journalId: posted.journalId, kind, to: { id: to.id, name: to.holder_name } } as const;
  });
  return { ...result, hours: body.hours, from: await getAccount(db, actor, body.fromAccountId) };
}

/** Reverse a movement with a journal of opposite entries (once; a reversal itself is not reversed). */
export async function reverseJournal(
  db: Db,
  actor: Actor,
  journalId: string,
  body: TimebankReversalBody,
): Promise<{ journalId: string; reversesJournalId: string }> {
  requirePermission(actor, 'timebank.manage');
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`SELECT j.id, j.kind, j.reverses_id,
        (SELECT r.id FROM timebank_journal r WHERE r.tenant_id = j.tenant_id AND r.reverses_id = j.id) AS reversed_by
      FROM timebank_journal j WHERE j.tenant_id = ${actor.tenantId} AND j.id = ${journalId}
        AND EXISTS (SELECT 1 FROM timebank_entry e JOIN ${ACCOUNT_FROM} ON a.tenant_id = e.tenant_id AND a.id = e.account_id
          WHERE e.tenant_id = j.tenant_id AND e.journal_id = j.id AND ${accountScope(actor, 'timebank.manage')})`);
    const j = res.rows[0] as { id: string; kind: string; reverses_id: string | null; reversed_by: string | null };
    if (!j) throw fail('TIMEBANK_JOURNAL_NOT_FOUND');
    if (j.kind === 'reversal') throw fail('TIMEBANK_REVERSAL_OF_REVERSAL');
    if (j.reversed_by) throw fail('TIMEBANK_ALREADY_REVERSED', { reversedBy: j.reversed_by });
    const legs = reversalLegs(await journalLegs(tx, actor.tenantId, j.id));
    const posted = await postJournal(tx, actor, {
      kind: 'reversal',
      sourceKind: 'reversal',
      sourceId: j.id,
      reversesId: j.id,
      memo: body.reason,
      legs,
    });
    if (!posted.created) throw fail('TIMEBANK_ALREADY_REVERSED', { reversedBy: posted.journalId });
    await writeAudit(tx, actor, {
      action: 'timebank.reversal',
      objectType: 'timebank_journal',
      objectId: posted.journalId,
      after: { reverses: j.id, reason: body.reason },
    });
    return { journalId: posted.journalId, reversesJournalId: j.id };
  });
}

/** Link two accounts as family (both ways) so that hours may be given between them; office/station only. */
export async function linkFamily(db: Db, actor: Actor, accountId: string, memberAccountId: string): Promise<void> {
  requirePermission(actor, 'timebank.manage');
  if (accountId === memberAccountId) throw invalidFields([{ field: 'memberAccountId', key: 'invalid_value' }]);
  await db.transaction(async (tx) => {
    const own = await tx.execute(sql`SELECT a.id FROM ${ACCOUNT_FROM} WHERE a.tenant_id = ${actor.tenantId}
      AND a.id = ${accountId} AND ${accountScope(actor, 'timebank.manage')}`);
    if (!own.rows.length) throw fail('TIMEBANK_ACCOUNT_NOT_FOUND');
    const m = await findAnyAccount(tx, actor.tenantId, memberAccountId);
    if (!m || !['volunteer', 'resident'].includes(m.kind))
      throw invalidFields([{ field: 'memberAccountId', key: 'unknown_account' }]);
    await tx.execute(sql`INSERT INTO timebank_family (tenant_id, account_id, member_account_id)
      VALUES (${actor.tenantId}, ${accountId}, ${memberAccountId}), (${actor.tenantId}, ${memberAccountId}, ${accountId})
      ON CONFLICT DO NOTHING`);
    await writeAudit(tx, actor, {
      action: 'timebank.family_link',
      objectType: 'timebank_account',
      objectId: accountId,
      after: { memberAccountId },
    });
  });
}

export interface DepositInput {
  volunteerId: string;
  hours: number;
  /** What the hours were confirmed for (e.g. 'activity_signup', 'service_order') and its id. */
  sourceKind: string;
  sourceId: string;
  memo?: string | null;
}

/**
 * Deposit confirmed service hours into the volunteer's account, against the tenant's issuance account, inside
 * the caller's transaction. Idempotent per source: a second call with the same source moves nothing.
 */
export async function depositConfirmedHours(
  tx: Db,
  actor: Actor,
  input: DepositInput,
): Promise<{ journalId: string; created: boolean; accountId: string }> {
  const centi = toCenti(input.hours);
  if (!(centi > 0)) throw invalidFields([{ field: 'hours', key: 'too_small' }]);
  const accountId = await ensureVolunteerAccount(tx, actor.tenantId, input.volunteerId);
  const issuance = await ensureIssuanceAccount(tx, actor.tenantId);
  const posted = await postJournal(tx, actor, {
    kind: 'deposit',
    sourceKind: input.sourceKind,
    sourceId: input.sourceId,
    memo: input.memo ?? null,
    legs: [
      { accountId: issuance, centi: -centi },
      { accountId, centi },
    ],
  });
  if (posted.created)
    await writeAudit(tx, actor, {
      action: 'timebank.deposit',
      objectType: 'timebank_journal',
      objectId: posted.journalId,
      after: { volunteerId: input.volunteerId, hours: input.hours, source: `${input.sourceKind}:${input.sourceId}` },
    });
  return { ...posted, accountId };
}
