import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TreeNodeLike, checkPointSums, diffTrees, scoringRule } from './frameworks';

type Shape = { cents: number } | { kids: Shape[] };

const shapeArb = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'tree' },
    fc.record({ cents: fc.integer({ min: 0, max: 5000 }) }),
    fc.record({ kids: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
  ),
})).node;
const forestArb = fc.array(shapeArb, { minLength: 1, maxLength: 4 });

interface Node extends TreeNodeLike {
  children: Node[];
  standard?: string | null;
}

/** A consistent tree: codes by position, every parent's points the sum of its children's. */
function build(shapes: Shape[], prefix = ''): Node[] {
  return shapes.map((s, i) => {
    const code = `${prefix}${i + 1}`;
    if ('cents' in s) return { code, name: `n${code}`, points: s.cents / 100, children: [] };
    const children = build(s.kids, `${code}.`);
    const sum = children.reduce((a, c) => a + Math.round(c.points! * 100), 0) / 100;
    return { code, name: `n${code}`, points: sum, children };
  });
}

function flat(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => [n, ...flat(n.children)]);
}
const clone = (nodes: Node[]): Node[] => JSON.parse(JSON.stringify(nodes));
const total = (nodes: Node[]) => nodes.reduce((a, n) => a + Math.round(n.points! * 100), 0) / 100;
const parentCode = (code: string) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);

describe('checkPointSums', () => {
  it('reports each node whose children do not add up, and the framework total', () => {
    const leaf = (code: string, points: number | null): Node => ({ code, name: code, points, children: [] });
    const tree: Node[] = [
      { code: '1', name: '一', points: 10, children: [leaf('1.1', 4), leaf('1.2', 5)] },
      { code: '2', name: '二', points: 5, children: [leaf('2.1', 2.5), leaf('2.2', 2.5)] },
      { code: '3', name: '三', points: 5, isSumExempt: true, children: [leaf('3.1', 1)] },
      { code: '4', name: '四', points: null, children: [leaf('4.1', 1)] },
    ];
    expect(checkPointSums(tree, 100)).toEqual([
      { code: null, name: '', points: 100, childrenSum: 20 },
      { code: '1', name: '一', points: 10, childrenSum: 9 },
    ]);
    expect(checkPointSums(tree)).toHaveLength(1);
  });

  it('cents add up exactly (0.1 + 0.2 = 0.3)', () => {
    const tree: Node[] = [
      {
        code: '1',
        name: 'x',
        points: 0.3,
        children: [
          { code: '1.1', name: 'a', points: 0.1, children: [] },
          { code: '1.2', name: 'b', points: 0.2, children: [] },
        ],
      },
    ];
    expect(checkPointSums(tree, 0.3)).toEqual([]);
  });

  it('a tree whose parents hold their children’s sums passes, at any depth', () => {
    fc.assert(
      fc.property(forestArb, (shapes) => {
        const tree = build(shapes);
        expect(checkPointSums(tree, total(tree))).toEqual([]);
      }),
    );
  });

  it('changing one parent’s points reports that parent (and at most its own parent), unless it is exempt', () => {
    fc.assert(
      fc.property(
        forestArb,
        fc.nat(),
        fc.integer({ min: 1, max: 500 }),
        fc.boolean(),
        (shapes, pick, delta, exempt) => {
          const tree = build(shapes);
          const parents = flat(tree).filter((n) => n.children.length);
          fc.pre(parents.length > 0);
          const target = parents[pick % parents.length];
          target.points = (Math.round(target.points! * 100) + delta) / 100;
          target.isSumExempt = exempt;
          const reported = checkPointSums(tree).map((m) => m.code);
          if (exempt) expect(reported).not.toContain(target.code);
          else expect(reported).toContain(target.code);
          for (const code of reported) expect([target.code, parentCode(target.code)]).toContain(code);
        },
      ),
    );
  });
});

describe('diffTrees', () => {
  it('names added, removed and changed nodes by code, with the fields that changed', () => {
    const a: Node[] = [
      { code: '1', name: '一', points: 5, children: [{ code: '1.1', name: '甲', points: 5, children: [] }] },
      { code: '2', name: '二', points: 1, children: [] },
    ];
    const b = clone(a);
    b[0].children[0].points = 4;
    b[0].children.push({ code: '1.2', name: '乙', points: 1, children: [] });
    b.pop();
    const d = diffTrees(a, b);
    expect(d.added.map((n) => n.code)).toEqual(['1.2']);
    expect(d.removed.map((n) => n.code)).toEqual(['2']);
    expect(d.changed).toEqual([
      { code: '1.1', name: '甲', points: 4, changes: [{ field: 'points', before: 5, after: 4 }] },
    ]);
  });

  it('a tree against itself has no differences; swapping sides swaps added and removed', () => {
    fc.assert(
      fc.property(forestArb, forestArb, (sa, sb) => {
        const a = build(sa);
        const b = build(sb);
        expect(diffTrees(a, clone(a))).toEqual({ added: [], removed: [], changed: [] });
        const ab = diffTrees(a, b);
        const ba = diffTrees(b, a);
        expect(ab.added.map((n) => n.code).sort()).toEqual(ba.removed.map((n) => n.code).sort());
        expect(ab.removed.map((n) => n.code).sort()).toEqual(ba.added.map((n) => n.code).sort());
        expect(ab.changed.map((n) => n.code).sort()).toEqual(ba.changed.map((n) => n.code).sort());
      }),
    );
  });

  it('renaming one node changes exactly that node; deleting a subtree removes all of it', () => {
    fc.assert(
      fc.property(forestArb, fc.nat(), (shapes, pick) => {
        const a = build(shapes);
        const b = clone(a);
        const target = flat(b)[pick % flat(b).length];
        target.name = `${target.name}（改）`;
        const renamed = diffTrees(a, b);
        expect(renamed.changed.map((c) => [c.code, c.changes.map((x) => x.field)])).toEqual([[target.code, ['name']]]);
        const c = clone(a);
        const removed = c.splice(pick % c.length, 1);
        expect(
          diffTrees(a, c)
            .removed.map((n) => n.code)
            .sort(),
        ).toEqual(
          flat(removed)
            .map((n) => n.code)
            .sort(),
        );
      }),
    );
  });
});

describe('scoringRule', () => {
  it('accepts the five kinds and refuses broken ones', () => {
    expect(scoringRule.safeParse({ kind: 'deduct', perFinding: 0.5 }).data).toEqual({
      kind: 'deduct',
      perFinding: 0.5,
      floor: 0,
    });
    expect(scoringRule.safeParse({ kind: 'graded', levels: [{ label: '好', ratio: 1 }] }).success).toBe(false);
    expect(
      scoringRule.safeParse({
        kind: 'graded',
        levels: [
          { label: 'a=b', ratio: 1 },
          { label: 'c', ratio: 0 },
        ],
      }).success,
    ).toBe(false);
    expect(scoringRule.safeParse({ kind: 'survey' }).success).toBe(true);
    expect(scoringRule.safeParse({ kind: 'other' }).success).toBe(false);
  });
});
