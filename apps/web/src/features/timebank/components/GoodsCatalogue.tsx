import { PlusOutlined } from '@ant-design/icons';
import type { TimebankGoodsBody, TimebankGoodsView } from '@wenming/contracts';
import { Button, Form, Input, InputNumber, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { useCreateGoods, useGoods } from '../queries';

/** 兑换商品 of a branch: what residents and volunteers can redeem their hours for. */
export function GoodsCatalogue({ branchId }: { branchId: string }) {
  const { t } = useTranslation();
  const { can } = useAccess();
  const goods = useGoods(branchId);
  const create = useCreateGoods(branchId);
  const [open, setOpen] = useState(false);
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      {can('timebank.manage') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
          {t('tb.goodsCreate')}
        </Button>
      )}
      <ApiErrorAlert error={goods.error} onRetry={() => void goods.refetch()} />
      <Table<TimebankGoodsView>
        rowKey="id"
        size="small"
        loading={goods.isFetching}
        dataSource={goods.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('tb.goodsName'), dataIndex: 'name' },
          { title: t('svc.description'), dataIndex: 'description', ellipsis: true },
          { title: t('tb.goodsPrice'), dataIndex: 'priceHours', align: 'right', width: 140 },
          { title: t('tb.goodsStock'), dataIndex: 'stock', align: 'right', width: 90 },
          {
            title: t('tb.goodsActive'),
            dataIndex: 'active',
            width: 80,
            render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('common.yes') : t('common.no')}</Tag>,
          },
        ]}
      />
      <EntityFormDrawer<TimebankGoodsBody>
        open={open}
        name="goods"
        title={t('tb.goodsCreate')}
        initialValues={{ stock: 10, priceHours: 1 }}
        onClose={() => setOpen(false)}
        onSubmit={(v) => create.mutateAsync({ ...v, description: v.description?.trim() ? v.description.trim() : null })}
      >
        <Form.Item label={t('tb.goodsName')} name="name" rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('svc.description')} name="description">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item label={t('tb.goodsPrice')} name="priceHours" rules={required}>
          <InputNumber min={0.01} max={1000} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('tb.goodsStock')} name="stock" rules={required}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </EntityFormDrawer>
    </>
  );
}
