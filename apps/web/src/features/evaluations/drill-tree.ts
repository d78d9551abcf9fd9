// The subject's indicator scores (a flat list in framework order) as a tree for the drill-down table.
import type { IndicatorScoreView } from '@wenming/contracts';

export interface IndicatorNode extends IndicatorScoreView {
  children?: IndicatorNode[];
}

/** Nests rows under their parents, keeping the server's order; orphans (parent not listed) become roots. */
export function buildIndicatorTree(rows: readonly IndicatorScoreView[]): IndicatorNode[] {
  const byId = new Map<string, IndicatorNode>(rows.map((r) => [r.indicatorId, { ...r }]));
  const roots: IndicatorNode[] = [];
  for (const row of rows) {
    const node = byId.get(row.indicatorId) as IndicatorNode;
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

/** Ids of the nodes that lost points, to open the tree where the points were lost. */
export function nodesWithLoss(rows: readonly IndicatorScoreView[]): string[] {
  return rows.filter((r) => r.lost > 0 && r.source === 'rollup').map((r) => r.indicatorId);
}
