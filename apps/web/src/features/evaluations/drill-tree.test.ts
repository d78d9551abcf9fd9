import type { IndicatorScoreView } from '@wenming/contracts';
import { describe, expect, it } from 'vitest';
import { buildIndicatorTree, nodesWithLoss } from './drill-tree';

const row = (id: string, parentId: string | null, lost: number, source: IndicatorScoreView['source']) =>
  ({
    indicatorId: id,
    parentId,
    code: id,
    name: id,
    depth: 0,
    fullPoints: 10,
    score: 10 - lost,
    lost,
    notSampled: false,
    met: null,
    applicable: null,
    source,
  }) as IndicatorScoreView;

describe('buildIndicatorTree', () => {
  const rows = [
    row('A', null, 3, 'rollup'),
    row('A1', 'A', 3, 'field'),
    row('A2', 'A', 0, 'field'),
    row('B', null, 0, 'rollup'),
    row('X', 'gone', 1, 'survey'),
  ];
  it('nests children in order and keeps orphans as roots', () => {
    const tree = buildIndicatorTree(rows);
    expect(tree.map((n) => n.indicatorId)).toEqual(['A', 'B', 'X']);
    expect(tree[0].children?.map((n) => n.indicatorId)).toEqual(['A1', 'A2']);
    expect(tree[1].children).toBeUndefined();
  });
  it('opens the branches where points were lost', () => {
    expect(nodesWithLoss(rows)).toEqual(['A']);
  });
});
