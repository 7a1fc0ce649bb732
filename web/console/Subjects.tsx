import { useEffect, useState } from 'react';
import {
  Alert, App as AntApp, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, List, Popconfirm, Select, Space, Statistic, Switch, Table, Tabs,
  Tag, Tooltip, Typography, Upload, type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, uploadFile } from '../api/client.ts';
import {
  CASE_STAGES, ENFORCEMENT_KINDS, HAZARD_CATEGORIES, HAZARD_MEASURES, HAZARD_SOURCES, HAZARD_STATUSES, INSPECTION_KINDS, RISK_GRADES, SCREENER_ROLES,
  SCREENING_LEAD_ROLES, SUBJECT_KINDS, type RiskGrade,
} from '../../shared/domain.ts';
import type { Go, Me } from './App.tsx';
import type {
  ChecklistVersion, Hazard, LedgerRow, ResponseOf, ScreeningRoundItem, ScreeningSummary as SummaryData, SubjectDetail as Detail, SubjectListItem as SubjectItem,
} from '../api/routes.ts';
import { FormDialog, LinkedFilter, usePaged, chinaDay, day } from './ui.tsx';
import { RegionPicker } from './RegionPicker.tsx';
import { HazardDialog, OfficialTables } from './HazardForms.tsx';
import { GradeHistory, PlanCard } from './SubjectPlan.tsx';
import { useUrlFilter, type ItemsOf } from './hooks.ts';
import { yuan } from './money.ts';
import { COLORS, STATUS_COLORS, TIP_STATUSES, fmt } from './labels.ts';

type Reason = SubjectItem['reasons'][number];

const GRADE_COLORS: Record<RiskGrade, string> = { red: COLORS.red, orange: COLORS.orange, yellow: COLORS.amber, green: COLORS.green };
const HAZARD_COLORS: Record<string, string> = { open: COLORS.red, rectifying: COLORS.amber, rectified: COLORS.blue, verified: COLORS.green };
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const has = (me: Me, roles: readonly string[]) => me.roles.some((r) => roles.includes(r));

function GradeTag({ grade, reasons }: { grade: RiskGrade | null; reasons?: Reason[] }) {
  const tag = grade ? <Tag color={GRADE_COLORS[grade]}>{RISK_GRADES[grade]}色</Tag> : <Tag color={COLORS.grey}>未评级</Tag>;
  return reasons?.length ? <Tooltip title={reasons.map((r) => r.text).join('；')}>{tag}</Tooltip> : tag;
}

/** 排查整治: the subject registry with risk grades, one subject's file, and the rectification ledger. */
export default function Subjects({ me, go, id, search = '' }: { me: Me; go: Go; id?: number; search?: string }) {
  if (id) return <SubjectFile me={me} go={go} id={id} />;
  // The tab and its list's filter are in the address: the dashboard's numbers open the registry
  // filtered (?grade=red&region=3706, ?inspectedFrom=…) or the ledger (?tab=ledger&foundFrom=…).
  const tab = new URLSearchParams(search).get('tab') === 'ledger' ? 'ledger' : 'registry';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>排查整治</Typography.Title>
      <Summary />
      <OfficialTables />
      <Tabs activeKey={tab} onChange={(k) => go(k === 'ledger' ? '/console/subjects?tab=ledger' : '/console/subjects')} items={[
        { key: 'registry', label: '主体名录', children: <Registry me={me} go={go} search={tab === 'registry' ? search : ''} /> },
        { key: 'ledger', label: '整改台账', children: <Ledger me={me} go={go} search={tab === 'ledger' ? search : ''} /> },
      ]} />
    </Space>
  );
}

const FIGURE_LABELS: Record<string, string> = {
  entities_screened: '排查主体', inspections_person_times: '出动检查', hazards_found: '发现隐患', hazards_rectified: '整改销号', admin_penalties: '行政处罚', penalty_amount_yuan: '罚没金额',
};

const yuanAmount = (n: number | null) => (n == null ? '—' : `${n.toLocaleString('zh-CN')} 元`);

/**
 * Files for a record, uploaded as they are chosen (POST /api/uploads: the same types, size and quota
 * checks as the public's evidence); the form field's value is the uploaded ids, sent with the action.
 */
function FilesField({ value: _value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <Upload
      multiple
      maxCount={10}
      fileList={files}
      accept="image/jpeg,image/png,application/pdf,audio/mpeg,audio/mp4,video/mp4"
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        uploadFile(file as File, (f) => onProgress?.({ percent: Math.round(f * 100) }), '/api/uploads').then((u) => onSuccess?.(u), (e: Error) => onError?.(e));
      }}
      onChange={({ fileList }) => {
        // A failed file says why (type, size, quota) under its name.
        const shown = fileList.map((f) => (f.status === 'error' ? { ...f, response: (f.error as Error | undefined)?.message ?? '上传失败' } : f));
        setFiles(shown);
        onChange?.(shown.filter((f) => f.status === 'done').map((f) => (f.response as { id: string }).id));
      }}
    >
      <Button>选择文件（照片、PDF 等，最多 10 个）</Button>
    </Upload>
  );
}

