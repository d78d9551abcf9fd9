// The negative list (负面清单) of a framework: veto, suspension or fixed deduction items.
import {
  type NegativeItemCreateBody,
  type NegativeItemUpdateBody,
  type NegativeItemView,
  negativeItemCreateBody,
  validationMessages,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { mapConstraintError, selectNegativeItems, toNegativeItemView, touchFramework } from './framework.repository';
import { getFramework, lockDraft } from './framework.service';

/** The framework's negative list in order. */
export async function listNegativeItems(db: Db, actor: Actor, frameworkId: string): Promise<NegativeItemView[]> {
  await getFramework(db, actor, frameworkId);
  return selectNegativeItems(db, actor.tenantId, frameworkId);
}

async function findItem(db: Db, tenantId: string, frameworkId: string, id: string): Promise<NegativeItemView> {
  const res = await db.execute(sql`SELECT id, code, name, effect, deduction, description, position FROM negative_item
    WHERE tenant_id = ${tenantId} AND framework_id = ${frameworkId} AND id = ${id}`);
  if (!res.rows[0]) throw fail('NEGATIVE_ITEM_NOT_FOUND');
  return toNegativeItemView(res.rows[0]);
}

/** Append an item to a draft's negative list; the code defaults to N1, N2, … */
export async function addNegativeItem(db: Db, actor: Actor, frameworkId: string, body: NegativeItemCreateBody) {
  const id = body.id ?? newId();
  await db
    .transaction(async (tx) => {
      await lockDraft(tx, actor, frameworkId);
      const items = await selectNegativeItems(tx, actor.tenantId, frameworkId);
      if (items.some((i) => i.id === id)) return;
      const taken = new Set(items.map((i) => i.code));
      let k = items.length + 1;
      while (taken.has(`N${k}`)) k++;
      const code = body.code ?? `N${k}`;
      const position = Math.max(-1, ...items.map((i) => i.position)) + 1;
      await tx.execute(sql`INSERT INTO negative_item (tenant_id, id, framework_id, code, name, effect, deduction,
          description, position)
        VALUES (${actor.tenantId}, ${id}, ${frameworkId}, ${code}, ${body.name}, ${body.effect},
          ${body.deduction ?? null}, ${body.description ?? null}, ${position})`);
      await touchFramework(tx, actor.tenantId, frameworkId);
      const after = { ...body, id, code, frameworkId };
      await writeAudit(tx, actor, { action: 'negative_item.create', objectType: 'negative_item', objectId: id, after });
    })
    .catch((err) => mapConstraintError(err, { unique: 'NEGATIVE_ITEM_CODE_TAKEN' }));
  return findItem(db, actor.tenantId, frameworkId, id);
}

/** Change an item of a draft's negative list; a deduction item keeps needing its points. */
export async function updateNegativeItem(
  db: Db,
  actor: Actor,
  frameworkId: string,
  id: string,
  body: NegativeItemUpdateBody,
) {
  await db
    .transaction(async (tx) => {
      await lockDraft(tx, actor, frameworkId);
      const before = await findItem(tx, actor.tenantId, frameworkId, id);
      const n = { ...before, ...body };
      // The merged item must still be whole: an item turned into a deduction needs its points.
      const checked = negativeItemCreateBody.safeParse(n);
      if (!checked.success)
        throw invalidFields(
          checked.error.issues.map((i) => ({
            field: i.path.join('.'),
            key: validationMessages[i.message] ? i.message : 'invalid_format',
          })),
        );
      await tx.execute(sql`UPDATE negative_item SET code = ${n.code}, name = ${n.name}, effect = ${n.effect},
        deduction = ${n.effect === 'deduct' ? (n.deduction ?? null) : null}, description = ${n.description ?? null}
        WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
      await touchFramework(tx, actor.tenantId, frameworkId);
      await writeAudit(tx, actor, {
        action: 'negative_item.update',
        objectType: 'negative_item',
        objectId: id,
        before,
        after: n,
      });
    })
    .catch((err) => mapConstraintError(err, { unique: 'NEGATIVE_ITEM_CODE_TAKEN' }));
  return findItem(db, actor.tenantId, frameworkId, id);
}

/** Remove an item from a draft's negative list. */
export async function deleteNegativeItem(db: Db, actor: Actor, frameworkId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockDraft(tx, actor, frameworkId);
    const before = await findItem(tx, actor.tenantId, frameworkId, id);
    await tx.execute(sql`DELETE FROM negative_item WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    await touchFramework(tx, actor.tenantId, frameworkId);
    await writeAudit(tx, actor, { action: 'negative_item.delete', objectType: 'negative_item', objectId: id, before });
  });
}
