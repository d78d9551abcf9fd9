// Demo data of the problem list: categories, the demo Open311 client (key from WENMING_DEMO_OPEN311_KEY, default
// demo-open311-key), and about forty problems walked through the state machine to every state, some overdue.
import { demoPhoto, photoKindOf } from '../../../demo/demo-photos';
import { type DemoContext, demoServiceContext } from '../../../demo/context';
import {
  type ProblemAction,
  type ProblemStatus,
  defaultProblemSettings,
  nextProblemStatus,
  problemActionsNeedingReason,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, systemActor } from '../../../platform/access';
import { writeAudit } from '../../../platform/audit';
import type { AppContext } from '../../../platform/context';
import type { Db } from '../../../platform/db';
import { newId, randomToken, sha256Hex } from '../../../platform/ids';
import { demoUnits } from '../../../demo/demo-units';
import { type CreatedProblem, createProblemInTx } from '../problem-create.service';
import { nextProblemScanSlot, scanProblemDeadlines, scheduleProblemScan } from '../problem-deadlines';
import { type DemoProblem, demoCategories, demoProblems } from './demo-problems';

export const DEMO_OPEN311_KEY_DEFAULT = 'demo-open311-key';

/** Actions that take a problem from `assigned` to each state (an unrouted one is assigned first). */
const paths: Record<ProblemStatus, ProblemAction[]> = {
  reported: [],
  assigned: [],
  rectifying: ['start'],
  submitted: ['start', 'submit'],
  returned: ['start', 'submit', 'return'],
  verified: ['start', 'submit', 'verify'],
  closed: ['start', 'submit', 'verify', 'close'],
  reopened: ['start', 'submit', 'verify', 'close', 'reopen'],
  disputed: ['dispute'],
  duplicate: [],
};

const reasons: Partial<Record<ProblemAction, string>> = {
  return: '整改后照片显示问题仍有残留，请彻底整改后重新提交',
  dispute: '该点位不在本单位包联范围内，请文明办核实后改派',
  reopen: '回头看发现问题复现',
};

const actorNames: Partial<Record<ProblemAction, string>> = {
  assign: '市文明办',
  start: '责任单位联络员',
  submit: '责任单位联络员',
  dispute: '责任单位联络员',
  verify: '督查组',
  return: '督查组',
  reopen: '督查组（回头看）',
  close: '市文明办',
  mark_duplicate: '市文明办',
};

async function unitIdsByDemoIndex(db: Db, tenantId: string): Promise<string[]> {
  const res = await db.execute(sql`SELECT id, name FROM unit WHERE tenant_id = ${tenantId}`);
  const byName = new Map((res.rows as { id: string; name: string }[]).map((r) => [r.name, r.id]));
  return demoUnits.map((u) => byName.get(u.name)!);
}

async function insertCategories(db: Db, tenantId: string, units: string[]) {
  for (const c of demoCategories)
    await db.execute(sql`INSERT INTO problem_category (tenant_id, code, name, description, "group", keywords,
        default_severity, attributes, pairing_kinds, fallback_unit_id)
      VALUES (${tenantId}, ${c.code}, ${c.name}, ${c.description}, ${c.group}, ${c.keywords}, ${c.severity},
        ${JSON.stringify(c.attributes ?? [])}::jsonb, ${sql.param(c.pairingKinds ?? [])}::text[],
        ${c.fallbackUnit === undefined ? null : units[c.fallbackUnit]})
      ON CONFLICT DO NOTHING`);
}

async function insertOpen311Client(db: Db, tenantId: string): Promise<string> {
  const key = process.env.WENMING_DEMO_OPEN311_KEY || DEMO_OPEN311_KEY_DEFAULT;
  const id = newId();
  await db.execute(sql`INSERT INTO open311_client (tenant_id, id, name, contact, key_hash, key_prefix)
    VALUES (${tenantId}, ${id}, '示范市12345民生服务平台', 'open311@example.org', ${sha256Hex(key)}, ${key.slice(0, 6)})`);
  return id;
}

