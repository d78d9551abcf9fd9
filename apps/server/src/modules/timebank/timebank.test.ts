// The time bank through the routes: balances from entries, transfers within a family and donations to a fund,
// the Idempotency-Key moving hours once, overdraft limits, statements for periods, reversals, redemptions, scope.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { deposit, ledgerHealth, ownSession, volunteerSession } from './test-fixtures';

let t: TestApp;
let admin: Session;
let volunteer: Session;
let resident: Session;
let volAccount: string; // the demo volunteer's time bank account
let resAccount: string;
let fundId: string;

const transfer = (s: Session, payload: Record<string, unknown>, key?: string) =>
  s.inject({
    method: 'POST',
    url: '/api/v1/timebank/transfers',
    payload,
    headers: key ? { 'idempotency-key': key } : {},
  });
const balance = async (s: Session, id: string) =>
  (await s.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${id}` })).json().balance as number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  // Fresh accounts: the demo's volunteers and residents already hold demo hours.
  const v = await volunteerSession(t, 'tb_volunteer');
  volunteer = v.session;
  resident = await ownSession(t, 'tb_resident', 'resident');
  volAccount = await deposit(t, v.volunteerId, 6);
  const opened = await resident.inject({ method: 'POST', url: '/api/v1/timebank/accounts/mine' });
  expect(opened.statusCode, opened.body).toBe(200);
  resAccount = opened.json().id;
  const funds = await admin.inject({ method: 'GET', url: '/api/v1/timebank/accounts?kind=fund' });
  fundId = funds.json().items[0].id;
}, 600_000);
afterAll(() => t?.close());

describe('accounts', () => {
  it('needs sign-in, reads balances derived from entries, and hides others\u2019 accounts (404)', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${volAccount}` })).statusCode).toBe(
      401,
    );
    const mine = await volunteer.inject({ method: 'GET', url: '/api/v1/timebank/accounts/mine' });
    expect(mine.json().map((a: any) => a.id)).toContain(volAccount);
    expect(await balance(volunteer, volAccount)).toBe(6);
    expect((await resident.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${volAccount}` })).statusCode).toBe(
      404,
    );
    const list = await resident.inject({ method: 'GET', url: '/api/v1/timebank/accounts' });
    expect(list.json().items.map((a: any) => a.id)).toEqual([resAccount]);
    const again = await resident.inject({ method: 'POST', url: '/api/v1/timebank/accounts/mine' });
    expect(again.json().id).toBe(resAccount);
    expect(again.json()).toMatchObject({ kind: 'resident', overdraftLimit: -10, available: 10 });
  });

  it('names the funds to everyone who may donate, without opening their accounts', async () => {
    const funds = await volunteer.inject({ method: 'GET', url: '/api/v1/timebank/funds' });
    expect(funds.statusCode).toBe(200);
    expect(funds.json().map((f: any) => f.id)).toContain(fundId);
    expect(Object.keys(funds.json()[0]).sort()).toEqual(['id', 'name']);
    expect((await volunteer.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${fundId}` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/timebank/funds' })).statusCode).toBe(401);
  });
});

