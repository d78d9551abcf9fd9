import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { Button, Card, Descriptions, Flex, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useFramework } from '../../frameworks/queries';
import { CampaignFormDrawer } from '../components/CampaignFormDrawer';
import { ProgressTab } from '../components/ProgressTab';
import { TaskBoard } from '../components/TaskBoard';
import { useCampaign } from '../queries';

/** One campaign: its plan and action lines, the task board, and the progress views. */
export function CampaignDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const campaign = useCampaign(id);
  const framework = useFramework(campaign.data?.frameworkId ?? undefined);
  const [editing, setEditing] = useState(false);
  const tab = search.get('tab') ?? 'tasks';

  useRecordCrumb(campaign.data?.name);
  if (campaign.isError) return <ApiErrorAlert error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <Skeleton active />;
  const c = campaign.data;
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('campaign.back')}
            onClick={() => navigate('/campaigns')}
          />
          <span>{c.name}</span>
          <Tag>{t(`campaignKind.${c.kind}`)}</Tag>
        </Flex>
      }
      extra={
        can('campaign.manage') && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('campaign.period')}>
          {c.startDate} ～ {c.endDate}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.framework')}>
          {framework.data ? (
            <Link to={`/frameworks/${framework.data.id}`}>
              {framework.data.name}（{t('framework.versionN', { version: framework.data.version })}）
            </Link>
          ) : (
            t('campaign.noFramework')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.taskCount')}>{c.taskCount}</Descriptions.Item>
        <Descriptions.Item label={t('campaign.actions')} span={3}>
          <Space size={[0, 4]} wrap>
            {c.actions.map((a) => (
              <Tag key={a.id} color="volcano">
                {a.name}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        {c.description && (
          <Descriptions.Item label={t('campaign.description')} span={3}>
            {c.description}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setSearch(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        items={[
          { key: 'tasks', label: t('campaign.tabTasks'), children: <TaskBoard campaign={c} /> },
          { key: 'progress', label: t('campaign.tabProgress'), children: <ProgressTab campaignId={c.id} /> },
        ]}
      />
      <CampaignFormDrawer open={editing} campaign={c} onClose={() => setEditing(false)} />
    </Card>
  );
}
