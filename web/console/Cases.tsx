import { useEffect, useState } from 'react';
import {
  Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Select, Space, Statistic, Steps, Switch, Table, Tabs, Tag, Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api/client.ts';
import {
  CASE_FIGURE_KINDS, CASE_ORIGINS, CASE_STAGE_CODES, CASE_STAGES, CASE_WORKER_ROLES, FRAUD_TYPES, SUBJECT_KINDS, type CaseFigureKind, type CaseStage,
} from '../../shared/domain.ts';
import type { Go, Me } from './App.tsx';
import type { CaseDetail as Detail, CaseListItem, CaseSummary, FigureEntry, ResponseOf } from '../api/routes.ts';
import { COLORS, STATUS_COLORS, TIP_STATUSES, fmt } from './labels.ts';
import { FormDialog, LinkedFilter, rangeValue, usePaged, chinaDay, day } from './ui.tsx';
import { toFen, yuan, yuanRule } from './money.ts';
import { Enforcement } from './Enforcement.tsx';
import { TypicalCaseList, WriteTypicalDialog } from './TypicalCases.tsx';
import { RegionPicker } from './RegionPicker.tsx';
import { TipPicker } from './TipPicker.tsx';
import { RemoteSelect } from './RemoteSelect.tsx';
import { fetchAllPages, useUrlFilter } from './hooks.ts';

/**
 * 案件: criminal cases — the list with this year's figures, one case's file (stages, figures with
 * their history, linked tips and subjects) and the entry forms of the part the user plays on it
 * (police, procuratorate, court; the server decides and checks again).
 */

type TransferItem = ResponseOf<'GET', '/api/enforcement/transfers'>['items'][number];

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const AMOUNT_KINDS: readonly string[] = ['amount_involved', 'amount_frozen', 'amount_recovered'];
const STAGE_COLORS: Record<CaseStage, string> = { filed: COLORS.blue, solved: COLORS.teal, transferred: COLORS.indigo, prosecuted: COLORS.purple, tried: COLORS.green };

const showValue = (kind: string, value: number) => (AMOUNT_KINDS.includes(kind) ? `${yuan(value)} 元` : `${value} 人`);
const link = (go: Go, to: string, text: string) => <a href={to} onClick={(e) => { e.preventDefault(); go(to); }}>{text}</a>;

export default function Cases({ me, go, id, search = '' }: { me: Me; go: Go; id?: number; search?: string }) {
  if (id) return <CaseFile me={me} go={go} id={id} />;
  // The tab and its list's filter are in the address (?tab=enforcement&kind=…), so a figure's link opens them.
  const tab = new URLSearchParams(search).get('tab') ?? 'cases';
  const own = (k: string) => (tab === k ? search : '');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>案件</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => go(k === 'cases' ? '/console/cases' : `/console/cases?tab=${k}`)} items={[
        { key: 'cases', label: '刑事案件', children: <Space direction="vertical" style={{ width: '100%' }}><Summary />{me.unitKind === 'police' && <PoliceQueue me={me} go={go} />}<CaseList me={me} go={go} search={own('cases')} /></Space> },
        { key: 'enforcement', label: '行政执法', children: <Enforcement me={me} go={go} search={own('enforcement')} /> },
        { key: 'typical', label: '典型案例', children: <TypicalCaseList me={me} go={go} /> },
      ]} />
    </Space>
  );
}

function Summary() {
  const [s, setS] = useState<CaseSummary | null>(null);
  useEffect(() => void api('GET', '/api/cases/summary').then(setS, () => undefined), []);
  if (!s) return null;
  const c = s.counts;
  const r = s.recoveryRate;
  return (
    <Card size="small" title={`本年度打击数字（${s.from} 至 ${s.to}）`}>
      <Space size="large" wrap>
        <Statistic title="立案" value={c.cases_filed} suffix="起" />
        <Statistic title="破案" value={c.cases_solved} suffix="起" />
        <Statistic title="抓获" value={c.suspects_arrested} suffix="人" />
        <Statistic title="逮捕" value={c.suspects_detained_formally} suffix="人" />
        <Statistic title="起诉" value={`${c.prosecuted_cases} 件 / ${c.prosecuted_persons} 人`} />
        <Statistic title="审判" value={c.trial_cases} suffix="件" />
        <Statistic title="涉案金额" value={yuan(s.amounts.involvedFen)} suffix="元" />
        <Statistic title="追赃挽损" value={yuan(s.amounts.recoveredFen)} suffix="元" />
        <Statistic title="挽损率" value={r.pct === null ? '—' : `${r.pct}%`} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        挽损率 = 追赃挽损 {yuan(r.recoveredFen)} 元 ÷ 涉案金额 {yuan(r.involvedFen)} 元（均为统计期内录入且未被更正的数字）
      </Typography.Paragraph>
    </Card>
  );
}

