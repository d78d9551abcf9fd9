import { ArrowLeftOutlined } from '@ant-design/icons';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { Card, Col, Descriptions, Image, Rate, Row, Space, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { FullPageSpin } from '../../../app/RequireAuth';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { CandidatesPanel } from '../components/CandidatesPanel';
import { OrderActions } from '../components/OrderActions';
import { OrderStatusTag, UrgencyTag } from '../components/OrderTags';
import { useOrder } from '../queries';

/** 订单详情: the need, its state and timeline; review, dispatch with the proposed candidates, or offer. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const order = useOrder(id);
  const o = order.data;
  useRecordCrumb(o ? `${o.number} ${o.title}` : null);
  if (order.isPending) return <FullPageSpin />;
  if (!o) return <ApiErrorAlert error={order.error} onRetry={() => void order.refetch()} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/orders">
        <ArrowLeftOutlined /> {t('ord.back')}
      </Link>
      <Row gutter={16}>
        <Col span={15}>
          <Card title={`${o.number} · ${o.title}`} extra={<OrderStatusTag status={o.status} overdue={o.isOverdue} />}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('ord.urgency')}>
                <UrgencyTag urgency={o.urgency} />
              </Descriptions.Item>
              <Descriptions.Item label={t('ord.item')}>
                {o.item ? `${o.item.name}（${t(`svcCategory.${o.item.category}`)}）` : t(`orderKind.${o.kind}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('ord.need')} span={2}>
                {o.description}
              </Descriptions.Item>
              <Descriptions.Item label={t('ord.address')} span={2}>
                {o.address}
              </Descriptions.Item>
              <Descriptions.Item label={t('ord.resident')}>
                {[o.residentName ?? o.orderedBy.name, o.residentPhoneMasked].filter(Boolean).join(' ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('ord.site')}>{o.site.name}</Descriptions.Item>
              <Descriptions.Item label={t('ord.createdAt')}>{formatDateTime(o.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('ord.dueAt')}>{formatDateTime(o.respondBy)}</Descriptions.Item>
              <Descriptions.Item label={t('ord.assignee')}>
                {[o.volunteer?.name, o.team?.name].filter(Boolean).join(' · ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('ord.hours')}>{o.hours ?? '—'}</Descriptions.Item>
              {o.notes && (
                <Descriptions.Item label={t('ord.notes')} span={2}>
                  {o.notes}
                </Descriptions.Item>
              )}
              {o.rating != null && (
                <Descriptions.Item label={t('ord.rating')} span={2}>
                  <Rate disabled value={o.rating} /> {o.ratingComment}
                </Descriptions.Item>
              )}
            </Descriptions>
            {o.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space style={{ marginTop: 12 }}>
                  {o.photos.map((p) => (
                    <Image key={p.fileId} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </Card>
        </Col>
        <Col span={9}>
          <Card title={t('ord.actions')} style={{ marginBottom: 16 }}>
            <OrderActions order={o} />
          </Card>
          <Card title={t('ord.timeline')}>
            <Timeline
              items={o.history.map((h) => ({
                content: (
                  <>
                    <div>
                      {h.action === 'return_overdue' ? t('orderStatus.returned') : t(`orderAction.${h.action}`)} ·{' '}
                      {h.actorName}
                    </div>
                    <div style={{ fontSize: 12, color: '#999' }}>{formatDateTime(h.at)}</div>
                    {h.reason && <div>{h.reason}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {o.allowedActions.includes('dispatch') && <CandidatesPanel order={o} />}
    </Space>
  );
}
