// A small offline map of the check-in area: metres around the activity's point, click to move the point.
import { Typography } from 'antd';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkGeofence, offsetLatLng } from '../activity-rules';

interface GeofenceMapProps {
  lat?: number | null;
  lng?: number | null;
  radiusM?: number | null;
  onMove: (point: { lat: number; lng: number }) => void;
  size?: number;
}

/** A square whose side is four radii (at least 400 m), with a 100 m grid; north is up. */
export function GeofenceMap({ lat, lng, radiusM, onMove, size = 280 }: GeofenceMapProps) {
  const { t } = useTranslation();
  const hasPoint = lat !== null && lat !== undefined && lng !== null && lng !== undefined;
  const radius = radiusM && radiusM > 0 ? radiusM : 100;
  const valid = hasPoint && checkGeofence(lat, lng, radius) === null;
  const spanM = Math.max(400, radius * 4);
  const scale = size / spanM;
  const gridStep = spanM > 4000 ? 1000 : spanM > 1600 ? 500 : 100;
  const lines: number[] = [];
  for (let m = gridStep; m < spanM / 2; m += gridStep) lines.push(m, -m);

  const click = (e: MouseEvent<HTMLButtonElement>) => {
    if (!valid) return;
    const box = e.currentTarget.getBoundingClientRect();
    const east = (e.clientX - box.left - box.width / 2) / (box.width / spanM);
    const north = (box.height / 2 - (e.clientY - box.top)) / (box.height / spanM);
    onMove(offsetLatLng(lat, lng, Math.round(east), Math.round(north)));
  };

  // Arrow keys nudge the point by a tenth of the radius, for people without a mouse.
  const keys: Record<string, [number, number]> = {
    ArrowUp: [0, 1],
    ArrowDown: [0, -1],
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
  };
  const key = (e: KeyboardEvent<HTMLButtonElement>) => {
    const dir = keys[e.key];
    if (!valid || !dir) return;
    e.preventDefault();
    const step = Math.max(5, Math.round(radius / 10));
    onMove(offsetLatLng(lat, lng, dir[0] * step, dir[1] * step));
  };

  const c = size / 2;
  return (
    <div>
      <button
        type="button"
        aria-label={t('act.geofence')}
        onClick={click}
        onKeyDown={key}
        style={{ padding: 0, border: 0, background: 'none', cursor: 'crosshair', display: 'block' }}
      >
        <svg
          aria-hidden="true"
          width={size}
          height={size}
          viewBox={`0 0 ${size} ${size}`}
          style={{ background: '#f6f8fa', border: '1px solid #d9d9d9', borderRadius: 6, display: 'block' }}
        >
          {lines.map((m) => (
            <g key={m} stroke="#e5e7eb">
              <line x1={c + m * scale} y1={0} x2={c + m * scale} y2={size} />
              <line x1={0} y1={c + m * scale} x2={size} y2={c + m * scale} />
            </g>
          ))}
          <text x={size - 14} y={16} fontSize={12} fill="#999">
            N
          </text>
          {valid && (
            <>
              <circle cx={c} cy={c} r={radius * scale} fill="rgba(200,22,29,0.12)" stroke="#c8161d" />
              <circle cx={c} cy={c} r={4} fill="#c8161d" />
            </>
          )}
          <text x={6} y={size - 6} fontSize={11} fill="#999">
            {`${gridStep} m`}
          </text>
        </svg>
      </button>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, maxWidth: size, marginTop: 4 }}>
        {t('act.mapHint')}
      </Typography.Paragraph>
    </div>
  );
}
