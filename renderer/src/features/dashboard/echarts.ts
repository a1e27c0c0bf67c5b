/**
 * Apache ECharts, tree-shaken to what the dashboard draws: bar and line charts on a grid, drawn on a
 * canvas. No tooltip component: its HTML carries inline styles the app's CSP refuses, and every
 * number is in the table under its chart anyway. Loaded on demand, in its own chunk.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, AriaComponent, CanvasRenderer]);

export { echarts };
