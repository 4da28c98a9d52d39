import { Alert, Descriptions, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../api/types';
import { LightTag, PromiseTag } from './LightTag';

/** The promised completion date (承诺办结日期): the one date the applicant holds the office to. */
export function PromiseSummary({ c }: { c: CaseView }) {
  const { t } = useTranslation(['common']);
  const p = c.promise;
  return (
    <div data-testid="promise">
      <Typography.Text type="secondary">{t('promise.title')}</Typography.Text>{' '}
      <Typography.Text strong data-testid="promise-due" style={{ fontSize: 18 }}>
        {p.dueOn ?? '—'}
      </Typography.Text>{' '}
      <PromiseTag p={p} />
      {p.limitDays !== null && <div><Typography.Text type="secondary">{t('promise.limit', { n: p.limitDays })}</Typography.Text></div>}
      {p.status === 'paused' && <div><Typography.Text type="secondary">{t('promise.ifResumed')}</Typography.Text></div>}
      {p.overdueDays > 0 && p.status !== 'finished' && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} data-testid="promise-overdue" title={t('promise.overdue', { n: p.overdueDays })} description={t('promise.whatToDo')} />
      )}
    </div>
  );
}

/** The promise first, then the current step's own clock: days used and left, its deadline, and why it is paused. */
export function ClockPanel({ c, showStep = true }: { c: CaseView; showStep?: boolean }) {
  const { t } = useTranslation(['applicant', 'common']);
  const k = c.clock;
  const running = k.phase !== 'stopped';
  // A special procedure names itself (中介服务: the intermediary market's time, not the department's).
  const procedure = k.paused && k.pauseKind === 'special' && c.special ? t(`common:special.${c.special.procedure}`) : null;
  const pct = k.limitDays > 0 ? Math.min(100, Math.round((k.usedDays / k.limitDays) * 100)) : 0;
  return (
    <div data-testid="clock">
      <PromiseSummary c={c} />
      {showStep && (
        <>
          {k.paused && k.pauseKind && (
            <Alert type="info" showIcon role="status" style={{ margin: '12px 0' }} title={t('applicant:clockPaused')} description={procedure ? t('common:pauseFor', { procedure }) : t(`common:pause.${k.pauseKind}`)} data-testid="clock-paused" />
          )}
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} bordered style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('applicant:phase')}>{t(`common:phase.${k.phase}`)}</Descriptions.Item>
            <Descriptions.Item label={t('applicant:daysUsed')}>
              {running ? (
                <>
                  <span data-testid="days-used">{k.usedDays}</span> / {k.limitDays}
                </>
              ) : (
                t('common:promise.finished')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('applicant:daysLeft')}>
              <span data-testid="days-left">{!running ? '—' : k.paused ? t('common:promise.paused', { why: t(`common:promise.why.${k.pauseKind ?? 'special'}`) }) : k.leftDays < 0 ? t('common:promise.overdue', { n: -k.leftDays }) : k.leftDays}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('common:promise.stepDue')}>
              <span data-testid="step-due">{running && c.step.dueOn ? c.step.dueOn : '—'}</span> {running && !k.paused && <LightTag light={c.step.light} />}
            </Descriptions.Item>
          </Descriptions>
          {running && !k.paused && (
            <Progress percent={pct} showInfo={false} aria-label={t('applicant:daysUsed')} status={k.light === 'red' ? 'exception' : 'active'} strokeColor={k.light === 'yellow' ? '#faad14' : undefined} />
          )}
        </>
      )}
      {(k.provisional || c.promise.provisional) && <Alert type="warning" showIcon title={t('applicant:provisional')} style={{ marginTop: 8 }} />}
    </div>
  );
}
