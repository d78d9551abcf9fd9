// The desktop volunteering pages (volunteers, teams, activities, figures, service menu, orders, time bank),
// each in its own chunk, for the router: menu pages, record pages, and the organiser's full-screen QR.
import { type ComponentType, lazy } from 'react';

function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

export const VolunteersPage = lazyPage(
  () => import('./pages/VolunteersPage'),
  (m) => m.VolunteersPage,
);
export const VolunteerDetailPage = lazyPage(
  () => import('./pages/VolunteerDetailPage'),
  (m) => m.VolunteerDetailPage,
);
export const TeamsPage = lazyPage(
  () => import('./pages/TeamsPage'),
  (m) => m.TeamsPage,
);
export const ActivitiesPage = lazyPage(
  () => import('../activities/pages/ActivitiesPage'),
  (m) => m.ActivitiesPage,
);
export const ActivityDetailPage = lazyPage(
  () => import('../activities/pages/ActivityDetailPage'),
  (m) => m.ActivityDetailPage,
);
export const ActivityQrPage = lazyPage(
  () => import('../activities/pages/ActivityQrPage'),
  (m) => m.ActivityQrPage,
);
export const StationFiguresPage = lazyPage(
  () => import('../activities/pages/StationFiguresPage'),
  (m) => m.StationFiguresPage,
);
export const ServiceMenuPage = lazyPage(
  () => import('../orders/pages/ServiceMenuPage'),
  (m) => m.ServiceMenuPage,
);
export const OrdersPage = lazyPage(
  () => import('../orders/pages/OrdersPage'),
  (m) => m.OrdersPage,
);
export const OrderDetailPage = lazyPage(
  () => import('../orders/pages/OrderDetailPage'),
  (m) => m.OrderDetailPage,
);
export const ResponseFiguresPage = lazyPage(
  () => import('../orders/pages/ResponseFiguresPage'),
  (m) => m.ResponseFiguresPage,
);
export const TimebankPage = lazyPage(
  () => import('../timebank/pages/TimebankPage'),
  (m) => m.TimebankPage,
);
export const AccountStatementPage = lazyPage(
  () => import('../timebank/pages/AccountStatementPage'),
  (m) => m.AccountStatementPage,
);
export const BranchStatementPage = lazyPage(
  () => import('../timebank/pages/BranchStatementPage'),
  (m) => m.BranchStatementPage,
);
export const BranchesPage = lazyPage(
  () => import('../timebank/pages/BranchesPage'),
  (m) => m.BranchesPage,
);
export const ReconciliationPage = lazyPage(
  () => import('../timebank/pages/ReconciliationPage'),
  (m) => m.ReconciliationPage,
);
