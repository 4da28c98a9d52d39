import type { EChartsOption } from 'echarts';
import { Flex } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types';
import { levelDrill } from './drillDown';
import { DrillLink } from './DrillLink';
import { EChart } from './EChart';
import { SERIES_COLORS } from './palette';

const KEYS = ['filed', 'accepted', 'decided', 'open'] as const;

/** Per level: filed at its centres, accepted and decided by it in the window, and what waits there now. */
export function LevelChart({ data }: { data: Dashboard }) {
  const { t } = useTranslation(['dashboard', 'common', 'search']);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.byLevel.map((l) => t(`common:levelFull.${l.level}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: KEYS.map((k) => ({ name: t(`series.${k}`), type: 'bar', color: SERIES_COLORS[k], data: data.byLevel.map((l) => l[k]) })),
    }),
    [data, t],
  );
  return (
    <>
      <EChart option={option} label={t('byLevel.aria')} testId="chart-levels" />
      {/* What waits at each level now, as numbers that open their cases. */}
      <Flex wrap gap="small" data-testid="level-open">
        {data.byLevel.map((l) => {
          const what = `${t(`common:levelFull.${l.level}`)} ${t('series.open')}`;
          return (
            <DrillLink key={l.level} filter={levelDrill(data, l.level)}>
              {what} <span data-testid={`level-open-${l.level}`}>{l.open}</span>
            </DrillLink>
          );
        })}
      </Flex>
    </>
  );
}
