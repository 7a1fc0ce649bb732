import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api/client.ts';
import { FRAUD_TYPES, TYPICAL_CASE_STATUSES, type TypicalCaseStatus } from '../../shared/domain.ts';
import type { Go, Me } from './App.tsx';
import type { TypicalCase } from '../api/routes.ts';
import { COLORS, fmt } from './labels.ts';
import { FormDialog, usePaged } from './ui.tsx';

/**
 * 典型案例: cases written up for the public. The text is masked by the server when saved; an office
 * lead other than the writer reviews and publishes; withdrawing needs a reason (audited).
 */

const STATUS_COLORS: Record<TypicalCaseStatus, string> = { draft: COLORS.amber, published: COLORS.green, withdrawn: COLORS.grey };

export function TypicalCaseList({ me, go }: { me: Me; go: Go }) {
  const { message } = AntApp.useApp();
  const [version, setVersion] = useState(0);
  const list = usePaged(`/api/typical-cases?v=${version}` as '/api/typical-cases', 20);
  const [withdrawing, setWithdrawing] = useState<TypicalCase | null>(null);
  const [editing, setEditing] = useState<TypicalCase | null>(null);
  const office = me.unitKind === 'campaign_office' && (me.roles.includes('office_lead') || me.roles.includes('intake'));
  const lead = me.roles.includes('office_lead') && me.unitKind === 'campaign_office';
  const reload = (text: string) => { message.success(text); setVersion((v) => v + 1); };
  const publish = (t: TypicalCase) => api('POST', `/api/typical-cases/${t.id}/publish`).then(() => reload('已发布'), (e) => message.error(e.message));
  return (
    <>
      {list.error && <Alert type="error" message={list.error} />}
      <Table<TypicalCase> rowKey="id" dataSource={list.items} loading={list.loading} pagination={list.pagination}
        expandable={{ expandedRowRender: (t) => <Space direction="vertical"><Typography.Text>{t.body}</Typography.Text><Typography.Text>怎么识别：{t.recognise}</Typography.Text><Typography.Text>怎么办：{t.advice}</Typography.Text></Space> }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '类型', dataIndex: 'fraudType', render: (f: keyof typeof FRAUD_TYPES) => FRAUD_TYPES[f] },
          { title: '案件', dataIndex: 'caseNo', render: (n: string, t) => <a href={`/console/cases/${t.caseId}`} onClick={(e) => { e.preventDefault(); go(`/console/cases/${t.caseId}`); }}>{n}</a> },
          { title: '状态', dataIndex: 'status', render: (s: TypicalCaseStatus, t) => <><Tag color={STATUS_COLORS[s]}>{TYPICAL_CASE_STATUSES[s]}</Tag>{t.withdrawReason && <Typography.Text type="secondary">{t.withdrawReason}</Typography.Text>}</> },
          { title: '撰写人', dataIndex: 'writtenBy', render: (w: TypicalCase['writtenBy']) => w.name },
          { title: '审核人', dataIndex: 'reviewedBy', render: (r: string | null) => r ?? '—' },
          { title: '发布时间', dataIndex: 'publishedAt', render: fmt },
          {
            title: '操作',
            render: (_, t) => (
              <Space>
                {office && t.status !== 'published' && <Button size="small" onClick={() => setEditing(t)}>修改</Button>}
                {lead && t.status !== 'published' && t.writtenBy.id !== me.id && (
                  <Popconfirm title="发布后公众即可在门户网站看到本案例，确认发布？" okText="确认发布" cancelText="取消" onConfirm={() => publish(t)}>
                    <Button size="small" type="primary">审核发布</Button>
                  </Popconfirm>
                )}
                {lead && t.status === 'published' && <Button size="small" danger onClick={() => setWithdrawing(t)}>撤回</Button>}
              </Space>
            ),
          },
        ]} />
      {editing && (
        <WriteTypicalDialog caseId={editing.caseId} editing={editing} onClose={() => setEditing(null)} onDone={(masked) => {
          setEditing(null);
          reload(`已保存${masked ? `，自动隐去 ${masked} 处个人信息` : '（个人信息已自动隐去）'}；须由另一位负责人审核发布`);
        }} />
      )}
      {withdrawing && (
        <FormDialog<{ reason: string }> title="撤回典型案例" confirm="确认撤回" onClose={() => setWithdrawing(null)} onSubmit={async (v) => {
          await api('POST', `/api/typical-cases/${withdrawing.id}/withdraw`, v);
          setWithdrawing(null);
          reload('已撤回');
        }}>
          <Form.Item name="reason" label="撤回理由（记入审计日志）" rules={[{ required: true, min: 4, message: '请说明理由（至少 4 个字）' }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
        </FormDialog>
      )}
    </>
  );
}

/**
 * Writing a case up, or editing a draft (or a withdrawn one) before it is published: the server masks
 * names, ID, phone and card numbers, addresses and amounts; whoever saves last becomes the writer, so
 * another lead reviews the text as it stands.
 */
export function WriteTypicalDialog({ caseId, fraudType, editing, onClose, onDone }: {
  caseId: number; fraudType?: string; editing?: TypicalCase; onClose: () => void; onDone: (masked: number) => void;
}) {
  type Fields = { title: string; fraudType: string; body: string; recognise: string; advice: string };
  const initial = editing ? { title: editing.title, fraudType: editing.fraudType, body: editing.body, recognise: editing.recognise, advice: editing.advice } : { fraudType };
  const save = async (v: Fields) => {
    if (!editing) return (await api('POST', '/api/typical-cases', { caseId, ...v })).masked;
    await api('PUT', `/api/typical-cases/${editing.id}`, v);
    return 0;
  };
  return (
    <FormDialog<Fields> title={editing ? '修改典型案例' : '撰写典型案例'} confirm={editing ? '保存修改' : '提交审核'} width={720}
      initialValues={initial} onClose={onClose} onSubmit={async (v) => onDone(await save(v))}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="保存时自动隐去姓名、身份证号、电话、银行卡号、地址，金额改为约数；须由另一位专项办负责人审核后才在门户网站发布。" />
      <Form.Item name="title" label="标题" rules={[{ required: true, min: 4, message: '请填写标题（至少 4 个字）' }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="fraudType" label="骗局类型" rules={[{ required: true, message: '请选择类型' }]}><Select options={Object.entries(FRAUD_TYPES).map(([value, label]) => ({ value, label }))} /></Form.Item>
      <Form.Item name="body" label="案情（用老人听得懂的话）" rules={[{ required: true, min: 20, message: '请填写案情（至少 20 个字）' }]}><Input.TextArea rows={5} maxLength={5000} /></Form.Item>
      <Form.Item name="recognise" label="怎么识别" rules={[{ required: true, min: 10, message: '请填写（至少 10 个字）' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      <Form.Item name="advice" label="遇到了怎么办" rules={[{ required: true, min: 10, message: '请填写（至少 10 个字）' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </FormDialog>
  );
}
