import { BranchesOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import type { FrameworkView, PointsMismatch } from '@wenming/contracts';
import { Alert, App, Button, Flex, Popconfirm } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiUrl, isApiError } from '../../../api/client';
import { type FrameworkAction, useFrameworkAction } from '../queries';

/** The nodes of a 422 FRAMEWORK_POINTS_MISMATCH, or null. */
export function mismatchNodes(err: unknown): PointsMismatch[] | null {
  if (!isApiError(err, 'FRAMEWORK_POINTS_MISMATCH')) return null;
  const nodes = (err.details as { nodes?: PointsMismatch[] } | undefined)?.nodes;
  return Array.isArray(nodes) ? nodes : [];
}

/** Each node whose children do not add up, one line each (null code: the framework's total). */
export function MismatchList({ nodes }: { nodes: PointsMismatch[] }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {nodes.map((n) => (
        <li key={n.code ?? '(root)'}>
          {n.code === null
            ? t('framework.mismatchRoot', { points: n.points, sum: n.childrenSum })
            : t('framework.mismatchLine', { code: n.code, name: n.name, points: n.points, sum: n.childrenSum })}
        </li>
      ))}
    </ul>
  );
}

/** The actions a version's status allows: a draft is edited, published or deleted; a published one is derived from. */
export function FrameworkActions(props: { framework: FrameworkView; canManage: boolean; onEditMeta: () => void }) {
  const { framework: f, canManage, onEditMeta } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const action = useFrameworkAction();
  const run = (kind: FrameworkAction) =>
    action.mutate(
      { id: f.id, action: kind },
      {
        onSuccess: (result) => {
          if (kind === 'publish') message.success(t('framework.published'));
          if (kind === 'derive' && result) {
            message.success(t('framework.derived'));
            navigate(`/frameworks/${result.id}`);
          }
          if (kind === 'delete') navigate('/frameworks');
        },
      },
    );
  // A refusal speaks of the tree as it was: once the draft changes (rowVersion moves on), it is stale.
  const { reset } = action;
  // biome-ignore lint/correctness/useExhaustiveDependencies: rowVersion is the trigger, not a value used inside
  useEffect(() => reset(), [f.rowVersion, reset]);
  const nodes = mismatchNodes(action.error);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="end">
        {canManage && f.status === 'draft' && (
          <>
            <Button icon={<EditOutlined />} onClick={onEditMeta}>
              {t('framework.editMeta')}
            </Button>
            <Popconfirm
              title={t('framework.publishConfirm')}
              okText={t('framework.publish')}
              cancelText={t('common.cancel')}
              onConfirm={() => run('publish')}
            >
              <Button type="primary" icon={<SendOutlined />} loading={action.isPending}>
                {t('framework.publish')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('common.deleteConfirm')}
              okButtonProps={{ danger: true }}
              onConfirm={() => run('delete')}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('framework.deleteDraft')}
              </Button>
            </Popconfirm>
          </>
        )}
        {canManage && f.status !== 'draft' && (
          <Button icon={<BranchesOutlined />} loading={action.isPending} onClick={() => run('derive')}>
            {t('framework.derive')}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} href={apiUrl(`frameworks/${f.id}/export.xlsx`)}>
          {t('framework.exportXlsx')}
        </Button>
      </Flex>
      {action.error && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => action.reset() }}
          title={nodes ? t('framework.mismatchTitle') : (action.error as Error).message}
          description={nodes?.length ? <MismatchList nodes={nodes} /> : undefined}
        />
      )}
    </Flex>
  );
}
