import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Breadcrumb, Card, Col, DatePicker, Row, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { ApiError, api } from '../api/client.ts';
import type { Go, Me } from './App.tsx';
import { Chart, typeRing } from './Chart.tsx';
import { shortType } from './labels.ts';
import { chinaToday } from '../../shared/time.ts';
import { PERIOD_KINDS, periodFromSearch, trendStep, type PeriodKind } from './stats/period.ts';
import { changeOf, formatValue, shownOf, type Figure, type Shown, type StatsResult, type StatsRow } from './stats/figures.ts';
import { METRICS, METRIC_KEYS, metric, recordsLink, type Metric } from './stats/metrics.ts';
import { RegionMap, hasMap } from './stats/RegionMap.tsx';

/** The prefix lengths of region codes: province, city, county, township, village. */
const LEVELS = [2, 4, 6, 9, 12];

/** The engine's answer for one question; `region` omitted means the user's own jurisdiction. */
const stats = (q: Record<string, string | undefined>) => {
  const p = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  return api('GET', `/api/stats?${p}`);
};

interface Screening { grades: { red: number; orange: number }; hazardsOpen?: number }

interface Loaded {
  main: StatsResult;
  children: StatsRow[];
  /** The children without the region's own level (本级: records placed on the region itself, keyed by its code). */
  childRows: StatsRow[];
  trend: StatsRow[];
  types: StatsRow[];
  screening: Screening | null;
  path: { code: string; name: string }[];
}

/** A change against the earlier period, with its arrow; nothing when the engine gives no base. */
function Change({ label, value, base, isRate }: { label: string; value: number | null; base: number | null; isRate?: boolean }) {
  const c = changeOf(value, base, !!isRate);
  if (!c) return null;
  const icon = c.dir === 'up' ? <ArrowUpOutlined aria-hidden /> : c.dir === 'down' ? <ArrowDownOutlined aria-hidden /> : <MinusOutlined aria-hidden />;
  const word = c.dir === 'up' ? '上升' : c.dir === 'down' ? '下降' : '';
  return (
    <Typography.Text style={{ color: c.dir === 'up' ? '#a8071a' : c.dir === 'down' ? '#135200' : '#595959', fontSize: 13 }} data-testid={`change-${label}`}>
      {label} {icon} <span className="sr-only">{word}</span>{c.text}
    </Typography.Text>
  );
}

/** A number that opens its records. */
function NumberLink({ go, to, children, label }: { go: Go; to: string; children: ReactNode; label: string }) {
  return (
    <a href={to} aria-label={label} onClick={(e) => { e.preventDefault(); e.stopPropagation(); go(to); }}>{children}</a>
  );
}

function Kpi({ id, title, unit, shown, isRate, explain, to, go, source }: {
  id: string; title: string; unit: string; shown: Shown; isRate?: boolean; explain?: string; to: string; go: Go; source?: Figure['source'];
}) {
  return (
    <Card size="small" data-testid={`kpi-${id}`} style={{ height: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 14 }}>{title}{source === 'reported' && <Tag style={{ marginInlineStart: 6 }}>含上报</Tag>}</Typography.Text>
      <div style={{ fontSize: 26, lineHeight: '36px', fontWeight: 600 }}>
        {shown.value === null ? (
          <Typography.Text type="secondary" style={{ fontSize: 18 }} data-testid="kpi-value">暂无数据</Typography.Text>
        ) : (
          <NumberLink go={go} to={to} label={`${title} ${formatValue(shown.value, unit)} ${unit}，查看明细`}>
            <span data-testid="kpi-value">{formatValue(shown.value, unit)}</span>
            <span style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 4 }}>{unit}</span>
          </NumberLink>
        )}
      </div>
      <Space size={12} wrap>
        <Change label="环比" value={shown.value} base={shown.previous} isRate={isRate} />
        <Change label="同比" value={shown.value} base={shown.yoy} isRate={isRate} />
      </Space>
      {explain && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{explain}</Typography.Text></div>}
    </Card>
  );
}

