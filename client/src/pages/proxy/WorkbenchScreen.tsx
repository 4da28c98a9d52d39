import { Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listProxyOrders, type ProxyOrderView } from '../../api/proxyOrders';
import { ErrorState } from '../../components/ErrorState';
import { LivePageHeader } from '../../components/LivePageHeader';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { ProxyOrderCard } from './ProxyOrderCard';

/** The agent's workbench, made for a phone: orders to answer (with the deadline), orders in service (due dates), the projects it acts for, the claimable pool; live. */
export function ProxyWorkbenchScreen() {
  const { t } = useTranslation('proxy');
  const user = useUser();
  const mine = useAsync(() => listProxyOrders({ state: 'dispatched,in_service', pageSize: 100 }), []);
  const pool = useAsync(() => listProxyOrders({ view: 'pool', pageSize: 100 }), []);
  const reload = () => {
    void mine.reload();
    void pool.reload();
  };
  const live = useStaffLive({ onProxy: reload }, user?.username ?? null);
  if (mine.error) return <ErrorState error={mine.error} onRetry={reload} />;
  const orders = mine.data?.orders ?? [];
  const section = (title: string, list: ProxyOrderView[], testId: string) => (
    <Card size="small" title={`${title}（${list.length}）`} data-testid={testId}>
      {list.length === 0 ? (
        <Empty description={t('workbench.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {list.map((o) => (
            <ProxyOrderCard key={o.orderNo} order={o} onDone={reload} />
          ))}
        </Space>
      )}
    </Card>
  );
  const projects = [...new Set(orders.filter((o) => o.state === 'in_service' && o.projectCode).map((o) => o.projectCode!))];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }} data-testid="proxy-workbench">
      <LivePageHeader title={t('workbench.title')} live={live} />
      {section(t('workbench.dispatched'), orders.filter((o) => o.state === 'dispatched'), 'proxy-to-answer')}
      {section(t('workbench.inService'), orders.filter((o) => o.state === 'in_service'), 'proxy-in-service')}
      <Card size="small" title={t('workbench.projects')} data-testid="proxy-projects">
        {projects.length === 0 ? <Typography.Text type="secondary">{t('workbench.empty')}</Typography.Text> : projects.map((c) => <div key={c}><Link to={`/projects/${c}`}>{c}</Link></div>)}
      </Card>
      {section(t('workbench.pool'), pool.data?.orders ?? [], 'proxy-pool')}
    </Space>
  );
}
