import { describe, expect, it } from 'vitest';
import { distanceMetres, formatKm } from './geo';

describe('distanceMetres', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lat: 38.52, lng: 102.19 };
    const b = { lat: 38.53, lng: 102.2 };
    expect(distanceMetres(a, a)).toBe(0);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
  });
  it('measures one degree of latitude as about 111 km', () => {
    expect(distanceMetres({ lat: 38, lng: 102 }, { lat: 39, lng: 102 })).toBeGreaterThan(110_000);
    expect(distanceMetres({ lat: 38, lng: 102 }, { lat: 39, lng: 102 })).toBeLessThan(112_000);
  });
  it('formats kilometres with one decimal', () => {
    expect(formatKm(1234)).toBe('1.2');
    expect(formatKm(50)).toBe('0.1');
  });
});
