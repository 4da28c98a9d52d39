import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../../session';

/**
 * The market's pages from its front page: one menu entry (中介超市) instead of
 * one per page, so the top menu stays short on a desk screen and a phone.
 */
export function MarketLinks() {
  const { t } = useTranslation(['marketAgencies', 'marketOrders', 'marketRatings']);
  const user = useUser();
  const links: [string, string][] = [
    ['/market/agencies', t('marketAgencies:nav.agencies')],
    ['/market/service-items', t('marketAgencies:nav.serviceItems')],
    ['/market/rankings', t('marketRatings:nav.rankings')],
  ];
  if (!user) links.push(['/market/register', t('marketAgencies:nav.register')]);
  if (user?.role === 'applicant' || user?.role === 'reviewer') links.unshift(['/market/orders/new', t('marketOrders:navPost')]);
  if (user?.role === 'intermediary') links.unshift(['/market/workbench', t('marketOrders:navWorkbench')], ['/market/my-agency', t('marketAgencies:mine.title')]);
  if (user?.role === 'supervisor' && user.level === 'city') links.unshift(['/market/review', t('marketAgencies:nav.review')]);
  if (user?.role === 'supervisor' && (user.level === 'city' || user.level === 'province')) {
    links.unshift(['/market/supervision', t('marketRatings:nav.supervision')], ['/market/ratings', t('marketRatings:nav.moderation')]);
  }
  return (
    <Space wrap data-testid="market-links">
      {links.map(([to, label]) => (
        <Link key={to} to={to}>
          <Button>{label}</Button>
        </Link>
      ))}
    </Space>
  );
}
