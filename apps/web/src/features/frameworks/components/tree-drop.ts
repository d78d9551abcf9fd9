// Turns an antd Tree drop into the body of POST /frameworks/{id}/indicators/{nodeId}/move.
import type { IndicatorMoveBody, IndicatorNode } from '@wenming/contracts';

export interface DropInfo {
  dragId: string;
  dropId: string;
  /** False when dropped onto the node itself (it becomes the node's first child). */
  dropToGap: boolean;
  /** -1 before the node, 1 after it (antd's dropPosition minus the node's index). */
  relative: number;
  /** The drop node is expanded: a drop just below it lands as its first child, as antd draws it. */
  expanded: boolean;
}

/** The parent and the final index among the new siblings (the dragged node left out), or null for a no-op. */
export function dropToMove(
  roots: IndicatorNode[],
  byId: Map<string, IndicatorNode>,
  d: DropInfo,
): IndicatorMoveBody | null {
  const target = byId.get(d.dropId);
  const dragged = byId.get(d.dragId);
  if (!target || !dragged || d.dragId === d.dropId) return null;
  if (!d.dropToGap || (d.relative === 1 && d.expanded && target.children.length > 0))
    return { parentId: target.id, position: 0 };
  const parentId = target.parentId;
  const siblings = (parentId ? (byId.get(parentId)?.children ?? []) : roots).filter((n) => n.id !== d.dragId);
  const index = siblings.findIndex((n) => n.id === d.dropId);
  const position = d.relative < 0 ? index : index + 1;
  if (dragged.parentId === parentId && dragged.position === position) return null;
  return { parentId, position };
}
