import { describe, expect, it } from 'vitest';
import { periodRange } from './periods';

describe('periodRange', () => {
  it('takes the Shanghai date, not the UTC one', () => {
    // 2026-02-28 17:00 UTC is already 1 March in Shanghai.
    const now = new Date('2026-02-28T17:00:00Z');
    expect(periodRange('thisMonth', now)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(periodRange('lastMonth', now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
  it('wraps January back to December of the year before', () => {
    const now = new Date('2026-01-15T04:00:00Z');
    expect(periodRange('lastMonth', now)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodRange('thisYear', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('knows leap years', () => {
    expect(periodRange('thisMonth', new Date('2028-02-10T00:00:00Z')).to).toBe('2028-02-29');
  });
});
