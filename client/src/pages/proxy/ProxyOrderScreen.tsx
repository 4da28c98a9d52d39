import { Alert, App, Button, Card, Descriptions, List, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { actOnProxy, getProxyOrder } from '../../api/proxyOrders';
import { ErrorState, errorText } from '../../components/ErrorState';
import { LivePageHeader } from '../../components/LivePageHeader';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { ProxyActions } from './ProxyActions';
import { localTime, proxyStateColor } from './proxyWords';

/** One proxy order for its owner, its agent, the dispatcher and supervisors: live, with the actions the viewer may take. */
export function ProxyOrderScreen() {
  const { t } = useTranslation('proxy');
  const { message } = App.useApp();
  const orderNo = useParams().orderNo ?? '';
  const user = useUser();
  const detail = useAsync(() => getProxyOrder(orderNo), [orderNo]);
  const live = useStaffLive({ onProxy: (e) => e.orderNo === orderNo && void detail.reload() }, user?.username ?? null);
  const d = detail.data;
  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  if (!d) return <Card loading />;
  const o = d.order;
  const choose = (agentId: number) => actOnProxy(o.orderNo, 'dispatch', { agentId, expectedVersion: o.revision }).then(() => detail.reload()).catch((e) => message.error(errorText(e, t)));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }} data-testid="proxy-order" data-state={o.state} data-revision={o.revision}>
      <LivePageHeader title={o.orderNo} live={live} />
      <Descriptions size="small" bordered column={1} styles={{ label: { width: '30%' } }}>
        <Descriptions.Item label={t('field.state')}>
          <Tag color={proxyStateColor(o.state)} data-testid="proxy-state">{t(`state.${o.state}`)}</Tag>
          {o.overdue && <Tag color="red">{t('order.overdue')}</Tag>}
          {o.declinedCount > 0 && <Tag>{t('order.declined', { n: o.declinedCount })}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('request.scope')}>{o.scope === 'full' ? t('scope.full') : t('scope.stage', { stage: o.stage })}</Descriptions.Item>
        {o.projectCode && (
          <Descriptions.Item label={t('field.project')}>
            <Link to={`/projects/${o.projectCode}`}>{o.projectCode}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('field.place')}>{o.place}</Descriptions.Item>
        <Descriptions.Item label={t('field.owner')}>{o.owner.name}</Descriptions.Item>
        <Descriptions.Item label={t('field.phone')}>{o.owner.phone}</Descriptions.Item>
        <Descriptions.Item label={t('field.request')}>{o.request}</Descriptions.Item>
        {o.agent && (
          <Descriptions.Item label={t('field.agent')}>
            <span data-testid="proxy-agent">{o.agent.name}</span>（{o.agent.post}，{o.agent.phone}）
          </Descriptions.Item>
        )}
        {o.answerBy && <Descriptions.Item label={t('field.answerBy')}>{localTime(o.answerBy)}</Descriptions.Item>}
        {o.dueOn && <Descriptions.Item label={t('field.dueOn')}>{o.dueOn}</Descriptions.Item>}
        {o.rating != null && <Descriptions.Item label={t('field.rating')}>{'★'.repeat(o.rating)}{o.ratingComment ? `（${o.ratingComment}）` : ''}</Descriptions.Item>}
        <Descriptions.Item label={t('field.signer')}>{o.entrustment.signer}（{localTime(o.entrustment.signedAt)}）</Descriptions.Item>
      </Descriptions>
      {o.lastReason && <Alert type="info" showIcon title={`${t('order.lastReason')}：${o.lastReason}`} />}
      {o.completion && <Alert type="success" showIcon title={t('order.completion')} description={`${o.completion.summary} —— ${o.completion.results}`} />}
      {o.stop && <Alert type="warning" showIcon title={t('order.stop')} description={o.stop.reason} />}
      <ProxyActions order={o} onDone={() => void detail.reload()} />
      {d.candidates.length > 0 && (
        <Card size="small" title={t('order.candidates')}>
          <List
            dataSource={d.candidates}
            renderItem={(c) => (
              <List.Item data-testid="proxy-candidate" actions={[<Button key="c" size="small" onClick={() => void choose(c.id)}>{t('action.choose')}</Button>]}>
                <Space wrap>
                  <span>{c.name}</span>
                  <Typography.Text type="secondary">{c.post}</Typography.Text>
                  <Tag>{t('field.skills')} {c.skills.join('、')}</Tag>
                  <Tag>{t('field.load')} {c.load}</Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {d.offers.length > 0 && (
        <Card size="small" title={t('order.offers')}>
          <List
            dataSource={d.offers}
            renderItem={(f) => (
              <List.Item data-testid="proxy-offer" data-answer={f.answer ?? 'none'}>
                {f.agentName} · {localTime(f.offeredAt)} · {t(`order.answer.${f.answer ?? 'none'}`)}{f.reason ? `（${f.reason}）` : ''}
              </List.Item>
            )}
          />
        </Card>
      )}
      {d.history.length > 0 && (
        <Card size="small" title={t('order.history')}>
          <Timeline
            items={d.history.map((e) => ({
              key: e.seq,
              content: (
                <Space orientation="vertical" size={0} data-testid="proxy-event" data-type={e.type}>
                  <Typography.Text strong>{t(`event.${e.type}`)}</Typography.Text>
                  {e.reason && <Typography.Text>{e.reason}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('order.by', { name: e.by.name })} · {localTime(e.at)}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
