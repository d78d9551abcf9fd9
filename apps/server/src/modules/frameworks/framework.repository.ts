// Queries of frameworks, their indicator trees and negative lists; no rules here.
import type {
  AssessmentMethod,
  FrameworkView,
  IndicatorNode,
  NegativeEffect,
  NegativeItemView,
  PointType,
  ScoringRule,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { conflict } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { buildSearchText } from '../../platform/search-text';
import { isoOrNull } from '../../platform/clock';

/** A node to store: an IndicatorNode without ids and positions (those come from where it sits). */
export interface NodeInput {
  code: string;
  name: string;
  standard: string | null;
  points: number | null;
  weight: number | null;
  methods: AssessmentMethod[];
  pointTypes: PointType[];
  scoringRule: ScoringRule;
  isSumExempt: boolean;
  children: NodeInput[];
}

export interface NegativeInput {
  code: string;
  name: string;
  effect: NegativeEffect;
  deduction: number | null;
  description: string | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export const frameworkColumns = sql`f.id, f.family_id, f.code, f.name, f.version, f.status, f.derived_from, f.total_points,
  f.compliance_line, f.description, f.row_version, f.published_at, f.published_by, f.created_at,
  c.n AS indicator_count, c.n - c.parents AS leaf_count`;
/** Frameworks with their node counts (leaves = nodes that are nobody's parent). */
export const frameworkFrom = sql`framework f LEFT JOIN LATERAL (
  SELECT count(*)::int AS n, count(DISTINCT i.parent_id)::int AS parents FROM indicator i
  WHERE i.tenant_id = f.tenant_id AND i.framework_id = f.id) c ON true`;

export function toFrameworkView(r: any): FrameworkView {
  return {
    id: r.id,
    familyId: r.family_id,
    code: r.code,
    name: r.name,
    version: Number(r.version),
    status: r.status,
    derivedFrom: r.derived_from,
    totalPoints: num(r.total_points),
    complianceLine: num(r.compliance_line),
    description: r.description,
    rowVersion: Number(r.row_version),
    publishedAt: isoOrNull(r.published_at),
    publishedBy: r.published_by,
    createdAt: isoOrNull(r.created_at)!,
    indicatorCount: Number(r.indicator_count ?? 0),
    leafCount: Number(r.leaf_count ?? 0),
  };
}

/** One framework of the tenant as a view, or null. */
export async function findFramework(db: Db, tenantId: string, id: string): Promise<FrameworkView | null> {
  const res = await db.execute(
    sql`SELECT ${frameworkColumns} FROM ${frameworkFrom} WHERE f.tenant_id = ${tenantId} AND f.id = ${id}`,
  );
  return res.rows[0] ? toFrameworkView(res.rows[0]) : null;
}

export interface FrameworkRow {
  id: string;
  familyId: string;
  code: string;
  name: string;
  version: number;
  status: string;
  totalPoints: number | null;
  complianceLine: number | null;
  description: string | null;
}

/** The framework row locked for this transaction (edits and publishing serialise on it), or null. */
export async function lockFrameworkRow(tx: Db, tenantId: string, id: string): Promise<FrameworkRow | null> {
  const res = await tx.execute(sql`SELECT id, family_id, code, name, version, status, total_points, compliance_line,
    description FROM framework WHERE tenant_id = ${tenantId} AND id = ${id} FOR UPDATE`);
  const r = res.rows[0] as any;
  if (!r) return null;
  return {
    id: r.id,
    familyId: r.family_id,
    code: r.code,
    name: r.name,
    version: Number(r.version),
    status: r.status,
    totalPoints: num(r.total_points),
    complianceLine: num(r.compliance_line),
    description: r.description,
  };
}

/** Lock every version of a family and answer the next version number (0 versions → 1). */
export async function lockFamily(tx: Db, tenantId: string, familyId: string): Promise<number> {
  const res = await tx.execute(sql`SELECT version FROM framework WHERE tenant_id = ${tenantId}
    AND family_id = ${familyId} ORDER BY version FOR UPDATE`);
  return Math.max(0, ...res.rows.map((r: any) => Number(r.version))) + 1;
}

/** Bump the framework's row version after an edit of its tree, meta or negative list. */
export async function touchFramework(tx: Db, tenantId: string, id: string): Promise<void> {
  await tx.execute(
    sql`UPDATE framework SET row_version = row_version + 1 WHERE tenant_id = ${tenantId} AND id = ${id}`,
  );
}

export function toIndicatorNode(r: any): IndicatorNode {
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    standard: r.standard,
    points: num(r.points),
    weight: num(r.weight),
    methods: r.methods ?? [],
    pointTypes: r.point_types ?? [],
    scoringRule: r.scoring_rule,
    isSumExempt: !!r.is_sum_exempt,
    depth: Number(r.depth),
    position: Number(r.position),
    children: [],
  };
}

export const indicatorColumns = sql`id, parent_id, code, name, standard, points, weight, methods, point_types,
  scoring_rule, is_sum_exempt, depth, position`;

/** Indicator rows of a framework matching an optional condition, parents before children. */
export async function selectIndicators(db: Db, tenantId: string, frameworkId: string, where?: SQL) {
  const res = await db.execute(sql`SELECT ${indicatorColumns} FROM indicator
    WHERE tenant_id = ${tenantId} AND framework_id = ${frameworkId} ${where ? sql`AND ${where}` : sql``}
    ORDER BY depth, position, code`);
  return res.rows.map(toIndicatorNode);
}

/** The framework's nodes nested under `children`, siblings ordered by position. */
export async function selectTree(db: Db, tenantId: string, frameworkId: string): Promise<IndicatorNode[]> {
  const nodes = await selectIndicators(db, tenantId, frameworkId);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const roots: IndicatorNode[] = [];
  for (const n of nodes) (n.parentId ? byId.get(n.parentId)!.children : roots).push(n);
  return roots;
}

/** Store a whole tree in a few statements (rows as one jsonb parameter each chunk); answers the node count. */
export async function insertTree(tx: Db, tenantId: string, frameworkId: string, roots: NodeInput[]) {
  const rows: Record<string, unknown>[] = [];
  const visit = (n: NodeInput, parentId: string | null, depth: number, position: number) => {
    const id = newId();
    rows.push({
      id,
      parent_id: parentId,
      position,
      depth,
      code: n.code,
      name: n.name,
      standard: n.standard,
      points: n.points,
      weight: n.weight,
      methods: n.methods,
      point_types: n.pointTypes,
      scoring_rule: n.scoringRule,
      is_sum_exempt: n.isSumExempt,
    });
    n.children.forEach((c, i) => {
      visit(c, id, depth + 1, i);
    });
  };
  roots.forEach((r, i) => {
    visit(r, null, 1, i);
  });
  // Parents precede their children, so each chunk's foreign keys point at rows already stored.
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.execute(sql`INSERT INTO indicator (tenant_id, id, framework_id, parent_id, position, depth, code, name,
        standard, points, weight, methods, point_types, scoring_rule, is_sum_exempt)
      SELECT ${tenantId}, x.id, ${frameworkId}, x.parent_id, x.position, x.depth, x.code, x.name, x.standard, x.points,
        x.weight, coalesce(x.methods, '[]'), coalesce(x.point_types, '[]'), x.scoring_rule, x.is_sum_exempt
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb) AS x(id uuid, parent_id uuid,
        position int, depth int, code text, name text, standard text, points numeric, weight numeric, methods jsonb,
        point_types jsonb, scoring_rule jsonb, is_sum_exempt boolean)`);
  }
  return rows.length;
}

