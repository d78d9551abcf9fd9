// Queries of volunteers: view columns, numbering and the set-based insert used by registration, import and demo.
import { shanghaiYear } from '../../platform/clock';
import {
  type VolunteerCreateBody,
  type VolunteerView,
  hoursToNextStar,
  maskIdCard,
  maskPhone,
  starLevel,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { PiiCipher } from '../../platform/crypto';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { buildSearchText } from '../../platform/search-text';

export const volunteerColumns = sql`v.id, v.number, v.account_id, v.name, v.gender, v.birth_date::text AS birth_date,
  v.id_card_masked, v.phone_masked, v.skills, v.service_areas, v.availability, v.political_status, v.education,
  v.emergency_name, v.emergency_phone_masked, v.region_code, rg.name AS region_name, v.home_lat, v.home_lng,
  v.site_id, s.name AS site_name, v.status, v.confirmed_hours, v.version, v.created_at`;
export const volunteerFrom = sql`volunteer v
  LEFT JOIN region rg ON rg.tenant_id = v.tenant_id AND rg.code = v.region_code
  LEFT JOIN practice_site s ON s.tenant_id = v.tenant_id AND s.id = v.site_id`;

const arr = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? parsePgArray(v) : []);
/** PGlite and pg both return text[] as arrays; this covers a driver that hands back `{a,b}`. */
function parsePgArray(v: string): string[] {
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((x) => x.replace(/^"|"$/g, '')) : [];
}

