import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, App as AntApp, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Statistic, Table, Typography } from 'antd';
import { api, type ApiError } from '../api/client.ts';
import type { Me, RoundDetail, RoundListItem } from '../api/routes.ts';
import { AD_MEDIA, AD_MEDIA_CODES, AD_MONITOR_UNIT_KINDS, MONITORING_COUNTS, MONITORING_COUNT_KEYS, PUBLICITY_WRITER_ROLES, type AdMedium } from '../../shared/domain.ts';
import { useRegions } from './Publicity.tsx';
import { FormDialog, LinkedFilter, chinaDay, count, rangeValue, dayRange } from './ui.tsx';
import { useUrlFilter } from './hooks.ts';
import { RegionPicker } from './RegionPicker.tsx';
import type { Go } from './App.tsx';

const MEDIA_OPTIONS = AD_MEDIA_CODES.map((k) => ({ value: k, label: AD_MEDIA[k] }));
type Totals = Record<(typeof MONITORING_COUNT_KEYS)[number], number>;
const ROUND_FILTER = ['from', 'to', 'medium', 'mine', 'regionCode', 'unitId'] as const;

/** 广告监测: the monitoring rounds of the jurisdiction with the filter's totals; market regulation, cyberspace and offices log them. */
export default function Monitoring({ me, go, search }: { me: Me; go: Go; search: string }) {
  // The filter is in the address (监测/清理 figures of the dashboard open the list filtered); the page number is not.
  const { filter, query: filterQuery, set } = useUrlFilter(go, '/console/publicity/monitoring', search, ROUND_FILTER);
  const [at, setAt] = useState({ filterQuery, page: 1 });
  const page = at.filterQuery === filterQuery ? at.page : 1;
  const [data, setData] = useState<{ items: RoundListItem[]; total: number; totals: Totals } | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const logs = (AD_MONITOR_UNIT_KINDS as readonly string[]).includes(me.unitKind) && me.roles.some((r) => (PUBLICITY_WRITER_ROLES as readonly string[]).includes(r));

  const query = new URLSearchParams(filterQuery);
  query.set('page', String(page));
  query.set('pageSize', '20');
  const url = `/api/publicity/monitoring?${query}`;
  const exportQuery = new URLSearchParams(query);
  exportQuery.delete('page');
  exportQuery.delete('pageSize');
  const reload = () => api('GET', url as '/api/publicity/monitoring').then((r) => (setData(r), setError('')), (e: ApiError) => setError(e.message));
  useEffect(() => void reload(), [url]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>广告监测</Typography.Title>
        {logs && <Button type="primary" onClick={() => setCreating(true)}>登记监测</Button>}
        <Button href={`/api/publicity/monitoring/export?${exportQuery}`} download>导出 Excel</Button>
      </Space>
      <Space wrap>
        <DatePicker.RangePicker aria-label="监测日期" value={rangeValue(filter.from, filter.to)}
          onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })} />
        <Select<AdMedium> allowClear aria-label="按监测媒介筛选" placeholder="监测媒介" style={{ width: 200 }} options={MEDIA_OPTIONS}
          value={filter.medium as AdMedium | undefined} onChange={(medium) => set({ medium })} />
        <RegionPicker value={filter.regionCode} onChange={(regionCode) => set({ regionCode })} style={{ width: 200 }} aria-label="监测地区" />
        <Checkbox checked={filter.mine === 'true'} onChange={(e) => set({ mine: e.target.checked ? 'true' : undefined })}>只看本单位</Checkbox>
        {/* A by-unit figure's link: no field for it, so a closable tag (the rounds all carry the unit's name). */}
        {filter.unitId && <LinkedFilter label={`登记单位：${data?.items[0]?.unitName ?? `编号 ${filter.unitId}`}`} onClear={() => set({ unitId: undefined })} />}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {data && (
        <Card size="small" title="筛选范围内合计">
          <Space wrap size="large">
            <Statistic title="监测轮次" value={data.total} suffix="轮" />
            {MONITORING_COUNT_KEYS.map((k) => <Statistic key={k} title={MONITORING_COUNTS[k][0]} value={data.totals[k]} suffix={MONITORING_COUNTS[k][1]} />)}
          </Space>
        </Card>
      )}
      <Table<RoundListItem>
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showTotal: (n) => `共 ${n} 轮`, showSizeChanger: false, onChange: (p) => setAt({ filterQuery, page: p }) }}
        columns={[
          { title: '日期', render: (_, r) => dayRange(r.startDate, r.endDate) },
          { title: '监测名称', dataIndex: 'title' },
          { title: '媒介', render: (_, r) => r.media.map((m) => AD_MEDIA[m]).join('、') },
          { title: '地区', dataIndex: 'regionName' },
          { title: '登记单位', dataIndex: 'unitName' },
          { title: '监测', render: (_, r) => count(r.counts.ads_monitored) },
          { title: '清理', render: (_, r) => count(r.counts.ads_cleaned) },
        ]}
      />
      {creating && <RoundForm me={me} onClose={() => setCreating(false)} onDone={() => (setCreating(false), void reload())} />}
      {open && <RoundDrawer id={open} me={me} onClose={() => setOpen(null)} onChanged={reload} />}
    </Space>
  );
}

