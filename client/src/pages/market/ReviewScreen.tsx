import { AuditOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reviewQueue } from '../../api/marketAgencies';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { AgencyStateTag } from './AgencyBits';
import { AgencyOperations } from './AgencyOperations';

/** The centre's review: registrations and appeals awaiting it, overdue first, each with its operations; live. */
export function ReviewScreen() {
  const { t } = useTranslation('marketAgencies');
  const queue = useAsync(reviewQueue, []);
  const live = useStaffLive({ onAgency: () => void queue.reload() }, 'market-review');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="market-review">
      <div>
        <Typography.Title level={1} className="page-title">
          <AuditOutlined aria-hidden /> {t('review.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('review.intro', { days: queue.data?.reviewDays ?? 5 })}
        </Typography.Paragraph>
        <LiveBadge status={live} />
      </div>
      {queue.error && <ErrorState error={queue.error} onRetry={queue.reload} />}
      <Card size="small" data-testid="review-queue" data-total={queue.data?.total ?? ''}>
        {queue.data && queue.data.entries.length === 0 ? (
          <Empty description={t('review.empty')} />
        ) : (
          <List
            loading={queue.loading && !queue.data}
            dataSource={queue.data?.entries ?? []}
            renderItem={(e) => (
              <List.Item key={e.id} data-testid="review-entry" data-id={e.id}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <Link to={`/market/agencies/${e.id}`}>{e.name}</Link>
                    <AgencyStateTag state={e.state} />
                    {e.overdue && <Tag color="red">{t('profile.overdue')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary">
                    {e.uscc} · {t('review.registeredAt')} {formatTime(e.registeredAt)} · {t('review.dueOn')} {e.reviewDueOn ?? '—'}
                  </Typography.Text>
                  {e.appealGrounds && <Typography.Text>{t('profile.appealGrounds')}：{e.appealGrounds}</Typography.Text>}
                  <ReviewOperations id={e.id} state={e.state} revision={e.revision} onDone={() => void queue.reload()} />
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}

/** The operations of one entry: those the centre may send in its state (the server's own list). */
function ReviewOperations({ id, state, revision, onDone }: { id: number; state: string; revision: number; onDone: () => void }) {
  const ops = state === 'pending' ? ['APPROVE', 'REJECT'] : state === 'appealing' ? ['OVERTURN', 'UPHOLD'] : [];
  return <AgencyOperations id={id} revision={revision} operations={ops} onDone={onDone} />;
}
