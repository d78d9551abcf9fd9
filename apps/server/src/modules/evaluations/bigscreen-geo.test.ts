import { describe, expect, it } from 'vitest';
import { type Pt, centroid, cityOutline, partition, pointInPolygon, toPolygon } from './bigscreen-geo';

const area = (ring: Pt[]) =>
  Math.abs(
    ring.reduce((s, p, i) => s + p[0] * ring[(i + 1) % ring.length][1] - ring[(i + 1) % ring.length][0] * p[1], 0),
  ) / 2;

describe('generated region outlines', () => {
  const outline = cityOutline('6203', [102.19, 38.52], 0.55);
  const codes = Array.from({ length: 9 }, (_, i) => `620302${String(i + 1).padStart(3, '0')}`);

  it('are deterministic: the same codes give the same shapes', () => {
    expect(partition('620302:streets', outline, codes)).toEqual(partition('620302:streets', outline, codes));
    expect(partition('other', outline, codes)).not.toEqual(partition('620302:streets', outline, codes));
  });

  it('tile the parent: cells cover its area without overlap, each centre inside its own cell', () => {
    const cells = partition('620302:streets', outline, codes);
    expect(cells.map((c) => c.code)).toEqual(codes);
    const total = cells.reduce((s, c) => s + area(c.ring), 0);
    expect(Math.abs(total - area(outline)) / area(outline)).toBeLessThan(1e-9);
    for (const c of cells) {
      expect(c.ring.length).toBeGreaterThanOrEqual(3);
      const mid = centroid(c.ring);
      expect(cells.filter((o) => pointInPolygon(mid, o.ring)).map((o) => o.code)).toEqual([c.code]);
    }
  });

  it('serialise as closed GeoJSON polygons', () => {
    const p = toPolygon(outline);
    expect(p.type).toBe('Polygon');
    expect(p.coordinates[0][0]).toEqual(p.coordinates[0].at(-1));
  });
});
