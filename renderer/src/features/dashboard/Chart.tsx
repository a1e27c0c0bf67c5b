/**
 * One bar chart, for people who would rather look than read. The numbers are the table that goes with
 * it (`FigureTable`): the canvas is hidden from assistive technology, which reads the table instead.
 */
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../i18n/format';

export interface ChartProps {
  labels: string[];
  values: number[];
  /** Bars along the y axis: long labels (thématiques) stay readable. */
  horizontal?: boolean;
}

const BRAND = '#1f5f5b';

export function BarChartView({ labels, values, horizontal = false }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let disposed = false;
    let chart: { setOption: (o: object) => void; resize: () => void; dispose: () => void } | undefined;
    let observer: ResizeObserver | undefined;
    void import('./echarts').then(({ echarts }) => {
      if (disposed) return;
      chart = echarts.init(element, undefined, { renderer: 'canvas' });
      const category = { type: 'category', data: labels, axisLabel: { width: horizontal ? 180 : undefined, overflow: 'truncate', interval: 0, hideOverlap: true } };
      const value = { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) }, minInterval: 1 };
      chart.setOption({
        animation: false,
        grid: { left: horizontal ? 190 : 48, right: 24, top: 16, bottom: horizontal ? 24 : 40, containLabel: false },
        xAxis: horizontal ? value : category,
        yAxis: horizontal ? { ...category, inverse: true } : value,
        series: [{ type: 'bar', data: values, itemStyle: { color: BRAND }, label: { show: true, position: horizontal ? 'right' : 'top', formatter: (p: { value: number }) => formatNumber(p.value) } }],
      });
      observer = new ResizeObserver(() => chart?.resize());
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [labels, values, horizontal]);
  const height = horizontal ? Math.max(120, labels.length * 28 + 48) : 240;
  return <div ref={host} className="chart" aria-hidden="true" style={{ height }} />;
}
