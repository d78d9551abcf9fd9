// What a row of a units or people sheet means: columns, labels, references and whole-file checks.
import {
  type Language,
  type Permission,
  type RowError,
  genders,
  honorTiers,
  personBody,
  unitBody,
  unitTypes,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, regionRoots } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { type ImportColumn, type SheetRow, rowProblem, validateRows } from '../../platform/excel';

type Labels<T extends string> = [code: T, ...labels: string[]][];

// The first label is what exports write; all are accepted on import (zh-CN, zh-TW, the UI's longer names, en).
const unitTypeNames: Labels<(typeof unitTypes)[number]> = [
  ['organ', '机关', '機關', 'government organ'],
  ['institution', '事业单位', '事業單位', 'public institution'],
  ['enterprise', '企业', '企業'],
  ['school', '学校', '學校'],
  ['hospital', '医院', '醫院'],
  ['window', '窗口单位', '窗口單位', 'public service window'],
  ['religious', '宗教场所', '宗教場所', 'religious venue'],
  ['social_org', '社会组织', '社會組織', 'social organisation'],
  ['scenic', '景区', '景區', 'scenic spot'],
  ['community', '社区', '社區'],
  ['other', '其他', '其他'],
];
const honorTierNames: Labels<(typeof honorTiers)[number]> = [
  ['none', '无', '無'],
  ['county', '县级', '縣級', '县级文明单位', '縣級文明單位', '区级'],
  ['city', '市级', '市級', '市级文明单位', '市級文明單位'],
  ['province', '省级', '省級', '省级文明单位', '省級文明單位'],
  ['national', '全国', '全國', '全国文明单位', '全國文明單位', '全国级', '国家级'],
  ['model', '标兵', '標兵', '文明单位标兵', '文明單位標兵'],
];
const genderNames: Labels<(typeof genders)[number]> = [
  ['male', '男', '男性', 'm'],
  ['female', '女', '女性', 'f'],
];

/** The label an export writes for a code. */
const labelOf = <T extends string>(names: Labels<T>) => {
  const m = new Map<string, string>(names.map(([code, first]) => [code, first]));
  return (code: string | null | undefined) => (code ? (m.get(code) ?? code) : null);
};
export const unitTypeLabel = labelOf(unitTypeNames);
export const honorTierLabel = labelOf(honorTierNames);
export const genderLabel = labelOf(genderNames);
export const unitTypeChoices = unitTypeNames.map((n) => n[1]).join('/');
export const honorTierChoices = honorTierNames.map((n) => n[1]).join('/');

/** An enum cell given as its code or any label; anything else is left for zod to refuse. */
function fromLabels<T extends string>(names: Labels<T>) {
  const lookup = new Map<string, string>();
  for (const [code, ...labels] of names) for (const l of [code, ...labels]) lookup.set(l.toLowerCase(), code);
  return (v: unknown) => (typeof v === 'string' ? (lookup.get(v.toLowerCase()) ?? v) : v);
}

/**
 * Exports mask phones (SPEC 3.4), so a re-imported export carries "138****1234": that value cannot
 * be restored, and is taken as "no phone" rather than refusing the row.
 */
const dropMaskedPhone = (v: unknown) => (typeof v === 'string' && /^\d{3}\*+\d{4}$/.test(v) ? undefined : v);

const regionHeaders = ['所属区划', '所屬區劃', 'region', '区划', '区划代码', '所属区划代码', '區劃', 'region code'];

export const unitColumns: ImportColumn[] = [
  { key: 'name', header: ['单位名称', '單位名稱', 'name', '名称', 'unit name'], required: true },
  { key: 'type', header: ['单位类型', '單位類型', 'type', '类型'], required: true },
  { key: 'creditCode', header: ['统一社会信用代码', '統一社會信用代碼', 'credit code', '信用代码', 'uscc'] },
  { key: 'regionCode', header: regionHeaders, required: true },
  { key: 'honorTier', header: ['文明单位等级', '文明單位等級', 'honour tier', 'honor tier', '荣誉等级'] },
  { key: 'contactName', header: ['联系人', '聯絡人', 'contact', 'contact name'] },
  { key: 'contactPhone', header: ['联系电话', '聯絡電話', 'contact phone'] },
  { key: 'address', header: ['地址', '地址', 'address'] },
];

