import { PlusOutlined } from '@ant-design/icons';
import type { IndicatorNode } from '@wenming/contracts';
import { App, Button, Col, Descriptions, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useIndicatorEdit, useIndicatorTree } from '../queries';
import { childrenSum, describeRule, hasPointsMismatch, indexTree } from './indicator-text';
import { type IndicatorEditing, IndicatorFormDrawer } from './IndicatorFormDrawer';
import { IndicatorTree, type IndicatorTreeHandlers } from './IndicatorTree';

/** 指标体系 tab: the tree (drag and buttons in a draft) beside the selected indicator's details. */
export function IndicatorsTab({ frameworkId, isEditable }: { frameworkId: string; isEditable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tree = useIndicatorTree(frameworkId);
  const edit = useIndicatorEdit(frameworkId);
  const [selectedId, setSelectedId] = useState<string>();
  const [editing, setEditing] = useState<IndicatorEditing | null>(null);
  const roots = tree.data ?? [];
  const byId = useMemo(() => indexTree(roots), [roots]);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  const handlers: IndicatorTreeHandlers = {
    onAddChild: (parent) => setEditing({ mode: 'create', parent }),
    onEdit: (node) => setEditing({ mode: 'edit', node }),
    onDelete: (node) =>
      edit.mutate({ kind: 'delete', nodeId: node.id }, { onSuccess: () => message.success(t('common.deleted')) }),
    onMove: (node, body) =>
      edit.mutate({ kind: 'move', nodeId: node.id, body }, { onSuccess: () => message.success(t('indicator.moved')) }),
  };

  if (tree.isError) return <ApiErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />;
  if (!tree.data) return <Skeleton active />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        {isEditable && (
          <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('indicator.dragHint')}</Typography.Text>
            <Button icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parent: null })}>
              {t('indicator.addRoot')}
            </Button>
          </Flex>
        )}
        <ApiErrorAlert error={edit.error} />
        {roots.length === 0 ? (
          <Empty description={t('indicator.empty')} />
        ) : (
          <div style={{ maxHeight: '70vh', overflow: 'auto' }}>
            <IndicatorTree
              roots={roots}
              byId={byId}
              selectedId={selectedId}
              onSelect={setSelectedId}
              edit={isEditable ? handlers : undefined}
            />
          </div>
        )}
      </Col>
      <Col xs={24} xl={9}>
        <IndicatorDetail node={selected} />
      </Col>
      {isEditable && (
        <IndicatorFormDrawer frameworkId={frameworkId} editing={editing} onClose={() => setEditing(null)} />
      )}
    </Row>
  );
}

function IndicatorDetail({ node }: { node?: IndicatorNode }) {
  const { t } = useTranslation();
  if (!node) return <Empty description={t('indicator.pickOne')} />;
  const sum = childrenSum(node);
  return (
    <Descriptions title={t('indicator.detail')} column={1} size="small" bordered>
      <Descriptions.Item label={t('indicator.code')}>{node.code}</Descriptions.Item>
      <Descriptions.Item label={t('indicator.name')}>{node.name}</Descriptions.Item>
      <Descriptions.Item label={t('indicator.points')}>
        {node.points ?? '—'}
        {sum !== null && (
          <Typography.Text type={hasPointsMismatch(node) ? 'danger' : 'secondary'}>
            {' '}
            （{t('indicator.childrenSum', { sum })}）
          </Typography.Text>
        )}
      </Descriptions.Item>
      {node.weight !== null && <Descriptions.Item label={t('indicator.weight')}>{node.weight}</Descriptions.Item>}
      {node.standard && <Descriptions.Item label={t('indicator.standard')}>{node.standard}</Descriptions.Item>}
      <Descriptions.Item label={t('indicator.methods')}>
        {node.methods.map((m) => t(`method.${m}`)).join('、') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('indicator.pointTypes')}>
        {node.pointTypes.map((p) => t(`pointType.${p}`)).join('、') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('indicator.rule')}>{describeRule(node.scoringRule, t)}</Descriptions.Item>
      <Descriptions.Item label={t('indicator.sumExempt')}>
        {node.isSumExempt ? t('common.yes') : t('common.no')}
      </Descriptions.Item>
    </Descriptions>
  );
}
