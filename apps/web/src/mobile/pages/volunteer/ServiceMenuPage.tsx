import { type ServiceCategory, type ServiceItemView, serviceCategories } from '@wenming/contracts';
import { Button, CapsuleTabs, ErrorBlock, List, NavBar, Skeleton } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useServiceMenu } from '../../../features/volunteering/queries-orders';
import { MobileShell } from '../../MobileShell';

/** 服务菜单 by site and category, with 点单 on each item and a 微心愿 for what the menu lacks. */
export function ServiceMenuPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const menu = useServiceMenu();
  const items = (menu.data ?? []).filter((i) => i.active);
  const sites = [...new Map(items.map((i) => [i.site.id, i.site])).values()];
  const [picked, setPicked] = useState<string | null>(null);
  const siteId = picked ?? sites[0]?.id ?? null;
  const byCategory = new Map<ServiceCategory, ServiceItemView[]>(serviceCategories.map((c) => [c, []]));
  for (const i of items) if (i.site.id === siteId) byCategory.get(i.category)?.push(i);

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m')} right={<Link to="/m/orders">{t('msvc.myOrders')}</Link>}>
        {t('msvc.menu')}
      </NavBar>
      {sites.length > 1 && (
        <CapsuleTabs activeKey={siteId ?? undefined} onChange={setPicked}>
          {sites.map((s) => (
            <CapsuleTabs.Tab key={s.id} title={s.name} />
          ))}
        </CapsuleTabs>
      )}
      {sites.length === 1 && <List header={`${t('msvc.site')}：${sites[0].name}`} />}
      {menu.isPending && <Skeleton.Paragraph lineCount={6} animated />}
      {menu.isError && <ErrorBlock status="default" title={t('common.error')} description={menu.error.message} />}
      {menu.isSuccess && items.length === 0 && <ErrorBlock status="empty" title={t('msvc.menuEmpty')} description="" />}
      {[...byCategory]
        .filter(([, list]) => list.length > 0)
        .map(([category, list]) => (
          <List key={category} header={t(`msvc.category.${category}`)}>
            {list.map((i) => (
              <List.Item
                key={i.id}
                description={<span style={{ whiteSpace: 'normal' }}>{i.description ?? ''}</span>}
                extra={
                  <Button
                    size="small"
                    color="primary"
                    aria-label={`${t('msvc.orderItem')} ${i.name}`}
                    onClick={() => navigate(`/m/services/order?itemId=${i.id}`)}
                  >
                    {t('msvc.orderItem')}
                  </Button>
                }
              >
                <span style={{ whiteSpace: 'normal' }}>{i.name}</span>
              </List.Item>
            ))}
          </List>
        ))}
      {siteId && (
        <List header={t('msvc.wish')}>
          <List.Item
            onClick={() => navigate(`/m/services/order?kind=wish&siteId=${siteId}`)}
            description={t('msvc.wishHint')}
          >
            {t('msvc.wish')}
          </List.Item>
        </List>
      )}
    </MobileShell>
  );
}
