// 任务清单 across campaigns: what the unit still has to report on, what the office has to review, with deadlines.
import { type TaskView, taskStates } from '@wenming/contracts';
import { Card, Checkbox, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { type DataColumn, DataTable } from '../../../components/DataTable';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { TaskDetailDrawer } from '../components/TaskDetailDrawer';
import { TaskStateTag } from '../components/TaskStateTag';
import { useTasks } from '../queries';

const filterKeys = ['state', 'open', 'overdue'] as const;

/** Tasks of every campaign in the caller's scope; `?task=` opens one in the drawer. */
export function TasksPage() {
  const { t } = useTranslation();
  const params = useListParams(filterKeys);
  const list = useTasks(params.query);
  const states = useEnumOptions('taskState', taskStates);
  const [search, setSearch] = useSearchParams();
  const open = (id?: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('task', id);
        else next.delete('task');
        return next;
      },
      { replace: !id },
    );
  const columns: DataColumn<TaskView>[] = [
    {
      key: 'title',
      title: t('task.title'),
      dataIndex: 'title',
      alwaysShown: true,
      longText: true,
      render: (title: string, task) => <Link to={`?${withTask(search, task.id)}`}>{title}</Link>,
    },
    { key: 'campaign', title: t('tasks.campaign'), dataIndex: 'campaignName', width: 200, minScreen: 'xl' },
    { key: 'leadUnit', title: t('task.leadUnit'), dataIndex: ['leadUnit', 'name'], width: 180, minScreen: 'lg' },
    {
      key: 'lastReportedAt',
      title: t('task.lastReportedAt'),
      dataIndex: 'lastReportedAt',
      width: 180,
      minScreen: 'xxl',
      render: (v: string | null) => formatDateTime(v),
    },
    {
      key: 'deadline',
      title: t('task.deadline'),
      dataIndex: 'deadline',
      width: 110,
      fixed: 'right',
      alwaysShown: true,
      render: (d: string, task) => <Typography.Text type={task.isOverdue ? 'danger' : undefined}>{d}</Typography.Text>,
    },
    {
      key: 'state',
      title: t('task.state'),
      dataIndex: 'state',
      width: 130,
      fixed: 'right',
      alwaysShown: true,
      render: (_, task) => <TaskStateTag state={task.state} isOverdue={task.isOverdue} />,
    },
  ];
  return (
    <Card title={t('menu.tasks')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        placeholder={t('task.searchPlaceholder')}
        filters={
          <>
            <Select
              aria-label={t('task.state')}
              placeholder={t('task.state')}
              allowClear
              value={params.filters.state}
              onChange={(v) => params.setFilter('state', v)}
              options={states}
              style={{ width: 140 }}
            />
            <Checkbox
              checked={params.filters.open === 'true'}
              onChange={(e) => params.setFilter('open', e.target.checked ? 'true' : undefined)}
            >
              {t('tasks.onlyOpen')}
            </Checkbox>
            <Checkbox
              checked={params.filters.overdue === 'true'}
              onChange={(e) => params.setFilter('overdue', e.target.checked ? 'true' : undefined)}
            >
              {t('tasks.onlyOverdue')}
            </Checkbox>
          </>
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<TaskView>
        tableId="tasks"
        rowKey="id"
        columns={columns}
        onRefresh={() => void list.refetch()}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
      />
      <TaskDetailDrawer taskId={search.get('task') ?? undefined} onClose={() => open(undefined)} />
    </Card>
  );
}

function withTask(search: URLSearchParams, id: string) {
  const next = new URLSearchParams(search);
  next.set('task', id);
  return next.toString();
}
