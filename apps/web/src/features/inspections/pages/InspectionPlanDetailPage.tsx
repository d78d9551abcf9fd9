import { ArrowLeftOutlined } from '@ant-design/icons';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import type { InspectionPlanPointView, InspectionPlanView } from '@wenming/contracts';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Space, Spin, Table, Tag } from 'antd';
import { useAccess } from '../../../app/access';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatScore, PlanKindTag, planPeriod } from '../components/PlanKindTag';
import { PlanSampleCard } from '../components/PlanSampleCard';
import { PlanTeamsCard } from '../components/PlanTeamsCard';
import { PublishPlanButton } from '../components/PublishPlanButton';
import { usePlan, usePlanPoints, usePlanProgress } from '../queries';

const PlanProgressChart = lazy(() => import('../components/PlanProgressChart'));

function SampleText({ plan }: { plan: InspectionPlanView }) {
  const { t } = useTranslation();
  const s = plan.sample;
  if (!s) return <>—</>;
  const types = s.pointTypes.map((p) => t(`pointType.${p}`)).join('、');
  return (
    <>
      {t(`sampleMode.${s.mode}`)}
      {s.perType ? `，${t('plan.perType', { count: s.perType })}` : ''}
      {types ? `（${types}）` : ''}
    </>
  );
}

/**
 * One plan: kind, period and sample, its teams with members, progress per team, and its points. Planners set a
 * draft up here: draw the sample, make teams, split the points among them, and publish.
 */
export function InspectionPlanDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const plan = usePlan(id);
  const progress = usePlanProgress(id);
  const [page, setPage] = useState(1);
  const points = usePlanPoints(id, { page, pageSize: 20 });
  const p = plan.data;
  const canPlan = useAccess().can('inspection.plan');
  useRecordCrumb(p?.name);

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/inspection-plans')} />
            {p?.name ?? t('plan.title')}
          </Space>
        }
        extra={p && canPlan && p.status === 'draft' && <PublishPlanButton plan={p} />}
      >
        <ApiErrorAlert error={plan.error} />
        {!p && !plan.error && <Skeleton active />}
        {p && (
          <>
            {canPlan && p.status === 'draft' && (
              <Alert type="info" showIcon title={t('planSetup.draftHint')} style={{ marginBottom: 12 }} />
            )}
            {p.kind === 'unannounced' && (
              <Alert type="warning" showIcon title={t('plan.unannouncedHint')} style={{ marginBottom: 12 }} />
            )}
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label={t('plan.kind')}>
                <PlanKindTag kind={p.kind} />
              </Descriptions.Item>
              <Descriptions.Item label={t('plan.status')}>{t(`planStatus.${p.status}`)}</Descriptions.Item>
              <Descriptions.Item label={t('plan.period')}>{planPeriod(p)}</Descriptions.Item>
              <Descriptions.Item label={t('plan.framework')}>{p.frameworkName}</Descriptions.Item>
              <Descriptions.Item label={t('plan.region')}>{p.regionName ?? p.regionCode}</Descriptions.Item>
              <Descriptions.Item label={t('plan.progress')}>{`${p.doneCount}/${p.pointCount}`}</Descriptions.Item>
              <Descriptions.Item label={t('plan.sample')} span={3}>
                <SampleText plan={p} />
              </Descriptions.Item>
              {p.note && (
                <Descriptions.Item label={t('plan.note')} span={3}>
                  {p.note}
                </Descriptions.Item>
              )}
            </Descriptions>
          </>
        )}
      </Card>
      {p && <PlanSampleCard plan={p} progress={progress.data} canEdit={canPlan} />}
      {p && <PlanTeamsCard plan={p} progress={progress.data} canEdit={canPlan} />}
      <Card title={t('plan.progressChart')} size="small">
        <ApiErrorAlert error={progress.error} />
        <Suspense fallback={<Spin />}>{progress.data && <PlanProgressChart progress={progress.data} />}</Suspense>
      </Card>
      <Card title={t('plan.points')} size="small">
        <Table<InspectionPlanPointView>
          rowKey="pointId"
          size="small"
          loading={points.isFetching}
          dataSource={points.data?.items}
          pagination={{ current: page, pageSize: 20, total: points.data?.total ?? 0, onChange: setPage }}
          columns={[
            { title: t('point.name'), dataIndex: 'name' },
            { title: t('point.type'), dataIndex: 'pointType', render: (v: string) => t(`pointType.${v}`) },
            { title: t('point.region'), dataIndex: 'regionName' },
            { title: t('plan.teams'), dataIndex: 'teamName' },
            {
              title: t('plan.progress'),
              dataIndex: 'done',
              render: (done: boolean) =>
                done ? <Tag color="green">{t('plan.done')}</Tag> : <Tag>{t('plan.notDone')}</Tag>,
            },
            {
              title: t('inspection.score'),
              dataIndex: 'score',
              render: (v: number | null, r) =>
                r.inspectionId ? (
                  <Link to={`/inspections?pointId=${r.pointId}&planId=${id}`}>{formatScore(v)}</Link>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