const mayFile = (me: Me) => me.unitKind === 'police' && me.roles.some((r) => (CASE_WORKER_ROLES as readonly string[]).includes(r));

/** Units that work cases (police, procuratorates, courts) to filter the list by: from the office's dispatch list, or the user's own unit. */
const CASE_UNIT_KINDS: readonly string[] = ['police', 'procuratorate', 'court'];
const OFFICE_READERS: readonly string[] = ['intake', 'office_lead', 'supervisor'];

function UnitFilter({ me, value, onChange }: { me: Me; value?: string; onChange: (v: string | undefined) => void }) {
  const [units, setUnits] = useState<{ value: string; label: string }[]>([{ value: String(me.unitId), label: `本单位（${me.unitName}）` }]);
  useEffect(() => {
    if (!me.roles.some((r) => OFFICE_READERS.includes(r))) return;
    void fetchAllPages('/api/units?limit=1000').then(
      (r) => setUnits(r.items.filter((u) => CASE_UNIT_KINDS.includes(u.kind)).map((u) => ({ value: String(u.id), label: `${u.name}（${u.regionName}）` }))),
      () => undefined,
    );
  }, [me.unitId]);
  return <Select placeholder="承办单位" allowClear showSearch optionFilterProp="label" options={units} value={value} onChange={onChange} style={{ width: 240 }} aria-label="承办单位" />;
}

const CASE_FILTER = ['q', 'stage', 'fraudType', 'origin', 'regionCode', 'unitId', 'from', 'to', 'reached', 'reachedFrom', 'reachedTo', 'figureKind', 'figureFrom', 'figureTo'] as const;

function CaseList({ me, go, search }: { me: Me; go: Go; search: string }) {
  const { filter, query, set } = useUrlFilter(go, '/console/cases', search, CASE_FILTER);
  const list = usePaged(`/api/cases${query ? `?${query}` : ''}`, 20);
  const [filing, setFiling] = useState(false);
  const to = (k: (typeof CASE_FILTER)[number]) => (v: string | undefined) => set({ [k]: v || undefined });
  return (
    <>
      {list.error && <Alert type="error" message={list.error} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search key={filter.q} defaultValue={filter.q} placeholder="案件编号或名称" allowClear onSearch={to('q')} style={{ width: 220 }} aria-label="搜索案件" />
        <Select placeholder="阶段" allowClear options={options(CASE_STAGES)} value={filter.stage} onChange={to('stage')} style={{ width: 120 }} aria-label="阶段" />
        <Select placeholder="诈骗类型" allowClear options={options(FRAUD_TYPES)} value={filter.fraudType} onChange={to('fraudType')} style={{ width: 220 }} aria-label="诈骗类型" />
        <Select placeholder="现案/积案" allowClear options={options(CASE_ORIGINS)} value={filter.origin} onChange={to('origin')} style={{ width: 120 }} aria-label="现案/积案" />
        <RegionPicker value={filter.regionCode} onChange={to('regionCode')} style={{ width: 200 }} aria-label="案发地区" />
        <UnitFilter me={me} value={filter.unitId} onChange={to('unitId')} />
        <DatePicker.RangePicker aria-label="立案日期" placeholder={['立案日期自', '至']} value={rangeValue(filter.from, filter.to)}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} />
        {filter.reached && <LinkedFilter label={`${CASE_STAGES[filter.reached as CaseStage] ?? filter.reached}日期`} from={filter.reachedFrom} to={filter.reachedTo}
          onClear={() => set({ reached: undefined, reachedFrom: undefined, reachedTo: undefined })} />}
        {filter.figureKind && <LinkedFilter label={`录有${CASE_FIGURE_KINDS[filter.figureKind as CaseFigureKind] ?? filter.figureKind}`} from={filter.figureFrom} to={filter.figureTo}
          onClear={() => set({ figureKind: undefined, figureFrom: undefined, figureTo: undefined })} />}
        <Button href={`/api/cases/export${query ? `?${query}` : ''}`} download>导出 Excel</Button>
        {mayFile(me) && <Button type="primary" onClick={() => setFiling(true)}>立案</Button>}
      </Space>
      <Table<CaseListItem> rowKey="id" dataSource={list.items} loading={list.loading} pagination={list.pagination} columns={[
        { title: '案件编号', dataIndex: 'caseNo', render: (n: string, c) => link(go, `/console/cases/${c.id}`, n) },
        { title: '案件名称', dataIndex: 'title' },
        { title: '阶段', dataIndex: 'stage', render: (s: CaseStage) => <Tag color={STAGE_COLORS[s]}>{CASE_STAGES[s]}</Tag> },
        { title: '现案/积案', dataIndex: 'origin', render: (o: keyof typeof CASE_ORIGINS, c) => <>{CASE_ORIGINS[o]}{c.gang && <Tag style={{ marginLeft: 4 }}>团伙 {c.gangSize} 人</Tag>}</> },
        { title: '地区', dataIndex: 'regionName' },
        { title: '主办单位', dataIndex: 'leadUnit', render: (u: CaseListItem['leadUnit']) => u.name },
        { title: '立案日期', dataIndex: 'filedOn', render: day },
        { title: '抓获', dataIndex: 'arrested' },
        { title: '涉案金额（元）', dataIndex: 'amountInvolvedFen', render: yuan },
        { title: '追赃挽损（元）', dataIndex: 'amountRecoveredFen', render: yuan },
      ]} />
      {filing && <FileCaseDialog me={me} onClose={() => setFiling(false)} onDone={(id) => go(`/console/cases/${id}`)} />}
    </>
  );
}

