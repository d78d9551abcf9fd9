import crypto from 'node:crypto';
import { checkIdCard, checkUscc, maskIdCard, maskPhone } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPiiCipher } from '../platform/crypto';
import { type Database, migrateDatabase, openDatabase } from '../platform/db';
import { verifyPassword } from '../platform/passwords';
import { CITY_ROOT_CODE, type GenCityResult, cityCounts, genCity, mulberry32 } from './gen-city';

const cipher = createPiiCipher(crypto.randomBytes(32));
let database: Database;
let result: GenCityResult;
const stages = new Map<string, { done: number; total: number }>();

beforeAll(async () => {
  database = await openDatabase({});
  await migrateDatabase(database);
  result = await genCity(database, {
    tenantCode: 'city-s',
    size: 'S',
    seed: 7,
    cipher,
    password: 'Bench@2026!',
    batchSize: 3_000,
    onProgress: (stage, done, total) => stages.set(stage, { done, total }),
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const rows = <T>(q: ReturnType<typeof sql>) => database.query<T>(q);

describe('cityCounts', () => {
  it('scales L down by 10 and 100 with floors', () => {
    expect(cityCounts('L')).toMatchObject({ districts: 12, streets: 150, communities: 1700, people: 1_000_000 });
    expect(cityCounts('M')).toMatchObject({ districts: 3, streets: 15, grids: 1700, points: 5000, people: 100_000 });
    expect(cityCounts('S')).toMatchObject({ districts: 2, streets: 2, communities: 17, units: 50, people: 10_000 });
  });

  it('mulberry32 is deterministic', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('genCity S', () => {
  it('loads the expected number of rows per table', () => {
    const n = cityCounts('S');
    expect(result.counts).toMatchObject({
      region: 1 + n.districts + n.streets + n.communities,
      grid: n.grids,
      unit: n.units,
      point: n.points,
      practice_site: 1 + n.streets + n.communities,
      person: n.people,
      account: 2,
    });
    // Every unit pairs with its community and one or two grids; every point is paired once.
    expect(result.counts.pairing).toBeGreaterThanOrEqual(n.points + 2 * n.units);
    expect(result.counts.pairing).toBeLessThanOrEqual(n.points + 3 * n.units);
    expect(stages.get('people')).toEqual({ done: n.people, total: n.people });
  });

  it('builds a consistent region tree in GB/T 2260 code format', async () => {
    const bad = await rows<{ code: string }>(sql`SELECT c.code FROM region c
      LEFT JOIN region p ON p.tenant_id = c.tenant_id AND p.code = c.parent_code
      WHERE c.tenant_id = ${result.tenantId}
        AND (CASE WHEN c.parent_code IS NULL THEN c.path::text <> c.code
                  ELSE p.code IS NULL OR c.path::text <> p.path::text || '.' || c.code END)`);
    expect(bad).toEqual([]);
    const levels = await rows<{ level: string; len: number; n: number }>(sql`SELECT level, length(code) AS len,
      count(*)::int AS n FROM region WHERE tenant_id = ${result.tenantId} GROUP BY 1, 2 ORDER BY 2`);
    expect(levels.map((l) => [l.level, l.len])).toEqual([
      ['prefecture', 4],
      ['county', 6],
      ['township', 9],
      ['village', 12],
    ]);
    const root = await rows<{ code: string }>(
      sql`SELECT code FROM region WHERE tenant_id = ${result.tenantId} AND parent_code IS NULL`,
    );
    expect(root).toEqual([{ code: CITY_ROOT_CODE }]);
    const names = await rows<{ name: string; search_text: string }>(sql`SELECT name, search_text FROM region
      WHERE tenant_id = ${result.tenantId} AND level = 'village' LIMIT 1`);
    expect(names[0].name).toMatch(/社区$/);
    expect(names[0].search_text).toContain(names[0].name);
  });

  it('stores valid, unique ID numbers and phones encrypted, with matching masks and blind indexes', async () => {
    const people = await rows<{
      gender: string;
      id_card_enc: string | null;
      id_card_hash: string | null;
      id_card_masked: string | null;
      phone_enc: string | null;
      phone_masked: string | null;
      region_code: string;
    }>(sql`SELECT gender, id_card_enc, id_card_hash, id_card_masked, phone_enc, phone_masked, region_code
      FROM person WHERE tenant_id = ${result.tenantId}`);
    const withId = people.filter((p) => p.id_card_enc);
    expect(withId.length).toBeGreaterThan(people.length * 0.5);
    expect(withId.length).toBeLessThan(people.length * 0.7);
    const seen = new Set<string>();
    for (const p of withId) {
      const id = cipher.decrypt(p.id_card_enc!);
      expect(checkIdCard(id)).toBeNull();
      expect(id.slice(0, 6)).toBe(p.region_code.slice(0, 6));
      expect(Number(id[16]) % 2 === 1).toBe(p.gender === 'male');
      expect(p.id_card_hash).toBe(cipher.blindIndex(id));
      expect(p.id_card_masked).toBe(maskIdCard(id));
      seen.add(id);
    }
    expect(seen.size).toBe(withId.length);
    for (const p of people.filter((x) => x.phone_enc).slice(0, 2000)) {
      const phone = cipher.decrypt(p.phone_enc!);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(p.phone_masked).toBe(maskPhone(phone));
    }
  });

  it('gives units valid credit codes and pairs every point with a unit in its region', async () => {
    const units = await rows<{ credit_code: string }>(
      sql`SELECT credit_code FROM unit WHERE tenant_id = ${result.tenantId}`,
    );
    for (const u of units) expect(checkUscc(u.credit_code)).toBeNull();
    const unpaired = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM point pt
      WHERE pt.tenant_id = ${result.tenantId} AND NOT EXISTS (SELECT 1 FROM pairing pr
        WHERE pr.tenant_id = pt.tenant_id AND pr.target_kind = 'point' AND pr.target_ref = pt.id::text
          AND pr.region_code = pt.region_code)`);
    expect(unpaired[0].n).toBe(0);
    const gridMismatch = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM point pt
      JOIN grid g ON g.tenant_id = pt.tenant_id AND g.id = pt.grid_id
      WHERE pt.tenant_id = ${result.tenantId} AND g.region_code <> pt.region_code`);
    expect(gridMismatch[0].n).toBe(0);
  });

  it('creates the bench accounts with their scopes and password', async () => {
    expect(result.accounts).toEqual([
      { username: 'bench_admin', role: 'office_admin', scopeRef: null },
      { username: 'bench_district', role: 'office_admin', scopeRef: `${CITY_ROOT_CODE}01` },
    ]);
    const accounts = await rows<{ username: string; password_hash: string; scope_kind: string; is_demo: boolean }>(
      sql`SELECT a.username, a.password_hash, ra.scope_kind, a.is_demo FROM account a
        JOIN role_assignment ra ON ra.tenant_id = a.tenant_id AND ra.account_id = a.id
        WHERE a.tenant_id = ${result.tenantId} AND NOT a.must_change_password ORDER BY a.username`,
    );
    expect(accounts.map((a) => [a.username, a.scope_kind, a.is_demo])).toEqual([
      ['bench_admin', 'all', true],
      ['bench_district', 'region', true],
    ]);
    expect(await verifyPassword(accounts[1].password_hash, 'Bench@2026!')).toBe(true);
  });

  it('generates the same city again from the same seed (ids and ciphertexts aside)', async () => {
    const again = await genCity(database, { tenantCode: 'city-s-again', size: 'S', seed: 7, cipher, batchSize: 4_000 });
    const digest = (tenantId: string) =>
      rows<{ d: string }>(sql`SELECT md5(string_agg(concat_ws('|', name, gender, id_card_masked, id_card_hash,
        phone_masked, region_code, position), ',' ORDER BY id)) AS d FROM person WHERE tenant_id = ${tenantId}`);
    expect(await digest(again.tenantId)).toEqual(await digest(result.tenantId));
    expect(again.counts).toEqual(result.counts);
  }, 60_000);

  it('refuses to generate twice into the same tenant', async () => {
    await expect(genCity(database, { tenantCode: 'city-s', size: 'S', cipher })).rejects.toThrow(/already exists/);
  });
});
