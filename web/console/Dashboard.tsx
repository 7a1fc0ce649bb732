import { useEffect, useState } from 'react';
import { Alert, Card, Col, Row, Segmented, Space, Spin, Statistic, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { Go } from './App.tsx';
import type { Overview } from '../api/routes.ts';
import { Chart, typeRing } from './Chart.tsx';
import { TIP_STATUSES, shortType } from './labels.ts';
import { yuan } from './money.ts';

const PERIODS = [{ label: '近7天', value: 7 }, { label: '近30天', value: 30 }, { label: '近90天', value: 90 }, { label: '近一年', value: 365 }];

/** How each rate is counted (docs/indicators.md): shown beside the figure, so no one has to guess. */
const RATES = [
  { key: 'closure', title: '办结率', numerator: '已办结', denominator: '已受理（含其后各环节）' },
  { key: 'onTime', title: '按期办结率', numerator: '在办理期限内办结', denominator: '已办结且有办理期限' },
  { key: 'satisfaction', title: '满意率', numerator: '评价满意', denominator: '举报人已评价' },
] as const;

const percent = (r: { numerator: number; denominator: number }) => (r.denominator ? `${((r.numerator / r.denominator) * 100).toFixed(1)}%` : '—');

/** The jurisdiction in a chosen period; every number links back to the list of tips behind it. */
export default function Dashboard({ go }: { go: Go }) {
  const [days, setDays] = useState(30);
  const [data, setData] = useState<Overview | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  useEffect(() => {
    let stale = false;
    setLoading(true);
    api('GET', `/api/stats/overview?days=${days}`).then(
      (d) => { if (!stale) { setData(d); setError(''); } },
      (e: Error) => { if (!stale) setError(e.message); },
    ).finally(() => { if (!stale) setLoading(false); });
    return () => { stale = true; };
  }, [days]);
  const header = (
    <Space wrap align="center" style={{ marginBottom: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>统计概览</Typography.Title>
      <Segmented aria-label="统计期" value={days} onChange={(v) => setDays(Number(v))} options={PERIODS} />
      {data && (
        <Typography.Text data-testid="period">
          统计期：{data.period.from} 至 {data.period.to}（{PERIODS.find((p) => p.value === data.period.days)?.label ?? `近${data.period.days}天`}收到的线索，按现处环节）
        </Typography.Text>
      )}
    </Space>
  );
  if (error) return <>{header}<Alert type="error" showIcon message={error} /></>;
  if (!data) return <>{header}<Card loading aria-busy="true" /></>;
  const { from, to } = data.period;
  const list = (status?: string) => go(`/console/tips?${new URLSearchParams({ ...(status ? { status } : {}), from, to })}`);
  return (
    <Spin spinning={loading} tip="正在统计…">
      {header}
      <Row gutter={[12, 12]}>
        <Col flex="1 1 100px">
          <Card hoverable size="small" data-testid="card-received" onClick={() => list()}><Statistic title="收到" value={data.received} suffix="条" /></Card>
        </Col>
        {data.byStatus.map((s) => (
          <Col key={s.status} flex="1 1 100px">
            <Card hoverable size="small" data-testid={`card-${s.status}`} onClick={() => list(s.status)}>
              <Statistic title={TIP_STATUSES[s.status]} value={s.n} suffix="条" />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {RATES.map((r) => {
          const v = data.rates[r.key];
          return (
            <Col key={r.key} xs={24} md={8}>
              <Card size="small" data-testid={`rate-${r.key}`}>
                <Statistic title={r.title} value={percent(v)} />
                <Typography.Text type="secondary">{r.numerator} {v.numerator} 条 ÷ {r.denominator} {v.denominator} 条</Typography.Text>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card size="small" title="打击（统计期内）" style={{ marginTop: 12 }} data-testid="strike" extra={<a href="/console/cases" onClick={(e) => { e.preventDefault(); go('/console/cases'); }}>案件与执法</a>}>
        <Space size="large" wrap>
          <Statistic title="立案" value={data.strike.casesFiled} suffix="起" />
          <Statistic title="破案" value={data.strike.casesSolved} suffix="起" />
          <Statistic title="抓获" value={data.strike.arrested} suffix="人" />
          <Statistic title="涉案金额" value={yuan(data.strike.involvedFen)} suffix="元" />
          <Statistic title="追赃挽损" value={yuan(data.strike.recoveredFen)} suffix="元" />
          <Statistic title="三书一函" value={data.strike.notices} suffix="份" />
          <Statistic title="行政处罚" value={data.strike.penalties} suffix="次" />
          <Statistic title="罚没金额" value={yuan(data.strike.penaltyFen)} suffix="元" />
          <Statistic title="移送公安" value={data.strike.transfers} suffix="件" />
        </Space>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={15}>
          <Card title="每日收到与办结">
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
        <Col xs={24} xl={9}>
          <Card title="按类型">
            {data.byType.length === 0 ? <Typography.Text>统计期内没有收到线索</Typography.Text> : (
              <Chart
                label="各类型线索数饼图"
                height={340}
                option={typeRing(data.byType.map((t) => ({ name: shortType(t.fraudType), value: t.n })))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card title="当前超期线索（按下级地区，不限统计期）" style={{ marginTop: 16 }}>
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
    </Spin>
  );
}
