import { ArrowLeftOutlined } from '@ant-design/icons';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { type FrameworkImportResult, checkPointSums } from '@wenming/contracts';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FrameworkActions, MismatchList } from '../components/FrameworkActions';
import { FrameworkMetaDrawer } from '../components/FrameworkMetaDrawer';
import { FrameworkStatusTag } from '../components/FrameworkStatusTag';
import { IndicatorsTab } from '../components/IndicatorsTab';
import { NegativeItemsTab } from '../components/NegativeItemsTab';
import { VersionsTab } from '../components/VersionsTab';
import { useFramework, useIndicatorTree } from '../queries';

/** One framework version: its meta, the actions its status allows, the tree, the negative list and the versions. */
export function FrameworkDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { can } = useAccess();
  const navigate = useNavigate();
  const location = useLocation();
  const imported = (location.state as { imported?: FrameworkImportResult } | null)?.imported;
  const framework = useFramework(id);
  const tree = useIndicatorTree(id);
  const [editingMeta, setEditingMeta] = useState(false);

  useRecordCrumb(framework.data?.name);
  if (framework.isError) return <ApiErrorAlert error={framework.error} onRetry={() => void framework.refetch()} />;
  if (!framework.data) return <Skeleton active />;
  const f = framework.data;
  const canManage = can('framework.manage');
  const isEditable = canManage && f.status === 'draft';
  const mismatches = f.status === 'draft' && tree.data ? checkPointSums(tree.data, f.totalPoints) : [];

  return (
    <Card
      key={f.id}
      title={
        <Flex gap={8} align="center" wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('framework.back')}
            onClick={() => navigate('/frameworks')}
          />
          <span>{f.name}</span>
          <FrameworkStatusTag status={f.status} />
          <Typography.Text type="secondary">{t('framework.versionN', { version: f.version })}</Typography.Text>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <FrameworkActions framework={f} canManage={canManage} onEditMeta={() => setEditingMeta(true)} />
        {imported?.id === f.id && (
          <Alert
            type="success"
            showIcon
            closable
            title={t('framework.imported', { version: imported.version, count: imported.indicatorCount })}
          />
        )}
        {f.status !== 'draft' && <Alert type="info" showIcon title={t('framework.readOnly')} />}
        {mismatches.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('framework.mismatchWarn', { count: mismatches.length })}
            description={<MismatchList nodes={mismatches} />}
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('framework.code')}>{f.code}</Descriptions.Item>
          <Descriptions.Item label={t('framework.totalPoints')}>{f.totalPoints ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('framework.complianceLine')}>
            {f.complianceLine === null ? '—' : `${Math.round(f.complianceLine * 1000) / 10}%`}
          </Descriptions.Item>
          <Descriptions.Item label={t('framework.indicatorCount')}>
            {f.indicatorCount}（{t('framework.leafCount')} {f.leafCount}）
          </Descriptions.Item>
          <Descriptions.Item label={t('framework.createdAt')}>{formatDateTime(f.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('framework.publishedAt')}>
            {formatDateTime(f.publishedAt) || '—'}
          </Descriptions.Item>
          {f.description && (
            <Descriptions.Item label={t('framework.description')} span={2}>
              {f.description}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Tabs
          items={[
            {
              key: 'tree',
              label: t('framework.tabTree'),
              children: <IndicatorsTab frameworkId={f.id} isEditable={isEditable} />,
            },
            {
              key: 'negatives',
              label: t('framework.tabNegatives'),
              children: <NegativeItemsTab frameworkId={f.id} isEditable={isEditable} />,
            },
            { key: 'versions', label: t('framework.tabVersions'), children: <VersionsTab framework={f} /> },
          ]}
        />
      </Flex>
      {isEditable && <FrameworkMetaDrawer open={editingMeta} framework={f} onClose={() => setEditingMeta(false)} />}
    </Card>
  );
}
