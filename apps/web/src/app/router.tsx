import type { Permission } from '@wenming/contracts';
import { Button, Result } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject, useLocation, useNavigate } from 'react-router';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import * as Vol from '../features/volunteers/desktop-routes';
import { findMenuEntry } from './access';
import { AppLayout } from './layout/AppLayout';
import { FullPageSpin, RequireAuth, RequirePermission } from './RequireAuth';

/** A page loaded on first visit, so that each feature ships in its own chunk. */
function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

const VenuesPage = lazyPage(
  () => import('../features/venues/pages/VenuesPage'),
  (m) => m.VenuesPage,
);
const VenueDetailPage = lazyPage(
  () => import('../features/venues/pages/VenueDetailPage'),
  (m) => m.VenueDetailPage,
);
const NewsPage = lazyPage(
  () => import('../features/news/pages/NewsPage'),
  (m) => m.NewsPage,
);
const PublicNewsPage = lazyPage(
  () => import('../features/news/pages/PublicNewsPage'),
  (m) => m.PublicNewsPage,
);
const PublicArticlePage = lazyPage(
  () => import('../features/news/pages/PublicNewsPage'),
  (m) => m.PublicArticlePage,
);
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
const FrameworksPage = lazyPage(
  () => import('../features/frameworks/pages/FrameworksPage'),
  (m) => m.FrameworksPage,
);
const FrameworkDetailPage = lazyPage(
  () => import('../features/frameworks/pages/FrameworkDetailPage'),
  (m) => m.FrameworkDetailPage,
);
const CampaignsPage = lazyPage(
  () => import('../features/campaigns/pages/CampaignsPage'),
  (m) => m.CampaignsPage,
);
const CampaignDetailPage = lazyPage(
  () => import('../features/campaigns/pages/CampaignDetailPage'),
  (m) => m.CampaignDetailPage,
);
const SelfAssessmentsPage = lazyPage(
  () => import('../features/self-assessments/pages/SelfAssessmentsPage'),
  (m) => m.SelfAssessmentsPage,
);
const SelfAssessmentDetailPage = lazyPage(
  () => import('../features/self-assessments/pages/SelfAssessmentDetailPage'),
  (m) => m.SelfAssessmentDetailPage,
);
const WorkbenchPage = lazyPage(
  () => import('../features/workbench/pages/WorkbenchPage'),
  (m) => m.WorkbenchPage,
);
const TasksPage = lazyPage(
  () => import('../features/campaigns/pages/TasksPage'),
  (m) => m.TasksPage,
);
const MyActivitiesPage = lazyPage(
  () => import('../features/workbench/pages/MyActivitiesPage'),
  (m) => m.MyActivitiesPage,
);
const MyHoursPage = lazyPage(
  () => import('../features/workbench/pages/MyHoursPage'),
  (m) => m.MyHoursPage,
);
const MyOrdersPage = lazyPage(
  () => import('../features/workbench/pages/MyOrdersPage'),
  (m) => m.MyOrdersPage,
);
const MyTimebankPage = lazyPage(
  () => import('../features/workbench/pages/MyTimebankPage'),
  (m) => m.MyTimebankPage,
);
const MyReportsPage = lazyPage(
  () => import('../features/workbench/pages/MyReportsPage'),
  (m) => m.MyReportsPage,
);
const PointsPage = lazyPage(
  () => import('../features/inspections/pages/PointsPage'),
  (m) => m.PointsPage,
);
const InspectionPlansPage = lazyPage(
  () => import('../features/inspections/pages/InspectionPlansPage'),
  (m) => m.InspectionPlansPage,
);
const InspectionPlanDetailPage = lazyPage(
  () => import('../features/inspections/pages/InspectionPlanDetailPage'),
  (m) => m.InspectionPlanDetailPage,
);
const InspectionsPage = lazyPage(
  () => import('../features/inspections/pages/InspectionsPage'),
  (m) => m.InspectionsPage,
);
const InspectionDetailPage = lazyPage(
  () => import('../features/inspections/pages/InspectionDetailPage'),
  (m) => m.InspectionDetailPage,
);
const ProblemsPage = lazyPage(
  () => import('../features/problems/pages/ProblemsPage'),
  (m) => m.ProblemsPage,
);
const ProblemDetailPage = lazyPage(
  () => import('../features/problems/pages/ProblemDetailPage'),
  (m) => m.ProblemDetailPage,
);
const EvaluationsPage = lazyPage(
  () => import('../features/evaluations/pages/EvaluationsPage'),
  (m) => m.EvaluationsPage,
);
const EvaluationResultsPage = lazyPage(
  () => import('../features/evaluations/pages/EvaluationResultsPage'),
  (m) => m.EvaluationResultsPage,
);
const EvaluationDrillPage = lazyPage(
  () => import('../features/evaluations/pages/EvaluationDrillPage'),
  (m) => m.EvaluationDrillPage,
);
const BulletinsPage = lazyPage(
  () => import('../features/bulletins/pages/BulletinsPage'),
  (m) => m.BulletinsPage,
);
const BigscreenPage = lazyPage(
  () => import('../features/bigscreen/pages/BigscreenPage'),
  (m) => m.BigscreenPage,
);
const QuestionnairesPage = lazyPage(
  () => import('../features/questionnaires/pages/QuestionnairesPage'),
  (m) => m.QuestionnairesPage,
);
const QuestionnaireDetailPage = lazyPage(
  () => import('../features/questionnaires/pages/QuestionnaireDetailPage'),
  (m) => m.QuestionnaireDetailPage,
);
const ProjectsPage = lazyPage(
  () => import('../features/projects/pages/ProjectsPage'),
  (m) => m.ProjectsPage,
);
const ProjectDetailPage = lazyPage(
  () => import('../features/projects/pages/ProjectDetailPage'),
  (m) => m.ProjectDetailPage,
);
const PublicBulletinsPage = lazyPage(
  () => import('../features/public/pages/PublicBulletinsPage'),
  (m) => m.PublicBulletinsPage,
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

/** A record page under a menu entry (`/frameworks/:id`), guarded like the entry. */
function guardedDetail(key: string, page: ReactNode): RouteObject {
  const entry = findMenuEntry(key);
  return {
    path: `${entry.path.slice(1)}/:id`,
    element: <RequirePermission anyOf={entry.anyOf}>{page}</RequirePermission>,
  };
}

/**
 * The phone app (/m/…) is its own entry (m/index.html, see mobile/main.tsx): a link into it from the desktop app
 * loads that page instead of rendering here.
 */
function PhoneApp() {
  const location = useLocation();
  useEffect(() => window.location.replace(location.pathname + location.search), [location]);
  return <FullPageSpin />;
}

function withSuspense(node: ReactNode) {
  return <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;
}

const SelectionsPage = lazyPage(
  () => import('../features/selections/pages/SelectionsPage'),
  (m) => m.SelectionsPage,
);
const SelectionDetailPage = lazyPage(
  () => import('../features/selections/pages/SelectionDetailPage'),
  (m) => m.SelectionDetailPage,
);
const HonourRollPage = lazyPage(
  () => import('../features/public/pages/HonourRollPage'),
  (m) => m.HonourRollPage,
);

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
  { path: '/m/*', element: <PhoneApp /> },
  { path: '/m', element: <PhoneApp /> },
  { path: '/public/bulletins', element: withSuspense(<PublicBulletinsPage />) },
  { path: '/public/honour-roll', element: withSuspense(<HonourRollPage />) },
  { path: '/public/news', element: withSuspense(<PublicNewsPage />) },
  { path: '/public/news/:id', element: withSuspense(<PublicArticlePage />) },
  {
    path: '/bigscreen',
    element: (
      <RequireAuth>
        <RequirePermission anyOf={['evaluation.read']}>{withSuspense(<BigscreenPage />)}</RequirePermission>
      </RequireAuth>
    ),
  },
  {
    path: '/activities/:id/qr',
    element: (
      <RequireAuth>
        <RequirePermission anyOf={['activity.manage']}>{withSuspense(<Vol.ActivityQrPage />)}</RequirePermission>
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <WorkbenchPage /> },
      guarded('tasks', <TasksPage />),
      guarded('my-activities', <MyActivitiesPage />),
      guarded('my-hours', <MyHoursPage />),
      guarded('my-orders', <MyOrdersPage />),
      guarded('my-timebank', <MyTimebankPage />),
      guarded('my-reports', <MyReportsPage />),
      guarded('frameworks', <FrameworksPage />),
      guardedDetail('frameworks', <FrameworkDetailPage />),
      guarded('campaigns', <CampaignsPage />),
      guardedDetail('campaigns', <CampaignDetailPage />),
      guarded('self-assessments', <SelfAssessmentsPage />),
      guardedDetail('self-assessments', <SelfAssessmentDetailPage />),
      guarded('inspection-plans', <InspectionPlansPage />),
      guardedDetail('inspection-plans', <InspectionPlanDetailPage />),
      guarded('inspections', <InspectionsPage />),
      guardedDetail('inspections', <InspectionDetailPage />),
      guarded('points', <PointsPage />),
      guarded('problems', <ProblemsPage />),
      guardedDetail('problems', <ProblemDetailPage />),
      guarded('selections', <SelectionsPage />),
      guardedDetail('selections', <SelectionDetailPage />),
      guarded('evaluations', <EvaluationsPage />),
      guardedDetail('evaluations', <EvaluationResultsPage />),
      guarded('bulletins', <BulletinsPage />),
      guarded('questionnaires', <QuestionnairesPage />),
      guardedDetail('questionnaires', <QuestionnaireDetailPage />),
      {
        path: 'evaluations/:id/drill',
        element: (
          <RequirePermission anyOf={['evaluation.read']}>
            <EvaluationDrillPage />
          </RequirePermission>
        ),
      },
      guarded('volunteers', <Vol.VolunteersPage />),
      guardedDetail('volunteers', <Vol.VolunteerDetailPage />),
      guarded('teams', <Vol.TeamsPage />),
      guarded('activities', <Vol.ActivitiesPage />),
      guardedDetail('activities', <Vol.ActivityDetailPage />),
      guarded('projects', <ProjectsPage />),
      guardedDetail('projects', <ProjectDetailPage />),
      guarded('station-figures', <Vol.StationFiguresPage />),
      guarded('service-menu', <Vol.ServiceMenuPage />),
      guarded('orders', <Vol.OrdersPage />),
      guardedDetail('orders', <Vol.OrderDetailPage />),
      guarded('order-figures', <Vol.ResponseFiguresPage />),
      guarded('timebank', <Vol.TimebankPage />),
      { ...guardedDetail('timebank', <Vol.AccountStatementPage />), path: 'timebank/accounts/:id' },
      { ...guardedDetail('timebank', <Vol.BranchStatementPage />), path: 'timebank/branches/:id' },
      guarded('venues', <VenuesPage />),
      guardedDetail('venues', <VenueDetailPage />),
      guarded('news', <NewsPage />),
      guarded('timebank-branches', <Vol.BranchesPage />),
      guarded('timebank-reconciliation', <Vol.ReconciliationPage />),
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
