import { Grid, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../api/types';
import { isClosed } from './caseStates';
import { useJurisdictionNames } from './jurisdictionNames';


/**
 * The route as the levels it climbs and comes back down: each step with its
 * place and what happens there, the current one lit. Vertical on a phone.
 */
export function RouteMap({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation(['applicant', 'common']);
  const screens = Grid.useBreakpoint();
  const names = useJurisdictionNames(c.route.map((s) => s.jurisdictionCode), i18n.language === 'en');
  const done = c.state === 'completed';
  const stopped = isClosed(c.state) && !done;
  return (
    <Steps
      aria-label={t('applicant:routeMap')}
      orientation={screens.md ? 'horizontal' : 'vertical'}
      size="small"
      titlePlacement={screens.md ? 'vertical' : undefined}
      current={done ? c.route.length : c.step.index}
      status={stopped ? 'error' : done ? 'finish' : c.clock.paused ? 'wait' : 'process'}
      items={c.route.map((s) => ({
        title: t(`common:level.${s.level}`),
        content: (
          <span data-testid={`route-step-${s.index}`} data-current={!done && s.index === c.step.index ? 'true' : 'false'}>
            {t(`common:stepKind.${s.kind}`)}
            <br />
            {names[s.jurisdictionCode] ?? s.jurisdictionCode}
          </span>
        ),
      }))}
    />
  );
}
