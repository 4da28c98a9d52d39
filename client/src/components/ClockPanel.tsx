import { Alert, Descriptions, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../api/types';
import { LightTag } from './LightTag';

/** The statutory clock of the current phase: days used and left, the deadline, and why it is paused. */
export function ClockPanel({ c }: { c: CaseView }) {
  const { t } = useTranslation(['applicant', 'common']);
  const k = c.clock;
  const running = k.phase !== 'stopped';
  const pct = k.limitDays > 0 ? Math.min(100, Math.round((k.usedDays / k.limitDays) * 100)) : 0;
  return (
    <div data-testid="clock">
      {k.paused && k.pauseKind && (
        <Alert type="info" showIcon role="status" style={{ marginBottom: 12 }} title={t('applicant:clockPaused')} description={t(`common:pause.${k.pauseKind}`)} />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} bordered>
        <Descriptions.Item label={t('applicant:phase')}>{t(`common:phase.${k.phase}`)}</Descriptions.Item>
        <Descriptions.Item label={t('applicant:daysUsed')}>
          <span data-testid="days-used">{k.usedDays}</span> / {k.limitDays}
        </Descriptions.Item>
        <Descriptions.Item label={t('applicant:daysLeft')}>
          <span data-testid="days-left">{running ? k.leftDays : '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('applicant:deadline')}>
          {running && k.deadline ? k.deadline : '—'} {running && <LightTag light={k.light} />}
        </Descriptions.Item>
      </Descriptions>
      {running && (
        <Progress
          percent={pct}
          showInfo={false}
          aria-label={t('applicant:daysUsed')}
          status={k.light === 'red' ? 'exception' : k.paused ? 'normal' : 'active'}
          strokeColor={k.light === 'yellow' ? '#faad14' : undefined}
        />
      )}
      {k.provisional && <Alert type="warning" showIcon title={t('applicant:provisional')} style={{ marginTop: 8 }} />}
    </div>
  );
}