/**
 * 行刑衔接: matters other units transferred to this police unit (a hazard's 移送公安), waiting for a
 * case; "由此立案" files one that names the subject, which takes it off the queue.
 */
function PoliceQueue({ me, go }: { me: Me; go: Go }) {
  const list = usePaged('/api/enforcement/transfers?pending=true', 10);
  const [filing, setFiling] = useState<FilePreset | null>(null);
  if (!list.loading && !list.items.length) return null;
  return (
    <Card size="small" title={`移送本单位待立案的事项（${list.total ?? 0} 件）`} data-testid="police-queue">
      <Table<TransferItem> rowKey="id" size="small" dataSource={list.items} loading={list.loading} pagination={list.pagination} columns={[
        { title: '移送日期', dataIndex: 'issuedOn', render: day },
        { title: '移送单位', dataIndex: 'unit', render: (u: TransferItem['unit']) => u.name },
        { title: '文书编号', dataIndex: 'docNo' },
        { title: '主体', dataIndex: 'subject', render: (x: TransferItem['subject']) => link(go, `/console/subjects/${x.id}`, x.name) },
        { title: '隐患/事由', render: (_, x) => x.hazard ?? x.summary },
        {
          title: '操作',
          render: (_, x) => mayFile(me) && (
            <Button size="small" type="primary" onClick={() => setFiling({ subjectIds: [x.subject.id], regionCode: x.subject.regionCode, title: `${x.subject.name}涉嫌诈骗案`, subjectName: x.subject.name })}>由此立案</Button>
          ),
        },
      ]} />
      {filing && <FileCaseDialog me={me} preset={filing} onClose={() => setFiling(null)} onDone={(id) => go(`/console/cases/${id}`)} />}
    </Card>
  );
}

interface FileForm {
  caseNo: string; title: string; fraudTypes?: string[]; regionCode: string; origin: string; gang?: boolean; gangSize?: number; filedOn: Dayjs;
  trackingCodes?: string[]; summary?: string;
}

/** What a case filed from the police's queue starts with: the subject transferred, its region, a title. */
interface FilePreset { subjectIds: number[]; regionCode?: string; title?: string; subjectName?: string }

