// Paying a volunteer for a completed service order. The resident pays from their own account when they chose to
// (payWithHours) and their overdraft limit allows; otherwise the community's fund (the head branch of the order's
// community or site) pays; where there is no branch yet, the tenant's issuance account does, as for activity hours.
import { isWithinLimit, toCenti } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import {
  ensureBranchFund,
  ensureIssuanceAccount,
  ensureResidentAccount,
  ensureVolunteerAccount,
} from './timebank-accounts.service';
import { balanceCenti, postJournal } from './timebank-ledger';

export interface OrderPaymentInput {
  orderId: string;
  /** Completions of one order are numbered: a returned order served again pays again. */
  round: number;
  volunteerId: string;
  hours: number;
  regionCode: string;
  siteId: string;
  /** The resident's sign-in account when they pay with their own hours. */
  residentAccountId: string | null;
}

async function communityFund(tx: Db, tenantId: string, regionCode: string, siteId: string): Promise<string | null> {
  const res = await tx.execute(sql`SELECT id FROM timebank_branch WHERE tenant_id = ${tenantId} AND kind = 'head'
      AND (region_code = ${regionCode} OR site_id = ${siteId})
    ORDER BY (region_code = ${regionCode}) DESC, created_at LIMIT 1`);
  const branch = (res.rows[0] as { id: string } | undefined)?.id;
  return branch ? ensureBranchFund(tx, tenantId, branch) : null;
}

/** Pay the volunteer's hours for an order inside the caller's transaction; once per order and round. */
export async function payForServiceOrder(
  tx: Db,
  actor: Actor,
  p: OrderPaymentInput,
): Promise<{ journalId: string; payer: 'resident' | 'fund' | 'issuance' }> {
  const centi = toCenti(p.hours);
  const volunteerAccount = await ensureVolunteerAccount(tx, actor.tenantId, p.volunteerId);
  let payer: 'resident' | 'fund' | 'issuance' = 'fund';
  let payerAccount: string | null = null;
  if (p.residentAccountId) {
    const resident = await ensureResidentAccount(tx, actor.tenantId, p.residentAccountId);
    await tx.execute(
      sql`SELECT id FROM timebank_account WHERE tenant_id = ${actor.tenantId} AND id = ${resident} FOR UPDATE`,
    );
    if (isWithinLimit('resident', (await balanceCenti(tx, actor.tenantId, resident)) - centi)) {
      payer = 'resident';
      payerAccount = resident;
    }
  }
  if (!payerAccount) payerAccount = await communityFund(tx, actor.tenantId, p.regionCode, p.siteId);
  if (!payerAccount) {
    payer = 'issuance';
    payerAccount = await ensureIssuanceAccount(tx, actor.tenantId);
  }
  const posted = await postJournal(tx, actor, {
    kind: 'service',
    sourceKind: 'service_order',
    sourceId: `${p.orderId}:${p.round}`,
    memo: null,
    legs: [
      { accountId: payerAccount, centi: -centi },
      { accountId: volunteerAccount, centi },
    ],
  });
  if (posted.created) {
    // Service hours are one figure: confirmed activity hours plus hours paid for orders (我的服务时长 = 时间银行所得).
    await tx.execute(sql`UPDATE volunteer SET confirmed_hours = confirmed_hours + ${p.hours}
      WHERE tenant_id = ${actor.tenantId} AND id = ${p.volunteerId}`);
    await writeAudit(tx, actor, {
      action: 'timebank.service',
      objectType: 'timebank_journal',
      objectId: posted.journalId,
      after: { orderId: p.orderId, round: p.round, hours: p.hours, payer, volunteerId: p.volunteerId },
    });
  }
  return { journalId: posted.journalId, payer };
}
