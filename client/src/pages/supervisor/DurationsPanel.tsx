import type { EChartsOption } from 'echarts';
import { Segmented, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, StepDuration } from '../../api/types';
import { EChart } from './EChart';
import { SERIES_COLORS } from './palette';

type Row = StepDuration | (Dashboard['durations']['byLevel'][number] & { state?: undefined });

/** Where cases wait longest: average and P90 per step or per level, slowest first (the API's order). */
export function DurationsPanel({ durations }: { durations: Dashboard['durations'] }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const [by, setBy] = useState<'byStep' | 'byLevel'>('byStep');
  const rows: Row[] = durations[by];
  const label = (r: Row) => (r.state ? `${t(`common:levelFull.${r.level}`)} · ${t(`common:state.${r.state}`)}` : t(`common:levelFull.${r.level}`));
  // Slowest at the top: ECharts draws a category axis bottom-up.
  const shown = useMemo(() => [...rows].reverse(), [rows]);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: shown.map(label), axisLabel: { width: 150, overflow: 'truncate' } },
      xAxis: { type: 'value' },
      series: [
        { name: t('durations.avg'), type: 'bar', color: SERIES_COLORS.avg, data: shown.map((r) => r.avgDays) },
        { name: t('durations.p90'), type: 'bar', color: SERIES_COLORS.p90, data: shown.map((r) => r.p90Days) },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, t],
  );
  return (
    <>
      <Segmented
        value={by}
        onChange={(v) => setBy(v as typeof by)}
        options={[
          { value: 'byStep', label: t('durations.byStep') },
          { value: 'byLevel', label: t('durations.byLevel') },
        ]}
      />
      {rows.length > 0 && <EChart option={option} label={t('durations.aria')} height={Math.max(200, rows.length * 34 + 60)} testId="chart-durations" />}
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.level}|${r.state ?? ''}`}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('durations.empty') }}
        onRow={() => ({ 'data-testid': 'duration-row' }) as never}
        columns={[
          { title: by === 'byStep' ? t('durations.step') : t('durations.level'), key: 'label', render: (_, r) => label(r) },
          { title: t('durations.count'), dataIndex: 'count', align: 'right' },
          { title: t('durations.avg'), dataIndex: 'avgDays', align: 'right', render: (n: number) => <span data-testid="duration-avg">{n}</span> },
          { title: t('durations.p90'), dataIndex: 'p90Days', align: 'right', render: (n: number) => <span data-testid="duration-p90">{n}</span> },
        ]}
      />
    </>
  );
}
