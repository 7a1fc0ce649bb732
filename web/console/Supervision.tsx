import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api/client.ts';
import type { GamingFlags, SupervisionFinding, SupervisionRound, SupervisionRoundItem, SupervisionSampleItem } from '../api/routes.ts';
import {
  CALLBACK_HANDLED, GAMING_RULES, SAMPLE_ITEM_STATUSES, SAMPLE_KINDS, SUPERVISION_METHODS, SUPERVISION_ROLES,
} from '../../shared/domain.ts';
import type { Go, Me } from './App.tsx';
import { COLORS } from './labels.ts';
import { FormDialog, LinkedFilter, rangeValue, usePaged, chinaDay, dayRange } from './ui.tsx';
import { useUrlFilter } from './hooks.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { FindingTable, SampleOutcome } from './SupervisionTasks.tsx';

/**
 * 督导检查: rounds of the user's office over units of its subtree, each with its targets, findings and
 * their follow-up, and samples of closed tips for 回访 and 二次核查; and the gaming flags (异常办理识别).
 */

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const runs = (me: Me) => me.unitKind === 'campaign_office' && me.roles.some((r) => (SUPERVISION_ROLES as readonly string[]).includes(r));
const link = (go: Go, to: string, text: string) => <a href={to} onClick={(e) => { e.preventDefault(); go(to); }}>{text}</a>;

export default function Supervision({ me, go, id, search = '' }: { me: Me; go: Go; id?: number; search?: string }) {
  if (id) return <RoundPage id={id} go={go} />;
  const tabs = [{ key: 'rounds', label: '督导检查', children: <Rounds me={me} go={go} search={search} /> }];
  if (runs(me)) tabs.push({ key: 'flags', label: '异常办理识别', children: <Flags go={go} /> });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>督导检查</Typography.Title>
      <Tabs items={tabs} />
    </>
  );
}

const ROUND_FILTER = ['regionCode', 'from', 'to', 'unitId'] as const;

function Rounds({ me, go, search }: { me: Me; go: Go; search: string }) {
  const { message } = AntApp.useApp();
  const { filter, query: q, set } = useUrlFilter(go, '/console/supervision', search, ROUND_FILTER);
  const [version, setVersion] = useState(0);
  const list = usePaged(`/api/supervision/rounds?${q}&v=${version}` as '/api/supervision/rounds', 20);
  const [figure, setFigure] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  useEffect(() => void api('GET', `/api/supervision/rounds?${q}&pageSize=1`).then((r) => setFigure(r.figures.supervision_rounds), () => undefined), [q, version]);
  return (
    <>
      {list.error && <Alert type="error" message={list.error} />}
      <Space wrap style={{ marginBottom: 16 }} align="end">
        <RegionPicker value={filter.regionCode} onChange={(regionCode) => set({ regionCode })} style={{ width: 200 }} aria-label="督导单位所在地区" />
        <DatePicker.RangePicker aria-label="开始日期" placeholder={['开始日期自', '至']} value={rangeValue(filter.from, filter.to)}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} />
        {/* A by-unit figure's link: no field for it, so a closable tag (the rounds all carry the unit's name). */}
        {filter.unitId && <LinkedFilter label={`督导单位：${list.items[0]?.supervisingUnit.name ?? `编号 ${filter.unitId}`}`} onClear={() => set({ unitId: undefined })} />}
        {figure !== null && <Statistic title="督导检查（本辖区，按开始日期）" value={figure} suffix="轮次" />}
        {runs(me) && <Button type="primary" onClick={() => setAdding(true)}>开展督导检查</Button>}
      </Space>
      <Table<SupervisionRoundItem> rowKey="id" size="small" dataSource={list.items} loading={list.loading} pagination={list.pagination} columns={[
        { title: '名称', dataIndex: 'title', render: (t: string, r) => link(go, `/console/supervision/${r.id}`, t) },
        { title: '方式', dataIndex: 'method', render: (m: keyof typeof SUPERVISION_METHODS) => SUPERVISION_METHODS[m] },
        { title: '督导单位', dataIndex: 'supervisingUnit', render: (u: { name: string }) => u.name },
        { title: '时间', render: (_: unknown, r) => dayRange(r.startDate, r.endDate) },
        { title: '被督导单位', dataIndex: 'targets', render: (ts: { name: string }[]) => ts.map((x) => x.name).join('、') },
        {
          title: '发现问题', dataIndex: 'findings', render: (f: SupervisionRoundItem['findings']) => (
            <Space size={4} wrap>
              <Tag>待整改 {f.open}</Tag><Tag>待核验 {f.submitted}</Tag><Tag color={COLORS.green}>已销号 {f.verified}</Tag>
              {f.overdue > 0 && <Tag color={COLORS.red}>超期 {f.overdue}</Tag>}
            </Space>
          ),
        },
      ]} />
      {adding && <RoundDialog onClose={() => setAdding(false)} onDone={(rid) => { setAdding(false); message.success('已开展督导检查'); setVersion((v) => v + 1); go(`/console/supervision/${rid}`); }} />}
    </>
  );
}

