import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Empty, Form, Input, List, Popconfirm, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api/client.ts';
import { GRADE_CAUSES, RISK_GRADES, type RiskGrade } from '../../shared/domain.ts';
import type { ResponseOf, SubjectDetail } from '../api/routes.ts';
import { FormDialog, day } from './ui.tsx';
import { COLORS, fmt } from './labels.ts';

/**
 * A subject's 评级历史 (every change of its stored grade, with the cause and the reasons) and its
 * 一院一策 plan (issue 13 items 5 and 7), shown in the subject's file.
 */

type PlanFile = ResponseOf<'GET', '/api/subjects/:id/plan'>;
type Plan = NonNullable<PlanFile['plan']>;

const GRADE_COLORS: Record<RiskGrade, string> = { red: COLORS.red, orange: COLORS.orange, yellow: COLORS.amber, green: COLORS.green };
const gradeText = (g: RiskGrade | null) => (g ? `${RISK_GRADES[g]}色` : '未评级');

export function GradeHistory({ items }: { items: SubjectDetail['gradeHistory'] }) {
  return (
    <Card title={`评级历史（${items.length}）`} data-testid="grade-history">
      {items.length ? (
        <Timeline items={items.map((h) => ({
          color: h.grade ? GRADE_COLORS[h.grade] : COLORS.grey,
          children: (
            <Space direction="vertical" size={0}>
              <Space wrap>
                <Typography.Text strong>{gradeText(h.previous)} → {gradeText(h.grade)}</Typography.Text>
                <Tag>{GRADE_CAUSES[h.cause]}</Tag>
                <Typography.Text type="secondary">{fmt(h.changedAt)}{h.changedBy ? ` · ${h.changedBy}` : ''}</Typography.Text>
              </Space>
              {h.reasons.length > 0 && <Typography.Text type="secondary">依据：{h.reasons.map((r) => r.text).join('；')}</Typography.Text>}
            </Space>
          ),
        }))} />
      ) : <Typography.Text>尚无评级变化。</Typography.Text>}
    </Card>
  );
}

interface PlanForm { summary: string; measures: { id?: number; text: string; unitId: number; dueOn: Dayjs }[] }

