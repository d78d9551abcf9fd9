import { Button, Card, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useRegion } from '../queries';
import { type RegionActionKind, RegionActionModal } from './RegionActionModal';
import { RegionHistory } from './RegionHistory';

/** Details, history and (with region.manage) the edit actions of the selected region. */
export function RegionDetailPanel({ code, onChanged }: { code?: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useAccess();
  const region = useRegion(code);
  const [action, setAction] = useState<RegionActionKind | null>(null);

  if (!code) return <Card title={t('region.detail')}>{<Empty description={t('region.pickOne')} />}</Card>;
  if (region.isError) return <ApiErrorAlert error={region.error} onRetry={() => void region.refetch()} />;
  if (!region.data) return <Skeleton active />;
  const r = region.data;
  const canEdit = can('region.manage') && r.status === 'active';
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <span>{r.name}</span>
          <Tag color={r.status === 'active' ? 'green' : 'default'}>{t(`regionStatus.${r.status}`)}</Tag>
        </Flex>
      }
      extra={
        canEdit && (
          <Flex gap={8} wrap>
            <Button onClick={() => setAction('create')}>{t('region.addChild')}</Button>
            <Button onClick={() => setAction('rename')}>{t('region.rename')}</Button>
            <Button danger onClick={() => setAction('merge')}>
              {t('region.merge')}
            </Button>
            <Button danger onClick={() => setAction('retire')}>
              {t('region.retire')}
            </Button>
          </Flex>
        )
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={t('region.code')}>{r.code}</Descriptions.Item>
        <Descriptions.Item label={t('region.name')}>{r.name}</Descriptions.Item>
        <Descriptions.Item label={t('region.level')}>{t(`regionLevel.${r.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('region.parent')}>{r.parentCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('region.path')} span={2}>
          <Typography.Text code>{r.path}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('region.history')}
      </Typography.Title>
      <RegionHistory history={r.history} />
      <RegionActionModal kind={action} region={r} onClose={() => setAction(null)} onDone={onChanged} />
    </Card>
  );
}
