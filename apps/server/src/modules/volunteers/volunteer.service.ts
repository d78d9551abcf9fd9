// Use cases of volunteers: registration (self or by a station), reading, listing and updating.
import { sqlTime } from '../../platform/sql';
import {
  type VolunteerCreateBody,
  type VolunteerListQuery,
  type VolunteerUpdateBody,
  type VolunteerView,
  maskPhone,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { buildSearchText, likePattern } from '../../platform/search-text';
import { getVolunteerSettings } from './volunteer-settings.service';
import {
  assertRegionsExist,
  assertSiteExists,
  assertSiteUsable,
  grantSiteOf,
  volunteerScope,
} from './volunteer.policy';
import { insertVolunteers, toVolunteerView, volunteerColumns, volunteerFrom } from './volunteer.repository';

type Permission = 'volunteer.read' | 'volunteer.manage';

/** A volunteer in the actor's scope (404 outside it). */
export async function getVolunteer(db: Db, actor: Actor, id: string, permission: Permission = 'volunteer.read') {
  if (!can(actor, permission) && !can(actor, 'volunteer.register')) requirePermission(actor, permission);
  const scope = can(actor, permission) ? volunteerScope(actor, permission) : sql`v.account_id = ${actor.accountId}`;
  const res = await db.execute(sql`SELECT ${volunteerColumns} FROM ${volunteerFrom}
    WHERE v.tenant_id = ${actor.tenantId} AND v.id = ${id} AND ${scope}`);
  if (!res.rows[0]) throw fail('VOLUNTEER_NOT_FOUND');
  const { starThresholds } = await getVolunteerSettings(db, actor.tenantId);
  return toVolunteerView(res.rows[0], starThresholds);
}

/** The signed-in account's own volunteer record, or null when it has not registered. */
export async function findMyVolunteer(db: Db, actor: Actor): Promise<VolunteerView | null> {
  if (!actor.accountId) return null;
  const res = await db.execute(sql`SELECT ${volunteerColumns} FROM ${volunteerFrom}
    WHERE v.tenant_id = ${actor.tenantId} AND v.account_id = ${actor.accountId}`);
  if (!res.rows[0]) return null;
  const { starThresholds } = await getVolunteerSettings(db, actor.tenantId);
  return toVolunteerView(res.rows[0], starThresholds);
}

/** The signed-in account's volunteer id; 409 VOLUNTEER_NOT_REGISTERED when there is none. */
export async function requireMyVolunteerId(db: Db, actor: Actor): Promise<{ id: string; status: string }> {
  const res = await db.execute(sql`SELECT id, status FROM volunteer
    WHERE tenant_id = ${actor.tenantId} AND account_id = ${actor.accountId ?? null}`);
  const r = res.rows[0] as { id: string; status: string } | undefined;
  if (!r) throw fail('VOLUNTEER_NOT_REGISTERED');
  return r;
}

/** At least star level `star`: the confirmed hours its threshold needs (increasing); none past the top level. */
function starAtLeast(star: number | undefined, thresholds: number[]) {
  if (!star) return null;
  const hours = thresholds[star - 1];
  return hours === undefined ? sql`false` : sql`v.confirmed_hours >= ${hours}`;
}

/** Volunteers in scope matching the list's filters; `thresholds` are the tenant's star thresholds. */
export function volunteerWhere(actor: Actor, f: Omit<VolunteerListQuery, 'page' | 'pageSize'>, thresholds: number[]) {
  return allOf(
    sql`v.tenant_id = ${actor.tenantId}`,
    volunteerScope(actor),
    f.q ? sql`v.search_text LIKE ${likePattern(f.q)}` : null,
    f.siteId ? sql`v.site_id = ${f.siteId}` : null,
    f.skill ? sql`v.skills @> ARRAY[${f.skill}]::text[]` : null,
    f.status ? sql`v.status = ${f.status}` : null,
    starAtLeast(f.minStar, thresholds),
    f.minHours !== undefined ? sql`v.confirmed_hours >= ${f.minHours}` : null,
    f.teamId
      ? sql`EXISTS (SELECT 1 FROM team_member m WHERE m.tenant_id = v.tenant_id AND m.volunteer_id = v.id
          AND m.team_id = ${f.teamId} AND m.status = 'active')`
      : null,
    f.regionCode
      ? sql`EXISTS (SELECT 1 FROM region fr, region fp WHERE fr.tenant_id = v.tenant_id AND fr.code = ${f.regionCode}
          AND fp.tenant_id = v.tenant_id AND fp.code = v.region_code AND fp.path <@ fr.path)`
      : null,
  );
}

/** Volunteers in scope, personal data masked. */
export async function listVolunteers(db: Db, actor: Actor, f: VolunteerListQuery) {
  requirePermission(actor, 'volunteer.read');
  const { starThresholds } = await getVolunteerSettings(db, actor.tenantId);
  return queryPage(
    db,
    {
      columns: volunteerColumns,
      from: volunteerFrom,
      where: volunteerWhere(actor, f, starThresholds),
      orderBy: sql`v.number`,
    },
    f,
    (r) => toVolunteerView(r, starThresholds),
  );
}

async function existingRegistration(db: Db, ctx: AppContext, tenantId: string, idCard: string) {
  const res = await db.execute(sql`SELECT id, number, name FROM volunteer
    WHERE tenant_id = ${tenantId} AND id_card_hash = ${ctx.cipher.blindIndex(idCard)}`);
  return res.rows[0] as { id: string; number: string; name: string } | undefined;
}

/**
 * Register a volunteer. With `volunteer.manage` a station registers someone (its own site by default);
 * otherwise the signed-in volunteer or resident registers themself and the record links to the account.
 * The same ID number twice is 409 VOLUNTEER_ALREADY_REGISTERED naming the existing record.
 */
export async function registerVolunteer(ctx: AppContext, actor: Actor, body: VolunteerCreateBody) {
  const byStation = can(actor, 'volunteer.manage');
  if (!byStation) requirePermission(actor, 'volunteer.register');
  if (!byStation && !actor.accountId) throw fail('FORBIDDEN');
  const siteId = body.siteId ?? (byStation ? grantSiteOf(actor, 'volunteer.manage') : null) ?? null;
  if (siteId && byStation) await assertSiteUsable(ctx.db, actor, siteId, 'volunteer.manage');
  else if (siteId) await assertSiteExists(ctx.db, actor.tenantId, siteId);
  await assertRegionsExist(ctx.db, actor.tenantId, [body.regionCode], 'regionCode');
  await assertRegionsExist(ctx.db, actor.tenantId, body.serviceAreas, 'serviceAreas');
  const id = body.id ?? newId();
  const accountId = byStation ? null : actor.accountId;
  await ctx.db.transaction(async (tx) => {
    const inserted = await insertVolunteers(tx, ctx.cipher, actor.tenantId, [{ ...body, id, siteId, accountId }], {
      onConflict: 'skip',
      at: actor.now,
    });
    if (!inserted.length) {
      const same = await tx.execute(
        sql`SELECT id_card_hash FROM volunteer WHERE tenant_id = ${actor.tenantId} AND id = ${id}`,
      );
      const sameRow = same.rows[0] as { id_card_hash: string } | undefined;
      if (sameRow?.id_card_hash === ctx.cipher.blindIndex(body.idCard)) return; // a resend of the same registration
      const existing = await existingRegistration(tx, ctx, actor.tenantId, body.idCard);
      if (existing)
        throw fail('VOLUNTEER_ALREADY_REGISTERED', {
          existing: { id: existing.id, number: existing.number },
        });
      if (sameRow) throw fail('VOLUNTEER_ID_TAKEN');
      throw fail('VOLUNTEER_ACCOUNT_TAKEN');
    }
    // A station may only register people it will see: the new row must be inside its scope.
    if (byStation) {
      const visible = await tx.execute(sql`SELECT 1 FROM volunteer v WHERE v.tenant_id = ${actor.tenantId}
        AND v.id = ${id} AND ${volunteerScope(actor, 'volunteer.manage')}`);
      if (!visible.rows.length) throw invalidFields([{ field: 'regionCode', key: 'outside_scope' }]);
    }
    // A resident who registers themself becomes a volunteer: they get the volunteer role (own records).
    const granted = byStation ? false : await grantVolunteerRole(tx, actor);
    await writeAudit(tx, actor, {
      action: 'volunteer.register',
      objectType: 'volunteer',
      objectId: id,
      after: { ...masked(body), ...(granted ? { roleGranted: 'volunteer' } : {}) },
    });
  });
  return getVolunteer(ctx.db, actor, id);
}

/** Give the signed-in account the built-in volunteer role (scope: own records) unless it has it; true if given. */
async function grantVolunteerRole(tx: Db, actor: Actor): Promise<boolean> {
  const res =
    await tx.execute(sql`INSERT INTO role_assignment (tenant_id, id, account_id, role_code, scope_kind, scope_ref)
    SELECT ${actor.tenantId}, ${newId()}, ${actor.accountId}, 'volunteer', 'own', NULL
    WHERE NOT EXISTS (SELECT 1 FROM role_assignment WHERE tenant_id = ${actor.tenantId}
      AND account_id = ${actor.accountId} AND role_code = 'volunteer')
    RETURNING id`);
  return res.rows.length > 0;
}

const masked = (b: Partial<VolunteerCreateBody>) => ({
  ...b,
  idCard: undefined,
  phone: maskPhone(b.phone),
  emergencyPhone: maskPhone(b.emergencyPhone),
});

/** Update a volunteer's record (the station in scope, or the volunteer themself); status only by a station. */
export async function updateVolunteer(ctx: AppContext, actor: Actor, id: string, body: VolunteerUpdateBody) {
  const byStation = can(actor, 'volunteer.manage');
  const before = await getVolunteer(ctx.db, actor, id, byStation ? 'volunteer.manage' : 'volunteer.read');
  if (!byStation && before.accountId !== actor.accountId) throw fail('VOLUNTEER_NOT_FOUND');
  if (!byStation && body.status && body.status !== before.status) throw fail('FORBIDDEN');
  await assertRegionsExist(ctx.db, actor.tenantId, [body.regionCode], 'regionCode');
  await assertRegionsExist(ctx.db, actor.tenantId, body.serviceAreas, 'serviceAreas');
  const c = ctx.cipher;
  await ctx.db.transaction(async (tx) => {
    const res = await tx.execute(sql`UPDATE volunteer SET name = ${body.name},
      phone_enc = ${c.encrypt(body.phone)}, phone_masked = ${maskPhone(body.phone)},
      skills = ${sql.param(body.skills)}::text[], service_areas = ${sql.param(body.serviceAreas)}::text[],
      availability = ${sql.param(body.availability)}::text[], political_status = ${body.politicalStatus ?? null},
      education = ${body.education ?? null}, emergency_name = ${body.emergencyName ?? null},
      emergency_phone_enc = ${body.emergencyPhone ? c.encrypt(body.emergencyPhone) : null},
      emergency_phone_masked = ${maskPhone(body.emergencyPhone)}, region_code = ${body.regionCode},
      home_lat = ${body.homeLat ?? null}, home_lng = ${body.homeLng ?? null},
      status = ${body.status ?? before.status}, search_text = ${buildSearchText(body.name, before.number)},
      version = version + 1, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${body.version} RETURNING id`);
    if (!res.rows.length) throw fail('STALE_VERSION', { current: before });
    await writeAudit(tx, actor, {
      action: 'volunteer.update',
      objectType: 'volunteer',
      objectId: id,
      before,
      after: masked(body),
    });
  });
  return getVolunteer(ctx.db, actor, id);
}

/** Show a volunteer's whole ID number and phones: needs `person.reveal_pii` and the volunteer in scope; audited. */
export async function revealVolunteer(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'person.reveal_pii');
  await getVolunteer(ctx.db, actor, id, 'volunteer.manage');
  const res = await ctx.db.execute(sql`SELECT id_card_enc, phone_enc, emergency_phone_enc FROM volunteer
    WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
  const r = res.rows[0] as Record<string, string | null>;
  await ctx.db.transaction((tx) =>
    writeAudit(tx, actor, {
      action: 'volunteer.reveal_pii',
      objectType: 'volunteer',
      objectId: id,
      after: { fields: ['idCard', 'phone', 'emergencyPhone'] },
    }),
  );
  const open = (v: string | null) => (v ? ctx.cipher.decrypt(v) : null);
  return { idCard: open(r.id_card_enc), phone: open(r.phone_enc), emergencyPhone: open(r.emergency_phone_enc) };
}
