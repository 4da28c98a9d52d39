import { Card, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getDispatchRule, listProxyOrders, type ProxyOrderView } from '../../api/proxyOrders';
import { ErrorState } from '../../components/ErrorState';
import { LivePageHeader } from '../../components/LivePageHeader';
import { useAsync } from '../../components/useAsync';
import { i18nLang } from './lang';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { ProxyOrderCard } from './ProxyOrderCard';

/** The centre's dispatch desk: the pool (dispatch by the rule, or open an order to choose a candidate), orders awaiting an answer with their countdown, and the rule itself; live. */
export function ProxyDispatchScreen() {
  const { t, i18n } = useTranslation('proxy');
  const user = useUser();
  const pool = useAsync(() => listProxyOrders({ state: 'requested', pageSize: 100 }), []);
  const waiting = useAsync(() => listProxyOrders({ state: 'dispatched', pageSize: 100 }), []);
  const rule = useAsync(() => getDispatchRule(), []);
  const reload = () => {
    void pool.reload();
    void waiting.reload();
  };
  const live = useStaffLive({ onProxy: reload }, user?.username ?? null);
  if (pool.error) return <ErrorState error={pool.error} onRetry={reload} />;
  const lang = i18nLang(i18n.language);
  const section = (title: string, list: ProxyOrderView[], testId: string) => (
    <Card size="small" title={`${title}（${list.length}）`} data-testid={testId}>
      {list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.empty')} /> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {list.map((o) => <ProxyOrderCard key={o.orderNo} order={o} onDone={reload} />)}
        </Space>
      )}
    </Card>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1000 }} data-testid="proxy-dispatch">
      <LivePageHeader title={t('dispatch.title')} live={live} />
      {rule.data && (
        <Card size="small" title={t('dispatch.rule')} data-testid="proxy-rule">
          <Typography.Paragraph>{rule.data.candidates[lang]}</Typography.Paragraph>
          <List size="small" dataSource={rule.data.steps} renderItem={(s, i) => <List.Item>{i + 1}. {s[lang]}</List.Item>} />
          <Typography.Paragraph type="secondary">{rule.data.timeout[lang]}</Typography.Paragraph>
        </Card>
      )}
      {section(t('dispatch.pool'), pool.data?.orders ?? [], 'proxy-dispatch-pool')}
      {section(t('dispatch.waiting'), waiting.data?.orders ?? [], 'proxy-dispatch-waiting')}
    </Space>
  );
}
