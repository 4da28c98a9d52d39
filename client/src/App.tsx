import { App as AntApp, ConfigProvider, Skeleton } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RequireRole } from './components/RequireRole';
import { CatalogueScreen } from './pages/applicant/CatalogueScreen';
import { FileCaseScreen } from './pages/applicant/FileCaseScreen';
import { ItemGuideScreen } from './pages/applicant/ItemGuideScreen';
import { MyCasesScreen } from './pages/applicant/MyCasesScreen';
import { TrackLookupScreen } from './pages/applicant/TrackLookupScreen';
import { TrackScreen } from './pages/applicant/TrackScreen';
import { CaseDeskScreen } from './pages/desk/CaseDeskScreen';
import { LoginScreen } from './pages/desk/LoginScreen';
import { QueueScreen } from './pages/desk/QueueScreen';

// Staff-only faces load on demand: an applicant's phone never downloads ECharts or the admin screens.
const DashboardScreen = lazy(() => import('./pages/supervisor/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const AdminScreen = lazy(() => import('./pages/admin/AdminScreen').then((m) => ({ default: m.AdminScreen })));
const later = (node: ReactNode) => <Suspense fallback={<Skeleton active />}>{node}</Suspense>;

// Text colours dark enough for WCAG AA contrast (4.5:1) on white and on the grey page background.
const THEME = {
  token: {
    colorPrimary: '#1f5fbf',
    colorLink: '#1f5fbf',
    // antd's derived hover shades (#417dcc, links #689dd9) fall below 4.5:1 under the pointer.
    colorPrimaryHover: '#2f6bc4',
    colorPrimaryTextHover: '#2f6bc4',
    colorLinkHover: '#2f6bc4',
    colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    borderRadius: 4,
  },
};

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <CatalogueScreen /> },
      { path: '/items/:code', element: <ItemGuideScreen /> },
      { path: '/items/:code/file', element: <FileCaseScreen /> },
      { path: '/track', element: <TrackLookupScreen /> },
      { path: '/track/:caseNo', element: <TrackScreen /> },
      { path: '/mine', element: <RequireRole roles={['applicant']}><MyCasesScreen /></RequireRole> },
      { path: '/login', element: <LoginScreen /> },
      { path: '/desk', element: <RequireRole roles={['clerk', 'reviewer']}><QueueScreen /></RequireRole> },
      { path: '/desk/cases/:caseNo', element: <RequireRole roles={['clerk', 'reviewer', 'supervisor', 'admin']}><CaseDeskScreen /></RequireRole> },
      { path: '/supervisor', element: <RequireRole roles={['supervisor', 'admin']}>{later(<DashboardScreen />)}</RequireRole> },
      { path: '/admin', element: <RequireRole roles={['admin']}>{later(<AdminScreen />)}</RequireRole> },
      { path: '*', element: <CatalogueScreen /> },
    ],
  },
]);

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}
