// Pure rules on indicator trees (shared by server and web): do the points add up, what changed between versions.

/** The least a node needs for the rules below. */
export interface TreeNodeLike {
  code: string;
  name: string;
  points: number | null;
  isSumExempt?: boolean;
  children: TreeNodeLike[];
}

export interface PointsMismatch {
  /** null stands for the framework itself (its total points against its top-level items). */
  code: string | null;
  name: string;
  points: number;
  childrenSum: number;
}

const cents = (v: number | null | undefined) => Math.round((v ?? 0) * 100);

/**
 * Nodes whose children's points do not add up to their own (in tree order), unless the node is
 * sum-exempt or has no points of its own; with `total`, the top level is checked against it too.
 */
export function checkPointSums(roots: TreeNodeLike[], total?: number | null): PointsMismatch[] {
  const out: PointsMismatch[] = [];
  const sumOf = (nodes: TreeNodeLike[]) => nodes.reduce((s, n) => s + cents(n.points), 0);
  if (total !== null && total !== undefined && roots.length && sumOf(roots) !== cents(total))
    out.push({ code: null, name: '', points: total, childrenSum: sumOf(roots) / 100 });
  const visit = (n: TreeNodeLike) => {
    if (n.children.length && !n.isSumExempt && n.points !== null && sumOf(n.children) !== cents(n.points))
      out.push({ code: n.code, name: n.name, points: n.points, childrenSum: sumOf(n.children) / 100 });
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/** Fields compared by diffTrees, besides the parent's code. */
export const diffFields = [
  'name',
  'standard',
  'points',
  'weight',
  'methods',
  'pointTypes',
  'scoringRule',
  'isSumExempt',
] as const;

export interface DiffEntry {
  code: string;
  name: string;
  points: number | null;
}
export interface FieldChange {
  field: (typeof diffFields)[number] | 'parentCode';
  before: unknown;
  after: unknown;
}
export interface TreeDiff {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: (DiffEntry & { changes: FieldChange[] })[];
}

/** JSON with sorted keys: equal values compare equal whatever order their keys came in. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as any)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

function flatten<T extends TreeNodeLike>(roots: T[]): Map<string, { node: T; parentCode: string | null }> {
  const out = new Map<string, { node: T; parentCode: string | null }>();
  const visit = (n: T, parentCode: string | null) => {
    out.set(n.code, { node: n, parentCode });
    for (const c of n.children) visit(c as T, n.code);
  };
  for (const r of roots) visit(r, null);
  return out;
}

const entry = (n: TreeNodeLike): DiffEntry => ({ code: n.code, name: n.name, points: n.points });

/** What changed from tree `a` to tree `b`, matching nodes by code (sibling order is not compared). */
export function diffTrees<T extends TreeNodeLike>(a: T[], b: T[]): TreeDiff {
  const before = flatten(a);
  const after = flatten(b);
  const diff: TreeDiff = { added: [], removed: [], changed: [] };
  for (const [code, x] of before) if (!after.has(code)) diff.removed.push(entry(x.node));
  for (const [code, y] of after) {
    const x = before.get(code);
    if (!x) {
      diff.added.push(entry(y.node));
      continue;
    }
    const changes: FieldChange[] = [];
    for (const f of diffFields) {
      const va = (x.node as any)[f];
      const vb = (y.node as any)[f];
      if (stableJson(va) !== stableJson(vb)) changes.push({ field: f, before: va ?? null, after: vb ?? null });
    }
    if (x.parentCode !== y.parentCode) changes.push({ field: 'parentCode', before: x.parentCode, after: y.parentCode });
    if (changes.length) diff.changed.push({ ...entry(y.node), changes });
  }
  return diff;
}
