// Inspection teams (督查组) of a plan and their members (accounts that may inspect).
import type { InspectionPlanView, InspectionTeamBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { requirePlanner } from './inspection.policy';
import { countInspectors, pageInspectors } from './inspector.repository';
import { touchPlan } from './plan.repository';
import { getPlan, lockPlanForPlanner } from './plan.service';

/** 400 naming `memberIds` unless every id is an active account of the tenant holding inspection.perform. */
async function assertInspectors(tx: Db, tenantId: string, ids: string[]) {
  if ((await countInspectors(tx, tenantId, ids)) < ids.length)
    throw invalidFields([{ field: 'memberIds', key: 'not_an_inspector' }]);
}

/** Accounts the planner may put in a team. */
export function listInspectors(db: Db, actor: Actor, q: { q?: string; page: number; pageSize: number }) {
  requirePlanner(actor);
  return pageInspectors(db, actor.tenantId, q);
}

async function writeMembers(tx: Db, tenantId: string, planId: string, teamId: string, body: InspectionTeamBody) {
  await tx.execute(sql`DELETE FROM inspection_team_member WHERE tenant_id = ${tenantId} AND team_id = ${teamId}`);
  await tx.execute(sql`INSERT INTO inspection_team_member (tenant_id, team_id, account_id, plan_id, is_leader)
    SELECT ${tenantId}, ${teamId}, x.id, ${planId}, COALESCE(x.id = ${body.leaderId ?? null}::uuid, false)
    FROM unnest(${sql.param(body.memberIds)}::uuid[]) AS x(id)`);
}

function lockOpenPlan(tx: Db, actor: Actor, planId: string) {
  return lockPlanForPlanner(tx, actor, planId).then((plan) => {
    if (plan.status === 'closed') throw fail('PLAN_CLOSED');
    return plan;
  });
}

/** Add a team with its members; a resend with the same client id changes nothing. */
export async function createTeam(
  db: Db,
  actor: Actor,
  planId: string,
  body: InspectionTeamBody,
): Promise<InspectionPlanView> {
  await db.transaction(async (tx) => {
    await lockOpenPlan(tx, actor, planId);
    const id = body.id ?? newId();
    const seen = await tx.execute(
      sql`SELECT plan_id FROM inspection_team WHERE tenant_id = ${actor.tenantId} AND id = ${id}`,
    );
    if (seen.rows.length) {
      if ((seen.rows[0] as any).plan_id !== planId) throw fail('INSPECTION_ID_TAKEN');
      return;
    }
    await assertInspectors(tx, actor.tenantId, body.memberIds);
    await tx.execute(sql`INSERT INTO inspection_team (tenant_id, id, plan_id, name, position)
      VALUES (${actor.tenantId}, ${id}, ${planId}, ${body.name},
        (SELECT count(*) FROM inspection_team WHERE tenant_id = ${actor.tenantId} AND plan_id = ${planId}))`);
    await writeMembers(tx, actor.tenantId, planId, id, body);
    await touchPlan(tx, actor.tenantId, planId, actor.now);
    await writeAudit(tx, actor, {
      action: 'inspection_team.create',
      objectType: 'inspection_team',
      objectId: id,
      after: body,
    });
  });
  return getPlan(db, actor, planId);
}

async function lockTeam(tx: Db, tenantId: string, planId: string, teamId: string) {
  const res = await tx.execute(sql`SELECT t.name, COALESCE((SELECT json_agg(m.account_id) FROM inspection_team_member m
      WHERE m.tenant_id = t.tenant_id AND m.team_id = t.id), '[]'::json) AS members
    FROM inspection_team t WHERE t.tenant_id = ${tenantId} AND t.plan_id = ${planId} AND t.id = ${teamId} FOR UPDATE`);
  if (!res.rows.length) throw fail('INSPECTION_TEAM_NOT_FOUND');
  return res.rows[0] as { name: string; members: string[] };
}

/** Rename a team and replace its members (also while the plan runs: members change). */
export async function updateTeam(
  db: Db,
  actor: Actor,
  planId: string,
  teamId: string,
  body: InspectionTeamBody,
): Promise<InspectionPlanView> {
  await db.transaction(async (tx) => {
    await lockOpenPlan(tx, actor, planId);
    const before = await lockTeam(tx, actor.tenantId, planId, teamId);
    await assertInspectors(tx, actor.tenantId, body.memberIds);
    await tx.execute(
      sql`UPDATE inspection_team SET name = ${body.name} WHERE tenant_id = ${actor.tenantId} AND id = ${teamId}`,
    );
    await writeMembers(tx, actor.tenantId, planId, teamId, body);
    await touchPlan(tx, actor.tenantId, planId, actor.now);
    await writeAudit(tx, actor, {
      action: 'inspection_team.update',
      objectType: 'inspection_team',
      objectId: teamId,
      before,
      after: body,
    });
  });
  return getPlan(db, actor, planId);
}

/** Remove a team; its points go back to unassigned. */
export async function deleteTeam(db: Db, actor: Actor, planId: string, teamId: string): Promise<InspectionPlanView> {
  await db.transaction(async (tx) => {
    await lockOpenPlan(tx, actor, planId);
    const before = await lockTeam(tx, actor.tenantId, planId, teamId);
    await tx.execute(sql`UPDATE inspection_plan_point SET team_id = NULL
      WHERE tenant_id = ${actor.tenantId} AND plan_id = ${planId} AND team_id = ${teamId}`);
    await tx.execute(sql`DELETE FROM inspection_team WHERE tenant_id = ${actor.tenantId} AND id = ${teamId}`);
    await touchPlan(tx, actor.tenantId, planId, actor.now);
    await writeAudit(tx, actor, {
      action: 'inspection_team.delete',
      objectType: 'inspection_team',
      objectId: teamId,
      before,
    });
  });
  return getPlan(db, actor, planId);
}
