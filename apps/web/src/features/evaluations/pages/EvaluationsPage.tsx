import { PlusOutlined } from '@ant-design/icons';
import { type EvaluationView, evaluationStates } from '@wenming/contracts';
import { Button, Card, Select } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { FrameworkSelect } from '../../frameworks/components/FrameworkSelect';
import { EvaluationFormDrawer } from '../components/EvaluationFormDrawer';
import { EvaluationStateTag } from '../components/EvaluationStateTag';
import { PeriodFilter } from '../components/PeriodFilter';
import { useEvaluations } from '../queries';

const filterKeys = ['state', 'frameworkId', 'period'] as const;

/** 考评排名: every evaluation (each version), filtered by period, framework and state; 新建考评 for managers. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const navigate = useNavigate();
  const params = useListParams(filterKeys);
  const list = useEvaluations({
    ...params.query,
    period: params.filters.period,
    page: params.page,
    pageSize: params.pageSize,
  });
  const stateOptions = useEnumOptions('evaluationState', evaluationStates);
  const [creating, setCreating] = useState(false);

  return (
    <Card title={t('evaluation.title')}>
      <ListToolbar
        filters={
          <>
            <PeriodFilter value={params.filters.period} onChange={(v) => params.setFilter('period', v)} />
            <FrameworkSelect
              aria-label={t('evaluation.filterFramework')}
              placeholder={t('evaluation.framework')}
              allowClear
              value={params.filters.frameworkId}
              onChange={(v) => params.setFilter('frameworkId', v)}
              style={{ width: 260 }}
            />
            <Select
              aria-label={t('evaluation.filterState')}
              placeholder={t('evaluation.state')}
              allowClear
              value={params.filters.state}
              onChange={(v) => params.setFilter('state', v)}
              options={stateOptions}
              style={{ width: 130 }}
            />
          </>
        }
        actions={
          can('evaluation.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('evaluation.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<EvaluationView>
        tableId="evaluations"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (n) => t('evaluation.count', { total: n }))}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('evaluation.name'),
            dataIndex: 'name',
            render: (v: string, e) => <Link to={`/evaluations/${e.id}`}>{v}</Link>,
          },
          { title: t('evaluation.period'), dataIndex: ['period', 'label'], width: 140 },
          {
            title: t('evaluation.framework'),
            key: 'framework',
            width: 220,
            ellipsis: true,
            render: (_, e) => `${e.framework.name}（${t('framework.versionN', { version: e.framework.version })}）`,
          },
          {
            title: t('evaluation.subjectLevel'),
            key: 'subject',
            width: 130,
            render: (_, e) => subjectLabel(t, e),
          },
          {
            title: t('evaluation.version'),
            dataIndex: 'version',
            width: 90,
            render: (v: number) => t('evaluation.versionN', { version: v }),
          },
          {
            title: t('evaluation.state'),
            dataIndex: 'state',
            width: 110,
            render: (_, e) => <EvaluationStateTag state={e.state} />,
          },
          {
            title: t('evaluation.computedAt'),
            dataIndex: 'computedAt',
            width: 190,
            render: (v: string | null) => formatDateTime(v) || '—',
          },
        ]}
        onRow={(e) => ({ onDoubleClick: () => navigate(`/evaluations/${e.id}`) })}
      />
      <EvaluationFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/evaluations/${id}`)}
      />
    </Card>
  );
}

/** `村社区` for region subjects at that level, else `单位` / `点位`. */
export function subjectLabel(t: (k: string) => string, e: Pick<EvaluationView, 'subjectKind' | 'subjectLevel'>) {
  if (e.subjectKind === 'region' && e.subjectLevel) return t(`regionLevel.${e.subjectLevel}`);
  return t(`evaluationSubjectKind.${e.subjectKind}`);
}
