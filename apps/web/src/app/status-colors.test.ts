import { orderStatuses, problemStatuses, taskStates } from '@wenming/contracts';
import { describe, expect, it } from 'vitest';
import { orderStatusColors, problemStatusColors, taskStateColors } from './status-colors';

describe('state colours', () => {
  it('give every state of a family its own colour', () => {
    for (const [codes, colors] of [
      [problemStatuses, problemStatusColors],
      [taskStates, taskStateColors],
      [orderStatuses, orderStatusColors],
    ] as [readonly string[], Record<string, string>][]) {
      const used = codes.map((c) => colors[c]);
      expect(used.every(Boolean)).toBe(true);
      expect(new Set(used.map((c) => c.toLowerCase())).size).toBe(codes.length);
    }
  });
});
