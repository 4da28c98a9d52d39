import { Button, Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listProxyOrders } from '../../api/proxyOrders';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { ProxyOrderCard } from './ProxyOrderCard';

/** The one menu entry of free proxy service: the links each role uses; an owner's own orders. */
export function ProxyHome() {
  const { t } = useTranslation('proxy');
  const user = useUser();
  const role = user?.role;
  const owner = role === 'applicant';
  const mine = useAsync(() => (owner ? listProxyOrders({ pageSize: 50 }) : Promise.resolve({ orders: [], total: 0 })), [owner]);
  useStaffLive({ onProxy: () => void mine.reload() }, owner ? (user?.username ?? null) : null);
  const dispatcher = role === 'clerk' && ['county', 'city', 'province'].includes(user?.level ?? '');
  const links = [
    ...(owner ? [['/proxy/new', t('home.request')]] : []),
    ...(role === 'proxy_agent' ? [['/proxy/workbench', t('home.workbench')]] : []),
    ...(dispatcher || role === 'supervisor' || role === 'admin' ? [['/proxy/dispatch', t('home.dispatch')]] : []),
    ...(role === 'supervisor' || role === 'admin' ? [['/proxy/supervision', t('home.supervision')]] : []),
    ['/proxy/agents', t('home.agents')],
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }} data-testid="proxy-home">
      <Typography.Title level={1} className="page-title">{t('home.title')}</Typography.Title>
      <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
      <Space wrap>
        {links.map(([to, label]) => (
          <Link key={to} to={to!}>
            <Button type={to === '/proxy/new' || to === '/proxy/workbench' || to === '/proxy/dispatch' ? 'primary' : 'default'}>{label}</Button>
          </Link>
        ))}
      </Space>
      {owner && (
        <Card size="small" title={t('home.mine')}>
          {(mine.data?.orders ?? []).length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.empty')} /> : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {mine.data!.orders.map((o) => <ProxyOrderCard key={o.orderNo} order={o} onDone={() => void mine.reload()} />)}
            </Space>
          )}
        </Card>
      )}
    </Space>
  );
}
