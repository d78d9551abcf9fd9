import { codeNames } from '@wenming/contracts';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

export type AuditFilterKey = 'actor' | 'objectType' | 'objectId' | 'action' | 'from' | 'to';

interface FilterValues {
  actor?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filter form of the audit log; applies on 查询, clears on 重置. */
export function AuditFilters(props: {
  filters: Record<AuditFilterKey, string | undefined>;
  onApply: (patch: Record<AuditFilterKey, string | undefined>) => void;
}) {
  const { t } = useTranslation();
  const { filters } = props;
  const initial: FilterValues = {
    actor: filters.actor,
    objectType: filters.objectType,
    objectId: filters.objectId,
    action: filters.action,
    range:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
  };
  const apply = (v: FilterValues) =>
    props.onApply({
      actor: v.actor?.trim() || undefined,
      objectType: v.objectType?.trim() || undefined,
      objectId: v.objectId?.trim() || undefined,
      action: v.action?.trim() || undefined,
      from: v.range?.[0]?.toISOString(),
      to: v.range?.[1]?.toISOString(),
    });
  const [form] = Form.useForm<FilterValues>();
  return (
    <Form<FilterValues>
      form={form}
      name="audit-filter"
      layout="inline"
      initialValues={initial}
      onFinish={apply}
      style={{ rowGap: 8, marginBottom: 16 }}
    >
      <Form.Item label={t('audit.actor')} name="actor">
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label={t('audit.objectType')} name="objectType">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 160 }}
          options={Object.keys(codeNames('auditObject')).map((v) => ({ value: v, label: t(`auditObject.${v}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('audit.objectId')} name="objectId">
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('audit.action')} name="action">
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('audit.timeRange')} name="range">
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('audit.filter')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.setFieldsValue({
              actor: undefined,
              objectType: undefined,
              objectId: undefined,
              action: undefined,
              range: null,
            });
            form.submit();
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
