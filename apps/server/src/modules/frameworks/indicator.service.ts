// Editing a draft's indicator tree: add, update, move (reorder, reparent) and delete nodes.
import type { IndicatorCreateBody, IndicatorMoveBody, IndicatorNode, IndicatorUpdateBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { mapConstraintError, selectIndicators, selectTree, touchFramework } from './framework.repository';
import { getFramework, lockDraft } from './framework.service';

/** The framework's indicator tree, nested under `children`, ordered by position. */
export async function getTree(db: Db, actor: Actor, frameworkId: string): Promise<IndicatorNode[]> {
  await getFramework(db, actor, frameworkId);
  return selectTree(db, actor.tenantId, frameworkId);
}

async function findNode(tx: Db, tenantId: string, frameworkId: string, id: string): Promise<IndicatorNode> {
  const [node] = await selectIndicators(tx, tenantId, frameworkId, sql`id = ${id}`);
  if (!node) throw fail('INDICATOR_NOT_FOUND');
  return node;
}

const siblingsOf = (parentId: string | null) => (parentId ? sql`parent_id = ${parentId}` : sql`parent_id IS NULL`);

/** Make room at `position` among a parent's children (or close the gap with delta -1). */
async function shiftSiblings(
  tx: Db,
  tenantId: string,
  frameworkId: string,
  parentId: string | null,
  from: number,
  delta: 1 | -1,
) {
  await tx.execute(sql`UPDATE indicator SET position = position + ${delta} WHERE tenant_id = ${tenantId}
    AND framework_id = ${frameworkId} AND ${siblingsOf(parentId)} AND position >= ${from}`);
}

/** Count of a parent's children, and a code for the next one (parent code + "." + n, skipping taken codes). */
async function nextChild(tx: Db, tenantId: string, frameworkId: string, parent: IndicatorNode | null) {
  const res = await tx.execute(sql`SELECT count(*) FILTER (WHERE ${siblingsOf(parent?.id ?? null)})::int AS n,
    coalesce(array_agg(code), '{}') AS codes FROM indicator WHERE tenant_id = ${tenantId} AND framework_id = ${frameworkId}`);
  const { n, codes } = res.rows[0] as { n: number; codes: string[] };
  const taken = new Set(codes);
  let k = Number(n) + 1;
  while (taken.has(parent ? `${parent.code}.${k}` : String(k))) k++;
  return { count: Number(n), code: parent ? `${parent.code}.${k}` : String(k) };
}

/** Add a node under a parent (or at the top) of a draft; a resent add with the same id answers the stored node. */
export async function addIndicator(db: Db, actor: Actor, frameworkId: string, body: IndicatorCreateBody) {
  const id = body.id ?? newId();
  await db
    .transaction(async (tx) => {
      await lockDraft(tx, actor, frameworkId);
      if ((await selectIndicators(tx, actor.tenantId, frameworkId, sql`id = ${id}`)).length) return;
      const parent = body.parentId ? await findNode(tx, actor.tenantId, frameworkId, body.parentId) : null;
      const next = await nextChild(tx, actor.tenantId, frameworkId, parent);
      const position = Math.min(body.position ?? next.count, next.count);
      await shiftSiblings(tx, actor.tenantId, frameworkId, parent?.id ?? null, position, 1);
      const code = body.code ?? next.code;
      await tx.execute(sql`INSERT INTO indicator (tenant_id, id, framework_id, parent_id, position, depth, code, name,
          standard, points, weight, methods, point_types, scoring_rule, is_sum_exempt)
        VALUES (${actor.tenantId}, ${id}, ${frameworkId}, ${parent?.id ?? null}, ${position}, ${(parent?.depth ?? 0) + 1},
          ${code}, ${body.name}, ${body.standard ?? null}, ${body.points ?? null}, ${body.weight ?? null},
          ${JSON.stringify(body.methods)}::jsonb, ${JSON.stringify(body.pointTypes)}::jsonb,
          ${JSON.stringify(body.scoringRule)}::jsonb, ${body.isSumExempt})`);
      await touchFramework(tx, actor.tenantId, frameworkId);
      const after = { ...body, id, code, position, frameworkId };
      await writeAudit(tx, actor, { action: 'indicator.create', objectType: 'indicator', objectId: id, after });
    })
    .catch((err) => mapConstraintError(err, { unique: 'INDICATOR_CODE_TAKEN' }));
  return findNode(db, actor.tenantId, frameworkId, id);
}

/** Change a node's own fields (code, name, standard, points, methods, point types, rule, sum exemption). */
export async function updateIndicator(
  db: Db,
  actor: Actor,
  frameworkId: string,
  id: string,
  body: IndicatorUpdateBody,
) {
  await db
    .transaction(async (tx) => {
      await lockDraft(tx, actor, frameworkId);
      const { children: _, ...before } = await findNode(tx, actor.tenantId, frameworkId, id);
      const n = { ...before, ...body };
      await tx.execute(sql`UPDATE indicator SET code = ${n.code}, name = ${n.name}, standard = ${n.standard ?? null},
        points = ${n.points ?? null}, weight = ${n.weight ?? null}, methods = ${JSON.stringify(n.methods)}::jsonb,
        point_types = ${JSON.stringify(n.pointTypes)}::jsonb, scoring_rule = ${JSON.stringify(n.scoringRule)}::jsonb,
        is_sum_exempt = ${n.isSumExempt} WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
      await touchFramework(tx, actor.tenantId, frameworkId);
      await writeAudit(tx, actor, {
        action: 'indicator.update',
        objectType: 'indicator',
        objectId: id,
        before,
        after: n,
      });
    })
    .catch((err) => mapConstraintError(err, { unique: 'INDICATOR_CODE_TAKEN' }));
  return findNode(db, actor.tenantId, frameworkId, id);
}

/** True when `candidate` is `node` or lies below it (moving a node there would make a cycle). */
async function isSelfOrDescendant(tx: Db, tenantId: string, frameworkId: string, nodeId: string, candidate: string) {
  const res = await tx.execute(sql`WITH RECURSIVE up(id, parent_id) AS (
      SELECT id, parent_id FROM indicator WHERE tenant_id = ${tenantId} AND framework_id = ${frameworkId} AND id = ${candidate}
      UNION ALL SELECT i.id, i.parent_id FROM indicator i JOIN up ON i.tenant_id = ${tenantId} AND i.id = up.parent_id)
    SELECT 1 FROM up WHERE id = ${nodeId} LIMIT 1`);
  return res.rows.length > 0;
}

/** Move a node (with its subtree) to `position` under `parentId`; depths below it follow. */
export async function moveIndicator(db: Db, actor: Actor, frameworkId: string, id: string, body: IndicatorMoveBody) {
  await db.transaction(async (tx) => {
    const t = actor.tenantId;
    await lockDraft(tx, actor, frameworkId);
    const node = await findNode(tx, t, frameworkId, id);
    const parent = body.parentId ? await findNode(tx, t, frameworkId, body.parentId) : null;
    if (parent && (await isSelfOrDescendant(tx, t, frameworkId, id, parent.id))) throw fail('INDICATOR_MOVE_INVALID');
    await shiftSiblings(tx, t, frameworkId, node.parentId, node.position + 1, -1);
    // Park the node outside every sibling list while positions shift, then count the new siblings.
    await tx.execute(sql`UPDATE indicator SET position = -1 WHERE tenant_id = ${t} AND id = ${id}`);
    const { count } = await nextChild(tx, t, frameworkId, parent);
    const sameParent = (parent?.id ?? null) === node.parentId;
    const position = Math.min(body.position, sameParent ? count - 1 : count);
    await shiftSiblings(tx, t, frameworkId, parent?.id ?? null, position, 1);
    const delta = (parent?.depth ?? 0) + 1 - node.depth;
    await tx.execute(sql`UPDATE indicator SET parent_id = ${parent?.id ?? null}, position = ${position}
      WHERE tenant_id = ${t} AND id = ${id}`);
    if (delta !== 0) await shiftDepths(tx, t, frameworkId, id, delta);
    await touchFramework(tx, t, frameworkId);
    const before = { parentId: node.parentId, position: node.position };
    const after = { parentId: parent?.id ?? null, position };
    await writeAudit(tx, actor, { action: 'indicator.move', objectType: 'indicator', objectId: id, before, after });
  });
  return findNode(db, actor.tenantId, frameworkId, id);
}

async function shiftDepths(tx: Db, tenantId: string, frameworkId: string, id: string, delta: number) {
  await tx.execute(sql`WITH RECURSIVE sub(id) AS (
      SELECT id FROM indicator WHERE tenant_id = ${tenantId} AND framework_id = ${frameworkId} AND id = ${id}
      UNION ALL SELECT i.id FROM indicator i JOIN sub ON i.tenant_id = ${tenantId} AND i.parent_id = sub.id)
    UPDATE indicator SET depth = depth + ${delta} WHERE tenant_id = ${tenantId} AND id IN (SELECT id FROM sub)`);
}

/** Delete a node and everything below it; the siblings after it move up. */
export async function deleteIndicator(db: Db, actor: Actor, frameworkId: string, id: string): Promise<void> {
  await db
    .transaction(async (tx) => {
      await lockDraft(tx, actor, frameworkId);
      const node = await findNode(tx, actor.tenantId, frameworkId, id);
      await tx.execute(sql`DELETE FROM indicator WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
      await shiftSiblings(tx, actor.tenantId, frameworkId, node.parentId, node.position + 1, -1);
      await touchFramework(tx, actor.tenantId, frameworkId);
      const { children: _, ...before } = node;
      await writeAudit(tx, actor, { action: 'indicator.delete', objectType: 'indicator', objectId: id, before });
    })
    .catch((err) => mapConstraintError(err, { inUse: 'INDICATOR_IN_USE' }));
}
