// From the nodes a sheet yields (in document order, with depths) to the tree to store: parents by
// depth, cells parsed, codes checked or generated. Every problem is reported with its row.
import { indicatorCode } from '@wenming/contracts';
import { parseExempt, parseMethods, parsePointTypes, parsePoints, parseRule, parseWeight } from './framework-cells';
import type { RowProblems } from './framework-import-messages';
import type { SheetNode } from './framework-layouts';
import type { NodeInput } from './framework.repository';

interface Built extends NodeInput {
  row: number;
  givenCode?: string;
  children: Built[];
}

/** A node's own fields from its cells; problems are reported, and the node is kept so later rows still nest. */
function toNode(n: SheetNode, problems: RowProblems): Built {
  const c = n.cells;
  let points: number | null = n.pointsFromName ?? null;
  if (c.points) {
    const p = parsePoints(c.points);
    if (p === undefined) problems.add(n.row, 'bad_points', { v: c.points });
    points = p ?? null;
  }
  const weight = c.weight ? parseWeight(c.weight) : null;
  if (weight === undefined) problems.add(n.row, 'bad_weight', { v: c.weight! });
  const methods = c.methods ? parseMethods(c.methods) : [];
  if (!methods) problems.add(n.row, 'bad_methods', { v: c.methods! });
  const pointTypes = c.pointTypes ? parsePointTypes(c.pointTypes) : [];
  if (!pointTypes) problems.add(n.row, 'bad_point_types', { v: c.pointTypes! });
  const rule = parseRule(c.rule, { points, methods: methods ?? [] });
  if (!rule) problems.add(n.row, 'bad_rule', { v: c.rule ?? '' });
  const exempt = c.exempt ? parseExempt(c.exempt) : false;
  if (exempt === undefined) problems.add(n.row, 'bad_exempt', { v: c.exempt! });
  if (n.name.length > 500) problems.add(n.row, 'name_too_long');
  return {
    row: n.row,
    givenCode: n.code?.trim() || undefined,
    code: '',
    name: n.name.trim(),
    standard: c.standard?.slice(0, 4000) ?? null,
    points,
    weight: weight ?? null,
    methods: methods ?? [],
    pointTypes: pointTypes ?? [],
    scoringRule: rule ?? { kind: 'check' },
    isSumExempt: exempt ?? false,
    children: [],
  };
}

/** Nest nodes by depth: each node's parent is the last node one level up. */
function nest(nodes: SheetNode[], problems: RowProblems): Built[] {
  const roots: Built[] = [];
  const stack: Built[] = [];
  for (const n of nodes) {
    if (n.depth === undefined) {
      if (!n.reported) problems.add(n.row, 'no_depth');
      continue;
    }
    const built = toNode(n, problems);
    let depth = n.depth;
    if (depth > stack.length + 1) {
      problems.add(n.row, 'depth_jump', { depth, parent: depth - 1 });
      depth = stack.length + 1;
    }
    stack.length = depth - 1;
    (depth === 1 ? roots : stack[depth - 2].children).push(built);
    stack.push(built);
  }
  return roots;
}

function walk(
  nodes: Built[],
  visit: (n: Built, parent: Built | null, index: number) => void,
  parent: Built | null = null,
) {
  nodes.forEach((n, i) => {
    visit(n, parent, i);
    walk(n.children, visit, n);
  });
}

/**
 * Keep the codes a sheet gives (a repeated dotted code is an error; repeated plain numbers, such as a
 * 序号 column restarting under each parent, are dropped), then number the rest by position: 1, 1.2, 1.2.3.
 */
function assignCodes(roots: Built[], problems: RowProblems): void {
  const firstRow = new Map<string, number>();
  const counts = new Map<string, number>();
  walk(roots, (n) => {
    if (n.givenCode) counts.set(n.givenCode, (counts.get(n.givenCode) ?? 0) + 1);
  });
  walk(roots, (n) => {
    const g = n.givenCode;
    if (!g) return;
    if (counts.get(g)! > 1 && !g.includes('.')) {
      n.givenCode = undefined;
      return;
    }
    if (!indicatorCode.safeParse(g).success) problems.add(n.row, 'bad_code', { v: g });
    else if (firstRow.has(g)) problems.add(n.row, 'duplicate_code', { v: g, row: firstRow.get(g)! });
    else firstRow.set(g, n.row);
  });
  walk(roots, (n, parent, i) => {
    if (n.givenCode) {
      n.code = n.givenCode;
      return;
    }
    let k = i + 1;
    const make = () => (parent ? `${parent.code}.${k}` : String(k));
    while (firstRow.has(make())) k++;
    n.code = make();
    firstRow.set(n.code, n.row);
  });
}

function strip(nodes: Built[]): NodeInput[] {
  return nodes.map(({ row: _r, givenCode: _g, children, ...rest }) => ({ ...rest, children: strip(children) }));
}

/** Parents written without points (common in manuals) get their children's sum, when every child has points. */
function fillParentPoints(nodes: Built[]): void {
  for (const n of nodes) {
    fillParentPoints(n.children);
    if (n.points === null && n.children.length && n.children.every((c) => c.points !== null))
      n.points = n.children.reduce((s, c) => s + Math.round(c.points! * 100), 0) / 100;
  }
}

/**
 * The tree of a sheet's nodes with their codes, and how many nodes it has. `fillParents` for manuals
 * in their own layout; the project's template keeps a parent without points as it was exported.
 */
export function buildTree(
  nodes: SheetNode[],
  problems: RowProblems,
  opts: { fillParents: boolean },
): { roots: NodeInput[]; count: number } {
  const roots = nest(nodes, problems);
  if (opts.fillParents) fillParentPoints(roots);
  assignCodes(roots, problems);
  let count = 0;
  walk(roots, () => count++);
  return { roots: strip(roots), count };
}
