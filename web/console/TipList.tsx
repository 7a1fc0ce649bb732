import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, api } from '../api/client.ts';
import type { Go } from './App.tsx';
import type { TipListItem } from '../api/routes.ts';
import { filterFromSearch, searchOf, useServerFieldErrors } from './hooks.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { TipTotal } from './tip-work.tsx';
import { LinkedFilter } from './ui.tsx';
import { COLORS, FRAUD_TYPES, STATUS_COLORS, TIP_SOURCES, TIP_STATUSES, fmt } from './labels.ts';

export type TipItem = TipListItem;

interface SavedView {
  name: string;
  search: string;
}
const VIEWS_KEY = 'shouhu.console.views';
const loadViews = (): SavedView[] => {
  try {
    return JSON.parse(localStorage.getItem(VIEWS_KEY) ?? '[]');
  } catch {
    return [];
  }
};

const TODO_LABELS: Record<string, string> = {
  to_accept: '待受理', to_dispatch: '待交办', to_sign: '待签收', to_handle: '待办理', to_review: '待审核',
  to_approve: '待我审核（办理结果）', to_review_closure: '待我审核（办结）',
};

const FILTER_KEYS = ['q', 'status', 'fraudType', 'source', 'overdue', 'regionCode', 'todo', 'from', 'to'] as const;
/** A statistics figure's own filter (按期办结, 查实, 满意: docs/indicators.md, "Links"): no field, a closable tag, kept when the form is applied. */
const COUNTED_LABELS: Record<string, string> = { closed_on_time: '按期办结的线索', true: '查实的线索（含部分属实）', satisfied: '举报人评价满意的线索' };

