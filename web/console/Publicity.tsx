import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  Alert, App as AntApp, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Form, Image, Input, InputNumber, Modal, Progress, Select, Space, Statistic,
  Table, Typography, Upload,
} from 'antd';
import { ApiError, api, uploadFile } from '../api/client.ts';
import type { ActivityDetail, ActivityListItem, ImportResult, Me } from '../api/routes.ts';
import { PUBLICITY_COUNT_KEYS, PUBLICITY_KINDS, PUBLICITY_KIND_CODES, type PublicityKind } from '../../shared/domain.ts';
import { INDICATORS } from '../../shared/indicators.ts';
import { FormDialog, LinkedFilter, rangeValue, chinaDay, count, dayRange } from './ui.tsx';
import { useUrlFilter } from './hooks.ts';
import { RegionPicker } from './RegionPicker.tsx';
import type { Go } from './App.tsx';

const KIND_OPTIONS = PUBLICITY_KIND_CODES.map((k) => ({ value: k, label: PUBLICITY_KINDS[k] }));
const COUNT_LABELS: Record<string, string> = {
  materials_distributed: '发放资料', banners: '横幅', posters: '海报/展板', people_reached: '覆盖人数', households_visited: '入户',
  media_posts: '新媒体推送', videos_made: '视频', sms_sent: '短信',
};
const unitOf = (k: string) => INDICATORS[k as keyof typeof INDICATORS]?.[1] ?? '';

const ACTIVITY_FILTER = ['from', 'to', 'kind', 'mine', 'q', 'regionCode', 'unitId'] as const;

/** 宣传: the activity log of the jurisdiction with the filter's totals, entry, correction, photos and the Excel import. */
export default function Publicity({ me, go, search }: { me: Me; go: Go; search: string }) {
  // The filter is in the address (a figure's link opens the list filtered); the page number is not.
  const { filter, query: filterQuery, set } = useUrlFilter(go, '/console/publicity', search, ACTIVITY_FILTER);
  const [at, setAt] = useState({ filterQuery, page: 1 });
  const page = at.filterQuery === filterQuery ? at.page : 1;
  const [data, setData] = useState<{ items: ActivityListItem[]; total: number; totals: { indicator: string; value: number; unit: string }[] } | null>(null);
  const [error, setError] = useState('');
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const writes = me.roles.some((r) => ['intake', 'office_lead', 'handler', 'unit_lead'].includes(r));

  const query = new URLSearchParams(filterQuery);
  query.set('page', String(page));
  query.set('pageSize', '20');
  const url = `/api/publicity/activities?${query}`;
  // The export takes the same filter, every page of it.
  const exportQuery = new URLSearchParams(query);
  exportQuery.delete('page');
  exportQuery.delete('pageSize');
  const reload = () => api('GET', url as '/api/publicity/activities').then((r) => (setData(r), setError('')), (e: ApiError) => setError(e.message));
  useEffect(() => void reload(), [url]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>宣传活动</Typography.Title>
        {writes && <Button type="primary" onClick={() => setDialog('create')}>登记活动</Button>}
        {writes && <Button onClick={() => setDialog('import')}>从 Excel 批量导入</Button>}
        <Button href={`/api/publicity/activities/export?${exportQuery}`} download>导出 Excel</Button>
      </Space>
      <Space wrap>
        <DatePicker.RangePicker
          aria-label="活动日期"
          value={rangeValue(filter.from, filter.to)}
          onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select allowClear aria-label="按活动形式筛选" placeholder="活动形式" style={{ width: 200 }} options={KIND_OPTIONS} value={filter.kind} onChange={(kind) => set({ kind })} />
        <RegionPicker value={filter.regionCode} onChange={(regionCode) => set({ regionCode })} style={{ width: 200 }} aria-label="活动地区" />
        <Input.Search key={filter.q} defaultValue={filter.q} allowClear aria-label="按名称或地点搜索" placeholder="名称或地点" style={{ width: 200 }} onSearch={(q) => set({ q: q || undefined })} />
        <Checkbox checked={filter.mine === 'true'} onChange={(e) => set({ mine: e.target.checked ? 'true' : undefined })}>只看本单位</Checkbox>
        {/* A by-unit figure's link: no field for it, so a closable tag (the activities all carry the unit's name). */}
        {filter.unitId && <LinkedFilter label={`组织单位：${data?.items[0]?.unitName ?? `编号 ${filter.unitId}`}`} onClear={() => set({ unitId: undefined })} />}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {data && (
        <Card size="small" title="筛选范围内合计">
          <Space wrap size="large">
            {data.totals.map((f) => (
              <Statistic key={f.indicator} title={f.indicator === 'publicity_events' ? '活动场次' : COUNT_LABELS[f.indicator]} value={f.value} suffix={f.unit} />
            ))}
          </Space>
        </Card>
      )}
      <Table<ActivityListItem>
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showTotal: (n) => `共 ${n} 场`, showSizeChanger: false, onChange: (p) => setAt({ filterQuery, page: p }) }}
        columns={[
          { title: '日期', render: (_, r) => dayRange(r.startDate, r.endDate) },
          { title: '活动名称', dataIndex: 'title' },
          { title: '形式', render: (_, r) => PUBLICITY_KINDS[r.kind] },
          { title: '地区', dataIndex: 'regionName' },
          { title: '组织单位', dataIndex: 'unitName' },
          { title: '覆盖人数', render: (_, r) => count(r.counts.people_reached) },
          { title: '发放资料', render: (_, r) => count(r.counts.materials_distributed) },
          { title: '照片', dataIndex: 'photos' },
        ]}
      />
      {dialog === 'create' && <ActivityForm me={me} onClose={() => setDialog(null)} onDone={() => (setDialog(null), reload())} />}
      {dialog === 'import' && <ImportDialog onClose={() => (setDialog(null), reload())} />}
      {open && <ActivityDrawer id={open} me={me} onClose={() => setOpen(null)} onChanged={reload} />}
    </Space>
  );
}

