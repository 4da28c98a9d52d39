import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout, PageLoading } from './components/AppLayout';
import { RequireRole } from './components/RequireRole';
import { CatalogueScreen } from './pages/applicant/CatalogueScreen';

// Only the catalogue (the citizen's first page) is in the first bundle; every other page loads when first
// opened (AppLayout holds the Suspense), so a phone paints the catalogue without the desk's or the forms' code.
const FileCaseScreen = lazy(() => import('./pages/applicant/FileCaseScreen').then((m) => ({ default: m.FileCaseScreen })));
const ItemGuideScreen = lazy(() => import('./pages/applicant/ItemGuideScreen').then((m) => ({ default: m.ItemGuideScreen })));
const MyCasesScreen = lazy(() => import('./pages/applicant/MyCasesScreen').then((m) => ({ default: m.MyCasesScreen })));
const TrackLookupScreen = lazy(() => import('./pages/applicant/TrackLookupScreen').then((m) => ({ default: m.TrackLookupScreen })));
const TrackScreen = lazy(() => import('./pages/applicant/TrackScreen').then((m) => ({ default: m.TrackScreen })));
const CaseDeskScreen = lazy(() => import('./pages/desk/CaseDeskScreen').then((m) => ({ default: m.CaseDeskScreen })));
const LoginScreen = lazy(() => import('./pages/desk/LoginScreen').then((m) => ({ default: m.LoginScreen })));
const QueueScreen = lazy(() => import('./pages/desk/QueueScreen').then((m) => ({ default: m.QueueScreen })));
const CounterFileScreen = lazy(() => import('./pages/desk/CounterFileScreen').then((m) => ({ default: m.CounterFileScreen })));
const DecisionScreen = lazy(() => import('./pages/applicant/DecisionScreen').then((m) => ({ default: m.DecisionScreen })));
const BlankFormsScreen = lazy(() => import('./pages/applicant/BlankFormsScreen').then((m) => ({ default: m.BlankFormsScreen })));
const SearchScreen = lazy(() => import('./pages/desk/SearchScreen').then((m) => ({ default: m.SearchScreen })));
const HandledScreen = lazy(() => import('./pages/desk/HandledScreen').then((m) => ({ default: m.HandledScreen })));
const LicenceScreen = lazy(() => import('./pages/licences/LicenceScreen').then((m) => ({ default: m.LicenceScreen })));
const IssuedLicencesScreen = lazy(() => import('./pages/licences/IssuedLicencesScreen').then((m) => ({ default: m.IssuedLicencesScreen })));
const PostChecksScreen = lazy(() => import('./pages/commitments/PostChecksScreen').then((m) => ({ default: m.PostChecksScreen })));
const PostCheckScreen = lazy(() => import('./pages/commitments/PostCheckScreen').then((m) => ({ default: m.PostCheckScreen })));
const RankingsScreen = lazy(() => import('./pages/market/RankingsScreen').then((m) => ({ default: m.RankingsScreen })));
const ProjectBoardScreen = lazy(() => import('./pages/projects/ProjectBoardScreen').then((m) => ({ default: m.ProjectBoardScreen })));
const ProjectClockScreen = lazy(() => import('./pages/projects/ProjectClockScreen').then((m) => ({ default: m.ProjectClockScreen })));
const MarketSupervisionScreen = lazy(() => import('./pages/market/MarketSupervisionScreen').then((m) => ({ default: m.MarketSupervisionScreen })));
const RatingQueueScreen = lazy(() => import('./pages/market/RatingQueueScreen').then((m) => ({ default: m.RatingQueueScreen })));
const RateOrderScreen = lazy(() => import('./pages/market/RateOrderScreen').then((m) => ({ default: m.RateOrderScreen })));
const CertificateScreen = lazy(() => import('./pages/certificates/CertificateScreen').then((m) => ({ default: m.CertificateScreen })));
const CertificateDeskScreen = lazy(() => import('./pages/certificates/CertificateDeskScreen').then((m) => ({ default: m.CertificateDeskScreen })));
const RequestCertificateScreen = lazy(() => import('./pages/certificates/RequestCertificateScreen').then((m) => ({ default: m.RequestCertificateScreen })));
const AgenciesScreen = lazy(() => import('./pages/market/AgenciesScreen').then((m) => ({ default: m.AgenciesScreen })));
const AgencyScreen = lazy(() => import('./pages/market/AgencyScreen').then((m) => ({ default: m.AgencyScreen })));
const ServiceItemsScreen = lazy(() => import('./pages/market/ServiceItemsScreen').then((m) => ({ default: m.ServiceItemsScreen })));
const ServiceItemScreen = lazy(() => import('./pages/market/ServiceItemScreen').then((m) => ({ default: m.ServiceItemScreen })));
const RegisterAgencyScreen = lazy(() => import('./pages/market/RegisterAgencyScreen').then((m) => ({ default: m.RegisterAgencyScreen })));
const MarketReviewScreen = lazy(() => import('./pages/market/ReviewScreen').then((m) => ({ default: m.ReviewScreen })));
const VerifyScreen = lazy(() => import('./pages/licences/VerifyScreen').then((m) => ({ default: m.VerifyScreen })));
const PowersScreen = lazy(() => import('./pages/powers/PowersScreen').then((m) => ({ default: m.PowersScreen })));
const PowerScreen = lazy(() => import('./pages/powers/PowerScreen').then((m) => ({ default: m.PowerScreen })));
const PowerVersionsScreen = lazy(() => import('./pages/powers/VersionsScreen').then((m) => ({ default: m.VersionsScreen })));
const DelegationsScreen = lazy(() => import('./pages/delegations/DelegationsScreen').then((m) => ({ default: m.DelegationsScreen })));
const PublicityScreen = lazy(() => import('./pages/publicity/PublicityScreen').then((m) => ({ default: m.PublicityScreen })));
const MarketScreen = lazy(() => import('./pages/market/MarketScreen').then((m) => ({ default: m.MarketScreen })));
const NewOrderScreen = lazy(() => import('./pages/market/NewOrderScreen').then((m) => ({ default: m.NewOrderScreen })));
const OrderScreen = lazy(() => import('./pages/market/OrderScreen').then((m) => ({ default: m.OrderScreen })));
const ProjectsScreen = lazy(() => import('./pages/projects/ProjectsScreen').then((m) => ({ default: m.ProjectsScreen })));
const NewProjectScreen = lazy(() => import('./pages/projects/NewProjectScreen').then((m) => ({ default: m.NewProjectScreen })));
const ProjectScreen = lazy(() => import('./pages/projects/ProjectScreen').then((m) => ({ default: m.ProjectScreen })));
const WorkbenchScreen = lazy(() => import('./pages/market/WorkbenchScreen').then((m) => ({ default: m.WorkbenchScreen })));
const DrillDownScreen = lazy(() => import('./pages/supervisor/DrillDownScreen').then((m) => ({ default: m.DrillDownScreen })));

