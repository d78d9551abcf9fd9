// 新建计划: name, kind, framework, month, area and note; the server's field errors land under the inputs.
import { type InspectionPlanKind, inspectionPlanKinds } from '@wenming/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../components/FormModal';
import { useEnumOptions } from '../../../components/enum-options';
import { RegionSelect } from '../../../components/selects';
import { useCreatePlan, usePublishedFrameworks } from '../setup-queries';

interface PlanFormValues {
  name: string;
  kind: InspectionPlanKind;
  frameworkId: string;
  period: Dayjs;
  regionCode?: string;
  note?: string;
}

export function PlanFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const frameworks = usePublishedFrameworks(open);
  const kindOptions = useEnumOptions('planKind', inspectionPlanKinds);
  const required = (_label: string) => [{ required: true, message: t('common.required') }];

  const submit = async (v: PlanFormValues) => {
    const plan = await create.mutateAsync({
      name: v.name,
      kind: v.kind,
      frameworkId: v.frameworkId,
      period: v.period?.format('YYYY-MM'),
      regionCode: v.regionCode || null,
      note: v.note || null,
    });
    navigate(`/inspection-plans/${plan.id}`);
  };

  return (
    <FormModal<PlanFormValues>
      open={open}
      title={t('planSetup.create')}
      name="plan"
      initialValues={{ kind: 'inspection' }}
      onClose={onClose}
      onSubmit={submit}
      successMessage={t('planSetup.created')}
    >
      <Form.Item name="name" label={t('plan.name')} rules={required(t('plan.name'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="kind" label={t('plan.kind')} rules={required(t('plan.kind'))}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item name="frameworkId" label={t('plan.framework')} rules={required(t('plan.framework'))}>
        <Select
          loading={frameworks.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
        />
      </Form.Item>
      <Form.Item name="period" label={t('planSetup.month')} rules={required(t('planSetup.month'))}>
        <DatePicker picker="month" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('plan.region')} extra={t('planSetup.regionHint')}>
        <RegionSelect allowClear />
      </Form.Item>
      <Form.Item name="note" label={t('plan.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
