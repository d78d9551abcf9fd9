// Photos from the field through the offline queue: each is its own queued POST /files whose multipart body carries
// the client's id, time, GPS and device, so a resend stores it once and the record that names it can follow.
import {
  enqueueWrite,
  type FailedWrite,
  flushQueue,
  listFailed,
  listQueued,
  type WriteLabel,
} from '../../mobile/offline-queue';
import { uuidv7 } from '../../mobile/uuid';
import { multipartBlob } from '../campaigns/offline-report';

export interface Gps {
  lat: number;
  lng: number;
  accuracy?: number | null;
}

/** The phone's position when the user allowed it; null when refused, unavailable or slow. */
export function readGps(timeoutMs = 5000): Promise<Gps | null> {
  const geo = globalThis.navigator?.geolocation;
  if (!geo) return Promise.resolve(null);
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

/** A photo taken on the phone: its client id (the file id on the server), the file, and when and where. */
export interface FieldPhoto {
  id: string;
  file: File;
  url: string;
  takenAt: string;
  gps: Gps | null;
}

export function newFieldPhoto(file: File, gps: Gps | null): FieldPhoto {
  return { id: uuidv7(), file, url: URL.createObjectURL(file), takenAt: new Date().toISOString(), gps };
}

function photoName(file: File, id: string): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(file.name)?.[1]?.toLowerCase() ?? (file.type.split('/')[1] || 'jpg');
  return `photo-${id.slice(-12)}.${ext}`;
}

/** Queues one photo as POST /files (multipart: id, clientTime, gpsLat, gpsLng, device, file). */
export async function queuePhoto(photo: FieldPhoto, label: WriteLabel = { key: 'sync.photo' }): Promise<void> {
  const fields: [string, string][] = [
    ['id', photo.id],
    ['clientTime', photo.takenAt],
  ];
  if (photo.gps) fields.push(['gpsLat', String(photo.gps.lat)], ['gpsLng', String(photo.gps.lng)]);
  fields.push(['device', (globalThis.navigator?.userAgent ?? 'web').slice(0, 200)]);
  const { body, contentType } = multipartBlob(fields, {
    blob: photo.file,
    name: photoName(photo.file, photo.id),
    type: photo.file.type,
  });
  await enqueueWrite({
    method: 'POST',
    url: 'files',
    body,
    headers: { 'Content-Type': contentType },
    id: photo.id,
    label,
  });
}

export type SendOutcome = { kind: 'sent' } | { kind: 'queued' } | { kind: 'refused'; failed: FailedWrite };

/** Tries to send now (when the browser is online) and says where the write `id` ended up. */
export async function sendNow(id: string): Promise<SendOutcome> {
  if (globalThis.navigator?.onLine !== false) await flushQueue().catch(() => null);
  const failed = (await listFailed()).find((w) => w.id === id);
  if (failed) return { kind: 'refused', failed };
  const waiting = (await listQueued()).some((w) => w.id === id);
  return waiting ? { kind: 'queued' } : { kind: 'sent' };
}
