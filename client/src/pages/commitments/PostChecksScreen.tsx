import { Card, List, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listDeskPostChecks, type PostCheckState } from '../../api/commitments';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { CreditRecords } from './CreditRecords';
import { PostCheckTags, postCheckPath } from './postCheckWords';

const STATES: PostCheckState[] = ['open', 'confirmed', 'found_false'];

/**
 * 承诺核查: the post-check tasks of the reviewer's desk (a supervisor's whole
 * area), open first and earliest due first; a new commitment's task arrives
 * live. Below, the credit records of false commitments, with 信用修复.
 */
export function PostChecksScreen() {
  const { t } = useTranslation('commitments');
  const user = useUser();
  const [state, setState] = useState<PostCheckState | undefined>();
  const [tick, setTick] = useState(0);
  const list = useAsync(() => listDeskPostChecks(state), [state, tick]);
  const pending = useRef<number | null>(null);
  const live = useStaffLive(
    {
      onPostCheck: () => {
        if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), setTick((n) => n + 1)), 200);
      },
    },
    user?.username ?? null,
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="post-checks">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('desk.title')}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      <Select
        allowClear
        aria-label={t('desk.stateLabel')}
        placeholder={t('desk.all')}
        value={state}
        onChange={(v) => setState(v)}
        style={{ minWidth: 160 }}
        options={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
      />
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <Card size="small" title={list.data ? t('desk.count', { count: list.data.length }) : undefined}>
        <List
          size="small"
          loading={!list.data && !list.error}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('desk.empty') }}
          renderItem={(p) => (
            <List.Item key={p.id} data-testid="post-check-row" data-case-no={p.caseNo} data-state={p.state}>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  <Link to={postCheckPath(p.id)} aria-label={t('desk.openOf', { caseNo: p.caseNo, proof: p.proof })}>
                    <Typography.Text strong>{p.proof}</Typography.Text>
                  </Link>
                  <PostCheckTags p={p} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.caseNo} · {p.subject.name} · {t('dueOn', { date: p.dueOn })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <CreditRecords mayRepair={user?.role === 'reviewer' || user?.role === 'admin'} refreshKey={tick} />
    </Space>
  );
}
