// Pure rules of the activity pages: periods, geofence input checks, when the organiser's QR must refresh.

/** `YYYY-MM` of a moment in Asia/Shanghai (the tenant's time zone). */
export function monthOf(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** The month before `YYYY-MM`, as `YYYY-MM`. */
export function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export type GeofenceProblem = 'lat' | 'lng' | 'radius' | null;

/** Why a geofence input is unusable (latitude, longitude, or a radius outside 20 m – 10 km), or null. */
export function checkGeofence(lat: number, lng: number, radiusM: number): GeofenceProblem {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) return 'lat';
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) return 'lng';
  if (!Number.isFinite(radiusM) || radiusM < 20 || radiusM > 10000) return 'radius';
  return null;
}

/**
 * Milliseconds until the organiser's screen should fetch the next QR code: a second before the current one
 * expires (so the new one is up in time), never less than 1 s and never more than `maxMs`.
 */
export function qrRefreshDelay(expiresAt: string | Date, now: Date, maxMs = 60_000): number {
  const expires = expiresAt instanceof Date ? expiresAt.getTime() : new Date(expiresAt).getTime();
  if (Number.isNaN(expires)) return 1000;
  return Math.min(maxMs, Math.max(1000, expires - now.getTime() - 1000));
}

/** Whole seconds left before a code expires (0 once expired), for the countdown under the code. */
export function secondsLeft(expiresAt: string | Date, now: Date): number {
  const expires = expiresAt instanceof Date ? expiresAt.getTime() : new Date(expiresAt).getTime();
  if (Number.isNaN(expires)) return 0;
  return Math.max(0, Math.ceil((expires - now.getTime()) / 1000));
}

/** A signed-up row's place: within the limit it is confirmed, beyond it waitlisted at position n (1-based). */
export function waitlistPosition(index: number, limit: number | null | undefined): number | null {
  if (!limit || index < limit) return null;
  return index - limit + 1;
}

const EARTH_M = 6_371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point `eastM` metres east and `northM` metres north of (lat, lng), to six decimals (~0.1 m). */
export function offsetLatLng(lat: number, lng: number, eastM: number, northM: number): { lat: number; lng: number } {
  const dLat = (northM / EARTH_M) * (180 / Math.PI);
  const dLng = (eastM / (EARTH_M * Math.cos(rad(lat)))) * (180 / Math.PI);
  const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
  return { lat: round6(lat + dLat), lng: round6(lng + dLng) };
}
