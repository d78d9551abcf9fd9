import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkGeofence,
  distanceM,
  monthOf,
  offsetLatLng,
  previousMonth,
  qrRefreshDelay,
  secondsLeft,
  waitlistPosition,
} from './activity-rules';

describe('monthOf', () => {
  it('uses Asia/Shanghai: 31 Jan 17:00 UTC is already February there', () => {
    expect(monthOf(new Date('2026-01-31T17:00:00Z'))).toBe('2026-02');
    expect(monthOf(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01');
  });
});

describe('previousMonth', () => {
  it('crosses the year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
  });
});

describe('checkGeofence', () => {
  it('names the bad part', () => {
    expect(checkGeofence(38.5, 102.2, 200)).toBeNull();
    expect(checkGeofence(91, 102.2, 200)).toBe('lat');
    expect(checkGeofence(38.5, -181, 200)).toBe('lng');
    expect(checkGeofence(38.5, 102.2, 19)).toBe('radius');
    expect(checkGeofence(Number.NaN, 102.2, 200)).toBe('lat');
  });
});

describe('qrRefreshDelay', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  it('refreshes a second before expiry', () => {
    expect(qrRefreshDelay('2026-03-01T08:00:30Z', now)).toBe(29_000);
  });
  it('never waits less than a second, even for an expired code', () => {
    expect(qrRefreshDelay('2026-03-01T07:59:00Z', now)).toBe(1000);
    expect(qrRefreshDelay('not a date', now)).toBe(1000);
  });
  it('stays within [1 s, max] for any expiry', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), (offset) => {
        const d = qrRefreshDelay(new Date(now.getTime() + offset), now);
        return d >= 1000 && d <= 60_000;
      }),
    );
  });
});

describe('secondsLeft', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  it('rounds up and stops at zero', () => {
    expect(secondsLeft('2026-03-01T08:00:10.200Z', now)).toBe(11);
    expect(secondsLeft('2026-03-01T07:00:00Z', now)).toBe(0);
  });
});

describe('waitlistPosition', () => {
  it('puts rows beyond the limit on the waitlist in order', () => {
    expect(waitlistPosition(0, 2)).toBeNull();
    expect(waitlistPosition(1, 2)).toBeNull();
    expect(waitlistPosition(2, 2)).toBe(1);
    expect(waitlistPosition(5, 2)).toBe(4);
    expect(waitlistPosition(5, null)).toBeNull();
  });
});

describe('offsetLatLng and distanceM', () => {
  it('moves by the asked distance in any direction', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 18, max: 53, noNaN: true }),
        fc.double({ min: 73, max: 135, noNaN: true }),
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: -3000, max: 3000 }),
        (lat, lng, east, north) => {
          const p = offsetLatLng(lat, lng, east, north);
          const expected = Math.hypot(east, north);
          return Math.abs(distanceM({ lat, lng }, p) - expected) <= 1 + expected * 0.005;
        },
      ),
    );
  });
});
