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

/** An equirectangular view of the markers' bounding box (padded), scaled to fit the SVG. */
function makeProjection(markers: MapMarker[]) {
  const lats = markers.map((m) => m.lat);
  const lngs = markers.map((m) => m.lng);
  const pad = 0.004;
  let [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanLng = Math.max(maxLng - minLng, pad) * 1.3;
  const spanLat = Math.max(maxLat - minLat, pad) * 1.3;
  [minLng, maxLng] = [(minLng + maxLng) / 2 - spanLng / 2, (minLng + maxLng) / 2 + spanLng / 2];
  [minLat, maxLat] = [(minLat + maxLat) / 2 - spanLat / 2, (minLat + maxLat) / 2 + spanLat / 2];
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
  const view = useMemo(() => {
    if (markers.length === 0) return null;
    const { project, inView } = makeProjection(markers);
    const regions = shapes
      .map((f) => {
        const rings = ringsOf(f).map((r) => r.map(project));
        const label = project(f.properties.center);
        return { code: f.properties.code, name: f.properties.name, rings, label };
      })
      .filter((r) => r.rings.some((ring) => ring.some(inView)) || inView(r.label));
    return { regions, points: markers.map((m) => ({ ...m, at: project([m.lng, m.lat]) })), inView };
  }, [markers, shapes]);
  if (!view) return null;
  return (
    <figure style={{ margin: 0, background: '#fff' }}>
      <svg
        role="img"
        aria-label={ariaLabel}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        style={{ width: '100%', height: 'auto', display: 'block', background: '#f4f7fb' }}
      >
        {view.regions.map((r) => (
          <g key={r.code}>
            {r.rings.map((ring, i) => (
              <polygon
                // biome-ignore lint/suspicious/noArrayIndexKey: rings of one region keep their order
                key={i}
                points={ring.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}
                fill="#e8eef7"
                stroke="#7a8fb3"
                strokeWidth={1}
                strokeDasharray="4 2"
              />
            ))}
          </g>
        ))}
        {view.regions
          .filter((r) => view.inView(r.label))
          .map((r) => (
            <text key={`l-${r.code}`} x={r.label[0]} y={r.label[1]} fontSize={12} fill="#5b6b88" textAnchor="middle">
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
