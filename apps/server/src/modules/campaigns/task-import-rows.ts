// What a row of a task list (任务清单) sheet means: columns, Chinese cadences and dates, and the names it refers
// to (units by name or credit code, action lines by name, people by name, indicators by code), all loaded
// once per file.
import { type Language, type RowError, type TaskCadence, taskCadences } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { type ImportColumn, type SheetRow, validateRows } from '../../platform/excel';
import { newId } from '../../platform/ids';
import { unitScope } from './campaign.policy';
import type { NewTask } from './task.repository';

export const taskColumns: ImportColumn[] = [
  { key: 'title', header: ['任务名称', '任務名稱', 'task', 'title', '任务', '工作任务'], required: true },
  { key: 'description', header: ['任务内容', '任務內容', 'description', '工作内容', '具体内容', '工作要求'] },
  { key: 'actionId', header: ['所属行动', '所屬行動', 'action line', '行动', '行动名称', 'action'] },
  { key: 'indicatorId', header: ['测评指标', '測評指標', 'indicator', '指标编号', '指标代码', '对应指标'] },
  { key: 'leadUnitId', header: ['牵头单位', '牽頭單位', 'lead unit', '责任单位', '牵头责任单位'], required: true },
  { key: 'coUnitIds', header: ['配合单位', '配合單位', 'co-units', '协办单位', '配合责任单位'] },
  { key: 'ownerPersonId', header: ['责任人', '責任人', 'owner', '负责人'] },
  { key: 'deadline', header: ['完成时限', '完成時限', 'deadline', '截止日期', '完成时间', '时限'], required: true },
  { key: 'cadence', header: ['工作频次', '工作頻次', 'cadence', '频次', '工作节奏'] },
];

const cadenceNames: Record<TaskCadence, string[]> = {
  daily: ['一日一清查', '每日', '每天', '日', '一日一查', '日清查'],
  weekly: ['一周一小结', '每周', '周', '一週一小結', '周小结'],
  monthly: ['一月一盘点', '每月', '月', '一月一盤點', '月盘点'],
  yearly: ['一年一归零', '每年', '年', '一年一歸零', '年归零'],
  once: ['一事一台账', '一次', '单次', '一次性', '一事一台帳'],
};
const cadenceLookup = new Map<string, string>(
  taskCadences.flatMap((c) => [c, ...cadenceNames[c]].map((n) => [n.toLowerCase(), c] as [string, string])),
);

/** 2026-6-30, 2026/06/30, 2026.6.30, 2026年6月30日 → 2026-06-30; anything else is left for zod to refuse. */
export function parseDateCell(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/.exec(v.trim());
  if (!m) return v;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : v;
}

type Lookup = (value: string) => { value: string } | { problem: string };

/** By exact key, else by a name that names exactly one record. */
function lookupOf(byKey: Map<string, string>, byName: Map<string, string[]>, unknown: string, ambiguous: string) {
  return (v: string): ReturnType<Lookup> => {
    const hit = byKey.get(v) ?? byKey.get(v.toUpperCase());
    if (hit) return { value: hit };
    const named = byName.get(v) ?? [];
    if (named.length === 1) return { value: named[0] };
    return { problem: named.length ? ambiguous : unknown };
  };
}

const resolved = (lookup: Lookup) =>
  z.string().transform((v, c) => {
    const r = lookup(v);
    if ('value' in r) return r.value;
    c.addIssue({ code: 'custom', message: r.problem });
    return z.NEVER;
  });

function group(pairs: [string, string][]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of pairs) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
}

