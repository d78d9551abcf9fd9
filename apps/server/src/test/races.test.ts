// Issue 13, races: many requests for one thing at the same moment, on PGlite and on PostgreSQL
// (WENMING_TEST_ENGINE=postgres): one order accepted by 50 volunteers, one time-bank account drained by 50
// transfers, one Idempotency-Key sent 20 times, one activity signed up for 20 times by the same person. Each
// happens exactly once, and the time-bank ledger still sums to zero with every journal balanced.
// (These gather and scale up the smaller races of order-flow (8 volunteers), timebank (12 transfers) and
// idempotency (5 resends) tests, which moved here.)
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity, stationSite, volunteerSessions } from '../modules/activities/test-fixtures';
import { createAccountRaw } from '../modules/org/tenant.service';
import { act, centre, menuItem, placeOrder } from '../modules/orders/test-fixtures';
import { deposit, insertVolunteer, ledgerHealth } from '../modules/timebank/test-fixtures';
import { newId } from '../platform/ids';
import { hashPassword } from '../platform/passwords';
import { DEMO_PASSWORD, type Session, type TestApp, createTestApp } from './harness';

let t: TestApp;
let admin: Session;
let station: Session;
let resident: Session;
let fundId: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, station, resident] = await Promise.all(['admin', 'station_admin', 'resident'].map((u) => t.login(u)));
  const funds = await admin.inject({ method: 'GET', url: '/api/v1/timebank/accounts?kind=fund' });
  fundId = funds.json().items[0].id;
}, 600_000);
afterAll(() => t?.close());

/** The outcome of a race as answer codes and how often each came, for the run's log (the note). */
const tally = (name: string, codes: number[]) => {
  const by = new Map<number, number>();
  for (const c of codes) by.set(c, (by.get(c) ?? 0) + 1);
  const parts = [...by.entries()].sort((a, b) => a[0] - b[0]).map(([c, n]) => `${n}×${c}`);
  console.info(`race (${t.database.engine}) ${name}: ${parts.join(', ')}`);
};
const count = async (q: ReturnType<typeof sql>) => Number((await t.database.query<{ n: number }>(q))[0].n);
const transfer = (s: Session, payload: Record<string, unknown>, key?: string) =>
  s.inject({
    method: 'POST',
    url: '/api/v1/timebank/transfers',
    payload,
    headers: key ? { 'idempotency-key': key } : {},
  });
