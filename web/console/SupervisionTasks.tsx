import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, Button, Card, Form, Input, Radio, Table, Tag, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { MySupervisionBody, SupervisionFinding, SupervisionSampleItem } from '../api/routes.ts';
import { CALLBACK_HANDLED, FINDING_STATUSES, SAMPLE_KINDS, SAMPLE_ITEM_STATUSES, type FindingStatus } from '../../shared/domain.ts';
import type { Go } from './App.tsx';
import { COLORS, fmt } from './labels.ts';
import { FormDialog } from './ui.tsx';
import { ReportDocuments } from './tip-work.tsx';

/**
 * Supervision on the pages where work is done: the findings a unit must rectify and the 二次核查 it
 * must answer (its workbench), and the 回访 / 二次核查 outcomes recorded on a tip (the tip's page).
 */

const FINDING_COLORS: Record<FindingStatus, string> = { open: COLORS.amber, submitted: COLORS.blue, verified: COLORS.green };

export function FindingTable({ findings, action }: { findings: SupervisionFinding[]; action: (f: SupervisionFinding) => ReactNode }) {
  return (
    <Table<SupervisionFinding> rowKey="id" size="small" pagination={false} dataSource={findings} locale={{ emptyText: '暂无' }} columns={[
      { title: '被督导单位', dataIndex: 'unit', render: (u: { name: string }) => u.name },
      { title: '发现的问题', dataIndex: 'description' },
      { title: '整改要求', dataIndex: 'fixRequired' },
      { title: '整改时限', dataIndex: 'deadline', render: (d: string, f) => <>{d}{f.overdue && <Tag color={COLORS.red} style={{ marginLeft: 6 }}>已超期</Tag>}</> },
      { title: '状态', dataIndex: 'status', render: (s: FindingStatus) => <Tag color={FINDING_COLORS[s]}>{FINDING_STATUSES[s]}</Tag> },
      {
        title: '整改反馈', render: (_: unknown, f) => (
          <>
            {f.feedback ?? '—'}
            {f.attachments.map((a, i) => <a key={a.id} href={`/api/supervision/findings/${f.id}/attachments/${a.id}`} target="_blank" rel="noreferrer" style={{ marginLeft: 8 }}>材料{i + 1}</a>)}
            {f.history.filter((h) => h.kind === 'reopened').slice(-1).map((h) => <div key={h.at}><Typography.Text type="danger">核验未通过：{h.text}</Typography.Text></div>)}
          </>
        ),
      },
      { title: '操作', render: (_: unknown, f) => action(f) },
    ]} />
  );
}

/** What a sampled tip's 回访 or 二次核查 found, in words. */
export function SampleOutcome({ item: i }: { item: SupervisionSampleItem }) {
  if (i.kind === 'callback') {
    if (i.status !== 'recorded') return <>—</>;
    return <>{i.reached ? `${CALLBACK_HANDLED[i.handled!]}，${i.satisfied ? '满意' : '不满意'}` : '未联系上'}；{i.note}（{fmt(i.recordedAt)}）</>;
  }
  return (
    <>
      {i.answer ? `承办单位答复（${i.confirmed ? '维持原结果' : '原结果有误'}）：${i.answer}` : '待承办单位答复'}
      {i.judgment && <div>评定：{i.status === 'upheld' ? '核查通过' : '核查不通过'}，{i.judgment}</div>}
    </>
  );
}


