// A problem enters the list: its place is resolved (point → grid → region), it is routed by the pairings of the
// place and by its category, and it starts `assigned` with a deadline by severity, or `reported` for the office.
import { sqlTime } from '../../platform/sql';
import {
  type ProblemCreateBody,
  type ProblemSeverity,
  type ProblemSource,
  type ProblemStatus,
  problemDeadline,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { invalidFields } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { simplify } from '../../platform/search-text';
import { findResponsibleUnits } from '../org';
import { ensureProblemScan } from './problem-deadlines';
import { getProblemSettings } from './problem-settings.service';
import { shanghaiMonth } from '../../platform/clock';
import { assertPhotosUsable, reachesRegion, storedPath } from './problem.policy';

export interface NewProblemInput {
  /** Client-generated id: a second call with the same id returns the stored problem. */
  id?: string;
  source: ProblemSource;
  category: string;
  severity?: ProblemSeverity;
  description: string;
  pointId?: string | null;
  gridId?: string | null;
  /** Derived from the point or grid when absent. */
  regionCode?: string | null;
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  inspectionId?: string | null;
  observationId?: string | null;
  indicatorId?: string | null;
  beforePhotoFileIds?: string[];
  reporterName?: string | null;
  /** Plain phone or e-mail of a resident; stored encrypted. */
  reporterContact?: string | null;
  attributes?: Record<string, unknown>;
  mediaUrl?: string | null;
  open311ClientId?: string | null;
}

export interface CreatedProblem {
  id: string;
  number: string;
  status: ProblemStatus;
  assignedUnitId: string | null;
}

interface Place {
  pointId: string | null;
  gridId: string | null;
  regionCode: string;
  path: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
}

async function resolvePlace(tx: Db, tenantId: string, input: NewProblemInput): Promise<Place> {
  let { gridId = null, regionCode = null, lat = null, lng = null, address = null } = input;
  if (input.pointId) {
    const res = await tx.execute(sql`SELECT grid_id, region_code, lat, lng, address FROM point
      WHERE tenant_id = ${tenantId} AND id = ${input.pointId}`);
    const p = res.rows[0] as any;
    if (!p) throw invalidFields([{ field: 'pointId', key: 'unknown_point' }]);
    gridId ??= p.grid_id;
    regionCode ??= p.region_code;
    if (lat == null && p.lat != null) [lat, lng] = [p.lat, p.lng];
    address ??= p.address;
  }
  if (gridId) {
    const res = await tx.execute(sql`SELECT region_code FROM grid WHERE tenant_id = ${tenantId} AND id = ${gridId}`);
    const g = res.rows[0] as { region_code: string } | undefined;
    if (!g) throw invalidFields([{ field: 'gridId', key: 'unknown_grid' }]);
    regionCode ??= g.region_code;
  }
  if (!regionCode) throw invalidFields([{ field: 'regionCode', key: 'required' }]);
  const res = await tx.execute(sql`SELECT path::text AS path FROM region
    WHERE tenant_id = ${tenantId} AND code = ${regionCode} AND status = 'active'`);
  const r = res.rows[0] as { path: string } | undefined;
  if (!r) throw invalidFields([{ field: 'regionCode', key: 'unknown_region' }]);
  return { pointId: input.pointId ?? null, gridId, regionCode, path: r.path, lat, lng, address };
}

interface CategoryRow {
  name: string;
  default_severity: ProblemSeverity;
  pairing_kinds: string[] | string;
  fallback_unit_id: string | null;
}

async function findCategory(tx: Db, tenantId: string, code: string): Promise<CategoryRow> {
  const res = await tx.execute(sql`SELECT name, default_severity, pairing_kinds, fallback_unit_id FROM problem_category
    WHERE tenant_id = ${tenantId} AND code = ${code} AND is_active = 1`);
  const c = res.rows[0] as unknown as CategoryRow | undefined;
  if (!c) throw invalidFields([{ field: 'category', key: 'unknown_category' }]);
  return c;
}

/** PGlite and node-postgres may give a text[] as an array or as its literal. */
const textArray = (v: string[] | string): string[] =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);

