import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Spin, Typography } from 'antd';
import { Chart, echarts } from '../Chart.tsx';
import { childOfFeature, outlineFileOf } from './geo.ts';
import { formatValue, type StatsRow } from './figures.ts';
import type { Metric } from './metrics.ts';

interface OutlineFeature { properties: { code: string; name: string; cp: [number, number] } }
interface Outline { type: 'FeatureCollection'; features: OutlineFeature[] }

/** Outlines already fetched and registered with ECharts, by file: each is loaded once, when first shown. */
const loaded = new Map<string, Promise<Outline | null>>();

function loadOutline(file: string): Promise<Outline | null> {
  let p = loaded.get(file);
  if (!p) {
    p = fetch(`/geo/${file}.json`).then(
      async (r) => {
        if (!r.ok) return null;
        const outline = (await r.json()) as Outline;
        echarts.registerMap(`region-${file}`, outline as never);
        return outline;
      },
      () => null,
    );
    loaded.set(file, p);
    void p.then((o) => { if (!o) loaded.delete(file); });
  }
  return p;
}

/** Whether a region's children can be drawn (there is an outline file for it). */
export const hasMap = (region: string) => outlineFileOf(region) !== null;

/**
 * The child regions of `region` on a map, coloured by one metric; a click on an area picks its child.
 * The outlines ship with the app (/geo/<adcode>.json, built from an npm package): nothing is asked of
 * a map service. The container's `data-areas` says where each child's label point is on screen
 * ({code: [x, y]}), for tests and tools that must click an area.
 */
export function RegionMap({ region, rows, metric, onPick }: { region: string; rows: StatsRow[]; metric: Metric; onPick: (code: string) => void }) {
  const file = outlineFileOf(region);
  // The outline with the file it came from: while the next region's file loads, the last one is not drawn under its name.
  const [loadedOutline, setLoaded] = useState<{ file: string; outline: Outline | null } | null>(null);
  const outline = loadedOutline && loadedOutline.file === file ? loadedOutline.outline : undefined;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!file) return;
    let live = true;
    void loadOutline(file).then((o) => live && setLoaded({ file, outline: o }));
    return () => void (live = false);
  }, [file]);

  const children = useMemo(() => rows.map((r) => r.key), [rows]);
  const byCode = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const option = useMemo(() => {
    if (!outline || !file) return null;
    const values = outline.features.map((f) => {
      const child = childOfFeature(f.properties.code, children);
      const row = child ? byCode.get(child) : undefined;
      return { name: f.properties.code, value: row ? metric.get(row.figures).value ?? undefined : undefined, child, label: row?.name ?? f.properties.name };
    });
    const numbers = values.map((v) => v.value).filter((v): v is number => typeof v === 'number');
    const labelOf = new Map(values.map((v) => [v.name, v]));
    const many = outline.features.length > 24;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const v = labelOf.get(p.name);
          return v ? `${v.label}：${typeof v.value === 'number' ? `${formatValue(v.value, metric.unit)} ${metric.unit}` : '暂无数据'}` : '';
        },
      },
      visualMap: {
        type: 'continuous', min: 0, max: Math.max(1, ...numbers), left: 8, bottom: 8, calculable: false, text: ['高', '低'],
        inRange: { color: ['#fff1f0', '#ff7875', '#a8071a'] }, textStyle: { color: '#262626' },
      },
      series: [{
        type: 'map', map: `region-${file}`, nameProperty: 'code', roam: false, selectedMode: false,
        label: { show: !many, fontSize: 12, color: '#262626', formatter: (p: { name: string }) => labelOf.get(p.name)?.label ?? '' },
        emphasis: { label: { show: true, color: '#000' }, itemStyle: { areaColor: '#ffd666' } },
        itemStyle: { borderColor: '#8c8c8c', borderWidth: 0.8, areaColor: '#f5f5f5' },
        data: values.map((v) => ({ name: v.name, value: v.value })),
      }],
    } as echarts.EChartsCoreOption;
  }, [outline, file, children, byCode, metric]);

  if (!file) return null;
  if (outline === undefined) return <Spin tip="正在加载地图…"><div style={{ height: 420 }} /></Spin>;
  if (outline === null || !option) return <Alert type="warning" showIcon message="暂无该地区的地图轮廓，请使用下方的表格和柱状图" />;
  const unmatched = rows.filter((r) => !outline.features.some((f) => childOfFeature(f.properties.code, [r.key]) === r.key));
  return (
    <div ref={box}>
      <Chart
        option={option}
        height={440}
        testId="region-map"
        label={`各下级地区${metric.title}分布地图，点击地区可查看该地区`}
        onClick={(e) => {
          const child = childOfFeature(e.name, children);
          if (child) onPick(child);
        }}
        onReady={(chart) => {
          const points: Record<string, [number, number]> = {};
          for (const f of outline.features) {
            const p = chart.convertToPixel({ seriesIndex: 0 }, f.properties.cp) as number[] | undefined;
            if (p) points[f.properties.code] = [Math.round(p[0]), Math.round(p[1])];
          }
          box.current?.querySelector('[data-testid="region-map"]')?.setAttribute('data-areas', JSON.stringify(points));
        }}
      />
      {unmatched.length > 0 && (
        <Typography.Text type="secondary">地图上没有轮廓的地区：{unmatched.map((r) => r.name).join('、')}（见下方表格）</Typography.Text>
      )}
    </div>
  );
}
