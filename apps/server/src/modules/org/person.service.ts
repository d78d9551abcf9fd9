import { type PersonBody, type PersonView, maskIdCard, maskPhone } from '@wenming/contracts';
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

const columns = sql`p.id, p.name, p.gender, p.id_card_masked, p.phone_masked, p.unit_id, un.name AS unit_name,
  p.region_code, rg.name AS region_name, p.position, p.version,
  EXISTS (SELECT 1 FROM account a WHERE a.tenant_id = p.tenant_id AND a.person_id = p.id) AS has_account`;
const from = sql`person p
  LEFT JOIN unit un ON un.tenant_id = p.tenant_id AND un.id = p.unit_id
  LEFT JOIN region rg ON rg.tenant_id = p.tenant_id AND rg.code = p.region_code`;

export const personScope = (
  actor: Actor,
  permission: 'person.read' | 'person.manage' | 'person.reveal_pii' = 'person.read',
) => scopeFilter(actor, permission, { regionCode: sql`p.region_code`, unitId: sql`p.unit_id`, ownerId: sql`p.id` });

const toView = (r: any): PersonView => ({
  id: r.id,
  name: r.name,
  gender: r.gender,
  idCardMasked: r.id_card_masked,
  phoneMasked: r.phone_masked,
  unitId: r.unit_id,
  unitName: r.unit_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  position: r.position,
  hasAccount: r.has_account,
  version: r.version,
});

export interface PersonFilter {
  q?: string;
  unitId?: string;
  regionCode?: string;
}

export function personWhere(actor: Actor, f: PersonFilter) {
  return allOf(
    sql`p.tenant_id = ${actor.tenantId}`,
    personScope(actor),
    f.q ? sql`p.search_text LIKE ${likePattern(f.q)}` : null,
    f.unitId ? sql`p.unit_id = ${f.unitId}` : null,
    f.regionCode
      ? sql`EXISTS (SELECT 1 FROM region fr, region fp WHERE fr.tenant_id = p.tenant_id AND fr.code = ${f.regionCode}
          AND fp.tenant_id = p.tenant_id AND fp.code = p.region_code AND fp.path <@ fr.path)`
      : null,
  );
}

/** People in scope; ID numbers and phones only masked. */
export async function listPeople(db: Db, actor: Actor, f: PersonFilter & { page: number; pageSize: number }) {
  requirePermission(actor, 'person.read');
  return queryPage(db, { columns, from, where: personWhere(actor, f), orderBy: sql`p.name, p.id` }, f, toView);
}

export async function getPerson(
  db: Db,
  actor: Actor,
  id: string,
  permission: 'person.read' | 'person.manage' | 'person.reveal_pii' = 'person.read',
) {
  requirePermission(actor, permission);
  const res = await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE p.tenant_id = ${actor.tenantId} AND p.id = ${id} AND ${personScope(actor, permission)}`);
  if (!res.rows[0]) throw fail('PERSON_NOT_FOUND');
  return toView(res.rows[0]);
}

/** Encrypted, masked and blind-indexed columns of a person's personal data. */
export function personPii(cipher: PiiCipher, b: Pick<PersonBody, 'idCard' | 'phone'>) {
  return {
    idCardEnc: b.idCard ? cipher.encrypt(b.idCard) : null,
    idCardHash: b.idCard ? cipher.blindIndex(b.idCard) : null,
    idCardMasked: maskIdCard(b.idCard),
    phoneEnc: b.phone ? cipher.encrypt(b.phone) : null,
    phoneMasked: maskPhone(b.phone),
  };
}

/** Insert people in a transaction; an ID number already registered is a 409. Used by create and import. */
export async function insertPeople(
  tx: Db,
  cipher: PiiCipher,
  tenantId: string,
  bodies: (PersonBody & { id?: string })[],
) {
  const ids: string[] = [];
  for (const b of bodies) {
    const id = b.id ?? newId();
    const pii = personPii(cipher, b);
    const res =
      await tx.execute(sql`INSERT INTO person (tenant_id, id, name, gender, id_card_enc, id_card_hash, id_card_masked,
        phone_enc, phone_masked, unit_id, region_code, position, search_text)
      VALUES (${tenantId}, ${id}, ${b.name}, ${b.gender ?? null}, ${pii.idCardEnc}, ${pii.idCardHash}, ${pii.idCardMasked},
        ${pii.phoneEnc}, ${pii.phoneMasked}, ${b.unitId ?? null}, ${b.regionCode}, ${b.position ?? null}, ${buildSearchText(b.name)})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (res.rows.length === 0) {
      const same = await tx.execute(sql`SELECT id FROM person WHERE tenant_id = ${tenantId} AND id = ${id}`);
      if (same.rows.length) continue;
      throw fail('PERSON_ID_CARD_TAKEN');
    }
    ids.push(id);
  }
  return ids;
}

