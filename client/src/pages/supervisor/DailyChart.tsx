import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types';
import { EChart } from './EChart';
import { SERIES_COLORS } from './palette';

const KEYS = ['filed', 'accepted', 'decided'] as const;

/** Filed, accepted and decided per China day over the window, zero days included. */
export function DailyChart({ data }: { data: Dashboard }) {
  const { t } = useTranslation('dashboard');
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.daily.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: KEYS.map((k) => ({
        name: t(`series.${k}`),
        type: data.daily.length > 1 ? 'line' : 'bar',
        color: SERIES_COLORS[k],
        data: data.daily.map((d) => d[k]),
      })),
    }),
    [data, t],
  );
  return <EChart option={option} label={t('daily.aria', { from: data.from, today: data.today })} testId="chart-daily" />;
}
