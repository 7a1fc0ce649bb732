import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, MapChart, PieChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };

/**
 * The options of a ring of counts by type, shared by 统计概览 and 数据看板: each label is the short type name and its count
 * (the share is in the tooltip), on a ring small enough, with leader lines short enough, that the labels fit a narrow
 * column — at 1366 px a larger ring with the share in each label cut them to "养…" (session 15's walk). A label still too
 * long for its side breaks, never truncates.
 */
export const typeRing = (data: { name: string; value: number }[]) => ({
  tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}：${p.value} 条（${p.percent}%）` },
  legend: { bottom: 0, type: 'scroll', textStyle: { fontSize: 13, color: '#262626' } },
  series: [{
    type: 'pie', radius: ['26%', '46%'], center: ['50%', '45%'], avoidLabelOverlap: true,
    label: { formatter: '{b}\n{c} 条', fontSize: 13, color: '#262626', lineHeight: 18, overflow: 'break' },
    labelLine: { length: 8, length2: 6 },
    labelLayout: { hideOverlap: false, moveOverlap: 'shiftY' },
    data,
  }],
});

/** What a click on a chart names: the category, map area or slice and its data index. */
export interface ChartClick { name: string; dataIndex: number; data: unknown }

/**
 * One ECharts chart, sized to its box and redrawn when the option changes. It is an image to assistive
 * technology (`label`); every chart of the console has its figures in a table or text beside it.
 * `onReady` gets the chart once laid out, and after each resize (the map uses it to say where its areas are).
 */
export function Chart({ option, label, height = 300, onClick, onReady, testId }: {
  option: echarts.EChartsCoreOption; label: string; height?: number; onClick?: (e: ChartClick) => void; onReady?: (chart: echarts.ECharts) => void; testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const ready = useRef(onReady);
  ready.current = onReady;
  useEffect(() => {
    const chart = echarts.init(el.current!);
    chart.setOption(option);
    chart.on('click', (e) => click.current?.({ name: e.name, dataIndex: e.dataIndex, data: e.data }));
    // setOption lays the chart out at once: positions can be asked for now, and again after a resize.
    ready.current?.(chart);
    const onResize = () => {
      chart.resize();
      ready.current?.(chart);
    };
    addEventListener('resize', onResize);
    return () => {
      removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ height, cursor: onClick ? 'pointer' : undefined }} />;
}
