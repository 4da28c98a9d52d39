import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getWorkbench } from '../../api/marketOrders';
import { ErrorState } from '../../components/ErrorState';
import { LivePageHeader } from '../../components/LivePageHeader';
import { useAsync } from '../../components/useAsync';
import { useMarketLive, useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { atLocal, orderStateColor } from './marketWords';

/** The agency's workbench: announcements it may sign up to, its orders and their deadlines; live like the clerks' queue. */
export function WorkbenchScreen() {
  const { t } = useTranslation('marketOrders');
  const user = useUser();
  const bench = useAsync(() => getWorkbench(), []);
  const live = useStaffLive({ onOrder: () => void bench.reload() }, user?.username ?? null);
  // New announcements reach the public room only (the agency is not yet among the order's followers).
  useMarketLive({ onOrder: (e) => e.state === 'signup' && void bench.reload() });
  if (bench.error) return <ErrorState error={bench.error} onRetry={bench.reload} />;
  const b = bench.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }} data-testid="workbench-page">
      <LivePageHeader title={`${t('workbench.title')}${b ? `：${b.agency.name}` : ''}`} live={live} />
      <Card size="small" title={t('workbench.announcements')}>
        <List
          loading={!b}
          locale={{ emptyText: t('market.empty') }}
          dataSource={b?.announcements ?? []}
          renderItem={(o) => (
            <List.Item data-testid="workbench-announcement" data-id={o.id}>
              <Space wrap>
                <Link to={`/market/orders/${o.id}`}>{o.title}</Link>
                <Tag>{t(`method.${o.method}`)}</Tag>
                <Typography.Text type="secondary">{t('field.signupDeadline')} {atLocal(o.signupDeadline)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('workbench.mine')}>
        <List
          loading={!b}
          locale={{ emptyText: t('market.empty') }}
          dataSource={b?.orders ?? []}
          renderItem={(o) => (
            <List.Item data-testid="workbench-order" data-id={o.id} data-state={o.state}>
              <Space wrap>
                <Link to={`/market/orders/${o.id}`}>{o.title}</Link>
                <Tag color={orderStateColor(o.state)}>{t(`state.${o.state}`)}</Tag>
                {o.chosen && <Tag color="green">{t('workbench.chosen')}</Tag>}
                {o.overdue && <Tag color="red">{t('field.overdue')}</Tag>}
                {o.nextDueAt && <Typography.Text type="secondary">{t('workbench.due')} {atLocal(o.nextDueAt)}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
