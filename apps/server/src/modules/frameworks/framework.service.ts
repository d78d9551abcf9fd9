// Framework versions (测评体系): list, read, create, edit the meta of a draft, delete a draft, history.
import type { FrameworkCreateBody, FrameworkUpdateBody, FrameworkView, Page } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requireCityScope, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { buildSearchText, likePattern } from '../../platform/search-text';
import {
  type FrameworkRow,
  findFamilyByCode,
  findFramework,
  frameworkColumns,
  frameworkFrom,
  insertFramework,
  lockFrameworkRow,
  mapConstraintError,
  toFrameworkView,
  touchFramework,
} from './framework.repository';

export interface FrameworkFilter {
  status?: string;
  code?: string;
  familyId?: string;
  q?: string;
}

/** Frameworks of the tenant (tenant-wide: the permission is the only scope), newest version first per code. */
export async function listFrameworks(
  db: Db,
  actor: Actor,
  f: FrameworkFilter & { page: number; pageSize: number },
): Promise<Page<FrameworkView>> {
  requirePermission(actor, 'framework.read');
  const where = allOf(
    sql`f.tenant_id = ${actor.tenantId}`,
    f.status ? sql`f.status = ${f.status}` : null,
    f.code ? sql`lower(f.code) = lower(${f.code})` : null,
    f.familyId ? sql`f.family_id = ${f.familyId}` : null,
    f.q ? sql`f.search_text LIKE ${likePattern(f.q)}` : null,
  );
  const orderBy = sql`f.code, f.version DESC`;
  return queryPage(db, { columns: frameworkColumns, from: frameworkFrom, where, orderBy }, f, toFrameworkView);
}

/** One framework version, or 404. */
export async function getFramework(db: Db, actor: Actor, id: string): Promise<FrameworkView> {
  requirePermission(actor, 'framework.read');
  const found = await findFramework(db, actor.tenantId, id);
  if (!found) throw fail('FRAMEWORK_NOT_FOUND');
  return found;
}

/** Every version of the framework's family, newest first. */
export async function listVersions(db: Db, actor: Actor, id: string): Promise<FrameworkView[]> {
  const fw = await getFramework(db, actor, id);
  const res = await db.execute(sql`SELECT ${frameworkColumns} FROM ${frameworkFrom}
    WHERE f.tenant_id = ${actor.tenantId} AND f.family_id = ${fw.familyId} ORDER BY f.version DESC`);
  return res.rows.map(toFrameworkView);
}

/**
 * Lock a framework for an edit inside the caller's transaction: 404 when it is not the tenant's,
 * 409 FRAMEWORK_NOT_DRAFT when it is published or superseded (published versions are immutable).
 */
export async function lockDraft(tx: Db, actor: Actor, id: string): Promise<FrameworkRow> {
  requireCityScope(actor, 'framework.manage');
  const row = await lockFrameworkRow(tx, actor.tenantId, id);
  if (!row) throw fail('FRAMEWORK_NOT_FOUND');
  if (row.status !== 'draft') throw fail('FRAMEWORK_NOT_DRAFT', { status: row.status });
  return row;
}

/** 409 when another family already uses the code (a code names one family across its versions). */
export async function assertCodeFree(db: Db, tenantId: string, code: string, familyId?: string): Promise<void> {
  const owner = await findFamilyByCode(db, tenantId, code);
  if (owner && owner !== familyId) throw fail('FRAMEWORK_CODE_TAKEN', { fields: [{ field: 'code' }] });
}

/** A new, empty draft: version 1 of a new family. A resent create (same client id) answers the stored one. */
export async function createFramework(db: Db, actor: Actor, body: FrameworkCreateBody): Promise<FrameworkView> {
  requireCityScope(actor, 'framework.manage');
  const id = body.id ?? newId();
  const existing = await findFramework(db, actor.tenantId, id);
  if (existing) return existing;
  await db.transaction(async (tx) => {
    await assertCodeFree(tx, actor.tenantId, body.code);
    const row = { ...body, id, familyId: id, version: 1, createdBy: actor.accountId };
    await insertFramework(tx, actor.tenantId, row, actor.now);
    await writeAudit(tx, actor, { action: 'framework.create', objectType: 'framework', objectId: id, after: body });
  });
  return getFramework(db, actor, id);
}

/** Edit a draft's name, description, total points or compliance line; a stale rowVersion is a 409. */
export async function updateFramework(
  db: Db,
  actor: Actor,
  id: string,
  body: FrameworkUpdateBody,
): Promise<FrameworkView> {
  await db.transaction(async (tx) => {
    const before = await lockDraft(tx, actor, id);
    const current = (await findFramework(tx, actor.tenantId, id))!;
    if (body.rowVersion !== undefined && body.rowVersion !== current.rowVersion)
      throw fail('STALE_VERSION', { current });
    const next = {
      name: body.name ?? before.name,
      description: body.description !== undefined ? body.description : before.description,
      totalPoints: body.totalPoints !== undefined ? body.totalPoints : before.totalPoints,
      complianceLine: body.complianceLine !== undefined ? body.complianceLine : before.complianceLine,
    };
    await tx.execute(sql`UPDATE framework SET name = ${next.name}, description = ${next.description},
      total_points = ${next.totalPoints}, compliance_line = ${next.complianceLine},
      search_text = ${buildSearchText(next.name, before.code)} WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    await touchFramework(tx, actor.tenantId, id);
    await writeAudit(tx, actor, {
      action: 'framework.update',
      objectType: 'framework',
      objectId: id,
      before,
      after: next,
    });
  });
  return getFramework(db, actor, id);
}

/** Delete a draft with its tree and negative list; published versions stay for the scores that used them. */
export async function deleteFramework(db: Db, actor: Actor, id: string): Promise<void> {
  await db
    .transaction(async (tx) => {
      const before = await lockDraft(tx, actor, id);
      await tx.execute(sql`DELETE FROM framework WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
      await writeAudit(tx, actor, { action: 'framework.delete', objectType: 'framework', objectId: id, before });
    })
    .catch((err) => mapConstraintError(err, { inUse: 'FRAMEWORK_IN_USE' }));
}
