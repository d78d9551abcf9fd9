// Dispatch candidates (智能派单): the nearest active volunteers whose skills fit the order's item (measured from
// their home, else their site, to the order's place, else its site), scored in parts that add up to the score —
// skill 40, distance 25, availability now 10, current load 15, past ratings 10 — the top ten, each with its
// parts and the reasons it was proposed. With `q`, any active volunteer by name or number (a manual pick).
import {
  type CandidateReason,
  type CandidateScorePart,
  type Language,
  type OrderCandidateView,
  candidateScoreMax,
  renderCandidateReason,
  volunteerSkillLabels,
} from '@wenming/contracts';
import { type Actor, requirePermission } from '../../platform/access';
import type { Database } from '../../platform/db';
import { fail } from '../../platform/errors';
import { type PooledRow, candidateLoads, candidatePool, orderPlace } from './order-candidates.repository';

const TOP = 10;

interface OrderPlace {
  lat: number | null;
  lng: number | null;
  skills: string[];
}

type Pooled = Omit<PooledRow, 'lat' | 'lng'> & { lat: number | null; lng: number | null };

/** The availability slot (`mon_am` …) of an instant in Shanghai; null at night. */
export function availabilitySlot(at: Date): string | null {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][local.getUTCDay()];
  const h = local.getUTCHours();
  const part = h >= 6 && h < 12 ? 'am' : h >= 12 && h < 18 ? 'pm' : h >= 18 && h < 22 ? 'eve' : null;
  return part ? `${day}_${part}` : null;
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(a));
}

const tenths = (v: number) => Math.round(v * 10);

/** Score and explain one pooled volunteer: parts in tenths of a point, so that they add up to the score. */
export function scoreCandidate(
  v: Pooled,
  p: OrderPlace,
  load: { open: number; avg: number | null; n: number },
  slot: string | null,
): Omit<OrderCandidateView, 'reasonTexts'> {
  const reasons: CandidateReason[] = [];
  const parts: Record<CandidateScorePart, number> = { skill: 0, distance: 0, availability: 0, load: 0, rating: 0 };
  const matched = p.skills.filter((s) => v.skills.includes(s));
  if (p.skills.length === 0) {
    parts.skill = tenths(20);
    reasons.push({ code: 'no_skill_needed', params: {} });
  } else {
    parts.skill = tenths(40 * (matched.length / p.skills.length));
    for (const s of matched) reasons.push({ code: 'skill_match', params: { skill: s } });
  }
  let km: number | null = null;
  if (p.lat !== null && p.lng !== null && v.lat !== null && v.lng !== null) {
    km = Math.round(distanceKm(p.lat, p.lng, v.lat, v.lng) * 10) / 10;
    parts.distance = tenths(25 * Math.max(0, 1 - km / 10));
    reasons.push({ code: 'distance', params: { km } });
  } else {
    parts.distance = tenths(5);
    reasons.push({ code: 'distance_unknown', params: {} });
  }
  const availableNow = !!slot && v.availability.includes(slot);
  if (availableNow) {
    parts.availability = tenths(10);
    reasons.push({ code: 'available_now', params: {} });
  }
  parts.load = tenths(15 * Math.max(0, 1 - load.open / 3));
  reasons.push({ code: 'open_orders', params: { count: load.open } });
  const rating = load.avg === null ? null : Math.round(load.avg * 10) / 10;
  parts.rating = tenths(rating === null ? 6 : 10 * ((rating - 1) / 4));
  reasons.push(rating === null ? { code: 'no_rating', params: {} } : { code: 'rating', params: { value: rating } });
  const keys = Object.keys(parts) as CandidateScorePart[];
  return {
    volunteerId: v.id,
    name: v.name,
    number: v.number,
    score: keys.reduce((sum, k) => sum + parts[k], 0) / 10,
    parts: keys.map((part) => ({ part, points: parts[part] / 10, max: candidateScoreMax[part] })),
    measuredFrom: km === null ? null : v.located,
    distanceKm: km,
    openOrders: load.open,
    rating,
    ratingCount: load.n,
    matchedSkills: matched,
    availableNow,
    reasons,
  };
}

/** The top ten candidates for an order the actor may dispatch (or those matching `q`); 404 outside its scope. */
export async function orderCandidates(
  database: Database,
  actor: Actor,
  orderId: string,
  lang: Language = 'zh-CN',
  now = actor.now,
  q?: string,
): Promise<OrderCandidateView[]> {
  requirePermission(actor, 'order.dispatch');
  const o = await orderPlace(database.db, actor, orderId);
  if (!o) throw fail('ORDER_NOT_FOUND');
  const place = {
    lat: o.lat === null ? null : Number(o.lat),
    lng: o.lng === null ? null : Number(o.lng),
    skills: o.skills,
  };
  const pooled: Pooled[] = (await candidatePool(database.db, actor.tenantId, place, q || undefined)).map((v) => ({
    ...v,
    lat: v.lat === null ? null : Number(v.lat),
    lng: v.lng === null ? null : Number(v.lng),
  }));
  if (!pooled.length) return [];
  const stats = await candidateLoads(
    database.db,
    actor.tenantId,
    pooled.map((v) => v.id),
  );
  const slot = availabilitySlot(now);
  return pooled
    .map((v) => scoreCandidate(v, place, stats.get(v.id) ?? { open: 0, avg: null, n: 0 }, slot))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.distanceKm ?? 1e9) - (b.distanceKm ?? 1e9) ||
        a.volunteerId.localeCompare(b.volunteerId),
    )
    .slice(0, TOP)
    .map((c) => ({
      ...c,
      reasonTexts: c.reasons.map((r) => renderCandidateReason(r, lang, volunteerSkillLabels as Record<string, string>)),
    }));
}
