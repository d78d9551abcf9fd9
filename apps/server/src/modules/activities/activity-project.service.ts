// Projects (品牌项目) that group activities of a site or team: listed and read in the activity read scope,
// created and edited (with the version read) by organisers inside their scope.
import type { ProjectDetailView, ProjectUpdateBody, ProjectView, projectBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { assertRegionsExist, assertSiteUsable } from '../volunteers';
import { activityManageScope, activityReadScope, assertTeamUsable } from './activity.policy';
import {
  type ProjectFields,
  insertProject,
  selectProject,
  selectProjectActivities,
  selectProjects,
  updateProjectRow,
} from './activity-project.repository';

/** Projects the actor may read (same scope rule as activities). */
export async function listProjects(db: Db, actor: Actor): Promise<ProjectView[]> {
  return selectProjects(db, actor.tenantId, activityReadScope(actor));
}

/** A project's page: the project and its activities; 404 outside the actor's read scope. */
export async function getProject(db: Db, actor: Actor, id: string): Promise<ProjectDetailView> {
  const project = await selectProject(db, actor.tenantId, id, activityReadScope(actor));
  if (!project) throw fail('PROJECT_NOT_FOUND');
  return { ...project, activities: await selectProjectActivities(db, actor.tenantId, id) };
}

const fieldsOf = (body: z.infer<typeof projectBody>): ProjectFields => ({
  name: body.name,
  description: body.description ?? null,
  siteId: body.siteId ?? null,
  teamId: body.teamId ?? null,
  regionCode: body.regionCode,
  isBrand: body.isBrand,
});

/** The site and team exist and are the organiser's, the region exists. */
async function assertUsable(db: Db, actor: Actor, body: z.infer<typeof projectBody>) {
  if (body.siteId) await assertSiteUsable(db, actor, body.siteId, 'activity.manage');
  if (body.teamId) await assertTeamUsable(db, actor, body.teamId);
  await assertRegionsExist(db, actor.tenantId, [body.regionCode], 'regionCode');
}

/** 400 on `regionCode` unless project `id` (as now written) lies in the actor's organising scope. */
async function assertManaged(db: Db, actor: Actor, id: string) {
  if (!(await selectProject(db, actor.tenantId, id, activityManageScope(actor))))
    throw invalidFields([{ field: 'regionCode', key: 'outside_scope' }]);
}

/** Create a project of a site or team in the actor's organising scope. */
export async function createProject(db: Db, actor: Actor, body: z.infer<typeof projectBody>) {
  requirePermission(actor, 'activity.manage');
  await assertUsable(db, actor, body);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertProject(tx, actor.tenantId, id, fieldsOf(body));
    await assertManaged(tx, actor, id);
    await writeAudit(tx, actor, {
      action: 'activity.project_create',
      objectType: 'activity_project',
      objectId: id,
      after: body,
    });
  });
  const created = await selectProject(db, actor.tenantId, id, sql`true`);
  if (!created) throw fail('PROJECT_NOT_FOUND');
  return { ...created, activities: [] } satisfies ProjectDetailView;
}

/** Edit a project the actor organises, with the version they read; it must stay in their scope. */
export async function updateProject(ctx: AppContext, actor: Actor, id: string, body: ProjectUpdateBody) {
  requirePermission(actor, 'activity.manage');
  const current = await selectProject(ctx.db, actor.tenantId, id, activityManageScope(actor));
  if (!current) throw fail('PROJECT_NOT_FOUND');
  if (current.version !== body.version) throw fail('STALE_VERSION', { current });
  await assertUsable(ctx.db, actor, body);
  await ctx.db.transaction(async (tx) => {
    const written = await updateProjectRow(tx, actor.tenantId, id, body.version, fieldsOf(body), ctx.clock.now());
    if (!written) throw fail('STALE_VERSION');
    await assertManaged(tx, actor, id);
    await writeAudit(tx, actor, {
      action: 'activity.project_update',
      objectType: 'activity_project',
      objectId: id,
      before: current,
      after: body,
    });
  });
  return getProject(ctx.db, actor, id);
}
