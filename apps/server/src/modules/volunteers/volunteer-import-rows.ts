// What a row of a volunteers sheet means: columns, labels for codes, and whole-file checks.
import {
  type Language,
  type RowError,
  availabilitySlots,
  type dayParts,
  educationLabels,
  educationLevels,
  politicalStatusLabels,
  politicalStatuses,
  type volunteerCreateBody,
  volunteerCreateObject,
  volunteerSkillLabels,
  volunteerSkills,
  weekdays,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, regionRoots } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import { type ImportColumn, type SheetRow, rowProblem, validateRows } from '../../platform/excel';

export const volunteerColumns: ImportColumn[] = [
  { key: 'name', header: ['姓名', '姓名', 'name'], required: true },
  { key: 'idCard', header: ['身份证号', '身分證號', 'id number', '身份证号码', '公民身份号码'], required: true },
  { key: 'phone', header: ['手机号', '手機號', 'phone', '手机号码', '联系电话'], required: true },
  { key: 'regionCode', header: ['所属区划', '所屬區劃', 'region', '居住社区', '区划代码'], required: true },
  { key: 'skills', header: ['技能特长', '技能專長', 'skills', '技能'] },
  { key: 'serviceAreas', header: ['服务区域', '服務區域', 'service areas'] },
  { key: 'availability', header: ['服务时间', '服務時間', 'availability'] },
  { key: 'politicalStatus', header: ['政治面貌', '政治面貌', 'political status'] },
  { key: 'education', header: ['学历', '學歷', 'education'] },
  { key: 'emergencyName', header: ['紧急联系人', '緊急聯絡人', 'emergency contact'] },
  { key: 'emergencyPhone', header: ['紧急联系电话', '緊急聯絡電話', 'emergency phone'] },
];

const dayNames: Record<string, string> = {
  一: 'mon',
  二: 'tue',
  三: 'wed',
  四: 'thu',
  五: 'fri',
  六: 'sat',
  日: 'sun',
  天: 'sun',
};
const partNames: Record<string, string> = { 上午: 'am', 下午: 'pm', 晚上: 'eve' };
/** 周一上午 → mon_am; codes pass through. */
export const slotLabel = (code: string) => {
  const [d, p] = code.split('_');
  const day = '一二三四五六日'[weekdays.indexOf(d as never)];
  return `周${day}${{ am: '上午', pm: '下午', eve: '晚上' }[p as (typeof dayParts)[number]]}`;
};
function slotFromLabel(v: string): string {
  const m = /^(?:周|星期)([一二三四五六日天])(上午|下午|晚上)$/.exec(v);
  return m ? `${dayNames[m[1]]}_${partNames[m[2]]}` : v;
}

const inverse = (labels: Record<string, string>) => new Map(Object.entries(labels).map(([k, v]) => [v, k]));
const skillByLabel = inverse(volunteerSkillLabels);
const politicalByLabel = inverse(politicalStatusLabels);
const educationByLabel = inverse(educationLabels);
const split = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/[,，、;；\s]+/)
        .map((x) => x.trim())
        .filter(Boolean)
    : v;
const listOf = (map: (x: string) => string) => (v: unknown) => {
  const xs = split(v);
  return Array.isArray(xs) ? xs.map(map) : xs;
};
const labelled = (m: Map<string, string>) => (v: unknown) => (typeof v === 'string' ? (m.get(v) ?? v) : v);

export type VolunteerRow = z.output<typeof volunteerCreateBody>;

/** Regions named in the file (code or name) that exist; with `own`-less region scopes, inside them. */
async function regionResolver(ctx: AppContext, actor: Actor, rows: SheetRow[]) {
  const vals = [...new Set(rows.map((r) => r.values.regionCode).filter((v): v is string => !!v))];
  const res = await ctx.db.execute(sql`SELECT code, name, path::text AS path FROM region
    WHERE tenant_id = ${actor.tenantId} AND status = 'active'
      AND (code = ANY(${sql.param(vals)}::text[]) OR name = ANY(${sql.param(vals)}::text[]))`);
  const roots = regionRoots(actor, 'volunteer.manage');
  const siteScoped = roots !== null && roots.length === 0; // site grants: any home region, the site decides scope
  const usable = (res.rows as { code: string; name: string; path: string }[]).filter(
    (r) => roots === null || siteScoped || roots.some((p) => r.path === p || r.path.startsWith(`${p}.`)),
  );
  const byCode = new Set(usable.map((r) => r.code));
  const byName = new Map<string, string[]>();
  for (const r of usable) byName.set(r.name, [...(byName.get(r.name) ?? []), r.code]);
  return z.string().transform((v, c) => {
    if (byCode.has(v)) return v;
    const named = byName.get(v) ?? [];
    if (named.length === 1) return named[0];
    c.addIssue({ code: 'custom', message: named.length ? 'ambiguous_region' : 'unknown_region' });
    return z.NEVER;
  });
}

/** Rows repeating an earlier row's ID number, and rows whose ID number is already registered. */
async function duplicateIdCards(ctx: AppContext, actor: Actor, rows: SheetRow[], lang: Language): Promise<RowError[]> {
  const errors: RowError[] = [];
  const first = new Map<string, number>();
  const hashes = new Map<string, number[]>();
  for (const r of rows) {
    const v = r.values.idCard?.trim().toUpperCase();
    if (!v) continue;
    const seen = first.get(v);
    if (seen !== undefined) {
      errors.push({
        row: r.row,
        field: 'idCard',
        message: rowProblem('idCard', 'duplicate_of_row', lang, { row: seen }),
      });
      continue;
    }
    first.set(v, r.row);
    const h = ctx.cipher.blindIndex(v);
    hashes.set(h, [...(hashes.get(h) ?? []), r.row]);
  }
  const res = await ctx.db.execute(sql`SELECT id_card_hash FROM volunteer WHERE tenant_id = ${actor.tenantId}
    AND id_card_hash = ANY(${sql.param([...hashes.keys()])}::text[])`);
  for (const r of res.rows as { id_card_hash: string }[])
    for (const row of hashes.get(r.id_card_hash) ?? [])
      errors.push({ row, field: 'idCard', message: rowProblem('idCard', 'taken', lang) });
  return errors;
}

/** Check a volunteers sheet completely: fields, regions, ID numbers unique in the file and the tenant. */
export async function validateVolunteerRows(ctx: AppContext, actor: Actor, rows: SheetRow[], lang: Language) {
  const region = await regionResolver(ctx, actor, rows);
  const schema = volunteerCreateObject.extend({
    regionCode: region,
    skills: z.preprocess(
      listOf((x) => skillByLabel.get(x) ?? x),
      z.array(z.enum(volunteerSkills)).default([]),
    ),
    serviceAreas: z.preprocess(split, z.array(z.string().regex(/^\d{2,12}$/, 'region_code')).default([])),
    availability: z.preprocess(
      listOf(slotFromLabel),
      z.array(z.enum(availabilitySlots as unknown as [string, ...string[]])).default([]),
    ),
    politicalStatus: z.preprocess(labelled(politicalByLabel), z.enum(politicalStatuses)).optional(),
    education: z.preprocess(labelled(educationByLabel), z.enum(educationLevels)).optional(),
  });
  const { valid, errors } = validateRows(rows, schema as unknown as z.ZodType<VolunteerRow>, { lang });
  return { valid, errors: [...errors, ...(await duplicateIdCards(ctx, actor, rows, lang))] };
}
