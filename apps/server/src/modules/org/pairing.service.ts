import type { PairingKind, PairingTarget, PairingView, pairingBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, requirePermission, scopeFilter } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';

export type PairingBody = z.infer<typeof pairingBody>;
type PairingPermission = 'pairing.read' | 'pairing.manage';

const columns = sql`pa.id, pa.unit_id, un.name AS unit_name, pa.kind, pa.target_kind, pa.target_ref,
  COALESCE(tr.name, tg.name, tp.name) AS target_name, pa.region_code, pa.note`;
// The CASEs keep the uuid casts away from region targets, whose refs are codes.
const from = sql`pairing pa
  LEFT JOIN unit un ON un.tenant_id = pa.tenant_id AND un.id = pa.unit_id
  LEFT JOIN region tr ON pa.target_kind = 'region' AND tr.tenant_id = pa.tenant_id AND tr.code = pa.target_ref
  LEFT JOIN grid tg ON pa.target_kind = 'grid' AND tg.tenant_id = pa.tenant_id
    AND tg.id = (CASE WHEN pa.target_kind = 'grid' THEN pa.target_ref::uuid END)
  LEFT JOIN point tp ON pa.target_kind = 'point' AND tp.tenant_id = pa.tenant_id
    AND tp.id = (CASE WHEN pa.target_kind = 'point' THEN pa.target_ref::uuid END)`;

/** Scope of pairings: the target's region subtree, or the paired unit for a unit-scoped grant. */
export const pairingScope = (actor: Actor, permission: PairingPermission = 'pairing.read') =>
  scopeFilter(actor, permission, { regionCode: sql`pa.region_code`, unitId: sql`pa.unit_id` });

const toView = (r: any): PairingView => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  kind: r.kind,
  targetKind: r.target_kind,
  targetRef: r.target_ref,
  targetName: r.target_name,
  regionCode: r.region_code,
  note: r.note,
});

export interface PairingFilter {
  unitId?: string;
  targetKind?: PairingTarget;
  regionCode?: string;
}

function pairingWhere(actor: Actor, f: PairingFilter) {
  return allOf(
    sql`pa.tenant_id = ${actor.tenantId}`,
    pairingScope(actor),
    f.unitId ? sql`pa.unit_id = ${f.unitId}` : null,
    f.targetKind ? sql`pa.target_kind = ${f.targetKind}` : null,
    f.regionCode
      ? sql`EXISTS (SELECT 1 FROM region fr, region fp WHERE fr.tenant_id = pa.tenant_id AND fr.code = ${f.regionCode}
          AND fp.tenant_id = pa.tenant_id AND fp.code = pa.region_code AND fp.path <@ fr.path)`
      : null,
  );
}

/** Pairings (包联/包街/结对共建) in scope, with the unit's and the target's names. */
export async function listPairings(db: Db, actor: Actor, f: PairingFilter & { page: number; pageSize: number }) {
  requirePermission(actor, 'pairing.read');
  return queryPage(
    db,
    { columns, from, where: pairingWhere(actor, f), orderBy: sql`pa.region_code, un.name, pa.id` },
    f,
    toView,
  );
}