/** This year's screening figures of the jurisdiction, counted from the records, and today's grades. */
function Summary() {
  const [s, setS] = useState<SummaryData | null>(null);
  useEffect(() => void api('GET', '/api/screening/summary').then(setS, () => undefined), []);
  if (!s) return null;
  return (
    <Card size="small" title={`本年度（${s.from} 至 ${s.to}）`}>
      <Space size="large" wrap>
        {s.figures.map((f) => <Statistic key={f.indicator} title={FIGURE_LABELS[f.indicator]} value={f.value} suffix={f.unit} />)}
        <Statistic title="超期未整改" value={s.hazardsOverdue} suffix="个" valueStyle={s.hazardsOverdue ? { color: COLORS.red } : undefined} />
        <div>
          <Typography.Text type="secondary">当前风险等级</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {(['red', 'orange', 'yellow', 'green'] as RiskGrade[]).map((g) => <Tag key={g} color={GRADE_COLORS[g]}>{RISK_GRADES[g]}色 {s.grades[g]}</Tag>)}
            <Tag color={COLORS.grey}>未评级 {s.grades.none}</Tag>
          </div>
        </div>
      </Space>
    </Card>
  );
}

const REGISTRY_FILTER = ['q', 'kind', 'grade', 'region', 'inspectedFrom', 'inspectedTo', 'registeredTo'] as const;

function Registry({ me, go, search }: { me: Me; go: Go; search: string }) {
  const { filter, query, set } = useUrlFilter(go, '/console/subjects', search, REGISTRY_FILTER);
  const list = usePaged(`/api/subjects${query ? `?${query}` : ''}`);
  const [creating, setCreating] = useState(false);
  return (
    <>
      {list.error && <Alert type="error" message={list.error} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search key={filter.q} defaultValue={filter.q} placeholder="名称或统一社会信用代码" allowClear onSearch={(q) => set({ q })} style={{ width: 260 }} aria-label="搜索主体" />
        <Select placeholder="主体类型" allowClear options={options(SUBJECT_KINDS)} value={filter.kind} onChange={(kind) => set({ kind })} style={{ width: 200 }} aria-label="主体类型" />
        <Select placeholder="风险等级" allowClear options={GRADE_OPTIONS}
          value={filter.grade} onChange={(grade) => set({ grade })} style={{ width: 140 }} aria-label="风险等级" />
        <RegionPicker value={filter.region} onChange={(region) => set({ region })} style={{ width: 240 }} aria-label="地区" />
        {(filter.inspectedFrom || filter.inspectedTo) && <LinkedFilter label="检查日期" from={filter.inspectedFrom} to={filter.inspectedTo}
          onClear={() => set({ inspectedFrom: undefined, inspectedTo: undefined })} />}
        {filter.registeredTo && <LinkedFilter label="登记日期" to={filter.registeredTo} onClear={() => set({ registeredTo: undefined })} />}
        {has(me, SCREENER_ROLES) && <Button type="primary" onClick={() => setCreating(true)}>登记主体</Button>}
      </Space>
      <Table<SubjectItem>
        rowKey="id"
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string, s) => <a href={`/console/subjects/${s.id}`} onClick={(e) => { e.preventDefault(); go(`/console/subjects/${s.id}`); }}>{n}</a> },
          { title: '类型', dataIndex: 'kind', render: (k: keyof typeof SUBJECT_KINDS) => SUBJECT_KINDS[k] },
          { title: '地区', dataIndex: 'regionName' },
          { title: '风险等级', dataIndex: 'grade', render: (g: RiskGrade | null, s) => <GradeTag grade={g} reasons={s.reasons} /> },
          { title: '依据', dataIndex: 'reasons', render: (r: Reason[], s) => s.riskNote ?? r[0]?.text ?? '尚未排查' },
          { title: '未销号隐患', dataIndex: 'openHazards' },
          { title: '相关线索', dataIndex: 'tips' },
        ]}
      />
      {creating && <CreateSubject me={me} onClose={() => setCreating(false)} onDone={(newId) => go(`/console/subjects/${newId}`)} />}
    </>
  );
}

