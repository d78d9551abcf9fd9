import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type CampaignKind, type CampaignView, campaignKinds } from '@wenming/contracts';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { useEnumOptions } from '../../../components/enum-options';
import { FrameworkSelect } from '../../frameworks/components/FrameworkSelect';
import { campaignsResource } from '../queries';

interface CampaignValues {
  name: string;
  kind: CampaignKind;
  startDate: Dayjs;
  endDate: Dayjs;
  description?: string | null;
  frameworkId?: string | null;
  remindDaysBefore?: number;
  actions?: { id?: string; name: string }[];
}

const ISO_DATE = 'YYYY-MM-DD';

function toBody(v: CampaignValues) {
  return {
    name: v.name,
    kind: v.kind,
    startDate: v.startDate?.format(ISO_DATE),
    endDate: v.endDate?.format(ISO_DATE),
    description: v.description?.trim() || null,
    frameworkId: v.frameworkId ?? null,
    remindDaysBefore: v.remindDaysBefore ?? 3,
    actions: (v.actions ?? []).filter((a) => a?.name?.trim()).map((a) => ({ id: a.id, name: a.name.trim() })),
  };
}

function toValues(c: CampaignView): CampaignValues {
  return {
    ...c,
    startDate: dayjs(c.startDate),
    endDate: dayjs(c.endDate),
    actions: c.actions.map((a) => ({ id: a.id, name: a.name })),
  };
}

/** New or edited campaign with its action lines (kept by id, so tasks keep theirs). */
export function CampaignFormDrawer(props: {
  open: boolean;
  campaign?: CampaignView;
  onClose: () => void;
  onSaved?: (c: CampaignView) => void;
}) {
  const { open, campaign, onClose, onSaved } = props;
  const { t } = useTranslation();
  const create = campaignsResource.useCreate<ReturnType<typeof toBody>>();
  const update = campaignsResource.useUpdate<ReturnType<typeof toBody>>();
  const kindOptions = useEnumOptions('campaignKind', campaignKinds);
  const required = [{ required: true, message: t('common.required') }];
  // After a stale-version reload the form holds the fresh values; the save must then send their version.
  const [freshVersion, setFreshVersion] = useState<number | null>(null);
  const reload = async () => {
    const fresh = await campaignsResource.fetchOne(campaign!.id);
    setFreshVersion(fresh.version);
    return toValues(fresh);
  };

  const submit = async (v: CampaignValues) => {
    const body = toBody(v);
    const saved = campaign
      ? await update.mutateAsync({ id: campaign.id, version: freshVersion ?? campaign.version, body })
      : await create.mutateAsync(body);
    onSaved?.(saved);
  };

  return (
    <EntityFormDrawer<CampaignValues>
      open={open}
      name="campaign"
      title={campaign ? t('campaign.edit') : t('campaign.create')}
      initialValues={campaign ? toValues(campaign) : { kind: 'yearly_plan', remindDaysBefore: 3, actions: [] }}
      onClose={() => {
        setFreshVersion(null);
        onClose();
      }}
      onSubmit={submit}
      onReload={campaign ? reload : undefined}
    >
      <Form.Item label={t('campaign.name')} name="name" rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('campaign.kind')} name="kind" rules={required}>
        <Select options={kindOptions} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item label={t('campaign.startDate')} name="startDate" rules={required} style={{ flex: 1 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('campaign.endDate')} name="endDate" rules={required} style={{ flex: 1 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('campaign.framework')} name="frameworkId" extra={t('campaign.frameworkHint')}>
        <FrameworkSelect allowClear placeholder={t('campaign.framework')} />
      </Form.Item>
      <Form.Item label={t('campaign.remindDaysBefore')} name="remindDaysBefore">
        <InputNumber min={0} max={60} />
      </Form.Item>
      <Form.Item label={t('campaign.description')} name="description">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('campaign.actions')}>
        <Form.List name="actions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8}>
                  <Form.Item name={[f.name, 'name']} rules={required} style={{ flex: 1, marginBottom: 0 }}>
                    <Input aria-label={`${t('campaign.actionName')} ${i + 1}`} maxLength={100} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                {t('campaign.addAction')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </EntityFormDrawer>
  );
}
