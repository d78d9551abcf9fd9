import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BorderOuterOutlined,
  FlagOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  ProfileOutlined,
  HomeOutlined,
  LinkOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
  HeartOutlined,
  SolutionOutlined,
  CalendarOutlined,
  BarChartOutlined,
  AppstoreOutlined,
  ScheduleOutlined,
  FieldTimeOutlined,
  WalletOutlined,
  NotificationOutlined,
  DesktopOutlined,
  CarryOutOutlined,
  ClockCircleOutlined,
  CameraOutlined,
  ContainerOutlined,
  FileDoneOutlined,
  EnvironmentOutlined,
  WarningOutlined,
  FormOutlined,
  StarOutlined,
} from '@ant-design/icons';
import { Layout, Menu, type MenuProps, Typography } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useCurrentUser } from '../../features/auth/queries';
import { type MenuEntry, menuGroups, visibleMenuEntries } from '../access';
import { FullPageSpin } from '../RequireAuth';
import { CrumbProvider, entryOf } from './crumbs';
import { UserMenu } from './UserMenu';

const icons: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  frameworks: <ProfileOutlined />,
  campaigns: <OrderedListOutlined />,
  'self-assessments': <SafetyCertificateOutlined />,
  evaluations: <TrophyOutlined />,
  bulletins: <NotificationOutlined />,
  bigscreen: <DesktopOutlined />,
  questionnaires: <FormOutlined />,
  regions: <ApartmentOutlined />,
  grids: <BorderOuterOutlined />,
  units: <BankOutlined />,
  people: <TeamOutlined />,
  sites: <FlagOutlined />,
  pairings: <LinkOutlined />,
  accounts: <UserSwitchOutlined />,
  audit: <AuditOutlined />,
  volunteers: <HeartOutlined />,
  teams: <SolutionOutlined />,
  activities: <CalendarOutlined />,
  projects: <StarOutlined />,
  'station-figures': <BarChartOutlined />,
  'service-menu': <AppstoreOutlined />,
  orders: <ScheduleOutlined />,
  'order-figures': <FieldTimeOutlined />,
  timebank: <WalletOutlined />,
  'timebank-branches': <WalletOutlined />,
  'timebank-reconciliation': <WalletOutlined />,
  tasks: <CarryOutOutlined />,
  'inspection-plans': <ContainerOutlined />,
  inspections: <FileDoneOutlined />,
  points: <EnvironmentOutlined />,
  problems: <WarningOutlined />,
  'my-activities': <CalendarOutlined />,
  'my-hours': <ClockCircleOutlined />,
  'my-orders': <ScheduleOutlined />,
  'my-timebank': <WalletOutlined />,
  'my-reports': <CameraOutlined />,
};

type MenuItem = Required<MenuProps>['items'][number];

function buildMenuItems(entries: MenuEntry[], t: (key: string) => string): MenuItem[] {
  const toItem = (e: MenuEntry): MenuItem => ({ key: e.path, icon: icons[e.key], label: t(e.labelKey) });
  const items: MenuItem[] = entries.filter((e) => !e.group).map(toItem);
  for (const group of menuGroups) {
    const children = entries.filter((e) => e.group === group).map(toItem);
    if (children.length) items.push({ type: 'group', key: group, label: t(`menu.${group}`), children });
  }
  return items;
}

/** The path of the menu entry a location belongs to (`/units/123` → `/units`). */
function selectedKey(pathname: string): string {
  return entryOf(pathname)?.path ?? '/';
}

/** Desktop shell: side menu filtered by permission, header with language switch and user menu. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const entries = visibleMenuEntries(
    user.permissions,
    user.roles.map((r) => r.role),
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        theme="light"
        width={208}
        // The menu scrolls on its own and stays in view while the page scrolls; the collapse trigger (fixed at the
        // bottom) gets room below the last item instead of covering it.
        style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto', paddingBottom: 48 }}
      >
        <Typography.Title level={5} style={{ margin: 16, whiteSpace: 'nowrap', overflow: 'hidden', color: '#c8161d' }}>
          {collapsed ? '文明' : t('app.shortName')}
        </Typography.Title>
        <nav aria-label={t('layout.mainMenu')}>
          <Menu
            mode="inline"
            selectedKeys={[selectedKey(location.pathname)]}
            items={buildMenuItems(entries, t)}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong style={{ flex: 1 }}>
            {t('app.name')} · {user.tenantName}
          </Typography.Text>
          <LanguageSwitch />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <CrumbProvider>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </CrumbProvider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
