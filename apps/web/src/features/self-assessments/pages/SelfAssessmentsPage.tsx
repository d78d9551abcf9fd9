import { PlusOutlined } from '@ant-design/icons';
import { type SelfAssessmentView, selfAssessmentStatuses } from '@wenming/contracts';
import { Button, Card, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { type DataColumn, DataTable } from '../../../components/DataTable';
import { useEnumOptions } from '../../../components/enum-options';
import { FormModal } from '../../../components/FormModal';
import { ListToolbar } from '../../../components/ListToolbar';
import { UnitSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { FrameworkSelect } from '../components/FrameworkSelect';
import { SelfAssessmentStatusTag } from '../components/SelfAssessmentStatusTag';
import { useCreateSelfAssessment, useSelfAssessments } from '../queries';

const filterKeys = ['unitId', 'frameworkId', 'status'] as const;

/** 自查自评: the self-assessments in the user's scope (a liaison sees their unit's), filtered by unit, framework, state. */
export function SelfAssessmentsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const navigate = useNavigate();
  const params = useListParams(filterKeys);
  const list = useSelfAssessments(params.query);
  const statusOptions = useEnumOptions('selfAssessmentStatus', selfAssessmentStatuses);
  const [creating, setCreating] = useState(false);
  const create = useCreateSelfAssessment();
  const total = list.data?.total;
  const columns: DataColumn<SelfAssessmentView>[] = [
    {
      title: t('sa.name'),
      dataIndex: 'title',
      width: 240,
      fixed: 'left',
      alwaysShown: true,
      longText: true,
      render: (v: string, a) => <Link to={`/self-assessments/${a.id}`}>{v}</Link>,
    },
    { title: t('sa.unit'), dataIndex: ['unit', 'name'], width: 220, longText: true },
    {
      title: t('sa.framework'),
      key: 'framework',
      width: 240,
      longText: true,
      minScreen: 'xxl',
      render: (_, a) => `${a.framework.name}（v${a.framework.version}）`,
    },
    { title: t('sa.selfTotal'), dataIndex: 'selfTotal', width: 100, align: 'right' },
    {
      title: t('sa.officeTotal'),
      dataIndex: 'officeTotal',
      width: 100,
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('sa.submittedAt'),
      dataIndex: 'submittedAt',
      width: 190,
      minScreen: 'xl',
      render: (v: string | null) => formatDateTime(v) || '—',
    },
    {
      title: t('sa.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      hiddenByDefault: true,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('sa.status'),
      dataIndex: 'status',
      width: 100,
      fixed: 'right',
      alwaysShown: true,
      render: (v: SelfAssessmentView['status']) => <SelfAssessmentStatusTag status={v} />,
    },
  ];

  return (
    <Card title={t('sa.title')}>
      <ListToolbar
        filters={
          <>
            <UnitSelect
              aria-label={t('sa.filterUnit')}
              placeholder={t('sa.unit')}
              allowClear
              value={params.filters.unitId}
              onChange={(v) => params.setFilter('unitId', v)}
              style={{ width: 240 }}
            />
            <FrameworkSelect
              aria-label={t('sa.filterFramework')}
              placeholder={t('sa.framework')}
              allowClear
              value={params.filters.frameworkId}
              onChange={(v) => params.setFilter('frameworkId', v)}
              style={{ width: 260 }}
            />
            <Select
              aria-label={t('sa.filterStatus')}
              placeholder={t('sa.status')}
              allowClear
              value={params.filters.status}
              onChange={(v) => params.setFilter('status', v)}
              options={statusOptions}
              style={{ width: 130 }}
            />
          </>
        }
        actions={
          can('selfassessment.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('sa.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<SelfAssessmentView>
        tableId="self-assessments"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, total, (n) => t('sa.count', { total: n }))}
        columns={columns}
      />
      <FormModal<{ unitId: string; frameworkId: string }>
        open={creating}
        title={t('sa.create')}
        name="sa-create"
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          const a = await create.mutateAsync(v);
          navigate(`/self-assessments/${a.id}`);
        }}
        successMessage={t('sa.created')}
      >
        <Form.Item name="unitId" label={t('sa.unit')} rules={[{ required: true }]}>
          <UnitSelect aria-label={t('sa.unit')} />
        </Form.Item>
        <Form.Item name="frameworkId" label={t('sa.framework')} rules={[{ required: true }]}>
          <FrameworkSelect published aria-label={t('sa.framework')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
