import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types';
import { LightTag, PromiseTag } from '../../components/LightTag';
import { QueueMarks } from './QueueMarks';

/** The queue on a phone: one card per case, the promised date first, the step's own deadline and light second. */
export function QueueCards({ rows, active, loading, onOpen }: { rows: CaseView[]; active: number; loading: boolean; onOpen: (c: CaseView, i: number) => void }) {
  const { t } = useTranslation(['desk', 'common']);
  return (
    <List
      loading={loading}
      dataSource={rows}
      locale={{ emptyText: t('queue.empty') }}
      renderItem={(c, i) => (
        <List.Item
          key={c.caseNo}
          className={i === active ? 'queue-row-active' : undefined}
          onClick={() => onOpen(c, i)}
          style={{ cursor: 'pointer' }}
          data-testid="queue-row"
          data-case-no={c.caseNo}
          data-light={c.light}
        >
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap size={4}>
              <Typography.Text>
                {t('common:promise.title')} <span data-testid="queue-promise-due">{c.promise.dueOn ?? '—'}</span>
              </Typography.Text>
              <PromiseTag p={c.promise} />
              <Typography.Text strong>{c.itemName}</Typography.Text>
              <QueueMarks c={c} />
            </Space>
            <Typography.Text type="secondary">
              {c.caseNo} · {t(`common:state.${c.state}`)} · {c.clock.paused ? t('queue.paused') : `${t('common:promise.stepDue')} ${c.step.dueOn ?? '—'}`} <LightTag light={c.light} leftDays={c.clock.phase === 'stopped' || c.clock.paused ? null : c.clock.leftDays} pausedFor={c.clock.paused ? (c.clock.pauseKind ?? 'special') : null} /> · {c.applicant.name}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