const balance = async (id: string) =>
  (await admin.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${id}` })).json().balance as number;

/** `n` volunteers with a repair skill near the demo centre, each with an account of its own, signed in. */
async function racers(n: number): Promise<{ session: Session; volunteerId: string }[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const out: { session: Session; volunteerId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const username = `racer_${i}_${newId().slice(-6)}`;
    const accountId = await createAccountRaw(
      t.ctx.db,
      t.tenantId,
      {
        username,
        displayName: `抢单志愿者${i}`,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
        roles: [{ role: 'volunteer', scopeKind: 'own', scopeRef: null }],
      },
      hash,
    );
    const volunteerId = await insertVolunteer(t, { accountId, skills: ['repair'], lat: 38.5, lng: 102.18 });
    out.push({ session: await t.login(username), volunteerId });
  }
  return out;
}

describe('races', () => {
  it('one order accepted by 50 volunteers at once: exactly one wins, 49 get 409, one accept in the history', async () => {
    const volunteers = await racers(50);
    const siteId = (await centre(t)).id;
    const itemId = await menuItem(station, siteId, ['repair'], '抢单维修');
    const o = await placeOrder(resident, {
      siteId,
      kind: 'menu',
      itemId,
      description: '水龙头漏水',
      urgency: 'urgent',
      address: '示范社区3号楼2单元',
      lat: 38.5,
      lng: 102.18,
    });
    expect((await act(station, o.id, { action: 'review' })).statusCode).toBe(200);
    expect((await act(station, o.id, { action: 'offer' })).json().status).toBe('offered');
    const results = await Promise.all(volunteers.map((v) => act(v.session, o.id, { action: 'accept' })));
    const codes = results.map((r) => r.statusCode);
    tally('50 accept one order', codes);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(['ORDER_ALREADY_TAKEN', 'ORDER_TRANSITION_NOT_ALLOWED']).toContain(r.json().error.code);
    const winner = volunteers[codes.indexOf(200)];
    const final = (await station.inject({ method: 'GET', url: `/api/v1/orders/${o.id}` })).json();
    expect(final.status).toBe('accepted');
    expect(final.volunteer.id).toBe(winner.volunteerId);
    expect(final.history.filter((h: any) => h.action === 'accept')).toHaveLength(1);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = ${t.tenantId}
        AND object_id = ${o.id} AND action = 'order.accept'`),
    ).toBe(1);
  }, 300_000);

  it('one time-bank account drained by 50 transfers at once: 20 of 1 h pass, 30 are refused, never overdrawn', async () => {
    const volunteerId = await insertVolunteer(t, {});
    const account = await deposit(t, volunteerId, 20);
    const fundBefore = await balance(fundId);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => transfer(admin, { fromAccountId: account, toAccountId: fundId, hours: 1 })),
    );
    const codes = results.map((r) => r.statusCode);
    tally('50 transfers of 1 h from 20 h', codes);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(codes.filter((c) => c === 422)).toHaveLength(30);
    for (const r of results.filter((x) => x.statusCode === 422))
      expect(r.json().error.code).toBe('TIMEBANK_INSUFFICIENT_BALANCE');
    expect(new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().journalId)).size).toBe(20);
    expect(await balance(account)).toBe(0);
    expect(await balance(fundId)).toBe(fundBefore + 20);
    expect(await ledgerHealth(t)).toEqual({ total: 0, belowLimit: 0, unbalanced: 0 });
  }, 120_000);

  it('one Idempotency-Key sent 20 times at once moves the hours once and answers one journal', async () => {
    const volunteerId = await insertVolunteer(t, {});
    const account = await deposit(t, volunteerId, 10);
    const key = newId();
    const payload = { fromAccountId: account, toAccountId: fundId, hours: 3 };
    const results = await Promise.all(Array.from({ length: 20 }, () => transfer(admin, payload, key)));
    const codes = results.map((r) => r.statusCode);
    tally('one Idempotency-Key 20 times (transfer)', codes);
    // Each answer is the one transfer (201, first or replayed) or "still in progress" (409): never a second one.
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    const journals = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().journalId));
    expect(journals.size).toBe(1);
    // A resend after they all finished replays the same journal.
    const again = await transfer(admin, payload, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().journalId).toBe([...journals][0]);
    expect(await balance(account)).toBe(7);
    expect(
      await count(sql`SELECT count(DISTINCT journal_id)::int AS n FROM timebank_entry
        WHERE tenant_id = ${t.tenantId} AND account_id = ${account} AND amount < 0`),
    ).toBe(1);
    expect(await ledgerHealth(t)).toEqual({ total: 0, belowLimit: 0, unbalanced: 0 });

    // The same on a plain create (the key claimed before the handler runs): one unit.
    const unitKey = newId();
    const unit = { name: `幂等并发单位${unitKey.slice(-6)}`, type: 'organ', regionCode: '620302' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        admin.inject({ method: 'POST', url: '/api/v1/units', payload: unit, headers: { 'idempotency-key': unitKey } }),
      ),
    );
    tally(
      'one Idempotency-Key 20 times (unit)',
      answers.map((a) => a.statusCode),
    );
    expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 409)).toBe(true);
    expect(new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().id)).size).toBe(1);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM unit WHERE tenant_id = ${t.tenantId} AND name = ${unit.name}`),
    ).toBe(1);
  }, 120_000);

  it('one activity signed up for 20 times at once by the same person: one sign-up, 19 refused', async () => {
    const site = await stationSite(t);
    const a = await createActivity(station, site.id, { recruitLimit: 5 });
    const [person] = await volunteerSessions(t, 1);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => person.inject({ method: 'POST', url: `/api/v1/activities/${a.id}/signup` })),
    );
    const codes = results.map((r) => r.statusCode);
    tally('one person signs up 20 times', codes);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.code).toBe('ACTIVITY_ALREADY_SIGNED_UP');
    expect(
      await count(sql`SELECT count(*)::int AS n FROM activity_signup
        WHERE tenant_id = ${t.tenantId} AND activity_id = ${a.id}`),
    ).toBe(1);
    const view = (await person.inject({ method: 'GET', url: `/api/v1/activities/${a.id}` })).json();
    expect(view.mySignup.status).toBe('signed_up');
    expect(await ledgerHealth(t)).toEqual({ total: 0, belowLimit: 0, unbalanced: 0 });
  }, 120_000);
});