/**
 * The responsible unit: among the units paired with the point, else its grid, else the nearest region, those
 * whose pairing kind the category prefers come first; without any pairing, the category's fallback unit.
 */
export async function routeProblem(
  tx: Db,
  tenantId: string,
  place: { pointId: string | null; gridId: string | null; regionCode: string },
  category: Pick<CategoryRow, 'pairing_kinds' | 'fallback_unit_id'>,
): Promise<string | null> {
  const units = await findResponsibleUnits(tx, tenantId, {
    pointId: place.pointId ?? undefined,
    gridId: place.gridId ?? undefined,
    regionCode: place.regionCode,
  });
  const kinds = textArray(category.pairing_kinds);
  const preferred = units.find((u) => kinds.includes(u.kind)) ?? units[0];
  return preferred?.unitId ?? category.fallback_unit_id ?? null;
}

async function findCreated(tx: Db, tenantId: string, id: string): Promise<CreatedProblem | null> {
  const res = await tx.execute(sql`SELECT id, number, status, assigned_unit_id FROM problem
    WHERE tenant_id = ${tenantId} AND id = ${id}`);
  const r = res.rows[0] as any;
  return r ? { id: r.id, number: r.number, status: r.status, assignedUnitId: r.assigned_unit_id } : null;
}

async function nextNumber(tx: Db, now: Date): Promise<string> {
  const res = await tx.execute(sql`SELECT nextval('problem_number_seq') AS n`);
  return `WT${shanghaiMonth(now).replace('-', '')}-${String((res.rows[0] as { n: number | string }).n).padStart(6, '0')}`;
}

interface Prepared {
  id: string;
  number: string;
  place: Place;
  severity: ProblemSeverity;
  unitId: string | null;
  deadline: Date | null;
}

async function insertProblemRow(tx: Db, ctx: AppContext, actor: Actor, input: NewProblemInput, p: Prepared) {
  const { place } = p;
  const search = simplify(`${p.number} ${input.description} ${place.address ?? ''}`).toLowerCase();
  const contact = input.reporterContact ? ctx.cipher.encrypt(input.reporterContact) : null;
  const res = await tx.execute(sql`INSERT INTO problem (tenant_id, id, number, source, status, category, severity,
      description, point_id, grid_id, region_code, region_path, lat, lng, address, search_text, assigned_unit_id,
      deadline_at, reported_by, reporter_name, reporter_contact_enc, inspection_id, observation_id, indicator_id,
      open311_client_id, attributes, media_url, created_at, updated_at)
    VALUES (${actor.tenantId}, ${p.id}, ${p.number}, ${input.source}, ${p.unitId ? 'assigned' : 'reported'},
      ${input.category}, ${p.severity}, ${input.description}, ${place.pointId}, ${place.gridId}, ${place.regionCode},
      ${storedPath(place.path)}, ${place.lat}, ${place.lng}, ${place.address}, ${search}, ${p.unitId},
      ${p.deadline?.toISOString() ?? null}, ${actor.accountId}, ${input.reporterName ?? actor.displayName}, ${contact},
      ${input.inspectionId ?? null}, ${input.observationId ?? null}, ${input.indicatorId ?? null},
      ${input.open311ClientId ?? null}, ${JSON.stringify(input.attributes ?? {})}::jsonb, ${input.mediaUrl ?? null},
      ${sqlTime(actor.now)}, ${sqlTime(actor.now)})
    ON CONFLICT DO NOTHING RETURNING id`);
  return res.rows.length > 0;
}