/** One pairing in scope for the permission, else 404. */
export async function getPairing(db: Db, actor: Actor, id: string, permission: PairingPermission = 'pairing.read') {
  requirePermission(actor, permission);
  const res = await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE pa.tenant_id = ${actor.tenantId} AND pa.id = ${id} AND ${pairingScope(actor, permission)}`);
  if (!res.rows[0]) throw fail('PAIRING_NOT_FOUND');
  return toView(res.rows[0]);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The target's canonical ref and region in the tenant: a region is its own region; a grid or point has one. */
async function resolveTarget(db: Db, tenantId: string, kind: PairingTarget, ref: string) {
  let res: { rows: unknown[] };
  if (kind === 'region') {
    res = await db.execute(sql`SELECT code AS ref, code AS region_code FROM region
      WHERE tenant_id = ${tenantId} AND code = ${ref} AND status = 'active'`);
  } else {
    if (!UUID_RE.test(ref)) return null;
    res = await db.execute(sql`SELECT id::text AS ref, region_code FROM ${sql.identifier(kind)}
      WHERE tenant_id = ${tenantId} AND id = ${ref}`);
  }
  const row = res.rows[0] as { ref: string; region_code: string } | undefined;
  return row ? { ref: row.ref, regionCode: row.region_code } : null;
}

/** Resolve and check a new pairing: the unit must exist, the target must exist and lie inside the actor's scope. */
async function checkNewPairing(db: Db, actor: Actor, body: PairingBody) {
  const unit = await db.execute(sql`SELECT 1 FROM unit WHERE tenant_id = ${actor.tenantId} AND id = ${body.unitId}`);
  if (!unit.rows.length) throw invalidFields([{ field: 'unitId', key: 'unknown_unit' }]);
  const target = await resolveTarget(db, actor.tenantId, body.targetKind, body.targetRef);
  if (!target) throw invalidFields([{ field: 'targetRef', key: 'invalid_value' }]);
  const scope = pairingScopeOf(actor, target.regionCode, body.unitId);
  const ok = await db.execute(sql`SELECT ${scope} AS ok`);
  // A target outside the actor's reach reads the same as an unknown one.
  if (!(ok.rows[0] as { ok: boolean }).ok) throw invalidFields([{ field: 'targetRef', key: 'invalid_value' }]);
  return target;
}

const pairingScopeOf = (actor: Actor, regionCode: string, unitId: string) =>
  scopeFilter(actor, 'pairing.manage', { regionCode: sql`${regionCode}::text`, unitId: sql`${unitId}::uuid` });

/** Pair a unit with a region, grid or point; the same pairing twice is a 409, a resend with the same client id is not. */
export async function createPairing(db: Db, actor: Actor, body: PairingBody & { id?: string }) {
  requirePermission(actor, 'pairing.manage');
  const target = await checkNewPairing(db, actor, body);
  const id = body.id ?? newId();
  await db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`INSERT INTO pairing (tenant_id, id, unit_id, kind, target_kind, target_ref, region_code, note)
      VALUES (${actor.tenantId}, ${id}, ${body.unitId}, ${body.kind}, ${body.targetKind}, ${target.ref}, ${target.regionCode},
        ${body.note ?? null})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (res.rows.length) {
      const after = { ...body, targetRef: target.ref, regionCode: target.regionCode };
      await writeAudit(tx, actor, { action: 'pairing.create', objectType: 'pairing', objectId: id, after });
      return;
    }
    const same = await tx.execute(sql`SELECT 1 FROM pairing WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    if (!same.rows.length) throw fail('PAIRING_EXISTS');
  });
  return getPairing(db, actor, id);
}

/** Remove a pairing in scope; the audit event keeps what it was. */
export async function deletePairing(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getPairing(db, actor, id, 'pairing.manage');
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM pairing WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    await writeAudit(tx, actor, { action: 'pairing.delete', objectType: 'pairing', objectId: id, before });
  });
}

/** Keep the pairings of a grid or point in its region when it moves (called inside the move's transaction). */
export async function movePairedRegion(
  tx: Db,
  tenantId: string,
  targetKind: 'grid' | 'point',
  ref: string,
  regionCode: string,
) {
  await tx.execute(sql`UPDATE pairing SET region_code = ${regionCode}
    WHERE tenant_id = ${tenantId} AND target_kind = ${targetKind} AND target_ref = ${ref} AND region_code <> ${regionCode}`);
}

export interface ResponsibleUnit {
  unitId: string;
  kind: PairingKind;
  /** Which pairing made the unit responsible: of the point, of its grid, or of its region or an ancestor. */
  via: PairingTarget;
  targetRef: string;
}

async function pairingsOf(db: Db, tenantId: string, kind: 'point' | 'grid', ref: string): Promise<ResponsibleUnit[]> {
  const res = await db.execute(sql`SELECT unit_id, kind, target_ref FROM pairing
    WHERE tenant_id = ${tenantId} AND target_kind = ${kind} AND target_ref = ${ref} ORDER BY created_at, id`);
  return res.rows.map((r: any) => ({ unitId: r.unit_id, kind: r.kind, via: kind, targetRef: r.target_ref }));
}

/** Pairings of the nearest of the region and its ancestors that has any. */
async function nearestRegionPairings(db: Db, tenantId: string, regionCode: string): Promise<ResponsibleUnit[]> {
  const res = await db.execute(sql`SELECT pa.unit_id, pa.kind, pa.target_ref, nlevel(a.path) AS depth
    FROM region r
    JOIN region a ON a.tenant_id = r.tenant_id AND a.path @> r.path
    JOIN pairing pa ON pa.tenant_id = a.tenant_id AND pa.target_kind = 'region' AND pa.target_ref = a.code
    WHERE r.tenant_id = ${tenantId} AND r.code = ${regionCode}
    ORDER BY depth DESC, pa.created_at, pa.id`);
  const rows = res.rows as any[];
  const nearest = rows[0]?.depth;
  return rows
    .filter((r) => r.depth === nearest)
    .map((r) => ({ unitId: r.unit_id, kind: r.kind, via: 'region' as const, targetRef: r.target_ref }));
}

/**
 * Routing lookup for problems found in the field: the units paired with the point; else with its grid;
 * else with its region or, nearest first, the region's ancestors. Only the nearest level that has pairings answers.
 */
export async function findResponsibleUnits(
  db: Db,
  tenantId: string,
  at: { pointId?: string; gridId?: string; regionCode?: string },
): Promise<ResponsibleUnit[]> {
  let { gridId, regionCode } = at;
  if (at.pointId && UUID_RE.test(at.pointId)) {
    const p = await db.execute(
      sql`SELECT grid_id, region_code FROM point WHERE tenant_id = ${tenantId} AND id = ${at.pointId}`,
    );
    const row = p.rows[0] as { grid_id: string | null; region_code: string } | undefined;
    gridId ??= row?.grid_id ?? undefined;
    regionCode ??= row?.region_code;
    const found = await pairingsOf(db, tenantId, 'point', at.pointId.toLowerCase());
    if (found.length) return found;
  }
  if (gridId && UUID_RE.test(gridId)) {
    const g = await db.execute(sql`SELECT region_code FROM grid WHERE tenant_id = ${tenantId} AND id = ${gridId}`);
    regionCode ??= (g.rows[0] as { region_code: string } | undefined)?.region_code;
    const found = await pairingsOf(db, tenantId, 'grid', gridId.toLowerCase());
    if (found.length) return found;
  }
  return regionCode ? nearestRegionPairings(db, tenantId, regionCode) : [];
}
