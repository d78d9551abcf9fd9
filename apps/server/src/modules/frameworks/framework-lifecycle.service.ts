// A framework's life: publish a draft (points checked, the previous version superseded), derive a new
// draft from a published version, and compare two versions.
import { sqlTime } from '../../platform/sql';
import {
  type FrameworkView,
  type IndicatorNode,
  type NegativeItemView,
  checkPointSums,
  diffTrees,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requireCityScope } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import {
  findFramework,
  insertFramework,
  insertNegativeItems,
  insertTree,
  lockFamily,
  lockFrameworkRow,
  selectNegativeItems,
  selectTree,
} from './framework.repository';
import { getFramework } from './framework.service';

const rootSum = (roots: IndicatorNode[]) =>
  roots.every((r) => r.points === null) ? null : Math.round(roots.reduce((s, r) => s + (r.points ?? 0), 0) * 100) / 100;

/** Lock the whole family first (always in version order, so publishers and derivers cannot deadlock). */
async function lockWithFamily(tx: Db, tenantId: string, id: string) {
  const fw = await findFramework(tx, tenantId, id);
  if (!fw) throw fail('FRAMEWORK_NOT_FOUND');
  const nextVersion = await lockFamily(tx, tenantId, fw.familyId);
  return { ...(await lockFrameworkRow(tx, tenantId, id))!, nextVersion };
}

/**
 * Publish a draft: 422 FRAMEWORK_EMPTY without indicators, 422 FRAMEWORK_POINTS_MISMATCH (details.nodes)
 * when children's points do not add up; the family's published version becomes superseded.
 */
export async function publishFramework(db: Db, actor: Actor, id: string): Promise<FrameworkView> {
  requireCityScope(actor, 'framework.manage');
  await db.transaction(async (tx) => {
    const found = await lockWithFamily(tx, actor.tenantId, id);
    if (found.status !== 'draft') throw fail('FRAMEWORK_NOT_DRAFT', { status: found.status });
    const tree = await selectTree(tx, actor.tenantId, id);
    if (!tree.length) throw fail('FRAMEWORK_EMPTY');
    const nodes = checkPointSums(tree, found.totalPoints);
    if (nodes.length) throw fail('FRAMEWORK_POINTS_MISMATCH', { nodes });
    const superseded = await tx.execute(sql`UPDATE framework SET status = 'superseded', row_version = row_version + 1
      WHERE tenant_id = ${actor.tenantId} AND family_id = ${found.familyId} AND status = 'published' RETURNING id`);
    const total = found.totalPoints ?? rootSum(tree);
    await tx.execute(sql`UPDATE framework SET status = 'published', published_at = ${sqlTime(actor.now)}, published_by = ${actor.accountId},
      total_points = ${total}, row_version = row_version + 1 WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'framework.publish',
      objectType: 'framework',
      objectId: id,
      before: { status: 'draft' },
      after: { status: 'published', totalPoints: total, superseded: superseded.rows.map((r: any) => r.id) },
    });
  });
  return getFramework(db, actor, id);
}

/** A new draft version of the family, copied (tree and negative list) from a published or superseded version. */
export async function deriveFramework(db: Db, actor: Actor, id: string): Promise<FrameworkView> {
  requireCityScope(actor, 'framework.manage');
  const newIdValue = newId();
  await db.transaction(async (tx) => {
    const src = await lockWithFamily(tx, actor.tenantId, id);
    if (src.status === 'draft') throw fail('FRAMEWORK_NOT_PUBLISHED');
    const version = src.nextVersion;
    const { familyId, code, name, totalPoints, complianceLine, description } = src;
    const copy = { familyId, code, name, totalPoints, complianceLine, description, version };
    await insertFramework(
      tx,
      actor.tenantId,
      { ...copy, id: newIdValue, derivedFrom: id, createdBy: actor.accountId },
      actor.now,
    );
    const count = await insertTree(tx, actor.tenantId, newIdValue, await selectTree(tx, actor.tenantId, id));
    await insertNegativeItems(tx, actor.tenantId, newIdValue, await selectNegativeItems(tx, actor.tenantId, id));
    await writeAudit(tx, actor, {
      action: 'framework.derive',
      objectType: 'framework',
      objectId: newIdValue,
      after: { derivedFrom: id, version, indicatorCount: count },
    });
  });
  return getFramework(db, actor, newIdValue);
}

/** What changed from `against` (usually the older version) to this one: indicators and negative items by code. */
export async function diffFrameworks(db: Db, actor: Actor, id: string, against: string) {
  const to = await getFramework(db, actor, id);
  const from = await findFramework(db, actor.tenantId, against);
  if (!from) throw fail('FRAMEWORK_NOT_FOUND');
  const [a, b, na, nb] = await Promise.all([
    selectTree(db, actor.tenantId, against),
    selectTree(db, actor.tenantId, id),
    selectNegativeItems(db, actor.tenantId, against),
    selectNegativeItems(db, actor.tenantId, id),
  ]);
  return {
    from: { id: from.id, version: from.version, name: from.name },
    to: { id: to.id, version: to.version, name: to.name },
    ...diffTrees(a, b),
    negatives: diffNegativeItems(na, nb),
  };
}

const negativeFields = ['name', 'effect', 'deduction', 'description'] as const;

/** Negative items added, removed and changed (by code). */
function diffNegativeItems(a: NegativeItemView[], b: NegativeItemView[]) {
  const before = new Map(a.map((n) => [n.code, n]));
  const after = new Map(b.map((n) => [n.code, n]));
  const changed = b.flatMap((n) => {
    const old = before.get(n.code);
    if (!old) return [];
    const changes = negativeFields
      .filter((f) => old[f] !== n[f])
      .map((f) => ({ field: f, before: old[f], after: n[f] }));
    return changes.length ? [{ code: n.code, name: n.name, changes }] : [];
  });
  return {
    added: b.filter((n) => !before.has(n.code)),
    removed: a.filter((n) => !after.has(n.code)),
    changed,
  };
}
