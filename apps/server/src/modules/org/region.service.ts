import type { RegionLevel, RegionLookupQuery, RegionNode, RegionPlace } from '@wenming/contracts';
import { sqlTime } from '../../platform/sql';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, regionRoots, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Database, Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { buildSearchText, likePattern } from '../../platform/search-text';
import { childLevel, levelOfCode } from './region-levels';
import { cachedForRegions, currentRegionVersion } from './region-cache';
import { regionPathsMoved } from './region-hooks';

interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  status: 'active' | 'retired';
  parent_code: string | null;
  path: string;
  child_count?: number;
}

/** SQL: the region path is inside one of the actor's scope roots for the permission. */
export function regionPathVisible(actor: Actor, permission: 'region.read' | 'region.manage', pathCol = sql`r.path`) {
  const roots = regionRoots(actor, permission);
  if (roots === null) return sql`true`;
  if (roots.length === 0) return sql`false`;
  return sql`(${sql.join(
    roots.map((p) => sql`${pathCol} <@ ${p}::ltree`),
    sql` OR `,
  )})`;
}

async function findRegion(db: Db, actor: Actor, code: string, permission: 'region.read' | 'region.manage') {
  const res = await db.execute(sql`SELECT r.code, r.name, r.level, r.status, r.parent_code, r.path::text AS path
    FROM region r WHERE r.tenant_id = ${actor.tenantId} AND r.code = ${code} AND ${regionPathVisible(actor, permission)}`);
  return res.rows[0] as unknown as RegionRow | undefined;
}

/** A region the actor may see (or manage), else 404. */
export async function getRegion(
  db: Db,
  actor: Actor,
  code: string,
  permission: 'region.read' | 'region.manage' = 'region.read',
) {
  requirePermission(actor, permission);
  const r = await findRegion(db, actor, code, permission);
  if (!r) throw fail('REGION_NOT_FOUND');
  return r;
}

/**
 * The tree of getRegionTree as JSON (UTF-8 bytes), from the per-process cache while the tenant's regions are at
 * `version` (the session brings it; read here when not given). The key holds the actor's scope roots.
 */
export async function getRegionTreeJson(
  database: Database,
  actor: Actor,
  root: string | undefined,
  depth: number,
  version?: number,
): Promise<Buffer> {
  requirePermission(actor, 'region.read');
  const v = version ?? (await currentRegionVersion(database, actor.tenantId));
  const scope = regionRoots(actor, 'region.read');
  const key = `tree|${root ?? ''}|${depth}|${scope === null ? '*' : scope.join(',')}`;
  return cachedForRegions(database, actor.tenantId, v, key, async () =>
    Buffer.from(JSON.stringify(await getRegionTree(database, actor, root, depth))),
  );
}

/** Nested tree under `root` (or under each scope root) down to `depth` levels, active regions only. */
export async function getRegionTree(
  database: Database,
  actor: Actor,
  root: string | undefined,
  depth: number,
): Promise<RegionNode[]> {
  requirePermission(actor, 'region.read');
  const db = database.db;
  if (root) {
    const tree = await readSubtreeOf(database, actor, root, depth);
    if (tree.length === 0) throw fail('REGION_NOT_FOUND');
    return tree;
  }
  const roots = regionRoots(actor, 'region.read');
  // The topmost visible regions: the tenant's roots, or each scope root.
  const top =
    roots === null
      ? sql`parent_code IS NULL AND status = 'active'`
      : sql`status = 'active' AND ${regionPathVisible(actor, 'region.read', sql`path`)} AND NOT EXISTS (
          SELECT 1 FROM region p WHERE p.tenant_id = region.tenant_id AND p.code = region.parent_code
            AND ${regionPathVisible(actor, 'region.read', sql`p.path`)})`;
  return readSubtrees(db, actor, top, depth);
}

// The hot read (a tree under a given root) is one prepared statement: the scope roots are a parameter.
const SUBTREE_SQL = `WITH roots AS (
    SELECT code, path FROM region
    WHERE tenant_id = $1 AND code = $2 AND ($4::text[] IS NULL OR path <@ ANY($4::text[]::ltree[])))
  SELECT r.code, r.name, r.level, r.status, r.parent_code, roots.code AS root_code,
    CASE WHEN nlevel(r.path) = nlevel(roots.path) + $3 THEN
      (SELECT count(*) FROM region c WHERE c.tenant_id = r.tenant_id AND c.parent_code = r.code AND c.status = 'active')::int
    END AS child_count
  FROM roots JOIN region r ON r.tenant_id = $1 AND r.path <@ roots.path
  WHERE nlevel(r.path) <= nlevel(roots.path) + $3 AND r.status = 'active'
  ORDER BY r.path`;

async function readSubtreeOf(database: Database, actor: Actor, root: string, depth: number): Promise<RegionNode[]> {
  const rows = await database.prepared('wm_region_subtree', SUBTREE_SQL, [
    actor.tenantId,
    root,
    depth,
    regionRoots(actor, 'region.read'),
  ]);
  return assembleTrees(rows as any[]);
}

