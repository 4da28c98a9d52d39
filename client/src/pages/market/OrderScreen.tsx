import { DownloadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Descriptions, List, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { actOnOrder, downloadOrderFile, getOrder } from '../../api/marketOrders';
import { ErrorState, errorText } from '../../components/ErrorState';
import { LivePageHeader } from '../../components/LivePageHeader';
import { useAsync } from '../../components/useAsync';
import { useMarketLive, useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { DrawRerun } from './DrawRerun';
import { OrderActions } from './OrderActions';
import { atLocal, orderStateColor } from './marketWords';

/** One order: the announcement and result for anyone; for the owner, the agencies and the centre the sign-ups, files, history and actions, live. */
export function OrderScreen() {
  const { t } = useTranslation('marketOrders');
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const user = useUser();
  const detail = useAsync(() => getOrder(id), [id]);
  const staff = useStaffLive({ onOrder: (e) => e.id === id && void detail.reload() }, user?.username ?? null);
  // Without an account the public room tells of the announcement's changes.
  const pub = useMarketLive({ onOrder: (e) => !user && e.id === id && void detail.reload() });
  const live = user ? staff : pub;
  const d = detail.data;
  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  if (!d) return <Card loading />;
  const o = d.order;
  const fileButton = (which: 'contract' | 'result') => (
    <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadOrderFile(o.id, which).catch((e) => message.error(errorText(e, t)))} data-testid={`order-download-${which}`}>
      {t(`order.${which}`)}
    </Button>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }} data-testid="order-page" data-state={o.state} data-revision={o.revision}>
      <LivePageHeader title={o.title} live={live} />
      <Descriptions size="small" bordered column={1} styles={{ label: { width: '30%' } }}>
        <Descriptions.Item label={t('field.state')}>
          <Tag color={orderStateColor(o.state)} data-testid="order-state">{t(`state.${o.state}`)}</Tag>
          {o.overdue && <Tag color="red">{t('field.overdue')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.orderNo')}>{o.orderNo}</Descriptions.Item>
        <Descriptions.Item label={t('field.owner')}>{o.owner.name}（{t(`ownerKind.${o.owner.kind}`)}）</Descriptions.Item>
        <Descriptions.Item label={t('field.serviceItem')}>{o.serviceItemCode}</Descriptions.Item>
        <Descriptions.Item label={t('field.content')}>{o.content}</Descriptions.Item>
        <Descriptions.Item label={t('field.budget')}>{o.budgetMin}–{o.budgetMax}</Descriptions.Item>
        <Descriptions.Item label={t('field.method')}>{t(`method.${o.method}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.qualification')}>{o.requiredQualification}{o.requiredLevel ? `（${o.requiredLevel}）` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('field.signupDeadline')}>{atLocal(o.signupDeadline)}</Descriptions.Item>
        <Descriptions.Item label={t('field.selectionAt')}>{atLocal(o.selectionAt)}</Descriptions.Item>
        <Descriptions.Item label={t('field.serviceDays')}>{o.serviceDays}</Descriptions.Item>
        <Descriptions.Item label={t('field.signups')}><span data-testid="order-signup-count">{o.signupCount}</span></Descriptions.Item>
        {o.chosenAgency && <Descriptions.Item label={t('field.chosen')}><span data-testid="order-chosen">{o.chosenAgency.name}</span></Descriptions.Item>}
        {o.caseNo && <Descriptions.Item label={t('field.caseNo')}>{o.caseNo}</Descriptions.Item>}
        {o.contractAmount != null && <Descriptions.Item label={t('field.contractAmount')}>{o.contractAmount}</Descriptions.Item>}
        {o.serviceDueOn && <Descriptions.Item label={t('field.serviceDueOn')}>{o.serviceDueOn}</Descriptions.Item>}
      </Descriptions>
      {o.lastReason && <Alert type="info" showIcon title={`${t('order.lastReason')}：${o.lastReason}`} />}
      {(o.hasContract || o.hasResult) && (
        <Space wrap>
          {o.hasContract && fileButton('contract')}
          {o.hasResult && fileButton('result')}
        </Space>
      )}
      <OrderActions d={d} onDone={() => void detail.reload()} />
      {/* The three-way rating (client, department, centre) opens once the service is completed; an agency never rates. */}
      {o.state === 'completed' && user && user.role !== 'intermediary' && (
        <Link to={`/market/orders/${o.id}/rate`} data-testid="order-rate">
          <Button type="primary">{t('order.rate')}</Button>
        </Link>
      )}
      {o.signups && (
        <Card size="small" title={t('order.signupsTitle')}>
          <List
            dataSource={o.signups}
            renderItem={(s) => (
              <List.Item
                data-testid="order-signup"
                actions={
                  d.actions.includes('SELECT') && !s.declined
                    ? [
                        <Button key="s" size="small" type="primary" onClick={() => actOnOrder(o.id, { type: 'SELECT', agencyId: s.agencyId, expectedVersion: o.revision }).then(() => detail.reload()).catch((e) => message.error(errorText(e, t)))} data-testid="order-select">
                          {t('action.SELECT')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space wrap>
                  <span>{s.name}</span>
                  <Typography.Text type="secondary">{s.uscc}</Typography.Text>
                  {'quote' in s && s.quote != null && <Tag>{t('field.quote')} {s.quote}</Tag>}
                  {s.declined && <Tag>{t('order.declined')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {!o.signups && o.quotes && (
        <Card size="small" title={t('order.quotesTitle')}>
          <List dataSource={o.quotes} renderItem={(q) => <List.Item>{q.name}：{q.quote ?? '—'}</List.Item>} />
        </Card>
      )}
      <DrawRerun orderId={o.id} revision={o.revision} />
      {d.history.length > 0 && (
        <Card size="small" title={t('order.history')}>
          <Timeline
            items={d.history.map((e) => ({
              key: e.seq,
              content: (
                <Space orientation="vertical" size={0} data-testid="order-event" data-type={e.type}>
                  <Typography.Text strong>{t(`event.${e.type}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('order.by', { name: e.by.name })} · {atLocal(e.at)}
                  </Typography.Text>
                  {e.reason && <Typography.Text>{e.reason}</Typography.Text>}
                </Space>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
