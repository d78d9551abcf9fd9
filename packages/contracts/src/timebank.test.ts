import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancesOf, isBalancedMovement, isWithinLimit, reversalLegs } from './index';

const leg = fc.record({ accountId: fc.constantFrom('a', 'b', 'c', 'd'), centi: fc.integer({ min: -5000, max: 5000 }) });
/** A movement: some legs plus the balancing leg. */
const movement = fc
  .array(leg, { minLength: 1, maxLength: 4 })
  .map((legs) => legs.filter((l) => l.centi !== 0))
  .filter((legs) => legs.length > 0)
  .map((legs) => {
    const sum = legs.reduce((s, l) => s + l.centi, 0);
    return sum === 0 ? legs : [...legs, { accountId: 'e', centi: -sum }];
  })
  .filter((legs) => legs.length >= 2);

describe('ledger rules', () => {
  it('balanced movements keep the sum of all balances at zero, and reversals restore every balance', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 30 }), (ms) => {
        for (const m of ms) expect(isBalancedMovement(m)).toBe(true);
        const b = balancesOf(ms);
        expect([...b.values()].reduce((s, v) => s + v, 0)).toBe(0);
        const undone = balancesOf([...ms, ...ms.map(reversalLegs)]);
        for (const v of undone.values()) expect(v).toBe(0);
      }),
    );
  });
  it('refuses one-sided, zero and unbalanced movements', () => {
    expect(
      isBalancedMovement([
        { accountId: 'a', centi: 0 },
        { accountId: 'b', centi: 0 },
      ]),
    ).toBe(false);
    expect(isBalancedMovement([{ accountId: 'a', centi: 10 }])).toBe(false);
    expect(
      isBalancedMovement([
        { accountId: 'a', centi: 10 },
        { accountId: 'b', centi: -9 },
      ]),
    ).toBe(false);
    expect(isWithinLimit('volunteer', -1)).toBe(false);
    expect(isWithinLimit('resident', -1000)).toBe(true);
    expect(isWithinLimit('resident', -1001)).toBe(false);
    expect(isWithinLimit('fund', -1e9)).toBe(true);
  });
});
