// The organisation of the demo tenant 示范市: its regions (the real GB/T 2260 codes of 6203), grids, units with
// pairings, the practice network, people and one account per role.
import { computeIdCardCheck, computeUsccCheck } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { createAccountRaw } from '../modules/org/tenant.service';
import { insertPeople } from '../modules/org/person.service';
import { importRegionSubtree } from '../modules/org/region-import';
import { insertUnits } from '../modules/org/unit.service';
import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { hashPassword } from '../platform/passwords';
import { buildSearchText } from '../platform/search-text';
import type { DemoContext } from './context';
import { demoUnits } from './demo-units';

/** GB/T 2260 prefecture whose real codes carry the fictional 示范市 (金昌市: 2 districts, 182 communities). */
export const DEMO_ROOT = '6203';
export const DEMO_DISTRICT = '620302';
export const DEMO_OTHER_DISTRICT = '620321';

export interface DemoAccount {
  username: string;
  role: string;
  scope: string;
  description: string;
}

function uscc(seed: number): string {
  const body = `91620300${String(seed).padStart(9, '0')}`.slice(0, 17).replace(/[IOZSV]/g, '0');
  return body + computeUsccCheck(body);
}

function idCard(region: string, birth: string, seq: number): string {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return body + computeIdCardCheck(body);
}

/** Regions, grids, units, pairings, sites, people and the demo accounts of a freshly created demo tenant. */
export async function seedDemoOrg(
  d: DemoContext,
  opts: { password: string; mustChangePassword: boolean },
): Promise<void> {
  const { db, tenantId, cipher } = d;
  await importRegionSubtree(db, tenantId, DEMO_ROOT, { rootName: '示范市' });
  const communities = (
    await db.execute(sql`SELECT code, name, parent_code FROM region WHERE tenant_id = ${tenantId}
    AND level = 'village' ORDER BY code`)
  ).rows as { code: string; name: string; parent_code: string }[];
  const streets = (
    await db.execute(
      sql`SELECT code, name FROM region WHERE tenant_id = ${tenantId} AND level = 'township' ORDER BY code`,
    )
  ).rows as { code: string; name: string }[];

  const gridIds: string[] = [];
  for (const [i, c] of communities.slice(0, 40).entries()) {
    const id = newId();
    gridIds.push(id);
    await db.execute(sql`INSERT INTO grid (tenant_id, id, code, name, region_code, search_text, center_lat, center_lng)
      VALUES (${tenantId}, ${id}, ${`G${c.code}01`}, ${`${c.name.replace(/(社区|村)?(居民|村民)委员会$/, '$1')}第一网格`}, ${c.code},
        ${buildSearchText(c.name)}, ${38.5 + i * 0.002}, ${102.18 + i * 0.002})`);
  }
  const unitRows = demoUnits.map((u, i) => ({
    id: newId(),
    name: u.name,
    type: u.type,
    creditCode: uscc(i + 1),
    regionCode: i % 3 === 2 ? DEMO_OTHER_DISTRICT : DEMO_DISTRICT,
    honorTier: u.tier,
    contactName: u.contact,
    contactPhone: `139${String(10000000 + i * 7919).slice(0, 8)}`,
    address: u.address,
    parentUnitId: null,
  }));
  await db.transaction(async (tx) => {
    await insertUnits(tx, cipher, tenantId, unitRows as never);
    for (const [i, u] of unitRows.entries()) {
      const target = communities[(i * 7) % communities.length];
      await tx.execute(sql`INSERT INTO pairing (tenant_id, id, unit_id, kind, target_kind, target_ref, region_code, note)
        VALUES (${tenantId}, ${newId()}, ${u.id}, ${i % 2 ? 'baojie' : 'baolian'}, 'region', ${target.code}, ${target.code}, '示范包联')`);
    }
    await tx.execute(sql`INSERT INTO practice_site (tenant_id, id, name, kind, region_code, five_has, search_text)
      VALUES (${tenantId}, ${newId()}, '示范市新时代文明实践中心', 'centre', ${DEMO_ROOT},
        ${JSON.stringify({ organisation: true, plan: true, carrier: true, highlight: true, effect: true })}::jsonb, ${buildSearchText('示范市新时代文明实践中心')})`);
    for (const [i, s] of streets.entries()) {
      const name = `${s.name}新时代文明实践所`;
      await tx.execute(sql`INSERT INTO practice_site (tenant_id, id, name, kind, region_code, five_has, search_text)
        VALUES (${tenantId}, ${newId()}, ${name}, 'institute', ${s.code},
          ${JSON.stringify({ organisation: true, plan: true, carrier: i % 2 === 0, highlight: i % 3 === 0, effect: true })}::jsonb, ${buildSearchText(name)})`);
    }
    for (const [i, c] of communities.slice(0, 60).entries()) {
      const name = `${c.name.replace(/(居民|村民)委员会$/, '')}新时代文明实践站`;
      await tx.execute(sql`INSERT INTO practice_site (tenant_id, id, name, kind, region_code, five_has, search_text)
        VALUES (${tenantId}, ${newId()}, ${name}, 'station', ${c.code},
          ${JSON.stringify({ organisation: true, plan: i % 4 !== 0, carrier: true, highlight: i % 5 === 0, effect: i % 3 !== 0 })}::jsonb, ${buildSearchText(name)})`);
    }
  });
  const people = demoPeople(
    communities,
    unitRows.map((u) => u.id),
  );
  await db.transaction((tx) => insertPeople(tx, cipher, tenantId, people as never));
  await createDemoAccounts(db, tenantId, opts, unitRows[0].id, people);
}