/** The user's region and those one level below: where their unit works. */
export function useRegions(me: Me) {
  const [regions, setRegions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    void Promise.all([
      api('GET', `/api/public/regions?parent=${me.unitRegionCode.slice(0, -2) || ''}`).catch(() => []),
      api('GET', `/api/public/regions?parent=${me.unitRegionCode}`).catch(() => []),
    ]).then(([siblings, children]) => {
      const own = siblings.find((r) => r.code === me.unitRegionCode);
      setRegions([...(own ? [own] : []), ...children].map((r) => ({ value: r.code, label: r.name })));
    });
  }, [me.unitRegionCode]);
  return regions;
}

interface FormValues {
  kind: PublicityKind; title: string; place?: string; regionCode: string; dates: [Dayjs, Dayjs]; coOrganisers?: string[];
  counts: Record<string, number | null>; note?: string; reason?: string;
}

/** Entry and correction of one activity; photos chosen here are uploaded once it is saved. */
function ActivityForm({ me, existing, onClose, onDone }: { me: Me; existing?: ActivityDetail; onClose: () => void; onDone: () => void }) {
  const regions = useRegions(me);
  const [photos, setPhotos] = useState<File[]>([]);
  const { message } = AntApp.useApp();
  const initial = existing
    ? { ...existing, dates: [dayjs(existing.startDate), dayjs(existing.endDate)], place: existing.place ?? undefined, note: existing.note ?? undefined }
    : { regionCode: me.unitRegionCode, dates: [chinaDay(), chinaDay()], counts: {} };
  return (
    <FormDialog<FormValues> title={existing ? '更正宣传活动' : '登记宣传活动'} confirm={existing ? '保存更正' : '确认登记'} width={720} initialValues={initial} onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          kind: v.kind, title: v.title, place: v.place || null, regionCode: v.regionCode, startDate: v.dates[0].format('YYYY-MM-DD'), endDate: v.dates[1].format('YYYY-MM-DD'),
          coOrganisers: v.coOrganisers ?? [], note: v.note || null,
          counts: Object.fromEntries(PUBLICITY_COUNT_KEYS.map((k) => [k, v.counts?.[k] ?? 0])),
        };
        const id = existing
          ? (await api('PUT', `/api/publicity/activities/${existing.id}`, { ...body, ...(v.reason ? { reason: v.reason } : {}) })).id
          : (await api('POST', '/api/publicity/activities', body)).id;
        // The activity is saved: a photo that fails is reported, never a reason to enter the activity twice.
        const failed: string[] = [];
        for (const f of photos) await uploadFile(f, () => undefined, `/api/publicity/activities/${id}/photos`).catch((e: ApiError) => failed.push(`${f.name}：${e.message}`));
        if (failed.length) message.warning(`活动已保存，但有照片未能上传（${failed.join('；')}），可在详情中更正后重新上传`, 8);
        else message.success(existing ? '已保存更正' : '已登记');
        onDone();
      }}>
      <Space wrap style={{ width: '100%' }} align="start">
        <Form.Item name="kind" label="活动形式" rules={[{ required: true, message: '请选择活动形式' }]} style={{ width: 220 }}><Select options={KIND_OPTIONS} /></Form.Item>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]} style={{ width: 420 }}><Input maxLength={100} /></Form.Item>
      </Space>
      <Space wrap style={{ width: '100%' }} align="start">
        <Form.Item name="dates" label="活动日期（单日活动两端选同一天）" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker.RangePicker disabledDate={(d) => d.isAfter(chinaDay(), 'day')} />
        </Form.Item>
        <Form.Item name="regionCode" label="地区" rules={[{ required: true, message: '请选择地区' }]} style={{ width: 200 }}><Select showSearch optionFilterProp="label" options={regions} /></Form.Item>
        <Form.Item name="place" label="地点" style={{ width: 200 }}><Input maxLength={100} /></Form.Item>
      </Space>
      <Form.Item name="coOrganisers" label="协办单位（可输入多个）"><Select mode="tags" tokenSeparators={['、', ',', '，']} /></Form.Item>
      <Space wrap align="start">
        {PUBLICITY_COUNT_KEYS.map((k) => (
          <Form.Item key={k} name={['counts', k]} label={`${COUNT_LABELS[k]}（${unitOf(k)}）`}>
            <InputNumber min={0} precision={0} style={{ width: 140 }} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="note" label="备注"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      {existing?.periodReported && (
        <Form.Item name="reason" label="更正理由（该活动所在统计期已上报）" rules={[{ required: true, message: '请说明更正理由' }]}><Input /></Form.Item>
      )}
      <Form.Item label="活动照片（JPG/PNG，最多 9 张；位置信息不会显示给他人）">
        <Upload accept="image/jpeg,image/png" multiple beforeUpload={(f) => (setPhotos((p) => [...p, f]), false)} onRemove={(f) => setPhotos((p) => p.filter((x) => x.name !== f.name))}>
          <Button>选择照片</Button>
        </Upload>
      </Form.Item>
    </FormDialog>
  );
}

function ActivityDrawer({ id, me, onClose, onChanged }: { id: number; me: Me; onClose: () => void; onChanged: () => void }) {
  const [a, setA] = useState<ActivityDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const load = () => api('GET', `/api/publicity/activities/${id}`).then(setA);
  useEffect(() => void load(), [id]);
  return (
    <Drawer open title={a?.title ?? '宣传活动'} width={640} onClose={onClose} extra={a?.editable && <Button onClick={() => setEditing(true)}>更正</Button>}>
      {a && (
        <>
          <Descriptions column={1} size="small" bordered items={[
            { key: 'k', label: '形式', children: PUBLICITY_KINDS[a.kind] },
            { key: 'd', label: '日期', children: a.startDate === a.endDate ? a.startDate : `${a.startDate} 至 ${a.endDate}` },
            { key: 'r', label: '地区 / 地点', children: `${a.regionName}${a.place ? ' · ' + a.place : ''}` },
            { key: 'u', label: '组织单位', children: a.unitName },
            { key: 'c', label: '协办单位', children: a.coOrganisers.join('、') || '—' },
            ...PUBLICITY_COUNT_KEYS.map((k) => ({ key: k, label: COUNT_LABELS[k], children: `${count(a.counts[k])} ${unitOf(k)}` })),
            { key: 'n', label: '备注', children: a.note ?? '—' },
          ]} />
          <Space wrap style={{ marginTop: 16 }}>
            {a.photoList.map((p) => <Image key={p.id} width={120} src={`/api/publicity/activities/${a.id}/photos/${p.id}`} alt="活动照片" />)}
          </Space>
        </>
      )}
      {editing && a && <ActivityForm me={me} existing={a} onClose={() => setEditing(false)} onDone={() => (setEditing(false), void load(), onChanged())} />}
    </Drawer>
  );
}

/** The import wizard: template, file with upload progress, the result and the error sheet. */
function ImportDialog({ onClose }: { onClose: () => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState('');
  const start = async (file: File) => {
    setError('');
    setResult(null);
    setProgress(0);
    try {
      setResult(await uploadFile<ImportResult>(file, (f) => setProgress(Math.round(f * 100)), '/api/publicity/imports'));
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Modal open title="从 Excel 批量导入宣传活动" onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={640}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          1. <a href="/api/publicity/template" download>下载导入模板</a>，按“填写说明”填写（一次最多 5000 行）。2. 选择填好的文件上传：每行单独校验，正确的行导入，有误的行列入错误表；同一文件重复导入不会重复登记。
        </Typography.Paragraph>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void start(f), false)} disabled={progress !== null}>
          <Button type="primary" loading={progress !== null}>选择 Excel 文件</Button>
        </Upload>
        {progress !== null && <><Progress percent={progress} />{progress === 100 && <Typography.Text>正在逐行校验并导入…</Typography.Text>}</>}
        {error && <Alert type="error" showIcon message={error} />}
        {result && (
          <Alert
            type={result.refused ? 'warning' : 'success'}
            showIcon
            message={`共 ${result.rowsTotal} 行：新导入 ${result.created} 行，已导入过 ${result.duplicates} 行，有误 ${result.refused} 行`}
            description={result.refused > 0 && (
              <Space direction="vertical">
                {result.errors.slice(0, 5).map((e) => <span key={e.row}>第 {e.row} 行：{e.reason}</span>)}
                <a href={`/api/publicity/imports/${result.id}/errors`} download>下载错误行（Excel）</a>
              </Space>
            )}
          />
        )}
      </Space>
    </Modal>
  );
}
