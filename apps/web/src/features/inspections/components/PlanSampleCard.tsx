// 抽取点位: run the sampler (all of some types, or a seeded random number per type) while the plan is a draft,
// and show the sample per region with its counts.
import type { InspectionPlanProgress, InspectionPlanView, PlanSampleBody } from '@wenming/contracts';
import { pointTypes } from '@wenming/contracts';
import { App, Button, Card, Empty, Form, Input, InputNumber, Radio, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../../api/form-errors';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { useSamplePlan } from '../setup-queries';

type SampleValues = Pick<PlanSampleBody, 'mode' | 'pointTypes' | 'perType' | 'seed'>;

interface Props {
  plan: InspectionPlanView;
  progress: InspectionPlanProgress | undefined;
  canEdit: boolean;
}

export function PlanSampleCard({ plan, progress, canEdit }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SampleValues>();
  const sample = useSamplePlan(plan.id);
  const [error, setError] = useState<unknown>(null);
  const typeOptions = useEnumOptions('pointType', pointTypes);
  const mode = Form.useWatch('mode', form);
  const editable = canEdit && plan.status === 'draft';
  const regions = progress?.regions ?? [];

  const run = async (v: SampleValues) => {
    setError(null);
    try {
      const r = await sample.mutateAsync({
        mode: v.mode,
        pointTypes: v.pointTypes ?? [],
        perType: v.mode === 'random' ? v.perType : null,
        seed: v.mode === 'random' ? v.seed || null : null,
      });
      message.success(t('planSetup.sampled', { count: r.count }));
    } catch (err) {
      if (applyFieldErrors(form, err) === null) setError(err);
    }
  };

  return (
    <Card title={t('planSetup.sampleTitle')} size="small">
      {editable && (
        <Form<SampleValues>
          form={form}
          name="sample"
          layout="inline"
          onFinish={run}
          initialValues={{
            mode: plan.sample?.mode === 'random' ? 'random' : 'all',
            pointTypes: plan.sample?.pointTypes ?? [],
            perType: plan.sample?.perType ?? 5,
            seed: plan.sample?.seed ?? undefined,
          }}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="mode" label={t('planSetup.sampleMode')}>
            <Radio.Group
              options={[
                { value: 'all', label: t('sampleMode.all') },
                { value: 'random', label: t('sampleMode.random') },
              ]}
            />
          </Form.Item>
          <Form.Item name="pointTypes" label={t('planSetup.pointTypes')} tooltip={t('planSetup.pointTypesHint')}>
            <Select
              mode="multiple"
              allowClear
              options={typeOptions}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 220 }}
            />
          </Form.Item>
          {mode === 'random' && (
            <>
              <Form.Item
                name="perType"
                label={t('planSetup.perType')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber min={1} max={100000} />
              </Form.Item>
              <Form.Item name="seed" label={t('plan.seed')} tooltip={t('planSetup.seedHint')}>
                <Input maxLength={64} style={{ width: 140 }} />
              </Form.Item>
            </>
          )}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={sample.isPending}>
              {plan.pointCount ? t('planSetup.resample') : t('planSetup.sampleRun')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <ApiErrorAlert error={error} />
      {plan.pointCount === 0 ? (
        <Empty description={t('planSetup.noSample')} />
      ) : (
        <>
          <Typography.Paragraph>
            {t('planSetup.sampled', { count: plan.pointCount })}
            {plan.sample?.seed ? `（${t('plan.seed')}：${plan.sample.seed}）` : ''}
          </Typography.Paragraph>
          <Table
            aria-label={t('planSetup.byRegion')}
            rowKey="regionCode"
            size="small"
            pagination={false}
            dataSource={regions}
            columns={[
              { title: t('point.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
              { title: t('planSetup.regionCount'), dataIndex: 'count' },
              { title: t('planSetup.regionAssigned'), dataIndex: 'assigned' },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('planSetup.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{progress?.total ?? plan.pointCount}</Table.Summary.Cell>
                <Table.Summary.Cell index={2}>
                  {(progress?.total ?? 0) - (progress?.unassigned ?? 0)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </>
      )}
    </Card>
  );
}