function CreateSubject({ me, onClose, onDone }: { me: Me; onClose: () => void; onDone: (id: number) => void }) {
  const [regions, setRegions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    // The user's own region and the level below it: where their unit screens.
    Promise.all([
      api('GET', `/api/public/regions?parent=${me.unitRegionCode.slice(0, -2) || ''}`).catch(() => []),
      api('GET', `/api/public/regions?parent=${me.unitRegionCode}`),
    ]).then(([siblings, children]) => {
      const own = siblings.find((r) => r.code === me.unitRegionCode);
      setRegions([...(own ? [own] : []), ...children].map((r) => ({ value: r.code, label: r.name })));
    }, () => undefined);
  }, [me.unitRegionCode]);
  return (
    <FormDialog<Record<string, unknown>> title="登记主体" confirm="确认登记" initialValues={{ regionCode: me.unitRegionCode }} onClose={onClose} onSubmit={async (v) => {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
      onDone((await api('POST', '/api/subjects', body)).id);
    }}>
      <Form.Item name="name" label="名称" rules={[{ required: true, min: 2, message: '请填写主体名称' }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}><Select options={options(SUBJECT_KINDS)} /></Form.Item>
      <Form.Item name="regionCode" label="所在地区" rules={[{ required: true, message: '请选择地区' }]}><Select showSearch optionFilterProp="label" options={regions} /></Form.Item>
      <Form.Item name="uscc" label="统一社会信用代码（有则填写）"><Input maxLength={18} style={{ textTransform: 'uppercase' }} /></Form.Item>
      <Form.Item name="address" label="地址"><Input maxLength={200} /></Form.Item>
    </FormDialog>
  );
}

