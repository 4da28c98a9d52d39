import { Card, Descriptions, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { getPostCheck } from '../../api/commitments';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { PostCheckOutcomeForm } from './PostCheckOutcomeForm';
import { PostCheckTags } from './postCheckWords';

/** One post-check task: the signed commitment, its due date and state, the desk's outcome form, its history. Live. */
export function PostCheckScreen() {
  const id = Number(useParams().id);
  const { t } = useTranslation('commitments');
  const user = useUser();
  const d = useAsync(() => getPostCheck(id), [id]);
  const live = useStaffLive({ onPostCheck: (e) => e.id === id && void d.reload() }, user?.username ?? null);
  if (d.error) return <ErrorState error={d.error} onRetry={d.reload} />;
  if (!d.data) return <Card loading />;
  const { postCheck: p, commitment: c } = d.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="post-check" data-state={p.state}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('desk.title')} · {p.proof}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('desk.caseNo')}>{p.caseNo}</Descriptions.Item>
          <Descriptions.Item label={t('desk.stateLabel')}>
            <PostCheckTags p={p} />
          </Descriptions.Item>
          <Descriptions.Item label={t('desk.proof')}>{p.proof}</Descriptions.Item>
          <Descriptions.Item label={t('desk.subject')}>
            {p.subject.name}（{p.subject.code}）
          </Descriptions.Item>
          <Descriptions.Item label={t('desk.dueOn')}>{p.dueOn}</Descriptions.Item>
          {p.outcome && (
            <Descriptions.Item label={t('outcome.title')}>
              <span data-testid="post-check-outcome-text">{t('outcome.decided', { reason: p.outcome.reason })}</span>
              {p.outcome.decisionNo && <div>{t('outcome.decisionOf', { no: p.outcome.decisionNo })}</div>}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {c?.text && (
        <Card size="small" title={t('desk.commitmentText')}>
          <Typography.Paragraph data-testid="post-check-commitment">{c.text}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('desk.signed', { name: c.signedBy, at: formatTime(c.signedAt) })}</Typography.Text>
        </Card>
      )}
      <PostCheckOutcomeForm d={d.data} onDone={() => void d.reload()} />
      <Card size="small" title={t('desk.history')}>
        <Timeline
          items={d.data.history.map((h) => ({
            key: h.seq,
            content: (
              <span>
                {t(`event.${h.type}`)} · {h.by.name} · {formatTime(h.at)}
                {h.reason ? ` · ${h.reason}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