/** Apply one action directly (the seed has no photos to show), checked against the state machine. */
async function applyDemoAction(
  tx: Db,
  actor: Actor,
  p: { id: string; status: ProblemStatus; unitId: string | null },
  action: ProblemAction,
  extra: { unitId?: string; duplicateOf?: string },
) {
  const to = nextProblemStatus(p.status, action);
  if (!to) throw new Error(`demo problem: ${action} not allowed in ${p.status}`);
  const unitId = extra.unitId ?? p.unitId;
  const reason = problemActionsNeedingReason.includes(action) ? (reasons[action] ?? '演示') : null;
  await tx.execute(sql`UPDATE problem SET status = ${to}, assigned_unit_id = ${unitId},
      duplicate_of = ${extra.duplicateOf ?? null}, version = version + 1,
      closed_at = CASE WHEN ${to} IN ('closed', 'duplicate') THEN ${actor.now.toISOString()}::timestamptz WHEN ${to} = 'reopened' THEN NULL ELSE closed_at END
    WHERE tenant_id = ${actor.tenantId} AND id = ${p.id}`);
  await tx.execute(sql`INSERT INTO problem_transition (tenant_id, id, problem_id, action, from_status, to_status,
      actor_name, unit_id, reason)
    VALUES (${actor.tenantId}, ${newId()}, ${p.id}, ${action}, ${p.status}, ${to}, ${actorNames[action] ?? '演示'},
      ${unitId}, ${reason})`);
  await writeAudit(tx, actor, {
    action: `problem.${action}`,
    objectType: 'problem',
    objectId: p.id,
    before: { status: p.status },
    after: { status: to, assignedUnitId: unitId, reason },
  });
  return { ...p, status: to, unitId };
}

/** Spread the history over the days since the report; open problems keep a future deadline unless meant overdue. */
async function backdate(tx: Db, tenantId: string, id: string, d: DemoProblem, severityDays: number, now: Date) {
  const created = new Date(now.getTime() - d.daysAgo * 86_400_000 - 3 * 3600_000);
  const step = Math.max(1, Math.floor((d.daysAgo * 24) / 6)) * 3600_000;
  const assignedAt = new Date(created.getTime() + step);
  let deadline = new Date(assignedAt.getTime() + severityDays * 86_400_000);
  if (d.overdue) deadline = new Date(now.getTime() - 86_400_000);
  else if (['assigned', 'rectifying', 'returned', 'reopened'].includes(d.status) && deadline.getTime() < now.getTime())
    deadline = new Date(now.getTime() + 2 * 86_400_000);
  await tx.execute(sql`UPDATE problem_transition t SET at = ${created.toISOString()}::timestamptz + (x.n * ${step / 1000}) * interval '1 second'
    FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM problem_transition
      WHERE tenant_id = ${tenantId} AND problem_id = ${id}) x
    WHERE t.tenant_id = ${tenantId} AND t.id = x.id`);
  await tx.execute(sql`UPDATE problem SET created_at = ${created.toISOString()},
      updated_at = (SELECT max(at) FROM problem_transition WHERE tenant_id = ${tenantId} AND problem_id = ${id}),
      deadline_at = CASE WHEN assigned_unit_id IS NULL THEN NULL ELSE ${deadline.toISOString()}::timestamptz END,
      closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE (SELECT max(at) FROM problem_transition
        WHERE tenant_id = ${tenantId} AND problem_id = ${id}) END
    WHERE tenant_id = ${tenantId} AND id = ${id}`);
  // Each photo was taken at the step it is attached to (the report, the submitted rectification).
  await tx.execute(sql`UPDATE file f SET client_time = t.at, received_at = t.at
    FROM problem_photo ph JOIN problem_transition t ON t.tenant_id = ph.tenant_id AND t.id = ph.transition_id
    WHERE ph.tenant_id = ${tenantId} AND ph.problem_id = ${id} AND f.tenant_id = ph.tenant_id AND f.id = ph.file_id`);
}

interface SeedPlace {
  ctx: AppContext;
  tenantId: string;
  units: string[];
  clientId: string;
  communities: { code: string; grid_id: string | null }[];
  firstOfCategory: Map<string, string>;
}

const RECTIFIED: ProblemStatus[] = ['submitted', 'returned', 'verified', 'closed', 'reopened'];

/** A generated photo of the problem (and, once rectified, one after), attached to the step that brought it. */
async function attachDemoPhotos(tx: Db, ctx: AppContext, actor: Actor, problemId: string, d: DemoProblem) {
  const kind = photoKindOf(d.description);
  const attach = async (state: 'before' | 'after', action: string) => {
    const file = await ctx.files.save(
      tx,
      actor,
      demoPhoto(`${d.description}:${d.community}`, kind, state),
      { name: `${state === 'before' ? '问题照片' : '整改后照片'}.png`, purpose: 'problem-photo', device: '演示手机' },
      ['image/png'],
    );
    await tx.execute(sql`INSERT INTO problem_photo (tenant_id, problem_id, file_id, kind, transition_id)
      SELECT ${actor.tenantId}, ${problemId}, ${file.id}, ${state},
        (SELECT id FROM problem_transition WHERE tenant_id = ${actor.tenantId} AND problem_id = ${problemId}
          AND action = ${action} ORDER BY at, id LIMIT 1)
      ON CONFLICT DO NOTHING`);
  };
  const hasBefore = await tx.execute(sql`SELECT 1 FROM problem_photo WHERE tenant_id = ${actor.tenantId}
    AND problem_id = ${problemId} AND kind = 'before' LIMIT 1`);
  if (!hasBefore.rows.length) await attach('before', 'create');
  if (RECTIFIED.includes(d.status)) await attach('after', 'submit');
}