/** The workbench's card: findings until verified (overdue flagged), 二次核查 to answer. Nothing shown when there is none. */
export function SupervisionTasks({ go }: { go: Go }) {
  const { message } = AntApp.useApp();
  const [mine, setMine] = useState<MySupervisionBody | null>(null);
  const [feedback, setFeedback] = useState<SupervisionFinding | null>(null);
  const [answer, setAnswer] = useState<SupervisionSampleItem | null>(null);
  const load = () => void api('GET', '/api/supervision/mine').then(setMine, () => undefined);
  useEffect(load, []);
  if (!mine || (!mine.findings.length && !mine.rechecks.length)) return null;
  return (
    <Card title={<>督导整改{mine.overdue > 0 && <Tag color={COLORS.red} style={{ marginLeft: 8 }}>超期 {mine.overdue}</Tag>}</>} style={{ marginTop: 24 }} data-testid="supervision-tasks">
      {mine.findings.length > 0 && (
        <FindingTable findings={mine.findings} action={(f) => f.status === 'open' && <Button size="small" type="primary" onClick={() => setFeedback(f)}>整改反馈</Button>} />
      )}
      {mine.rechecks.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>待答复的二次核查</Typography.Title>
          <Table<SupervisionSampleItem> rowKey="id" size="small" pagination={false} dataSource={mine.rechecks} columns={[
            { title: '线索', dataIndex: 'tip', render: (t: SupervisionSampleItem['tip']) => <a href={`/console/tips/${t.id}`} onClick={(e) => { e.preventDefault(); go(`/console/tips/${t.id}`); }}>{t.trackingCode}：{t.summary}</a> },
            { title: '督导', render: (_: unknown, i) => `${i.supervisingUnit}：${i.roundTitle}` },
            { title: '操作', render: (_: unknown, i) => <Button size="small" onClick={() => setAnswer(i)}>答复</Button> },
          ]} />
        </>
      )}
      {feedback && (
        <FormDialog<{ feedback: string; attachmentIds?: string[] }> title="整改反馈" confirm="提交" onClose={() => setFeedback(null)} onSubmit={async (v) => {
          await api('POST', `/api/supervision/findings/${feedback.id}/feedback`, { feedback: v.feedback, attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined });
          setFeedback(null);
          message.success('已提交整改反馈');
          load();
        }}>
          <Typography.Paragraph>问题：{feedback.description}<br />整改要求：{feedback.fixRequired}（{feedback.deadline} 前）</Typography.Paragraph>
          <Form.Item name="feedback" label="整改情况" rules={[{ required: true, min: 4, message: '请填写整改情况（至少 4 个字）' }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Form.Item name="attachmentIds" label="整改材料（可选）"><ReportDocuments /></Form.Item>
        </FormDialog>
      )}
      {answer && <RecheckAnswer item={answer} onClose={() => setAnswer(null)} onDone={() => { setAnswer(null); message.success('已答复'); load(); }} />}
    </Card>
  );
}

function RecheckAnswer({ item, onClose, onDone }: { item: SupervisionSampleItem; onClose: () => void; onDone: () => void }) {
  return (
    <FormDialog<{ confirmed: boolean; answer: string }> title={`答复二次核查：线索 ${item.tip.trackingCode}`} confirm="提交" initialValues={{ confirmed: true }} onClose={onClose} onSubmit={async (v) => {
      await api('POST', `/api/supervision/samples/items/${item.id}/answer`, v);
      onDone();
    }}>
      <Form.Item name="confirmed" label="核查结论"><Radio.Group options={[{ value: true, label: '维持原办理结果' }, { value: false, label: '原办理结果有误' }]} /></Form.Item>
      <Form.Item name="answer" label="二次核查情况" rules={[{ required: true, min: 4, message: '请填写二次核查情况（至少 4 个字）' }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
    </FormDialog>
  );
}

/** The tip page's card: the 回访 and 二次核查 this tip was sampled for, with their outcomes. */
export function TipSupervisionCard({ tipId }: { tipId: number }) {
  const [items, setItems] = useState<(SupervisionSampleItem & { canAnswer: boolean })[]>([]);
  const [answer, setAnswer] = useState<SupervisionSampleItem | null>(null);
  const load = () => void api('GET', `/api/tips/${tipId}/supervision`).then((r) => setItems(r.items), () => undefined);
  useEffect(load, [tipId]);
  if (!items.length) return null;
  return (
    <Card title="督导抽查" size="small" style={{ marginTop: 16 }} data-testid="tip-supervision">
      {items.map((i) => (
        <Typography.Paragraph key={i.id}>
          <Tag>{SAMPLE_KINDS[i.kind]}</Tag>{i.supervisingUnit}：{i.roundTitle} · {SAMPLE_ITEM_STATUSES[i.status]}
          <div><SampleOutcome item={i} /></div>
          {i.canAnswer && <Button size="small" onClick={() => setAnswer(i)}>答复二次核查</Button>}
        </Typography.Paragraph>
      ))}
      {answer && <RecheckAnswer item={answer} onClose={() => setAnswer(null)} onDone={() => { setAnswer(null); load(); }} />}
    </Card>
  );
}