// Staff-only faces load on demand: an applicant's phone never downloads ECharts or the admin screens.
const DashboardScreen = lazy(() => import('./pages/supervisor/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const AdminScreen = lazy(() => import('./pages/admin/AdminScreen').then((m) => ({ default: m.AdminScreen })));
const later = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

const ProxyHome = lazy(() => import('./pages/proxy/ProxyHome').then((m) => ({ default: m.ProxyHome })));
const NewProxyScreen = lazy(() => import('./pages/proxy/NewProxyScreen').then((m) => ({ default: m.NewProxyScreen })));
const ProxyOrderScreen = lazy(() => import('./pages/proxy/ProxyOrderScreen').then((m) => ({ default: m.ProxyOrderScreen })));
const ProxyWorkbenchScreen = lazy(() => import('./pages/proxy/WorkbenchScreen').then((m) => ({ default: m.ProxyWorkbenchScreen })));
const ProxyDispatchScreen = lazy(() => import('./pages/proxy/DispatchScreen').then((m) => ({ default: m.ProxyDispatchScreen })));
const ProxyAgentsScreen = lazy(() => import('./pages/proxy/AgentsScreen').then((m) => ({ default: m.ProxyAgentsScreen })));
const MonthlyScreen = lazy(() => import('./pages/ratings/MonthlyScreen').then((m) => ({ default: m.MonthlyScreen })));
const RectificationsScreen = lazy(() => import('./pages/ratings/RectificationsScreen').then((m) => ({ default: m.RectificationsScreen })));
const RectificationScreen = lazy(() => import('./pages/ratings/RectificationScreen').then((m) => ({ default: m.RectificationScreen })));
const ProxySupervisionScreen = lazy(() => import('./pages/proxy/SupervisionScreen').then((m) => ({ default: m.ProxySupervisionScreen })));
const TransfersScreen = lazy(() => import('./pages/transfers/TransfersScreen').then((m) => ({ default: m.TransfersScreen })));

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <CatalogueScreen /> },
      { path: '/items/:code', element: <ItemGuideScreen /> },
      { path: '/items/:code/file', element: <FileCaseScreen /> },
      { path: '/items/:code/forms', element: <BlankFormsScreen /> },
      { path: '/track', element: <TrackLookupScreen /> },
      { path: '/track/:caseNo', element: <TrackScreen /> },
      { path: '/track/:caseNo/decision', element: <DecisionScreen /> },
      { path: '/verify', element: <VerifyScreen /> },
      { path: '/publicity', element: <PublicityScreen /> },
      // Power and responsibility lists (issue 14 part A): public; `versions` before `:code`.
      { path: '/powers', element: <PowersScreen /> },
      { path: '/powers/versions', element: <PowerVersionsScreen /> },
      { path: '/powers/:code', element: <PowerScreen /> },
      { path: '/delegations', element: <DelegationsScreen /> },
      // The intermediary market's agencies and service items (issue 12 part A): public, but registration and review.
      { path: '/market/agencies', element: <AgenciesScreen /> },
      { path: '/market/agencies/:id', element: <AgencyScreen /> },
      { path: '/market/my-agency', element: <RequireRole roles={['intermediary']}><AgencyScreen mine /></RequireRole> },
      { path: '/market/service-items', element: <ServiceItemsScreen /> },
      { path: '/market/service-items/:code', element: <ServiceItemScreen /> },
      { path: '/market/register', element: <RegisterAgencyScreen /> },
      { path: '/market/review', element: <RequireRole roles={['supervisor']}><MarketReviewScreen /></RequireRole> },
      { path: '/licences', element: <RequireRole roles={['reviewer', 'supervisor']}><IssuedLicencesScreen /></RequireRole> },
      { path: '/licences/:id', element: <RequireRole roles={['applicant', 'reviewer', 'supervisor', 'admin']}><LicenceScreen /></RequireRole> },
      { path: '/post-checks', element: <RequireRole roles={['reviewer', 'supervisor', 'admin']}><PostChecksScreen /></RequireRole> },
      { path: '/post-checks/:id', element: <RequireRole roles={['applicant', 'reviewer', 'supervisor', 'admin']}><PostCheckScreen /></RequireRole> },
      { path: '/certificates/request', element: <RequireRole roles={['applicant']}><RequestCertificateScreen /></RequireRole> },
      { path: '/certificates/:id', element: <RequireRole roles={['applicant', 'clerk', 'supervisor', 'admin']}><CertificateScreen /></RequireRole> },
      { path: '/desk/certificates', element: <RequireRole roles={['clerk']}><CertificateDeskScreen /></RequireRole> },
      // Free proxy service (网上无偿代办, issue 13): one menu entry, its pages by role.
      { path: '/proxy', element: <ProxyHome /> },
      { path: '/proxy/new', element: <RequireRole roles={['applicant']}><NewProxyScreen /></RequireRole> },
      { path: '/proxy/orders/:orderNo', element: <RequireRole roles={['applicant', 'proxy_agent', 'clerk', 'supervisor', 'admin']}><ProxyOrderScreen /></RequireRole> },
      { path: '/proxy/workbench', element: <RequireRole roles={['proxy_agent']}><ProxyWorkbenchScreen /></RequireRole> },
      { path: '/proxy/dispatch', element: <RequireRole roles={['clerk', 'supervisor', 'admin']}><ProxyDispatchScreen /></RequireRole> },
      { path: '/proxy/agents', element: <ProxyAgentsScreen /> },
      { path: '/proxy/supervision', element: <RequireRole roles={['supervisor', 'admin']}><ProxySupervisionScreen /></RequireRole> },
      // The function-transfer list (职能转移), public; no menu entry (linked from the power list's page).
      { path: '/transfers', element: <TransfersScreen /> },
      { path: '/market', element: <MarketScreen /> },
      // 好差评 (issue 14 part B): the public monthly results; the desk's rectifications, reached from the queue (no menu entry).
      { path: '/ratings', element: <MonthlyScreen /> },
      { path: '/desk/rectifications', element: <RequireRole roles={['clerk', 'reviewer', 'supervisor']}><RectificationsScreen /></RequireRole> },
      { path: '/rectifications/:id', element: <RequireRole roles={['applicant', 'clerk', 'reviewer', 'supervisor', 'admin']}><RectificationScreen /></RequireRole> },
      // Investment projects (issue 13): the owner's, the acting agent's and staff's lists; registration; a project's page, live.
      { path: '/projects', element: <RequireRole roles={['applicant', 'proxy_agent', 'clerk', 'reviewer', 'supervisor', 'admin']}><ProjectsScreen /></RequireRole> },
      { path: '/projects/new', element: <RequireRole roles={['applicant']}><NewProjectScreen /></RequireRole> },
      { path: '/projects/:code', element: <RequireRole roles={['applicant', 'proxy_agent', 'clerk', 'reviewer', 'supervisor', 'admin']}><ProjectScreen /></RequireRole> },
      { path: '/market/orders/new', element: <RequireRole roles={['applicant', 'reviewer']}><NewOrderScreen /></RequireRole> },
      { path: '/market/orders/:id', element: <OrderScreen /> },
      { path: '/market/workbench', element: <RequireRole roles={['intermediary']}><WorkbenchScreen /></RequireRole> },
      { path: '/market/rankings', element: <RankingsScreen /> },
      { path: '/market/supervision', element: <RequireRole roles={['supervisor']}><MarketSupervisionScreen /></RequireRole> },
      { path: '/projects/board', element: <RequireRole roles={['supervisor', 'admin']}><ProjectBoardScreen /></RequireRole> },
      { path: '/projects/board/:code', element: <RequireRole roles={['applicant', 'clerk', 'reviewer', 'supervisor', 'admin', 'proxy_agent']}><ProjectClockScreen /></RequireRole> },
      { path: '/market/ratings', element: <RequireRole roles={['supervisor']}><RatingQueueScreen /></RequireRole> },
      { path: '/market/orders/:id/rate', element: <RequireRole roles={['applicant', 'reviewer', 'supervisor', 'clerk', 'proxy_agent', 'admin']}><RateOrderScreen /></RequireRole> },
      { path: '/mine', element: <RequireRole roles={['applicant']}><MyCasesScreen /></RequireRole> },
      { path: '/login', element: <LoginScreen /> },
      { path: '/desk', element: <RequireRole roles={['clerk', 'reviewer']}><QueueScreen /></RequireRole> },
      { path: '/desk/counter', element: <RequireRole roles={['clerk']}><CounterFileScreen /></RequireRole> },
      { path: '/desk/handled', element: <RequireRole roles={['clerk', 'reviewer']}><HandledScreen /></RequireRole> },
      { path: '/search', element: <RequireRole roles={['clerk', 'reviewer', 'supervisor', 'admin']}><SearchScreen /></RequireRole> },
      { path: '/desk/cases/:caseNo', element: <RequireRole roles={['clerk', 'reviewer', 'supervisor', 'admin']}><CaseDeskScreen /></RequireRole> },
      { path: '/desk/cases/:caseNo/decision', element: <RequireRole roles={['clerk', 'reviewer', 'supervisor', 'admin']}><DecisionScreen /></RequireRole> },
      { path: '/supervisor', element: <RequireRole roles={['supervisor', 'admin']}>{later(<DashboardScreen />)}</RequireRole> },
      { path: '/supervisor/cases', element: <RequireRole roles={['supervisor', 'admin']}><DrillDownScreen /></RequireRole> },
      { path: '/admin', element: <RequireRole roles={['admin']}>{later(<AdminScreen />)}</RequireRole> },
      { path: '*', element: <CatalogueScreen /> },
    ],
  },
]);

export function App() {
  // antd's ConfigProvider (theme, locale) is in AppLayout's AntdFrame, loaded with the first page that needs it.
  return <RouterProvider router={router} />;
}
