import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView, Light } from '../api/types';
import { promiseWords } from './format';

const COLOR: Record<Light, string> = { green: 'success', yellow: 'warning', red: 'error' };

/**
 * The green/yellow/red time-limit light, in words as well as colour. Overdue reads in days overdue, never "-3";
 * a paused clock says paused (and why), never 正常.
 */
export function LightTag({ light, leftDays, pausedFor }: { light: Light; leftDays?: number | null; pausedFor?: CaseView['clock']['pauseKind'] }) {
  const { t } = useTranslation();
  if (pausedFor) {
    return (
      <Tag color="processing" data-light={light} data-paused={pausedFor}>
        {t('promise.paused', { why: t(`promise.why.${pausedFor}`) })}
      </Tag>
    );
  }
  const days = leftDays === undefined || leftDays === null ? '' : leftDays < 0 ? ` · ${t('promise.overdue', { n: -leftDays })}` : ` · ${t('daysShort', { n: leftDays })}`;
  return (
    <Tag color={COLOR[light]} data-light={light}>
      <span className={`light-dot light-${light}`} aria-hidden />
      {t(`light.${light}`)}
      {days}
    </Tag>
  );
}

/** The promise's light and status in words: days left, 已超期 N 个工作日, 暂停计时（why）, 已办结. */
export function PromiseTag({ p }: { p: CaseView['promise'] }) {
  const { t } = useTranslation();
  const color = p.status === 'finished' || p.status === 'pending' ? 'default' : p.status === 'paused' ? 'processing' : COLOR[p.light];
  return (
    <Tag color={color} data-testid="promise-status" data-light={p.light} data-status={p.status}>
      {p.status === 'running' && <span className={`light-dot light-${p.light}`} aria-hidden />}
      {promiseWords(p, t)}
    </Tag>
  );
}
