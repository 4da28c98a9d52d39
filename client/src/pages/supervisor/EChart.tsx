import type { EChartsOption } from 'echarts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so the chart chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface EChartProps {
  option: EChartsOption;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  height?: number;
  /** Called with the category index of a clicked bar or point. */
  onPick?: (index: number) => void;
  testId?: string;
}

/** One ECharts instance bound to a div: resizes with its box and the window, disposed on unmount. */
export function EChart({ option, label, height = 300, onPick, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el);
    chart.current = c;
    c.on('click', (p) => {
      if (typeof p.dataIndex === 'number') pick.current?.(p.dataIndex);
    });
    const resize = () => c.resize();
    // The window for a rotated phone or wall screen; the observer for a column that changed width.
    window.addEventListener('resize', resize);
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    return () => {
      window.removeEventListener('resize', resize);
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Merge: every option of a chart has the same series, so a live update animates from the old bars, not from zero.
    chart.current?.setOption(option);
  }, [option]);

  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} />;
}
