import { type ProblemView, problemStatuses } from '@wenming/contracts';
import { Card, Checkbox, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../../app/access';
import { type DataColumn, DataTable } from '../../../components/DataTable';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { RegionSelect, UnitSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { ProblemExportButton } from '../components/ProblemExportButton';
import { ProblemStatusTag } from '../components/ProblemStatusTag';
import { useProblemCategories, useProblems } from '../queries';

const filterKeys = ['status', 'unitId', 'regionCode', 'category', 'overdue', 'open', 'mine'] as const;

/** A deadline as a clerk reads it: Shanghai date and minute. */
function formatDeadline(v: string | null): string {
  if (!v) return '—';
  return new Date(new Date(v).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 问题清单: filtered by state, unit, region (with its subtree), category and overdue; export per unit. */
export function ProblemsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(filterKeys);
  const list = useProblems(params.query);
  const categories = useProblemCategories();
  const statusOptions = useEnumOptions('problemStatus', problemStatuses);
  const unitId = params.filters.unitId;
  const total = list.data?.total;
  const exportFilters = { ...params.filterQuery, mine: params.filters.mine, open: params.filters.open };
  const columns: DataColumn<ProblemView>[] = [
    {
      title: t('problem.number'),
      dataIndex: 'number',
      fixed: 'left',
      width: 170,
      alwaysShown: true,
      render: (v: string, p) => <Link to={`/problems/${p.id}`}>{v}</Link>,
    },
    { title: t('problem.description'), dataIndex: 'description', longText: true, width: 320 },
    { title: t('problem.category'), dataIndex: ['category', 'name'], width: 110, minScreen: 'xxl' },
    { title: t('problem.unit'), dataIndex: ['assignedUnit', 'name'], width: 180, longText: true, minScreen: 'xl' },
    { title: t('problem.region'), dataIndex: 'regionName', width: 140, minScreen: 'xxl' },
    {
      title: t('problem.severity'),
      dataIndex: 'severity',
      width: 90,
      minScreen: 'xxl',
      render: (v: string) => t(`problemSeverity.${v}`),
    },
    {
      title: t('problem.source'),
      dataIndex: 'source',
      width: 110,
      hiddenByDefault: true,
      render: (v: string) => t(`problemSource.${v}`),
    },
    {
      title: t('problem.deadline'),
      dataIndex: 'deadlineAt',
      width: 150,
      fixed: 'right',
      alwaysShown: true,
      render: (v: string | null, p) => (
        <Typography.Text type={p.isOverdue ? 'danger' : undefined}>{formatDeadline(v)}</Typography.Text>
      ),
    },
    {
      title: t('problem.status'),
      key: 'status',
      width: 150,
      fixed: 'right',
      alwaysShown: true,
      render: (_, p) => <ProblemStatusTag problem={p} />,
    },
  ];

  return (
    <Card title={t('problem.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <>
            <Select
              aria-label={t('problem.filterStatus')}
              placeholder={t('problem.status')}
              allowClear
              value={params.filters.status}
              onChange={(v) => params.setFilter('status', v)}
              options={statusOptions}
              style={{ width: 140 }}
            />
            <UnitSelect
              aria-label={t('problem.filterUnit')}
              placeholder={t('problem.unit')}
              allowClear
              value={unitId}
              onChange={(v) => params.setFilter('unitId', v)}
              style={{ width: 220 }}
            />
            <RegionSelect
              aria-label={t('common.filterRegion')}
              placeholder={t('common.filterRegion')}
              allowClear
              value={params.filters.regionCode}
              onChange={(v) => params.setFilter('regionCode', v)}
              style={{ width: 220 }}
            />
            <Select
              aria-label={t('problem.filterCategory')}
              placeholder={t('problem.category')}
              allowClear
              value={params.filters.category}
              onChange={(v) => params.setFilter('category', v)}
              options={(categories.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
              style={{ width: 160 }}
            />
            <Checkbox
              checked={params.filters.overdue === 'true'}
              onChange={(e) => params.setFilter('overdue', e.target.checked ? 'true' : undefined)}
            >
              {t('problem.onlyOverdue')}
            </Checkbox>
            <Checkbox
              checked={params.filters.open === 'true'}
              onChange={(e) => params.setFilter('open', e.target.checked ? 'true' : undefined)}
            >
              {t('problem.onlyOpen')}
            </Checkbox>
            {params.filters.mine === 'true' && (
              <Checkbox checked onChange={() => params.setFilter('mine', undefined)}>
                {t('problem.onlyMine')}
              </Checkbox>
            )}
          </>
        }
        actions={
          can('problem.export') && (
            <ProblemExportButton filters={exportFilters} total={total} exact={list.data?.totalExact !== false} />
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<ProblemView>
        tableId="problems"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, total, (n) =>
          list.data?.totalExact === false ? t('problem.countMore', { total: n }) : t('problem.count', { total: n }),
        )}
        columns={columns}
      />
    </Card>
  );
}
