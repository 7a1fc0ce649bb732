import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Progress, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, api, uploadFile } from '../api/client.ts';
import type { Go } from './App.tsx';
import type { Me } from '../api/routes.ts';
import { HANDOVER_SOURCES, STAFF_SOURCE_CODES } from '../../shared/domain.ts';
import { useServerFieldErrors, useSubmit } from './hooks.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { count } from './ui.tsx';
import { FRAUD_TYPES, STATUS_COLORS, TIP_SOURCES, fmt } from './labels.ts';

/**
 * Intake beyond the portal (issue 12): the office registers tips from every other source (登记线索)
 * and imports the 12337 batch an upper level hands down; a member unit hands tips over (移交) and
 * follows them.
 */

type TipForm = {
  source: string; sourceRef?: string; sourceDueOn?: Dayjs; regionCode: string; description: string; fraudTypes?: string[]; subjectName?: string;
  named?: boolean; name?: string; phone?: string; caseId?: number;
};
type Twin = { id: number; trackingCode: string; statusLabel: string; receivedAt: string };

const NEEDS_REF = ['platform_12337', 'upper_transfer'];

/** The tip's facts as staff type them, shared by the office's form and the member unit's hand-over. */
function TipFields({ sources }: { sources: readonly string[] }) {
  return (
    <>
      <Form.Item name="source" label="线索来源" rules={[{ required: true, message: '请选择来源' }]}>
        <Select options={sources.map((s) => ({ value: s, label: TIP_SOURCES[s as keyof typeof TIP_SOURCES] }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.source !== b.source}>
        {({ getFieldValue }) => {
          const source = getFieldValue('source') as string;
          return (
            <Space wrap align="start">
              <Form.Item name="sourceRef" label={source === 'upper_transfer' ? '上级转办文号' : source === 'platform_12337' ? '12337 编号' : '来源编号（如有）'}
                rules={[{ required: NEEDS_REF.includes(source), message: '请填写来源编号' }, { max: 60 }]}>
                <Input style={{ width: 260 }} maxLength={60} />
              </Form.Item>
              {sources.includes('upper_transfer') && (
                <Form.Item name="sourceDueOn" label="上级办理期限" rules={[{ required: source === 'upper_transfer', message: '上级转办须填写办理期限' }]}>
                  <DatePicker />
                </Form.Item>
              )}
            </Space>
          );
        }}
      </Form.Item>
      <Form.Item name="regionCode" label="线索所在地区" rules={[{ required: true, message: '请选择地区' }]}>
        <RegionPicker aria-label="线索所在地区" />
      </Form.Item>
      <Form.Item name="description" label="线索内容" rules={[{ required: true, min: 10, message: '请至少用 10 个字描述情况' }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="subjectName" label="被举报对象（单位或个人）"><Input style={{ width: 260 }} maxLength={100} /></Form.Item>
        <Form.Item name="fraudTypes" label="诈骗类型">
          <Select mode="multiple" style={{ width: 320 }} options={Object.entries(FRAUD_TYPES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Space>
    </>
  );
}

const tipBody = (v: TipForm) => ({
  source: v.source,
  regionCode: v.regionCode,
  description: v.description,
  ...(v.sourceRef?.trim() ? { sourceRef: v.sourceRef.trim() } : {}),
  ...(v.sourceDueOn ? { sourceDueOn: v.sourceDueOn.format('YYYY-MM-DD') } : {}),
  ...(v.fraudTypes?.length ? { fraudTypes: v.fraudTypes } : {}),
  ...(v.subjectName?.trim() ? { subject: { name: v.subjectName.trim() } } : {}),
  reporter: v.named && v.name && v.phone ? { anonymous: false, name: v.name, phone: v.phone } : { anonymous: true },
});

/** 登记线索: the office's form for tips from 12337, hotlines, letters, visits, upper levels …; duplicates by number are asked about first. */
function RegisterTip({ go }: { go: Go }) {
  const { form, show } = useServerFieldErrors();
  const [busy, setBusy] = useState(false);
  const [twins, setTwins] = useState<Twin[]>([]);
  const [done, setDone] = useState<{ id: number; trackingCode: string; accessKey: string } | null>(null);
  const [error, setError] = useState('');
  const checkRef = async () => {
    const { source, sourceRef } = form.getFieldsValue(['source', 'sourceRef']) as TipForm;
    if (!source || !sourceRef?.trim()) return setTwins([]);
    const r = await api('GET', `/api/tips/source-ref?${new URLSearchParams({ source, ref: sourceRef.trim() })}`).catch(() => ({ items: [] as Twin[] }));
    setTwins(r.items);
  };
  const send = async (v: TipForm, confirmDuplicate = false) => {
    setBusy(true);
    setError('');
    try {
      const r = await api('POST', '/api/tips', { ...tipBody(v), ...(confirmDuplicate ? { confirmDuplicate: true } : {}) });
      setDone(r);
      setTwins([]);
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DUPLICATE_SOURCE_REF') {
        await checkRef();
        Modal.confirm({
          title: '该编号已登记过',
          content: `${e.fields[0]?.message ?? e.message}。如确认是另一件事，可以继续登记。`,
          okText: '确认，仍然登记', cancelText: '返回查看',
          onOk: () => send(v, true),
        });
      } else {
        setError((e as Error).message);
        show(e);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      {done && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} closable onClose={() => setDone(null)}
          message={<span>已登记，查询码 <Typography.Text copyable strong>{done.trackingCode}</Typography.Text>，密钥 <Typography.Text copyable>{done.accessKey}</Typography.Text>（来电、来访群众可凭此查询进度，只显示这一次）</span>}
          action={<Button size="small" onClick={() => go(`/console/tips/${done.id}`)}>查看线索</Button>} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ source: 'hotline' }} onFinish={(v) => send(v as TipForm)} onValuesChange={(c) => ('sourceRef' in c || 'source' in c) && setTwins([])}>
        <TipFields sources={STAFF_SOURCE_CODES} />
        {twins.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="该来源编号已登记过，请先查看是否同一件事："
            description={<Space wrap>{twins.map((t) => <Button key={t.id} size="small" onClick={() => go(`/console/tips/${t.id}`)}>{t.trackingCode}（{t.statusLabel}）</Button>)}</Space>} />
        )}
        <Space wrap align="start">
          <Form.Item name="named" label="举报人">
            <Select style={{ width: 120 }} options={[{ value: false, label: '匿名' }, { value: true, label: '实名' }]} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.named !== b.named}>
            {({ getFieldValue }) => getFieldValue('named') && (
              <Space wrap>
                <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={40} /></Form.Item>
                <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写电话' }]}><Input maxLength={20} /></Form.Item>
              </Space>
            )}
          </Form.Item>
        </Space>
        <Space>
          <Button onClick={() => void checkRef()}>查重</Button>
          <Button type="primary" htmlType="submit" loading={busy}>登记线索</Button>
        </Space>
      </Form>
    </Card>
  );
}

type Batch = { id: number; fileName: string | null; rowsTotal: number; created: number; duplicates: number; refused: number; createdAt: string; createdBy: string; closed: number };
type BatchResult = { id: number; rowsTotal: number; created: number; duplicates: number; refused: number; errors: { row: number; reason: string }[] };

/** 12337 批量导入: the file with upload progress, the outcome with its bad rows, past batches with their sheets. */
function Batches() {
  const [items, setItems] = useState<Batch[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState('');
  const reload = () => api('GET', '/api/tip-imports').then((r) => setItems(r.items), (e: Error) => setError(e.message));
  useEffect(() => void reload(), []);
  const start = async (file: File) => {
    setError('');
    setResult(null);
    setProgress(0);
    try {
      setResult(await uploadFile<BatchResult>(file, (f) => setProgress(Math.round(f * 100)), '/api/tip-imports'));
      void reload();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Card>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          上传上级下发的 12337 线索清单（.xlsx，平台导出原表，列依次为：编号、时间、地区、被举报对象、内容、办理期限；一次最多 5000 行）。
          每行生成一条来源为“12337平台”的线索进入本办待受理；有误的行列入错误表；已登记过的编号不会重复登记。
        </Typography.Paragraph>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void start(f), false)} disabled={progress !== null}>
          <Button type="primary" loading={progress !== null}>选择 12337 清单</Button>
        </Upload>
        {progress !== null && <><Progress percent={progress} />{progress === 100 && <Typography.Text>正在逐行校验并导入，5000 行约需半分钟…</Typography.Text>}</>}
        {error && <Alert type="error" showIcon message={error} />}
        {result && (
          <Alert type={result.refused ? 'warning' : 'success'} showIcon
            message={`共 ${result.rowsTotal} 行：新登记 ${result.created} 条，已登记过 ${result.duplicates} 条，有误 ${result.refused} 行`}
            description={result.refused > 0 && (
              <Space direction="vertical">
                {result.errors.slice(0, 5).map((e) => <span key={e.row}>第 {e.row} 行：{e.reason}</span>)}
                <a href={`/api/tip-imports/${result.id}/errors`} download>下载错误行（Excel）</a>
              </Space>
            )} />
        )}
        <Table<Batch> rowKey="id" size="small" dataSource={items} pagination={false}
          columns={[
            { title: '导入时间', dataIndex: 'createdAt', render: fmt },
            { title: '文件', dataIndex: 'fileName', render: (v) => v ?? '—' },
            { title: '导入人', dataIndex: 'createdBy' },
            { title: '行数', dataIndex: 'rowsTotal', render: count },
            { title: '新登记', dataIndex: 'created', render: count },
            { title: '已登记过', dataIndex: 'duplicates', render: count },
            { title: '有误', dataIndex: 'refused', render: (v: number, b) => (v ? <a href={`/api/tip-imports/${b.id}/errors`} download>{count(v)} 行（下载）</a> : 0) },
            { title: '已办结', dataIndex: 'closed', render: (v: number, b) => `${count(v)} / ${count(b.created)}` },
            { title: '办理结果', key: 'results', render: (_, b) => (b.created ? <a href={`/api/tip-imports/${b.id}/results`} download>导出报送上级</a> : '—') },
          ]} />
      </Space>
    </Card>
  );
}

/** 线索登记 for campaign offices. */
export function Intake({ go }: { go: Go }) {
  return <Tabs items={[{ key: 'form', label: '登记线索', children: <RegisterTip go={go} /> }, { key: 'batch', label: '12337 批量导入', children: <Batches /> }]} />;
}

type Handover = { id: number; trackingCode: string; source: string; sourceRef: string | null; status: string; statusLabel: string; officeName: string; regionName: string; receivedAt: string; summary: string };

/** 移交线索 for member units: the hand-over form and the unit's hand-overs with their state. */
export function Handovers({ me }: { me: Me }) {
  const [items, setItems] = useState<Handover[]>([]);
  const [error, setError] = useState('');
  const reload = () => api('GET', '/api/handovers?limit=100').then((r) => setItems(r.items), (e: Error) => setError(e.message));
  useEffect(() => void reload(), []);
  const { form, busy, submit } = useSubmit(() => void reload());
  const sources = HANDOVER_SOURCES.filter((s) => s !== 'court_card' || me.unitKind === 'court');
  const send = (v: TipForm) => {
    const { sourceDueOn: _, reporter: __, ...body } = tipBody(v);
    return submit(() => api('POST', '/api/handovers', { ...body, ...(v.caseId ? { caseId: Number(v.caseId) } : {}) }), '已移交专项办，可在下方列表查看进展');
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="向专项办移交线索">
        <Typography.Paragraph type="secondary">工作中发现的养老诈骗线索（检查、办案、审理中发现）移交本地区专项办受理；专项办受理、交办、办结的进展在下方列表中查看。</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" initialValues={{ source: sources[0] }} onFinish={(v) => send(v as TipForm)}>
          <TipFields sources={sources} />
          <Form.Item name="caseId" label="关联案件编号（系统内案件 ID，可不填）"><Input style={{ width: 200 }} inputMode="numeric" /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>移交</Button>
        </Form>
      </Card>
      <Card title="本单位移交的线索">
        <Table<Handover> rowKey="id" size="small" dataSource={items} pagination={false}
          columns={[
            { title: '查询码', dataIndex: 'trackingCode' },
            { title: '来源', dataIndex: 'source', render: (s: keyof typeof TIP_SOURCES) => TIP_SOURCES[s] },
            { title: '编号', dataIndex: 'sourceRef', render: (v) => v ?? '—' },
            { title: '内容', dataIndex: 'summary', ellipsis: true },
            { title: '地区', dataIndex: 'regionName' },
            { title: '移交至', dataIndex: 'officeName' },
            { title: '移交时间', dataIndex: 'receivedAt', render: fmt },
            { title: '状态', dataIndex: 'statusLabel', render: (v, h) => <Tag color={STATUS_COLORS[h.status]}>{v}</Tag> },
          ]} />
      </Card>
    </Space>
  );
}
