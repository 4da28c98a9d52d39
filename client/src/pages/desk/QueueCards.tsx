import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types';
import { LightTag } from '../../components/LightTag';

/** The queue on a phone: one card per case, the light and due date first. */
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
              <LightTag light={c.light} leftDays={c.clock.phase === 'stopped' || c.clock.paused ? null : c.clock.leftDays} />
              <Typography.Text strong>{c.itemName}</Typography.Text>
            </Space>
            <Typography.Text type="secondary">
              {c.caseNo} · {t(`common:state.${c.state}`)} · {c.clock.paused ? t('queue.paused') : `${t('queue.deadline')} ${c.clock.deadline ?? '—'}`} · {c.applicant.name}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
