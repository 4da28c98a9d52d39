import { Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listMyCommitments } from '../../api/commitments';
import { ErrorState } from '../../components/ErrorState';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { PostCheckTags, postCheckPath } from './postCheckWords';

/** 我的告知承诺: each commitment this account signed, with its post-check's state, due date and outcome; live. */
export function MyCommitments() {
  const { t } = useTranslation('commitments');
  const user = useUser();
  const list = useAsync(() => listMyCommitments(), []);
  useStaffLive({ onPostCheck: () => void list.reload() }, user?.username ?? null);
  if (list.data && list.data.length === 0) return null;
  return (
    <Card size="small" title={t('mine.title')} data-testid="my-commitments">
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <List
        size="small"
        loading={!list.data && !list.error}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('mine.empty') }}
        renderItem={(c) => (
          <List.Item key={c.postCheck.id} data-testid="my-commitment" data-state={c.postCheck.state}>
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <Space size={4} wrap>
                <Link to={postCheckPath(c.postCheck.id)}>
                  <Typography.Text strong>{c.proof}</Typography.Text>
                </Link>
                <PostCheckTags p={c.postCheck} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.postCheck.caseNo} · {t('dueOn', { date: c.postCheck.dueOn })}
              </Typography.Text>
              {c.postCheck.outcome && <Typography.Text style={{ fontSize: 12 }}>{t('outcome.decided', { reason: c.postCheck.outcome.reason })}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