/** The trend's x-axis label of a row key: a day (11-05), a week (11-02 起) or a month (2026-11). */
const stepLabel = (key: string, step: string) => (step === 'day' ? key.slice(5) : step === 'week' ? `${key.slice(5)}起` : key.slice(0, 7));

/**
 * 数据看板: the indicators of the user's jurisdiction, or of a region below it, for a period, from the
 * indicator engine (GET /api/stats). Every number opens the records behind it; every region opens
 * its own dashboard (table, bar chart and, where outlines exist, the map).
 */
export default function StatsDashboard({ me, go, search }: { me: Me; go: Go; search: string }) {
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const today = chinaToday();
  const period = periodFromSearch(params, today);
  const root = me.unitRegionCode;
  // A region outside the jurisdiction (an edited address) is the server's to refuse: 404, said on the page.
  const region = params.get('region') ?? root;
  const shownMetric = metric(params.get('metric') ?? 'tips_received');
  const step = trendStep(period.from, period.to);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(true);

  const at = (patch: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === null) p.delete(k); else p.set(k, v);
    if (p.get('region') === root) p.delete('region');
    return `/console/stats${p.size ? `?${p}` : ''}`;
  };
  const drill = (code: string) => go(at({ region: code }));

  useEffect(() => {
    let live = true;
    setLoading(true);
    const base = { region: region === root ? undefined : region, from: period.from, to: period.to };
    const screeningQ = new URLSearchParams({ from: period.from, to: period.to, ...(region !== root ? { region } : {}) });
    Promise.all([
      stats({ ...base, compare: '1' }),
      stats({ ...base, by: 'child', indicators: METRIC_KEYS.join(',') }),
      stats({ ...base, by: step, indicators: 'tips_received,tips_closed' }),
      stats({ ...base, by: 'fraudType', indicators: 'tips_received' }),
      // Red and orange subjects, and hazards not yet crossed off, are today's state (screening).
      (api('GET', `/api/screening/summary?${screeningQ}`) as Promise<Screening>).catch(() => null),
      region === root ? Promise.resolve([]) : api('GET', `/api/regions?code=${encodeURIComponent(region)}`),
    ]).then(
      ([main, children, trend, types, screening, hits]) => {
        if (!live) return;
        // From the user's own region down to the one shown: 全国 / 山东省 / 烟台市.
        const names = (hits[0]?.path ?? '').split(' / ');
        const path = [
          ...(root === '' ? [{ code: '', name: '全国' }] : []),
          ...LEVELS.filter((n) => n >= root.length && n <= region.length).map((n) => ({ code: region.slice(0, n), name: n === region.length ? main.region.name : names[LEVELS.indexOf(n)] ?? region.slice(0, n) })),
        ];
        setData({ main, children: children.rows ?? [], childRows: (children.rows ?? []).filter((r) => r.key !== region), trend: trend.rows ?? [], types: types.rows ?? [], screening, path });
        setError('');
      },
      (e: ApiError) => { if (live) { setError(e.status === 404 ? '该地区不在本单位辖区内，或地区不存在' : e.message); setData(null); } },
    ).finally(() => live && setLoading(false));
    return () => void (live = false);
  }, [region, root, period.from, period.to, step]);

  const scope = { region, from: period.from, to: period.to };
  const title = data ? data.main.region.name : '';

  const header = (
    <>
      <Breadcrumb
        data-testid="region-path"
        style={{ marginBottom: 8 }}
        items={(data?.path ?? []).map((c, i, all) => ({
          title: i === all.length - 1 ? <span aria-current="page">{c.name}</span> : <a href={at({ region: c.code })} onClick={(e) => { e.preventDefault(); drill(c.code); }}>{c.name}</a>,
        }))}
      />
      <Space wrap align="center" style={{ marginBottom: 16, rowGap: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} data-testid="dashboard-title">{title ? `${title} · 数据看板` : '数据看板'}</Typography.Title>
        <Segmented
          aria-label="统计期"
          value={period.kind}
          onChange={(v) => go(at(v === 'custom' ? { period: 'custom', from: period.from, to: period.to } : { period: String(v), from: null, to: null }))}
          options={(Object.keys(PERIOD_KINDS) as PeriodKind[]).map((k) => ({ value: k, label: PERIOD_KINDS[k] }))}
        />
        {period.kind === 'custom' && (
          <DatePicker.RangePicker
            aria-label="自定义统计期"
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            onChange={(r) => r?.[0] && r[1] && go(at({ period: 'custom', from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') }))}
          />
        )}
        <Typography.Text data-testid="period">统计期：{period.from} 至 {period.to}（北京时间）</Typography.Text>
      </Space>
    </>
  );

  if (error) return <>{header}<Alert type="error" showIcon message={error} /></>;
  if (!data) return <>{header}<Card loading aria-busy="true" /></>;

  const figs = data.main.figures;
  const childRows = data.childRows;
  const hasChildren = data.children.length > 0;
  const drillRow = (r: StatsRow) => { if (r.key !== region) drill(r.key); };
  const numberCell = (m: Metric, row: StatsRow) => {
    const v = m.get(row.figures).value;
    if (v === null) return <Typography.Text type="secondary">暂无数据</Typography.Text>;
    return <NumberLink go={go} to={recordsLink(m, row.figures, { ...scope, region: row.key })} label={`${row.name}${m.title} ${formatValue(v, m.unit)}，查看明细`}>{formatValue(v, m.unit)}</NumberLink>;
  };
  const sortValue = (m: Metric, r: StatsRow) => m.get(r.figures).value ?? -1;
  const barRows = [...childRows].sort((a, b) => sortValue(shownMetric, b) - sortValue(shownMetric, a));

  return (
    <Spin spinning={loading} tip="正在统计…">
      {header}
      <section aria-label="主要指标">
        <Row gutter={[12, 12]}>
          {METRICS.map((m) => (
            <Col key={m.id} flex="1 1 180px">
              <Kpi id={m.id} title={m.title} unit={m.unit} shown={m.get(figs)} isRate={m.isRate} explain={m.explain?.(figs)} to={recordsLink(m, figs, scope)} go={go} source={figs[m.recordsOf]?.source} />
            </Col>
          ))}
          {(['red', 'orange'] as const).map((g) => (
            <Col key={g} flex="1 1 180px">
              <Kpi id={`grade_${g}`} title={`${g === 'red' ? '红色' : '橙色'}风险主体（当前）`} unit="家" go={go}
                to={`/console/subjects?${new URLSearchParams({ grade: g, ...(region ? { region } : {}) })}`}
                shown={{ value: data.screening ? data.screening.grades[g] : null, previous: null, yoy: null }} />
            </Col>
          ))}
          <Col flex="1 1 180px">
            <Kpi id="hazards_open" title="未销号隐患（当前）" unit="个" go={go} to="/console/subjects?tab=ledger"
              shown={{ value: data.screening?.hazardsOpen ?? null, previous: null, yoy: null }} />
          </Col>
        </Row>
      </section>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={`线索趋势（按${step === 'day' ? '日' : step === 'week' ? '周' : '月'}）`} size="small">
            {data.trend.length === 0 ? <Typography.Text>统计期内没有数据</Typography.Text> : (
              <Chart
                label={`受理与办结线索数趋势折线图，${period.from} 至 ${period.to}`}
                onClick={(e) => {
                  const row = data.trend[e.dataIndex];
                  const link = row && (e.name ? row.figures.tips_received?.link : undefined);
                  if (link) go(link);
                }}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0, data: ['受理线索', '办结线索'], textStyle: { fontSize: 13, color: '#262626' } },
                  grid: { left: 48, right: 16, bottom: 32, top: 40 },
                  xAxis: { type: 'category', data: data.trend.map((r) => stepLabel(r.key, step)), axisLabel: { fontSize: 12, color: '#262626' } },
                  yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12, color: '#262626' } },
                  series: [
                    { name: '受理线索', type: 'line', smooth: true, data: data.trend.map((r) => shownOf(r.figures.tips_received).value) },
                    { name: '办结线索', type: 'line', smooth: true, data: data.trend.map((r) => shownOf(r.figures.tips_closed).value) },
                  ],
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="诈骗类型构成（受理线索）" size="small">
            {data.types.every((r) => !shownOf(r.figures.tips_received).value) ? <Typography.Text>统计期内没有受理线索</Typography.Text> : (
              <Chart
                label="各诈骗类型受理线索数饼图，点击类型查看线索"
                height={320}
                onClick={(e) => {
                  const row = data.types.filter((r) => shownOf(r.figures.tips_received).value)[e.dataIndex];
                  if (!row) return;
                  const p = new URLSearchParams({ fraudType: row.key, from: period.from, to: period.to, ...(region ? { regionCode: region } : {}) });
                  go(row.figures.tips_received?.link ?? `/console/tips?${p}`);
                }}
                option={typeRing(data.types.filter((r) => shownOf(r.figures.tips_received).value).map((r) => ({ name: shortType(r.key), value: shownOf(r.figures.tips_received).value ?? 0 })))}
              />
            )}
          </Card>
        </Col>
      </Row>

      {hasChildren && (
        <Card
          size="small"
          style={{ marginTop: 16 }}
          title="下级地区"
          extra={(
            <Space>
              <label htmlFor="metric-pick">着色 / 排序指标</label>
              <Select id="metric-pick" aria-label="地图和柱状图的指标" style={{ width: 160 }} value={shownMetric.id}
                onChange={(v) => go(at({ metric: v }))} options={METRICS.map((m) => ({ value: m.id, label: m.title }))} />
            </Space>
          )}
        >
          <Row gutter={[16, 16]}>
            {hasMap(region) && (
              <Col xs={24} xl={12}>
                <RegionMap region={region} rows={childRows} metric={shownMetric} onPick={drill} />
              </Col>
            )}
            <Col xs={24} xl={hasMap(region) ? 12 : 24}>
              <Chart
                testId="child-bars"
                label={`各下级地区${shownMetric.title}柱状图，点击柱子查看该地区`}
                height={Math.max(260, barRows.length * 26 + 60)}
                onClick={(e) => { const r = barRows[e.dataIndex]; if (r) drill(r.key); }}
                option={{
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  grid: { left: 8, right: 48, top: 16, bottom: 16, containLabel: true },
                  xAxis: { type: 'value', axisLabel: { fontSize: 12, color: '#262626' } },
                  yAxis: { type: 'category', inverse: true, data: barRows.map((r) => r.name), axisLabel: { fontSize: 13, color: '#262626' } },
                  series: [{
                    type: 'bar', name: shownMetric.title, itemStyle: { color: '#a8071a' },
                    label: { show: true, position: 'right', fontSize: 12, color: '#262626' },
                    data: barRows.map((r) => shownMetric.get(r.figures).value),
                  }],
                }}
              />
            </Col>
          </Row>
          <Table<StatsRow>
            data-testid="child-table"
            style={{ marginTop: 16 }}
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.children}
            onRow={(r) => ({ onClick: () => drillRow(r), style: { cursor: r.key === region ? undefined : 'pointer' } })}
            columns={[
              {
                title: '地区', dataIndex: 'name', fixed: 'left',
                render: (name: string, r) => (r.key === region ? name : <a href={at({ region: r.key })} onClick={(e) => { e.preventDefault(); e.stopPropagation(); drill(r.key); }}>{name}</a>),
              },
              ...METRICS.map((m) => ({
                key: m.id, title: m.unit === '%' ? `${m.title}（%）` : `${m.title}（${m.unit}）`, align: 'right' as const,
                sorter: (a: StatsRow, b: StatsRow) => sortValue(m, a) - sortValue(m, b),
                defaultSortOrder: m.id === shownMetric.id ? ('descend' as const) : undefined,
                render: (_: unknown, r: StatsRow) => numberCell(m, r),
              })),
            ]}
          />
        </Card>
      )}
    </Spin>
  );
}