function SubjectFile({ me, go, id }: { me: Me; go: Go; id: number }) {
  const { message } = AntApp.useApp();
  const [d, setD] = useState<Detail | null>(null);
  const [error, setError] = useState('');
  const [dialog, setDialog] = useState<'inspection' | 'hazard' | 'override' | { hazard: Hazard; action: 'rectified' | 'reopen' | 'penalty' } | null>(null);
  const load = () => api('GET', `/api/subjects/${id}`).then(setD, (e) => setError(e.message));
  useEffect(() => void load(), [id]);
  if (error) return <Alert type="error" showIcon message={error} action={<Button onClick={() => go('/console/subjects')}>返回名录</Button>} />;
  if (!d) return null;
  const screener = has(me, SCREENER_ROLES);
  const lead = has(me, SCREENING_LEAD_ROLES);
  const act = (h: Hazard, action: 'start' | 'verify', done: string) =>
    api('POST', `/api/hazards/${h.id}/actions`, { action }).then(() => { message.success(done); void load(); }, (e) => message.error(e.message));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Button onClick={() => go('/console/subjects')}>← 主体名录</Button>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{d.name}</Typography.Title>
        <span data-testid="subject-grade"><GradeTag grade={d.risk.grade} /></span>
      </Space>
      <Descriptions bordered size="small" column={2} items={[
        { key: 'k', label: '类型', children: SUBJECT_KINDS[d.kind] },
        { key: 'r', label: '地区', children: d.regionName },
        { key: 'u', label: '统一社会信用代码', children: d.uscc ?? '—' },
        { key: 'a', label: '地址', children: d.address ?? '—' },
      ]} />
      <Card title="风险等级及依据" extra={lead && <Button onClick={() => setDialog('override')}>人工调整</Button>}>
        {d.risk.override && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            message={`已人工调整为${RISK_GRADES[d.risk.override.grade]}色（自动评级：${d.risk.computed ? `${RISK_GRADES[d.risk.computed]}色` : '未评级'}）：${d.risk.override.reason}`} />
        )}
        {d.risk.note && <Alert data-testid="risk-note" type={d.risk.computed === 'green' ? 'success' : 'info'} showIcon style={{ marginBottom: 12 }} message={d.risk.note} />}
        {d.risk.reasons.length ? (
          <List size="small" dataSource={d.risk.reasons} renderItem={(r) => <List.Item><Space><GradeTag grade={r.grade} />{r.text}</Space></List.Item>} />
        ) : <Typography.Text>尚未排查，暂无评级。</Typography.Text>}
      </Card>
      <PlanCard subjectId={d.id} grade={d.risk.grade} screener={screener} />
      <GradeHistory items={d.gradeHistory} />
      <Card title={`隐患（${d.hazards.length}）`} extra={screener && <Button onClick={() => setDialog('hazard')}>登记隐患</Button>}>
        <Table<Hazard> rowKey="id" size="small" dataSource={d.hazards} pagination={false} columns={[
          { title: '隐患', dataIndex: 'description', render: (t: string, h) => <>{h.serious && <Tag color={COLORS.red}>重大</Tag>}{t}</> },
          { title: '来源', dataIndex: 'source', render: (_: string, h) => <SourceText hazard={h} go={go} /> },
          { title: '类别', dataIndex: 'category', render: (c: keyof typeof HAZARD_CATEGORIES) => HAZARD_CATEGORIES[c] },
          { title: '措施', dataIndex: 'measure', render: (m: keyof typeof HAZARD_MEASURES) => HAZARD_MEASURES[m] },
          { title: '整改期限', dataIndex: 'deadline', render: (x: string, h) => <>{day(x)}{h.overdue && <Tag color={COLORS.red} style={{ marginLeft: 4 }}>已超期</Tag>}</> },
          { title: '责任人', dataIndex: 'responsible' },
          { title: '状态', dataIndex: 'status', render: (s: keyof typeof HAZARD_STATUSES, h) => <Tooltip title={h.rectifiedNote}><Tag color={HAZARD_COLORS[s]}>{HAZARD_STATUSES[s]}</Tag></Tooltip> },
          { title: '罚没金额', dataIndex: 'fineYuan', render: (n: number | null, h) => <Tooltip title={h.penaltyNote}>{yuanAmount(n)}</Tooltip> },
          {
            title: '附件',
            dataIndex: 'attachments',
            render: (files: Hazard['attachments'], h) => files.length ? (
              <Space direction="vertical" size={0}>
                {files.map((f, i) => <a key={f.id} href={attachmentUrl(h.id, f.id)} target="_blank" rel="noreferrer">附件 {i + 1}</a>)}
              </Space>
            ) : '—',
          },
          {
            title: '操作',
            render: (_, h) => (
              <Space>
                {screener && h.status === 'open' && <Button size="small" onClick={() => act(h, 'start', '已开始整改')}>开始整改</Button>}
                {screener && (h.status === 'open' || h.status === 'rectifying') && <Button size="small" onClick={() => setDialog({ hazard: h, action: 'rectified' })}>报告已整改</Button>}
                {lead && h.status === 'rectified' && (
                  <Popconfirm title="确认整改到位，验收销号？" okText="销号" cancelText="取消" onConfirm={() => act(h, 'verify', '已销号')}>
                    <Button size="small" type="primary">验收销号</Button>
                  </Popconfirm>
                )}
                {lead && h.status === 'rectified' && <Button size="small" danger onClick={() => setDialog({ hazard: h, action: 'reopen' })}>验收不通过</Button>}
                {screener && h.fineYuan == null && <Button size="small" onClick={() => setDialog({ hazard: h, action: 'penalty' })}>记录处罚</Button>}
              </Space>
            ),
          },
        ]} />
      </Card>
      <Card title={`检查记录（${d.inspections.length}）`} extra={screener && <Button type="primary" onClick={() => setDialog('inspection')}>录入检查</Button>}>
        <Table rowKey="id" size="small" dataSource={d.inspections} pagination={false} columns={[
          { title: '检查日期', dataIndex: 'inspectedOn', render: day },
          { title: '方式', dataIndex: 'kind', render: (k: keyof typeof INSPECTION_KINDS, i) => `${INSPECTION_KINDS[k]}${i.samplingRatio != null ? `（抽查比例 ${+(i.samplingRatio * 100).toFixed(2)}%）` : ''}` },
          { title: '排查批次', dataIndex: 'round', render: (r: Inspection['round']) => (r ? <a href={`/console/rounds/${r.id}`} onClick={(e) => { e.preventDefault(); go(`/console/rounds/${r.id}`); }}>{r.title}</a> : '—') },
          { title: '检查单位', dataIndex: 'unitName' },
          { title: '人数', dataIndex: 'inspectors' },
          // Labels as the checklist version the inspection used had them (an item may since have been reworded).
          { title: '发现的问题', dataIndex: 'checklist', render: (c: Inspection['checklist'], i) => problemsOf(c, i.checklistVersion) },
          { title: '检查表', dataIndex: 'checklistVersion', render: (v: Inspection['checklistVersion']) => (v ? `第 ${v.version} 版` : '—') },
          { title: '检查情况', dataIndex: 'findings', render: (f: string | null) => f ?? '—' },
        ]} />
      </Card>
      <Card title={`反映该主体的线索（${d.tipsTotal}）`}>
        {d.tipsTotal > d.tips.length && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`共 ${d.tipsTotal} 条，此处列出最新的 ${d.tips.length} 条`} />}
        <List size="small" dataSource={d.tips} locale={{ emptyText: '暂无您可查看的相关线索' }} renderItem={(t) => (
          <List.Item>
            <Space>
              <a href={`/console/tips/${t.id}`} onClick={(e) => { e.preventDefault(); go(`/console/tips/${t.id}`); }}>{t.trackingCode}</a>
              <Tag color={STATUS_COLORS[t.status]}>{TIP_STATUSES[t.status]}</Tag>
              {fmt(t.receivedAt)}
            </Space>
          </List.Item>
        )} />
      </Card>
      <Card title="执法文书"><SubjectEnforcement subjectId={d.id} /></Card>
      <Card title={`涉及的刑事案件（${d.cases.length}）`}>
        <List size="small" dataSource={d.cases} locale={{ emptyText: '暂无您可查看的关联案件' }} renderItem={(c) => (
          <List.Item>
            <Space>
              <a href={`/console/cases/${c.id}`} onClick={(e) => { e.preventDefault(); go(`/console/cases/${c.id}`); }}>{c.caseNo}</a>
              {c.title}<Tag>{CASE_STAGES[c.stage]}</Tag>立案 {c.filedOn}
            </Space>
          </List.Item>
        )} />
      </Card>
      {dialog === 'inspection' && <InspectionDialog subjectId={d.id} sector={d.kind} onClose={() => setDialog(null)} onDone={() => { setDialog(null); message.success('检查已录入'); void load(); }} />}
      {dialog === 'hazard' && (
        <HazardDialog subjectId={d.id} inspections={d.inspections} onClose={() => setDialog(null)} onDone={() => { setDialog(null); message.success('隐患已登记'); void load(); }} />
      )}
      {dialog === 'override' && <OverrideDialog detail={d} onClose={() => setDialog(null)} onDone={() => { setDialog(null); message.success('风险等级已调整'); void load(); }} />}
      {dialog && typeof dialog === 'object' && dialog.action === 'penalty' && (
        <PenaltyDialog hazard={dialog.hazard} onClose={() => setDialog(null)} onDone={() => { setDialog(null); message.success('处罚已记录'); void load(); }} />
      )}
      {dialog && typeof dialog === 'object' && dialog.action !== 'penalty' && (
        <NoteDialog
          title={dialog.action === 'rectified' ? '报告已整改' : '验收不通过'}
          label={dialog.action === 'rectified' ? '整改情况' : '不通过的理由'}
          files={dialog.action === 'rectified' ? '整改材料（现场照片、整改报告等，可不传）' : undefined}
          onClose={() => setDialog(null)}
          onSubmit={(v) => api('POST', `/api/hazards/${dialog.hazard.id}/actions`, { action: dialog.action, ...v }).then(() => { setDialog(null); void load(); })}
        />
      )}
    </Space>
  );
}

