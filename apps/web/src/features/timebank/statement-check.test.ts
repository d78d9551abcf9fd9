import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStatement, monthBounds } from './statement-check';

describe('checkStatement', () => {
  it('keeps a running balance and finds the closing', () => {
    const r = checkStatement(
      10,
      [
        { id: 'a', amount: 2.5 },
        { id: 'b', amount: -4 },
      ],
      8.5,
    );
    expect(r.rows.map((x) => x.running)).toEqual([12.5, 8.5]);
    expect(r.credits).toBe(2.5);
    expect(r.debits).toBe(4);
    expect(r.isBalanced).toBe(true);
  });
  it('flags a closing that the entries do not reach', () => {
    expect(checkStatement(0, [{ id: 'a', amount: 1 }], 2).isBalanced).toBe(false);
  });
  it('balances for any entries in half-hour steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200, max: 200 }), fc.array(fc.integer({ min: -40, max: 40 })), (o, steps) => {
        const lines = steps.map((s, i) => ({ id: String(i), amount: s / 2 }));
        const closing = o / 2 + steps.reduce((a, s) => a + s / 2, 0);
        const r = checkStatement(o / 2, lines, closing);
        return r.isBalanced && r.credits - r.debits === closing - o / 2;
      }),
    );
  });
});

describe('monthBounds', () => {
  it('knows month lengths and leap years', () => {
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
