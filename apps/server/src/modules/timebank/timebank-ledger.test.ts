// Property test of the ledger in the database: random movements posted through postJournal (refused when they
// would break a limit) leave balances equal to the sums of entries and to a simple model, the sum of all balances
// zero, no limited account below its limit; reversing every movement in reverse order restores all balances.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { type LedgerLeg, type TimebankAccountKind, isWithinLimit } from '@wenming/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { type TestApp, createTestApp } from '../../test/harness';
import { balanceCenti, journalLegs, postJournal } from './timebank-ledger';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 600_000);
afterAll(() => t?.close());

const kinds: TimebankAccountKind[] = ['volunteer', 'volunteer', 'resident', 'resident', 'fund'];

async function freshAccounts(): Promise<string[]> {
  const ids = kinds.map(() => newId());
  for (const [i, id] of ids.entries())
    await t.ctx.db.execute(sql`INSERT INTO timebank_account (tenant_id, id, kind, holder_name)
      VALUES (${t.tenantId}, ${id}, ${kinds[i]}, ${`性质测试${i}`})`);
  return ids;
}

const move = fc.record({
  from: fc.integer({ min: 0, max: kinds.length - 1 }),
  to: fc.integer({ min: 0, max: kinds.length - 1 }),
  centi: fc.integer({ min: 1, max: 800 }),
});

describe('ledger invariants (fast-check, in the database)', () => {
  it('zero-sum, balance = Σ entries, limits hold, reversal restores', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 20 }), async (moves) => {
        const ids = await freshAccounts();
        const actor = systemActor(t.tenantId, 'property', t.ctx.clock.now());
        const model = new Map(ids.map((id) => [id, 0]));
        const posted: string[] = [];
        for (const m of moves.filter((x) => x.from !== x.to)) {
          const legs: LedgerLeg[] = [
            { accountId: ids[m.from], centi: -m.centi },
            { accountId: ids[m.to], centi: m.centi },
          ];
          const allowed = isWithinLimit(kinds[m.from], model.get(ids[m.from])! - m.centi);
          try {
            const r = await t.ctx.db.transaction((tx) =>
              postJournal(tx, actor, { kind: 'transfer', sourceKind: 'property', sourceId: newId(), legs }),
            );
            expect(allowed).toBe(true);
            posted.push(r.journalId);
            model.set(ids[m.from], model.get(ids[m.from])! - m.centi);
            model.set(ids[m.to], model.get(ids[m.to])! + m.centi);
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect(allowed).toBe(false);
          }
        }
        let total = 0;
        for (const [i, id] of ids.entries()) {
          const b = await balanceCenti(t.ctx.db, t.tenantId, id);
          expect(b).toBe(model.get(id));
          expect(isWithinLimit(kinds[i], b)).toBe(true);
          total += b;
        }
        expect(total).toBe(0);
        for (const j of [...posted].reverse()) {
          const legs = (await journalLegs(t.ctx.db, t.tenantId, j)).map((l) => ({ ...l, centi: -l.centi }));
          await t.ctx.db.transaction((tx) =>
            postJournal(tx, actor, { kind: 'reversal', sourceKind: 'reversal', sourceId: j, reversesId: j, legs }),
          );
        }
        for (const id of ids) expect(await balanceCenti(t.ctx.db, t.tenantId, id)).toBe(0);
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});
