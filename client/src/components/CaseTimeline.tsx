import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEventView } from '../api/types';
import { formatTime } from './format';
import { useJurisdictionNames } from './jurisdictionNames';

/** What the event's payload says that a person needs to read (lists, licence, delivery). */
function Details({ e }: { e: CaseEventView }) {
  const { t } = useTranslation(['applicant', 'common']);
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (Array.isArray(p.missing)) parts.push(`${t('track.missing')}：${(p.missing as string[]).join('、')}`);
  if (Array.isArray(p.materials)) parts.push((p.materials as string[]).join('、'));
  // A file added to a material, or the desk's 合格/不合格 on it (with the reason the 补正 notice will carry).
  if (typeof p.material === 'string') {
    const reason = typeof p.reason === 'string' && p.reason ? `（${p.reason}）` : '';
    parts.push(typeof p.verdict === 'string' ? `${p.material}：${t(`files:verdict.${p.verdict}`)}${reason}` : p.material);
  }
  if (typeof p.rightsNotice === 'string') parts.push(`${t('track.rightsNotice')}：${p.rightsNotice}`);
  if (typeof p.licenceNo === 'string') parts.push(`${t('track.licenceNo')}：${p.licenceNo}`);
  if (typeof p.procedure === 'string') parts.push(t(`common:special.${p.procedure}`));
  if (typeof p.mode === 'string') parts.push(t(`common:delivery.${p.mode}`));
  if (typeof p.trackingNo === 'string') parts.push(`${t('track.trackingNo')}：${p.trackingNo}`);
  if (typeof p.address === 'string' && p.address) parts.push(p.address);
  if (typeof p.light === 'string') parts.push(t(`common:light.${p.light}`));
  return parts.length ? <div>{parts.map((x, i) => <div key={i}>{x}</div>)}</div> : null;
}

const COLOR: Record<string, string> = { REFUSE: 'red', DENY: 'red', WITHDRAW: 'gray', APPROVE: 'green', COMPLETE: 'green', CLOCK_WARNING: 'orange', RETURN: 'orange', REQUEST_MATERIALS: 'orange' };

/** Every step of the case, newest first (what happened last is what a reader looks for): who did what, where, when, and with which opinion. */
export function CaseTimeline({ events }: { events: CaseEventView[] }) {
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const names = useJurisdictionNames(events.map((e) => e.jurisdictionCode).filter((c): c is string => !!c), i18n.language === 'en');
  return (
    <Timeline
      aria-label={t('track.timeline')}
      items={[...events].reverse().map((e) => ({
        key: e.seq,
        color: COLOR[e.type] ?? 'blue',
        content: (
          <div data-testid="timeline-event" data-type={e.type}>
            <Typography.Text strong>{t(`common:event.${e.type}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
            <div>
              {e.level && <Tag style={{ marginInlineEnd: 6 }}>{t(`common:level.${e.level}`)}</Tag>}
              {e.jurisdictionCode && names[e.jurisdictionCode]}
              {' · '}
              {t(`common:role.${e.actor.role}`)}
              {e.actor.name && e.actor.role !== 'applicant' ? ` ${e.actor.name}` : ''}
            </div>
            {e.opinion && (
              <div>
                {t('track.opinion')}：{e.opinion}
              </div>
            )}
            <Details e={e} />
          </div>
        ),
      }))}
    />
  );
}
