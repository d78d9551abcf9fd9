import type { OrderStatus } from '@wenming/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

const colors: Partial<Record<OrderStatus, string>> = {
  offered: 'warning',
  accepted: 'primary',
  completed: 'warning',
  rated: 'success',
  returned: 'danger',
  rejected: 'default',
  cancelled: 'default',
};

export function OrderStatusTag({ status, isOverdue }: { status: OrderStatus; isOverdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={colors[status] ?? 'primary'} fill="outline">
        {t(`msvc.status.${status}`)}
      </Tag>
      {isOverdue && (
        <Tag color="danger" style={{ marginLeft: 4 }}>
          {t('msvc.overdue')}
        </Tag>
      )}
    </>
  );
}
