// The tab bar of the phone app (首页 / 任务 / 消息 / 我的), as government H5 apps have it: fixed at the bottom,
// the current tab in the theme red, the number of writes waiting to sync on 消息.
import { SafeArea, TabBar } from 'antd-mobile';
import { AppOutline, MessageOutline, UnorderedListOutline, UserOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useQueue } from './use-queue';

const tabs = [
  { key: '/m', title: 'phone.tab.home', icon: <AppOutline /> },
  { key: '/m/work', title: 'phone.tab.work', icon: <UnorderedListOutline /> },
  { key: '/m/messages', title: 'phone.tab.messages', icon: <MessageOutline /> },
  { key: '/m/me', title: 'phone.tab.me', icon: <UserOutline /> },
];

export function PhoneTabsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const queue = useQueue();
  const waiting = queue.pendingCount + queue.failedCount;
  return (
    <div style={{ paddingBottom: 'calc(56px + env(safe-area-inset-bottom))' }}>
      <Outlet />
      <nav
        aria-label={t('phone.tabs')}
        style={
          {
            position: 'fixed',
            left: 0,
            right: 0,
            bottom: 0,
            maxWidth: 640,
            margin: '0 auto',
            background: '#fff',
            borderTop: '1px solid #eee',
            zIndex: 100,
            '--adm-color-primary': '#c8161d',
          } as React.CSSProperties
        }
      >
        <TabBar activeKey={pathname.replace(/\/$/, '') || '/m'} onChange={(key) => navigate(key)}>
          {tabs.map((tab) => (
            <TabBar.Item
              key={tab.key}
              title={t(tab.title)}
              icon={tab.icon}
              badge={tab.key === '/m/messages' && waiting > 0 ? waiting : undefined}
            />
          ))}
        </TabBar>
        <SafeArea position="bottom" />
      </nav>
    </div>
  );
}
