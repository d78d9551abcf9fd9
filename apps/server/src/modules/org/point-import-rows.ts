// What a row of a points sheet (点位导入) means: columns, labels, references and whole-file checks.
import { type Language, type RowError, pointBody, pointTypeNames, pointTypes } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, regionRoots } from '../../platform/access';
import type { Db } from '../../platform/db';
import { type ImportColumn, type SheetRow, rowProblem, validateRows } from '../../platform/excel';

export const pointColumns: ImportColumn[] = [
  { key: 'name', header: ['点位名称', '點位名稱', 'name', '名称', 'point name'], required: true },
  { key: 'pointType', header: ['点位类型', '點位類型', 'point type', '类型'], required: true },
  { key: 'regionCode', header: ['所属区划', '所屬區劃', 'region', '区划', '区划代码', '所属社区'], required: true },
  { key: 'gridId', header: ['所属网格', '所屬網格', 'grid', '网格', '网格编码'] },
  { key: 'address', header: ['地址', '地址', 'address'] },
  { key: 'lat', header: ['纬度', '緯度', 'latitude', 'lat'] },
  { key: 'lng', header: ['经度', '經度', 'longitude', 'lng'] },
  { key: 'unitId', header: ['责任单位', '責任單位', 'responsible unit', '包联单位'] },
];

const twNames: Record<string, string> = {
  residential: '小區',
  back_street: '背街小巷',
  market: '農貿市場',
  main_road: '主次幹道',
  park_square: '公園廣場',
  window: '窗口單位',
  hospital: '醫院',
  school_area: '學校周邊',
  bus_stop: '公交站點',
  toilet: '公廁',
  practice_site: '新時代文明實踐所站',
};
const typeLookup = new Map<string, string>(
  pointTypes.flatMap((t) => [[t, t] as const, [pointTypeNames[t], t] as const, [twNames[t], t] as const]),
);

type Resolve = (v: string) => { value: string } | { problem: string };
const resolved = (resolve: Resolve) =>
  z.string().transform((v, c) => {
    const r = resolve(v);
    if ('value' in r) return r.value;
    c.addIssue({ code: 'custom', message: r.problem });
    return z.NEVER;
  });

/** By exact key, else by a name that names exactly one record. */
function byKeyOrName(rows: { key: string; name: string; id: string }[], unknown: string, ambiguous: string): Resolve {
  const byKey = new Map(rows.map((r) => [r.key.toUpperCase(), r.id]));
  const byName = new Map<string, string[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.id]);
  return (v) => {
    const hit = byKey.get(v.toUpperCase());
    if (hit) return { value: hit };
    const named = byName.get(v) ?? [];
    return named.length === 1 ? { value: named[0] } : { problem: named.length ? ambiguous : unknown };
  };
}

const distinct = (rows: SheetRow[], key: string) => [
  ...new Set(rows.map((r) => r.values[key]).filter((v): v is string => !!v)),
];

async function references(db: Db, actor: Actor, rows: SheetRow[]) {
  const regionVals = distinct(rows, 'regionCode');
  const regions =
    await db.execute(sql`SELECT code, name, path::text AS path FROM region WHERE tenant_id = ${actor.tenantId}
    AND status = 'active' AND (code = ANY(${sql.param(regionVals)}::text[]) OR name = ANY(${sql.param(regionVals)}::text[]))`);
  const roots = regionRoots(actor, 'region.manage');
  const usable = (regions.rows as any[]).filter(
    (r) => roots === null || roots.some((p) => r.path === p || r.path.startsWith(`${p}.`)),
  );
  const gridVals = distinct(rows, 'gridId');
  const grids = await db.execute(sql`SELECT id, code, name, region_code FROM grid WHERE tenant_id = ${actor.tenantId}
    AND (code = ANY(${sql.param(gridVals)}::text[]) OR name = ANY(${sql.param(gridVals)}::text[]))`);
  const unitVals = distinct(rows, 'unitId');
  const units = await db.execute(sql`SELECT id, name, credit_code FROM unit WHERE tenant_id = ${actor.tenantId}
    AND (name = ANY(${sql.param(unitVals)}::text[]) OR credit_code = ANY(${sql.param(unitVals.map((v) => v.toUpperCase()))}::text[]))`);
  return {
    region: byKeyOrName(
      usable.map((r) => ({ key: r.code, name: r.name, id: r.code })),
      'unknown_region',
      'ambiguous_region',
    ),
    grid: byKeyOrName(
      grids.rows.map((g: any) => ({ key: g.code, name: g.name, id: g.id })),
      'unknown_grid',
      'ambiguous_grid',
    ),
    gridRegion: new Map(grids.rows.map((g: any) => [g.id as string, g.region_code as string])),
    unit: byKeyOrName(
      units.rows.map((u: any) => ({ key: u.credit_code ?? u.id, name: u.name, id: u.id })),
      'unknown_unit',
      'ambiguous_unit',
    ),
  };
}

/** A sheet row as a point body, its references resolved against what the file names. */
export const pointRowSchema = (refs: Awaited<ReturnType<typeof references>>) =>
  pointBody
    .extend({
      pointType: z.preprocess((v) => (typeof v === 'string' ? (typeLookup.get(v.trim()) ?? v) : v), z.enum(pointTypes)),
      regionCode: resolved(refs.region),
      gridId: resolved(refs.grid).optional(),
      lat: z.coerce.number().min(-90).max(90).optional(),
      lng: z.coerce.number().min(-180).max(180).optional(),
      unitId: resolved(refs.unit).optional(),
    })
    .refine((p) => !p.gridId || refs.gridRegion.get(p.gridId) === p.regionCode, {
      path: ['gridId'],
      message: 'grid_not_in_region',
    });
export type PointRow = z.output<ReturnType<typeof pointRowSchema>>;

/** Rows repeating another row's (region, name), or a point already stored there. */
async function duplicates(db: Db, tenantId: string, valid: { row: number; data: PointRow }[], lang: Language) {
  const errors: RowError[] = [];
  const first = new Map<string, number>();
  for (const v of valid) {
    const key = `${v.data.regionCode}\u0000${v.data.name}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, v.row);
    else
      errors.push({ row: v.row, field: 'name', message: rowProblem('name', 'duplicate_of_row', lang, { row: seen }) });
  }
  const stored = await db.execute(sql`SELECT region_code, name FROM point WHERE tenant_id = ${tenantId}
    AND name = ANY(${sql.param([...new Set(valid.map((v) => v.data.name))])}::text[])`);
  const taken = new Set(stored.rows.map((r: any) => `${r.region_code}\u0000${r.name}`));
  for (const v of valid)
    if (taken.has(`${v.data.regionCode}\u0000${v.data.name}`))
      errors.push({ row: v.row, field: 'name', message: rowProblem('name', 'taken', lang) });
  return errors;
}

/** Check a points sheet completely: fields, types by code or name, regions in scope, grids in their region, units, repeats. */
export async function validatePointRows(db: Db, actor: Actor, rows: SheetRow[], lang: Language) {
  const refs = await references(db, actor, rows);
  const { valid, errors } = validateRows(rows, pointRowSchema(refs), { lang });
  return { valid, errors: [...errors, ...(await duplicates(db, actor.tenantId, valid, lang))] };
}