describe('POST /timebank/transfers', () => {
  it('refuses bad input naming the field (400), a stranger (422 not family) and a missing target', async () => {
    const bad = await transfer(volunteer, { fromAccountId: volAccount, toAccountId: resAccount, hours: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: any) => f.field)).toContain('hours');
    const notFamily = await transfer(volunteer, { fromAccountId: volAccount, toAccountId: resAccount, hours: 1 });
    expect(notFamily.statusCode).toBe(422);
    expect(notFamily.json().error.code).toBe('TIMEBANK_NOT_FAMILY');
    const other = await transfer(resident, { fromAccountId: volAccount, toAccountId: resAccount, hours: 1 });
    expect(other.statusCode).toBe(404);
    expect(await balance(volunteer, volAccount)).toBe(6);
  });

  it('moves hours to a family member once for the same Idempotency-Key', async () => {
    const link = await admin.inject({
      method: 'POST',
      url: `/api/v1/timebank/accounts/${volAccount}/family`,
      payload: { memberAccountId: resAccount },
    });
    expect(link.statusCode, link.body).toBe(200);
    const body = { fromAccountId: volAccount, toAccountId: resAccount, hours: 1.5, memo: '给母亲' };
    const first = await transfer(volunteer, body, 'tb-key-1');
    expect(first.statusCode, first.body).toBe(201);
    const second = await transfer(volunteer, body, 'tb-key-1');
    expect(second.statusCode).toBe(201);
    expect(second.json().journalId).toBe(first.json().journalId);
    expect(await balance(volunteer, volAccount)).toBe(4.5);
    expect(await balance(resident, resAccount)).toBe(1.5);
    const journals = await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM timebank_entry
      WHERE tenant_id = ${t.tenantId} AND journal_id = ${first.json().journalId}`);
    expect((journals.rows[0] as any).n).toBe(2);
  });

  it('refuses an overdraft past the account\u2019s limit with a clear message, in the user\u2019s language', async () => {
    const over = await volunteer.inject({
      method: 'POST',
      url: '/api/v1/timebank/transfers',
      payload: { fromAccountId: volAccount, toAccountId: fundId, hours: 5 },
      headers: { 'accept-language': 'en' },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.code).toBe('TIMEBANK_INSUFFICIENT_BALANCE');
    expect(over.json().error.message).toMatch(/Not enough hours/);
    expect(over.json().error.details).toMatchObject({ balance: 4.5, limit: 0, requested: 5 });
    // A resident may overdraw to −10 h (先享后存), and not further.
    const ok = await transfer(resident, { fromAccountId: resAccount, toAccountId: fundId, hours: 11.5 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().kind).toBe('donation');
    expect(await balance(resident, resAccount)).toBe(-10);
    const no = await transfer(resident, { fromAccountId: resAccount, toAccountId: fundId, hours: 0.01 });
    expect(no.statusCode).toBe(422);
  });
});

describe('statements and reversals', () => {
  it('gives opening, entries and closing balances for any period', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const st = await volunteer.inject({
      method: 'GET',
      url: `/api/v1/timebank/accounts/${volAccount}/statement?from=2020-01-01&to=${today}`,
    });
    expect(st.statusCode, st.body).toBe(200);
    const s = st.json();
    expect(s.openingBalance).toBe(0);
    expect(s.entries.map((e: any) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ['deposit', 6, 6],
      ['transfer', -1.5, 4.5],
    ]);
    expect(s.entries[1].counterparties).toHaveLength(1);
    expect(s).toMatchObject({ closingBalance: 4.5, totalIn: 6, totalOut: 1.5 });
    const before = await volunteer.inject({
      method: 'GET',
      url: '/api/v1/timebank/accounts/' + volAccount + '/statement?from=2020-01-01&to=2020-12-31',
    });
    expect(before.json()).toMatchObject({ openingBalance: 0, closingBalance: 0, entries: [] });
    const after = await volunteer.inject({
      method: 'GET',
      url: `/api/v1/timebank/accounts/${volAccount}/statement?from=2099-01-01&to=2099-01-31`,
    });
    expect(after.json()).toMatchObject({ openingBalance: 4.5, closingBalance: 4.5, entries: [] });
    const wrong = await volunteer.inject({
      method: 'GET',
      url: `/api/v1/timebank/accounts/${volAccount}/statement?from=2024-02-01&to=2024-01-01`,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0].field).toBe('to');
  });

  it('corrects by a reversing journal, once; entries are never updated or deleted', async () => {
    const st = (
      await volunteer.inject({
        method: 'GET',
        url: `/api/v1/timebank/accounts/${volAccount}/statement?from=2020-01-01`,
      })
    ).json();
    const transferJournal = st.entries.find((e: any) => e.kind === 'transfer').journalId;
    const url = `/api/v1/timebank/journals/${transferJournal}/reversal`;
    expect((await volunteer.inject({ method: 'POST', url, payload: { reason: '误操作' } })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(400);
    // The resident overdrew into the fund: reversing their donation first makes room for this reversal.
    const rev = await admin.inject({ method: 'POST', url, payload: { reason: '误操作' } });
    expect(rev.statusCode, rev.body).toBe(422);
    expect(rev.json().error.code).toBe('TIMEBANK_INSUFFICIENT_BALANCE');
    const donation = (
      await resident.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${resAccount}/statement?from=2020-01-01` })
    )
      .json()
      .entries.find((e: any) => e.kind === 'donation').journalId;
    expect(
      (
        await admin.inject({
          method: 'POST',
          url: `/api/v1/timebank/journals/${donation}/reversal`,
          payload: { reason: '捐赠撤回' },
        })
      ).statusCode,
    ).toBe(201);
    const ok = await admin.inject({ method: 'POST', url, payload: { reason: '误操作' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await balance(volunteer, volAccount)).toBe(6);
    expect(await balance(resident, resAccount)).toBe(0);
    const again = await admin.inject({ method: 'POST', url, payload: { reason: '再次' } });
    expect(again.statusCode).toBe(409);
    const ofReversal = await admin.inject({
      method: 'POST',
      url: `/api/v1/timebank/journals/${ok.json().journalId}/reversal`,
      payload: { reason: 'x' },
    });
    expect(ofReversal.json().error.code).toBe('TIMEBANK_REVERSAL_OF_REVERSAL');
    await expect(
      t.ctx.db.execute(sql`UPDATE timebank_entry SET amount = 100 WHERE tenant_id = ${t.tenantId}`),
    ).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`DELETE FROM timebank_journal WHERE tenant_id = ${t.tenantId}`)).rejects.toThrow();
    expect(await ledgerHealth(t)).toEqual({ total: 0, belowLimit: 0, unbalanced: 0 });
  });

  it('refuses an unbalanced journal at commit', async () => {
    const jid = '01900000-0000-7000-8000-000000000001';
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO timebank_journal (tenant_id, id, kind, source_kind, source_id, created_by_name)
          VALUES (${t.tenantId}, ${jid}, 'deposit', 'bad', 'bad', 'test')`);
        await tx.execute(sql`INSERT INTO timebank_entry (tenant_id, journal_id, account_id, amount)
          VALUES (${t.tenantId}, ${jid}, ${volAccount}, 1)`);
      }),
    ).rejects.toThrow();
    expect(await balance(volunteer, volAccount)).toBe(6);
  });
});

describe('branches, goods and redemptions', () => {
  it('shows branch statements, sells goods for hours with a code the station fulfils once', async () => {
    const station = await t.login('station_admin');
    const branches = (await station.inject({ method: 'GET', url: '/api/v1/timebank/branches' })).json();
    const head = branches.find((b: any) => b.kind === 'head');
    expect(head).toBeTruthy();
    expect(branches.some((b: any) => b.kind === 'branch' && b.parentId === head.id)).toBe(true);
    const goods = (await volunteer.inject({ method: 'GET', url: `/api/v1/timebank/branches/${head.id}/goods` })).json();
    const soap = goods.find((g: any) => g.priceHours === 2);
    const red = await volunteer.inject({
      method: 'POST',
      url: '/api/v1/timebank/redemptions',
      payload: { accountId: volAccount, goodsId: soap.id, quantity: 2 },
    });
    expect(red.statusCode, red.body).toBe(201);
    expect(red.json()).toMatchObject({ hours: 4, status: 'issued' });
    expect(await balance(volunteer, volAccount)).toBe(2);
    const code = red.json().code;
    const f1 = await station.inject({ method: 'POST', url: `/api/v1/timebank/redemptions/${code}/fulfil` });
    expect(f1.statusCode, f1.body).toBe(200);
    expect(
      (await station.inject({ method: 'POST', url: `/api/v1/timebank/redemptions/${code}/fulfil` })).statusCode,
    ).toBe(409);
    const st = await station.inject({
      method: 'GET',
      url: `/api/v1/timebank/branches/${head.id}/statement?from=2020-01-01`,
    });
    expect(st.statusCode, st.body).toBe(200);
    expect(st.json().byKind.map((k: any) => k.kind)).toContain('redemption');
    expect((await admin.inject({ method: 'GET', url: `/api/v1/timebank/branches/${head.id}` })).statusCode).toBe(404);
  });
});
