// The rotating check-in code: an HMAC of (activity, time slot) under the activity's secret. A code is accepted in
// its own slot and the next one only, so a photo of an old screen (yesterday's, or a minute ago) does not work.
import crypto from 'node:crypto';
import { QR_PERIOD_SECONDS } from '@wenming/contracts';

const PREFIX = 'wenming-checkin';

/** The slot number of an instant: whole QR periods since the epoch. */
export const slotOf = (at: Date) => Math.floor(at.getTime() / (QR_PERIOD_SECONDS * 1000));

/** The token of an activity for one slot (16 base64url characters). */
export function tokenFor(secret: string, activityId: string, slot: number): string {
  return crypto.createHmac('sha256', secret).update(`${activityId}:${slot}`).digest('base64url').slice(0, 16);
}

/** What the organiser's screen encodes in the QR image. */
export const payloadFor = (activityId: string, token: string) => `${PREFIX}:${activityId}:${token}`;

/** The token inside a scanned payload (or the bare token itself). */
export function tokenOfPayload(scanned: string): { activityId: string | null; token: string } {
  const parts = scanned.trim().split(':');
  if (parts.length === 3 && parts[0] === PREFIX) return { activityId: parts[1], token: parts[2] };
  return { activityId: null, token: scanned.trim() };
}

/** True when the token is the activity's code for the current slot or the one before (constant-time compare). */
export function isTokenCurrent(secret: string, activityId: string, token: string, now: Date): boolean {
  const slot = slotOf(now);
  const given = Buffer.from(token);
  return [slot, slot - 1].some((s) => {
    const want = Buffer.from(tokenFor(secret, activityId, s));
    return want.length === given.length && crypto.timingSafeEqual(want, given);
  });
}

/** Distance in metres between two points (haversine on a sphere of the Earth's mean radius). */
export function distanceMetres(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