/**
 * One query for whole subtrees: nodes under each root down to `depth`, with child counts
 * computed only for the deepest level (the other levels carry their children).
 */
async function readSubtrees(db: Db, actor: Actor, rootCondition: SQL, depth: number): Promise<RegionNode[]> {
  const res = await db.execute(sql`WITH roots AS (
      SELECT code, path FROM region WHERE tenant_id = ${actor.tenantId} AND ${rootCondition})
    SELECT r.code, r.name, r.level, r.status, r.parent_code, roots.code AS root_code,
      CASE WHEN nlevel(r.path) = nlevel(roots.path) + ${depth} THEN
        (SELECT count(*) FROM region c WHERE c.tenant_id = r.tenant_id AND c.parent_code = r.code AND c.status = 'active')::int
      END AS child_count
    FROM roots JOIN region r ON r.tenant_id = ${actor.tenantId} AND r.path <@ roots.path
    WHERE nlevel(r.path) <= nlevel(roots.path) + ${depth} AND r.status = 'active'
    ORDER BY roots.path, r.path`);
  return assembleTrees(res.rows as any[]);
}

/** Nest rows ordered by path under their roots; counts come from the rows except at the deepest level. */
function assembleTrees(rows: any[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  const trees: RegionNode[] = [];
  for (const row of rows) {
    const node: RegionNode = { code: row.code, name: row.name, level: row.level, status: row.status, children: [] };
    if (row.child_count !== null) node.childCount = row.child_count;
    nodes.set(row.code, node);
    if (row.code === row.root_code) trees.push(node);
    else nodes.get(row.parent_code)?.children?.push(node);
  }
  for (const n of nodes.values()) n.childCount ??= n.children!.length;
  return trees;
}

/** Regions whose name (简/繁/pinyin initials) or code prefix matches `q`. */
const regionMatches = (q: string): SQL => sql`(r.search_text LIKE ${likePattern(q)} OR r.code LIKE ${`${q.trim()}%`})`;

/**
 * Active regions of the tenant by name, pinyin initials or code prefix, deepest first (communities before
 * their streets), for any signed-in account: region names and GB/T 2260 codes are public, and a resident
 * registering as a volunteer must find their community without the office's region.read.
 */
export async function lookupRegions(db: Db, actor: Actor, q: RegionLookupQuery): Promise<RegionPlace[]> {
  const res = await db.execute(sql`SELECT r.code, r.name, r.level,
      COALESCE((SELECT string_agg(a.name, ' ' ORDER BY nlevel(a.path)) FROM region a
        WHERE a.tenant_id = r.tenant_id AND a.path @> r.path AND a.code <> r.code), '') AS within
    FROM region r WHERE r.tenant_id = ${actor.tenantId} AND r.status = 'active'
      AND ${regionMatches(q.q)}
    ORDER BY nlevel(r.path) DESC, r.code LIMIT ${q.limit}`);
  return (res.rows as any[]).map((r) => ({ code: r.code, name: r.name, level: r.level, within: r.within }));
}

/** Search regions by name, pinyin initials or code, within scope. */
export async function listRegions(
  db: Db,
  actor: Actor,
  q: { q?: string; page: number; pageSize: number; includeRetired?: boolean },
) {
  requirePermission(actor, 'region.read');
  return queryPage(
    db,
    {
      columns: sql`r.code, r.name, r.level, r.status, r.parent_code, r.path::text AS path`,
      from: sql`region r`,
      where: allOf(
        sql`r.tenant_id = ${actor.tenantId}`,
        regionPathVisible(actor, 'region.read'),
        !q.includeRetired && sql`r.status = 'active'`,
        q.q ? regionMatches(q.q) : null,
      ),
      orderBy: sql`r.path`,
    },
    q,
    (r: RegionRow) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      status: r.status,
      parentCode: r.parent_code,
      path: r.path,
    }),
  );
}

export async function getRegionHistory(db: Db, actor: Actor, code: string) {
  await getRegion(db, actor, code);
  const res = await db.execute(sql`SELECT action, before, after, reason, at FROM region_change
    WHERE tenant_id = ${actor.tenantId} AND region_code = ${code} ORDER BY at, id`);
  return res.rows.map((r: any) => ({ ...r, at: new Date(r.at).toISOString() }));
}

async function recordChange(
  tx: Db,
  actor: Actor,
  code: string,
  action: string,
  before: unknown,
  after: unknown,
  reason?: string,
) {
  await tx.execute(sql`INSERT INTO region_change (tenant_id, id, region_code, action, before, after, reason, actor_id)
    VALUES (${actor.tenantId}, ${newId()}, ${code}, ${action}, ${JSON.stringify(before)}::jsonb, ${JSON.stringify(after)}::jsonb,
      ${reason ?? null}, ${actor.accountId})`);
  await writeAudit(tx, actor, { action: `region.${action}`, objectType: 'region', objectId: code, before, after });
}

