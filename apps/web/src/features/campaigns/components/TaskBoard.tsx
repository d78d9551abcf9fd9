import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { CampaignView, NamedRef, TaskCadence, TaskView } from '@wenming/contracts';
import { Button, Flex, Space, Typography } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { ImportDialog } from '../../imports/ImportDialog';
import { useTasks } from '../queries';
import { TaskDetailDrawer } from './TaskDetailDrawer';
import { taskFilterKeys, TaskFilters } from './TaskFilters';
import { TaskFormDrawer } from './TaskFormDrawer';
import { TaskStateTag } from './TaskStateTag';
import { UnitNoticesDrawer } from './UnitNoticesDrawer';

/** 任务清单 of a campaign: filters, the paged board, assigning tasks, each task's drawer and each unit's notices. */
export function TaskBoard({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(taskFilterKeys);
  const list = useTasks({ ...params.query, campaignId: campaign.id });
  // The open task lives in the URL (`?task=`), so a task's drawer can be linked to and survives a reload.
  const [search, setSearch] = useSearchParams();
  const openTaskId = search.get('task') ?? undefined;
  const taskLink = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('task', id);
    return `?${next}`;
  };
  const closeTask = () =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('task');
        return next;
      },
      { replace: true },
    );
  const [noticeUnit, setNoticeUnit] = useState<NamedRef>();
  const [creating, setCreating] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const canManage = can('campaign.manage');
  const unitLink = (u: NamedRef) => (
    <Button
      key={u.id}
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
      onClick={() => setNoticeUnit(u)}
    >
      {u.name}
    </Button>
  );

  return (
    <>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        placeholder={t('task.searchPlaceholder')}
        filters={<TaskFilters params={params} campaign={campaign} />}
        actions={
          canManage && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('task.create')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                {t('task.import')}
              </Button>
            </>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<TaskView>
        tableId="campaign-tasks"
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        scroll={{ x: 1530 }}
        columns={[
          {
            title: t('task.title'),
            dataIndex: 'title',
            fixed: 'left',
            width: 240,
            render: (title: string, task) => <Link to={taskLink(task.id)}>{title}</Link>,
          },
          {
            title: t('task.state'),
            dataIndex: 'state',
            width: 150,
            render: (_, task) => <TaskStateTag state={task.state} isOverdue={task.isOverdue} />,
          },
          {
            title: t('task.deadline'),
            dataIndex: 'deadline',
            width: 110,
            render: (d: string, task) => (
              <Typography.Text type={task.isOverdue ? 'danger' : undefined}>{d}</Typography.Text>
            ),
          },
          { title: t('task.leadUnit'), dataIndex: 'leadUnit', width: 190, render: unitLink },
          {
            title: t('task.coUnits'),
            dataIndex: 'coUnits',
            width: 190,
            render: (units: NamedRef[]) => (
              <Flex vertical align="start">
                {units.map(unitLink)}
              </Flex>
            ),
          },
          { title: t('task.action'), dataIndex: ['action', 'name'], width: 140 },
          {
            title: t('task.indicator'),
            dataIndex: 'indicator',
            width: 90,
            render: (i: TaskView['indicator']) => i?.code ?? '—',
          },
          {
            title: t('task.cadence'),
            dataIndex: 'cadence',
            width: 110,
            render: (c: TaskCadence) => t(`taskCadence.${c}`),
          },
          {
            title: t('task.lastReportedAt'),
            dataIndex: 'lastReportedAt',
            width: 180,
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            fixed: 'right',
            render: (_, task) => (
              <Space size={0}>
                <Link to={taskLink(task.id)}>{t('task.open')}</Link>
                {canManage && task.isOverdue && (
                  <Button type="link" size="small" danger onClick={() => setNoticeUnit(task.leadUnit)}>
                    {t('task.remind')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <TaskDetailDrawer taskId={openTaskId} onClose={closeTask} />
      <UnitNoticesDrawer unit={noticeUnit} campaignId={campaign.id} onClose={() => setNoticeUnit(undefined)} />
      {canManage && <TaskFormDrawer campaign={campaign} open={creating} onClose={() => setCreating(false)} />}
      {canManage && (
        <ImportDialog
          kind="tasks"
          path={`campaigns/${campaign.id}/tasks`}
          open={importOpen}
          onClose={() => setImportOpen(false)}
        />
      )}
    </>
  );
}