type Inspection = Detail['inspections'][number];

/** The problems an inspection found, in its checklist version's words. */
const problemsOf = (c: Inspection['checklist'], v: Inspection['checklistVersion']) =>
  Object.entries(c).filter(([, x]) => x).map(([k]) => v?.items.find((it) => it.key === k)?.label ?? k).join('；') || '未发现清单所列问题';

interface InspectionForm {
  inspectedOn: Dayjs; inspectors: number; problems: string[]; findings?: string; hazards: (Record<string, unknown> & { deadline: Dayjs })[];
  kind: keyof typeof INSPECTION_KINDS; samplingPercent?: number; roundId?: number;
}

/**
 * An inspection: its kind (检查, 自查 recorded by staff, 抽查 with its ratio), the round it belongs to
 * (the open rounds this subject may join), and the sector's current checklist, whose version is sent
 * with it (a checklist changed meanwhile is refused: reopen the dialog).
 */
function InspectionDialog({ subjectId, sector, onClose, onDone }: { subjectId: number; sector: string; onClose: () => void; onDone: () => void }) {
  const [checklist, setChecklist] = useState<ChecklistVersion | null>(null);
  const [rounds, setRounds] = useState<ScreeningRoundItem[]>([]);
  const [kind, setKind] = useState<string>('routine');
  const [roundId, setRoundId] = useState<number | undefined>();
  useEffect(() => {
    api('GET', '/api/screening/checklists').then((r) => setChecklist(r.current.find((v) => v.sector === sector) ?? null), () => undefined);
    api('GET', `/api/screening/rounds?forSubject=${subjectId}&pageSize=200`).then((r) => setRounds(r.items), () => undefined);
  }, [subjectId, sector]);
  const round = rounds.find((r) => r.id === roundId);
  return (
    <FormDialog<InspectionForm> title="录入检查" confirm="确认录入" width={760} initialValues={{ inspectedOn: chinaDay(), inspectors: 2, problems: [], hazards: [], kind: 'routine' }} onClose={onClose}
      onSubmit={async (v) => {
        await api('POST', `/api/subjects/${subjectId}/inspections`, {
          inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
          inspectors: v.inspectors,
          checklist: Object.fromEntries((checklist?.items ?? []).map((it) => [it.key, v.problems.includes(it.key)])),
          ...(checklist ? { checklistVersionId: checklist.id } : {}),
          kind: v.kind,
          ...(v.kind === 'spot_check' && v.samplingPercent != null ? { samplingRatio: Math.round(v.samplingPercent * 100) / 10_000 } : {}),
          ...(v.roundId ? { roundId: v.roundId } : {}),
          ...(v.findings ? { findings: v.findings } : {}),
          hazards: v.hazards.map((h) => ({ ...h, serious: !!h.serious, deadline: h.deadline.format('YYYY-MM-DD') })),
        });
        onDone();
      }}>
      <Space wrap>
        <Form.Item name="kind" label="检查方式" rules={[{ required: true, message: '请选择检查方式' }]}>
          <Select options={options(INSPECTION_KINDS)} style={{ width: 140 }} onChange={setKind} />
        </Form.Item>
        {kind === 'spot_check' && (
          <Form.Item name="samplingPercent" label="抽查比例（%）" rules={[{ required: true, message: '请填写抽查比例' }]}>
            <InputNumber min={0.01} max={100} precision={2} style={{ width: 140 }} />
          </Form.Item>
        )}
        <Form.Item name="roundId" label="排查批次（可不选）">
          <Select allowClear placeholder={rounds.length ? '选择本主体可加入的批次' : '暂无可加入的进行中批次'} style={{ width: 320 }} onChange={setRoundId}
            options={rounds.map((r) => ({ value: r.id, label: `${r.title}（${r.periodFrom} 至 ${r.periodTo}）` }))} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(x) => x.isAfter(chinaDay(), 'day') || x.isBefore(chinaDay().subtract(10, 'year'), 'day') || (!!round && (x.isBefore(dayjs(round.periodFrom), 'day') || x.isAfter(dayjs(round.periodTo), 'day')))} />
        </Form.Item>
        <Form.Item name="inspectors" label="检查人数" rules={[{ required: true, message: '请填写人数' }]}><InputNumber min={1} max={100} /></Form.Item>
      </Space>
      <Form.Item name="problems" label={`检查清单${checklist ? `（第 ${checklist.version} 版）` : ''}：勾选发现的问题`}>
        <Checkbox.Group options={(checklist?.items ?? []).map((it) => ({ value: it.key, label: it.label }))} style={{ display: 'grid', gap: 8 }} />
      </Form.Item>
      <Form.Item name="findings" label="检查情况（可不填）"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      <Form.List name="hazards">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" title={`隐患 ${i + 1}`} extra={<Button size="small" onClick={() => remove(f.name)}>删除</Button>} style={{ marginBottom: 12 }}>
                <Form.Item name={[f.name, 'description']} label="隐患描述" rules={[{ required: true, min: 4, message: '请描述隐患（至少 4 个字）' }]}><Input.TextArea rows={2} /></Form.Item>
                <Space wrap>
                  <Form.Item name={[f.name, 'category']} label="类别" rules={[{ required: true, message: '请选择类别' }]}><Select options={options(HAZARD_CATEGORIES)} style={{ width: 180 }} /></Form.Item>
                  <Form.Item name={[f.name, 'measure']} label="处置措施" rules={[{ required: true, message: '请选择措施' }]}><Select options={options(HAZARD_MEASURES)} style={{ width: 140 }} /></Form.Item>
                  <Form.Item name={[f.name, 'deadline']} label="整改期限" rules={[{ required: true, message: '请选择期限' }]}>
                    <DatePicker disabledDate={(x) => x.isBefore(chinaDay(), 'day') || x.isAfter(chinaDay().add(3, 'year'), 'day')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'responsible']} label="整改责任人" rules={[{ required: true, min: 2, message: '请填写责任人' }]}><Input style={{ width: 140 }} /></Form.Item>
                  <Form.Item name={[f.name, 'serious']} label="重大隐患" valuePropName="checked"><Switch /></Form.Item>
                </Space>
              </Card>
            ))}
            <Button onClick={() => add({ deadline: chinaDay().add(15, 'day') })} style={{ marginBottom: 16 }}>+ 添加隐患</Button>
          </>
        )}
      </Form.List>
    </FormDialog>
  );
}

