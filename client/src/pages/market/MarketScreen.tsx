import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listCentreOrders, listMyOrders, listOrders, type PublicOrderView } from '../../api/marketOrders';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { ErrorState } from '../../components/ErrorState';
import { LivePageHeader } from '../../components/LivePageHeader';
import { useAsync } from '../../components/useAsync';
import { useMarketLive } from '../../live/socket';
import { DrawRerun } from './DrawRerun';
import { MarketLinks } from './MarketLinks';
import { atLocal, orderStateColor } from './marketWords';

const RESULTS = 'awaiting_confirmation,contract,contract_review,in_service,result_review,completed,expired,terminated';

function OrderItem({ o, onDraw }: { o: PublicOrderView; onDraw?: () => void }) {
  const { t } = useTranslation('marketOrders');
  return (
    <List.Item data-testid="market-order" data-id={o.id} data-state={o.state} actions={onDraw ? [<Button key="d" size="small" onClick={onDraw} data-testid="market-rerun">{t('market.rerun')}</Button>] : []}>
      <List.Item.Meta
        title={
          <Space wrap>
            <Link to={`/market/orders/${o.id}`}>{o.title}</Link>
            <Tag color={orderStateColor(o.state)} data-testid="market-order-state">{t(`state.${o.state}`)}</Tag>
            <Tag>{t(`method.${o.method}`)}</Tag>
          </Space>
        }
        description={
          <Space orientation="vertical" size={0}>
            <Typography.Text type="secondary">
              {o.orderNo} · {o.owner.name} · {t('field.budget')} {o.budgetMin}–{o.budgetMax}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('field.signupDeadline')} {atLocal(o.signupDeadline)} · {t('field.signups')} <span data-testid="market-signups">{o.signupCount}</span>
            </Typography.Text>
            {o.chosenAgency && (
              <Typography.Text data-testid="market-chosen">
                {t('field.chosen')}：{o.chosenAgency.name}
              </Typography.Text>
            )}
          </Space>
        }
      />
    </List.Item>
  );
}

/** The public market: open announcements and selection results, live; the draw of any result re-run in the browser. */
export function MarketScreen() {
  const { t } = useTranslation('marketOrders');
  const open = useAsync(() => listOrders({ state: 'signup', pageSize: 50 }), []);
  const results = useAsync(() => listOrders({ state: RESULTS, pageSize: 50 }), []);
  const [drawOf, setDrawOf] = useState<PublicOrderView | null>(null);
  const user = useUser();
  const centre = !!user && ((user.role === 'clerk' && ['county', 'city', 'province'].includes(user.level)) || user.role === 'supervisor');
  const owner = !!user && (user.role === 'applicant' || user.role === 'reviewer');
  const review = useAsync(() => (centre ? listCentreOrders('in_review') : Promise.resolve(null)), [centre]);
  const mine = useAsync(() => (owner ? listMyOrders() : Promise.resolve(null)), [owner]);
  useStaffLive(
    {
      onOrder: () => {
        void review.reload();
        void mine.reload();
      },
    },
    centre || owner ? (user?.username ?? null) : null,
  );
  const live = useMarketLive({
    onOrder: () => {
      void open.reload();
      void results.reload();
    },
  });
  if (open.error) return <ErrorState error={open.error} onRetry={open.reload} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }} data-testid="market-page">
      <LivePageHeader title={t('market.title')} live={live} />
      <Typography.Paragraph type="secondary">{t('market.intro')}</Typography.Paragraph>
      <MarketLinks />
      {review.data && (
        <Card size="small" title={`${t('market.review')}（${t('market.total', { n: review.data.total })}）`}>
          <List locale={{ emptyText: t('market.empty') }} dataSource={review.data.orders} renderItem={(o) => <OrderItem o={o} />} data-testid="market-review" />
        </Card>
      )}
      {mine.data && (
        <Card size="small" title={`${t('market.mine')}（${t('market.total', { n: mine.data.total })}）`}>
          <List locale={{ emptyText: t('market.empty') }} dataSource={mine.data.orders} renderItem={(o) => <OrderItem o={o} />} data-testid="market-mine" />
        </Card>
      )}
      <Card size="small" title={`${t('market.open')}（${t('market.total', { n: open.data?.total ?? 0 })}）`}>
        <List loading={!open.data} locale={{ emptyText: t('market.empty') }} dataSource={open.data?.orders ?? []} renderItem={(o) => <OrderItem o={o} />} data-testid="market-open" />
      </Card>
      <Card size="small" title={`${t('market.results')}（${t('market.total', { n: results.data?.total ?? 0 })}）`}>
        <List
          loading={!results.data}
          locale={{ emptyText: t('market.empty') }}
          dataSource={results.data?.orders ?? []}
          renderItem={(o) => <OrderItem o={o} onDraw={o.method === 'direct' ? undefined : () => setDrawOf(o)} />}
          data-testid="market-results"
        />
      </Card>
      {drawOf && <DrawRerun orderId={drawOf.id} revision={drawOf.revision} />}
    </Space>
  );
}
