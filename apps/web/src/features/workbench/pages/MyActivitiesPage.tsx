// 我的活动 (desktop, volunteers): the activities I signed up for, and those open for sign-up.
import { useQueryClient } from '@tanstack/react-query';
import type { ActivityView } from '@wenming/contracts';
import { Button, Card, Segmented, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { type DataColumn, DataTable } from '../../../components/DataTable';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination, usePagedQuery } from '../../../components/use-paged-query';
import { useSignup } from '../../volunteering/queries';

function SignupButton({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const signup = useSignup(activity.id);
  const queryClient = useQueryClient();
  if (activity.mySignup && activity.mySignup.status !== 'cancelled')
    return <Tag color="green">{t(`signupStatus.${activity.mySignup.status}`)}</Tag>;
  return (
    <Button
      size="small"
      type="primary"
      loading={signup.isPending}
      onClick={() =>
        signup.mutate(false, { onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-activities'] }) })
      }
    >
      {t('my.signUp')}
    </Button>
  );
}

export function MyActivitiesPage() {
  const { t } = useTranslation();
  const params = useListParams(['view'] as const);
  const mine = params.filters.view !== 'open';
  const query = { page: params.page, pageSize: params.pageSize, ...(mine ? { mine: 'true' } : { when: 'upcoming' }) };
  const list = usePagedQuery<ActivityView>('my-activities', 'activities', query);
  const columns: DataColumn<ActivityView>[] = [
    { key: 'title', title: t('my.activity'), dataIndex: 'title', alwaysShown: true, longText: true },
    { key: 'type', title: t('my.type'), dataIndex: 'type', width: 120, render: (v: string) => t(`actType.${v}`) },
    { key: 'place', title: t('my.place'), dataIndex: 'place', width: 220, minScreen: 'xl', longText: true },
    {
      key: 'startsAt',
      title: t('my.startsAt'),
      dataIndex: 'startsAt',
      width: 190,
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'signup',
      title: t('my.signup'),
      width: 120,
      fixed: 'right',
      alwaysShown: true,
      render: (_, a) => <SignupButton activity={a} />,
    },
  ];
  return (
    <Card
      title={t('menu.myActivities')}
      extra={
        <Segmented
          value={mine ? 'mine' : 'open'}
          onChange={(v) => params.setFilter('view', v === 'open' ? 'open' : undefined)}
          options={[
            { value: 'mine', label: t('my.signedUp') },
            { value: 'open', label: t('my.openForSignup') },
          ]}
        />
      }
    >
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<ActivityView>
        tableId="my-activities"
        rowKey="id"
        columns={columns}
        onRefresh={() => void list.refetch()}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
      />
    </Card>
  );
}
