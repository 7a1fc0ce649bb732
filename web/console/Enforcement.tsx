import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api/client.ts';
import { ENFORCEMENT_KINDS, SCREENER_ROLES, SUBJECT_KINDS, type EnforcementKind, type SubjectKind } from '../../shared/domain.ts';
import type { Go, Me } from './App.tsx';
import type { EnforcementRecord } from '../api/routes.ts';
import { COLORS } from './labels.ts';
import { FormDialog, LinkedFilter, rangeValue, usePaged, chinaDay, day } from './ui.tsx';
import { useUrlFilter } from './hooks.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { toFen, yuan, yuanRule } from './money.ts';

/**
 * 行政执法: the documents units issued to subjects (三书一函, penalty decisions, transfers to the
 * police), with the period's counts the statistics use, and a form to record one.
 */

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const KIND_COLORS: Record<EnforcementKind, string> = {
  risk_warning_letter: COLORS.amber, interview_notice: COLORS.teal, rectification_notice: COLORS.blue, penalty_decision: COLORS.red, transfer_police: COLORS.purple,
};

const ENFORCEMENT_FILTER = ['kind', 'notices', 'subjectKind', 'unitId', 'regionCode', 'from', 'to'] as const;

export function Enforcement({ me, go, search = '' }: { me: Me; go: Go; search?: string }) {
  const { message } = AntApp.useApp();
  const { filter, query, set } = useUrlFilter(go, '/console/cases?tab=enforcement', search, ENFORCEMENT_FILTER);
  const [version, setVersion] = useState(0);
  // A new version after recording reloads the page (the server ignores the extra parameter).
  const list = usePaged(`/api/enforcement?${query}&v=${version}` as '/api/enforcement', 20);
  const [adding, setAdding] = useState(false);
  const [figures, setFigures] = useState<{ rectification_notices: number; admin_penalties: number; penalty_amount_fen: number; transfers_police: number } | null>(null);
  useEffect(() => void api('GET', `/api/enforcement?${query}&pageSize=1`).then((r) => setFigures(r.figures), () => undefined), [query, version]);
  return (
    <>
      {list.error && <Alert type="error" message={list.error} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select placeholder="文书类型" allowClear options={options(ENFORCEMENT_KINDS)} value={filter.kind} onChange={(kind) => set({ kind })} style={{ width: 200 }} aria-label="文书类型" />
        <RegionPicker value={filter.regionCode} onChange={(regionCode) => set({ regionCode })} style={{ width: 200 }} aria-label="主体所在地区" />
        <DatePicker.RangePicker aria-label="签发日期" placeholder={['签发日期自', '至']} value={rangeValue(filter.from, filter.to)}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} />
        {filter.notices === 'true' && <LinkedFilter label="三书一函" onClear={() => set({ notices: undefined })} />}
        {/* By-unit and by-sector figures' links: the issuing unit and the subjects' kind, no field of their own, so closable tags. */}
        {filter.unitId && <LinkedFilter label={`签发单位：${list.items[0]?.unit.name ?? `编号 ${filter.unitId}`}`} onClear={() => set({ unitId: undefined })} />}
        {filter.subjectKind && <LinkedFilter label={`主体类型：${SUBJECT_KINDS[filter.subjectKind as SubjectKind] ?? filter.subjectKind}`} onClear={() => set({ subjectKind: undefined })} />}
        <Button href={`/api/enforcement/export${query ? `?${query}` : ''}`} download>导出 Excel</Button>
        {me.roles.some((r) => (SCREENER_ROLES as readonly string[]).includes(r)) && <Button type="primary" onClick={() => setAdding(true)}>登记执法文书</Button>}
      </Space>
      {figures && (
        <Space size="large" wrap style={{ marginBottom: 16 }}>
          <Statistic title="三书一函" value={figures.rectification_notices} suffix="份" />
          <Statistic title="行政处罚" value={figures.admin_penalties} suffix="次" />
          <Statistic title="罚没金额" value={yuan(figures.penalty_amount_fen)} suffix="元" />
          <Statistic title="移送公安" value={figures.transfers_police} suffix="件" />
        </Space>
      )}
      <Table<EnforcementRecord> rowKey="id" size="small" dataSource={list.items} loading={list.loading} pagination={list.pagination} columns={[
        { title: '签发日期', dataIndex: 'issuedOn', render: day },
        { title: '文书', dataIndex: 'kind', render: (k: EnforcementKind) => <Tag color={KIND_COLORS[k]}>{ENFORCEMENT_KINDS[k]}</Tag> },
        { title: '文书编号', dataIndex: 'docNo' },
        { title: '主体', dataIndex: 'subject', render: (s: EnforcementRecord['subject']) => <a href={`/console/subjects/${s.id}`} onClick={(e) => { e.preventDefault(); go(`/console/subjects/${s.id}`); }}>{s.name}</a> },
        { title: '主要内容', dataIndex: 'summary' },
        { title: '罚没金额（元）', dataIndex: 'fineFen', render: (f: number | null) => (f === null ? '—' : yuan(f)) },
        { title: '签发单位', dataIndex: 'unit', render: (u: EnforcementRecord['unit'], r) => <>{u.name}{r.policeUnit && <Typography.Text type="secondary"> → {r.policeUnit.name}</Typography.Text>}</> },
      ]} />
      {adding && <RecordDialog onClose={() => setAdding(false)} onDone={() => { setAdding(false); message.success('已登记'); setVersion((v) => v + 1); }} />}
    </>
  );
}

