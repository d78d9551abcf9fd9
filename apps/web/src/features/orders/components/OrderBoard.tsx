import type { OrderStatus, OrderView } from '@wenming/contracts';
import { Badge, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../../../api/client';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useOrders } from '../queries';
import { UrgencyTag } from './OrderTags';

/** The states an order moves through while open, left to right. */
export const boardStatuses: OrderStatus[] = [
  'submitted',
  'returned',
  'reviewed',
  'offered',
  'dispatched',
  'accepted',
  'completed',
];

function OrderCard({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 8, borderColor: order.isOverdue ? '#ff4d4f' : undefined }}>
      <Flex vertical gap={4}>
        <Link to={`/orders/${order.id}`}>{order.title}</Link>
        <Flex gap={4} wrap>
          <UrgencyTag urgency={order.urgency} />
          {order.isOverdue && <Typography.Text type="danger">{t('ord.overdue')}</Typography.Text>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {order.number} · {order.site.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ord.dueAt')} {formatDateTime(order.respondBy)}
        </Typography.Text>
        {order.volunteer && (
          <Typography.Text style={{ fontSize: 12 }}>
            {t('ord.assignee')}：{order.volunteer.name}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

function BoardColumn({ status, filters }: { status: OrderStatus; filters: QueryParams }) {
  const { t } = useTranslation();
  const list = useOrders({ ...filters, status, pageSize: 20 });
  const total = list.data?.total ?? 0;
  return (
    <Card
      size="small"
      title={
        <Flex justify="space-between" align="center">
          <span>{t(`orderStatus.${status}`)}</span>
          <Badge count={total} showZero overflowCount={9999} color={total ? '#c8161d' : '#bfbfbf'} />
        </Flex>
      }
      styles={{ body: { background: '#fafafa', minHeight: 240, maxHeight: 640, overflowY: 'auto', padding: 8 } }}
      data-testid={`board-${status}`}
    >
      <ApiErrorAlert error={list.error} />
      {list.data?.items.map((o) => (
        <OrderCard key={o.id} order={o} />
      ))}
      {!list.isPending && total === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ord.empty')} />}
      {total > 20 && <Link to={`/orders?view=list&status=${status}`}>{t('ord.count', { total })}</Link>}
    </Card>
  );
}

/** 订单看板: one column per open state, each with its newest 20 and a count. */
export function OrderBoard({ filters }: { filters: QueryParams }) {
  return (
    <Row gutter={8} wrap={false} style={{ overflowX: 'auto' }}>
      {boardStatuses.map((s) => (
        <Col key={s} flex="1 0 160px">
          <BoardColumn status={s} filters={filters} />
        </Col>
      ))}
    </Row>
  );
}
