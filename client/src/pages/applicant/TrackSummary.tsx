import { Alert, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/types';
import { PromiseSummary } from '../../components/ClockPanel';
import { isClosed } from '../../components/caseStates';

/** What the applicant must do now, from the case's state and actions. */
function todo(c: CaseView, t: (k: string, p?: Record<string, unknown>) => string): string {
  if (c.actions.includes('SUPPLY_MATERIALS')) return t('track.summary.supply', { list: c.missingMaterials.join('、') });
  if (c.actions.includes('COMPLETE')) return t('track.summary.receive');
  if (c.actions.includes('CHOOSE_DELIVERY') && c.state === 'issued') return t('track.summary.choose');
  return t('track.summary.nothing');
}

/** The top of the tracking page: current step, the promised date, and what the applicant must do now. */
export function TrackSummary({ c }: { c: CaseView }) {
  const { t } = useTranslation(['applicant', 'common']);
  return (
    <Card size="small" data-testid="track-summary">
      <PromiseSummary c={c} />
      {/* Paused says paused (补正, special procedure), also before acceptance, when no promise runs yet. */}
      {c.clock.paused && c.clock.pauseKind && (
        <Alert type="info" showIcon role="status" style={{ marginTop: 8 }} data-testid="clock-paused" title={t('clockPaused')} description={t(`common:pause.${c.clock.pauseKind}`)} />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('track.summary.step')}>
          <span data-testid="summary-step">{isClosed(c.state) ? t(`common:state.${c.state}`) : t('track.summary.stepAt', { level: t(`common:level.${c.step.level}`), step: t(`common:stepKind.${c.step.kind}`) })}</span>
        </Descriptions.Item>
        {!isClosed(c.state) && (
          <Descriptions.Item label={t('track.summary.todo')}>
            <span data-testid="summary-todo">{todo(c, t)}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
