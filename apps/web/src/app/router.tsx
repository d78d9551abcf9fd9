import type { Permission } from '@wenming/contracts';
import { Button, Result } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject, useNavigate } from 'react-router';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { HomePage } from '../features/home/pages/HomePage';
import { findMenuEntry } from './access';
import { AppLayout } from './layout/AppLayout';
import { FullPageSpin, RequireAuth, RequirePermission } from './RequireAuth';

/** A page loaded on first visit, so that each feature ships in its own chunk. */
function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

const RegionsPage = lazyPage(
  () => import('../features/regions/pages/RegionsPage'),
  (m) => m.RegionsPage,
);
const GridsPage = lazyPage(
  () => import('../features/grids/pages/GridsPage'),
  (m) => m.GridsPage,
);
const UnitsPage = lazyPage(
  () => import('../features/units/pages/UnitsPage'),
  (m) => m.UnitsPage,
);
const PeoplePage = lazyPage(
  () => import('../features/people/pages/PeoplePage'),
  (m) => m.PeoplePage,
);
const SitesPage = lazyPage(
  () => import('../features/sites/pages/SitesPage'),
  (m) => m.SitesPage,
);
const PairingsPage = lazyPage(
  () => import('../features/pairings/pages/PairingsPage'),
  (m) => m.PairingsPage,
);
const AccountsPage = lazyPage(
  () => import('../features/accounts/pages/AccountsPage'),
  (m) => m.AccountsPage,
);
const AuditPage = lazyPage(
  () => import('../features/audit/pages/AuditPage'),
  (m) => m.AuditPage,
);
const MobileLoginPage = lazyPage(
  () => import('../mobile/pages/MobileLoginPage'),
  (m) => m.MobileLoginPage,
);
const MobileHomePage = lazyPage(
  () => import('../mobile/pages/MobileHomePage'),
  (m) => m.MobileHomePage,
);

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

/** A menu page guarded by the permissions of its menu entry. */
function guarded(key: string, page: ReactNode, anyOf?: Permission[]): RouteObject {
  const entry = findMenuEntry(key);
  return {
    path: entry.path.slice(1),
    element: <RequirePermission anyOf={anyOf ?? entry.anyOf}>{page}</RequirePermission>,
  };
}

function withSuspense(node: ReactNode) {
  return <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/change-password',
    element: (
      <RequireAuth>
        <ChangePasswordPage />
      </RequireAuth>
    ),
  },
  { path: '/m/login', element: withSuspense(<MobileLoginPage />) },
  { path: '/m', element: <RequireAuth loginPath="/m/login">{withSuspense(<MobileHomePage />)}</RequireAuth> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      guarded('regions', <RegionsPage />),
      guarded('grids', <GridsPage />),
      guarded('units', <UnitsPage />),
      guarded('people', <PeoplePage />),
      guarded('sites', <SitesPage />),
      guarded('pairings', <PairingsPage />),
      guarded('accounts', <AccountsPage />),
      guarded('audit', <AuditPage />),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
