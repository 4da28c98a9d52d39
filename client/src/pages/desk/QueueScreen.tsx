import { App, Button, Card, Flex, Grid, Select, Space, Table, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CASE_STATES } from '../../../../workflows/caseStates';
import { api, qs } from '../../api/http';
import { departmentName, loadDepartments } from '../../api/reference';
import type { CaseUrged, CaseView, QueueChanged } from '../../api/types';
import { QueueMarks } from './QueueMarks';
import { isClosed } from '../../components/caseStates';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { useJurisdictionNames } from '../../components/jurisdictionNames';
import { LightTag, PromiseTag } from '../../components/LightTag';
import { LiveBadge } from '../../components/LiveBadge';
import { useAsync } from '../../components/useAsync';
import { useHotkeys } from '../../components/useHotkeys';
import { useStaffLive } from '../../live/socket';
import { QueueCards } from './QueueCards';
import { DeskTabs } from './DeskTabs';
import { useUser } from '../../session';

// The states a case can wait in at a desk: open, and past the moment of filing.
const STATES = CASE_STATES.filter((s) => s !== 'submitted' && !isClosed(s));

/** The desk's open cases, nearest deadline first, kept live; worked from the keyboard. */
export function QueueScreen() {
  const { t, i18n } = useTranslation(['desk', 'common']);
  const en = i18n.language === 'en';
  const user = useUser()!;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const filter = { itemCode: params.get('item') ?? '', state: params.get('state') ?? '', light: params.get('light') ?? '' };
  const setFilter = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const queue = useAsync(
    () => api<{ cases: CaseView[] }>('GET', `/api/queue${qs({ itemCode: filter.itemCode, state: filter.state, light: filter.light, limit: 200 })}`).then((r) => r.cases),
    [filter.itemCode, filter.state, filter.light],
  );
  const rows = queue.data ?? [];
  const [active, setActive] = useState(0);
  const itemFilter = useRef<{ focus: () => void }>(null);
  // Items seen in this queue, so the item filter keeps its choices while it filters.
  const seenItems = useRef(new Map<string, string>());
  rows.forEach((c) => seenItems.current.set(c.itemCode, c.itemName ?? c.itemCode));

  const pending = useRef<number | null>(null);
  const onQueue = (e: QueueChanged) => {
    if (e.change === 'arrived') message.info(t('queue.arrived', { caseNo: e.caseNo }));
    // Bursts of changes become one reload.
    if (pending.current === null) pending.current = window.setTimeout(() => ((pending.current = null), void queue.reload()), 200);
  };
  // 督办/催办 reaches the desk live: said at once; the queue reloads (queue:changed) with the case pinned on top.
  const onUrged = (e: CaseUrged) => message.warning(t(e.kind === 'applicant' ? 'urging.applicant' : 'urging.received', { caseNo: e.caseNo }));
  const live = useStaffLive({ onQueue, onUrged }, user.username);

  const deps = useAsync(loadDepartments, []);
  const names = useJurisdictionNames([user.jurisdictionCode], en);
  const deskName = `${names[user.jurisdictionCode] ?? ''}${user.department ? ` · ${departmentName(deps.data, user.department, en)}` : ''}`;

  const open = (c: CaseView | undefined) => c && navigate(`/desk/cases/${c.caseNo}`);
  useHotkeys({
    ArrowDown: () => setActive((i) => Math.min(rows.length - 1, i + 1)),
    j: () => setActive((i) => Math.min(rows.length - 1, i + 1)),
    ArrowUp: () => setActive((i) => Math.max(0, i - 1)),
    k: () => setActive((i) => Math.max(0, i - 1)),
    Enter: () => open(rows[Math.min(active, rows.length - 1)]),
    r: () => void queue.reload(),
    '/': () => itemFilter.current?.focus(),
  });

  const itemOptions = useMemo(
    () => [{ value: '', label: `${t('queue.item')}: ${t('common:all')}` }, ...[...seenItems.current].map(([code, name]) => ({ value: code, label: name }))],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, t],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={1} className="page-title">
            {t('queue.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('queue.subtitle', { desk: deskName })}</Typography.Text>
        </div>
        <Space wrap>
          <DeskTabs current="queue" />
          <Button onClick={() => navigate('/desk/rectifications')} data-testid="open-rectifications">
            {t('ratings:workbench.open')}
          </Button>
          {user.role === 'clerk' && (
            <Button onClick={() => navigate('/desk/counter')} title={t('queue.fileHelp')}>
              {t('queue.file')}
            </Button>
          )}
          <LiveBadge status={live} />
        </Space>
      </Flex>
      <Flex gap="small" wrap>
        <Select ref={itemFilter as never} aria-label={t('queue.filterItem')} style={{ minWidth: 220, flex: 2 }} value={filter.itemCode} showSearch optionFilterProp="label" onChange={(v) => setFilter('item', v)} options={itemOptions} />
        <Select
          aria-label={t('queue.filterState')}
          style={{ minWidth: 150, flex: 1 }}
          value={filter.state}
          onChange={(v) => setFilter('state', v)}
          options={[{ value: '', label: `${t('queue.state')}: ${t('common:all')}` }, ...STATES.map((s) => ({ value: s, label: t(`common:state.${s}`) }))]}
        />
        <Select
          aria-label={t('queue.filterLight')}
          style={{ minWidth: 130, flex: 1 }}
          value={filter.light}
          onChange={(v) => setFilter('light', v)}
          options={[{ value: '', label: `${t('queue.light')}: ${t('common:all')}` }, ...(['red', 'yellow', 'green'] as const).map((l) => ({ value: l, label: t(`common:light.${l}`) }))]}
        />
      </Flex>
      {queue.error && <ErrorState error={queue.error} onRetry={queue.reload} />}
      <Card size="small">
        {phone ? (
          <QueueCards rows={rows} active={active} loading={queue.loading && !queue.data} onOpen={(c, i) => (setActive(i), open(c))} />
        ) : (
          <Table<CaseView>
            size="middle"
            rowKey="caseNo"
            loading={queue.loading && !queue.data}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('queue.empty') }}
            rowClassName={(_, i) => (i === active ? 'queue-row-active' : '')}
            onRow={(c, i) => ({ onClick: () => (setActive(i ?? 0), open(c)), 'data-testid': 'queue-row', 'data-case-no': c.caseNo, 'data-light': c.light } as never)}
            footer={() => (
              <Flex justify="space-between" wrap>
                <span>{t('queue.count', { n: rows.length })}</span>
                <Typography.Text type="secondary" className="keys-hint">{t('queue.keys')}</Typography.Text>
              </Flex>
            )}
            columns={[
              { title: t('common:promise.title'), key: 'promise', render: (_, c) => <><span data-testid="queue-promise-due">{c.promise.dueOn ?? '—'}</span> <PromiseTag p={c.promise} /></> },
              { title: t('queue.light'), key: 'light', width: 110, render: (_, c) => <LightTag light={c.light} leftDays={c.clock.phase === 'stopped' || c.clock.paused ? null : c.clock.leftDays} pausedFor={c.clock.paused ? (c.clock.pauseKind ?? 'special') : null} /> },
              { title: t('queue.caseNo'), dataIndex: 'caseNo', render: (no: string, c: CaseView) => <><Link to={`/desk/cases/${no}`}>{no}</Link> <QueueMarks c={c} /></> },
              { title: t('queue.item'), dataIndex: 'itemName', ellipsis: true },
              { title: t('queue.state'), dataIndex: 'state', render: (s: string) => t(`common:state.${s}`) },
              { title: t('common:promise.stepDue'), key: 'deadline', render: (_, c) => (c.clock.paused ? t('queue.paused') : c.step.dueOn) },
              { title: t('queue.applicant'), key: 'applicant', responsive: ['md'], render: (_, c) => c.applicant.name },
              { title: t('queue.filedAt'), dataIndex: 'filedAt', responsive: ['lg'], render: (at: string) => formatTime(at) },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
