import { RollbackOutlined } from '@ant-design/icons';
import { Grid, Steps, type StepsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../api/types';
import { endedWithoutResult } from './caseStates';
import { useJurisdictionNames } from './jurisdictionNames';

/**
 * The route as the levels it climbs and comes back down: each step with its
 * place and what happens there, the current one lit. Vertical on a phone.
 * A case that ended without a result (refused, denied, withdrawn) shows the
 * steps it went through and how it ended, never the 制证/送达 that will not come:
 * a refusal or denial in red, a withdrawal plainly.
 */
export function RouteMap({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation(['applicant', 'common', 'delegations']);
  const screens = Grid.useBreakpoint();
  const names = useJurisdictionNames(c.route.map((s) => s.jurisdictionCode), i18n.language === 'en');
  const done = c.state === 'completed';
  const ended = endedWithoutResult(c.state);
  const steps = ended ? c.route.slice(0, c.step.index + 1) : c.route;
  const items: NonNullable<StepsProps['items']> = steps.map((s) => ({
    title: t(`common:level.${s.level}`),
    ...(ended ? { status: 'finish' as const } : {}),
    content: (
      <span data-testid={`route-step-${s.index}`} data-current={!done && !ended && s.index === c.step.index ? 'true' : 'false'}>
        {t(`common:stepKind.${s.kind}`)}
        <br />
        {names[s.jurisdictionCode] ?? s.jurisdictionCode}
        {s.deedNo && (
          <>
            <br />
            <span data-testid={`route-step-${s.index}-deed`}>{t('delegations:routeStep', { deedNo: s.deedNo })}</span>
          </>
        )}
      </span>
    ),
  }));
  if (ended) {
    const withdrawn = c.state === 'withdrawn';
    items.push({
      title: t(`common:state.${c.state}`),
      // A withdrawal is the applicant's choice, not a failure: grey, with its own mark.
      status: withdrawn ? 'wait' : 'error',
      ...(withdrawn ? { icon: <RollbackOutlined aria-hidden /> } : {}),
      content: <span data-testid="route-end" data-state={c.state} />,
    });
  }
  return (
    <Steps
      aria-label={t('applicant:routeMap')}
      orientation={screens.md ? 'horizontal' : 'vertical'}
      size="small"
      titlePlacement={screens.md ? 'vertical' : undefined}
      current={done ? c.route.length : ended ? items.length - 1 : c.step.index}
      status={done ? 'finish' : ended ? (c.state === 'withdrawn' ? 'wait' : 'error') : c.clock.paused ? 'wait' : 'process'}
      items={items}
    />
  );
}
