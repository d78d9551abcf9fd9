import { type OrgStats, regionLevels, siteKinds, unitTypes } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { allOf } from '../../platform/paging';
import { getRegion, regionPathVisible } from './region.service';
import { siteFiveHasMetSql } from './site.service';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Fill a zeroed tally from grouped rows `{key, n}`, ignoring keys outside the known list. */
function tally<K extends string>(keys: readonly K[], rows: { key: string; n: number }[]): Record<K, number> {
  const out = zeros(keys);
  for (const r of rows) if (r.key in out) out[r.key as K] = Number(r.n);
  return out;
}

/** The rows of a region-keyed table whose region the actor may read (and inside `within`, when given). */
function scopedFrom(actor: Actor, table: string, alias: string, within: string | null): { from: SQL; where: SQL } {
  const a = sql.identifier(alias);
  return {
    from: sql`${sql.identifier(table)} ${a} JOIN region r ON r.tenant_id = ${a}.tenant_id AND r.code = ${a}.region_code`,
    where: allOf(
      sql`${a}.tenant_id = ${actor.tenantId}`,
      regionPathVisible(actor, 'region.read', sql`r.path`),
      within ? sql`r.path <@ ${within}::ltree` : null,
    ),
  };
}

const scalarCount = (q: { from: SQL; where: SQL }) => sql`(SELECT count(*)::int FROM ${q.from} WHERE ${q.where})`;

async function countRegions(db: Db, actor: Actor, within: string | null) {
  const res = await db.execute(sql`SELECT r.level AS key, count(*)::int AS n FROM region r
    WHERE ${allOf(
      sql`r.tenant_id = ${actor.tenantId}`,
      sql`r.status = 'active'`,
      regionPathVisible(actor, 'region.read', sql`r.path`),
      within ? sql`r.path <@ ${within}::ltree` : null,
    )} GROUP BY r.level`);
  return tally(regionLevels, res.rows as any[]);
}

async function countUnits(db: Db, actor: Actor, within: string | null) {
  const q = scopedFrom(actor, 'unit', 'u', within);
  const res = await db.execute(
    sql`SELECT u.type AS key, count(*)::int AS n FROM ${q.from} WHERE ${q.where} GROUP BY u.type`,
  );
  const byType = tally(unitTypes, res.rows as any[]);
  const total = (res.rows as any[]).reduce((sum, r) => sum + Number(r.n), 0);
  return { total, byType };
}

async function countSites(db: Db, actor: Actor, within: string | null) {
  const q = scopedFrom(actor, 'practice_site', 's', within);
  const res = await db.execute(sql`SELECT s.kind AS key, count(*)::int AS n,
      count(*) FILTER (WHERE ${siteFiveHasMetSql})::int AS met
    FROM ${q.from} WHERE ${q.where} GROUP BY s.kind`);
  const fiveHasMet = (res.rows as any[]).reduce((sum, r) => sum + Number(r.met), 0);
  return { byKind: tally(siteKinds, res.rows as any[]), fiveHasMet };
}

async function countOthers(db: Db, actor: Actor, within: string | null) {
  const res = await db.execute(sql`SELECT
    ${scalarCount(scopedFrom(actor, 'person', 'p', within))} AS people,
    ${scalarCount(scopedFrom(actor, 'grid', 'g', within))} AS grids,
    ${scalarCount(scopedFrom(actor, 'pairing', 'pa', within))} AS pairings,
    ${scalarCount(scopedFrom(actor, 'point', 'pt', within))} AS points`);
  const r = res.rows[0] as Record<string, number>;
  return { people: Number(r.people), grids: Number(r.grids), pairings: Number(r.pairings), points: Number(r.points) };
}

/**
 * Organisation figures (the counts campaigns publish, e.g. centres/institutes/stations) counted from data
 * within the actor's region scope, optionally narrowed to one visible region's subtree.
 */
export async function getOrgStats(db: Db, actor: Actor, opts: { regionCode?: string } = {}): Promise<OrgStats> {
  requirePermission(actor, 'region.read');
  const within = opts.regionCode ? (await getRegion(db, actor, opts.regionCode)).path : null;
  const [byLevel, units, sites, others] = await Promise.all([
    countRegions(db, actor, within),
    countUnits(db, actor, within),
    countSites(db, actor, within),
    countOthers(db, actor, within),
  ]);
  return {
    regions: { byLevel },
    units,
    people: others.people,
    sites,
    grids: others.grids,
    pairings: others.pairings,
    points: others.points,
  };
}