export function toNegativeItemView(r: any): NegativeItemView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    effect: r.effect,
    deduction: num(r.deduction),
    description: r.description,
    position: Number(r.position),
  };
}

/** The negative list of a framework in its order. */
export async function selectNegativeItems(db: Db, tenantId: string, frameworkId: string): Promise<NegativeItemView[]> {
  const res = await db.execute(sql`SELECT id, code, name, effect, deduction, description, position FROM negative_item
    WHERE tenant_id = ${tenantId} AND framework_id = ${frameworkId} ORDER BY position, code`);
  return res.rows.map(toNegativeItemView);
}

/** Store a negative list in order (positions 0, 1, …). */
export async function insertNegativeItems(tx: Db, tenantId: string, frameworkId: string, items: NegativeInput[]) {
  if (!items.length) return;
  const rows = items.map((n, position) => ({ ...n, id: newId(), position }));
  await tx.execute(sql`INSERT INTO negative_item (tenant_id, id, framework_id, code, name, effect, deduction,
      description, position)
    SELECT ${tenantId}, x.id, ${frameworkId}, x.code, x.name, x.effect, x.deduction, x.description, x.position
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, code text, name text, effect text,
      deduction numeric, description text, position int)`);
}

/** The family using a framework code, if any. */
export async function findFamilyByCode(db: Db, tenantId: string, code: string): Promise<string | null> {
  const res = await db.execute(sql`SELECT family_id FROM framework WHERE tenant_id = ${tenantId}
    AND lower(code) = lower(${code}) LIMIT 1`);
  return (res.rows[0] as any)?.family_id ?? null;
}

export interface FrameworkInsert {
  id: string;
  familyId: string;
  code: string;
  name: string;
  version: number;
  status?: 'draft' | 'published';
  derivedFrom?: string | null;
  totalPoints?: number | null;
  complianceLine?: number | null;
  description?: string | null;
  createdBy: string | null;
}

/** Insert a framework version row; a published one (demo data) is stamped as published now. */
export async function insertFramework(tx: Db, tenantId: string, f: FrameworkInsert, now: Date): Promise<void> {
  const status = f.status ?? 'draft';
  const publishedAt = status === 'published' ? now.toISOString() : null;
  await tx.execute(sql`INSERT INTO framework (tenant_id, id, family_id, code, name, version, status, derived_from,
      total_points, compliance_line, description, search_text, published_at, published_by, created_by)
    VALUES (${tenantId}, ${f.id}, ${f.familyId}, ${f.code}, ${f.name}, ${f.version}, ${status}, ${f.derivedFrom ?? null},
      ${f.totalPoints ?? null}, ${f.complianceLine ?? null}, ${f.description ?? null}, ${buildSearchText(f.name, f.code)},
      ${publishedAt}, ${status === 'published' ? f.createdBy : null}, ${f.createdBy})`);
}

/** Turn a unique (23505) or foreign-key (23503) violation into a 409 with the given code; rethrow others. */
export function mapConstraintError(err: any, codes: { unique?: string; inUse?: string }): never {
  const pgCode = err?.cause?.code ?? err?.code;
  if (pgCode === '23505' && codes.unique) throw conflict(codes.unique);
  if (pgCode === '23503' && codes.inUse) throw conflict(codes.inUse);
  throw err;
}
