import { type FiveHas, type SiteKind, type SiteView, fiveHasKeys, type siteBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, requirePermission, scopeFilter } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { buildSearchText, likePattern } from '../../platform/search-text';
import { assertRegionUsable } from './org-refs';

export type SiteBody = z.infer<typeof siteBody>;
type SitePermission = 'site.read' | 'site.manage';

const columns = sql`s.id, s.name, s.kind, s.region_code, rg.name AS region_name, s.address, s.five_has, s.lat, s.lng, s.version`;
const from = sql`practice_site s LEFT JOIN region rg ON rg.tenant_id = s.tenant_id AND rg.code = s.region_code`;

/** Scope of practice sites: by region subtree, or the site itself for a site-scoped grant (station admins). */
export const siteScope = (actor: Actor, permission: SitePermission = 'site.read') =>
  scopeFilter(actor, permission, { regionCode: sql`s.region_code`, siteId: sql`s.id` });

/** SQL: the site meets all of the 五有 standard. */
export const siteFiveHasMetSql = sql`s.five_has @> ${JSON.stringify(Object.fromEntries(fiveHasKeys.map((k) => [k, true])))}::jsonb`;

function toFiveHas(raw: unknown): FiveHas {
  const obj = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? {})) as Record<string, unknown>;
  return Object.fromEntries(fiveHasKeys.map((k) => [k, obj[k] === true])) as FiveHas;
}

function toView(r: any): SiteView {
  const fiveHas = toFiveHas(r.five_has);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as SiteKind,
    regionCode: r.region_code,
    regionName: r.region_name,
    address: r.address,
    fiveHas,
    fiveHasMet: fiveHasKeys.every((k) => fiveHas[k]),
    lat: r.lat,
    lng: r.lng,
    version: r.version,
  };
}

export interface SiteFilter {
  q?: string;
  kind?: SiteKind;
  regionCode?: string;
}

function siteWhere(actor: Actor, f: SiteFilter) {
  return allOf(
    sql`s.tenant_id = ${actor.tenantId}`,
    siteScope(actor),
    f.q ? sql`s.search_text LIKE ${likePattern(f.q)}` : null,
    f.kind ? sql`s.kind = ${f.kind}` : null,
    f.regionCode
      ? sql`EXISTS (SELECT 1 FROM region fr, region fs WHERE fr.tenant_id = s.tenant_id AND fr.code = ${f.regionCode}
          AND fs.tenant_id = s.tenant_id AND fs.code = s.region_code AND fs.path <@ fr.path)`
      : null,
  );
}

/** Practice sites in scope, searchable by name, pinyin initials or either script. */
export async function listSites(db: Db, actor: Actor, f: SiteFilter & { page: number; pageSize: number }) {
  requirePermission(actor, 'site.read');
  return queryPage(
    db,
    { columns, from, where: siteWhere(actor, f), orderBy: sql`s.region_code, s.name, s.id` },
    f,
    toView,
  );
}

/** One practice site in scope for the permission, else 404. */
export async function getSite(db: Db, actor: Actor, id: string, permission: SitePermission = 'site.read') {
  requirePermission(actor, permission);
  const res = await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE s.tenant_id = ${actor.tenantId} AND s.id = ${id} AND ${siteScope(actor, permission)}`);
  if (!res.rows[0]) throw fail('SITE_NOT_FOUND');
  return toView(res.rows[0]);
}

/** Create a practice site; a resend with the same client id stores it once. */
export async function createSite(db: Db, actor: Actor, body: SiteBody & { id?: string }) {
  requirePermission(actor, 'site.manage');
  await assertRegionUsable(db, actor, body.regionCode, 'site.manage');
  const id = body.id ?? newId();
  await db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`INSERT INTO practice_site (tenant_id, id, name, kind, region_code, address, five_has, lat, lng, search_text)
      VALUES (${actor.tenantId}, ${id}, ${body.name}, ${body.kind}, ${body.regionCode}, ${body.address ?? null},
        ${JSON.stringify(toFiveHas(body.fiveHas))}::jsonb, ${body.lat ?? null}, ${body.lng ?? null}, ${buildSearchText(body.name)})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (res.rows.length)
      await writeAudit(tx, actor, { action: 'site.create', objectType: 'practice_site', objectId: id, after: body });
  });
  return getSite(db, actor, id);
}

/** Update with optimistic concurrency: a stale version is a 409 with the current record. */
export async function updateSite(db: Db, actor: Actor, id: string, body: SiteBody & { version: number }) {
  const before = await getSite(db, actor, id, 'site.manage');
  // A site-scoped station admin keeps the site's region; only moving it needs the new region in scope.
  if (body.regionCode !== before.regionCode) await assertRegionUsable(db, actor, body.regionCode, 'site.manage');
  await db.transaction(async (tx) => {
    const res = await tx.execute(sql`UPDATE practice_site SET name = ${body.name}, kind = ${body.kind},
        region_code = ${body.regionCode}, address = ${body.address ?? null}, five_has = ${JSON.stringify(toFiveHas(body.fiveHas))}::jsonb,
        lat = ${body.lat ?? null}, lng = ${body.lng ?? null}, search_text = ${buildSearchText(body.name)}, version = version + 1
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${body.version} RETURNING id`);
    if (res.rows.length === 0) throw fail('STALE_VERSION', { current: before });
    await writeAudit(tx, actor, {
      action: 'site.update',
      objectType: 'practice_site',
      objectId: id,
      before,
      after: body,
    });
  });
  return getSite(db, actor, id);
}
