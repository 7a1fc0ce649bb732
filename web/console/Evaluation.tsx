import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, type ApiError } from '../api/client.ts';
import type { Ranking, ResponseOf, Scheme } from '../api/routes.ts';
import { EVALUATION_COMPONENT_CODES, EVALUATION_COMPONENTS, MISSING_RULES, type EvaluationComponent, type MissingRule } from '../../shared/domain.ts';
import type { Me } from './App.tsx';
import { RegionPicker } from './RegionPicker.tsx';
import { COLORS, fmt } from './labels.ts';
import { chinaDate } from '../../shared/time.ts';
import { FormDialog, chinaDay } from './ui.tsx';

/**
 * 考评排名: the child regions of the chosen region ranked by the weighted score of the components the
 * office chose (docs/indicators.md, "Evaluation"), every component's parts visible and exported; the
 * office lead adjusts the weights; offices enter the elderly population per region.
 */

type Row = Ranking['rows'][number];
type PopulationList = ResponseOf<'GET', '/api/evaluation/population'>;
const NO_DATA = <Typography.Text type="secondary">暂无数据</Typography.Text>;
const ORIGIN = { own: '本级设置', inherited: '沿用上级', default: '系统默认' } as const;
const num = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export default function Evaluation({ me }: { me: Me }) {
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([chinaDay().startOf('year'), chinaDay()]);
  return (
    <Tabs items={[
      { key: 'ranking', label: '考评排名', children: <RankingTab me={me} region={region} setRegion={setRegion} range={range} setRange={setRange} /> },
      { key: 'population', label: '老年人口', children: <PopulationTab region={region} setRegion={setRegion} /> },
    ]} />
  );
}

function RankingTab({ me, region, setRegion, range, setRange }: {
  me: Me; region?: string; setRegion: (r?: string) => void; range: [Dayjs, Dayjs]; setRange: (r: [Dayjs, Dayjs]) => void;
}) {
  const { message } = AntApp.useApp();
  const [schemeId, setSchemeId] = useState<number | undefined>(undefined);
  const [data, setData] = useState<Ranking | null>(null);
  const [view, setView] = useState<ResponseOf<'GET', '/api/evaluation/scheme'> | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);
  const params = new URLSearchParams({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
  if (region !== undefined) params.set('region', region);
  if (schemeId) params.set('schemeId', String(schemeId));
  const query = params.toString();
  useEffect(() => {
    let stale = false;
    setLoading(true);
    api('GET', `/api/evaluation/ranking?${query}`).then((r) => { if (!stale) { setData(r); setError(''); } }, (e: ApiError) => { if (!stale) setError(e.message); })
      .finally(() => { if (!stale) setLoading(false); });
    return () => { stale = true; };
  }, [query, version]);
  useEffect(() => void api('GET', `/api/evaluation/scheme${region !== undefined ? `?region=${region}` : ''}` as '/api/evaluation/scheme').then(setView, () => setView(null)), [region, version]);
  const scheme = data?.scheme;
  const weighted = EVALUATION_COMPONENT_CODES.filter((k) => (scheme?.weights[k] ?? 0) > 0);
  const others = EVALUATION_COMPONENT_CODES.filter((k) => !weighted.includes(k));

  const componentColumn = (k: EvaluationComponent) => ({
    title: <Tooltip title={EVALUATION_COMPONENTS[k][1]}>{EVALUATION_COMPONENTS[k][0]}{scheme && <Typography.Text type="secondary">（{scheme.weights[k] ?? 0}%）</Typography.Text>}</Tooltip>,
    key: k,
    render: (_: unknown, r: Row) => {
      const c = r.components[k];
      if (c.score === null) return <Tooltip title={k === 'reach' ? '未登记老年人口' : `分母为 0（${EVALUATION_COMPONENTS[k][1]}）`}>{NO_DATA}</Tooltip>;
      const shown = k === 'reach' ? `${num(c.value!)} 人/万名老年人` : `${num(c.value!)}%`;
      const parts = k === 'reach' ? `${num(c.numerator!)} 人 / ${num(c.denominator!)} 名老年人` : `${num(c.numerator!)} / ${num(c.denominator!)}`;
      return (
        <Space direction="vertical" size={0}>
          <span>{shown}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{parts} · 得分 {num(c.score)}{(scheme?.weights[k] ?? 0) > 0 ? ` · 计 ${num(c.points)}` : ''}</Typography.Text>
        </Space>
      );
    },
  });

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <RegionPicker value={region ?? me.unitRegionCode} onChange={(v) => { setRegion(v); setSchemeId(undefined); }} style={{ width: 280 }} aria-label="考评地区" />
        <DatePicker.RangePicker aria-label="统计期" value={range} allowClear={false} disabledDate={(d) => d.isAfter(chinaDay(), 'day')}
          onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])} />
        {view && view.history.length > 0 && (
          <Select aria-label="考评方案" style={{ width: 260 }} value={schemeId ?? 0} onChange={(v) => setSchemeId(v || undefined)}
            options={[{ value: 0, label: '现行方案' }, ...view.history.map((s) => ({ value: s.id!, label: `第 ${s.id} 号方案（${chinaDate(s.setAt!)}）` }))]} />
        )}
        {view?.canEdit && <Button type="primary" onClick={() => setEditing(true)}>调整权重</Button>}
        <Button href={`/api/evaluation/ranking/export?${query}`} download>导出 Excel</Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {scheme && data && <SchemeCard scheme={scheme} region={data.region.name} />}
      <Table<Row> rowKey="code" size="small" loading={loading} dataSource={data?.rows ?? []} pagination={false} scroll={{ x: true }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 60, render: (r: number | null) => (r === null ? '—' : <strong>{r}</strong>) },
          { title: '地区', dataIndex: 'name', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (n: string, r) => (r.code.length < 9 ? <a onClick={() => { setRegion(r.code); setSchemeId(undefined); }}>{n}</a> : n) },
          { title: '总分', dataIndex: 'total', width: 80, render: (t: number | null) => (t === null ? NO_DATA : <strong>{num(t)}</strong>) },
          ...weighted.map(componentColumn),
          ...others.map(componentColumn),
          { title: '60岁以上人口', dataIndex: 'population', render: (p: number | null) => (p === null ? NO_DATA : num(p)) },
        ]} />
      {data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          统计期 {data.from} 至 {data.to}。比率类指标按百分比计分（上限 100）；每万名老年人宣传覆盖以本期最高的地区为 100 折算；
          总分 = Σ 权重 × 得分 / 100。暂无数据：{MISSING_RULES[data.scheme.missingRule as MissingRule]}。点击地区名称查看其下级排名。
        </Typography.Paragraph>
      )}
      {editing && scheme && (
        <WeightsDialog scheme={scheme} onClose={() => setEditing(false)}
          onDone={() => { setEditing(false); setSchemeId(undefined); setVersion((v) => v + 1); message.success('权重已保存，排名已按新权重计算'); }} />
      )}
    </>
  );
}

