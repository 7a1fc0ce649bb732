import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, api } from '../api/client.ts';
import { INDICATORS, type IndicatorKey } from '../../shared/indicators.ts';
import type { ExtractedFigure, ReportedFigure as Reported } from '../api/routes.ts';
import { COLORS, fmt } from './labels.ts';
import { fetchAllPages } from './hooks.ts';
import { FormDialog, dayRange } from './ui.tsx';
import { FIGURE_REPORTER_ROLES, FIGURE_REVIEWER_ROLES, FIGURE_STATUSES } from '../../shared/domain.ts';
import type { Me } from '../api/routes.ts';

/** A figure being reviewed: as extracted (or added by hand, with no quote and no place in the text). */
interface Row extends Omit<ExtractedFigure, 'quote' | 'start' | 'end'> {
  key: number;
  quote: string | null;
  start?: number;
  end?: number;
}

/** The clause with the number that was read marked in place, so the reviewer sees what was taken. */
function QuoteWithNumber({ text, row }: { text: string; row: Row }) {
  const { quote, start, end } = row;
  if (!quote) return null;
  const at = start === undefined ? -1 : text.lastIndexOf(quote, start);
  const rel = start! - at;
  if (at < 0 || end === undefined || end - at > quote.length) return <Typography.Text>{quote}</Typography.Text>;
  return (
    <Typography.Text>
      {quote.slice(0, rel)}<mark>{quote.slice(rel, end - at)}</mark>{quote.slice(end - at)}
    </Typography.Text>
  );
}

/** The table is not an Ant Design form: field messages are listed by row ("第 2 项：…") under it. */
const FIELD_WORDS: Record<string, string> = { periodStart: '统计期', periodEnd: '统计期', value: '数值', unit: '单位', subject: '对象', indicator: '指标' };
function withFieldMessages(e: ApiError) {
  const lines = e.fields.map((f) => {
    const [head, row, field] = f.path.split('.');
    return head === 'figures' && row !== undefined ? `第 ${Number(row) + 1} 项${field ? FIELD_WORDS[field] ?? '' : ''}：${f.message}` : `${FIELD_WORDS[head] ?? head}：${f.message}`;
  });
  return [e.message, ...lines].join('；');
}

const indicatorOptions = Object.entries(INDICATORS).map(([value, [label]]) => ({ value, label: `${label}（${value}）` }));

const STATUS_COLORS = { submitted: COLORS.amber, approved: COLORS.green, returned: COLORS.red } as const;

/** The figures reported, with their review status; in the queue, approve/return buttons. */
function FigureTable({ items, onReview }: { items: Reported[]; onReview?: (f: Reported, action: 'approve' | 'return') => void }) {
  return (
    <Table<Reported>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={{ pageSize: 20 }}
      locale={{ emptyText: onReview ? '没有待审核的上报数字' : '尚无上报数字' }}
      columns={[
        { title: '地区', dataIndex: 'regionName' },
        { title: '上报单位', dataIndex: 'unitName' },
        { title: '统计期', render: (_, r) => dayRange(r.periodStart, r.periodEnd) },
        { title: '指标', dataIndex: 'indicator', render: (k: IndicatorKey) => INDICATORS[k]?.[0] ?? k },
        { title: '数值', render: (_, r) => `${r.approx ? '约 ' : ''}${r.value.toLocaleString('zh-CN')} ${r.unit}` },
        { title: '对象', dataIndex: 'subject' },
        { title: '上报时间', dataIndex: 'submittedAt', render: fmt },
        {
          title: '状态',
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              <Tag color={STATUS_COLORS[r.status]}>{FIGURE_STATUSES[r.status]}</Tag>
              {r.status === 'returned' && r.reviewNote && <Typography.Text type="secondary">退回理由：{r.reviewNote}</Typography.Text>}
            </Space>
          ),
        },
        ...(onReview
          ? [{
              title: '审核',
              render: (_: unknown, r: Reported) => r.reviewable && (
                <Space>
                  <Button size="small" type="primary" onClick={() => onReview(r, 'approve')}>通过</Button>
                  <Button size="small" danger onClick={() => onReview(r, 'return')}>退回</Button>
                </Space>
              ),
            }]
          : []),
      ]}
    />
  );
}

