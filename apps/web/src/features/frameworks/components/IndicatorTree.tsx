import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { IndicatorNode } from '@wenming/contracts';
import { Button, Flex, Popconfirm, Tag, Tooltip, Tree, type TreeDataNode, type TreeProps, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { childrenSum, describeRule, hasPointsMismatch } from './indicator-text';
import { type DropInfo, dropToMove } from './tree-drop';

export interface IndicatorTreeHandlers {
  onAddChild: (parent: IndicatorNode) => void;
  onEdit: (node: IndicatorNode) => void;
  onDelete: (node: IndicatorNode) => void;
  onMove: (node: IndicatorNode, body: { parentId: string | null; position: number }) => void;
}

interface IndicatorTreeProps {
  roots: IndicatorNode[];
  byId: Map<string, IndicatorNode>;
  selectedId?: string;
  onSelect: (id: string) => void;
  /** Editing handlers; absent for published versions (no drag, no buttons). */
  edit?: IndicatorTreeHandlers;
}

type DataNode = TreeDataNode & { node: IndicatorNode; children?: DataNode[] };

function toData(n: IndicatorNode): DataNode {
  return { key: n.id, title: n.name, node: n, children: n.children.length ? n.children.map(toData) : undefined };
}

const stop = (e?: MouseEvent) => e?.stopPropagation();

/** One node: code, name, points, the children's sum (red when it does not add up), methods, point types, rule. */
function NodeTitle({ node, edit }: { node: IndicatorNode; edit?: IndicatorTreeHandlers }) {
  const { t } = useTranslation();
  const sum = childrenSum(node);
  const mismatch = hasPointsMismatch(node);
  const isLeaf = node.children.length === 0;
  return (
    <Flex gap={6} wrap align="center" style={{ padding: '2px 0' }} data-testid={`indicator-${node.code}`}>
      <Typography.Text code>{node.code}</Typography.Text>
      <Typography.Text strong={node.depth === 1}>{node.name}</Typography.Text>
      {node.points !== null && <Tag color="red">{t('indicator.pointsUnit', { points: node.points })}</Tag>}
      {sum !== null && (
        <Typography.Text type={mismatch ? 'danger' : 'secondary'} strong={mismatch} style={{ fontSize: 12 }}>
          （{t('indicator.childrenSum', { sum })}）
        </Typography.Text>
      )}
      {node.methods.map((m) => (
        <Tag key={m} color="blue" variant="outlined">
          {t(`method.${m}`)}
        </Tag>
      ))}
      {node.pointTypes.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {node.pointTypes.map((p) => t(`pointType.${p}`)).join('、')}
        </Typography.Text>
      )}
      {isLeaf && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          · {describeRule(node.scoringRule, t)}
        </Typography.Text>
      )}
      {edit && (
        <>
          <Tooltip title={t('indicator.addChild')}>
            <Button
              size="small"
              type="text"
              icon={<PlusOutlined />}
              aria-label={`${t('indicator.addChild')} ${node.code}`}
              onClick={(e) => {
                stop(e);
                edit.onAddChild(node);
              }}
            />
          </Tooltip>
          <Tooltip title={t('common.edit')}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${node.code}`}
              onClick={(e) => {
                stop(e);
                edit.onEdit(node);
              }}
            />
          </Tooltip>
          <Popconfirm
            title={t('indicator.deleteConfirm', { name: node.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => edit.onDelete(node)}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={stop}
              aria-label={`${t('common.delete')} ${node.code}`}
            />
          </Popconfirm>
        </>
      )}
    </Flex>
  );
}

/** The indicator tree; in a draft, nodes drag to a new place (reorder or reparent) and carry edit buttons. */
export function IndicatorTree({ roots, byId, selectedId, onSelect, edit }: IndicatorTreeProps) {
  const { t } = useTranslation();
  const onDrop: TreeProps<DataNode>['onDrop'] = (info) => {
    if (!edit) return;
    const pos = String(info.node.pos).split('-');
    const drop: DropInfo = {
      dragId: String(info.dragNode.key),
      dropId: String(info.node.key),
      dropToGap: info.dropToGap,
      relative: info.dropPosition - Number(pos[pos.length - 1]),
      expanded: !!info.node.expanded,
    };
    const body = dropToMove(roots, byId, drop);
    const dragged = byId.get(drop.dragId);
    if (body && dragged) edit.onMove(dragged, body);
  };
  return (
    <Tree<DataNode>
      aria-label={t('framework.tabTree')}
      treeData={roots.map(toData)}
      defaultExpandAll
      blockNode
      showLine
      draggable={edit ? { icon: false } : false}
      onDrop={onDrop}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
      titleRender={(d) => <NodeTitle node={d.node} edit={edit} />}
    />
  );
}
