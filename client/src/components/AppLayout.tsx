import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { setLang } from '../i18n';
import { session, useUser } from '../session';
import { usePageTitle } from './usePageTitle';

// antd (theme, locale, message context) comes with the first page that uses it; the catalogue does without.
const AntdFrame = lazy(() => import('./AntdFrame'));

/** While a page's code arrives: a quiet placeholder that says what it is. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
    </div>
  );
}

const icon = (d: string) => (
  <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
    <path d={d} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
  </svg>
);
const MENU = 'M3 6h18M3 12h18M3 18h18';
const GLOBE = 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18';
const LOGOUT = 'M15 4h4v16h-4M10 8l-4 4l4 4M6 12h10';

/**
 * The frame of every screen: brand, the menu this user may use, language switch, log-in state. Plain
 * elements, not antd: the frame is part of the citizen's first page, which must paint before antd arrives.
 */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  usePageTitle();
  // The phone's menu is one button that opens the list; any navigation closes it.
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  const items = [
    { key: '/', label: t('nav.catalogue') },
    { key: '/track', label: t('nav.track') },
    // Public, like the QR code of every e-licence that opens it.
    { key: '/verify', label: t('nav.verify') },
    // Public too: the register of licences granted (双公示).
    { key: '/publicity', label: t('publicity:nav') },
    { key: '/powers', label: t('powers:nav') },
    // Public: the intermediary market; its other pages (agencies, rankings, review …) open from its front page.
    { key: '/market', label: t('marketOrders:nav') },
  ];
  if (user?.role === 'intermediary') items.push({ key: '/market/workbench', label: t('marketOrders:navWorkbench') });
  // Free proxy service: one entry for those who use it (owners, agents, dispatching centres, supervisors); its pages open from it.
  if (user && (['applicant', 'proxy_agent', 'supervisor', 'admin'].includes(user.role) || (user.role === 'clerk' && ['county', 'city', 'province'].includes(user.level ?? '')))) items.push({ key: '/proxy', label: t('proxy:nav') });
  if (user?.role === 'applicant') items.push({ key: '/mine', label: t('nav.mine') });
  // Investment projects: one entry for owners, acting agents and staff (the supervisors' board opens from it).
  if (user && user.role !== 'intermediary') items.push({ key: '/projects', label: t('projects:nav') });
  if (user?.role === 'clerk' || user?.role === 'reviewer') items.push({ key: '/desk', label: t('nav.queue') });
  if (user?.role === 'supervisor' || user?.role === 'admin') items.push({ key: '/supervisor', label: t('nav.dashboard') });
  if (user && ['clerk', 'reviewer', 'supervisor', 'admin'].includes(user.role)) items.push({ key: '/search', label: t('search:nav') });
  if (user?.role === 'reviewer' || user?.role === 'supervisor') items.push({ key: '/licences', label: t('licenceOps:nav') });
  if (user?.role === 'reviewer' || user?.role === 'supervisor' || user?.role === 'admin') items.push({ key: '/post-checks', label: t('commitments:nav') });
  if (user?.role === 'clerk' && (user.level === 'village' || user.level === 'town')) items.push({ key: '/desk/certificates', label: t('certificates:nav') });
  if (user?.role === 'admin') items.push({ key: '/admin', label: t('nav.admin') });
  const selected = (k: string) => (k === '/' ? pathname === '/' || pathname.startsWith('/items') : pathname.startsWith(k) && !(k === '/desk' && pathname.startsWith('/desk/certificates')) && !(k === '/market' && pathname.startsWith('/market/workbench')));
  const wall = pathname.startsWith('/supervisor');
  const light = pathname === '/';
  return (
    <div className={wall ? 'app wall' : 'app'}>
      <header className="app-header">
        <Link to="/" className="app-brand">
          <span className="full">{t('appName')}</span>
          <span className="short">{t('appShort')}</span>
        </Link>
        <nav className="app-nav" aria-label={t('nav.menu')}>
          <button type="button" className="app-btn app-menu-button" aria-label={t('nav.menu')} aria-expanded={open} aria-controls="app-nav-list" onClick={() => setOpen((o) => !o)}>
            {icon(MENU)}
          </button>
          <ul id="app-nav-list" className={open ? 'open' : undefined}>
            {items.map((i) => (
              <li key={i.key}>
                <Link to={i.key} aria-current={selected(i.key) ? 'page' : undefined}>
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-tools">
          <button type="button" className="app-btn" aria-label={`${t('lang.label')}: ${t('lang.switchTo')}`} onClick={() => setLang(i18n.language === 'en' ? 'zh' : 'en')}>
            {icon(GLOBE)} {t('lang.switchTo')}
          </button>
          {user ? (
            <button
              type="button"
              className="app-btn"
              title={`${user.displayName} · ${t(`role.${user.role}`)}`}
              onClick={() => {
                session.clear();
                navigate('/login');
              }}
            >
              {/* Its name is "退出 <name>"; on a phone only the icon shows, and the name is "退出". */}
              {icon(LOGOUT)} <span className="visually-hidden">{t('nav.logout')}</span> <span className="user-name">{user.displayName}</span>
            </button>
          ) : (
            <button type="button" className="app-btn" onClick={() => navigate('/login')}>
              {t('nav.login')}
            </button>
          )}
        </div>
      </header>
      <main className="app-content">
        {light ? (
          <Outlet />
        ) : (
          <Suspense fallback={<PageLoading />}>
            <AntdFrame>
              {/* Pages other than the catalogue load on first use (App.tsx): the frame stays while one arrives. */}
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </AntdFrame>
          </Suspense>
        )}
      </main>
    </div>
  );
}
