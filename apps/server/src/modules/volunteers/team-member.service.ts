// Team membership: a volunteer asks to join, the team's manager approves or rejects; managers may add directly.
import { sqlTime } from '../../platform/sql';
import type { TeamMemberView, memberStatuses } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { queryPage } from '../../platform/paging';
import { getTeam } from './team.service';
import { volunteerScope } from './volunteer.policy';
import { requireMyVolunteerId } from './volunteer.service';

const toView = (r: any): TeamMemberView => ({
  teamId: r.team_id,
  volunteerId: r.volunteer_id,
  volunteerNumber: r.number,
  name: r.name,
  phoneMasked: r.phone_masked,
  status: r.status,
  role: r.role,
  note: r.note,
  requestedAt: new Date(r.requested_at).toISOString(),
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
});

const memberColumns = sql`m.team_id, m.volunteer_id, v.number, v.name, v.phone_masked, m.status, m.role, m.note, m.requested_at, m.decided_at`;
const memberFrom = sql`team_member m JOIN volunteer v ON v.tenant_id = m.tenant_id AND v.id = m.volunteer_id`;

async function getMember(db: Db, tenantId: string, teamId: string, volunteerId: string): Promise<TeamMemberView> {
  const res = await db.execute(sql`SELECT ${memberColumns} FROM ${memberFrom}
    WHERE m.tenant_id = ${tenantId} AND m.team_id = ${teamId} AND m.volunteer_id = ${volunteerId}`);
  return toView(res.rows[0]);
}

/** Members and requests of a team the actor manages. */
export async function listTeamMembers(
  db: Db,
  actor: Actor,
  teamId: string,
  f: { page: number; pageSize: number; status?: (typeof memberStatuses)[number] },
) {
  await getTeam(db, actor, teamId, 'team.manage');
  return queryPage(
    db,
    {
      columns: memberColumns,
      from: memberFrom,
      where: sql`m.tenant_id = ${actor.tenantId} AND m.team_id = ${teamId} ${f.status ? sql`AND m.status = ${f.status}` : sql``}`,
      orderBy: sql`m.status = 'pending' DESC, m.requested_at, v.number`,
    },
    f,
    toView,
  );
}

/** The signed-in volunteer asks to join a team; a rejected or departed member may ask again. */
export async function requestToJoin(db: Db, actor: Actor, teamId: string, note: string | null) {
  const team = await getTeam(db, actor, teamId);
  const me = await requireMyVolunteerId(db, actor);
  await db.transaction(async (tx) => {
    const res = await tx.execute(sql`INSERT INTO team_member (tenant_id, team_id, volunteer_id, status, note)
      VALUES (${actor.tenantId}, ${team.id}, ${me.id}, 'pending', ${note})
      ON CONFLICT (tenant_id, team_id, volunteer_id) DO UPDATE SET status = 'pending', note = EXCLUDED.note,
        requested_at = ${sqlTime(actor.now)}, decided_at = NULL, decided_by = NULL
        WHERE team_member.status IN ('rejected', 'left')
      RETURNING status`);
    if (!res.rows.length) throw fail('TEAM_ALREADY_MEMBER');
    await writeAudit(tx, actor, {
      action: 'team.join_request',
      objectType: 'volunteer_team',
      objectId: team.id,
      after: { volunteerId: me.id, note },
    });
  });
  return { teamId: team.id, volunteerId: me.id, status: 'pending' as const };
}

/** Approve or reject a pending join request (team manager in scope). */
export async function decideJoin(
  db: Db,
  actor: Actor,
  teamId: string,
  volunteerId: string,
  decision: 'approve' | 'reject',
  note: string | null,
) {
  await getTeam(db, actor, teamId, 'team.manage');
  const status = decision === 'approve' ? 'active' : 'rejected';
  await db.transaction(async (tx) => {
    const res = await tx.execute(sql`UPDATE team_member SET status = ${status}, decided_at = ${sqlTime(actor.now)},
      decided_by = ${actor.accountId}, note = COALESCE(${note}, note)
      WHERE tenant_id = ${actor.tenantId} AND team_id = ${teamId} AND volunteer_id = ${volunteerId} AND status = 'pending'
      RETURNING volunteer_id`);
    if (!res.rows.length) throw fail('TEAM_REQUEST_NOT_PENDING');
    await writeAudit(tx, actor, {
      action: `team.${decision}`,
      objectType: 'volunteer_team',
      objectId: teamId,
      after: { volunteerId, note },
    });
  });
  return getMember(db, actor.tenantId, teamId, volunteerId);
}

/** A manager adds a volunteer in their scope straight in (no request), or changes an existing member's role. */
export async function addMember(db: Db, actor: Actor, teamId: string, volunteerId: string, role: 'member' | 'leader') {
  await getTeam(db, actor, teamId, 'team.manage');
  const v = await db.execute(sql`SELECT v.id FROM volunteer v WHERE v.tenant_id = ${actor.tenantId}
    AND v.id = ${volunteerId} AND ${volunteerScope(actor, 'volunteer.read')}`);
  if (!v.rows.length) throw invalidFields([{ field: 'volunteerId', key: 'unknown_volunteer' }]);
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO team_member (tenant_id, team_id, volunteer_id, status, role, decided_at, decided_by)
      VALUES (${actor.tenantId}, ${teamId}, ${volunteerId}, 'active', ${role}, ${sqlTime(actor.now)}, ${actor.accountId})
      ON CONFLICT (tenant_id, team_id, volunteer_id) DO UPDATE SET status = 'active', role = EXCLUDED.role,
        decided_at = ${sqlTime(actor.now)}, decided_by = EXCLUDED.decided_by`);
    await writeAudit(tx, actor, {
      action: 'team.add_member',
      objectType: 'volunteer_team',
      objectId: teamId,
      after: { volunteerId, role },
    });
  });
  return getMember(db, actor.tenantId, teamId, volunteerId);
}

/** The signed-in volunteer leaves a team. */
export async function leaveTeam(db: Db, actor: Actor, teamId: string) {
  const me = await requireMyVolunteerId(db, actor);
  await db.transaction(async (tx) => {
    const res = await tx.execute(sql`UPDATE team_member SET status = 'left', decided_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND team_id = ${teamId} AND volunteer_id = ${me.id}
        AND status IN ('active', 'pending') RETURNING team_id`);
    if (!res.rows.length) throw fail('TEAM_MEMBER_NOT_FOUND');
    await writeAudit(tx, actor, {
      action: 'team.leave',
      objectType: 'volunteer_team',
      objectId: teamId,
      after: { volunteerId: me.id },
    });
  });
  return { teamId, volunteerId: me.id, status: 'left' as const };
}

/** Teams the signed-in volunteer belongs to or asked to join. */
export async function listMyTeams(db: Db, actor: Actor) {
  const me = await requireMyVolunteerId(db, actor);
  const res = await db.execute(sql`SELECT tm.id, tm.name, tm.level, m.status, m.role FROM team_member m
    JOIN volunteer_team tm ON tm.tenant_id = m.tenant_id AND tm.id = m.team_id
    WHERE m.tenant_id = ${actor.tenantId} AND m.volunteer_id = ${me.id} AND m.status IN ('active', 'pending')
    ORDER BY tm.name`);
  return res.rows.map((r: any) => ({ teamId: r.id, name: r.name, level: r.level, status: r.status, role: r.role }));
}
