import type { InspectionListItem } from '@wenming/contracts';
import { Card, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListToolbar } from '../../../components/ListToolbar';
import { RegionSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { formatScore } from '../components/PlanKindTag';
import { useInspections } from '../queries';

/**
 * 测评记录: submitted inspections with their score (得分率) beside the net points it is made of (after the negative
 * list), findings and the server's receive time; a row opens the record with every finding.
 */
export function InspectionsPage() {
  const { t } = useTranslation();
  const params = useListParams(['planId', 'pointId', 'regionCode'] as const);
  const { q: _q, ...query } = params.query;
  const list = useInspections(query);
  const navigate = useNavigate();
  return (
    <Card title={t('inspection.title')}>
      <ListToolbar
        filters={
          <RegionSelect
            aria-label={t('common.filterRegion')}
            placeholder={t('common.filterRegion')}
            allowClear
            value={params.filters.regionCode}
            onChange={(v) => params.setFilter('regionCode', v)}
            style={{ width: 220 }}
          />
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<InspectionListItem>
        tableId="inspections"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ onClick: () => navigate(`/inspections/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('inspection.point'),
            dataIndex: 'pointName',
            render: (v: string | null, r) => (
              <Link to={`/inspections/${r.id}`} onClick={(e) => e.stopPropagation()}>
                {v}
              </Link>
            ),
          },
          { title: t('point.type'), dataIndex: 'pointType', render: (v: string) => t(`pointType.${v}`) },
          { title: t('inspection.inspector'), dataIndex: 'inspectorName' },
          {
            title: t('inspection.score'),
            dataIndex: 'score',
            render: (v: number | null, r) => (
              <>
                {formatScore(v)} {r.vetoed && <Tag color="red">{t('inspection.vetoed')}</Tag>}
              </>
            ),
          },
          {
            // Net of the negative list, so that it matches the 得分率 beside it (28 − 10 = 18 of 28 = 64.3%).
            title: t('inspection.earned'),
            key: 'earned',
            render: (_, r) => (
              <>
                {Math.round((r.earned - r.negativeDeduction) * 100) / 100} / {r.applicable}
                {r.negativeDeduction > 0 && (
                  <Tag color="orange" style={{ marginLeft: 6 }}>
                    {t('inspection.negativeShort', { points: r.negativeDeduction })}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('inspection.findings'), dataIndex: 'findingCount' },
          { title: t('inspection.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
          { title: t('inspection.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}