/** Options searched on the server as the user types. */
function useSearch(url: '/api/supervision/units' | '/api/supervision/staff') {
  const [opts, setOpts] = useState<{ value: number; label: string }[]>([]);
  const search = (q: string) => void api('GET', `${url}${q ? `?q=${encodeURIComponent(q)}` : ''}`).then((r) => setOpts((r as { items: { id: number; name: string; unit: string }[] }).items.map((u) => ({ value: u.id, label: `${u.name}（${u.unit}）` }))), () => undefined);
  useEffect(() => search(''), []);
  return { opts, search };
}

interface RoundForm { title: string; method: string; range: [Dayjs, Dayjs]; targetUnitIds: number[]; memberIds?: number[]; summary?: string; description?: string; fixRequired?: string; deadline?: Dayjs }

function RoundDialog({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const units = useSearch('/api/supervision/units');
  const staff = useSearch('/api/supervision/staff');
  return (
    <FormDialog<RoundForm> title="开展督导检查" confirm="确认" width={720} initialValues={{ method: 'on_site', range: [chinaDay(), chinaDay().add(7, 'day')] }} onClose={onClose} onSubmit={async (v) => {
      const finding = v.description ? [{ targetUnitId: v.targetUnitIds[0], description: v.description, fixRequired: v.fixRequired ?? '', deadline: v.deadline?.format('YYYY-MM-DD') ?? '' }] : [];
      const r = await api('POST', '/api/supervision/rounds', {
        title: v.title, method: v.method, startDate: v.range[0].format('YYYY-MM-DD'), endDate: v.range[1].format('YYYY-MM-DD'),
        targetUnitIds: v.targetUnitIds ?? [], memberIds: v.memberIds ?? [], summary: v.summary || undefined, findings: finding,
      });
      onDone(r.id);
    }}>
      <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写督导检查名称' }]}><Input maxLength={200} /></Form.Item>
      <Space wrap>
        <Form.Item name="method" label="方式"><Radio.Group options={options(SUPERVISION_METHODS)} /></Form.Item>
        <Form.Item name="range" label="时间" rules={[{ required: true, message: '请选择时间' }]}><DatePicker.RangePicker /></Form.Item>
      </Space>
      <Form.Item name="targetUnitIds" label="被督导单位" rules={[{ required: true, message: '请至少选择一个被督导单位' }]}>
        <Select mode="multiple" showSearch filterOption={false} onSearch={units.search} options={units.opts} aria-label="被督导单位" />
      </Form.Item>
      <Form.Item name="memberIds" label="督导组成员"><Select mode="multiple" showSearch filterOption={false} onSearch={staff.search} options={staff.opts} /></Form.Item>
      <Form.Item name="summary" label="督导内容"><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
      <Typography.Text type="secondary">可同时登记第一个被督导单位的发现问题（也可稍后在详情中登记）：</Typography.Text>
      <FindingFields optional />
    </FormDialog>
  );
}

function FindingFields({ optional }: { optional?: boolean }) {
  const req = (message: string) => (optional ? [] : [{ required: true, message }]);
  return (
    <>
      <Form.Item name="description" label="发现的问题" rules={req('请填写发现的问题')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      <Form.Item name="fixRequired" label="整改要求" rules={req('请填写整改要求')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      <Form.Item name="deadline" label="整改时限" rules={req('请选择整改时限')}>
        <DatePicker disabledDate={(d) => d.isBefore(chinaDay(), 'day')} />
      </Form.Item>
    </>
  );
}

function RoundPage({ id, go }: { id: number; go: Go }) {
  const { message } = AntApp.useApp();
  const [round, setRound] = useState<SupervisionRound | null>(null);
  const [error, setError] = useState('');
  const [dialog, setDialog] = useState<null | { kind: 'finding' } | { kind: 'sample' } | { kind: 'verify'; finding: SupervisionFinding } | { kind: 'callback' | 'judge'; item: SupervisionSampleItem }>(null);
  const load = () => void api('GET', `/api/supervision/rounds/${id}`).then(setRound, (e: Error) => setError(e.message));
  useEffect(load, [id]);
  if (error) return <Alert type="error" message={error} />;
  if (!round) return null;
  const done = (text: string) => { setDialog(null); message.success(text); load(); };
  const targets = round.targets.map((t) => ({ value: t.unit.id, label: t.unit.name }));
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{round.title}</Typography.Title>
      <Descriptions size="small" column={2} bordered items={[
        { label: '督导单位', children: round.supervisingUnit.name },
        { label: '方式', children: SUPERVISION_METHODS[round.method] },
        { label: '时间', children: `${round.startDate} 至 ${round.endDate}` },
        { label: '督导组成员', children: round.members.map((m) => `${m.name}（${m.unit}）`).join('、') || '—' },
        { label: '督导地区', children: round.targetRegions.map((r) => r.name).join('、') || '—' },
        { label: '被督导单位', children: round.targets.map((t) => t.unit.name).join('、') },
        { label: '督导内容', children: round.summary ?? '—', span: 2 },
      ]} />
      <Card title="发现问题与整改" style={{ marginTop: 16 }} extra={round.canRun && <Button onClick={() => setDialog({ kind: 'finding' })}>登记发现问题</Button>}>
        <FindingTable findings={round.findings} action={(f) => round.canRun && f.status === 'submitted' && <Button size="small" onClick={() => setDialog({ kind: 'verify', finding: f })}>核验</Button>} />
      </Card>
      {round.canRun && (
        <Card title="抽查（回访、二次核查）" style={{ marginTop: 16 }} extra={<Button onClick={() => setDialog({ kind: 'sample' })}>抽取样本</Button>}>
          {round.samples.length === 0 && <Typography.Text type="secondary">尚未抽取样本</Typography.Text>}
          {round.samples.map((s) => (
            <div key={s.id} style={{ marginBottom: 16 }}>
              <Typography.Paragraph>
                <Tag>{SAMPLE_KINDS[s.kind]}</Tag>{s.targetUnit.name}：从 {s.population} 条已办结线索{s.closedFrom || s.closedTo ? `（${s.closedFrom ?? '…'} 至 ${s.closedTo ?? '…'} 办结）` : ''}中随机抽取 {s.size} 条，随机种子 <Typography.Text code copyable>{s.seed}</Typography.Text>
              </Typography.Paragraph>
              <SampleTable items={s.items} go={go} action={(i) =>
                i.kind === 'callback' && i.status === 'pending' ? <Button size="small" onClick={() => setDialog({ kind: 'callback', item: i })}>记录回访</Button>
                : i.kind === 'recheck' && i.status === 'answered' ? <Button size="small" onClick={() => setDialog({ kind: 'judge', item: i })}>评定</Button> : null} />
            </div>
          ))}
        </Card>
      )}
      {dialog?.kind === 'finding' && (
        <FormDialog<{ targetUnitId: number; description: string; fixRequired: string; deadline: Dayjs }> title="登记发现问题" confirm="确认登记" initialValues={{ targetUnitId: targets[0]?.value }} onClose={() => setDialog(null)} onSubmit={async (v) => {
          await api('POST', `/api/supervision/rounds/${id}/findings`, { targetUnitId: v.targetUnitId, description: v.description, fixRequired: v.fixRequired, deadline: v.deadline.format('YYYY-MM-DD') });
          done('已登记');
        }}>
          <Form.Item name="targetUnitId" label="被督导单位"><Select options={targets} /></Form.Item>
          <FindingFields />
        </FormDialog>
      )}
      {dialog?.kind === 'verify' && (
        <FormDialog<{ verified: boolean; note?: string }> title="核验整改" confirm="确认" initialValues={{ verified: true }} onClose={() => setDialog(null)} onSubmit={async (v) => {
          await api('POST', `/api/supervision/findings/${dialog.finding.id}/verify`, { verified: v.verified, note: v.note || undefined });
          done(v.verified ? '已核验销号' : '已退回继续整改');
        }}>
          <Typography.Paragraph>整改反馈：{dialog.finding.feedback}</Typography.Paragraph>
          <Form.Item name="verified" label="核验结论"><Radio.Group options={[{ value: true, label: '整改到位，销号' }, { value: false, label: '不通过，继续整改' }]} /></Form.Item>
          <Form.Item name="note" label="意见（不通过时必填）"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </FormDialog>
      )}
      {dialog?.kind === 'sample' && (
        <FormDialog<{ targetUnitId: number; kind: string; size: number; seed?: string; range?: [Dayjs, Dayjs] }> title="抽取样本" confirm="抽取" initialValues={{ targetUnitId: targets[0]?.value, kind: 'callback', size: 5 }} onClose={() => setDialog(null)} onSubmit={async (v) => {
          const r = await api('POST', `/api/supervision/rounds/${id}/samples`, {
            targetUnitId: v.targetUnitId, kind: v.kind, size: v.size, seed: v.seed || undefined,
            closedFrom: v.range?.[0]?.format('YYYY-MM-DD'), closedTo: v.range?.[1]?.format('YYYY-MM-DD'),
          });
          done(`已从 ${r.population} 条中抽取 ${r.tipIds.length} 条`);
        }}>
          <Form.Item name="targetUnitId" label="被督导单位"><Select options={targets} /></Form.Item>
          <Form.Item name="kind" label="用途"><Radio.Group options={options(SAMPLE_KINDS)} /></Form.Item>
          <Space wrap>
            <Form.Item name="size" label="抽取数量"><InputNumber min={1} max={100} /></Form.Item>
            <Form.Item name="range" label="办结日期（可选）"><DatePicker.RangePicker /></Form.Item>
          </Space>
          <Form.Item name="seed" label="随机种子（可选，填写以复现以前的抽取）"><Input maxLength={64} /></Form.Item>
        </FormDialog>
      )}
      {dialog?.kind === 'callback' && (
        <FormDialog<{ reached: boolean; handled?: string; satisfied?: boolean; note: string }> title={`记录回访：线索 ${dialog.item.tip.trackingCode}`} confirm="确认" initialValues={{ reached: true }} onClose={() => setDialog(null)} onSubmit={async (v) => {
          await api('POST', `/api/supervision/samples/items/${dialog.item.id}/callback`, v.reached ? v : { reached: false, note: v.note });
          done('已记录回访');
        }}>
          <Form.Item name="reached" label="是否联系上举报人"><Radio.Group options={[{ value: true, label: '已联系上' }, { value: false, label: '未联系上' }]} /></Form.Item>
          <Form.Item name="handled" label="举报人反映的处理情况"><Radio.Group options={options(CALLBACK_HANDLED)} /></Form.Item>
          <Form.Item name="satisfied" label="是否满意"><Radio.Group options={[{ value: true, label: '满意' }, { value: false, label: '不满意' }]} /></Form.Item>
          <Form.Item name="note" label="回访情况" rules={[{ required: true, min: 2, message: '请填写回访情况' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </FormDialog>
      )}
      {dialog?.kind === 'judge' && (
        <FormDialog<{ upheld: boolean; note: string }> title={`评定二次核查：线索 ${dialog.item.tip.trackingCode}`} confirm="确认" initialValues={{ upheld: true }} onClose={() => setDialog(null)} onSubmit={async (v) => {
          await api('POST', `/api/supervision/samples/items/${dialog.item.id}/judge`, v);
          done(v.upheld ? '核查通过' : '核查不通过，线索已退回重新办理');
        }}>
          <Typography.Paragraph>承办单位答复（{dialog.item.confirmed ? '维持原办理结果' : '原办理结果有误'}）：{dialog.item.answer}</Typography.Paragraph>
          <Form.Item name="upheld" label="评定"><Radio.Group options={[{ value: true, label: '核查通过' }, { value: false, label: '不通过（线索重新办理）' }]} /></Form.Item>
          <Form.Item name="note" label="评定意见" rules={[{ required: true, min: 2, message: '请填写评定意见' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </FormDialog>
      )}
    </>
  );
}

function SampleTable({ items, go, action }: { items: SupervisionSampleItem[]; go: Go; action: (i: SupervisionSampleItem) => ReactNode }) {
  return (
    <Table<SupervisionSampleItem> rowKey="id" size="small" pagination={false} dataSource={items} columns={[
      { title: '线索', dataIndex: 'tip', render: (t: SupervisionSampleItem['tip']) => link(go, `/console/tips/${t.id}`, t.trackingCode) },
      { title: '承办单位', dataIndex: 'handlingUnit', render: (u: { name: string } | null) => u?.name ?? '—' },
      { title: '状态', dataIndex: 'status', render: (s: keyof typeof SAMPLE_ITEM_STATUSES) => SAMPLE_ITEM_STATUSES[s] },
      { title: '结果', render: (_: unknown, i) => <SampleOutcome item={i} /> },
      { title: '操作', render: (_: unknown, i) => action(i) },
    ]} />
  );
}

function Flags({ go }: { go: Go }) {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [data, setData] = useState<GamingFlags | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const q = new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][]);
    api('GET', `/api/supervision/gaming-flags?${q}`).then((r) => { setData(r); setError(''); }, (e: Error) => setError(e.message));
  }, [range]);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    <>
      {error && <Alert type="error" message={error} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker aria-label="办结日期" placeholder={['办结日期自', '至']} onChange={(r) => setRange({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} />
        {data && <Typography.Text type="secondary">{data.from} 至 {data.to} 办结的线索，{data.units} 个承办单位；与同类单位比较（至少 {data.rules.minTips} 件、{data.rules.minPeers} 个可比单位）</Typography.Text>}
      </Space>
      <Table rowKey={(f) => `${f.rule}:${f.unit.id}`} size="small" dataSource={data?.flags ?? []} pagination={false} locale={{ emptyText: '未发现异常' }} columns={[
        { title: '单位', dataIndex: 'unit', render: (u: { name: string }) => u.name },
        { title: '异常', dataIndex: 'rule', render: (r: keyof typeof GAMING_RULES) => <Tag color={COLORS.red}>{GAMING_RULES[r]}</Tag> },
        {
          title: '依据', render: (_: unknown, f: GamingFlags['flags'][number]) => (f.rule === 'fast_closure'
            ? `办理用时中位数 ${f.value.toFixed(1)} 小时，同类单位中位数 ${f.peerMedian.toFixed(1)} 小时（低于 ${f.threshold.toFixed(1)} 小时即提示），${f.of} 件，可比单位 ${f.peers} 个`
            : `${f.count}/${f.of} = ${pct(f.value)}，同类单位中位数 ${pct(f.peerMedian)}，离散度 ${pct(f.peerMad)}，提示线 ${pct(f.threshold)}，可比单位 ${f.peers} 个`),
        },
        { title: '线索', render: (_: unknown, f: GamingFlags['flags'][number]) => link(go, `/console/tips?${f.tipQuery}`, '查看线索') },
      ]} />
    </>
  );
}