async function recordCreation(tx: Db, actor: Actor, input: NewProblemInput, p: Prepared) {
  const createId = newId();
  const rows = [
    sql`(${actor.tenantId}, ${createId}, ${p.id}, 'create', NULL, 'reported', ${actor.accountId},
    ${actor.displayName}, NULL, NULL, ${sqlTime(actor.now)})`,
  ];
  if (p.unitId)
    rows.push(sql`(${actor.tenantId}, ${newId()}, ${p.id}, 'assign', 'reported', 'assigned', NULL, '按包联关系自动派单',
      ${p.unitId}, NULL, ${sqlTime(actor.now)})`);
  await tx.execute(sql`INSERT INTO problem_transition (tenant_id, id, problem_id, action, from_status, to_status,
    actor_id, actor_name, unit_id, reason, at) VALUES ${sql.join(rows, sql`, `)}`);
  const photos = input.beforePhotoFileIds ?? [];
  if (photos.length)
    await tx.execute(sql`INSERT INTO problem_photo (tenant_id, problem_id, file_id, kind, transition_id, created_at)
      SELECT ${actor.tenantId}, ${p.id}, f, 'before', ${createId}, ${sqlTime(actor.now)} FROM unnest(${sql.param(photos)}::uuid[]) AS f
      ON CONFLICT DO NOTHING`);
  await writeAudit(tx, actor, {
    action: 'problem.create',
    objectType: 'problem',
    objectId: p.id,
    after: {
      number: p.number,
      source: input.source,
      category: input.category,
      severity: p.severity,
      regionCode: p.place.regionCode,
      status: p.unitId ? 'assigned' : 'reported',
      assignedUnitId: p.unitId,
      deadlineAt: p.deadline?.toISOString() ?? null,
      beforePhotoFileIds: photos,
      inspectionId: input.inspectionId ?? null,
    },
  });
}

/**
 * Create a problem inside the caller's transaction (inspection submit, grid report, resident, Open311): resolve
 * the place, route it, store it with its before-photos and history, audit it. A known id returns the stored problem.
 */
export async function createProblemInTx(
  tx: Db,
  ctx: AppContext,
  actor: Actor,
  input: NewProblemInput,
  opts: { scopePermission?: 'problem.report' } = {},
): Promise<CreatedProblem> {
  if (input.id) {
    const existing = await findCreated(tx, actor.tenantId, input.id);
    if (existing) return existing;
  }
  const place = await resolvePlace(tx, actor.tenantId, input);
  if (opts.scopePermission && !reachesRegion(actor, opts.scopePermission, place.path))
    throw invalidFields([{ field: 'regionCode', key: 'outside_scope' }]);
  const category = await findCategory(tx, actor.tenantId, input.category);
  const severity = input.severity ?? category.default_severity;
  const unitId = await routeProblem(tx, actor.tenantId, place, category);
  const settings = unitId ? await getProblemSettings(tx, actor.tenantId) : null;
  const deadline = settings ? problemDeadline(severity, actor.now, settings) : null;
  const p: Prepared = {
    id: input.id ?? newId(),
    number: await nextNumber(tx, actor.now),
    place,
    severity,
    unitId,
    deadline,
  };
  if (!(await insertProblemRow(tx, ctx, actor, input, p))) {
    // Another request with the same id won the race: answer what it stored.
    return (await findCreated(tx, actor.tenantId, p.id))!;
  }
  await recordCreation(tx, actor, input, p);
  if (unitId) await ensureProblemScan(tx, ctx.jobs, actor.tenantId, actor.now);
  return { id: p.id, number: p.number, status: unitId ? 'assigned' : 'reported', assignedUnitId: unitId };
}

/** POST /problems: a grid worker's, unit's or office's report inside the reporter's area; residents report anywhere. */
export async function createProblem(ctx: AppContext, actor: Actor, body: ProblemCreateBody): Promise<CreatedProblem> {
  requirePermission(actor, 'problem.report');
  await assertPhotosUsable(ctx.db, actor, body.beforePhotoFileIds, 'beforePhotoFileIds');
  // Someone whose only way to report is "own records" is a resident, whatever the body says.
  const source: ProblemSource = can(actor, 'problem.read') ? body.source : 'resident';
  return ctx.db.transaction((tx) =>
    createProblemInTx(tx, ctx, actor, { ...body, source }, { scopePermission: 'problem.report' }),
  );
}