export const personColumns: ImportColumn[] = [
  { key: 'name', header: ['姓名', '姓名', 'name'], required: true },
  { key: 'gender', header: ['性别', '性別', 'gender'] },
  { key: 'idCard', header: ['身份证号', '身分證號', 'id number', '身份证号码', '公民身份号码', '证件号码'] },
  { key: 'phone', header: ['手机号', '手機號', 'phone', '手机号码', '联系电话'] },
  { key: 'unitId', header: ['所在单位', '所在單位', 'unit', '单位', '单位名称'] },
  { key: 'regionCode', header: regionHeaders, required: true },
  { key: 'position', header: ['职务', '職務', 'position'] },
];

type Resolve = (value: string) => { value: string } | { problem: string };

/** A cell naming a record, checked against what was loaded for the whole file at once. */
const resolvedField = (resolve: Resolve) =>
  z.string().transform((v, c) => {
    const r = resolve(v);
    if ('value' in r) return r.value;
    c.addIssue({ code: 'custom', message: r.problem });
    return z.NEVER;
  });

/** By exact code, else by a name that names exactly one candidate. */
function resolver(
  byCode: Map<string, string>,
  byName: Map<string, string[]>,
  unknown: string,
  ambiguous: string,
): Resolve {
  return (v) => {
    const code = byCode.get(v) ?? byCode.get(v.toUpperCase());
    if (code) return { value: code };
    const named = byName.get(v) ?? [];
    if (named.length === 1) return { value: named[0] };
    return { problem: named.length ? ambiguous : unknown };
  };
}

const distinct = (rows: SheetRow[], key: string) => [
  ...new Set(rows.map((r) => r.values[key]).filter((v): v is string => !!v)),
];

function group(pairs: [string, string][]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of pairs) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
}

/** Regions named in the file (code or name) that are active and inside the actor's scope for the permission. */
async function loadRegions(db: Db, actor: Actor, permission: Permission, rows: SheetRow[]): Promise<Resolve> {
  const vals = distinct(rows, 'regionCode');
  const res = await db.execute(sql`SELECT code, name, path::text AS path FROM region
    WHERE tenant_id = ${actor.tenantId} AND status = 'active'
      AND (code = ANY(${sql.param(vals)}::text[]) OR name = ANY(${sql.param(vals)}::text[]))`);
  const roots = regionRoots(actor, permission);
  const usable = (res.rows as { code: string; name: string; path: string }[]).filter(
    (r) => roots === null || roots.some((p) => r.path === p || r.path.startsWith(`${p}.`)),
  );
  const byCode = new Map(usable.map((r) => [r.code, r.code]));
  return resolver(byCode, group(usable.map((r) => [r.name, r.code])), 'unknown_region', 'ambiguous_region');
}

/** Units of the tenant named in the file by credit code or name. */
async function loadUnits(db: Db, tenantId: string, rows: SheetRow[]): Promise<Resolve> {
  const vals = distinct(rows, 'unitId');
  const codes = vals.map((v) => v.toUpperCase());
  const res = await db.execute(sql`SELECT id, name, credit_code FROM unit WHERE tenant_id = ${tenantId}
    AND (name = ANY(${sql.param(vals)}::text[]) OR credit_code = ANY(${sql.param(codes)}::text[]))`);
  const units = res.rows as { id: string; name: string; credit_code: string | null }[];
  const byCode = new Map(units.filter((u) => u.credit_code).map((u) => [u.credit_code!, u.id]));
  return resolver(byCode, group(units.map((u) => [u.name, u.id])), 'unknown_unit', 'ambiguous_unit');
}

/**
 * Every row that repeats an earlier row's key (credit code, ID number), with the row it repeats.
 * Checked on the raw cells, so a repeat is found even when the earlier row has other problems.
 */