/** `grade`: the subject's stored grade, so the card reads the plan again when an inspection or hazard changes it (whether a plan may be made follows the grade). */
export function PlanCard({ subjectId, grade, screener }: { subjectId: number; grade: RiskGrade | null; screener: boolean }) {
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<PlanFile | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  const [noting, setNoting] = useState(false);
  const load = () => api('GET', `/api/subjects/${subjectId}/plan`).then(setFile, (e) => setError(e.message));
  useEffect(() => void load(), [subjectId, grade]);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!file) return null;
  const plan = file.plan;
  const done = (m: Plan['measures'][number]) =>
    api('POST', `/api/subjects/${subjectId}/plan/measures/${m.id}/done`).then((f) => { setFile(f); message.success('已标记完成'); }, (e) => message.error(e.message));

  return (
    <Card
      title="一院一策整治方案"
      data-testid="plan-card"
      extra={screener && (plan || file.mayCreate) && (
        <Space>
          {plan && <Button onClick={() => setNoting(true)}>记录进展</Button>}
          <Button type={plan ? 'default' : 'primary'} onClick={() => setEditing(true)}>{plan ? '修改方案' : '制定方案'}</Button>
        </Space>
      )}
    >
      {!plan ? (
        <Empty description={file.mayCreate ? '该主体为红色或橙色，尚未制定整治方案' : '红色、橙色主体须制定“一院一策”整治方案；该主体当前无需制定'} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{plan.summary}</Typography.Paragraph>
          <Typography.Text type="secondary">{plan.createdBy} 制定于 {fmt(plan.createdAt)}；{plan.updatedBy} 最后更新于 {fmt(plan.updatedAt)}</Typography.Text>
          <Table<Plan['measures'][number]> rowKey="id" size="small" pagination={false} dataSource={plan.measures} columns={[
            { title: '整治措施', dataIndex: 'text' },
            { title: '责任单位', dataIndex: 'unitName' },
            { title: '完成期限', dataIndex: 'dueOn', render: (d: string, m) => <>{day(d)}{m.overdue && <Tag color={COLORS.red} style={{ marginLeft: 4 }}>已超期</Tag>}</> },
            {
              title: '状态', render: (_, m) => m.done
                ? <Tag color={COLORS.green}>已完成{m.doneAt ? ` ${fmt(m.doneAt)}` : ''}</Tag>
                : screener
                  ? <Popconfirm title="确认该措施已完成？" okText="确认" cancelText="取消" onConfirm={() => done(m)}><Button size="small">标记完成</Button></Popconfirm>
                  : <Tag>未完成</Tag>,
            },
          ]} />
          <Typography.Title level={2} style={{ fontSize: 15, marginTop: 8 }}>整治进展（{plan.notes.length}）</Typography.Title>
          <List size="small" dataSource={plan.notes} locale={{ emptyText: '尚无进展记录' }} renderItem={(n) => (
            <List.Item><Space direction="vertical" size={0}><span>{n.text}</span><Typography.Text type="secondary">{n.author}（{n.unitName}）· {fmt(n.createdAt)}</Typography.Text></Space></List.Item>
          )} />
          <Typography.Title level={2} style={{ fontSize: 15, marginTop: 8 }}>修改记录（{plan.history.length}）</Typography.Title>
          <List size="small" dataSource={plan.history} renderItem={(h) => (
            <List.Item>
              <Typography.Text type="secondary">{fmt(h.changedAt)} · {h.changedBy}：{HISTORY_TEXT[h.action](h.changes, plan)}</Typography.Text>
            </List.Item>
          )} />
        </Space>
      )}
      {editing && (
        <PlanDialog file={file} subjectId={subjectId} onClose={() => setEditing(false)} onDone={(f) => { setEditing(false); setFile(f); message.success('整治方案已保存'); }} />
      )}
      {noting && (
        <FormDialog<{ text: string }> title="记录整治进展" confirm="确认记录" onClose={() => setNoting(false)} onSubmit={async (v) => {
          setFile(await api('POST', `/api/subjects/${subjectId}/plan/notes`, v));
          setNoting(false);
          message.success('进展已记录');
        }}>
          <Form.Item name="text" label="进展情况（记录后不能修改）" rules={[{ required: true, min: 2, message: '请填写进展情况（至少 2 个字）' }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}

const count = (x: unknown) => (Array.isArray(x) ? x.length : 0);
const HISTORY_TEXT: Record<Plan['history'][number]['action'], (c: Record<string, unknown>, plan: Plan) => string> = {
  created: (c) => `制定方案（${Array.isArray(c.measures) ? c.measures.length : Number(c.measures ?? 0)} 项措施）`,
  edited: (c) => `修改方案：${[c.summary ? '改写整治目标' : '', c.added ? `新增 ${count(c.added)} 项措施` : '', c.changed ? `调整 ${count(c.changed)} 项措施` : '', c.removed ? `删除 ${count(c.removed)} 项措施` : ''].filter(Boolean).join('、')}`,
  measure_done: (c, plan) => `措施“${plan.measures.find((m) => m.id === c.measureId)?.text ?? `#${String(c.measureId)}`}”已完成`,
};

function PlanDialog({ file, subjectId, onClose, onDone }: { file: PlanFile; subjectId: number; onClose: () => void; onDone: (f: PlanFile) => void }) {
  const plan = file.plan;
  const initial = plan
    ? { summary: plan.summary, measures: plan.measures.map((m) => ({ id: m.id, text: m.text, unitId: m.unitId, dueOn: dayjs(m.dueOn) })) }
    : { measures: [{}] };
  return (
    <FormDialog<PlanForm> title={plan ? '修改整治方案' : '制定一院一策整治方案'} confirm="保存方案" width={760} initialValues={initial} onClose={onClose} onSubmit={async (v) => {
      onDone(await api('PUT', `/api/subjects/${subjectId}/plan`, {
        summary: v.summary,
        measures: v.measures.map((m) => ({ ...(m.id ? { id: m.id } : {}), text: m.text, unitId: m.unitId, dueOn: m.dueOn.format('YYYY-MM-DD') })),
      }));
    }}>
      <Form.Item name="summary" label="整治目标和总体安排" rules={[{ required: true, min: 4, message: '请填写整治目标和总体安排（至少 4 个字）' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      <Form.List name="measures">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" title={`措施 ${i + 1}`} style={{ marginBottom: 12 }}
                extra={fields.length > 1 && <Popconfirm title="删除这项措施？（保存后记入修改记录）" okText="删除" cancelText="取消" onConfirm={() => remove(f.name)}><Button size="small">删除</Button></Popconfirm>}>
                <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                <Form.Item name={[f.name, 'text']} label="措施内容" rules={[{ required: true, min: 4, message: '请填写整治措施（至少 4 个字）' }]}><Input maxLength={500} /></Form.Item>
                <Space wrap>
                  <Form.Item name={[f.name, 'unitId']} label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
                    <Select showSearch optionFilterProp="label" style={{ width: 300 }} options={file.units.map((u) => ({ value: u.id, label: u.name }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}><DatePicker /></Form.Item>
                </Space>
              </Card>
            ))}
            <Button onClick={() => add({})} disabled={fields.length >= 50}>添加措施</Button>
          </>
        )}
      </Form.List>
    </FormDialog>
  );
}
