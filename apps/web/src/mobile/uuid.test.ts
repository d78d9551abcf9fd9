// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isUuidv7, uuidv7, uuidv7Time } from './uuid';

describe('uuidv7', () => {
  it('has the version 7 and variant 10 bits, and carries its timestamp', () => {
    const now = Date.UTC(2026, 2, 1, 8, 30);
    const id = uuidv7(now);
    expect(isUuidv7(id)).toBe(true);
    expect(uuidv7Time(id)).toBe(now);
  });

  it('sorts in creation order, also within one millisecond and when the clock steps back', () => {
    const t = Date.UTC(2030, 0, 1);
    const ids = [uuidv7(t), uuidv7(t), uuidv7(t), uuidv7(t - 5000), uuidv7(t + 1)];
    for (let i = 0; i < 5000; i++) ids.push(uuidv7(t + 1));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