/** A unit pastes its work summary, reviews and corrects the figures found, and reports them; an office reviews what units report. */
export default function Figures({ me }: { me?: Me }) {
  const { message } = AntApp.useApp();
  const [text, setText] = useState('');
  /** The text the figures were read from (the box may be edited afterwards). */
  const [readText, setReadText] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [masked, setMasked] = useState<string[]>([]);
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null);
  const [error, setError] = useState('');
  const [reported, setReported] = useState<Reported[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [queue, setQueue] = useState<Reported[]>([]);
  const [returning, setReturning] = useState<Reported | null>(null);
  const reviews = !!me && me.unitKind === 'campaign_office' && me.roles.some((r) => (FIGURE_REVIEWER_ROLES as readonly string[]).includes(r));
  const reports = !me || me.roles.some((r) => (FIGURE_REPORTER_ROLES as readonly string[]).includes(r));
  const reload = () => {
    void fetchAllPages('/api/figures/reported?limit=500').then((r) => (setReported(r.items), setTruncated(r.truncated)), () => undefined);
    if (reviews) void fetchAllPages('/api/figures/reported?status=submitted&limit=500').then((r) => setQueue(r.items), () => undefined);
  };
  useEffect(() => reload(), [reviews]);

  async function approve(f: Reported) {
    try {
      await api('POST', `/api/figures/reported/${f.id}/approve`, {});
      message.success('已审核通过，此后计入统计');
    } catch (e) {
      message.error((e as ApiError).message);
    }
    reload();
  }

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function extract() {
    setError('');
    try {
      const r = await api('POST', '/api/intel/extract-figures', { text });
      setRows(r.figures.map((f, i) => ({ ...f, key: i })));
      setReadText(text);
      setMasked(r.masked);
      if (!r.figures.length) setError('没有找到可识别的统计数字，可以手动添加');
    } catch (e) {
      setError((e as ApiError).message);
    }
  }

  async function submit() {
    setError('');
    if (!period) return setError('请选择统计期');
    try {
      await api('POST', '/api/figures/reported', {
        periodStart: period[0].format('YYYY-MM-DD'),
        periodEnd: period[1].format('YYYY-MM-DD'),
        source: text ? 'summary' : 'form',
        figures: rows.map(({ key: _k, start: _s, end: _e, ...f }) => f),
      });
      message.success(`已上报 ${rows.length} 项数字`);
      setRows([]);
      setMasked([]);
      setText('');
      void reload();
    } catch (e) {
      setError(e instanceof ApiError ? withFieldMessages(e) : String(e));
    }
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>上报统计数字</Typography.Title>
      {reports && (<>
      <Card title="第一步：粘贴工作总结，自动识别数字" size="small">
        <Input.TextArea rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-label="工作总结全文" placeholder="例如：截至目前，累计受理线索86条，排查养老机构215家，挽回经济损失350余万元……" />
        <Button type="primary" style={{ marginTop: 12 }} disabled={!text.trim()} onClick={() => void extract()}>识别数字</Button>
      </Card>
      <Card title="第二步：逐项核对、修改，然后上报" size="small" style={{ marginTop: 16 }}>
        {masked.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="以下数字被遮盖（如 X、*），系统不会猜测，请手动补充：" description={<ul style={{ margin: 0 }}>{masked.map((m) => <li key={m}>{m}</li>)}</ul>} />
        )}
        <Table<Row>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: '尚无数字' }}
          columns={[
            { title: '指标', dataIndex: 'indicator', width: 300, render: (v, r) => <Select aria-label="指标" style={{ width: '100%' }} value={v} options={indicatorOptions} showSearch optionFilterProp="label" onChange={(indicator: IndicatorKey) => update(r.key, { indicator, unit: INDICATORS[indicator][1] })} /> },
            { title: '数值', dataIndex: 'value', width: 180, render: (v, r) => <InputNumber aria-label="数值" min={0} style={{ width: '100%' }} value={v} onChange={(value) => update(r.key, { value: Number(value ?? 0) })} /> },
            { title: '单位', dataIndex: 'unit', width: 70 },
            { title: '约数', dataIndex: 'approx', width: 60, render: (v, r) => <Checkbox aria-label="约数" checked={v} onChange={(e) => update(r.key, { approx: e.target.checked })} /> },
            { title: '对象', dataIndex: 'subject', width: 140, render: (v, r) => <Input aria-label="对象" value={v ?? ''} onChange={(e) => update(r.key, { subject: e.target.value || null })} /> },
            { title: '原文', dataIndex: 'quote', render: (_, r) => <QuoteWithNumber text={readText} row={r} /> },
            { title: '', width: 70, render: (_, r) => <Button size="small" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>删除</Button> },
          ]}
        />
        <Space style={{ marginTop: 12 }} wrap>
          <Button onClick={() => setRows((rs) => [...rs, { key: Date.now(), indicator: 'other', value: 0, unit: '—', approx: false, subject: null, quote: null }])}>手动添加一项</Button>
          <DatePicker.RangePicker aria-label="统计期" value={period} onChange={(v) => setPeriod(v as [Dayjs, Dayjs] | null)} />
          <Button type="primary" disabled={!rows.length} onClick={() => void submit()}>上报</Button>
        </Space>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>上报后由专项办审核（成员单位报本级专项办，专项办报上一级专项办），审核通过后计入统计。</Typography.Paragraph>
      </Card>
      </>)}
      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          items={[
            {
              key: 'all', label: '已上报',
              children: (
                <>
                  {truncated && <Alert type="warning" showIcon message={`上报记录较多，仅显示最近 ${reported.length} 条`} style={{ marginBottom: 12 }} />}
                  <FigureTable items={reported} />
                </>
              ),
            },
            ...(reviews
              ? [{
                  key: 'queue', label: `待审核（${queue.length}）`,
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">本级成员单位上报的数字、下级专项办上报的数字由本办审核；审核通过后才计入统计，退回须说明理由。</Typography.Paragraph>
                      <FigureTable items={queue} onReview={(f, action) => (action === 'approve' ? void approve(f) : setReturning(f))} />
                    </>
                  ),
                }]
              : []),
          ]}
        />
      </Card>
      {returning && (
        <FormDialog<{ reason: string }>
          title={`退回：${returning.unitName} ${INDICATORS[returning.indicator]?.[0] ?? returning.indicator}`}
          confirm="退回"
          onClose={() => setReturning(null)}
          onSubmit={async ({ reason }) => {
            await api('POST', `/api/figures/reported/${returning.id}/return`, { reason });
            message.success('已退回');
            setReturning(null);
            reload();
          }}
        >
          <Form.Item name="reason" label="退回理由" rules={[{ required: true, min: 2, whitespace: true, message: '请填写退回理由（至少 2 个字）' }]}>
            <Input.TextArea rows={3} maxLength={200} />
          </Form.Item>
        </FormDialog>
      )}
    </>
  );
}
