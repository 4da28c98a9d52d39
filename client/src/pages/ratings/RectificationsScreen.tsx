import { Card, List, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listDeskRectifications, type RectificationState } from '../../api/ratings';
import { ErrorState } from '../../components/ErrorState';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useStaffLive } from '../../live/socket';
import { useUser } from '../../session';
import { rectificationPath, RectificationTags } from './ratingWords';

const STATES: RectificationState[] = ['verifying', 'callingBack', 'resolving', 'appealed', 'resolved', 'dismissed', 'closed'];

/**
 * 差评整改: the rectifications of the caller's desk (a supervisor's whole
 * area), those still owed first and earliest due first; a new bad rating's
 * task arrives live. Reached from the desk's queue, not from the menu.
 */
export function RectificationsScreen() {
  const { t } = useTranslation('ratings');
  const user = useUser();
  const [state, setState] = useState<RectificationState | undefined>();
  const [tick, setTick] = useState(0);
  const list = useAsync(() => listDeskRectifications(state), [state, tick]);
  const pending = useRef<number | null>(null);
  const live = useStaffLive(
    {
      onRectification: () => {
        if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), setTick((n) => n + 1)), 200);
      },
    },
    user?.username ?? null,
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="rectifications">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title">
          {t('workbench.title')}
        </Typography.Title>
        <LiveBadge status={live} />
      </Space>
      <Select allowClear aria-label={t('workbench.stateLabel')} placeholder={t('workbench.all')} value={state} onChange={(v) => setState(v)} style={{ minWidth: 160 }} options={STATES.map((s) => ({ value: s, label: t(`rectification.state.${s}`) }))} />
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <Card size="small" title={list.data ? t('workbench.count', { count: list.data.length }) : undefined}>
        <List
          size="small"
          loading={!list.data && !list.error}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('workbench.empty') }}
          renderItem={(r) => (
            <List.Item key={r.id} data-testid="rectification-row" data-case-no={r.caseNo} data-state={r.state}>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  <Link to={rectificationPath(r.id)} aria-label={t('workbench.openOf', { caseNo: r.caseNo })}>
                    <Typography.Text strong>{r.caseNo}</Typography.Text>
                  </Link>
                  <RectificationTags r={r} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`stage.${r.stage}`)}
                  {r.actions.length > 0 && ` · ${r.actions.map((a) => t(`workbench.action.${a}`)).join(' / ')}`}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