export function toVolunteerView(r: any, thresholds: number[]): VolunteerView {
  const hours = Number(r.confirmed_hours ?? 0);
  return {
    id: r.id,
    number: r.number,
    accountId: r.account_id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    idCardMasked: r.id_card_masked,
    phoneMasked: r.phone_masked,
    skills: arr(r.skills) as VolunteerView['skills'],
    serviceAreas: arr(r.service_areas),
    availability: arr(r.availability) as VolunteerView['availability'],
    politicalStatus: r.political_status,
    education: r.education,
    emergencyName: r.emergency_name,
    emergencyPhoneMasked: r.emergency_phone_masked,
    regionCode: r.region_code,
    regionName: r.region_name,
    homeLat: r.home_lat === null ? null : Number(r.home_lat),
    homeLng: r.home_lng === null ? null : Number(r.home_lng),
    siteId: r.site_id,
    siteName: r.site_name,
    status: r.status,
    confirmedHours: hours,
    starLevel: starLevel(hours, thresholds),
    hoursToNextStar: hoursToNextStar(hours, thresholds),
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Gender and birth date read from a valid 18-digit ID number (GB 11643: 17th digit odd = male). */
export function personalFromIdCard(idCard: string): { gender: 'male' | 'female'; birthDate: string } {
  const v = idCard.toUpperCase();
  return {
    gender: Number(v[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`,
  };
}

/** Shanghai calendar year of an instant (the zone has no daylight saving). */

/**
 * Reserve `count` numbers under a prefix; the row lock serialises concurrent registrations.
 * Answers the first sequence number reserved.
 */
export async function reserveNumbers(tx: Db, tenantId: string, prefix: string, count: number): Promise<number> {
  const res = await tx.execute(sql`INSERT INTO volunteer_number_seq (tenant_id, prefix, last)
    VALUES (${tenantId}, ${prefix}, ${count})
    ON CONFLICT (tenant_id, prefix) DO UPDATE SET last = volunteer_number_seq.last + ${count}
    RETURNING last`);
  return Number((res.rows[0] as { last: number }).last) - count + 1;
}

type Fields = Omit<VolunteerCreateBody, 'id'>;
export type NewVolunteer = Pick<Fields, 'name' | 'idCard' | 'regionCode'> &
  Partial<Omit<Fields, 'name' | 'idCard' | 'regionCode'>> & {
    id?: string;
    accountId?: string | null;
    siteId?: string | null;
  };

/** The stored columns of a new volunteer (personal data encrypted, masked and blind-indexed). */
function storedRow(cipher: PiiCipher, b: NewVolunteer, number: string) {
  const { gender, birthDate } = personalFromIdCard(b.idCard);
  return {
    id: b.id ?? newId(),
    number,
    account_id: b.accountId ?? null,
    name: b.name,
    gender,
    birth_date: birthDate,
    id_card_enc: cipher.encrypt(b.idCard),
    id_card_hash: cipher.blindIndex(b.idCard),
    id_card_masked: maskIdCard(b.idCard),
    phone_enc: b.phone ? cipher.encrypt(b.phone) : null,
    phone_masked: maskPhone(b.phone),
    skills: b.skills ?? [],
    service_areas: b.serviceAreas ?? [],
    availability: b.availability ?? [],
    political_status: b.politicalStatus ?? null,
    education: b.education ?? null,
    emergency_name: b.emergencyName ?? null,
    emergency_phone_enc: b.emergencyPhone ? cipher.encrypt(b.emergencyPhone) : null,
    emergency_phone_masked: maskPhone(b.emergencyPhone),
    region_code: b.regionCode,
    home_lat: b.homeLat ?? null,
    home_lng: b.homeLng ?? null,
    site_id: b.siteId ?? null,
    search_text: buildSearchText(b.name, number),
  };
}

/**
 * Insert volunteers in one statement per call, numbering them `V` + region (6) + year + sequence (6).
 * `onConflict: 'skip'` leaves out rows whose ID number, account or id is taken; answers the ids inserted.
 */
export async function insertVolunteers(
  tx: Db,
  cipher: PiiCipher,
  tenantId: string,
  bodies: NewVolunteer[],
  opts: { onConflict: 'skip' | 'fail'; at: Date },
): Promise<string[]> {
  if (!bodies.length) return [];
  const year = shanghaiYear(opts.at);
  const byPrefix = new Map<string, number>();
  for (const b of bodies) {
    const p = `V${b.regionCode.slice(0, 6)}${year}`;
    byPrefix.set(p, (byPrefix.get(p) ?? 0) + 1);
  }
  const next = new Map<string, number>();
  for (const [p, n] of byPrefix) next.set(p, await reserveNumbers(tx, tenantId, p, n));
  const rows = bodies.map((b) => {
    const p = `V${b.regionCode.slice(0, 6)}${year}`;
    const seq = next.get(p)!;
    next.set(p, seq + 1);
    return storedRow(cipher, b, `${p}${String(seq).padStart(6, '0')}`);
  });
  const res = await tx.execute(sql`INSERT INTO volunteer (tenant_id, id, number, account_id, name, gender, birth_date,
      id_card_enc, id_card_hash, id_card_masked, phone_enc, phone_masked, skills, service_areas, availability,
      political_status, education, emergency_name, emergency_phone_enc, emergency_phone_masked, region_code,
      home_lat, home_lng, site_id, search_text)
    SELECT ${tenantId}, x.id, x.number, x.account_id, x.name, x.gender, x.birth_date, x.id_card_enc, x.id_card_hash,
      x.id_card_masked, x.phone_enc, x.phone_masked, x.skills, x.service_areas, x.availability, x.political_status,
      x.education, x.emergency_name, x.emergency_phone_enc, x.emergency_phone_masked, x.region_code, x.home_lat,
      x.home_lng, x.site_id, x.search_text
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, number text, account_id uuid, name text,
      gender text, birth_date date, id_card_enc text, id_card_hash text, id_card_masked text, phone_enc text,
      phone_masked text, skills text[], service_areas text[], availability text[], political_status text,
      education text, emergency_name text, emergency_phone_enc text, emergency_phone_masked text, region_code text,
      home_lat double precision, home_lng double precision, site_id uuid, search_text text)
    ${opts.onConflict === 'skip' ? sql`ON CONFLICT DO NOTHING` : sql``}
    RETURNING id`);
  return (res.rows as { id: string }[]).map((r) => r.id);
}
