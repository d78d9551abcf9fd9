import type { OrderStatus, OrderUrgency } from '@wenming/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColors: Record<OrderStatus, string> = {
  submitted: 'orange',
  reviewed: 'gold',
  dispatched: 'blue',
  offered: 'cyan',
  accepted: 'geekblue',
  completed: 'purple',
  rated: 'green',
  returned: 'red',
  rejected: 'default',
  cancelled: 'default',
  merged: 'default',
};
const urgencyColors: Record<OrderUrgency, string> = { routine: 'blue', urgent: 'red', difficult: 'purple' };

export function OrderStatusTag({ status, overdue }: { status: OrderStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={statusColors[status]}>{t(`orderStatus.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('ord.overdue')}</Tag>}
    </>
  );
}

export function UrgencyTag({ urgency }: { urgency: OrderUrgency }) {
  const { t } = useTranslation();
  return <Tag color={urgencyColors[urgency]}>{t(`orderUrgency.${urgency}`)}</Tag>;
}
