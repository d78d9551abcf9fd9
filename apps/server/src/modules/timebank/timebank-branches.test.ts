// Time bank branches from the UI (issue 18): opening a head branch and grid branches, managers, accounts opening
// in the branch of the holder's grid, moving an account with its balance through a journal, the monthly
// reconciliation, and many moves at once leaving every branch and the whole bank in balance.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/sql';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { accountIdOf, deposit, insertVolunteer, ledgerHealth } from './test-fixtures';

let t: TestApp;
let admin: Session;
let head: { id: string; regionCode: string };
let grids: { id: string; name: string; gridId: string }[];

/** Per branch: its ledger (sum of its entries) against what its accounts hold; and the whole bank's sum. */
async function branchBalances() {
  const perBranch = await rows<{ branch_id: string | null; ledger: string; holdings: string }>(
    t.ctx.db,
    sql`SELECT coalesce(l.b, h.b)::text AS branch_id, coalesce(l.s, 0) AS ledger, coalesce(h.s, 0) AS holdings
      FROM (SELECT coalesce(branch_id::text, '-') AS b, sum(amount) AS s FROM timebank_entry
          WHERE tenant_id = ${t.tenantId} GROUP BY 1) l
      FULL JOIN (SELECT coalesce(a.branch_id::text, '-') AS b, sum(e.amount) AS s FROM timebank_entry e
          JOIN timebank_account a ON a.tenant_id = e.tenant_id AND a.id = e.account_id
          WHERE e.tenant_id = ${t.tenantId} GROUP BY 1) h ON l.b = h.b`,
  );
  return perBranch.map((r) => ({
    branch: r.branch_id,
    diff: Math.round((Number(r.ledger) - Number(r.holdings)) * 100),
  }));
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const branches = (await admin.inject({ method: 'GET', url: '/api/v1/timebank/branches' })).json();
  head = branches.find((b: any) => b.kind === 'head');
  grids = branches
    .filter((b: any) => b.kind === 'branch' && b.parentId === head.id)
    .map((b: any) => ({ id: b.id, name: b.name, gridId: b.gridId }));
}, 600_000);
afterAll(() => t?.close());

