import type { IndicatorNode } from '@wenming/contracts';
import { describe, expect, it } from 'vitest';
import { childrenSum, describeRule, hasPointsMismatch, indexTree } from './indicator-text';
import { dropToMove } from './tree-drop';

function node(id: string, parentId: string | null, position: number, children: IndicatorNode[] = [], points = 5) {
  return {
    id,
    parentId,
    code: id,
    name: id,
    standard: null,
    points,
    weight: null,
    methods: [],
    pointTypes: [],
    scoringRule: { kind: 'check' },
    isSumExempt: false,
    depth: parentId ? 2 : 1,
    position,
    children,
  } as IndicatorNode;
}

// A (a1, a2, a3), B (b1)
const roots = [
  node('A', null, 0, [node('a1', 'A', 0), node('a2', 'A', 1), node('a3', 'A', 2)], 15),
  node('B', null, 1, [node('b1', 'B', 0)], 10),
];
const byId = indexTree(roots);
const drop = (dragId: string, dropId: string, relative: number, dropToGap = true, expanded = false) =>
  dropToMove(roots, byId, { dragId, dropId, relative, dropToGap, expanded });

describe('dropToMove', () => {
  it('reorders among siblings with the final index (the dragged node left out)', () => {
    expect(drop('a1', 'a3', 1)).toEqual({ parentId: 'A', position: 2 });
    expect(drop('a3', 'a1', -1)).toEqual({ parentId: 'A', position: 0 });
    expect(drop('a1', 'a2', 1)).toEqual({ parentId: 'A', position: 1 });
  });

  it('answers null when the node would land where it is', () => {
    expect(drop('a2', 'a1', 1)).toBeNull();
    expect(drop('a2', 'a3', -1)).toBeNull();
    expect(drop('a2', 'a2', 1)).toBeNull();
  });

  it('reparents: onto a node makes it the first child; beside a node of another parent joins that parent', () => {
    expect(drop('a2', 'B', 0, false)).toEqual({ parentId: 'B', position: 0 });
    expect(drop('a2', 'b1', 1)).toEqual({ parentId: 'B', position: 1 });
    expect(drop('b1', 'A', 1, true, true)).toEqual({ parentId: 'A', position: 0 });
    expect(drop('a1', 'B', 1)).toEqual({ parentId: null, position: 2 });
  });
});

describe('indicator text', () => {
  const t = (key: string, o?: Record<string, unknown>) => (o ? `${key}:${JSON.stringify(o)}` : key);
  it('sums children to cents and flags a parent whose children do not add up', () => {
    expect(childrenSum(roots[0])).toBe(15);
    expect(hasPointsMismatch(roots[0])).toBe(false);
    expect(hasPointsMismatch(roots[1])).toBe(true);
    expect(hasPointsMismatch({ ...roots[1], isSumExempt: true })).toBe(false);
    expect(childrenSum(roots[0].children[0])).toBeNull();
  });
  it('describes rules', () => {
    expect(describeRule({ kind: 'check' }, t)).toBe('scoringRule.check');
    expect(describeRule({ kind: 'deduct', perFinding: 1, floor: 0 }, t)).toContain('"perFinding":1');
    expect(
      describeRule(
        {
          kind: 'graded',
          levels: [
            { label: '好', ratio: 1 },
            { label: '差', ratio: 0 },
          ],
        },
        t,
      ),
    ).toBe('scoringRule.graded：好=1，差=0');
  });
});