function FileCaseDialog({ me, preset, onClose, onDone }: { me: Me; preset?: FilePreset; onClose: () => void; onDone: (id: number) => void }) {
  const [regions, setRegions] = useState<{ value: string; label: string }[]>([]);
  const [gang, setGang] = useState(false);
  useEffect(() => {
    Promise.all([
      api('GET', `/api/public/regions?parent=${me.unitRegionCode.slice(0, -2) || ''}`).catch(() => []),
      api('GET', `/api/public/regions?parent=${me.unitRegionCode}`),
    ]).then(([siblings, children]) => {
      const own = siblings.find((r) => r.code === me.unitRegionCode);
      setRegions([...(own ? [own] : []), ...children].map((r) => ({ value: r.code, label: r.name })));
    }, () => undefined);
  }, [me.unitRegionCode]);
  return (
    <FormDialog<FileForm> title="立案" confirm="确认立案" width={720}
      initialValues={{ regionCode: preset?.regionCode ?? me.unitRegionCode, origin: 'new', filedOn: chinaDay(), trackingCodes: [], title: preset?.title }}
      onClose={onClose} onSubmit={async (v) => {
        const body = {
          caseNo: v.caseNo, title: v.title, fraudTypes: v.fraudTypes ?? [], regionCode: v.regionCode, origin: v.origin, gang: !!v.gang,
          ...(v.gang ? { gangSize: v.gangSize } : {}), filedOn: v.filedOn.format('YYYY-MM-DD'), trackingCodes: v.trackingCodes ?? [], subjectIds: preset?.subjectIds ?? [], ...(v.summary ? { summary: v.summary } : {}),
        };
        onDone((await api('POST', '/api/cases', body)).id);
      }}>
      {preset?.subjectName && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`立案后关联移送的主体：${preset.subjectName}`} />}
      <Space wrap>
        <Form.Item name="caseNo" label="案件编号" rules={[{ required: true, min: 4, message: '请填写案件编号' }]}><Input maxLength={60} style={{ width: 260 }} /></Form.Item>
        <Form.Item name="filedOn" label="立案日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(x) => x.isAfter(chinaDay(), 'day') || x.isBefore(chinaDay().subtract(10, 'year'), 'day')} />
        </Form.Item>
      </Space>
      <Form.Item name="title" label="案件名称" rules={[{ required: true, min: 2, message: '请填写案件名称' }]}><Input maxLength={200} /></Form.Item>
      <Space wrap>
        <Form.Item name="regionCode" label="案发地区" rules={[{ required: true, message: '请选择地区' }]}><Select showSearch optionFilterProp="label" options={regions} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="origin" label="现案/积案"><Select options={options(CASE_ORIGINS)} style={{ width: 120 }} /></Form.Item>
        <Form.Item name="gang" label="团伙案件" valuePropName="checked"><Switch onChange={setGang} /></Form.Item>
        {gang && <Form.Item name="gangSize" label="团伙人数" rules={[{ required: true, message: '请填写团伙人数' }]}><InputNumber min={2} max={100000} /></Form.Item>}
      </Space>
      <Form.Item name="fraudTypes" label="诈骗类型"><Select mode="multiple" options={options(FRAUD_TYPES)} /></Form.Item>
      <Form.Item name="trackingCodes" label="来源线索（查询码，可多个）"><Select mode="tags" tokenSeparators={[',', ' ', '，']} open={false} /></Form.Item>
      <Form.Item name="summary" label="简要案情（可不填）"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
    </FormDialog>
  );
}