interface RecordForm { kind: EnforcementKind; docNo: string; subjectId: number; issuedOn: Dayjs; fine?: string; policeUnitId?: number; summary: string }

function RecordDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [kind, setKind] = useState<EnforcementKind>('rectification_notice');
  const [subjects, setSubjects] = useState<{ value: number; label: string }[]>([]);
  const [subjectId, setSubjectId] = useState<number | null>(null);
  const [police, setPolice] = useState<{ value: number; label: string }[]>([]);
  const search = (q: string) => void api('GET', `/api/subjects?pageSize=20${q ? `&q=${encodeURIComponent(q)}` : ''}`).then((r) => setSubjects(r.items.map((s) => ({ value: s.id, label: s.name }))), () => undefined);
  useEffect(() => search(''), []);
  useEffect(() => {
    if (kind === 'transfer_police' && subjectId) {
      void api('GET', `/api/enforcement/police-units?subjectId=${subjectId}`).then((r) => setPolice(r.items.map((u) => ({ value: u.id, label: u.name }))), () => undefined);
    }
  }, [kind, subjectId]);
  return (
    <FormDialog<RecordForm> title="登记执法文书" confirm="确认登记" width={640} initialValues={{ kind, issuedOn: chinaDay() }} onClose={onClose} onSubmit={async (v) => {
      await api('POST', '/api/enforcement', {
        kind: v.kind, docNo: v.docNo, subjectId: v.subjectId, issuedOn: v.issuedOn.format('YYYY-MM-DD'), summary: v.summary,
        ...(v.kind === 'penalty_decision' ? { fineFen: toFen(v.fine ?? '') } : {}), ...(v.kind === 'transfer_police' ? { policeUnitId: v.policeUnitId } : {}),
      });
      onDone();
    }}>
      <Space wrap>
        <Form.Item name="kind" label="文书类型"><Select options={options(ENFORCEMENT_KINDS)} onChange={setKind} style={{ width: 220 }} /></Form.Item>
        <Form.Item name="issuedOn" label="签发日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(x) => x.isAfter(chinaDay(), 'day') || x.isBefore(chinaDay().subtract(10, 'year'), 'day')} />
        </Form.Item>
      </Space>
      <Form.Item name="docNo" label="文书编号" rules={[{ required: true, min: 4, message: '请填写文书编号' }]}><Input maxLength={60} /></Form.Item>
      <Form.Item name="subjectId" label="主体" rules={[{ required: true, message: '请选择主体' }]}>
        <Select showSearch filterOption={false} onSearch={search} options={subjects} onChange={setSubjectId} />
      </Form.Item>
      {kind === 'penalty_decision' && (
        <Form.Item name="fine" label="罚没金额（元）" rules={[{ required: true, message: '请填写罚没金额' }, yuanRule]}>
          <Input inputMode="decimal" style={{ width: 220 }} />
        </Form.Item>
      )}
      {kind === 'transfer_police' && <Form.Item name="policeUnitId" label="接收的公安机关" rules={[{ required: true, message: '请选择公安机关' }]}><Select options={police} /></Form.Item>}
      <Form.Item name="summary" label="主要内容" rules={[{ required: true, min: 4, message: '请填写主要内容（至少 4 个字）' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </FormDialog>
  );
}
