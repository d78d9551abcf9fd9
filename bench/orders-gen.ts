// Set-up of the orders and time bank benches: an own PostgreSQL database at the current migrations, a bench
// tenant with one region and a practice centre, and volunteers generated in SQL (1,000,000 by default) with
// random skills, availability and homes around the city centre.
import { volunteerSkills } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createTenant } from '../apps/server/src/modules/org/tenant.service';
import { type Database, migrateDatabase, openDatabase } from '../apps/server/src/platform/db';
import { newId } from '../apps/server/src/platform/ids';
import { adminDatabaseUrl, databaseUrl } from './lib';

export const CITY_LAT = 38.5;
export const CITY_LNG = 102.2;
export const ROOT = '6203';

export interface BenchTenant {
  database: Database;
  tenantId: string;
  siteId: string;
}

/** Our own database (created once, kept between runs), migrated, with a bench tenant, region and centre. */
export async function openBenchTenant(dbName: string, poolSize = 24): Promise<BenchTenant> {
  const c = new pg.Client({ connectionString: adminDatabaseUrl() });
  await c.connect();
  try {
    if (process.env.BENCH_RECREATE === '1') await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE ${dbName}`);
  } finally {
    await c.end();
  }
  const database = await openDatabase({ databaseUrl: databaseUrl(adminDatabaseUrl(), dbName), poolSize });
  await migrateDatabase(database);
  const { id: tenantId } = await createTenant(database.db, { code: 'bench', name: '基准市', rootRegionCode: ROOT });
  await database.db.execute(sql`INSERT INTO region (tenant_id, code, name, level, path)
    VALUES (${tenantId}, ${ROOT}, '基准市', 'prefecture', ${ROOT}::ltree) ON CONFLICT DO NOTHING`);
  const site = await database.db.execute(
    sql`SELECT id FROM practice_site WHERE tenant_id = ${tenantId} AND kind = 'centre' LIMIT 1`,
  );
  let siteId = (site.rows[0] as { id: string } | undefined)?.id;
  if (!siteId) {
    siteId = newId();
    await database.db.execute(sql`INSERT INTO practice_site (tenant_id, id, name, kind, region_code, five_has, lat, lng)
      VALUES (${tenantId}, ${siteId}, '基准市新时代文明实践中心', 'centre', ${ROOT}, '{}'::jsonb, ${CITY_LAT}, ${CITY_LNG})`);
  }
  return { database, tenantId, siteId };
}

/** Generate volunteers up to `total` in batches of 100,000 (random skills, availability, homes within ±0.4°). */
export async function generateVolunteers(t: BenchTenant, total: number, log = console.error): Promise<number> {
  const have = Number(
    (
      (await t.database.db.execute(sql`SELECT count(*)::int AS n FROM volunteer WHERE tenant_id = ${t.tenantId}`))
        .rows[0] as any
    ).n,
  );
  const skills = [...volunteerSkills];
  const slots = ['mon_am', 'mon_pm', 'tue_am', 'wed_pm', 'thu_eve', 'fri_am', 'sat_am', 'sat_pm', 'sun_am', 'sun_pm'];
  for (let from = have; from < total; from += 100_000) {
    const n = Math.min(100_000, total - from);
    await t.database.db.execute(sql`INSERT INTO volunteer (tenant_id, id, number, name, id_card_enc, id_card_hash,
        id_card_masked, skills, availability, region_code, home_lat, home_lng, status)
      SELECT ${t.tenantId}, gen_random_uuid(), 'VB' || lpad((${from} + g)::text, 9, '0'), '志愿者' || (${from} + g),
        'enc', 'bench-' || (${from} + g), '6203**********0000',
        ARRAY[(${sql.param(skills)}::text[])[1 + (g * 7) % ${skills.length}],
              (${sql.param(skills)}::text[])[1 + (g * 13 + 5) % ${skills.length}]],
        ARRAY[(${sql.param(slots)}::text[])[1 + g % ${slots.length}], (${sql.param(slots)}::text[])[1 + (g * 3) % ${slots.length}]],
        ${ROOT}, ${CITY_LAT} + (random() - 0.5) * 0.8, ${CITY_LNG} + (random() - 0.5) * 0.8, 'active'
      FROM generate_series(1, ${n}) AS g`);
    log(`  volunteers: ${from + n} / ${total}`);
  }
  if (have < total) await t.database.db.execute(sql`ANALYZE volunteer`);
  return total - Math.min(have, total);
}

/** Percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
