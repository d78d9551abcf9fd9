import { CapsuleTabs, ErrorBlock, InfiniteScroll, List, NavBar, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useCurrentUser } from '../../../features/auth/queries';
import { OrderStatusTag } from '../../../features/volunteering/components/OrderStatusTag';
import { type MineFilter, useOrders } from '../../../features/volunteering/queries-orders';
import { MobileShell } from '../../MobileShell';

/**
 * 我的订单 (resident), 抢单大厅 and 派给我的 (volunteer), by the permissions the user holds. The 抢单大厅 lists every
 * open offer of the volunteer's area, those fitting their skills first and marked 技能匹配.
 */
export function OrderListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = new Set(useCurrentUser().permissions);
  const tabs: { key: MineFilter; title: string }[] = [];
  if (can.has('order.accept'))
    tabs.push({ key: 'offered', title: t('msvc.grab') }, { key: 'assigned', title: t('msvc.assigned') });
  if (can.has('order.create')) tabs.push({ key: 'ordered', title: t('msvc.myOrders') });
  const [tab, setTab] = useState<MineFilter>(tabs[0]?.key ?? 'ordered');
  const list = useOrders(tab, tabs.length > 0);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <MobileShell>
      <NavBar
        onBack={() => navigate('/m')}
        right={can.has('order.create') ? <Link to="/m/services">{t('msvc.menu')}</Link> : null}
      >
        {can.has('order.accept') ? t('msvc.volunteerOrders') : t('msvc.myOrders')}
      </NavBar>
      {tabs.length > 1 && (
        <CapsuleTabs activeKey={tab} onChange={(k) => setTab(k as MineFilter)}>
          {tabs.map((x) => (
            <CapsuleTabs.Tab key={x.key} title={x.title} />
          ))}
        </CapsuleTabs>
      )}
      {list.isError && <ErrorBlock status="default" title={t('common.error')} description={list.error.message} />}
      {list.isSuccess && items.length === 0 && (
        <ErrorBlock status="empty" title={t('msvc.ordersEmpty')} description="" />
      )}
      <List aria-label={tabs.find((x) => x.key === tab)?.title}>
        {items.map((o) => (
          <List.Item
            key={o.id}
            onClick={() => navigate(`/m/orders/${o.id}`)}
            description={
              <span style={{ whiteSpace: 'normal' }}>
                {o.number} · {t(`msvc.urgencyName.${o.urgency}`)} · {o.address} · {formatDateTime(o.createdAt)}
              </span>
            }
            extra={<OrderStatusTag status={o.status} isOverdue={o.isOverdue} />}
          >
            <span style={{ whiteSpace: 'normal' }}>{o.title}</span>
            {tab === 'offered' && o.skillMatch && (
              <Tag color="success" fill="outline" style={{ marginLeft: 6 }}>
                {t('msvc.skillMatch')}
              </Tag>
            )}
          </List.Item>
        ))}
      </List>
      <InfiniteScroll
        hasMore={!!list.hasNextPage}
        loadMore={async () => {
          await list.fetchNextPage();
        }}
      />
    </MobileShell>
  );
}
