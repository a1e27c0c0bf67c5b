/**
 * One bar chart, for people who would rather look than read. The numbers are the table that goes with
 * it (`FigureTable`): the canvas is hidden from assistive technology, which reads the table instead.
 * The chart is made once per mounted card and only given new data when its numbers change (a filter
 * change redraws bars, it does not rebuild charts). New numbers are merged into the chart's model and
 * drawn once, at the host's size (before, every update drew twice: `setOption` then `resize`); a
 * resize only when the host's size changed.
 * The host says which numbers it shows (`data-want` → `data-drawn`), so the bench can wait for the
 * charts, not only the figures, after a filter change.
 */
import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../i18n/format';

export interface ChartProps {
  labels: string[];
  values: number[];
  /** Bars along the y axis: long labels (thématiques) stay readable. */
  horizontal?: boolean;
}

interface ChartInstance {
  setOption: (o: object, opts?: { lazyUpdate?: boolean }) => void;
  resize: () => void;
  getHeight: () => number;
  getWidth: () => number;
  dispose: () => void;
}

/** Resize only when the host's size differs from the chart's (a resize draws the whole chart again). */
function fitChart(chart: ChartInstance, element: HTMLElement): void {
  if (chart.getWidth() !== element.clientWidth || chart.getHeight() !== element.clientHeight) chart.resize();
}

const BRAND = '#1f5f5b';

function optionOf(labels: string[], values: number[], horizontal: boolean): object {
  const category = { type: 'category', data: labels, axisLabel: { width: horizontal ? 180 : undefined, overflow: 'truncate', interval: 0, hideOverlap: true } };
  const value = { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) }, minInterval: 1 };
  return {
    animation: false,
    grid: { left: horizontal ? 190 : 48, right: 24, top: 16, bottom: horizontal ? 24 : 40, containLabel: false },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: values, itemStyle: { color: BRAND }, label: { show: true, position: horizontal ? 'right' : 'top', formatter: (p: { value: number }) => formatNumber(p.value) } }],
  };
}

export function BarChartView({ labels, values, horizontal = false }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ChartInstance | undefined>(undefined);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let disposed = false;
    let made: ChartInstance | undefined;
    let observer: ResizeObserver | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Made just after the page is painted (a timeout queued by requestAnimationFrame runs after the
    // paint): the figures and their tables are on screen first, and the nine charts (about 60 ms of
    // drawing) follow instead of holding them back.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        void import('./echarts').then(({ echarts }) => {
          if (disposed) return;
          made = echarts.init(element, undefined, { renderer: 'canvas' }) as ChartInstance;
          observer = new ResizeObserver(() => { if (made) fitChart(made, element); });
          observer.observe(element);
          setChart(made);
        });
      }, 0);
    });
    return () => {
      disposed = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      observer?.disconnect();
      made?.dispose();
    };
  }, []);
  // Numbers as a key: a new array with the same numbers (every render) draws nothing again.
  const key = JSON.stringify([labels, values, horizontal]);
  const want = hashOf(key);
  useEffect(() => {
    if (!chart) return;
    const element = host.current;
    if (!element) return;
    const [l, v, h] = JSON.parse(key) as [string[], number[], boolean];
    // Merged into the chart's model (axes and grid kept), new labels and values replacing the old ones,
    // and drawn once: by `setOption` itself when the host kept its size (half the cost of a resize), by
    // the resize that follows when the row count changed the host's height.
    if (chart.getWidth() === element.clientWidth && chart.getHeight() === element.clientHeight) {
      chart.setOption(optionOf(l, v, h));
    } else {
      chart.setOption(optionOf(l, v, h), { lazyUpdate: true });
      chart.resize();
    }
    element.dataset.drawn = hashOf(key);
  }, [chart, key]);
  const height = horizontal ? Math.max(120, labels.length * 28 + 48) : 240;
  return <div ref={host} className="chart" aria-hidden="true" style={{ height }} data-want={want} />;
}

/** A short fingerprint of a chart's numbers (FNV-1a), to tell which numbers a chart has drawn. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}
