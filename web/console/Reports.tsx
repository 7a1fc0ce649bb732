import { useEffect, useState } from 'react';
import {
  Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Popconfirm, Select, Space, Table, Tag, Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, api } from '../api/client.ts';
import type { Me, ReportDetail, Urgent } from '../api/routes.ts';
import { REPORT_KINDS, REPORT_STATUSES, REPORT_WRITER_ROLES, type ReportKind } from '../../shared/domain.ts';
import type { Go } from './App.tsx';
import { FormDialog, usePaged, chinaDay } from './ui.tsx';
import { RegionPicker } from './RegionPicker.tsx';
import { fmt } from './labels.ts';
import { toFen, yuan, yuanRule } from './money.ts';

/**
 * 工作报告: the office's 动态日报, 总结周报 and 阶段工作总结, generated from the figures; the narrative
 * edited before the lead signs it off; Word and Excel downloads; 要情随报 to the office above.
 */

const kindOptions = Object.entries(REPORT_KINDS).map(([value, label]) => ({ value, label }));
const writes = (me: Me) => me.unitKind === 'campaign_office' && me.roles.some((r) => (REPORT_WRITER_ROLES as readonly string[]).includes(r));
const period = (from: string, to: string) => (from === to ? from : `${from} 至 ${to}`);
const statusTag = (s: keyof typeof REPORT_STATUSES) => <Tag color={s === 'signed_off' ? 'green' : 'default'}>{REPORT_STATUSES[s]}</Tag>;
const numberText = (key: string, v: number | null) => (v === null ? '暂无数据' : key.endsWith('_yuan') ? v.toFixed(2) : key.endsWith('_pct') ? v.toFixed(1) : String(v));

export default function Reports({ me, go, id }: { me: Me; go: Go; id?: number }) {
  return id === undefined ? <ReportList me={me} go={go} /> : <ReportView id={id} go={go} />;
}

function ReportList({ me, go }: { me: Me; go: Go }) {
  const [region, setRegion] = useState<string | undefined>();
  const [kind, setKind] = useState<ReportKind | undefined>();
  const [dialog, setDialog] = useState<'report' | 'urgent' | null>(null);
  const query = new URLSearchParams({ ...(region !== undefined ? { regionCode: region } : {}), ...(kind ? { kind } : {}) }).toString();
  const page = usePaged(`/api/reports?${query}` as '/api/reports', 20);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>工作报告</Typography.Title>
      <Space wrap>
        <RegionPicker aria-label="地区" value={region} onChange={setRegion} style={{ width: 280 }} />
        <Select aria-label="报告类型" allowClear placeholder="全部类型" options={kindOptions} value={kind} onChange={setKind} style={{ width: 160 }} />
        {writes(me) && <Button type="primary" onClick={() => setDialog('report')}>生成报告</Button>}
        {writes(me) && <Button danger onClick={() => setDialog('urgent')}>报送要情</Button>}
      </Space>
      {page.error && <Alert type="error" showIcon message={page.error} />}
      <Table
        rowKey="id" loading={page.loading} dataSource={page.items} pagination={page.pagination}
        // An empty list says what to do next, not only 暂无数据 (session 15's walk).
        locale={{ emptyText: writes(me) ? '尚无工作报告。点击上方“生成报告”，由统计数字生成日报、周报或工作总结。' : '尚无工作报告' }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, r) => <a href={`/console/reports/${r.id}`} onClick={(e) => { e.preventDefault(); go(`/console/reports/${r.id}`); }}>{t}</a> },
          { title: '类型', dataIndex: 'kind', width: 120, render: (k: ReportKind) => REPORT_KINDS[k] },
          { title: '地区', dataIndex: ['region', 'name'], width: 110 },
          { title: '统计期', width: 210, render: (_, r) => period(r.from, r.to) },
          { title: '发文单位', dataIndex: 'issuer' },
          { title: '日期', dataIndex: 'issuedOn', width: 110 },
          { title: '状态', width: 160, render: (_, r) => <Space size={4}>{statusTag(r.status)}{r.signedBy && <span>{r.signedBy.name}</span>}</Space> },
        ]}
      />
      <UrgentList />
      {dialog === 'report' && <GenerateDialog me={me} onClose={() => setDialog(null)} onDone={(newId) => go(`/console/reports/${newId}`)} />}
      {dialog === 'urgent' && <UrgentDialog me={me} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function GenerateDialog({ me, onClose, onDone }: { me: Me; onClose: () => void; onDone: (id: number) => void }) {
  const [kind, setKind] = useState<ReportKind>('weekly');
  const notAhead = (x: Dayjs) => x.isAfter(chinaDay(), 'day');
  return (
    <FormDialog<{ kind: ReportKind; regionCode: string; from: Dayjs; to?: Dayjs }>
      title="生成工作报告" confirm="生成" width={560}
      initialValues={{ kind: 'weekly', regionCode: me.unitRegionCode, from: chinaDay().subtract(6, 'day'), to: chinaDay() }}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await api('POST', '/api/reports', {
          kind: v.kind, regionCode: v.regionCode, from: v.from.format('YYYY-MM-DD'), ...(v.kind === 'stage' && v.to ? { to: v.to.format('YYYY-MM-DD') } : {}),
        });
        onDone(r.id);
      }}
    >
      <Form.Item name="kind" label="报告类型" rules={[{ required: true }]}>
        <Select options={kindOptions} onChange={(k: ReportKind) => setKind(k)} />
      </Form.Item>
      <Form.Item name="regionCode" label="地区" rules={[{ required: true, message: '请选择地区' }]}><RegionPicker /></Form.Item>
      <Form.Item name="from" label={kind === 'daily' ? '日期' : '开始日期'} rules={[{ required: true, message: '请选择日期' }]}
        extra={kind === 'weekly' ? '总结周报统计自开始日期起连续七天' : undefined}>
        <DatePicker disabledDate={notAhead} />
      </Form.Item>
      {kind === 'stage' && (
        <Form.Item name="to" label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]}><DatePicker disabledDate={notAhead} /></Form.Item>
      )}
    </FormDialog>
  );
}

