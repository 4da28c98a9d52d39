import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listProxyAgents } from '../../api/proxyOrders';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';

/** Public: the published proxy agents (name, post, work phone, area, stages they handle). */
export function ProxyAgentsScreen() {
  const { t } = useTranslation('proxy');
  const agents = useAsync(() => listProxyAgents({ pageSize: 100 }), []);
  if (agents.error) return <ErrorState error={agents.error} onRetry={agents.reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }} data-testid="proxy-agents">
      <Typography.Title level={1} className="page-title">{t('agents.title')}</Typography.Title>
      <Typography.Text type="secondary">{t('agents.total', { n: agents.data?.total ?? 0 })}</Typography.Text>
      <Card size="small" loading={!agents.data}>
        <List
          dataSource={agents.data?.agents ?? []}
          renderItem={(a) => (
            <List.Item data-testid="proxy-agent-row">
              <Space wrap>
                <Typography.Text strong>{a.name}</Typography.Text>
                <span>{a.post}</span>
                <a href={`tel:${a.phone}`}>{a.phone}</a>
                <Tag>{a.area}</Tag>
                {a.skills.map((s) => <Tag key={s} color="blue">{t(`stage.${s}`)}</Tag>)}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
