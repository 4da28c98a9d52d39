import { App, Button, Card, Col, Input, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { closeComplaint, getSupervision, type ComplaintView } from '../../api/marketRatings';
import { ErrorState, errorText } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { Stars } from './Stars';

/** 中介超市监管 (the centre): open orders by state, overdue services, league table, bad acts, complaints, moderation, agencies to review; live. */
export function MarketSupervisionScreen() {
  const { t } = useTranslation('marketRatings');
  const user = useUser();
  const data = useAsync(() => getSupervision(), []);
  const pending = useRef<number | null>(null);
  const soon = () => {
    if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), void data.reload()), 200);
  };
  const live = useStaffLive({ onRating: soon, onAgency: soon, onOrder: soon }, user?.username ?? null);
  const d = data.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="market-supervision">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('supervision.title')}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      {data.error && <ErrorState error={data.error} onRetry={data.reload} />}
      {d && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('supervision.openOrders')}>
              {Object.keys(d.orders.openByState).length === 0 ? (
                <Typography.Text type="secondary">{t('supervision.noOpen')}</Typography.Text>
              ) : (
                <Space wrap size="large">
                  {Object.entries(d.orders.openByState).map(([state, n]) => (
                    <Statistic key={state} title={t(`orderState.${state}`, { defaultValue: state })} value={n} />
                  ))}
                </Space>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('supervision.overdue')}>
              <List size="small" dataSource={d.orders.overdue} locale={{ emptyText: t('supervision.noOverdue') }} renderItem={(o) => <List.Item key={o.id}>{`${o.orderNo} · ${o.title} · ${o.agencyName ?? ''} · ${o.serviceDueOn ?? ''}`}</List.Item>} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('supervision.pendingRatings', { count: d.pendingRatings.total })} extra={<Link to="/market/ratings">{t('supervision.toModeration')}</Link>}>
              <List size="small" dataSource={d.pendingRatings.items.slice(0, 5)} locale={{ emptyText: t('moderation.empty') }} renderItem={(r) => <List.Item key={r.id}>{`#${r.orderId} · ${t(`raterKind.${r.raterKind}`)} · ${r.composite?.toFixed(2) ?? ''}`}</List.Item>} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('supervision.toReview')}>
              <List
                size="small"
                dataSource={d.toReview}
                locale={{ emptyText: t('supervision.noReview') }}
                renderItem={(a) => (
                  <List.Item key={a.id} data-testid="to-review" data-id={a.id} actions={[<Link key="review" to="/market/review">{t('supervision.review')}</Link>]}>
                    <Space wrap size={6}>
                      <Typography.Text>{a.name}</Typography.Text>
                      <Stars stars={a.stars} />
                      <Tag>{t('supervision.badActCount', { count: a.badActs })}</Tag>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('supervision.complaints', { count: d.complaints.open })}>
              <List size="small" dataSource={d.complaints.items} locale={{ emptyText: t('supervision.noComplaints') }} renderItem={(c) => <ComplaintItem key={c.id} c={c} onClosed={() => void data.reload()} />} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('supervision.badActs')}>
              <List
                size="small"
                dataSource={d.badActs.slice(0, 20)}
                locale={{ emptyText: t('supervision.noBadActs') }}
                renderItem={(b) => (
                  <List.Item key={b.id}>
                    <Space orientation="vertical" size={0}>
                      <Space wrap size={6}>
                        <Typography.Text strong>{b.agencyName}</Typography.Text>
                        <Tag color="red">{t(`badAct.${b.kind}`)}</Tag>
                        <Typography.Text type="secondary">{formatTime(b.createdAt)}</Typography.Text>
                      </Space>
                      <Typography.Text type="secondary">{b.reason}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('supervision.league')} extra={<Link to="/market/rankings">{t('nav.rankings')}</Link>}>
              <List
                size="small"
                dataSource={d.league.agencies}
                renderItem={(a, i) => (
                  <List.Item key={a.id}>
                    <Space wrap size={8}>
                      <Typography.Text strong>{i + 1}</Typography.Text>
                      <Typography.Text>{a.name}</Typography.Text>
                      <Stars stars={a.stars} />
                      <Typography.Text type="secondary">{`${t('rankings.score')} ${a.score ?? '—'} · ${t('rankings.rated')} ${a.ratedOrders}`}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}

function ComplaintItem({ c, onClosed }: { c: ComplaintView; onClosed: () => void }) {
  const { t } = useTranslation('marketRatings');
  const { message } = App.useApp();
  const [outcome, setOutcome] = useState('');
  const close = async () => {
    try {
      await closeComplaint(c.id, outcome);
      message.success(t('supervision.closedToast'));
      onClosed();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <List.Item>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text>{`#${c.orderId} · ${c.reason}`}</Typography.Text>
        <Space.Compact style={{ width: '100%' }}>
          <Input size="small" placeholder={t('supervision.outcome')} aria-label={t('supervision.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
          <Button size="small" disabled={!outcome.trim()} onClick={() => void close()}>
            {t('supervision.close')}
          </Button>
        </Space.Compact>
      </Space>
    </List.Item>
  );
}