function UrgentDialog({ me, onClose }: { me: Me; onClose: () => void }) {
  const { message } = AntApp.useApp();
  return (
    <FormDialog<{ regionCode: string; occurredOn: Dayjs; title: string; description: string; amount?: string; victims?: number; measures: string }>
      title="报送要情（要情随报）" confirm="立即报送" width={640}
      initialValues={{ regionCode: me.unitRegionCode, occurredOn: chinaDay() }}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await api('POST', '/api/urgent-reports', {
          regionCode: v.regionCode, occurredOn: v.occurredOn.format('YYYY-MM-DD'), title: v.title, description: v.description, measures: v.measures,
          ...(v.amount ? { amountFen: toFen(v.amount) } : {}), ...(v.victims !== undefined && v.victims !== null ? { victims: v.victims } : {}),
        });
        message.success(`已报送${r.toUnit}，${r.notified} 人收到通知`);
        onClose();
      }}
    >
      <Form.Item name="title" label="发生了什么（一句话）" rules={[{ required: true, message: '请写明发生了什么' }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="regionCode" label="事发地区" rules={[{ required: true, message: '请选择地区' }]}><RegionPicker /></Form.Item>
      <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(x) => x.isAfter(chinaDay(), 'day') || x.isBefore(chinaDay().subtract(30, 'day'), 'day')} />
      </Form.Item>
      <Form.Item name="description" label="基本情况" rules={[{ required: true, message: '请写明基本情况' }]}><Input.TextArea rows={4} maxLength={3000} /></Form.Item>
      <Space size="large">
        <Form.Item name="amount" label="涉案金额（元）" rules={[yuanRule]}><Input style={{ width: 180 }} /></Form.Item>
        <Form.Item name="victims" label="受害人数"><InputNumber min={0} precision={0} style={{ width: 140 }} /></Form.Item>
      </Space>
      <Form.Item name="measures" label="已采取的措施" rules={[{ required: true, message: '请写明已采取的措施' }]}><Input.TextArea rows={3} maxLength={3000} /></Form.Item>
    </FormDialog>
  );
}

function UrgentList() {
  const page = usePaged('/api/urgent-reports', 10);
  if (!page.total) return null;
  return (
    <Card title="要情随报" size="small">
      <List<Urgent> dataSource={page.items} pagination={page.pagination} renderItem={urgentItem} />
    </Card>
  );
}

const urgentItem = (u: Urgent) => (
  <List.Item>
    <List.Item.Meta
      title={`${u.title}（${u.region.name}，${u.occurredOn}）`}
      description={<>
        <div>{u.unit} 报送 {u.toUnit} · {fmt(u.createdAt)}{u.amountFen !== null && ` · 涉案金额 ${yuan(u.amountFen)} 元`}{u.victims !== null && ` · 受害人 ${u.victims} 人`}</div>
        <div>{u.description}</div>
        <div>已采取措施：{u.measures}</div>
      </>}
    />
  </List.Item>
);

const SECTION_LABELS = { work: '一、工作开展情况', problems: '二、存在的问题', plans: '三、下一步工作打算' } as const;

