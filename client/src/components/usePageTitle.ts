import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation } from 'react-router';

/** Each page's own title, one place for all (common:pageTitle); the first match wins. */
const TITLES: [pattern: string, key: string][] = [
  ['/items/:code/file', 'file'],
  ['/items/:code', 'guide'],
  ['/track/:caseNo', 'case'],
  ['/track', 'track'],
  ['/mine', 'mine'],
  ['/login', 'login'],
  ['/desk/cases/:caseNo', 'desk'],
  ['/desk/handled', 'handled'],
  ['/desk/counter', 'counter'],
  ['/search', 'search'],
  ['/desk', 'queue'],
  ['/supervisor/cases', 'drill'],
  ['/supervisor', 'dashboard'],
  ['/admin', 'admin'],
  ['/verify', 'verify'],
  ['/publicity', 'publicity:pageTitle'],
  ['/transfers', 'transfers:pageTitle'],
  ['/powers/versions', 'powers:versions.title'],
  ['/powers/*', 'powers:title'],
  ['/delegations', 'delegations:pageTitle'],
  ['/market/agencies/:id', 'marketAgencies:profile.title'],
  ['/market/agencies', 'marketAgencies:list.title'],
  ['/market/my-agency', 'marketAgencies:mine.title'],
  ['/market/service-items/*', 'marketAgencies:items.title'],
  ['/market/register', 'marketAgencies:register.title'],
  ['/market/review', 'marketAgencies:review.title'],
  ['/market/rankings', 'marketRatings:pageTitle.rankings'],
  ['/market/supervision', 'marketRatings:pageTitle.supervision'],
  ['/market/ratings', 'marketRatings:pageTitle.moderation'],
  ['/market/orders/:id/rate', 'marketRatings:pageTitle.rate'],
  ['/projects/board/:code', 'projectBoard:pageTitle.clock'],
  ['/projects/board', 'projectBoard:pageTitle.board'],
];

/** The page's name for the browser tab, history and screen readers: "进度查询 - 温州市五级联动审批". */
export function pageTitleKey(pathname: string): { key: string; params: Record<string, string> } {
  for (const [pattern, key] of TITLES) {
    const m = matchPath(pattern, pathname);
    if (m) return { key, params: m.params as Record<string, string> };
  }
  return { key: 'catalogue', params: {} };
}

/** Sets document.title from the route, in the reader's language (AppLayout calls it once for every page). */
export function usePageTitle(): void {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  useEffect(() => {
    const { key, params } = pageTitleKey(pathname);
    // A key with a namespace (publicity:pageTitle) is the page's own; the rest are common:pageTitle.*.
    document.title = `${t(key.includes(':') ? key : `pageTitle.${key}`, params)} - ${t('appName')}`;
  }, [pathname, t, i18n.language]);
}