/** 甲单位、乙单位 / 甲单位，乙单位 / 甲单位;乙单位 → the names. */
export const splitNames = (v: string) =>
  v
    .split(/[、,，;；/\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const distinct = (rows: SheetRow[], key: string, split = false) => [
  ...new Set(rows.flatMap((r) => (r.values[key] ? (split ? splitNames(r.values[key]!) : [r.values[key]!]) : []))),
];

/** Units named in the file (name or credit code) inside the actor's scope for campaign.manage. */
async function loadUnits(db: Db, actor: Actor, rows: SheetRow[]): Promise<Lookup> {
  const vals = [...new Set([...distinct(rows, 'leadUnitId'), ...distinct(rows, 'coUnitIds', true)])];
  const codes = vals.map((v) => v.toUpperCase());
  const res = await db.execute(sql`SELECT u.id, u.name, u.credit_code FROM unit u WHERE u.tenant_id = ${actor.tenantId}
    AND (u.name = ANY(${sql.param(vals)}::text[]) OR u.credit_code = ANY(${sql.param(codes)}::text[]))
    AND ${unitScope(actor, 'campaign.manage', sql`u.id`, sql`u.region_code`)}`);
  const units = res.rows as { id: string; name: string; credit_code: string | null }[];
  const byCode = new Map(units.filter((u) => u.credit_code).map((u) => [u.credit_code!, u.id]));
  return lookupOf(byCode, group(units.map((u) => [u.name, u.id])), 'unknown_unit', 'ambiguous_unit');
}

async function loadActions(db: Db, tenantId: string, campaignId: string): Promise<Lookup> {
  const res = await db.execute(sql`SELECT id, name FROM campaign_action WHERE tenant_id = ${tenantId}
    AND campaign_id = ${campaignId}`);
  const rows = res.rows as { id: string; name: string }[];
  return lookupOf(new Map(), group(rows.map((a) => [a.name, a.id])), 'unknown_action', 'unknown_action');
}

/** Indicators by code, in the campaign's framework when it is published. */
async function loadIndicators(db: Db, tenantId: string, frameworkId: string | null, rows: SheetRow[]): Promise<Lookup> {
  const codes = distinct(rows, 'indicatorId');
  if (!frameworkId || !codes.length) return () => ({ problem: 'unknown_indicator' });
  const res = await db.execute(sql`SELECT i.id, i.code FROM indicator i
    JOIN framework f ON f.tenant_id = i.tenant_id AND f.id = i.framework_id
    WHERE i.tenant_id = ${tenantId} AND i.framework_id = ${frameworkId} AND f.status IN ('published', 'superseded')
      AND i.code = ANY(${sql.param(codes)}::text[])`);
  const byCode = new Map(res.rows.map((r: any) => [r.code as string, r.id as string]));
  return lookupOf(byCode, new Map(), 'unknown_indicator', 'unknown_indicator');
}

/** People by name: unique in the tenant, or unique among the lead unit's people. */
async function loadPeople(db: Db, tenantId: string, rows: SheetRow[]) {
  const names = distinct(rows, 'ownerPersonId');
  const res = await db.execute(sql`SELECT id, name, unit_id FROM person WHERE tenant_id = ${tenantId}
    AND name = ANY(${sql.param(names)}::text[])`);
  const byName = new Map<string, { id: string; unit_id: string | null }[]>();
  for (const p of res.rows as { id: string; name: string; unit_id: string | null }[])
    byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  return (name: string, leadUnitId: string): ReturnType<Lookup> => {
    const all = byName.get(name) ?? [];
    const inUnit = all.filter((p) => p.unit_id === leadUnitId);
    const pick = all.length === 1 ? all : inUnit;
    if (pick.length === 1) return { value: pick[0].id };
    return { problem: all.length ? 'ambiguous_person' : 'unknown_person' };
  };
}

export interface TaskImportContext {
  campaignId: string;
  frameworkId: string | null;
}

const resolvedList = (lookup: Lookup) =>
  z.string().transform((v, c) => {
    const ids: string[] = [];
    for (const name of splitNames(v)) {
      const r = lookup(name);
      if ('value' in r) ids.push(r.value);
      else c.addIssue({ code: 'custom', message: r.problem });
    }
    return [...new Set(ids)];
  });

const cadenceCell = (v: unknown) => (typeof v === 'string' ? (cadenceLookup.get(v.toLowerCase()) ?? v) : v);

interface Lookups {
  units: Lookup;
  actions: Lookup;
  indicators: Lookup;
  people: (name: string, leadUnitId: string) => ReturnType<Lookup>;
}

/** A row of the sheet, with every name resolved against what the file refers to. */
function taskRowSchema(l: Lookups) {
  return z
    .object({
      title: z.string().max(300),
      description: z.string().max(4000).optional(),
      actionId: resolved(l.actions).optional(),
      indicatorId: resolved(l.indicators).optional(),
      leadUnitId: resolved(l.units),
      coUnitIds: resolvedList(l.units).default([]),
      ownerPersonId: z.string().optional(),
      deadline: z.preprocess(parseDateCell, z.iso.date({ message: 'invalid_date' })),
      cadence: z.preprocess(cadenceCell, z.enum(taskCadences)).default('once'),
    })
    .transform((r, c) => {
      if (r.coUnitIds.includes(r.leadUnitId))
        c.addIssue({ code: 'custom', path: ['coUnitIds'], message: 'lead_is_co_unit' });
      const owner = r.ownerPersonId ? l.people(r.ownerPersonId, r.leadUnitId) : null;
      if (owner && 'problem' in owner) c.addIssue({ code: 'custom', path: ['ownerPersonId'], message: owner.problem });
      return { ...r, ownerPersonId: owner && 'value' in owner ? owner.value : null };
    });
}

/** Check a task sheet completely; valid rows come back as tasks ready to insert. */
export async function validateTaskRows(
  db: Db,
  actor: Actor,
  campaign: TaskImportContext,
  rows: SheetRow[],
  lang: Language,
): Promise<{ valid: NewTask[]; errors: RowError[] }> {
  const [units, actions, indicators, people] = await Promise.all([
    loadUnits(db, actor, rows),
    loadActions(db, actor.tenantId, campaign.campaignId),
    loadIndicators(db, actor.tenantId, campaign.frameworkId, rows),
    loadPeople(db, actor.tenantId, rows),
  ]);
  const { valid, errors } = validateRows(rows, taskRowSchema({ units, actions, indicators, people }), { lang });
  const tasks = valid.map(({ data }) => ({
    ...data,
    id: newId(),
    campaignId: campaign.campaignId,
    actionId: data.actionId ?? null,
    indicatorId: data.indicatorId ?? null,
    description: data.description ?? null,
  }));
  return { valid: tasks, errors };
}
