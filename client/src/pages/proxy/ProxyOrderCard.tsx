import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProxyOrderView } from '../../api/proxyOrders';
import { ProxyActions } from './ProxyActions';
import { hoursLeft, localTime, proxyStateColor } from './proxyWords';

/** One order in a list (workbench, dispatch desk, my orders): what it is, its deadline, its actions. Big enough for a thumb. */
export function ProxyOrderCard({ order: o, onDone, testId = 'proxy-card' }: { order: ProxyOrderView; onDone: () => void; testId?: string }) {
  const { t } = useTranslation('proxy');
  const left = hoursLeft(o.answerBy);
  return (
    <Card size="small" data-testid={testId} data-order={o.orderNo} data-state={o.state}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Link to={`/proxy/orders/${o.orderNo}`} style={{ fontWeight: 600 }}>{o.orderNo}</Link>
          <Tag color={proxyStateColor(o.state)}>{t(`state.${o.state}`)}</Tag>
          {o.overdue && <Tag color="red">{t('order.overdue')}</Tag>}
        </Space>
        <Typography.Text>{o.owner.name} · {o.scope === 'full' ? t('scope.full') : t('scope.stage', { stage: o.stage })}</Typography.Text>
        <Typography.Text type="secondary">{o.place} · {o.request}</Typography.Text>
        {o.projectCode && <Link to={`/projects/${o.projectCode}`} data-testid="proxy-project-link">{t('order.projectLink')} {o.projectCode}</Link>}
        {o.agent && <Typography.Text>{t('field.agent')}：{o.agent.name}</Typography.Text>}
        {o.answerBy && (
          <Typography.Text strong type={left !== null && left < 0 ? 'danger' : undefined} data-testid="proxy-countdown">
            {t('workbench.deadline', { at: localTime(o.answerBy) })}（{left !== null && left < 0 ? t('dispatch.overdue') : t('dispatch.left', { h: left })}）
          </Typography.Text>
        )}
        {o.dueOn && o.state === 'in_service' && <Typography.Text>{t('workbench.due', { on: o.dueOn })}</Typography.Text>}
        <ProxyActions order={o} onDone={onDone} />
      </Space>
    </Card>
  );
}
