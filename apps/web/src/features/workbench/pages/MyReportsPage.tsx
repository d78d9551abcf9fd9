// 我的上报 (desktop, residents): the problems I reported and how far their rectification has come.
import type { ProblemView } from '@wenming/contracts';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { type DataColumn, DataTable } from '../../../components/DataTable';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination, usePagedQuery } from '../../../components/use-paged-query';
import { ProblemStatusTag } from '../../problems/components/ProblemStatusTag';

export function MyReportsPage() {
  const { t } = useTranslation();
  const params = useListParams();
  const list = usePagedQuery<ProblemView>('my-reports', 'problems', {
    mine: 'true',
    page: params.page,
    pageSize: params.pageSize,
  });
  const columns: DataColumn<ProblemView>[] = [
    {
      key: 'number',
      title: t('problem.number'),
      dataIndex: 'number',
      width: 170,
      alwaysShown: true,
      render: (v: string, p) => <Link to={`/problems/${p.id}`}>{v}</Link>,
    },
    { key: 'description', title: t('problem.description'), dataIndex: 'description', longText: true },
    { key: 'category', title: t('problem.category'), dataIndex: ['category', 'name'], width: 120, minScreen: 'lg' },
    {
      key: 'createdAt',
      title: t('my.reportedAt'),
      dataIndex: 'createdAt',
      width: 190,
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'status',
      title: t('problem.status'),
      width: 150,
      fixed: 'right',
      alwaysShown: true,
      render: (_, p) => <ProblemStatusTag problem={p} />,
    },
  ];
  return (
    <Card
      title={t('menu.myReports')}
      extra={
        <a href="/m/report">
          <Button type="primary">{t('wb.phoneReport')}</Button>
        </a>
      }
    >
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<ProblemView>
        tableId="my-reports"
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