function ReportView({ id, go }: { id: number; go: Go }) {
  const { message } = AntApp.useApp();
  const [report, setReport] = useState<ReportDetail | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const load = () => api('GET', `/api/reports/${id}`).then((r) => (setReport(r), setError('')), (e: ApiError) => setError(e.message));
  useEffect(() => void load(), [id]);
  if (error) return <Alert type="error" showIcon message={error} action={<Button onClick={() => go('/console/reports')}>返回列表</Button>} />;
  if (!report) return null;
  const save = async (v: { title: string; work: string; problems: string; plans: string }) => {
    try {
      await api('PUT', `/api/reports/${id}`, { title: v.title, sections: { work: v.work, problems: v.problems, plans: v.plans } });
      message.success('已保存');
      setEditing(false);
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const signOff = async () => {
    try {
      await api('POST', `/api/reports/${id}/sign-off`);
      message.success('已签发，报告内容和数字已固定');
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const words = report.kind === 'daily' ? ['当日', '前一日'] : report.kind === 'weekly' ? ['本周', '上周'] : ['本阶段', '上一阶段'];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="link" style={{ padding: 0 }} onClick={() => go('/console/reports')}>← 工作报告列表</Button>
      <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>{report.title}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered items={[
        { key: 'kind', label: '类型', children: REPORT_KINDS[report.kind] },
        { key: 'issuer', label: '发文单位', children: report.issuer },
        { key: 'date', label: '日期', children: report.issuedOn },
        { key: 'period', label: '统计期', children: period(report.from, report.to) },
        { key: 'status', label: '状态', children: statusTag(report.status) },
        { key: 'signed', label: '签发', children: report.signedBy ? `${report.signedBy.name}（${fmt(report.signedAt)}）` : '未签发' },
      ]} />
      <Space wrap>
        <Button href={`/api/reports/${id}/docx`} download>下载 Word</Button>
        <Button href={`/api/reports/${id}/xlsx`} download>下载 Excel</Button>
        {report.canEdit && !editing && <Button onClick={() => { form.setFieldsValue({ title: report.title, ...report.sections }); setEditing(true); }}>编辑正文</Button>}
        {report.canSignOff && !editing && (
          <Popconfirm title="签发后报告内容和数字将固定，不能再修改。确认签发？" okText="确认签发" cancelText="取消" onConfirm={signOff}>
            <Button type="primary">签发</Button>
          </Popconfirm>
        )}
      </Space>
      {report.status === 'signed_off' && <Alert type="success" showIcon message="本报告已签发：内容和数字已固定，之后的数据变化不会改变本报告。" />}
      <Card title="正文">
        {editing ? (
          <Form form={form} layout="vertical" onFinish={save}>
            <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={200} /></Form.Item>
            {(Object.keys(SECTION_LABELS) as (keyof typeof SECTION_LABELS)[]).map((k) => (
              <Form.Item key={k} name={k} label={SECTION_LABELS[k]}><Input.TextArea autoSize={{ minRows: 4 }} maxLength={5000} showCount /></Form.Item>
            ))}
            <Space>
              <Button type="primary" htmlType="submit">保存</Button>
              <Button onClick={() => setEditing(false)}>取消</Button>
            </Space>
          </Form>
        ) : (
          (Object.keys(SECTION_LABELS) as (keyof typeof SECTION_LABELS)[]).map((k) => (
            <div key={k} style={{ marginBottom: 16 }}>
              <Typography.Title level={5}>{SECTION_LABELS[k]}</Typography.Title>
              {report.sections[k].split('\n').filter(Boolean).map((p, i) => <Typography.Paragraph key={i} style={{ textIndent: '2em', marginBottom: 8 }}>{p}</Typography.Paragraph>)}
            </div>
          ))
        )}
      </Card>
      <Card title="主要指标">
        <Table rowKey="key" size="small" pagination={false} dataSource={report.indicators} columns={[
          { title: '指标', dataIndex: 'name' },
          { title: '单位', dataIndex: 'unit', width: 70 },
          { title: words[0], align: 'right', render: (_, f) => numberText(f.key, f.value) },
          { title: words[1], align: 'right', render: (_, f) => (f.previous === null ? '—' : numberText(f.key, f.previous)) },
          { title: '去年同期', align: 'right', render: (_, f) => (f.yoy === null ? '—' : numberText(f.key, f.yoy)) },
        ]} />
      </Card>
      {report.children.length > 0 && (
        <Card title="按下级地区">
          {/* The wrapper scrolls (and takes keyboard focus, for axe's scrollable-region rule) when the columns are wider than the page. */}
          <div tabIndex={0} role="region" aria-label="按下级地区的数字" style={{ overflowX: 'auto' }}>
          <Table rowKey="code" size="small" pagination={false} dataSource={report.children} columns={[
            { title: '地区', dataIndex: 'name', render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> },
            ...report.indicators.map((f, i) => ({ title: f.name, key: f.key, align: 'right' as const, render: (_: unknown, c: ReportDetail['children'][number]) => numberText(f.key, c.values[i]) })),
          ]} />
          </div>
        </Card>
      )}
      {report.urgent.length > 0 && (
        <Card title={`要情随报（${report.urgent.length} 件）`}><List<Urgent> dataSource={report.urgent} renderItem={urgentItem} /></Card>
      )}
    </Space>
  );
}
