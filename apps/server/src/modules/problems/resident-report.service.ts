// Residents' reports (随手拍) from the public phone page: a photo, a location, a category and a description, with an
// optional contact stored encrypted. No sign-in: the tenant comes from the `tenant` field or the default tenant.
import { type ResidentReportFields, problemStatusLabels } from '@wenming/contracts';
import { eq, sql } from 'drizzle-orm';
import { tenant } from '../../db/schema';
import { type Actor, systemActor } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { fail, invalidFields } from '../../platform/errors';
import { type CreatedProblem, createProblemInTx } from './problem-create.service';

/** How far a report may be from a grid's centre to be placed in that grid. */
const GRID_RADIUS_METRES = 3000;

/** The tenant a public request names (or the default one); 400 naming `tenant` when there is none. */
export async function resolvePublicTenant(
  db: Db,
  code: string | undefined,
  fallback: string,
): Promise<{ id: string; rootRegionCode: string | null }> {
  const res = await db.execute(sql`SELECT id, root_region_code FROM tenant WHERE code = ${code || fallback}`);
  const r = res.rows[0] as { id: string; root_region_code: string | null } | undefined;
  if (!r) throw invalidFields([{ field: 'tenant', key: 'invalid_value' }]);
  return { id: r.id, rootRegionCode: r.root_region_code };
}

/** The signed-in reporter's own tenant (its root region places a report outside every grid). */
async function findTenantById(db: Db, id: string): Promise<{ id: string; rootRegionCode: string | null }> {
  const found = await db
    .select({ id: tenant.id, rootRegionCode: tenant.rootRegionCode })
    .from(tenant)
    .where(eq(tenant.id, id));
  if (!found[0]) throw fail('UNAUTHENTICATED');
  return found[0];
}

/** The grid whose centre is nearest to a point, when it lies within GRID_RADIUS_METRES. */
export async function findNearestGrid(db: Db, tenantId: string, lat: number, lng: number) {
  const k = Math.cos((lat * Math.PI) / 180);
  const res = await db.execute(sql`SELECT id, region_code,
      111320 * sqrt(power(center_lat - ${lat}, 2) + power((center_lng - ${lng}) * ${k}, 2)) AS metres
    FROM grid WHERE tenant_id = ${tenantId} AND center_lat IS NOT NULL AND center_lng IS NOT NULL
      AND center_lat BETWEEN ${lat - 0.05} AND ${lat + 0.05} ORDER BY metres LIMIT 1`);
  const r = res.rows[0] as { id: string; region_code: string; metres: number } | undefined;
  return r && Number(r.metres) <= GRID_RADIUS_METRES ? { gridId: r.id, regionCode: r.region_code } : null;
}

/** The actor a public report is recorded as: nobody signed in, seen from the client's address. */
export function residentActor(tenantId: string, ip: string | null, requestId: string | null, now: Date): Actor {
  return { ...systemActor(tenantId, 'resident-report', now), displayName: '群众随手拍', ip, requestId };
}

/** Store the photo and the problem in one go; the answer is what the resident needs to follow it. */
export async function submitResidentReport(
  ctx: AppContext,
  fields: ResidentReportFields,
  photo: { bytes: Buffer; name: string },
  meta: { ip: string | null; requestId: string | null; actor?: Actor },
): Promise<CreatedProblem & { statusLabel: string }> {
  const tenant = meta.actor
    ? await findTenantById(ctx.db, meta.actor.tenantId)
    : await resolvePublicTenant(ctx.db, fields.tenant, ctx.config.defaultTenant);
  const actor = meta.actor ?? residentActor(tenant.id, meta.ip, meta.requestId, ctx.clock.now());
  const grid = fields.regionCode ? null : await findNearestGrid(ctx.db, tenant.id, fields.lat, fields.lng);
  const regionCode = fields.regionCode ?? grid?.regionCode ?? tenant.rootRegionCode;
  if (!regionCode) throw invalidFields([{ field: 'regionCode', key: 'required' }]);
  const created = await ctx.db.transaction(async (tx) => {
    const file = await ctx.files.save(
      tx,
      actor,
      photo.bytes,
      { name: photo.name, purpose: 'resident-report', gpsLat: String(fields.lat), gpsLng: String(fields.lng) },
      ['image/'],
    );
    return createProblemInTx(tx, ctx, actor, {
      source: 'resident',
      category: fields.category,
      description: fields.description,
      gridId: grid?.gridId ?? null,
      regionCode,
      lat: fields.lat,
      lng: fields.lng,
      address: fields.address ?? null,
      beforePhotoFileIds: [file.id],
      reporterName: fields.name ?? (meta.actor ? meta.actor.displayName : '群众'),
      reporterContact: fields.contact ?? null,
    });
  });
  return { ...created, statusLabel: problemStatusLabels[created.status] };
}

/** What a resident may see of a report by its number: the state, never who handles it internally. */
export async function trackResidentReport(ctx: AppContext, tenantCode: string | undefined, number: string) {
  const tenant = await resolvePublicTenant(ctx.db, tenantCode, ctx.config.defaultTenant);
  const res = await ctx.db.execute(sql`SELECT number, status, updated_at FROM problem
    WHERE tenant_id = ${tenant.id} AND number = ${number} AND source IN ('resident', 'open311')`);
  const r = res.rows[0] as { number: string; status: keyof typeof problemStatusLabels; updated_at: string } | undefined;
  if (!r) throw fail('PROBLEM_NOT_FOUND');
  return {
    number: r.number,
    status: r.status,
    statusLabel: problemStatusLabels[r.status],
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