function SchemeCard({ scheme, region }: { scheme: Scheme; region: string }) {
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 16 }} items={[
      { key: 'who', label: '考评方案', children: scheme.id === null ? '系统默认权重' : `第 ${scheme.id} 号 · ${ORIGIN[scheme.origin]}${scheme.origin === 'inherited' ? `（${scheme.region.name}）` : ''} · ${scheme.setBy} 设置于 ${fmt(scheme.setAt)}` },
      { key: 'rule', label: '暂无数据的处理', children: MISSING_RULES[scheme.missingRule as MissingRule] },
      { key: 'region', label: '排名范围', children: `${region}的下级地区` },
      {
        key: 'weights', label: '权重', span: 3,
        children: <Space wrap>{EVALUATION_COMPONENT_CODES.map((k) => <Tag key={k} color={(scheme.weights[k] ?? 0) > 0 ? 'blue' : undefined}>{EVALUATION_COMPONENTS[k][0]} {scheme.weights[k] ?? 0}%</Tag>)}</Space>,
      },
      ...(scheme.note ? [{ key: 'note', label: '说明', span: 3, children: scheme.note }] : []),
    ]} />
  );
}

interface WeightsForm { weights: Partial<Record<EvaluationComponent, number | null>>; missingRule: MissingRule; note?: string }

