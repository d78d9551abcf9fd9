import { evaluationPeriodKinds, evaluationSubjectKinds, regionLevels } from '@wenming/contracts';
import { DatePicker, Divider, Form, Input, Select } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { useEnumOptions } from '../../../components/enum-options';
import { RegionSelect } from '../../../components/selects';
import { uuidv7 } from '../../../mobile/uuid';
import { FrameworkSelect } from '../../frameworks/components/FrameworkSelect';
import { defaultFormValues, type EvaluationFormValues, toCreateBody } from '../form-values';
import { useCreateEvaluation } from '../queries';
import { LinesFields } from './LinesFields';
import { SchemeFields } from './SchemeFields';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}

function PeriodFields() {
  const { t } = useTranslation();
  const kindOptions = useEnumOptions('evaluationPeriodKind', evaluationPeriodKinds);
  const kind = Form.useWatch(['period', 'kind']) as EvaluationFormValues['period']['kind'] | undefined;
  const required = (field: string) => ({ required: true, message: t('evaluation.required', { field }) });
  return (
    <>
      <Form.Item
        name={['period', 'kind']}
        label={t('evaluation.periodKind')}
        rules={[required(t('evaluation.periodKind'))]}
      >
        <Select options={kindOptions} />
      </Form.Item>
      {kind === 'range' ? (
        <Form.Item
          name={['period', 'range']}
          label={t('evaluation.periodRange')}
          rules={[required(t('evaluation.periodRange'))]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item
          name={['period', 'value']}
          label={t('evaluation.periodValue')}
          rules={[required(t('evaluation.periodValue'))]}
        >
          <DatePicker picker={kind ?? 'month'} style={{ width: '100%' }} />
        </Form.Item>
      )}
    </>
  );
}

/** 新建考评: framework version, period, subjects, weighted scheme and lines → 202, computed by the job queue. */
export function EvaluationFormDrawer({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const create = useCreateEvaluation();
  const subjectKindOptions = useEnumOptions('evaluationSubjectKind', evaluationSubjectKinds);
  const levelOptions = useEnumOptions(
    'regionLevel',
    regionLevels.filter((l) => l !== 'province'),
  );
  // One key per attempt: a double submit or a resend is the same evaluation. A refused body gets a fresh
  // key, because the server keeps the answer of a key and refuses the key with another body.
  const idempotencyKey = useRef(uuidv7());
  useEffect(() => {
    if (open) idempotencyKey.current = uuidv7();
  }, [open]);
  const required = (field: string) => ({ required: true, message: t('evaluation.required', { field }) });

  return (
    <EntityFormDrawer<EvaluationFormValues>
      open={open}
      title={t('evaluation.create')}
      name="evaluation"
      width={640}
      initialValues={defaultFormValues}
      onClose={onClose}
      onSubmit={async (values) => {
        try {
          const { id } = await create.mutateAsync({ body: toCreateBody(values), key: idempotencyKey.current });
          onCreated(id);
        } catch (err) {
          idempotencyKey.current = uuidv7();
          throw err;
        }
      }}
    >
      {(form) => (
        <>
          <Form.Item name="name" label={t('evaluation.name')} rules={[required(t('evaluation.name'))]}>
            <Input maxLength={200} placeholder={t('evaluation.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="frameworkId" label={t('evaluation.framework')} rules={[required(t('evaluation.framework'))]}>
            <FrameworkSelect />
          </Form.Item>
          <PeriodFields />
          <Form.Item name="subjectKind" label={t('evaluation.subjectKind')}>
            <Select options={subjectKindOptions} />
          </Form.Item>
          <Form.Item noStyle dependencies={['subjectKind']}>
            {() =>
              form.getFieldValue('subjectKind') === 'region' && (
                <Form.Item
                  name="subjectLevel"
                  label={t('evaluation.subjectLevel')}
                  rules={[required(t('evaluation.subjectLevel'))]}
                >
                  <Select options={levelOptions} />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="regionCode" label={t('evaluation.regionScope')} extra={t('evaluation.regionScopeHint')}>
            <RegionSelect allowClear />
          </Form.Item>
          <Divider />
          <SchemeFields />
          <Divider />
          <LinesFields />
        </>
      )}
    </EntityFormDrawer>
  );
}
