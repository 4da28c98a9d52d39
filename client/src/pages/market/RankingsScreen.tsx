import { Button, Card, Input, List, Pagination, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditRecordsUrl, getRankings } from '../../api/marketRatings';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useMarketLive } from '../../live/socket';
import { Stars } from './Stars';

const PAGE_SIZE = 20;

/** 中介机构信用排行 (public): listed agencies by stars then score, five stars pinned; moves live as ratings are approved. */
export function RankingsScreen() {
  const { t } = useTranslation('marketRatings');
  const [page, setPage] = useState(1);
  const [serviceItem, setServiceItem] = useState('');
  const list = useAsync(() => getRankings({ page, pageSize: PAGE_SIZE, serviceItem: serviceItem || undefined }), [page, serviceItem]);
  const pending = useRef<number | null>(null);
  const soon = () => {
    if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), void list.reload()), 150);
  };
  const live = useMarketLive({ onRating: (e) => e.status === 'approved' && soon(), onAgency: soon });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="market-rankings">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('rankings.title')}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      <Typography.Paragraph type="secondary">{t('rankings.intro')}</Typography.Paragraph>
      <Space wrap>
        <Input.Search allowClear placeholder={t('rankings.filter')} aria-label={t('rankings.filter')} onSearch={(v) => ((setPage(1), setServiceItem(v.trim())))} style={{ maxWidth: 280 }} />
        <Typography.Text type="secondary">{t('rankings.export')}:</Typography.Text>
        <Button href={creditRecordsUrl('csv')} size="small">
          {t('rankings.csv')}
        </Button>
        <Button href={creditRecordsUrl('json')} size="small" target="_blank">
          {t('rankings.json')}
        </Button>
      </Space>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <Card size="small" title={list.data ? t('rankings.total', { count: list.data.total }) : undefined}>
        <List
          size="small"
          loading={!list.data && !list.error}
          dataSource={list.data?.agencies ?? []}
          renderItem={(a) => (
            <List.Item key={a.id} data-testid="ranking-row" data-id={a.id} data-stars={a.stars ?? ''} data-rank={a.rank}>
              <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                <Space size={8} wrap>
                  <Typography.Text strong style={{ minWidth: 28, display: 'inline-block' }}>
                    {a.rank}
                  </Typography.Text>
                  <Typography.Text>{a.name}</Typography.Text>
                  {a.pinned && <Tag color="gold">{t('rankings.pinned')}</Tag>}
                </Space>
                <Space size={12} wrap>
                  <Stars stars={a.stars} />
                  <Typography.Text data-testid="ranking-score">
                    {t('rankings.score')} {a.score ?? '—'}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('rankings.rated')} {a.ratedOrders} · {t('rankings.completed')} {a.completedOrders}
                  </Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
        {list.data && list.data.total > PAGE_SIZE && <Pagination current={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} showSizeChanger={false} style={{ marginTop: 12 }} />}
      </Card>
    </Space>
  );
}
