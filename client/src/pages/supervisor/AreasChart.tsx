import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaCount } from '../../api/types';
import { EChart } from './EChart';
import { LIGHT_COLORS, placeName } from './palette';

const LIGHTS = ['green', 'yellow', 'red'] as const;

/** Open cases per area stacked by light; a click on an area's bar drills into it. */
export function AreasChart({ areas, onDrill }: { areas: AreaCount[]; onDrill: (a: AreaCount) => void }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const en = i18n.language === 'en';
  // Top to bottom in the API's order (ECharts draws a category axis bottom-up).
  const rows = useMemo(() => [...areas].reverse(), [areas]);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: rows.map((a) => (a.self ? t('areas.self', { name: placeName(a, en) }) : placeName(a, en))), axisLabel: { width: 120, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: LIGHTS.map((l) => ({ name: t(`common:light.${l}`), type: 'bar', stack: 'open', color: LIGHT_COLORS[l], data: rows.map((a) => a[l]) })),
    }),
    [rows, t, en],
  );
  return (
    <EChart
      option={option}
      label={t('areas.aria')}
      height={Math.max(220, rows.length * 26 + 60)}
      onPick={(i) => {
        const a = rows[i];
        if (a && !a.self) onDrill(a);
      }}
      testId="chart-areas"
    />
  );
}