function WeightsDialog({ scheme, onClose, onDone }: { scheme: Scheme; onClose: () => void; onDone: () => void }) {
  const [weights, setWeights] = useState<Partial<Record<EvaluationComponent, number | null>>>(scheme.weights);
  const sum = EVALUATION_COMPONENT_CODES.reduce((s, k) => s + (weights[k] ?? 0), 0);
  return (
    <FormDialog<WeightsForm> title="调整考评权重" confirm="保存权重" width={560}
      initialValues={{ weights: scheme.weights, missingRule: scheme.missingRule, note: '' }} onClose={onClose}
      onSubmit={async (v) => {
        const w = Object.fromEntries(EVALUATION_COMPONENT_CODES.map((k) => [k, v.weights[k] ?? 0]));
        await api('POST', '/api/evaluation/scheme', { weights: w, missingRule: v.missingRule, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
        onDone();
      }}>
      {EVALUATION_COMPONENT_CODES.map((k) => (
        <Form.Item key={k} name={['weights', k]} label={`${EVALUATION_COMPONENTS[k][0]}（${EVALUATION_COMPONENTS[k][1]}）`} style={{ marginBottom: 8 }}>
          <InputNumber min={0} max={100} precision={0} addonAfter="%" aria-label={`${EVALUATION_COMPONENTS[k][0]}权重`}
            onChange={(x) => setWeights((w) => ({ ...w, [k]: x }))} />
        </Form.Item>
      ))}
      {/* The sum is the form item of `weights` itself, so the server's message on `weights` shows under it. */}
      <Form.Item name="weights"><WeightSum sum={sum} /></Form.Item>
      <Form.Item name="missingRule" label="某项暂无数据时">
        <Radio.Group options={Object.entries(MISSING_RULES).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="note" label="说明（可选）"><Input maxLength={500} placeholder="如：2026 年度考评" /></Form.Item>
    </FormDialog>
  );
}

/** Shows the weights' sum; takes (and ignores) the value Form.Item passes. */
function WeightSum({ sum }: { sum: number; value?: unknown; onChange?: unknown }) {
  return <Typography.Text strong style={{ color: sum === 100 ? COLORS.green : COLORS.red }}>合计 {sum}%{sum === 100 ? '' : '（须为 100%）'}</Typography.Text>;
}

interface PopulationForm { regionCode: string; population: number; asOf: Dayjs; source: string }

function PopulationTab({ region, setRegion }: { region?: string; setRegion: (r?: string) => void }) {
  const { message } = AntApp.useApp();
  const [data, setData] = useState<PopulationList | null>(null);
  const [error, setError] = useState('');
  const [adding, setAdding] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => void api('GET', `/api/evaluation/population${region !== undefined ? `?region=${region}` : ''}` as '/api/evaluation/population').then((r) => { setData(r); setError(''); }, (e: ApiError) => setError(e.message)), [region, version]);
  type Item = PopulationList['items'][number];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <RegionPicker value={region ?? data?.region.code} onChange={setRegion} style={{ width: 280 }} aria-label="地区" />
        <Typography.Text type="secondary">60 岁以上常住人口，用于计算每万名老年人宣传覆盖；由本地区或上级专项办登记，保留历次数字。</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table<Item> rowKey="code" size="small" dataSource={data?.items ?? []} pagination={false}
        expandable={{
          rowExpandable: (r) => r.history.length > 1,
          expandedRowRender: (r) => (
            <Table size="small" rowKey="id" pagination={false} dataSource={r.history} columns={[
              { title: '人数', dataIndex: 'population', render: num }, { title: '统计日期', dataIndex: 'asOf' }, { title: '来源', dataIndex: 'source' },
              { title: '登记', render: (_, h) => `${h.unitName} ${h.createdBy} ${chinaDate(h.createdAt)}` },
            ]} />
          ),
        }}
        columns={[
          { title: '地区', dataIndex: 'name' },
          { title: '60岁以上人口', render: (_, r) => (r.current ? num(r.current.population) : NO_DATA) },
          { title: '统计日期', render: (_, r) => r.current?.asOf ?? '—' },
          { title: '来源', render: (_, r) => r.current?.source ?? '—' },
          { title: '历次', render: (_, r) => r.history.length },
          ...(data?.canEdit ? [{ title: '操作', render: (_: unknown, r: Item) => <Button size="small" onClick={() => setAdding(r.code)}>登记新数字</Button> }] : []),
        ]} />
      {adding !== null && (
        <FormDialog<PopulationForm> title={`登记 60 岁以上常住人口：${data?.items.find((i) => i.code === adding)?.name ?? ''}`} confirm="确认登记"
          initialValues={{ regionCode: adding, asOf: chinaDay() }} onClose={() => setAdding(null)}
          onSubmit={async (v) => {
            await api('POST', '/api/evaluation/population', { regionCode: adding, population: v.population, asOf: v.asOf.format('YYYY-MM-DD'), source: v.source });
            setAdding(null);
            setVersion((x) => x + 1);
            message.success('已登记');
          }}>
          <Form.Item name="population" label="人数" rules={[{ required: true, message: '请填写人数' }]}>
            <InputNumber min={1} precision={0} style={{ width: 220 }} addonAfter="人" />
          </Form.Item>
          <Form.Item name="asOf" label="统计日期（数字所描述的日期，如普查标准时点）" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
          </Form.Item>
          <Form.Item name="source" label="数据来源" rules={[{ required: true, min: 2, message: '请填写数据来源' }]}>
            <Input maxLength={200} placeholder="如：第七次全国人口普查公报" />
          </Form.Item>
        </FormDialog>
      )}
    </>
  );
}
