import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types';
import { counterDrill } from './drillDown';
import { DrillLink } from './DrillLink';
import { LIGHT_COLORS } from './palette';

const KEYS = ['filed', 'accepted', 'decided', 'open', 'overdue'] as const;

/** The five live counters; the numbers carry test ids so a browser test can compare them with the API. */
export function CountersRow({ counters, drill }: { counters: Dashboard['counters']; drill?: Pick<Dashboard, 'scope' | 'from'> }) {
  const { t } = useTranslation(['dashboard', 'search']);
  return (
    <Row gutter={[12, 12]} role="group" aria-label={t('counters.label')}>
      {KEYS.map((k) => (
        <Col key={k} flex="1 1 110px">
          <Card size="small">
            <Statistic
              title={t(`counters.${k}`)}
              value={counters[k]}
              styles={{ content: k === 'overdue' && counters.overdue > 0 ? { color: LIGHT_COLORS.red } : undefined }}
              formatter={(v) => {
                const n = <span data-testid={`counter-${k}`}>{String(v)}</span>;
                // Each number opens the list of its cases.
                return drill ? <DrillLink filter={counterDrill(drill, k)} label={t('search:drill.open_link', { what: t(`counters.${k}`), n: v })}>{n}</DrillLink> : n;
              }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