async function assertUnitUsable(db: Db, actor: Actor, unitId: string | null | undefined) {
  if (!unitId) return;
  const res = await db.execute(sql`SELECT 1 FROM unit WHERE tenant_id = ${actor.tenantId} AND id = ${unitId}`);
  if (!res.rows.length) throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'unitId', key: 'unknown_unit' }] });
}

export async function createPerson(db: Db, cipher: PiiCipher, actor: Actor, body: PersonBody & { id?: string }) {
  requirePermission(actor, 'person.manage');
  await assertRegionUsable(db, actor, body.regionCode, 'person.manage');
  await assertUnitUsable(db, actor, body.unitId);
  const id = body.id ?? newId();
  await db.transaction(async (tx) => {
    const created = await insertPeople(tx, cipher, actor.tenantId, [{ ...body, id }]);
    if (created.length)
      await writeAudit(tx, actor, {
        action: 'person.create',
        objectType: 'person',
        objectId: id,
        after: maskedBody(body),
      });
  });
  return getPerson(db, actor, id);
}

const maskedBody = (b: PersonBody) => ({ ...b, idCard: maskIdCard(b.idCard), phone: maskPhone(b.phone) });

export async function updatePerson(
  db: Db,
  cipher: PiiCipher,
  actor: Actor,
  id: string,
  body: PersonBody & { version: number },
) {
  const before = await getPerson(db, actor, id, 'person.manage');
  await assertRegionUsable(db, actor, body.regionCode, 'person.manage');
  await assertUnitUsable(db, actor, body.unitId);
  const pii = personPii(cipher, body);
  // A key left out keeps the stored value (the form never holds the whole number); null clears it.
  const idCardSet =
    body.idCard === undefined
      ? sql``
      : sql`id_card_enc = ${pii.idCardEnc}, id_card_hash = ${pii.idCardHash}, id_card_masked = ${pii.idCardMasked},`;
  const phoneSet =
    body.phone === undefined ? sql`` : sql`phone_enc = ${pii.phoneEnc}, phone_masked = ${pii.phoneMasked},`;
  await db
    .transaction(async (tx) => {
      const res = await tx.execute(sql`UPDATE person SET name = ${body.name}, gender = ${body.gender ?? null},
        ${idCardSet} ${phoneSet} unit_id = ${body.unitId ?? null},
        region_code = ${body.regionCode}, position = ${body.position ?? null}, search_text = ${buildSearchText(body.name)},
        version = version + 1, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${body.version} RETURNING id`);
      if (res.rows.length === 0) throw fail('STALE_VERSION', { current: before });
      await writeAudit(tx, actor, {
        action: 'person.update',
        objectType: 'person',
        objectId: id,
        before,
        after: maskedBody(body),
      });
    })
    .catch((err) => {
      if (err?.cause?.code === '23505' || err?.code === '23505') throw fail('PERSON_ID_CARD_TAKEN');
      throw err;
    });
  return getPerson(db, actor, id);
}

/** Show a person's whole ID number and phone: needs `person.reveal_pii` in scope, and every view is audited. */
export async function revealPerson(db: Db, cipher: PiiCipher, actor: Actor, id: string) {
  await getPerson(db, actor, id, 'person.reveal_pii');
  const res = await db.execute(
    sql`SELECT id_card_enc, phone_enc FROM person WHERE tenant_id = ${actor.tenantId} AND id = ${id}`,
  );
  const r = res.rows[0] as any;
  await db.transaction((tx) =>
    writeAudit(tx, actor, {
      action: 'person.reveal_pii',
      objectType: 'person',
      objectId: id,
      after: { fields: ['idCard', 'phone'] },
    }),
  );
  return {
    idCard: r.id_card_enc ? cipher.decrypt(r.id_card_enc) : null,
    phone: r.phone_enc ? cipher.decrypt(r.phone_enc) : null,
  };
}