function CaseFile({ me, go, id }: { me: Me; go: Go; id: number }) {
  const { message } = AntApp.useApp();
  const [d, setD] = useState<Detail | null>(null);
  const [error, setError] = useState('');
  const [dialog, setDialog] = useState<'stage' | 'figure' | 'link' | 'typical' | FigureEntry | null>(null);
  const load = () => api('GET', `/api/cases/${id}`).then(setD, (e) => setError(e.message));
  useEffect(() => void load(), [id]);
  if (error) return <Alert type="error" showIcon message={error} action={<Button onClick={() => go('/console/cases')}>返回案件列表</Button>} />;
  if (!d) return null;
  const done = (text: string) => () => { setDialog(null); message.success(text); void load(); };
  const stageAt = new Map(d.stages.map((s) => [s.stage, s]));
  const next = d.can.stages[0];
  const t = d.totals;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Button onClick={() => go('/console/cases')}>← 案件列表</Button>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{d.title}</Typography.Title>
        <Tag color={STAGE_COLORS[d.stage]}>{CASE_STAGES[d.stage]}</Tag>
        {me.unitKind === 'campaign_office' && me.roles.some((r) => r === 'intake' || r === 'office_lead') && <Button onClick={() => setDialog('typical')}>撰写典型案例</Button>}
      </Space>
      <Descriptions bordered size="small" column={2} items={[
        { key: 'no', label: '案件编号', children: d.caseNo },
        { key: 'r', label: '案发地区', children: d.regionName },
        { key: 'o', label: '现案/积案', children: <>{CASE_ORIGINS[d.origin]}{d.gang && `，团伙案件（${d.gangSize} 人）`}</> },
        { key: 'f', label: '诈骗类型', children: d.fraudTypes.map((f) => FRAUD_TYPES[f]).join('、') || '—' },
        { key: 'l', label: '立案单位', children: d.leadUnit.name },
        { key: 'p', label: '检察院', children: d.procuratorateUnit?.name ?? '—' },
        { key: 'c', label: '法院', children: d.courtUnit?.name ?? '—' },
        { key: 's', label: '简要案情', children: d.summary ?? '—' },
      ]} />
      <Card title="办案阶段" extra={next && <Button type="primary" onClick={() => setDialog('stage')}>录入{CASE_STAGES[next]}</Button>}>
        <Steps current={CASE_STAGE_CODES.indexOf(d.stage) + 1} items={CASE_STAGE_CODES.map((s) => {
          const at = stageAt.get(s);
          return { title: CASE_STAGES[s], description: at ? <>{at.onDate}<br />{at.unit.name}{at.note && <><br />{at.note}</>}</> : '未到此阶段' };
        })} />
      </Card>
      <Card title="案件数字" extra={d.can.figureKinds.length > 0 && <Button type="primary" onClick={() => setDialog('figure')}>录入数字</Button>}>
        <Space size="large" wrap data-testid="case-totals">
          <Statistic title="抓获" value={t.arrested} suffix="人" />
          <Statistic title="逮捕" value={t.detained} suffix="人" />
          <Statistic title="起诉人数" value={t.prosecuted_persons} suffix="人" />
          <Statistic title="判处人数" value={t.sentenced_persons} suffix="人" />
          <Statistic title="受害人" value={t.victims} suffix="人" />
          <Statistic title="涉案金额" value={yuan(t.amount_involved)} suffix="元" />
          <Statistic title="冻结金额" value={yuan(t.amount_frozen)} suffix="元" />
          <Statistic title="追赃挽损" value={yuan(t.amount_recovered)} suffix="元" />
          <Statistic title="挽损率" value={t.amount_involved ? `${Math.round((t.amount_recovered * 10000) / t.amount_involved) / 100}%` : '—'} />
        </Space>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>录入记录（只增不改；更正另起一条并说明理由）</Typography.Title>
        <Table<FigureEntry> rowKey="id" size="small" dataSource={d.entries} pagination={false} columns={[
          { title: '日期', dataIndex: 'onDate', render: day },
          { title: '项目', dataIndex: 'kind', render: (k: CaseFigureKind) => CASE_FIGURE_KINDS[k] },
          { title: '数字', dataIndex: 'value', render: (v: number, e) => <span style={e.correctedById ? { textDecoration: 'line-through' } : undefined}>{showValue(e.kind, v)}</span> },
          { title: '状态', render: (_, e) => (e.correctedById ? <Tag color={COLORS.grey}>已更正</Tag> : e.correctsId ? <Tag color={COLORS.amber}>更正</Tag> : <Tag color={COLORS.green}>有效</Tag>) },
          { title: '理由/备注', render: (_, e) => e.reason ?? e.note ?? '—' },
          { title: '录入单位', dataIndex: 'unit', render: (u: FigureEntry['unit']) => u.name },
          { title: '录入人', dataIndex: 'recordedBy' },
          { title: '操作', render: (_, e) => !e.correctedById && e.unit.id === me.unitId && d.can.figureKinds.includes(e.kind) && <Button size="small" onClick={() => setDialog(e)}>更正</Button> },
        ]} />
      </Card>
      <Card title="关联线索与主体" extra={d.can.link && <Button onClick={() => setDialog('link')}>关联线索或主体</Button>}>
        <List size="small" header="线索" dataSource={d.tips} locale={{ emptyText: '暂无您可查看的关联线索' }} renderItem={(x) => (
          <List.Item><Space>{link(go, `/console/tips/${x.id}`, x.trackingCode)}<Tag color={STATUS_COLORS[x.status]}>{TIP_STATUSES[x.status]}</Tag>{fmt(x.receivedAt)}</Space></List.Item>
        )} />
        <List size="small" header="主体" dataSource={d.subjects} locale={{ emptyText: '暂无关联主体' }} renderItem={(s) => (
          <List.Item><Space>{link(go, `/console/subjects/${s.id}`, s.name)}{SUBJECT_KINDS[s.kind]}</Space></List.Item>
        )} />
      </Card>
      {dialog === 'stage' && next && <StageDialog detail={d} stage={next} onClose={() => setDialog(null)} onDone={done(`已录入${CASE_STAGES[next]}`)} />}
      {dialog === 'figure' && <FigureDialog detail={d} onClose={() => setDialog(null)} onDone={done('已录入')} />}
      {dialog === 'typical' && (
        <WriteTypicalDialog caseId={d.id} fraudType={d.fraudTypes[0]} onClose={() => setDialog(null)}
          onDone={(masked) => { setDialog(null); message.success(`已提交审核（已隐去 ${masked} 处个人信息）`); }} />
      )}
      {dialog === 'link' && <LinkDialog caseId={d.id} onClose={() => setDialog(null)} onDone={done('已关联')} />}
      {dialog && typeof dialog === 'object' && <CorrectionDialog caseId={d.id} entry={dialog} onClose={() => setDialog(null)} onDone={done('已更正')} />}
    </Space>
  );
}

