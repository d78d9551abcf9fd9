// Plausible, deterministic region outlines for a city without surveyed boundaries (the demo): a jittered city
// outline cut into district cells, each cut into its streets' cells, by Voronoi partition (half-plane clipping).
// The same codes always give the same shapes; neighbours share edges, so the map reads as a real one.

export type Pt = [number, number];

/** Seeded PRNG (mulberry32) from a string. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A city outline: a star-shaped polygon with a jittered radius around a centre (lng/lat, lng scaled by latitude). */
export function cityOutline(seed: string, center: Pt, radiusDeg: number, vertices = 40): Pt[] {
  const rnd = seededRandom(seed);
  const k = 1 / Math.cos((center[1] * Math.PI) / 180);
  const out: Pt[] = [];
  for (let i = 0; i < vertices; i++) {
    const a = (i / vertices) * 2 * Math.PI;
    const r = radiusDeg * (0.78 + 0.32 * rnd()) * (1 + 0.18 * Math.sin(3 * a + rnd()));
    out.push([center[0] + r * Math.cos(a) * k, center[1] + r * Math.sin(a) * 0.8]);
  }
  return out;
}

/** Keep the part of a polygon on the side of the bisector of a and b nearer to a (Sutherland–Hodgman). */
function clipToBisector(poly: Pt[], a: Pt, b: Pt): Pt[] {
  const m: Pt = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const n: Pt = [b[0] - a[0], b[1] - a[1]];
  const side = (p: Pt) => (p[0] - m[0]) * n[0] + (p[1] - m[1]) * n[1];
  const out: Pt[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** The Voronoi cell of each site inside a polygon. */
export function voronoiCells(poly: Pt[], sites: Pt[]): Pt[][] {
  return sites.map((s, i) => sites.reduce((cell, o, j) => (i === j ? cell : clipToBisector(cell, s, o)), poly));
}

export function pointInPolygon(p: Pt, poly: Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Area-weighted centroid of a simple polygon (falls back to the vertex mean for degenerate ones). */
export function centroid(poly: Pt[]): Pt {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x0, y0] = poly[i];
    const [x1, y1] = poly[(i + 1) % poly.length];
    const f = x0 * y1 - x1 * y0;
    a += f;
    x += (x0 + x1) * f;
    y += (y0 + y1) * f;
  }
  if (Math.abs(a) < 1e-12)
    return [poly.reduce((s, p) => s + p[0], 0) / poly.length, poly.reduce((s, p) => s + p[1], 0) / poly.length];
  return [x / (3 * a), y / (3 * a)];
}

function bbox(poly: Pt[]) {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/** `n` well-spread sites inside a polygon: best of several random candidates (Mitchell's algorithm), seeded. */
export function spreadSites(seed: string, poly: Pt[], n: number): Pt[] {
  const rnd = seededRandom(seed);
  const b = bbox(poly);
  const sites: Pt[] = [];
  for (let i = 0; i < n; i++) {
    let best: Pt | null = null;
    let bestD = -1;
    for (let c = 0; c < 30; c++) {
      const p: Pt = [b.x0 + rnd() * (b.x1 - b.x0), b.y0 + rnd() * (b.y1 - b.y0)];
      if (!pointInPolygon(p, poly)) continue;
      const d = sites.length ? Math.min(...sites.map((s) => (s[0] - p[0]) ** 2 + (s[1] - p[1]) ** 2)) : 1;
      if (d > bestD) {
        best = p;
        bestD = d;
      }
    }
    sites.push(best ?? centroid(poly));
  }
  return sites;
}

export interface GeneratedShape {
  code: string;
  ring: Pt[];
}

/** Cells for the children of a parent shape, in the order of `codes`. */
export function partition(seed: string, parent: Pt[], codes: string[]): GeneratedShape[] {
  if (codes.length === 1) return [{ code: codes[0], ring: parent }];
  const sites = spreadSites(seed, parent, codes.length);
  return voronoiCells(parent, sites).map((ring, i) => ({ code: codes[i], ring }));
}

const round = (p: Pt): Pt => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];

/** A GeoJSON Polygon of a ring (closed, rounded to about a metre). */
export function toPolygon(ring: Pt[]): { type: 'Polygon'; coordinates: Pt[][] } {
  const r = ring.map(round);
  return { type: 'Polygon', coordinates: [[...r, r[0]]] };
}
