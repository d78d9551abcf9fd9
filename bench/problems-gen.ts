// Data of bench/problems.ts: 1,000,000 problems in the bench city, written with bulk `unnest` inserts, spread
// over the city's communities, the last 365 days, ten categories and every state (most of them closed, as in life).
import crypto from 'node:crypto';
import { problemStatuses } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/platform/db';

export const BENCH_CATEGORIES = [
  'sanitation',
  'city_order',
  'facilities',
  'public_ads',
  'civility',
  'traffic',
  'window_service',
  'market',
  'back_street',
  'other',
];

/** Share of each state, in per mille. */
const statusShares: Record<(typeof problemStatuses)[number], number> = {
  reported: 50,
  assigned: 100,
  rectifying: 100,
  submitted: 60,
  returned: 30,
  verified: 50,
  closed: 550,
  reopened: 20,
  disputed: 20,
  duplicate: 20,
};

const cumulative = problemStatuses.map((_s, i) =>
  problemStatuses.slice(0, i + 1).reduce((a, x) => a + statusShares[x], 0),
);

/** A deterministic generator, so that every run writes the same city. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUIDv7 for a moment, so that ids follow creation order like the app's. */
function uuid7At(ms: number): string {
  const b = crypto.randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function ensureBenchCategories(database: Database, tenantId: string): Promise<void> {
  for (const code of BENCH_CATEGORIES)
    await database.db.execute(sql`INSERT INTO problem_category (tenant_id, code, name) VALUES (${tenantId}, ${code}, ${code})
      ON CONFLICT DO NOTHING`);
}

interface Place {
  code: string;
  path: string;
}

function batchArrays(n: number, offset: number, places: Place[], units: string[], next: () => number) {
  const now = Date.now();
  const cols = {
    id: [] as string[],
    number: [] as string[],
    status: [] as string[],
    category: [] as string[],
    severity: [] as string[],
    regionCode: [] as string[],
    regionPath: [] as string[],
    unit: [] as (string | null)[],
    created: [] as string[],
    deadline: [] as (string | null)[],
  };
  for (let i = 0; i < n; i++) {
    const created = now - Math.floor(next() * 365 * 86_400_000);
    const r = next() * 1000;
    const status = problemStatuses[cumulative.findIndex((c) => r < c)] ?? 'closed';
    const place = places[Math.floor(next() * places.length)];
    const assigned = status !== 'reported' && status !== 'duplicate';
    cols.id.push(uuid7At(created));
    cols.number.push(`WB${String(offset + i).padStart(8, '0')}`);
    cols.status.push(status);
    cols.category.push(BENCH_CATEGORIES[Math.floor(next() * BENCH_CATEGORIES.length)]);
    cols.severity.push(['low', 'medium', 'high'][Math.floor(next() * 3)]);
    cols.regionCode.push(place.code);
    cols.regionPath.push(`${place.path}.`);
    cols.unit.push(assigned ? units[Math.floor(next() * units.length)] : null);
    cols.created.push(new Date(created).toISOString());
    cols.deadline.push(assigned ? new Date(created + 3 * 86_400_000).toISOString() : null);
  }
  return cols;
}

/** Top the bench tenant up to `total` problems in batches; returns how many were written. */
export async function generateProblems(
  database: Database,
  tenantId: string,
  total: number,
  onBatch: (done: number) => void,
): Promise<number> {
  const have = Number(
    (await database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM problem WHERE tenant_id = ${tenantId}`))[0]
      .n,
  );
  if (have >= total) return 0;
  const places = await database.query<Place>(sql`SELECT code, path::text AS path FROM region
    WHERE tenant_id = ${tenantId} AND level = 'village' ORDER BY code`);
  const units = (
    await database.query<{ id: string }>(sql`SELECT id FROM unit WHERE tenant_id = ${tenantId} ORDER BY id`)
  ).map((u) => u.id);
  const next = rng(have + 2026);
  const BATCH = 25_000;
  for (let done = have; done < total; done += BATCH) {
    const c = batchArrays(Math.min(BATCH, total - done), done, places, units, next);
    await database.db.execute(sql`INSERT INTO problem (tenant_id, id, number, source, status, category, severity,
        description, region_code, region_path, search_text, assigned_unit_id, deadline_at, reported_by, created_at,
        updated_at, closed_at)
      SELECT ${tenantId}, x.id, x.number, 'inspection', x.status, x.category, x.severity, '基准测试问题 ' || x.number,
        x.region_code, x.region_path, lower(x.number), x.unit, x.deadline, NULL, x.created, x.created,
        CASE WHEN x.status IN ('closed', 'duplicate') THEN x.created END
      FROM unnest(${sql.param(c.id)}::uuid[], ${sql.param(c.number)}::text[], ${sql.param(c.status)}::text[],
        ${sql.param(c.category)}::text[], ${sql.param(c.severity)}::text[], ${sql.param(c.regionCode)}::text[],
        ${sql.param(c.regionPath)}::text[], ${sql.param(c.unit)}::uuid[], ${sql.param(c.deadline)}::timestamptz[],
        ${sql.param(c.created)}::timestamptz[])
        AS x(id, number, status, category, severity, region_code, region_path, unit, deadline, created)`);
    onBatch(Math.min(done + BATCH, total));
  }
  // Fresh statistics and visibility map: the planner's estimates and index-only scans depend on them.
  await database.db.execute(sql`VACUUM ANALYZE problem`);
  return total - have;
}