function duplicatesInFile(rows: SheetRow[], key: string, lang: Language): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const r of rows) {
    const v = r.values[key]?.toUpperCase();
    if (!v) continue;
    const seen = first.get(v);
    if (seen === undefined) first.set(v, r.row);
    else errors.push({ row: r.row, field: key, message: rowProblem(key, 'duplicate_of_row', lang, { row: seen }) });
  }
  return errors;
}

/** Rows whose `key` is already stored; `lookup` turns a cell into what is stored, `stored` finds those present. */
async function takenInDb(
  rows: SheetRow[],
  key: string,
  lang: Language,
  lookup: (v: string) => string,
  stored: (keys: string[]) => Promise<Set<string>>,
): Promise<RowError[]> {
  const keyed = rows.filter((r) => r.values[key]).map((r) => ({ row: r.row, k: lookup(r.values[key]!.toUpperCase()) }));
  const taken = await stored([...new Set(keyed.map((x) => x.k))]);
  return keyed
    .filter((x) => taken.has(x.k))
    .map((x) => ({ row: x.row, field: key, message: rowProblem(key, 'taken', lang) }));
}

async function column(db: Db, query: ReturnType<typeof sql>): Promise<Set<string>> {
  const res = await db.execute(query);
  return new Set(res.rows.map((r) => Object.values(r)[0] as string));
}

export type UnitRow = z.output<typeof unitBody>;
export type PersonRow = z.output<typeof personBody>;
export interface Validated<T> {
  valid: { row: number; data: T }[];
  errors: RowError[];
}

/** Check a units sheet completely: fields, regions in the actor's scope, credit codes unique in file and tenant. */
export async function validateUnitRows(
  ctx: AppContext,
  actor: Actor,
  rows: SheetRow[],
  lang: Language,
): Promise<Validated<UnitRow>> {
  const regions = await loadRegions(ctx.db, actor, 'unit.manage', rows);
  const schema = unitBody.extend({
    type: z.preprocess(fromLabels(unitTypeNames), z.enum(unitTypes)),
    honorTier: z.preprocess(fromLabels(honorTierNames), z.enum(honorTiers)).default('none'),
    regionCode: resolvedField(regions),
    contactPhone: z.preprocess(dropMaskedPhone, unitBody.shape.contactPhone),
  });
  const { valid, errors } = validateRows(rows, schema, { lang });
  const taken = await takenInDb(
    rows,
    'creditCode',
    lang,
    (v) => v,
    (codes) =>
      column(
        ctx.db,
        sql`SELECT credit_code FROM unit WHERE tenant_id = ${actor.tenantId} AND credit_code = ANY(${sql.param(codes)}::text[])`,
      ),
  );
  return { valid, errors: [...errors, ...duplicatesInFile(rows, 'creditCode', lang), ...taken] };
}

/** Check a people sheet completely: fields, regions in scope, units of the tenant, ID numbers unique in file and tenant. */
export async function validatePersonRows(
  ctx: AppContext,
  actor: Actor,
  rows: SheetRow[],
  lang: Language,
): Promise<Validated<PersonRow>> {
  const regions = await loadRegions(ctx.db, actor, 'person.manage', rows);
  const units = await loadUnits(ctx.db, actor.tenantId, rows);
  const schema = personBody.extend({
    gender: z.preprocess(fromLabels(genderNames), z.enum(genders)).optional(),
    phone: z.preprocess(dropMaskedPhone, personBody.shape.phone),
    unitId: resolvedField(units).optional(),
    regionCode: resolvedField(regions),
  });
  const { valid, errors } = validateRows(rows, schema, { lang });
  // Compared by blind index: stored ID numbers are encrypted.
  const taken = await takenInDb(
    rows,
    'idCard',
    lang,
    (v) => ctx.cipher.blindIndex(v),
    (hashes) =>
      column(
        ctx.db,
        sql`SELECT id_card_hash FROM person WHERE tenant_id = ${actor.tenantId} AND id_card_hash = ANY(${sql.param(hashes)}::text[])`,
      ),
  );
  return { valid, errors: [...errors, ...duplicatesInFile(rows, 'idCard', lang), ...taken] };
}
