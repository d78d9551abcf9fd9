// The phone app's routes (/m/…): the tab pages (首页 / 任务 / 消息 / 我的) behind sign-in, the other pages loaded
// on first use, the public 随手拍, and one Chinese error page for anything that fails to load or render.
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { volunteeringMobilePages } from '../features/volunteering/mobile-routes';
import { MobileHomePage } from './pages/MobileHomePage';
import { InspectTodayPage } from './pages/InspectTodayPage';
import { PhoneLoading } from './PhoneLoading';
import { PhoneErrorPage, PhoneNotFound } from './PhoneErrorPage';
import { PhoneRequireAuth } from './PhoneRequireAuth';
import { PhoneTabsLayout } from './PhoneTabsLayout';

function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

const MobileLoginPage = lazyPage(
  () => import('./pages/MobileLoginPage'),
  (m) => m.MobileLoginPage,
);
const ReportPublicPage = lazyPage(
  () => import('./pages/ReportPublicPage'),
  (m) => m.ReportPublicPage,
);
const SurveyPublicPage = lazyPage(
  () => import('./pages/SurveyPublicPage'),
  (m) => m.SurveyPublicPage,
);
const MyTasksPage = lazyPage(
  () => import('./pages/MyTasksPage'),
  (m) => m.MyTasksPage,
);
const MyTasksDetailPage = lazyPage(
  () => import('./pages/MyTasksDetailPage'),
  (m) => m.MyTasksDetailPage,
);
const InspectPointPage = lazyPage(
  () => import('./pages/InspectPointPage'),
  (m) => m.InspectPointPage,
);
const ProblemListPage = lazyPage(
  () => import('./pages/ProblemListPage'),
  (m) => m.ProblemListPage,
);
const ProblemRectifyPage = lazyPage(
  () => import('./pages/ProblemRectifyPage'),
  (m) => m.ProblemRectifyPage,
);
const ReportProblemPage = lazyPage(
  () => import('./pages/ReportProblemPage'),
  (m) => m.ReportProblemPage,
);
const MyReportsPage = lazyPage(
  () => import('./pages/MyReportsPage'),
  (m) => m.MyReportsPage,
);
const WorkPage = lazyPage(
  () => import('./pages/WorkPage'),
  (m) => m.WorkPage,
);
const MessagesPage = lazyPage(
  () => import('./pages/MessagesPage'),
  (m) => m.MessagesPage,
);
const SelectionVotePage = lazyPage(
  () => import('./pages/SelectionVotePage'),
  (m) => m.SelectionVotePage,
);
const MePage = lazyPage(
  () => import('./pages/MePage'),
  (m) => m.MePage,
);

function Root() {
  return (
    <Suspense fallback={<PhoneLoading />}>
      <Outlet />
    </Suspense>
  );
}

const page = (path: string, element: ReactNode): RouteObject => ({ path, element });

export const phoneRoutes: RouteObject[] = [
  {
    path: '/m',
    element: <Root />,
    errorElement: <PhoneErrorPage />,
    children: [
      page('login', <MobileLoginPage />),
      page('report', <ReportPublicPage />),
      page('survey/:token', <SurveyPublicPage />),
      {
        element: (
          <PhoneRequireAuth>
            <PhoneTabsLayout />
          </PhoneRequireAuth>
        ),
        children: [
          { index: true, element: <MobileHomePage /> },
          page('work', <WorkPage />),
          page('messages', <MessagesPage />),
          page('me', <MePage />),
        ],
      },
      {
        element: <PhoneRequireAuth />,
        children: [
          page('tasks', <MyTasksPage />),
          page('tasks/:id', <MyTasksDetailPage />),
          page('inspect', <InspectTodayPage />),
          page('inspect/:planId/:pointId', <InspectPointPage />),
          page('problems', <ProblemListPage />),
          page('problems/new', <ReportProblemPage />),
          page('problems/:id', <ProblemRectifyPage />),
          page('my-reports', <MyReportsPage />),
          page('vote', <SelectionVotePage />),
          ...volunteeringMobilePages.map(([path, element]) => page(path, element)),
        ],
      },
      page('*', <PhoneNotFound />),
    ],
  },
  // A phone page opened outside /m (an old link): the phone app's not-found page, with a way home.
  { path: '*', element: <PhoneNotFound />, errorElement: <PhoneErrorPage /> },
];

export function createPhoneRouter() {
  return createBrowserRouter(phoneRoutes);
}
