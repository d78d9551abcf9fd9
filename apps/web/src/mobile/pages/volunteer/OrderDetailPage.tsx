import {
  Button,
  Dialog,
  ErrorBlock,
  Image,
  List,
  NavBar,
  NoticeBar,
  Rate,
  Skeleton,
  Space,
  Steps,
  Toast,
} from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { formatDateTime } from '../../../app/format';
import { OrderStatusTag } from '../../../features/volunteering/components/OrderStatusTag';
import { type OrderTransitionInput, useOrder, useOrderTransition } from '../../../features/volunteering/queries-orders';
import { MobileShell } from '../../MobileShell';
import { OrderCompleteForm } from './OrderCompleteForm';
import { OrderRateForm } from './OrderRateForm';

/** One order: what, where, how urgent, its timeline, and the step the viewer may take (接单/完成/评价/撤销). */
export function OrderDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const order = useOrder(id);
  const transition = useOrderTransition(id);
  const [problem, setProblem] = useState<string | null>(null);
  const o = order.data;
  // After a lost race the order may leave the viewer's scope: keep what was shown, but offer no action.
  const can = (a: string) => !order.isError && !!o?.allowedActions.includes(a as never);

  const run = async (body: OrderTransitionInput, done: string): Promise<boolean> => {
    setProblem(null);
    try {
      await transition.mutateAsync(body);
      Toast.show({ icon: 'success', content: done });
      return true;
    } catch (err) {
      setProblem(isApiError(err, 'ORDER_ALREADY_TAKEN') ? t('msvc.taken') : (err as Error).message);
      return false;
    }
  };
  const cancel = async () => {
    let reason = '';
    const ok = await Dialog.confirm({
      title: t('msvc.cancelConfirm'),
      content: (
        <textarea
          aria-label={t('msvc.cancelReason')}
          placeholder={t('msvc.cancelReason')}
          rows={3}
          style={{ width: '100%', boxSizing: 'border-box' }}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
    });
    if (!ok) return;
    if (!reason.trim()) return setProblem(t('msvc.cancelReasonRequired'));
    await run({ action: 'cancel', reason: reason.trim() }, t('msvc.status.cancelled'));
  };

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/orders')}>{o?.number ?? t('msvc.order')}</NavBar>
      {order.isPending && <Skeleton.Paragraph lineCount={8} animated />}
      {order.isError && !o && (
        <ErrorBlock status="default" title={t('common.error')} description={order.error.message} />
      )}
      {problem && (
        <div role="alert">
          <NoticeBar color="error" content={problem} wrap />
        </div>
      )}
      {o && (
        <>
          <List header={`${t(`msvc.kind.${o.kind}`)} · ${o.site.name}`}>
            <List.Item extra={<OrderStatusTag status={o.status} isOverdue={o.isOverdue} />}>
              <span style={{ whiteSpace: 'normal', fontWeight: 600 }}>{o.title}</span>
            </List.Item>
            <List.Item>
              <span style={{ whiteSpace: 'pre-wrap' }}>{o.description}</span>
            </List.Item>
            <List.Item extra={t(`msvc.urgencyName.${o.urgency}`)}>{t('msvc.urgency')}</List.Item>
            <List.Item description={o.address}>{t('msvc.address')}</List.Item>
            <List.Item extra={formatDateTime(o.createdAt)}>{t('msvc.createdAt')}</List.Item>
            {o.volunteer && <List.Item extra={o.volunteer.name}>{t('msvc.volunteer')}</List.Item>}
            {o.hours != null && (
              <List.Item extra={t('mtb.hours', { hours: o.hours })}>{t('msvc.completeHours')}</List.Item>
            )}
            {o.notes && <List.Item description={o.notes}>{t('msvc.completeNotes')}</List.Item>}
            {o.rating != null && (
              <List.Item description={o.ratingComment ?? undefined}>
                <Rate readOnly value={o.rating} aria-label={`${t('msvc.rating')} ${o.rating}`} />
              </List.Item>
            )}
          </List>
          {o.photos.length > 0 && (
            <List header={t('msvc.completePhotos')}>
              <List.Item>
                <Space wrap>
                  {o.photos.map((p, i) => (
                    <Image
                      key={p.fileId}
                      src={p.url}
                      width={90}
                      height={90}
                      fit="cover"
                      alt={`${t('msvc.completePhotos')} ${i + 1}`}
                    />
                  ))}
                </Space>
              </List.Item>
            </List>
          )}
          <List header={t('msvc.timeline')}>
            <List.Item>
              <Steps direction="vertical" current={o.history.length - 1}>
                {o.history.map((h) => (
                  <Steps.Step
                    key={`${h.at}-${h.action}`}
                    title={`${t(`msvc.action.${h.action}`)} → ${t(`msvc.status.${h.toStatus}`)}`}
                    description={`${h.actorName} ${formatDateTime(h.at)}${h.reason ? ` · ${h.reason}` : ''}`}
                  />
                ))}
              </Steps>
            </List.Item>
          </List>
          {can('accept') && (
            <div style={{ padding: 12 }}>
              <Button
                block
                color="primary"
                size="large"
                loading={transition.isPending}
                onClick={() => void run({ action: 'accept' }, t('msvc.accepted'))}
              >
                {o.status === 'offered' ? t('msvc.grabButton') : t('msvc.accept')}
              </Button>
            </div>
          )}
          {can('complete') && (
            <OrderCompleteForm typicalHours={1} onSubmit={(body) => run(body, t('msvc.completed'))} />
          )}
          {can('rate') && <OrderRateForm onSubmit={(body) => run(body, t('msvc.rated'))} />}
          {can('cancel') && (
            <div style={{ padding: 12 }}>
              <Button block color="danger" fill="outline" onClick={() => void cancel()}>
                {t('msvc.cancelOrder')}
              </Button>
            </div>
          )}
        </>
      )}
    </MobileShell>
  );
}
