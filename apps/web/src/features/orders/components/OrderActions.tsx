import type { OrderAction, OrderDetailView } from '@wenming/contracts';
import { App, Button, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { useAllTeams } from '../../volunteers/queries';
import { type TransitionInput, useOrders, useOrderTransition } from '../queries';

/** Actions the centre takes on the desktop; the volunteer's and resident's are on their phones. */
const centreActions: OrderAction[] = ['review', 'reject', 'offer', 'cancel'];
type ModalKind = 'reject' | 'cancel' | 'merge' | 'team' | null;

function MergeTargetSelect(props: {
  order: OrderDetailView;
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const [q, setQ] = useState('');
  const list = useOrders({ siteId: props.order.site.id, q: q || undefined, pageSize: 20 });
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={list.isFetching}
      options={(list.data?.items ?? [])
        .filter((o) => o.id !== props.order.id && o.status !== 'merged')
        .map((o) => ({ value: o.id, label: `${o.number} ${o.title}` }))}
    />
  );
}

/** 审单 (accept / reject with reason / merge), 发布抢单, 派给队伍, 取消: what the state machine allows this user. */
export function OrderActions({ order }: { order: OrderDetailView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useOrderTransition(order.id);
  const teams = useAllTeams();
  const [modal, setModal] = useState<ModalKind>(null);
  const allowed = order.allowedActions;
  const post = (body: TransitionInput) => transition.mutateAsync({ ...body, version: order.version });
  const send = async (body: TransitionInput) => {
    await post(body);
    message.success(t('ord.done'));
  };
  const shown = centreActions.filter((a) => allowed.includes(a));
  const canDispatch = allowed.includes('dispatch');
  const reason = [{ required: true, whitespace: true, message: t('ord.reasonRequired') }];

  return (
    <>
      <ApiErrorAlert error={transition.error} />
      {shown.length === 0 && !canDispatch && <Typography.Text type="secondary">{t('ord.noActions')}</Typography.Text>}
      <Space wrap>
        {allowed.includes('review') && (
          <Button
            type="primary"
            loading={transition.isPending}
            onClick={() => void send({ action: 'review' }).catch(() => {})}
          >
            {t('orderAction.review')}
          </Button>
        )}
        {allowed.includes('review') && <Button onClick={() => setModal('merge')}>{t('ord.merge')}</Button>}
        {allowed.includes('reject') && (
          <Button danger onClick={() => setModal('reject')}>
            {t('orderAction.reject')}
          </Button>
        )}
        {canDispatch && <Button onClick={() => setModal('team')}>{t('disp.toTeam')}</Button>}
        {allowed.includes('offer') && (
          <Popconfirm
            title={t('disp.confirmOffer')}
            description={t('disp.offerHint')}
            okText={t('disp.offer')}
            cancelText={t('common.cancel')}
            onConfirm={() => send({ action: 'offer' }).catch(() => {})}
          >
            <Button loading={transition.isPending}>{t('disp.offer')}</Button>
          </Popconfirm>
        )}
        {allowed.includes('cancel') && <Button onClick={() => setModal('cancel')}>{t('orderAction.cancel')}</Button>}
      </Space>
      <FormModal<{ reason: string }>
        open={modal === 'reject' || modal === 'cancel'}
        name="orderReason"
        title={t(modal === 'cancel' ? 'orderAction.cancel' : 'orderAction.reject')}
        danger
        onClose={() => setModal(null)}
        successMessage={t('ord.done')}
        onSubmit={(v) => post({ action: modal === 'cancel' ? 'cancel' : 'reject', reason: v.reason?.trim() })}
      >
        <Form.Item label={t('ord.reason')} name="reason" rules={reason}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ mergeInto: string }>
        open={modal === 'merge'}
        name="orderMerge"
        title={t('ord.merge')}
        onClose={() => setModal(null)}
        successMessage={t('ord.done')}
        onSubmit={(v) => post({ action: 'review', mergeInto: v.mergeInto })}
      >
        <Form.Item
          label={t('ord.mergeInto')}
          name="mergeInto"
          rules={[{ required: true, message: t('ord.mergeRequired') }]}
        >
          <MergeTargetSelect order={order} />
        </Form.Item>
      </FormModal>
      <FormModal<{ teamId: string }>
        open={modal === 'team'}
        name="orderTeam"
        title={t('disp.toTeam')}
        onClose={() => setModal(null)}
        successMessage={t('ord.done')}
        onSubmit={(v) => post({ action: 'dispatch', teamId: v.teamId })}
      >
        <Form.Item label={t('disp.team')} name="teamId" rules={[{ required: true, message: t('common.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
