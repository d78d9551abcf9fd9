import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  isoOrNull,
  settableClock,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiDayStart,
  shanghaiInstant,
  shanghaiMonth,
  shanghaiMonthBounds,
  shanghaiTime,
  shanghaiYear,
} from './clock';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    // Test helpers run beside tests (on the real clock unless a test sets one); production code may not.
    const isTestHelper = /\.test\.ts$|fixture|test-helpers/.test(e.name);
    return e.name.endsWith('.ts') && !isTestHelper ? [p] : [];
  });
}

describe('the one clock', () => {
  it('is the only "now" of the modules and the demo: no Date.now(), new Date() or SQL now() of their own', () => {
    const offenders: string[] = [];
    for (const dir of ['modules', 'demo']) {
      for (const file of sourceFiles(path.join(src, dir))) {
        const text = fs.readFileSync(file, 'utf8');
        text.split('\n').forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (/Date\.now\(\)|new Date\(\)|(?<![\w.])now\(\)/.test(code))
            offenders.push(`${path.relative(src, file)}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it('stands still until set or advanced, or ticks on from where it was set', async () => {
    const c = settableClock('2028-02-29T09:00:00+08:00');
    expect(c.now().toISOString()).toBe('2028-02-29T01:00:00.000Z');
    c.advance(86_400_000);
    expect(shanghaiDate(c.now())).toBe('2028-03-01');
    c.set('2025-12-31T23:59:00+08:00');
    expect(shanghaiYear(c.now())).toBe(2025);
    const ticking = settableClock('2027-01-01T00:00:00Z', { ticking: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(ticking.now().getTime()).toBeGreaterThan(Date.parse('2027-01-01T00:00:00Z'));
    expect(() => settableClock('not a date')).toThrow();
  });

  it('gives Shanghai dates across midnight, month and year ends', () => {
    expect(shanghaiDate(new Date('2024-12-31T16:05:00Z'))).toBe('2025-01-01');
    expect(shanghaiMonth(new Date('2025-02-28T15:59:59Z'))).toBe('2025-02');
    expect(shanghaiMonth(new Date('2025-02-28T16:00:00Z'))).toBe('2025-03');
    expect(shanghaiDateTime('2026-11-22T07:00:00Z')).toBe('2026-11-22 15:00');
    expect(shanghaiDateTime(null)).toBe('');
    expect(shanghaiTime('2026-11-22T16:30:00Z')).toBe('00:30');
    expect(shanghaiInstant('2026-11-23', '00:30')).toEqual(new Date('2026-11-22T16:30:00Z'));
    expect(isoOrNull(new Date('2026-11-22T07:00:00Z'))).toBe('2026-11-22T07:00:00.000Z');
    expect(isoOrNull('2026-11-22 15:00:00+08')).toBe('2026-11-22T07:00:00.000Z');
    expect(isoOrNull(null)).toBeNull();
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(shanghaiMonthBounds('2028-02')).toEqual({
      from: new Date('2028-01-31T16:00:00Z'),
      to: new Date('2028-02-29T16:00:00Z'),
    });
  });

  it('keeps day starts and month bounds consistent with the dates they name (property)', () => {
    const instant = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, (at) => {
        const day = shanghaiDate(at);
        const start = shanghaiDayStart(day);
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime() - start.getTime()).toBeLessThan(86_400_000);
        const { from, to } = shanghaiMonthBounds(shanghaiMonth(at));
        expect(from.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime()).toBeLessThan(to.getTime());
        expect(shanghaiDate(new Date(to.getTime() - 1)).slice(0, 7)).toBe(shanghaiMonth(at));
      }),
    );
  });
});