function OverrideDialog({ detail, onClose, onDone }: { detail: Detail; onClose: () => void; onDone: () => void }) {
  return (
    <FormDialog<{ grade: string; reason: string }> title="人工调整风险等级" confirm="确认调整" initialValues={{ grade: detail.risk.override?.grade ?? 'auto' }} onClose={onClose} onSubmit={async (v) => {
      await api('POST', `/api/subjects/${detail.id}/risk-override`, { grade: v.grade === 'auto' ? null : v.grade, reason: v.reason });
      onDone();
    }}>
      <Form.Item name="grade" label="等级">
        <Select options={[{ value: 'auto', label: '恢复自动评级' }, ...Object.entries(RISK_GRADES).map(([value, l]) => ({ value, label: `${l}色` }))]} />
      </Form.Item>
      <Form.Item name="reason" label="调整理由（将记入审计日志）" rules={[{ required: true, min: 4, message: '请说明理由（至少 4 个字）' }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
    </FormDialog>
  );
}

type NoteValues = { note: string; attachmentIds?: string[] };

/** A note, and with `files` (the field's label) the files that go with it. */
function NoteDialog({ title, label, files, onClose, onSubmit }: { title: string; label: string; files?: string; onClose: () => void; onSubmit: (v: NoteValues) => Promise<void> }) {
  return (
    <FormDialog<NoteValues> title={title} confirm={`确认${title}`} onClose={onClose} onSubmit={(v) => onSubmit(withFiles(v))}>
      <Form.Item name="note" label={label} rules={[{ required: true, min: 4, message: `请填写${label}（至少 4 个字）` }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
      {files && <Form.Item name="attachmentIds" label={files}><FilesField /></Form.Item>}
    </FormDialog>
  );
}

/** Sends attachmentIds only when there are some. */
const withFiles = <T extends { attachmentIds?: string[] }>(v: T): T => {
  const { attachmentIds, ...rest } = v;
  return (attachmentIds?.length ? { ...rest, attachmentIds } : rest) as T;
};

const attachmentUrl = (hazardId: number, uploadId: string) => `/api/hazards/${hazardId}/attachments/${uploadId}`;

/**
 * The penalty decided on a hazard: recorded as the 行政处罚决定书 in the enforcement records (the one
 * source of 罚没金额), once per hazard; the decision can be attached.
 */
function PenaltyDialog({ hazard, onClose, onDone }: { hazard: Hazard; onClose: () => void; onDone: () => void }) {
  return (
    <FormDialog<{ docNo: string; fineYuan: number; note: string; attachmentIds?: string[] }>
      title="记录行政处罚" confirm="确认记录"
      onClose={onClose}
      onSubmit={async (v) => { await api('POST', `/api/hazards/${hazard.id}/actions`, { action: 'penalty', ...withFiles(v) }); onDone(); }}
    >
      <Form.Item name="docNo" label="处罚决定书文号" rules={[{ required: true, min: 4, message: '请填写处罚决定书文号（至少 4 个字符）' }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="fineYuan" label="罚没金额（元）" rules={[{ required: true, message: '请填写罚没金额' }]}>
        <InputNumber min={0.01} max={1e10} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="note" label="处罚事由" rules={[{ required: true, min: 4, message: '请填写处罚事由（至少 4 个字）' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="attachmentIds" label="处罚决定书等材料（可不传）"><FilesField /></Form.Item>
    </FormDialog>
  );
}

/** Where a hazard came from; its tip by tracking code, only when the user may see that tip (the server decides). */
function SourceText({ hazard: h, go }: { hazard: Pick<LedgerRow, 'source' | 'sourceTip' | 'sourceNote'>; go: Go }) {
  const label = HAZARD_SOURCES[h.source];
  if (h.sourceTip) {
    const tip = h.sourceTip;
    return <>{label} <a href={`/console/tips/${tip.id}`} onClick={(e) => { e.preventDefault(); go(`/console/tips/${tip.id}`); }}>{tip.trackingCode}</a></>;
  }
  return h.sourceNote ? <Tooltip title={h.sourceNote}>{label}</Tooltip> : <>{label}</>;
}

const GRADE_OPTIONS = [...options(Object.fromEntries(Object.entries(RISK_GRADES).map(([k, v]) => [k, `${v}色`]))), { value: 'none', label: '未评级' }];
const LEDGER_FILTER = ['status', 'overdue', 'kind', 'grade', 'source', 'region', 'round', 'foundFrom', 'foundTo', 'verifiedFrom', 'verifiedTo', 'unitId'] as const;

function Ledger({ me, go, search }: { me: Me; go: Go; search: string }) {
  const { message } = AntApp.useApp();
  const { filter, query: q, set } = useUrlFilter(go, '/console/subjects?tab=ledger', search, LEDGER_FILTER);
  const list = usePaged(`/api/hazards${q ? `?${q}` : ''}`);
  const [recording, setRecording] = useState(false);
  return (
    <>
      {list.error && <Alert type="error" message={list.error} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select placeholder="整改状态" allowClear options={options(HAZARD_STATUSES)} value={filter.status} onChange={(status) => set({ status })} style={{ width: 160 }} aria-label="整改状态" />
        <Select placeholder="行业领域" allowClear options={options(SUBJECT_KINDS)} value={filter.kind} onChange={(kind) => set({ kind })} style={{ width: 200 }} aria-label="行业领域" />
        <Select placeholder="主体风险等级" allowClear options={GRADE_OPTIONS} value={filter.grade} onChange={(grade) => set({ grade })} style={{ width: 140 }} aria-label="主体风险等级" />
        <Select placeholder="隐患来源" allowClear options={options(HAZARD_SOURCES)} value={filter.source} onChange={(source) => set({ source })} style={{ width: 150 }} aria-label="隐患来源" />
        <RegionPicker value={filter.region} onChange={(region) => set({ region })} style={{ width: 240 }} aria-label="地区" />
        <RoundFilter value={filter.round} onChange={(round) => set({ round })} />
        <Checkbox checked={filter.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>只看已超期</Checkbox>
        {(filter.foundFrom || filter.foundTo) && <LinkedFilter label="发现日期" from={filter.foundFrom} to={filter.foundTo} onClear={() => set({ foundFrom: undefined, foundTo: undefined })} />}
        {(filter.verifiedFrom || filter.verifiedTo) && <LinkedFilter label="销号日期" from={filter.verifiedFrom} to={filter.verifiedTo} onClear={() => set({ verifiedFrom: undefined, verifiedTo: undefined })} />}
        {/* A by-unit figure's link: the registering unit, no field of its own (the rows all carry its name). */}
        {filter.unitId && <LinkedFilter label={`登记单位：${(list.items as LedgerRow[])[0]?.unitName ?? `编号 ${filter.unitId}`}`} onClear={() => set({ unitId: undefined })} />}
        <Button href={`/api/hazards/export${q ? `?${q}` : ''}`} download>导出 Excel</Button>
        {has(me, SCREENER_ROLES) && <Button type="primary" onClick={() => setRecording(true)}>登记隐患</Button>}
      </Space>
      {recording && <HazardDialog onClose={() => setRecording(false)} onDone={(id) => { setRecording(false); message.success('隐患已登记'); go(`/console/subjects/${id}`); }} />}
      <Table<LedgerRow> rowKey="id" size="small" dataSource={list.items} loading={list.loading} pagination={list.pagination} columns={[
        { title: '主体', dataIndex: 'subjectName', render: (n: string, h) => <a href={`/console/subjects/${h.subjectId}`} onClick={(e) => { e.preventDefault(); go(`/console/subjects/${h.subjectId}`); }}>{n}</a> },
        { title: '行业', dataIndex: 'kind', render: (k: keyof typeof SUBJECT_KINDS) => SUBJECT_KINDS[k] },
        { title: '风险等级', dataIndex: 'grade', render: (g: RiskGrade | null) => <GradeTag grade={g} /> },
        { title: '来源', dataIndex: 'source', render: (_: string, h) => <SourceText hazard={h} go={go} /> },
        { title: '隐患', dataIndex: 'description', render: (t: string, h) => <>{h.serious && <Tag color={COLORS.red}>重大</Tag>}{t}</> },
        { title: '类别', dataIndex: 'category', render: (c: keyof typeof HAZARD_CATEGORIES) => HAZARD_CATEGORIES[c] },
        { title: '措施', dataIndex: 'measure', render: (m: keyof typeof HAZARD_MEASURES) => HAZARD_MEASURES[m] },
        { title: '责任人', dataIndex: 'responsible' },
        { title: '整改期限', dataIndex: 'deadline', render: (x: string, h) => <>{day(x)}{h.overdue && <Tag color={COLORS.red} style={{ marginLeft: 4 }}>已超期</Tag>}</> },
        { title: '状态', dataIndex: 'status', render: (s: keyof typeof HAZARD_STATUSES) => <Tag color={HAZARD_COLORS[s]}>{HAZARD_STATUSES[s]}</Tag> },
        { title: '罚没金额', dataIndex: 'fineYuan', align: 'right', render: yuanAmount },
        { title: '登记单位', dataIndex: 'unitName' },
      ]} />
    </>
  );
}

/** The documents units issued to this subject (三书一函, penalties, transfers to the police), newest first, paged. */
function SubjectEnforcement({ subjectId }: { subjectId: number }) {
  const list = usePaged(`/api/enforcement?subjectId=${subjectId}` as '/api/enforcement', 20);
  return (
    <Table<ItemsOf<ResponseOf<'GET', '/api/enforcement'>>> rowKey="id" size="small" dataSource={list.items} loading={list.loading} pagination={list.pagination}
      locale={{ emptyText: '暂无执法文书' }} columns={[
        { title: '签发日期', dataIndex: 'issuedOn', render: day },
        { title: '文书', dataIndex: 'kind', render: (k: keyof typeof ENFORCEMENT_KINDS) => ENFORCEMENT_KINDS[k] },
        { title: '文书编号', dataIndex: 'docNo' },
        { title: '主要内容', dataIndex: 'summary' },
        { title: '罚没金额（元）', dataIndex: 'fineFen', render: (f: number | null) => (f === null ? '—' : yuan(f)) },
        { title: '签发单位', dataIndex: 'unit', render: (u: { name: string }) => u.name },
      ]} />
  );
}

/** The ledger's 排查批次 filter: hazards found by the inspections of one round (the latest 200 rounds the user sees). */
function RoundFilter({ value, onChange }: { value?: string; onChange: (round: string | undefined) => void }) {
  const [rounds, setRounds] = useState<ScreeningRoundItem[]>([]);
  useEffect(() => void api('GET', '/api/screening/rounds?pageSize=200').then((r) => setRounds(r.items), () => undefined), []);
  return (
    <Select placeholder="排查批次" allowClear value={value ? Number(value) : undefined} onChange={(v?: number) => onChange(v ? String(v) : undefined)} style={{ width: 260 }} aria-label="排查批次"
      options={rounds.map((r) => ({ value: r.id, label: r.title }))} />
  );
}
