// Helpers of the time bank and orders tests: volunteers inserted directly (independent of the volunteers
// module's forms), sign-in account ids, and deposits through the module's own function.
import { sql } from 'drizzle-orm';
import { systemActor } from '../../platform/access';
import { newId } from '../../platform/ids';
import { DEMO_PASSWORD, type Session, type TestApp } from '../../test/harness';
import { createAccountRaw } from '../org/tenant.service';
import { depositConfirmedHours } from './timebank-transfer.service';

let serial = 0;

/** The id of a demo sign-in account. */
export async function accountIdOf(t: TestApp, username: string): Promise<string> {
  const res = await t.ctx.db.execute(
    sql`SELECT id FROM account WHERE tenant_id = ${t.tenantId} AND username = ${username}`,
  );
  return (res.rows[0] as { id: string }).id;
}

export interface TestVolunteer {
  name?: string;
  accountId?: string | null;
  regionCode?: string;
  skills?: string[];
  availability?: string[];
  lat?: number | null;
  lng?: number | null;
  siteId?: string | null;
}

/** Insert an active volunteer; its id. */
export async function insertVolunteer(t: TestApp, v: TestVolunteer = {}): Promise<string> {
  const id = newId();
  serial += 1;
  const region =
    v.regionCode ??
    (
      (
        await t.ctx.db.execute(
          sql`SELECT code FROM region WHERE tenant_id = ${t.tenantId} AND level = 'village' ORDER BY code LIMIT 1`,
        )
      ).rows[0] as { code: string }
    ).code;
  await t.ctx.db.execute(sql`INSERT INTO volunteer (tenant_id, id, number, account_id, name, id_card_enc, id_card_hash,
      id_card_masked, skills, availability, region_code, home_lat, home_lng, site_id)
    VALUES (${t.tenantId}, ${id}, ${`VT${String(serial).padStart(8, '0')}${id.slice(-4)}`}, ${v.accountId ?? null},
      ${v.name ?? `测试志愿者${serial}`}, 'enc', ${`hash-${id}`}, '6203**********0000',
      ${sql.param(v.skills ?? [])}::text[], ${sql.param(v.availability ?? [])}::text[], ${region},
      ${v.lat ?? null}, ${v.lng ?? null}, ${v.siteId ?? null})`);
  return id;
}

/** Deposit confirmed hours for a volunteer as the system would; the volunteer's time bank account id. */
export async function deposit(t: TestApp, volunteerId: string, hours: number, sourceId = newId()): Promise<string> {
  const r = await t.ctx.db.transaction((tx) =>
    depositConfirmedHours(tx, systemActor(t.tenantId, 'test', t.ctx.clock.now()), {
      volunteerId,
      hours,
      sourceKind: 'test_hours',
      sourceId,
    }),
  );
  return r.accountId;
}

/** Sum of all entries of the tenant (zero when the ledger balances) and accounts whose balance breaks its limit. */
export async function ledgerHealth(t: TestApp): Promise<{ total: number; belowLimit: number; unbalanced: number }> {
  const res = await t.ctx.db.execute(sql`SELECT
      (SELECT coalesce(sum(amount), 0) FROM timebank_entry WHERE tenant_id = ${t.tenantId}) AS total,
      (SELECT count(*)::int FROM (SELECT a.id FROM timebank_account a JOIN timebank_entry e
          ON e.tenant_id = a.tenant_id AND e.account_id = a.id
        WHERE a.tenant_id = ${t.tenantId} GROUP BY a.id, a.kind
        HAVING (a.kind = 'volunteer' AND sum(e.amount) < 0) OR (a.kind = 'resident' AND sum(e.amount) < -10)) x) AS below,
      (SELECT count(*)::int FROM (SELECT journal_id FROM timebank_entry WHERE tenant_id = ${t.tenantId}
        GROUP BY journal_id HAVING sum(amount) <> 0 OR count(*) < 2) y) AS unbalanced`);
  const r = res.rows[0] as any;
  return { total: Number(r.total), belowLimit: Number(r.below), unbalanced: Number(r.unbalanced) };
}

/** The volunteer record of a demo sign-in account (the demo's own, or one inserted now). */
export async function volunteerOf(t: TestApp, username: string, v: TestVolunteer = {}): Promise<string> {
  const accountId = await accountIdOf(t, username);
  const res = await t.ctx.db.execute(
    sql`SELECT id FROM volunteer WHERE tenant_id = ${t.tenantId} AND account_id = ${accountId}`,
  );
  const found = (res.rows[0] as { id: string } | undefined)?.id;
  if (found) {
    if (v.skills || v.lat != null)
      await t.ctx.db.execute(sql`UPDATE volunteer SET skills = ${sql.param(v.skills ?? [])}::text[],
        home_lat = ${v.lat ?? null}, home_lng = ${v.lng ?? null}, availability = ${sql.param(v.availability ?? [])}::text[]
        WHERE tenant_id = ${t.tenantId} AND id = ${found}`);
    return found;
  }
  return insertVolunteer(t, { ...v, accountId });
}

/** A new sign-in account of a role with the own scope; its session. */
export async function ownSession(t: TestApp, username: string, role: 'volunteer' | 'resident'): Promise<Session> {
  await createAccountRaw(t.ctx.db, t.tenantId, {
    username,
    displayName: `${username}（测试）`,
    password: DEMO_PASSWORD,
    mustChangePassword: false,
    roles: [{ role, scopeKind: 'own', scopeRef: null }],
  });
  return t.login(username);
}

/** A new volunteer with a sign-in account of the volunteer role; its session and volunteer id. */
export async function volunteerSession(
  t: TestApp,
  username: string,
  v: TestVolunteer = {},
): Promise<{ session: Session; volunteerId: string }> {
  const session = await ownSession(t, username, 'volunteer');
  const volunteerId = await insertVolunteer(t, { ...v, accountId: await accountIdOf(t, username) });
  return { session, volunteerId };
}