const surnames = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const given = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '海燕',
  '文明',
  '和平',
  '晓东',
  '春梅',
  '国庆',
  '玉兰',
  '德胜',
  '红梅',
  '立新',
  '淑珍',
  '子涵',
  '雨桐',
  '浩然',
];

function demoPeople(communities: { code: string }[], unitIds: string[]) {
  return Array.from({ length: 120 }, (_, i) => {
    const c = communities[(i * 5) % communities.length];
    const birth = `19${60 + (i % 40)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`;
    return {
      id: newId(),
      name: surnames[i % surnames.length] + given[(i * 7) % given.length],
      gender: i % 2 ? 'female' : 'male',
      idCard: idCard(c.code.slice(0, 6), birth, i % 1000),
      phone: `138${String(20000000 + i * 104729).slice(0, 8)}`,
      unitId: i % 3 === 0 ? unitIds[i % unitIds.length] : null,
      regionCode: c.code,
      position: i % 3 === 0 ? '干部' : null,
    };
  });
}

export function demoAccountList(): DemoAccount[] {
  return [
    { username: 'admin', role: 'office_admin', scope: 'all', description: '市文明办管理员（全市）' },
    {
      username: 'district_admin',
      role: 'office_admin',
      scope: `region:${DEMO_DISTRICT}`,
      description: '区文明办管理员（金川区）',
    },
    { username: 'inspector', role: 'inspector', scope: `region:${DEMO_DISTRICT}`, description: '督查员' },
    { username: 'unit_liaison', role: 'unit_liaison', scope: 'unit', description: '单位联络员（示范市文明办）' },
    { username: 'grid_worker', role: 'grid_worker', scope: 'region', description: '网格员' },
    { username: 'station_admin', role: 'station_admin', scope: 'site', description: '实践中心管理员' },
    { username: 'volunteer', role: 'volunteer', scope: 'own', description: '志愿者' },
    { username: 'resident', role: 'resident', scope: 'own', description: '群众' },
    { username: 'sysadmin', role: 'sysadmin', scope: 'all', description: '系统管理员' },
    { username: 'secadmin', role: 'secadmin', scope: 'all', description: '安全管理员' },
    { username: 'auditor', role: 'auditor', scope: 'all', description: '审计管理员' },
  ];
}

async function createDemoAccounts(
  db: Db,
  tenantId: string,
  opts: { password: string; mustChangePassword: boolean },
  unitId: string,
  people: { id: string; name: string; regionCode: string }[],
) {
  const hash = await hashPassword(opts.password);
  const site = (
    await db.execute(sql`SELECT id FROM practice_site WHERE tenant_id = ${tenantId} AND kind = 'centre' LIMIT 1`)
  ).rows[0] as { id: string };
  const community = people[0].regionCode;
  const scopes: Record<string, { kind: string; ref: string | null }> = {
    admin: { kind: 'all', ref: null },
    district_admin: { kind: 'region', ref: DEMO_DISTRICT },
    inspector: { kind: 'region', ref: DEMO_DISTRICT },
    unit_liaison: { kind: 'unit', ref: unitId },
    grid_worker: { kind: 'region', ref: community },
    station_admin: { kind: 'site', ref: site.id },
    volunteer: { kind: 'own', ref: null },
    resident: { kind: 'own', ref: null },
    sysadmin: { kind: 'all', ref: null },
    secadmin: { kind: 'all', ref: null },
    auditor: { kind: 'all', ref: null },
  };
  for (const [i, a] of demoAccountList().entries()) {
    const scope = scopes[a.username];
    await createAccountRaw(
      db,
      tenantId,
      {
        username: a.username,
        // A person's name is their display name; the role and its scope are shown beside it, from the grants.
        displayName: people[i].name,
        password: opts.password,
        personId: people[i].id,
        isDemo: true,
        mustChangePassword: opts.mustChangePassword,
        roles: [{ role: a.role, scopeKind: scope.kind, scopeRef: scope.ref }],
      },
      hash,
    );
  }
}
