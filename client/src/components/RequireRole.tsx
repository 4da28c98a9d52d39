import { Navigate, useLocation } from 'react-router';
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../session';
import type { UserView } from '../api/types';

// Loaded only when shown: this guard is in the first bundle, which carries no antd (AppLayout).
const Result = lazy(() => import('antd/es/result'));

/** Staff screens: log in first (then come back here); a wrong role sees why, not a blank page. */
export function RequireRole({ roles, children }: { roles: UserView['role'][]; children: ReactNode }) {
  const user = useUser();
  const location = useLocation();
  const { t } = useTranslation('desk');
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!roles.includes(user.role)) return <Result status="403" title="403" subTitle={t('wrongRole')} />;
  return <>{children}</>;
}
