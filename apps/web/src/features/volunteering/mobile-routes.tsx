// The phone pages of volunteering, service orders and the time bank; router.tsx wraps each in the phone sign-in.
import { type ComponentType, lazy, type ReactNode } from 'react';

function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

const RegisterPage = lazyPage(
  () => import('../../mobile/pages/volunteer/VolunteerRegisterPage'),
  (m) => m.VolunteerRegisterPage,
);
const ActivityListPage = lazyPage(
  () => import('../../mobile/pages/volunteer/ActivityListPage'),
  (m) => m.ActivityListPage,
);
const ActivityDetailPage = lazyPage(
  () => import('../../mobile/pages/volunteer/ActivityDetailPage'),
  (m) => m.ActivityDetailPage,
);
const CheckScanPage = lazyPage(
  () => import('../../mobile/pages/volunteer/CheckScanPage'),
  (m) => m.CheckScanPage,
);
const MyHoursPage = lazyPage(
  () => import('../../mobile/pages/volunteer/MyHoursPage'),
  (m) => m.MyHoursPage,
);
const TimeBankPage = lazyPage(
  () => import('../../mobile/pages/volunteer/TimeBankPage'),
  (m) => m.TimeBankPage,
);
const TimeBankGivePage = lazyPage(
  () => import('../../mobile/pages/volunteer/TimeBankGivePage'),
  (m) => m.TimeBankGivePage,
);
const TimeBankGoodsPage = lazyPage(
  () => import('../../mobile/pages/volunteer/TimeBankGoodsPage'),
  (m) => m.TimeBankGoodsPage,
);
const ServiceMenuPage = lazyPage(
  () => import('../../mobile/pages/volunteer/ServiceMenuPage'),
  (m) => m.ServiceMenuPage,
);
const OrderCreatePage = lazyPage(
  () => import('../../mobile/pages/volunteer/OrderCreatePage'),
  (m) => m.OrderCreatePage,
);
const OrderListPage = lazyPage(
  () => import('../../mobile/pages/volunteer/OrderListPage'),
  (m) => m.OrderListPage,
);
const OrderDetailPage = lazyPage(
  () => import('../../mobile/pages/volunteer/OrderDetailPage'),
  (m) => m.OrderDetailPage,
);

const VenueBookPage = lazyPage(
  () => import('../../mobile/pages/venues/VenueBookPage'),
  (m) => m.VenueBookPage,
);
const VenueTicketsPage = lazyPage(
  () => import('../../mobile/pages/venues/VenueTicketsPage'),
  (m) => m.VenueTicketsPage,
);

/** `[path, page]` of every phone page of this feature. */
export const volunteeringMobilePages: [string, ReactNode][] = [
  ['/m/volunteer/register', <RegisterPage key="register" />],
  ['/m/activities', <ActivityListPage key="activities" />],
  ['/m/activities/:id', <ActivityDetailPage key="activity" />],
  ['/m/activities/:id/scan/:mode', <CheckScanPage key="scan" />],
  ['/m/hours', <MyHoursPage key="hours" />],
  ['/m/timebank', <TimeBankPage key="timebank" />],
  ['/m/timebank/give/:kind', <TimeBankGivePage key="give" />],
  ['/m/timebank/goods', <TimeBankGoodsPage key="goods" />],
  ['/m/services', <ServiceMenuPage key="services" />],
  ['/m/services/order', <OrderCreatePage key="order-new" />],
  ['/m/orders', <OrderListPage key="orders" />],
  ['/m/orders/:id', <OrderDetailPage key="order" />],
  ['/m/venues', <VenueBookPage key="venues" />],
  ['/m/venue-tickets', <VenueTicketsPage key="venue-tickets" />],
];
