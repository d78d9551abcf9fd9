// 今日点位 on a small SVG map: the tenant's region outlines around today's points (labelled), each point a numbered
// marker coloured by its state (the list shows the same numbers), and a legend. No chart library, works offline.
import type { RegionShapeFeature } from '@wenming/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface MapMarker {
  id: string;
  name: string;
  lat: number;
  lng: number;
  done: boolean;
  /** The number shown on the marker and in the list. */
  n: number;
}

type Ring = [number, number][];
const WIDTH = 400;
const HEIGHT = 260;
const TODO = '#d4380d';
const DONE = '#389e0d';

function ringsOf(f: RegionShapeFeature): Ring[] {
  const g = f.geometry;
  if (g.type === 'Polygon') return [(g.coordinates as Ring[])[0]];
  return (g.coordinates as Ring[][]).map((poly) => poly[0]);
}

interface Box {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

function boxOf(coords: [number, number][]): Box {
  const lngs = coords.map((c) => c[0]);
  const lats = coords.map((c) => c[1]);
  return { minLng: Math.min(...lngs), maxLng: Math.max(...lngs), minLat: Math.min(...lats), maxLat: Math.max(...lats) };
}

function insideRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** An equirectangular view of a box (padded), scaled to fit the SVG. */
function makeProjection(box: Box) {
  const k = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const spanLng = Math.max(box.maxLng - box.minLng, 0.004) * 1.25;
  const spanLat = Math.max(box.maxLat - box.minLat, 0.004) * 1.25;
  const minLng = (box.minLng + box.maxLng) / 2 - spanLng / 2;
  const maxLat = (box.minLat + box.maxLat) / 2 + spanLat / 2;
  const scale = Math.min(WIDTH / (spanLng * k), HEIGHT / spanLat);
  const offX = (WIDTH - spanLng * k * scale) / 2;
  const offY = (HEIGHT - spanLat * scale) / 2;
  const project = ([lng, lat]: [number, number]): [number, number] => [
    offX + (lng - minLng) * k * scale,
    offY + (maxLat - lat) * scale,
  ];
  const inView = ([x, y]: [number, number]) => x >= 0 && x <= WIDTH && y >= 0 && y <= HEIGHT;
  return { project, inView };
}

/** True when a projected ring's bounding box overlaps the SVG (the SVG clips the rest). */
function overlapsView(ring: [number, number][]): boolean {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return Math.max(...xs) >= 0 && Math.min(...xs) <= WIDTH && Math.max(...ys) >= 0 && Math.min(...ys) <= HEIGHT;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The view fits today's points; the outlines of the regions around them are drawn across it, and the regions
 * that hold a point are named (at their label point, or at the nearest place inside the view).
 */
function buildView(markers: MapMarker[], shapes: RegionShapeFeature[]) {
  const spots = markers.map((m): [number, number] => [m.lng, m.lat]);
  const { project, inView } = makeProjection(boxOf(spots));
  const regions = shapes
    .map((f) => {
      const isHolding = ringsOf(f).some((r) => spots.some((p) => insideRing(p, r)));
      const [x, y] = project(f.properties.center);
      return {
        code: f.properties.code,
        name: f.properties.name,
        isHolding,
        rings: ringsOf(f).map((r) => r.map(project)),
        label: [clamp(x, 40, WIDTH - 40), clamp(y, 16, HEIGHT - 8)] as [number, number],
        isLabelled: isHolding || inView([x, y]),
      };
    })
    .filter((r) => r.rings.some(overlapsView));
  return { regions, points: markers.map((m) => ({ ...m, at: project([m.lng, m.lat]) })) };
}

export function TodayMap({
  markers,
  shapes,
  ariaLabel,
  onPick,
}: {
  markers: MapMarker[];
  shapes: RegionShapeFeature[];
  ariaLabel: string;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  const view = useMemo(() => (markers.length ? buildView(markers, shapes) : null), [markers, shapes]);
  if (!view) return null;
  return (
    <figure style={{ margin: 0, background: '#fff' }}>
      <svg
        role="img"
        aria-label={ariaLabel}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        style={{ width: '100%', height: 'auto', display: 'block', background: '#fbfcfe' }}
      >
        {view.regions.map((r) => (
          <g key={r.code}>
            {r.rings.map((ring, i) => (
              <polygon
                // biome-ignore lint/suspicious/noArrayIndexKey: rings of one region keep their order
                key={i}
                points={ring.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}
                fill={r.isHolding ? '#e3ebf6' : '#f4f7fb'}
                stroke="#7a8fb3"
                strokeWidth={1}
                strokeDasharray="4 2"
              />
            ))}
          </g>
        ))}
        {view.regions
          .filter((r) => r.isLabelled)
          .map((r) => (
            <text
              key={`l-${r.code}`}
              x={r.label[0]}
              y={r.label[1]}
              fontSize={r.isHolding ? 13 : 11}
              fontWeight={r.isHolding ? 700 : 400}
              fill="#5b6b88"
              textAnchor="middle"
              opacity={0.85}
            >
              {r.name}
            </text>
          ))}
        {view.points.map((p) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG marker cannot be a <button>; it has a role and a name
          <g
            key={p.id}
            role="button"
            tabIndex={0}
            aria-label={`${p.n}. ${p.name}`}
            onClick={() => onPick(p.id)}
            onKeyDown={(e) => e.key === 'Enter' && onPick(p.id)}
            style={{ cursor: 'pointer' }}
          >
            <circle cx={p.at[0]} cy={p.at[1]} r={9} fill={p.done ? DONE : TODO} stroke="#fff" strokeWidth={2} />
            <text x={p.at[0]} y={p.at[1] + 4} fontSize={11} fill="#fff" textAnchor="middle" fontWeight={700}>
              {p.n}
            </text>
          </g>
        ))}
      </svg>
      <figcaption style={{ display: 'flex', gap: 16, padding: '6px 12px', fontSize: 12, color: '#666' }}>
        <span>
          <Dot color={TODO} /> {t('inspect.todo')}
        </span>
        <span>
          <Dot color={DONE} /> {t('inspect.done')}
        </span>
        <span>
          <span
            aria-hidden
            style={{ display: 'inline-block', width: 16, borderTop: '2px dashed #7a8fb3', verticalAlign: 'middle' }}
          />{' '}
          {t('inspect.regionBorder')}
        </span>
      </figcaption>
    </figure>
  );
}

function Dot({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 5,
        background: color,
        verticalAlign: 'middle',
      }}
    />
  );
}