const pastDay = (x: Dayjs) => x.isAfter(chinaDay(), 'day') || x.isBefore(chinaDay().subtract(10, 'year'), 'day');

function StageDialog({ detail, stage, onClose, onDone }: { detail: Detail; stage: CaseStage; onClose: () => void; onDone: () => void }) {
  const kind = stage === 'transferred' ? 'procuratorate' : stage === 'prosecuted' ? 'court' : null;
  const [units, setUnits] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    if (kind) void api('GET', `/api/cases/${detail.id}/receivers?kind=${kind}`).then((r) => setUnits(r.items.map((u) => ({ value: u.id, label: u.name }))), () => undefined);
  }, [detail.id, kind]);
  const label = CASE_STAGES[stage];
  return (
    <FormDialog<Record<string, unknown> & { date: Dayjs }> title={`录入${label}`} confirm={`确认${label}`} initialValues={{ date: chinaDay() }} onClose={onClose}
      onSubmit={async (v) => {
        const body = Object.fromEntries(Object.entries({ ...v, stage, date: v.date.format('YYYY-MM-DD') }).filter(([, x]) => x !== undefined && x !== ''));
        await api('POST', `/api/cases/${detail.id}/stages`, body);
        onDone();
      }}>
      <Form.Item name="date" label={`${label}日期`} rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={pastDay} /></Form.Item>
      {stage === 'transferred' && <Form.Item name="procuratorateUnitId" label="移送检察院" rules={[{ required: true, message: '请选择检察院' }]}><Select options={units} /></Form.Item>}
      {stage === 'prosecuted' && (
        <>
          <Form.Item name="courtUnitId" label="起诉至法院" rules={[{ required: true, message: '请选择法院' }]}><Select options={units} /></Form.Item>
          <Form.Item name="personsProsecuted" label="起诉人数" rules={[{ required: true, message: '请填写起诉人数' }]}><InputNumber min={1} max={100000} /></Form.Item>
        </>
      )}
      {stage === 'tried' ? (
        <>
          <Form.Item name="judgment" label="判决结果" rules={[{ required: true, min: 4, message: '请填写判决结果（至少 4 个字）' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="personsSentenced" label="判处人数" rules={[{ required: true, message: '请填写判处人数' }]}><InputNumber min={0} max={100000} /></Form.Item>
        </>
      ) : <Form.Item name="note" label="说明（可不填）"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>}
    </FormDialog>
  );
}

/** An amount in yuan (up to two decimals) or a number of persons, as the kind needs. */
function ValueField({ kind, name = 'value' }: { kind?: string; name?: string }) {
  return AMOUNT_KINDS.includes(kind ?? '') ? (
    <Form.Item name={name} label="金额（元）" rules={[{ required: true, message: '请填写金额' }, yuanRule]}>
      <Input inputMode="decimal" style={{ width: 220 }} />
    </Form.Item>
  ) : (
    <Form.Item name={name} label="人数" rules={[{ required: true, message: '请填写人数' }]}><InputNumber min={0} max={100000} /></Form.Item>
  );
}
const valueOf = (kind: string, v: unknown) => (AMOUNT_KINDS.includes(kind) ? toFen(String(v)) : v);

function FigureDialog({ detail, onClose, onDone }: { detail: Detail; onClose: () => void; onDone: () => void }) {
  const [kind, setKind] = useState<string>(detail.can.figureKinds[0]);
  return (
    <FormDialog<{ kind: string; value: unknown; onDate: Dayjs; note?: string; reason?: string }> title="录入数字" confirm="确认录入" initialValues={{ kind, onDate: chinaDay() }} onClose={onClose}
      onSubmit={async (v) => {
        await api('POST', `/api/cases/${detail.id}/figures`, {
          kind: v.kind, value: valueOf(v.kind, v.value), onDate: v.onDate.format('YYYY-MM-DD'), ...(v.note ? { note: v.note } : {}), ...(v.reason ? { reason: v.reason } : {}),
        });
        onDone();
      }}>
      <Space wrap>
        <Form.Item name="kind" label="项目"><Select options={detail.can.figureKinds.map((k) => ({ value: k, label: CASE_FIGURE_KINDS[k] }))} onChange={setKind} style={{ width: 160 }} /></Form.Item>
        <Form.Item name="onDate" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={pastDay} /></Form.Item>
      </Space>
      <ValueField kind={kind} />
      <Form.Item name="note" label="备注（可不填）"><Input maxLength={2000} /></Form.Item>
      {kind === 'amount_recovered' && <Form.Item name="reason" label="理由（追赃挽损超过涉案金额时必填）"><Input maxLength={500} /></Form.Item>}
    </FormDialog>
  );
}

function CorrectionDialog({ caseId, entry, onClose, onDone }: { caseId: number; entry: FigureEntry; onClose: () => void; onDone: () => void }) {
  return (
    <FormDialog<{ value: unknown; reason: string }> title={`更正${CASE_FIGURE_KINDS[entry.kind]}（原为 ${showValue(entry.kind, entry.value)}）`} confirm="确认更正" onClose={onClose}
      onSubmit={async (v) => {
        await api('POST', `/api/cases/${caseId}/figures/${entry.id}/corrections`, { value: valueOf(entry.kind, v.value), reason: v.reason });
        onDone();
      }}>
      <ValueField kind={entry.kind} />
      <Form.Item name="reason" label="更正理由（记入审计日志）" rules={[{ required: true, min: 4, message: '请说明更正理由（至少 4 个字）' }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
    </FormDialog>
  );
}

/** A subject in the user's jurisdiction, found by name or credit code (the link names its id). */
function SubjectPicker(props: { value?: string; onChange?: (v: string | undefined) => void; id?: string; 'aria-label'?: string }) {
  const option = (x: { id: number; name: string; kind: keyof typeof SUBJECT_KINDS; regionName?: string }) => ({ value: String(x.id), label: `${x.name}（${SUBJECT_KINDS[x.kind]}）` });
  return (
    <RemoteSelect
      {...props}
      search={async (text) => (text ? (await api('GET', `/api/subjects?pageSize=10&q=${encodeURIComponent(text)}`)).items.map(option) : [])}
      resolve={async (id) => option(await api('GET', `/api/subjects/${encodeURIComponent(id)}`))}
      placeholder="输入主体名称或统一社会信用代码"
      hint="输入名称查找本辖区登记的主体"
      notFound="没有找到：请换个名称，或先在“主体排查”中登记"
    />
  );
}

/** Links a tip (by tracking code or words, among those the user may see) and/or a subject (by name). */
function LinkDialog({ caseId, onClose, onDone }: { caseId: number; onClose: () => void; onDone: () => void }) {
  return (
    <FormDialog<{ trackingCode?: string; subjectId?: string }> title="关联线索或主体" confirm="确认关联" onClose={onClose} onSubmit={async (v) => {
      await api('POST', `/api/cases/${caseId}/links`, { trackingCodes: v.trackingCode ? [v.trackingCode] : [], subjectIds: v.subjectId ? [Number(v.subjectId)] : [] });
      onDone();
    }}>
      <Form.Item name="trackingCode" label="线索（输入查询码或词语查找）"><TipPicker /></Form.Item>
      <Form.Item name="subjectId" label="主体（输入名称查找）"><SubjectPicker /></Form.Item>
    </FormDialog>
  );
}
