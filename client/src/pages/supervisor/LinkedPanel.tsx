import type { EChartsOption } from 'echarts';
import { Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types';
import { linkedDrill } from './drillDown';
import { DrillLink } from './DrillLink';
import { EChart } from './EChart';
import { SERIES_COLORS } from './palette';

const KINDS = ['linked', 'unlinked'] as const;
const MEASURES = ['open', 'total', 'filed'] as const;
const COLORS = { open: SERIES_COLORS.open, total: SERIES_COLORS.filed, filed: SERIES_COLORS.accepted };

/** Cases of linked items (filed low, decided higher up) against the rest: a chart and the same numbers in a table. */
export function LinkedPanel({ linked, drill }: { linked: Dashboard['linked']; drill?: Pick<Dashboard, 'scope' | 'from'> }) {
  const { t } = useTranslation(['dashboard', 'search']);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: KINDS.map((k) => t(`linked.${k}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: MEASURES.map((m) => ({ name: t(`linked.${m}`), type: 'bar', color: COLORS[m], data: KINDS.map((k) => linked[k][m]) })),
    }),
    [linked, t],
  );
  return (
    <>
      <EChart option={option} label={t('linked.aria')} height={200} testId="chart-linked" />
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        dataSource={KINDS.map((k) => ({ kind: k, ...linked[k] }))}
        columns={[
          { title: '', dataIndex: 'kind', render: (k: string) => t(`linked.${k}`) },
          ...MEASURES.map((m) => ({
            title: t(`linked.${m}`),
            dataIndex: m,
            align: 'right' as const,
            render: (n: number, r: { kind: 'linked' | 'unlinked' }) => {
              const cell = <span data-testid={`linked-${r.kind}-${m}`}>{n}</span>;
              const what = `${t(`linked.${r.kind}`)} ${t(`linked.${m}`)}`;
              return drill ? <DrillLink filter={linkedDrill(drill, r.kind, m)} label={t('search:drill.open_link', { what, n })}>{cell}</DrillLink> : cell;
            },
          })),
        ]}
      />
    </>
  );
}