/** The tip list: filters live in the URL, so a view can be bookmarked and shared as a saved view. */
export function TipList({ go, search }: { go: Go; search: string }) {
  const params = new URLSearchParams(search);
  const [items, setItems] = useState<TipItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  // The form's date range is one field; the query has from and to.
  const { form, show } = useServerFieldErrors({ 'querystring.from': 'range', 'querystring.to': 'range' });
  const [views, setViews] = useState<SavedView[]>(loadViews);
  const [viewName, setViewName] = useState('');
  const saveViews = (v: SavedView[]) => {
    setViews(v);
    localStorage.setItem(VIEWS_KEY, JSON.stringify(v));
  };
  const exportParams = new URLSearchParams(search);
  exportParams.delete('cursor');

  const load = async (cursor?: string) => {
    setLoading(true);
    setError('');
    try {
      const p = new URLSearchParams(search);
      p.set('limit', '50');
      if (cursor) p.set('cursor', cursor);
      const r = await api('GET', `/api/tips?${p}`);
      setItems((old) => (cursor ? [...old, ...r.items] : r.items));
      setNext(r.nextCursor);
    } catch (e) {
      show(e);
      // Say what is wrong (a hand-edited link's region, say), not only that something is; show no stale rows.
      setError(e instanceof ApiError && e.fields.length ? e.fields.map((f) => f.message).join('；') : (e as Error).message);
      if (!cursor) setItems([]);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    const f = filterFromSearch(search, FILTER_KEYS);
    form.setFieldsValue({
      q: f.q ?? '', status: f.status, fraudType: f.fraudType, source: f.source, overdue: f.overdue, regionCode: f.regionCode, todo: f.todo,
      range: f.from ? [dayjs(f.from), dayjs(f.to)] : undefined,
    });
    void load();
  }, [search]);

  const apply = (v: Record<string, any>) => {
    const range = v.range ? { from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD') } : {};
    go(`/console/tips?${searchOf({ counted: params.get('counted'), q: v.q, status: v.status, fraudType: v.fraudType, source: v.source, overdue: v.overdue, regionCode: v.regionCode, todo: v.todo, ...range })}`);
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        线索 {params.get('todo') && <Tag color={COLORS.red}>{TODO_LABELS[params.get('todo')!]}</Tag>}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="q" label="搜索"><Input allowClear placeholder="查询码、描述、公司名称" style={{ width: 200 }} /></Form.Item>
          <Form.Item name="status" label="状态"><Select allowClear style={{ width: 130 }} options={Object.entries(TIP_STATUSES).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="fraudType" label="类型"><Select allowClear style={{ width: 200 }} options={Object.entries(FRAUD_TYPES).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="source" label="来源"><Select allowClear style={{ width: 140 }} options={Object.entries(TIP_SOURCES).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="todo" label="待办"><Select allowClear style={{ width: 190 }} data-testid="todo-filter" options={Object.entries(TODO_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="overdue" label="超期"><Select allowClear style={{ width: 100 }} options={[{ value: 'true', label: '已超期' }, { value: 'false', label: '未超期' }]} /></Form.Item>
          <Form.Item name="regionCode" label="地区"><RegionPicker style={{ width: 240 }} /></Form.Item>
          <Form.Item name="range" label="收到日期"><DatePicker.RangePicker /></Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => go('/console/tips')}>清空</Button>
          </Space>
        </Form>
      </Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          placeholder="我的视图"
          style={{ width: 200 }}
          value={views.find((v) => v.search === search)?.name}
          onChange={(name) => go(`/console/tips?${views.find((v) => v.name === name)?.search ?? ''}`)}
          options={views.map((v) => ({ value: v.name, label: v.name }))}
          aria-label="我的视图"
        />
        <Input placeholder="视图名称" value={viewName} onChange={(e) => setViewName(e.target.value)} style={{ width: 160 }} aria-label="视图名称" />
        <Button disabled={!viewName.trim()} onClick={() => { saveViews([...views.filter((v) => v.name !== viewName.trim()), { name: viewName.trim(), search }]); setViewName(''); }}>
          保存当前筛选为视图
        </Button>
        {params.get('counted') && (
          <LinkedFilter label={COUNTED_LABELS[params.get('counted')!] ?? params.get('counted')!} onClear={() => { const p = new URLSearchParams(search); p.delete('counted'); go(`/console/tips?${p}`); }} />
        )}
        {views.some((v) => v.search === search) && (
          <Popconfirm title="确定删除这个视图吗？" okText="删除" cancelText="取消" onConfirm={() => saveViews(views.filter((v) => v.search !== search))}>
            <Button danger>删除视图</Button>
          </Popconfirm>
        )}
        <Button href={`/api/tips/export?${exportParams}`} download>导出 Excel</Button>
        <TipTotal search={search} />
      </Space>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Table<TipItem>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        onRow={(r) => ({ onClick: () => go(`/console/tips/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '查询码', dataIndex: 'trackingCode', width: 140 },
          { title: '状态', dataIndex: 'status', width: 110, render: (s, r) => <Tag color={STATUS_COLORS[s]}>{r.statusLabel}</Tag> },
          { title: '摘要', dataIndex: 'summary', ellipsis: true },
          { title: '类型', dataIndex: 'fraudTypes', width: 200, render: (t: string[]) => t.map((c) => FRAUD_TYPES[c as keyof typeof FRAUD_TYPES]).join('、') || '未分类' },
          { title: '地区', dataIndex: 'regionName', width: 140 },
          { title: '收到时间', dataIndex: 'receivedAt', width: 170, render: fmt, sorter: (a, b) => a.receivedAt.localeCompare(b.receivedAt) },
          {
            title: '时限', dataIndex: 'deadlineAt', width: 190,
            sorter: (a, b) => (a.deadlineAt ?? '9').localeCompare(b.deadlineAt ?? '9'),
            render: (d, r) => (r.overdue ? <Tag color={COLORS.red}>已超期 {fmt(d)}</Tag> : fmt(d)),
          },
        ]}
      />
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        {next ? <Button onClick={() => void load(next)} loading={loading}>加载更多</Button> : <Typography.Text type="secondary">共 {items.length} 条，已全部显示</Typography.Text>}
      </div>
    </>
  );
}
