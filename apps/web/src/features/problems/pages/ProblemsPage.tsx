import { DownloadOutlined } from '@ant-design/icons';
import { type ProblemView, problemStatuses } from '@wenming/contracts';
import { Button, Card, Checkbox, Select, Tooltip } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUrl } from '../../../api/client';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { RegionSelect, UnitSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { ProblemStatusTag } from '../components/ProblemStatusTag';
import { useProblemCategories, useProblems } from '../queries';

const filterKeys = ['status', 'unitId', 'regionCode', 'category', 'overdue'] as const;

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
          </>
        }
        actions={
          can('problem.export') && (
            <Tooltip title={unitId ? undefined : t('problem.exportHint')}>
              <Button
                icon={<DownloadOutlined />}
                disabled={!unitId}
                href={
                  unitId
                    ? apiUrl('problems/export.xlsx', { ...params.filterQuery, q: undefined, category: undefined })
                    : undefined
                }
              >
                {t('problem.exportUnit')}
              </Button>
            </Tooltip>
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
        scroll={{ x: 1200 }}
        columns={[
          {
            title: t('problem.number'),
            dataIndex: 'number',
            fixed: 'left',
            width: 170,
            render: (v: string, p) => <Link to={`/problems/${p.id}`}>{v}</Link>,
          },
          { title: t('problem.status'), key: 'status', width: 150, render: (_, p) => <ProblemStatusTag problem={p} /> },
          { title: t('problem.category'), dataIndex: ['category', 'name'], width: 110 },
          { title: t('problem.description'), dataIndex: 'description', ellipsis: true },
          { title: t('problem.unit'), dataIndex: ['assignedUnit', 'name'], width: 200 },
          { title: t('problem.region'), dataIndex: 'regionName', width: 160 },
          {
            title: t('problem.severity'),
            dataIndex: 'severity',
            width: 90,
            render: (v: string) => t(`problemSeverity.${v}`),
          },
          {
            title: t('problem.deadline'),
            dataIndex: 'deadlineAt',
            width: 180,
            render: (v: string | null) => formatDateTime(v),
          },
        ]}
      />
    </Card>
  );
}
