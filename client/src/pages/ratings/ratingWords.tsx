import { Rate, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RectificationState, RectificationView } from '../../api/ratings';

/** Still open (workflows/rectificationMachine.ts OPEN_STATES; the machine itself stays out of the web app's bundle). */
const OPEN_STATES: readonly RectificationState[] = ['verifying', 'callingBack', 'resolving', 'appealed'];

export const LEVELS = [1, 2, 3, 4, 5] as const;
export const INDICATORS = ['overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** Stars with their words (非常不满意 … 非常满意) on hover and beside them: the national five levels. */
export function Stars({ value, onChange, label, testId }: { value: number; onChange?: (v: number) => void; label: string; testId?: string }) {
  const { t } = useTranslation('ratings');
  return (
    <span data-testid={testId} data-value={value}>
      <Rate value={value} onChange={onChange} disabled={!onChange} allowClear={false} tooltips={LEVELS.map((l) => t(`level.${l}`))} aria-label={label} style={{ fontSize: 22 }} />
      {value > 0 && <span style={{ marginInlineStart: 8 }}>{t(`level.${value}`)}</span>}
    </span>
  );
}

/** A rectification's state, overdue flag and due date as tags. */
export function RectificationTags({ r }: { r: Pick<RectificationView, 'state' | 'overdue' | 'dueOn'> }) {
  const { t } = useTranslation('ratings');
  const open = (OPEN_STATES as readonly string[]).includes(r.state);
  return (
    <>
      <Tag color={open ? 'processing' : r.state === 'dismissed' ? 'default' : 'success'} data-testid="rectification-state" data-state={r.state}>
        {t(`rectification.state.${r.state}`)}
      </Tag>
      {r.overdue && <Tag color="error">{t('rectification.overdue')}</Tag>}
      {open && <Tag>{t('rectification.dueOn', { date: r.dueOn })}</Tag>}
    </>
  );
}

export const rectificationPath = (id: number) => `/rectifications/${id}`;