interface FormValues { title: string; regionCode: string; media: AdMedium[]; dates: [Dayjs, Dayjs]; counts: Record<string, number | null>; note?: string; reason?: string }

function RoundForm({ me, existing, onClose, onDone }: { me: Me; existing?: RoundDetail; onClose: () => void; onDone: () => void }) {
  const regions = useRegions(me);
  const { message } = AntApp.useApp();
  const initial = existing
    ? { ...existing, dates: [dayjs(existing.startDate), dayjs(existing.endDate)], note: existing.note ?? undefined }
    : { regionCode: me.unitRegionCode, dates: [chinaDay(), chinaDay()], media: [], counts: {} };
  return (
    <FormDialog<FormValues> title={existing ? '更正广告监测' : '登记广告监测'} confirm={existing ? '保存更正' : '确认登记'} width={720} initialValues={initial} onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          title: v.title, regionCode: v.regionCode, media: v.media, startDate: v.dates[0].format('YYYY-MM-DD'), endDate: v.dates[1].format('YYYY-MM-DD'), note: v.note || null,
          counts: Object.fromEntries(MONITORING_COUNT_KEYS.map((k) => [k, v.counts?.[k] ?? 0])),
        };
        if (existing) await api('PUT', `/api/publicity/monitoring/${existing.id}`, { ...body, ...(v.reason ? { reason: v.reason } : {}) });
        else await api('POST', '/api/publicity/monitoring', body);
        message.success(existing ? '已保存更正' : '已登记');
        onDone();
      }}>
      <Form.Item name="title" label="监测名称" rules={[{ required: true, message: '请填写监测名称' }]}><Input maxLength={100} placeholder="如：3 月互联网涉养老广告专项监测" /></Form.Item>
      <Space wrap align="start">
        <Form.Item name="dates" label="监测日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker.RangePicker disabledDate={(d) => d.isAfter(chinaDay(), 'day')} /></Form.Item>
        <Form.Item name="regionCode" label="地区" rules={[{ required: true, message: '请选择地区' }]} style={{ width: 200 }}><Select showSearch optionFilterProp="label" options={regions} /></Form.Item>
      </Space>
      <Form.Item name="media" label="监测媒介" rules={[{ required: true, message: '请至少选择一种监测媒介' }]}><Select mode="multiple" options={MEDIA_OPTIONS} /></Form.Item>
      <Space wrap align="start">
        {MONITORING_COUNT_KEYS.map((k) => (
          <Form.Item key={k} name={['counts', k]} label={`${MONITORING_COUNTS[k][0]}（${MONITORING_COUNTS[k][1]}）`}>
            <InputNumber min={0} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="note" label="备注"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      {existing?.periodReported && (
        <Form.Item name="reason" label="更正理由（所在统计期已上报）" rules={[{ required: true, message: '请说明更正理由' }]}><Input /></Form.Item>
      )}
    </FormDialog>
  );
}

function RoundDrawer({ id, me, onClose, onChanged }: { id: number; me: Me; onClose: () => void; onChanged: () => void }) {
  const [r, setR] = useState<RoundDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const load = () => api('GET', `/api/publicity/monitoring/${id}`).then(setR);
  useEffect(() => void load(), [id]);
  return (
    <Drawer open title={r?.title ?? '广告监测'} width={600} onClose={onClose} extra={r?.editable && <Button onClick={() => setEditing(true)}>更正</Button>}>
      {r && (
        <Descriptions column={1} size="small" bordered items={[
          { key: 'd', label: '日期', children: r.startDate === r.endDate ? r.startDate : `${r.startDate} 至 ${r.endDate}` },
          { key: 'r', label: '地区', children: r.regionName },
          { key: 'u', label: '登记单位', children: r.unitName },
          { key: 'm', label: '媒介', children: r.media.map((m) => AD_MEDIA[m]).join('、') },
          ...MONITORING_COUNT_KEYS.map((k) => ({ key: k, label: MONITORING_COUNTS[k][0], children: `${count(r.counts[k])} ${MONITORING_COUNTS[k][1]}` })),
          { key: 'n', label: '备注', children: r.note ?? '—' },
        ]} />
      )}
      {editing && r && <RoundForm me={me} existing={r} onClose={() => setEditing(false)} onDone={() => (setEditing(false), void load(), onChanged())} />}
    </Drawer>
  );
}
