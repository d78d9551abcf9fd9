import { PlusOutlined } from '@ant-design/icons';
import { type NegativeEffect, type NegativeItemView, negativeEffects } from '@wenming/contracts';
import { Button, Flex, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { FormModal } from '../../../components/FormModal';
import { useNegativeEdit, useNegativeItems } from '../queries';

interface NegativeValues {
  code?: string;
  name: string;
  effect: NegativeEffect;
  deduction?: number | null;
  description?: string | null;
}

const effectColors: Record<NegativeEffect, string> = { veto: 'red', suspend: 'orange', deduct: 'gold' };

/** 负面清单: veto, suspension and fixed deductions; editable while the framework is a draft. */
export function NegativeItemsTab({ frameworkId, isEditable }: { frameworkId: string; isEditable: boolean }) {
  const { t } = useTranslation();
  const items = useNegativeItems(frameworkId);
  const edit = useNegativeEdit(frameworkId);
  const effectOptions = useEnumOptions('negativeEffect', negativeEffects);
  const [editing, setEditing] = useState<NegativeItemView | 'new' | null>(null);
  const current = editing !== 'new' ? editing : null;
  const required = [{ required: true, message: t('common.required') }];

  const submit = (v: NegativeValues) => {
    const body = {
      code: v.code?.trim() || undefined,
      name: v.name,
      effect: v.effect,
      deduction: v.deduction ?? null,
      description: v.description?.trim() || null,
    };
    return current
      ? edit.mutateAsync({ kind: 'update', id: current.id, body })
      : edit.mutateAsync({ kind: 'create', body });
  };

  return (
    <>
      {isEditable && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('negative.create')}
          </Button>
        </Flex>
      )}
      <ApiErrorAlert error={items.error ?? edit.error} />
      <Table<NegativeItemView>
        rowKey="id"
        size="small"
        loading={items.isFetching}
        dataSource={items.data}
        pagination={false}
        locale={{ emptyText: t('negative.empty') }}
        columns={[
          { title: t('negative.code'), dataIndex: 'code', width: 90 },
          { title: t('negative.name'), dataIndex: 'name' },
          {
            title: t('negative.effect'),
            dataIndex: 'effect',
            width: 110,
            render: (e: NegativeEffect) => <Tag color={effectColors[e]}>{t(`negativeEffect.${e}`)}</Tag>,
          },
          { title: t('negative.deduction'), dataIndex: 'deduction', width: 80 },
          { title: t('negative.description'), dataIndex: 'description' },
          ...(isEditable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, n: NegativeItemView) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(n)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('common.deleteConfirm')}
                        onConfirm={() => edit.mutate({ kind: 'delete', id: n.id })}
                      >
                        <Button type="link" size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<NegativeValues>
        open={editing !== null}
        name="negative"
        title={current ? t('negative.edit') : t('negative.create')}
        initialValues={current ?? { effect: 'veto' }}
        onClose={() => setEditing(null)}
        onSubmit={submit}
      >
        <Form.Item label={t('negative.code')} name="code" extra={t('indicator.codeHint')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('negative.name')} name="name" rules={required}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
        <Form.Item label={t('negative.effect')} name="effect" rules={required}>
          <Select options={effectOptions} />
        </Form.Item>
        <Form.Item label={t('negative.deduction')} name="deduction">
          <InputNumber min={0} step={0.5} />
        </Form.Item>
        <Form.Item label={t('negative.description')} name="description">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
