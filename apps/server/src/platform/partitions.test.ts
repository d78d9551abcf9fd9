// Month partitions of the history tables: rows land in their month, the append-only triggers and the audit chain
// survive, a month that arrives late moves out of the default partition, old months detach (audit months leaving
// an anchor the chain is verified from), and a new table opts in with one call.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';
import { verifyAuditChain } from './audit';
import { newId } from './ids';
import {
  detachPartitions,
  firstKeptMonth,
  listPartitionedTables,
  listPartitions,
  premakePartitions,
  setRetention,
} from './partitions';
import { rows } from './sql';

const shanghaiMonth = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function countIn(table: string): Promise<number> {
  const r = await rows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return r[0].n;
}

describe('partitioned history', () => {
  it('partitions observations, time-bank entries and audit events by month, with a default partition', async () => {
    const tables = await listPartitionedTables(t.ctx.db);
    expect(tables.map((x) => [x.table, x.column])).toEqual([
      ['audit_event', 'at'],
      ['inspection_observation', 'submitted_at'],
      ['timebank_entry', 'created_at'],
    ]);
    const parts = await listPartitions(t.ctx.db);
    const month = shanghaiMonth(new Date());
    for (const table of ['audit_event', 'inspection_observation', 'timebank_entry']) {
      const own = parts.filter((p) => p.table === table);
      expect(own.some((p) => p.month === month)).toBe(true);
      expect(own.filter((p) => p.month === null).map((p) => p.partition)).toEqual([`${table}_default`]);
      // This month and at least three ahead.
      expect(own.filter((p) => p.month !== null && p.month >= month).length).toBeGreaterThanOrEqual(4);
    }
    // The demo's audit events are in this month's partition, and its chain verifies.
    expect(await countIn(`audit_event_p${month.replace('-', '')}`)).toBeGreaterThan(0);
    expect((await verifyAuditChain(t.ctx.db, t.tenantId)).ok).toBe(true);
  });

  it('keeps audit events and ledger entries append-only on every partition', async () => {
    const month = shanghaiMonth(new Date()).replace('-', '');
    await expect(
      t.ctx.db.execute(sql`UPDATE audit_event SET action = 'x' WHERE tenant_id = ${t.tenantId}`),
    ).rejects.toThrow();
    await expect(
      t.ctx.db.execute(sql`DELETE FROM ${sql.identifier(`audit_event_p${month}`)} WHERE tenant_id = ${t.tenantId}`),
    ).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`DELETE FROM timebank_entry WHERE tenant_id = ${t.tenantId}`)).rejects.toThrow();
  });

  it("gives seeded months of the past their partitions: the demo's observations leave the default partition", async () => {
    expect(await countIn('inspection_observation_default')).toBeGreaterThan(0);
    expect(await premakePartitions(t.ctx.db, t.ctx.clock.now())).toBeGreaterThan(0);
    expect(await countIn('inspection_observation_default')).toBe(0);
    expect((await verifyAuditChain(t.ctx.db, t.tenantId)).ok).toBe(true);
  });

  it('moves rows of a month that had no partition yet out of the default partition when it is made', async () => {
    const at = '2099-05-15T02:00:00Z';
    const waiting = await countIn('inspection_observation_default');
    await t.ctx.db.execute(sql`INSERT INTO inspection_observation (tenant_id, id, inspection_id, indicator_id, position,
        result, submitted_at) VALUES (${t.tenantId}, ${newId()}, ${newId()}, ${newId()}, 0, 'met', ${at})`);
    expect(await countIn('inspection_observation_default')).toBe(waiting + 1);
    expect(await premakePartitions(t.ctx.db, new Date(at))).toBeGreaterThanOrEqual(3);
    expect(await countIn('inspection_observation_default')).toBe(waiting);
    expect(await countIn('inspection_observation_p209905')).toBe(1);
    // Again: nothing to make.
    expect(await premakePartitions(t.ctx.db, new Date(at))).toBe(0);
  });

  it('detaches months past retention; audit months leave an anchor and the chain verifies from it', async () => {
    const before = await verifyAuditChain(t.ctx.db, t.tenantId);
    expect(before.ok).toBe(true);
    // Everything up to the far-future months made above is past a one-month retention in 2099-06.
    await setRetention(t.ctx.db, 'audit_event', 1);
    const detached = await detachPartitions(t.ctx.db, { table: 'audit_event', now: new Date('2099-06-10T00:00:00Z') });
    expect(detached.length).toBeGreaterThan(0);
    expect(detached.every((p) => p.month! < '2099-06')).toBe(true);
    const anchored = await verifyAuditChain(t.ctx.db, t.tenantId);
    expect(anchored).toMatchObject({ ok: true, checked: 0, archivedThrough: before.checked });

    // New events continue the chain from the anchor (they land in the default partition now).
    await t.login('admin');
    const after = await verifyAuditChain(t.ctx.db, t.tenantId);
    expect(after.ok).toBe(true);
    expect(after.checked).toBeGreaterThan(0);
    // A detached month is a plain table holding its events, for the operator to archive.
    const month = shanghaiMonth(new Date()).replace('-', '');
    expect(await countIn(`audit_event_p${month}`)).toBeGreaterThan(0);
    expect((await listPartitions(t.ctx.db)).some((p) => p.partition === `audit_event_p${month}`)).toBe(false);
  });

  it('counts retention back from the current Shanghai month', () => {
    expect(firstKeptMonth(new Date('2026-12-31T16:30:00Z'), 1)).toBe('2027-01');
    expect(firstKeptMonth(new Date('2026-12-06T00:00:00Z'), 12)).toBe('2026-01');
    expect(firstKeptMonth(new Date('2026-12-06T00:00:00Z'), 13)).toBe('2025-12');
  });

  it('lets a new history table opt in with one call, and refuses one that others reference', async () => {
    const db = t.ctx.db;
    await db.execute(sql`CREATE TABLE test_vote (tenant_id uuid NOT NULL, id uuid NOT NULL, cast_at timestamptz NOT NULL,
      candidate text NOT NULL, CONSTRAINT test_vote_pk PRIMARY KEY (tenant_id, id, cast_at))`);
    await db.execute(sql`CREATE INDEX test_vote_candidate_idx ON test_vote (tenant_id, candidate)`);
    await db.execute(sql`CREATE TRIGGER test_vote_append_only BEFORE UPDATE OR DELETE ON test_vote
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await db.execute(sql`INSERT INTO test_vote VALUES (${t.tenantId}, ${newId()}, now(), 'a')`);
    await db.execute(sql`SELECT wm_partition_by_month('test_vote', 'cast_at', 24, 2)`);
    expect((await listPartitionedTables(db)).find((x) => x.table === 'test_vote')).toEqual({
      table: 'test_vote',
      column: 'cast_at',
      retentionMonths: 24,
      aheadMonths: 2,
    });
    expect(await countIn('test_vote')).toBe(1);
    const refused = await db.execute(sql`DELETE FROM test_vote`).catch((err) => String(err.cause?.message ?? err));
    expect(refused).toMatch(/append-only/);
    const idx = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'test_vote'`,
    );
    expect(idx[0].n).toBe(2);

    await db.execute(sql`CREATE TABLE test_parent (id uuid PRIMARY KEY, at timestamptz NOT NULL)`);
    await db.execute(sql`CREATE TABLE test_child (id uuid PRIMARY KEY, parent_id uuid REFERENCES test_parent (id))`);
    const refusedParent = await db
      .execute(sql`SELECT wm_partition_by_month('test_parent', 'at')`)
      .catch((err) => String(err.cause?.message ?? err));
    expect(refusedParent).toMatch(/reference it by foreign key/);
  });
});