/** One demo problem: created through the routing, walked to its state, given a token (Open311), backdated. */
async function seedOne(tx: Db, s: SeedPlace, d: DemoProblem): Promise<void> {
  const c = s.communities[d.community % s.communities.length];
  const actor = {
    ...systemActor(s.tenantId, 'seed-demo', s.ctx.clock.now()),
    displayName: d.source === 'resident' ? '群众' : '演示数据',
  };
  const created = await createProblemInTx(tx, s.ctx, actor, {
    source: d.source,
    category: d.category,
    severity: d.severity,
    description: d.description,
    address: d.address,
    regionCode: c.code,
    gridId: d.source === 'grid' ? c.grid_id : null,
    open311ClientId: d.source === 'open311' ? s.clientId : null,
  });
  await walkTo(tx, actor, created, d, {
    unitId: s.units[d.community % s.units.length],
    duplicateOf: s.firstOfCategory.get(d.category),
  });
  if (!s.firstOfCategory.has(d.category)) s.firstOfCategory.set(d.category, created.id);
  await attachDemoPhotos(tx, s.ctx, actor, created.id, d);
  if (d.source === 'open311')
    await tx.execute(sql`INSERT INTO open311_token (tenant_id, token, problem_id, client_id)
      VALUES (${s.tenantId}, ${randomToken(12)}, ${created.id}, ${s.clientId})`);
  const severity = d.severity ?? demoCategories.find((x) => x.code === d.category)!.severity;
  await backdate(tx, s.tenantId, created.id, d, defaultProblemSettings.deadlineDays[severity], actor.now);
}

/** Seed the demo tenant's categories, Open311 client and problems; a second run adds nothing. */
export async function seedDemoProblems(d: DemoContext): Promise<void> {
  const { db, tenantId } = d;
  const seeded = await db.execute(sql`SELECT 1 FROM problem_category WHERE tenant_id = ${tenantId} LIMIT 1`);
  if (seeded.rows.length) return;
  const units = await unitIdsByDemoIndex(db, tenantId);
  await insertCategories(db, tenantId, units);
  const clientId = await insertOpen311Client(db, tenantId);
  const communities = (
    await db.execute(sql`SELECT r.code, g.id AS grid_id FROM region r LEFT JOIN grid g ON g.tenant_id = r.tenant_id
      AND g.region_code = r.code WHERE r.tenant_id = ${tenantId} AND r.level = 'village' ORDER BY r.code`)
  ).rows as { code: string; grid_id: string | null }[];
  const ctx = demoServiceContext(d);
  const place: SeedPlace = { ctx, tenantId, units, clientId, communities, firstOfCategory: new Map() };
  for (const p of demoProblems) await db.transaction((tx) => seedOne(tx, place, p));
  await db.execute(sql`ANALYZE problem`);
  // The deadline job's first pass: reminders, overdue notices and escalations of the demo's late problems.
  await scanProblemDeadlines(db, tenantId, d.clock.now());
  await scheduleProblemScan(db, d.jobs, tenantId, nextProblemScanSlot(d.clock.now()));
}

async function walkTo(
  tx: Db,
  actor: Actor,
  created: CreatedProblem,
  d: DemoProblem,
  extra: { unitId: string; duplicateOf?: string },
) {
  let p = { id: created.id, status: created.status, unitId: created.assignedUnitId };
  if (d.status === 'duplicate')
    p = await applyDemoAction(tx, actor, p, 'mark_duplicate', { duplicateOf: extra.duplicateOf });
  else if (d.status !== 'reported' && p.status === 'reported')
    p = await applyDemoAction(tx, actor, p, 'assign', { unitId: extra.unitId });
  for (const action of paths[d.status]) p = await applyDemoAction(tx, actor, p, action, {});
  if (p.status !== d.status) throw new Error(`demo problem ${d.description}: ${p.status}, not ${d.status}`);
}