describe('creating branches', () => {
  it('opens a head branch once per community, then grid branches under it; 409 twice, 422 without a head', async () => {
    const exists = await admin.inject({
      method: 'POST',
      url: '/api/v1/timebank/branches',
      payload: { kind: 'head', name: '重复总行', regionCode: head.regionCode },
    });
    expect(exists.statusCode).toBe(409);
    expect(exists.json().error.code).toBe('TIMEBANK_BRANCH_EXISTS');
    const other = await rows<{ code: string; grid_id: string; grid_name: string }>(
      t.ctx.db,
      sql`SELECT g.region_code AS code, g.id AS grid_id, g.name AS grid_name FROM grid g
        WHERE g.tenant_id = ${t.tenantId} AND g.region_code <> ${head.regionCode}
          AND NOT EXISTS (SELECT 1 FROM timebank_branch b WHERE b.tenant_id = g.tenant_id AND b.region_code = g.region_code)
        ORDER BY g.code LIMIT 1`,
    );
    expect(other.length).toBe(1);
    const noHead = await admin.inject({
      method: 'POST',
      url: '/api/v1/timebank/branches',
      payload: { kind: 'branch', name: '新分行', gridId: other[0].grid_id },
    });
    expect(noHead.statusCode).toBe(422);
    expect(noHead.json().error.code).toBe('TIMEBANK_HEAD_BRANCH_MISSING');
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/timebank/branches',
      payload: { kind: 'head', name: '测试社区时间银行总行', regionCode: other[0].code },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'head', regionCode: other[0].code, accounts: 0, balance: 0 });
    const branch = await admin.inject({
      method: 'POST',
      url: '/api/v1/timebank/branches',
      payload: { kind: 'branch', name: `${other[0].grid_name}分行`, gridId: other[0].grid_id },
    });
    expect(branch.statusCode, branch.body).toBe(201);
    expect(branch.json().parentId).toBe(created.json().id);
    const twice = await admin.inject({
      method: 'POST',
      url: '/api/v1/timebank/branches',
      payload: { kind: 'branch', name: '又一个', gridId: other[0].grid_id },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('names the bad field (400) and refuses those who may not manage (403)', async () => {
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/timebank/branches',
      payload: { kind: 'head', name: '', regionCode: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'regionCode']));
    const unknownGrid = await admin.inject({
      method: 'POST',
      url: '/api/v1/timebank/branches',
      payload: { kind: 'branch', name: '无此网格', gridId: '01900000-0000-7000-8000-0000000000aa' },
    });
    expect(unknownGrid.statusCode).toBe(400);
    const vol = await t.login('volunteer');
    const denied = await vol.inject({
      method: 'POST',
      url: '/api/v1/timebank/branches',
      payload: { kind: 'head', name: '无权', regionCode: head.regionCode },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('renames a branch and sets its managers (unknown account: 400)', async () => {
    const renamed = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/timebank/branches/${grids[0].id}`,
      payload: { name: `${grids[0].name}（改）` },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe(`${grids[0].name}（改）`);
    const manager = await accountIdOf(t, 'station_admin');
    const set = await admin.inject({
      method: 'PUT',
      url: `/api/v1/timebank/branches/${grids[0].id}/managers`,
      payload: { accountIds: [manager] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().map((m: any) => m.accountId)).toEqual([manager]);
    const listed = (await admin.inject({ method: 'GET', url: '/api/v1/timebank/branches' })).json();
    expect(listed.find((b: any) => b.id === grids[0].id).managers.map((m: any) => m.accountId)).toEqual([manager]);
    const unknown = await admin.inject({
      method: 'PUT',
      url: `/api/v1/timebank/branches/${grids[0].id}/managers`,
      payload: { accountIds: ['01900000-0000-7000-8000-0000000000bb'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].field).toBe('accountIds');
  });
});

describe('accounts in branches', () => {
  it('opens an account in the branch of the grid nearest the holder\u2019s home', async () => {
    const g = await rows<{ center_lat: number; center_lng: number; id: string }>(
      t.ctx.db,
      sql`SELECT center_lat, center_lng, id FROM grid WHERE tenant_id = ${t.tenantId} AND id = ${grids.at(-1)!.gridId}`,
    );
    expect(g[0].center_lat).not.toBeNull();
    const v = await insertVolunteer(t, {
      regionCode: head.regionCode,
      lat: Number(g[0].center_lat),
      lng: Number(g[0].center_lng),
    });
    const account = await deposit(t, v, 2);
    const got = (await admin.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${account}` })).json();
    expect(got.branch.id).toBe(grids.at(-1)!.id);
  });

  it('moves an account with its balance through a journal: the balance stays, the branches shift', async () => {
    const v = await insertVolunteer(t, { regionCode: head.regionCode });
    const account = await deposit(t, v, 3.5);
    const before = (await admin.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${account}` })).json();
    const target = grids.find((g) => g.id !== before.branch?.id)!;
    const moved = await admin.inject({
      method: 'POST',
      url: `/api/v1/timebank/accounts/${account}/move`,
      payload: { branchId: target.id, memo: '搬家' },
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json()).toMatchObject({ hours: 3.5, toBranch: { id: target.id } });
    expect(moved.json().journalId).toBeTruthy();
    const after = (await admin.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${account}` })).json();
    expect(after.balance).toBe(3.5);
    expect(after.branch.id).toBe(target.id);
    const again = await admin.inject({
      method: 'POST',
      url: `/api/v1/timebank/accounts/${account}/move`,
      payload: { branchId: target.id },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('TIMEBANK_SAME_BRANCH');
    const elsewhere = (await admin.inject({ method: 'GET', url: '/api/v1/timebank/branches' }))
      .json()
      .find((b: any) => b.regionCode !== head.regionCode);
    const other = await admin.inject({
      method: 'POST',
      url: `/api/v1/timebank/accounts/${account}/move`,
      payload: { branchId: elsewhere.id },
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('TIMEBANK_BRANCH_OTHER_COMMUNITY');
    const statement = (
      await admin.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${account}/statement` })
    ).json();
    expect(statement.entries.filter((e: any) => e.kind === 'branch_move').length).toBe(2);
    expect(statement.closingBalance).toBe(3.5);
    expect((await branchBalances()).every((b) => b.diff === 0)).toBe(true);
  });

  it('reconciles the month: every branch agrees with its accounts and the bank sums to zero', async () => {
    const rec = await admin.inject({ method: 'GET', url: '/api/v1/timebank/reconciliation' });
    expect(rec.statusCode, rec.body).toBe(200);
    const body = rec.json();
    expect(body.bankNet).toBe(0);
    expect(body.bankClosing).toBe(0);
    expect(body.rows.length).toBeGreaterThan(2);
    for (const r of body.rows) expect(r.difference).toBe(0);
    const moved = body.rows.find((r: any) => r.movedIn > 0);
    expect(moved).toBeTruthy();
    expect(
      (await admin.inject({ method: 'GET', url: '/api/v1/timebank/reconciliation?month=2026-13' })).statusCode,
    ).toBe(400);
  });
});

describe('many moves at once', () => {
  it('200 concurrent cross-branch moves (with deposits beside them) leave every branch and the bank at zero', async () => {
    const targets = [head.id, ...grids.map((g) => g.id)];
    const accounts: string[] = [];
    const vols: string[] = [];
    for (let i = 0; i < 20; i++) {
      const v = await insertVolunteer(t, { regionCode: head.regionCode });
      vols.push(v);
      accounts.push(await deposit(t, v, 1 + (i % 5)));
    }
    const moves = Array.from({ length: 200 }, (_, i) =>
      admin.inject({
        method: 'POST',
        url: `/api/v1/timebank/accounts/${accounts[i % accounts.length]}/move`,
        payload: { branchId: targets[(i * 7 + Math.floor(i / accounts.length)) % targets.length] },
      }),
    );
    const deposits = vols.map((v) => deposit(t, v, 0.5));
    const results = await Promise.all([...moves, ...deposits]);
    const codes = results.slice(0, 200).map((r: any) => r.statusCode);
    // A move to the branch the account is already in is refused; every other one goes through.
    expect(codes.every((c: number) => c === 201 || c === 422)).toBe(true);
    expect(codes.filter((c: number) => c === 201).length).toBeGreaterThan(100);
    expect((await branchBalances()).filter((b) => b.diff !== 0)).toEqual([]);
    expect(await ledgerHealth(t)).toEqual({ total: 0, belowLimit: 0, unbalanced: 0 });
    const rec = (await admin.inject({ method: 'GET', url: '/api/v1/timebank/reconciliation' })).json();
    expect(rec.bankNet).toBe(0);
    expect(rec.bankClosing).toBe(0);
    expect(rec.rows.every((r: any) => r.difference === 0)).toBe(true);
  }, 300_000);
});
