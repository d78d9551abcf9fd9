import { type UnitBody, type UnitView, maskPhone } from '@wenming/contracts';
import { sqlTime } from '../../platform/sql';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission, scopeFilter } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { PiiCipher } from '../../platform/crypto';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { buildSearchText, likePattern } from '../../platform/search-text';
import { assertRegionUsable } from './org-refs';

const columns = sql`u.id, u.name, u.type, u.credit_code, u.region_code, rg.name AS region_name, u.parent_unit_id,
  u.honor_tier, u.contact_name, u.contact_phone_enc, u.address, u.version`;
const from = sql`unit u LEFT JOIN region rg ON rg.tenant_id = u.tenant_id AND rg.code = u.region_code`;

/** Scope of units: by region subtree, or the unit itself for a unit-scoped grant. */
export const unitScope = (actor: Actor, permission: 'unit.read' | 'unit.manage' = 'unit.read') =>
  scopeFilter(actor, permission, { regionCode: sql`u.region_code`, unitId: sql`u.id` });

export function toUnitView(r: any, cipher: PiiCipher): UnitView {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    creditCode: r.credit_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    parentUnitId: r.parent_unit_id,
    honorTier: r.honor_tier,
    contactName: r.contact_name,
    contactPhone: r.contact_phone_enc ? maskPhone(cipher.decrypt(r.contact_phone_enc)) : null,
    address: r.address,
    version: r.version,
  };
}

export interface UnitFilter {
  q?: string;
  type?: string;
  regionCode?: string;
}

export function unitWhere(actor: Actor, f: UnitFilter) {
  return allOf(
    sql`u.tenant_id = ${actor.tenantId}`,
    unitScope(actor),
    f.q ? sql`(u.search_text LIKE ${likePattern(f.q)} OR u.credit_code = ${f.q.trim().toUpperCase()})` : null,
    f.type ? sql`u.type = ${f.type}` : null,
    f.regionCode
      ? sql`EXISTS (SELECT 1 FROM region fr, region fu WHERE fr.tenant_id = u.tenant_id AND fr.code = ${f.regionCode}
          AND fu.tenant_id = u.tenant_id AND fu.code = u.region_code AND fu.path <@ fr.path)`
      : null,
  );
}

/** Units in scope, searchable by name, pinyin initials, either script or credit code. */
export async function listUnits(
  db: Db,
  cipher: PiiCipher,
  actor: Actor,
  f: UnitFilter & { page: number; pageSize: number },
) {
  requirePermission(actor, 'unit.read');
  return queryPage(db, { columns, from, where: unitWhere(actor, f), orderBy: sql`u.name, u.id` }, f, (r) =>
    toUnitView(r, cipher),
  );
}

export async function getUnit(
  db: Db,
  cipher: PiiCipher,
  actor: Actor,
  id: string,
  permission: 'unit.read' | 'unit.manage' = 'unit.read',
) {
  requirePermission(actor, permission);
  const res = await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE u.tenant_id = ${actor.tenantId} AND u.id = ${id} AND ${unitScope(actor, permission)}`);
  if (!res.rows[0]) throw fail('UNIT_NOT_FOUND');
  return toUnitView(res.rows[0], cipher);
}

function unitValues(cipher: PiiCipher, b: UnitBody) {
  return {
    name: b.name,
    type: b.type,
    creditCode: b.creditCode || null,
    regionCode: b.regionCode,
    parentUnitId: b.parentUnitId ?? null,
    honorTier: b.honorTier ?? 'none',
    contactName: b.contactName ?? null,
    contactPhoneEnc: b.contactPhone ? cipher.encrypt(b.contactPhone) : null,
    address: b.address ?? null,
    searchText: buildSearchText(b.name),
  };
}

/** Insert units inside a transaction; a taken credit code is a 409. Used by create and import. */
export async function insertUnits(tx: Db, cipher: PiiCipher, tenantId: string, bodies: (UnitBody & { id?: string })[]) {
  const ids: string[] = [];
  for (const b of bodies) {
    const v = unitValues(cipher, b);
    const id = b.id ?? newId();
    const res =
      await tx.execute(sql`INSERT INTO unit (tenant_id, id, name, type, credit_code, region_code, parent_unit_id,
        honor_tier, contact_name, contact_phone_enc, address, search_text)
      VALUES (${tenantId}, ${id}, ${v.name}, ${v.type}, ${v.creditCode}, ${v.regionCode}, ${v.parentUnitId}, ${v.honorTier},
        ${v.contactName}, ${v.contactPhoneEnc}, ${v.address}, ${v.searchText})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (res.rows.length === 0) {
      const same = await tx.execute(sql`SELECT id FROM unit WHERE tenant_id = ${tenantId} AND id = ${id}`);
      if (same.rows.length) continue; // a resend of the same create
      throw fail('UNIT_CREDIT_CODE_TAKEN', { fields: [{ field: 'creditCode' }] });
    }
    ids.push(id);
  }
  return ids;
}

export async function createUnit(db: Db, cipher: PiiCipher, actor: Actor, body: UnitBody & { id?: string }) {
  requirePermission(actor, 'unit.manage');
  await assertRegionUsable(db, actor, body.regionCode, 'unit.manage');
  const id = body.id ?? newId();
  await db.transaction(async (tx) => {
    const created = await insertUnits(tx, cipher, actor.tenantId, [{ ...body, id }]);
    if (created.length)
      await writeAudit(tx, actor, {
        action: 'unit.create',
        objectType: 'unit',
        objectId: id,
        after: { ...body, contactPhone: maskPhone(body.contactPhone) },
      });
  });
  return getUnit(db, cipher, actor, id);
}

/** Update with optimistic concurrency: a stale version is a 409 with the current record. */
export async function updateUnit(
  db: Db,
  cipher: PiiCipher,
  actor: Actor,
  id: string,
  body: UnitBody & { version: number },
) {
  const before = await getUnit(db, cipher, actor, id, 'unit.manage');
  await assertRegionUsable(db, actor, body.regionCode, 'unit.manage');
  const v = unitValues(cipher, body);
  await db
    .transaction(async (tx) => {
      const res =
        await tx.execute(sql`UPDATE unit SET name = ${v.name}, type = ${v.type}, credit_code = ${v.creditCode},
        region_code = ${v.regionCode}, parent_unit_id = ${v.parentUnitId}, honor_tier = ${v.honorTier},
        contact_name = ${v.contactName}, contact_phone_enc = ${v.contactPhoneEnc}, address = ${v.address},
        search_text = ${v.searchText}, version = version + 1, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${body.version} RETURNING id`);
      if (res.rows.length === 0) throw fail('STALE_VERSION', { current: before });
      await writeAudit(tx, actor, {
        action: 'unit.update',
        objectType: 'unit',
        objectId: id,
        before,
        after: { ...body, contactPhone: maskPhone(body.contactPhone) },
      });
    })
    .catch((err) => {
      if (err?.cause?.code === '23505' || err?.code === '23505') throw fail('UNIT_CREDIT_CODE_TAKEN');
      throw err;
    });
  return getUnit(db, cipher, actor, id);
}
