import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Col, Row, Segmented, Statistic, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../api/client.ts';
import type { Go } from './App.tsx';
import type { Overview } from '../api/routes.ts';
import { FRAUD_TYPES, TIP_STATUSES } from './labels.ts';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function Chart({ option, label, height = 300 }: { option: echarts.EChartsCoreOption; label: string; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(el.current!);
    chart.setOption(option);
    const onResize = () => chart.resize();
    addEventListener('resize', onResize);
    return () => {
      removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} role="img" aria-label={label} style={{ height }} />;
}

/** The jurisdiction at a glance; every number links back to the list of tips behind it. */
export default function Dashboard({ go }: { go: Go }) {
  const [days, setDays] = useState(30);
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api('GET', `/api/stats/overview?days=${days}`).then(setData, (e) => setError(e.message));
  }, [days]);
  if (error) return <Alert type="error" message={error} />;
  if (!data) return null;
  const total = data.byStatus.reduce((s, x) => s + x.n, 0);
  const typeLabel = (c: string) => FRAUD_TYPES[c as keyof typeof FRAUD_TYPES] ?? '未分类';
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>统计概览</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6} lg={3}><Card><Statistic title="线索总数" value={total} /></Card></Col>
        {data.byStatus.map((s) => (
          <Col key={s.status} xs={12} md={6} lg={3}>
            <Card hoverable onClick={() => go(`/console/tips?status=${s.status}`)}><Statistic title={TIP_STATUSES[s.status]} value={s.n} /></Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <Card title="每日收到与办结" extra={<Segmented value={days} onChange={(v) => setDays(Number(v))} options={[{ label: '7 天', value: 7 }, { label: '30 天', value: 30 }, { label: '90 天', value: 90 }]} />}>
            <Chart
              label="每日收到与办结线索数折线图"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: ['收到', '办结'] },
                xAxis: { type: 'category', data: data.daily.map((d) => d.day.slice(5)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: '收到', type: 'line', data: data.daily.map((d) => d.received), smooth: true },
                  { name: '办结', type: 'line', data: data.daily.map((d) => d.closed), smooth: true },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="按类型">
            <Chart label="各类型线索数饼图" option={{ tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['35%', '65%'], data: data.byType.map((t) => ({ name: typeLabel(t.fraudType), value: t.n })) }] }} />
          </Card>
        </Col>
      </Row>
      <Card title="超期线索（按下级地区）" style={{ marginTop: 16 }}>
        {data.overdueByRegion.length === 0 ? (
          <Typography.Text>目前没有超期线索</Typography.Text>
        ) : (
          <Chart
            label="各下级地区超期线索数柱状图"
            height={260}
            option={{
              tooltip: {},
              xAxis: { type: 'category', data: data.overdueByRegion.map((r) => r.regionName) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [{ type: 'bar', data: data.overdueByRegion.map((r) => r.n), itemStyle: { color: '#a8071a' } }],
            }}
          />
        )}
      </Card>
    </>
  );
}
