import { App, Button, Card, Input, List, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATORS, listRatings, moderateRating, type RatingView } from '../../api/marketRatings';
import { ErrorState, errorText } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';

/** 评价审核: the centre approves a rating (it counts at once) or rejects it with a reason; live. */
export function RatingQueueScreen() {
  const { t } = useTranslation('marketRatings');
  const { message } = App.useApp();
  const user = useUser();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const list = useAsync(() => listRatings(status), [status]);
  const pending = useRef<number | null>(null);
  const live = useStaffLive(
    {
      onRating: () => {
        if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), void list.reload()), 150);
      },
    },
    user?.username ?? null,
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="rating-queue">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('moderation.title')}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      <Segmented value={status} onChange={(v) => setStatus(v as typeof status)} options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`moderation.${s}`) }))} />
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <Card size="small" title={list.data ? t('moderation.count', { count: list.data.total }) : undefined}>
        <List
          size="small"
          loading={!list.data && !list.error}
          dataSource={list.data?.ratings ?? []}
          locale={{ emptyText: t('moderation.empty') }}
          renderItem={(r) => (
            <List.Item key={r.id} data-testid="queue-rating" data-id={r.id}>
              <QueueItem r={r} onDone={(text) => ((message.success(text), void list.reload()))} onError={(e) => message.error(errorText(e, t))} />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

function QueueItem({ r, onDone, onError }: { r: RatingView; onDone: (text: string) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation('marketRatings');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const act = async (type: 'APPROVE' | 'REJECT') => {
    setBusy(true);
    try {
      const res = await moderateRating(r.id, type === 'APPROVE' ? { type } : { type, reason });
      onDone(type === 'APPROVE' ? t('moderation.approvedToast', { stars: res.agency?.stars ?? '—', score: res.agency?.score ?? '—' }) : t('moderation.rejectedToast'));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap size={6}>
        <Typography.Text strong>{t('moderation.order', { id: r.orderId })}</Typography.Text>
        <Tag>{t(`raterKind.${r.raterKind}`)}</Tag>
        <Tag color={r.state === 'approved' ? 'green' : r.state === 'rejected' ? 'red' : 'gold'}>{t(`status.${r.state}`)}</Tag>
        <Typography.Text type="secondary">{formatTime(r.createdAt)}</Typography.Text>
      </Space>
      <Typography.Text>
        {INDICATORS.map((k) => `${t(`indicator.${k}`)} ${r.marks[k]}`).join(' · ')} · {t('moderation.composite', { value: r.composite?.toFixed(2) ?? '—' })}
      </Typography.Text>
      {r.comment && <Typography.Text type="secondary">{r.comment}</Typography.Text>}
      {r.moderationReason && <Typography.Text type="secondary">{r.moderationReason}</Typography.Text>}
      {r.state === 'pending' && (
        <Space wrap>
          <Button type="primary" size="small" loading={busy} onClick={() => void act('APPROVE')} data-testid="approve-rating">
            {t('moderation.approve')}
          </Button>
          <Input size="small" placeholder={t('moderation.reason')} aria-label={t('moderation.reason')} value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 220 }} />
          <Popconfirm title={t('moderation.reject')} onConfirm={() => void act('REJECT')} disabled={!reason.trim()}>
            <Button danger size="small" disabled={!reason.trim() || busy}>
              {t('moderation.reject')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Space>
  );
}
