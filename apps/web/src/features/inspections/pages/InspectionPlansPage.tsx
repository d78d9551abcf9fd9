import { type InspectionPlanView, inspectionPlanKinds, inspectionPlanStatuses } from '@wenming/contracts';
import { Button, Card, Progress, Select, Tag } from 'antd';
import { useState } from 'react';
import { useAccess } from '../../../app/access';
import { PlanFormModal } from '../components/PlanFormModal';
import { DataTable } from '../../../components/DataTable';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { PlanKindTag, planPeriod } from '../components/PlanKindTag';
import { usePlans } from '../queries';

/** 测评计划: plans by state and kind (暗访 included), with their progress. */
export function InspectionPlansPage() {
  const { t } = useTranslation();
  const params = useListParams(['status', 'kind'] as const);
  const list = usePlans(params.query);
  const kindOptions = useEnumOptions('planKind', inspectionPlanKinds);
  const statusOptions = useEnumOptions('planStatus', inspectionPlanStatuses);
  const canPlan = useAccess().can('inspection.plan');
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t('plan.title')}
      extra={
        canPlan && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('planSetup.create')}
          </Button>
        )
      }
    >
      <PlanFormModal open={creating} onClose={() => setCreating(false)} />
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <>
            <Select
              aria-label={t('plan.kind')}
              placeholder={t('plan.kind')}
              allowClear
              value={params.filters.kind}
              onChange={(v) => params.setFilter('kind', v)}
              options={kindOptions}
              style={{ width: 140 }}
            />
            <Select
              aria-label={t('plan.status')}
              placeholder={t('plan.status')}
              allowClear
              value={params.filters.status}
              onChange={(v) => params.setFilter('status', v)}
              options={statusOptions}
              style={{ width: 120 }}
            />
          </>
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<InspectionPlanView>
        tableId="inspection-plans"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        columns={[
          {
            title: t('plan.name'),
            dataIndex: 'name',
            render: (v: string, p) => <Link to={`/inspection-plans/${p.id}`}>{v}</Link>,
          },
          { title: t('plan.kind'), dataIndex: 'kind', render: (v) => <PlanKindTag kind={v} /> },
          { title: t('plan.period'), key: 'period', render: (_, p) => planPeriod(p) },
          { title: t('plan.framework'), dataIndex: 'frameworkName' },
          { title: t('plan.status'), dataIndex: 'status', render: (v: string) => <Tag>{t(`planStatus.${v}`)}</Tag> },
          {
            title: t('plan.progress'),
            key: 'progress',
            width: 200,
            render: (_, p) => (
              <Progress
                percent={p.pointCount ? Math.round((p.doneCount / p.pointCount) * 100) : 0}
                format={() => `${p.doneCount}/${p.pointCount}`}
                size="small"
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