/** Add a region under an active parent in scope; its level follows the parent's. */
export async function createRegion(db: Db, actor: Actor, input: { code: string; name: string; parentCode: string }) {
  const parent = await getRegion(db, actor, input.parentCode, 'region.manage');
  if (parent.status !== 'active') throw fail('REGION_RETIRED');
  const level = childLevel(parent.level) ?? levelOfCode(input.code);
  if (!level) throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'parentCode', key: 'invalid_value' }] });
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`INSERT INTO region (tenant_id, code, name, level, parent_code, path, search_text)
      VALUES (${actor.tenantId}, ${input.code}, ${input.name}, ${level}, ${parent.code}, ${`${parent.path}.${input.code}`}::ltree,
        ${buildSearchText(input.name)}) ON CONFLICT DO NOTHING RETURNING code`);
    if (res.rows.length === 0) throw fail('REGION_CODE_TAKEN');
    const after = { code: input.code, name: input.name, level, parentCode: parent.code };
    await recordChange(tx, actor, input.code, 'create', null, after);
    return after;
  });
}

export async function renameRegion(db: Db, actor: Actor, code: string, name: string, reason?: string) {
  const r = await getRegion(db, actor, code, 'region.manage');
  return db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE region SET name = ${name}, search_text = ${buildSearchText(name)}, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND code = ${code}`);
    await recordChange(tx, actor, code, 'rename', { name: r.name }, { name }, reason);
    return { code, name };
  });
}

const REGION_REFERENCES = ['unit', 'person', 'practice_site', 'grid', 'point', 'pairing', 'problem'] as const;

/** Merge a region into another of the same level: children and records move, the old code is retired. */
export async function mergeRegion(db: Db, actor: Actor, code: string, intoCode: string, reason?: string) {
  const from = await getRegion(db, actor, code, 'region.manage');
  const into = await getRegion(db, actor, intoCode, 'region.manage');
  if (code === intoCode || from.status !== 'active' || into.status !== 'active' || from.level !== into.level)
    throw fail('REGION_MERGE_INVALID');
  return db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE region SET path = ${into.path}::ltree || subpath(path, nlevel(${from.path}::ltree)),
        parent_code = CASE WHEN parent_code = ${code} THEN ${intoCode} ELSE parent_code END, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND path <@ ${from.path}::ltree AND code <> ${code}`);
    const moved: Record<string, number> = {};
    for (const table of REGION_REFERENCES) {
      const res = await tx.execute(sql`UPDATE ${sql.identifier(table)} SET region_code = ${intoCode}
        WHERE tenant_id = ${actor.tenantId} AND region_code = ${code} RETURNING 1`);
      moved[table] = res.rows.length;
    }
    // Pairings that named the merged region now name the one it merged into (a pair already there is kept once).
    await tx.execute(sql`DELETE FROM pairing p WHERE p.tenant_id = ${actor.tenantId} AND p.target_kind = 'region' AND p.target_ref = ${code}
      AND EXISTS (SELECT 1 FROM pairing q WHERE q.tenant_id = p.tenant_id AND q.unit_id = p.unit_id AND q.kind = p.kind
        AND q.target_kind = 'region' AND q.target_ref = ${intoCode})`);
    await tx.execute(sql`UPDATE pairing SET target_ref = ${intoCode} WHERE tenant_id = ${actor.tenantId}
      AND target_kind = 'region' AND target_ref = ${code}`);
    await regionPathsMoved(tx, actor.tenantId, from.path);
    await tx.execute(sql`UPDATE region SET status = 'retired', merged_into = ${intoCode}, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND code = ${code}`);
    await recordChange(
      tx,
      actor,
      code,
      'merge',
      { status: 'active' },
      { status: 'retired', mergedInto: intoCode, moved },
      reason,
    );
    await recordChange(tx, actor, intoCode, 'absorb', null, { absorbed: code, moved }, reason);
    return { code, mergedInto: intoCode, moved };
  });
}

/** Retire a region with no active sub-regions; its code stays in history. */
export async function retireRegion(db: Db, actor: Actor, code: string, reason?: string) {
  const r = await getRegion(db, actor, code, 'region.manage');
  if (r.status !== 'active') throw fail('REGION_RETIRED');
  const kids = await db.execute(sql`SELECT 1 FROM region WHERE tenant_id = ${actor.tenantId} AND parent_code = ${code}
    AND status = 'active' LIMIT 1`);
  if (kids.rows.length) throw fail('REGION_HAS_CHILDREN');
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE region SET status = 'retired', updated_at = ${sqlTime(actor.now)} WHERE tenant_id = ${actor.tenantId} AND code = ${code}`,
    );
    await recordChange(tx, actor, code, 'retire', { status: 'active' }, { status: 'retired' }, reason);
    return { code, status: 'retired' };
  });
}
