import { EditOutlined } from '@ant-design/icons';
import type { ProjectDetailView } from '@wenming/contracts';
import { Button, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { FullPageSpin } from '../../../app/RequireAuth';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { useProject } from '../queries';

type Activity = ProjectDetailView['activities'][number];

/** One project: who runs it, where, and its activities. */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useAccess();
  const detail = useProject(id);
  const [editing, setEditing] = useState(false);
  // A new drawer (and form) each time it opens, with the record as it is now.
  const [opened, setOpened] = useState(0);
  const p = detail.data;
  useRecordCrumb(p?.name);
  if (detail.isPending && !detail.error) return <FullPageSpin />;
  if (!p) return <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {p.name}
            {p.isBrand && <Tag color="red">{t('proj.brand')}</Tag>}
          </Space>
        }
        extra={
          can('activity.manage') && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => {
                setOpened((n) => n + 1);
                setEditing(true);
              }}
            >
              {t('proj.edit')}
            </Button>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('proj.site')}>{p.siteName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('proj.team')}>{p.teamName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('proj.region')}>{p.regionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('proj.activityCount')}>
            <span data-testid="proj-activity-count">{p.activityCount}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('proj.createdAt')}>{formatDateTime(p.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('proj.updatedAt')}>{formatDateTime(p.updatedAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('proj.description')} span={3}>
            {p.description ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('proj.activities')} size="small">
        {p.activities.length === 0 ? (
          <Empty description={t('proj.noActivities')} />
        ) : (
          <Table<Activity>
            size="small"
            rowKey="id"
            dataSource={p.activities}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              {
                title: t('proj.activity'),
                dataIndex: 'title',
                render: (v: string, a) => <Link to={`/activities/${a.id}`}>{v}</Link>,
              },
              { title: t('proj.type'), dataIndex: 'type', width: 120, render: (v: string) => t(`actType.${v}`) },
              {
                title: t('proj.time'),
                key: 'time',
                width: 300,
                render: (_, a) => `${formatDateTime(a.startsAt)} — ${formatDateTime(a.endsAt)}`,
              },
              { title: t('proj.signedUp'), dataIndex: 'signedUpCount', width: 90, align: 'right' },
              {
                title: t('proj.status'),
                dataIndex: 'status',
                width: 90,
                render: (v: string) => <Tag>{t(`actStatus.${v}`)}</Tag>,
              },
            ]}
          />
        )}
      </Card>
      <ProjectFormDrawer
        key={opened}
        open={editing}
        editing={p}
        onClose={() => setEditing(false)}
        onReload={async () => (await detail.refetch()).data ?? {}}
      />
    </Space>
  );
}
