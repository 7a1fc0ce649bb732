import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api/client.ts';
import type { Coverage, ScreeningRound, ScreeningRoundItem } from '../api/routes.ts';
import { ROUND_SCOPES, ROUND_STATUSES, SCREENER_ROLES, SCREENING_ROUND_UNIT_KINDS, SUBJECT_KINDS, SUBJECT_KIND_UNITS, type SubjectKind } from '../../shared/domain.ts';
import type { Go, Me } from './App.tsx';
import { FormDialog, usePaged, chinaDay, count } from './ui.tsx';
import { RegionPicker } from './RegionPicker.tsx';
import { useUrlFilter } from './hooks.ts';
import { COLORS, fmt } from './labels.ts';

/** 排查批次: the rounds of screening (集中排查, 回头看, 专项检查), each with its coverage per child region. */

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const percent = (r: number) => `${(r * 100).toFixed(1)}%`;
/** A period whose dates never break at their hyphens (a narrow column wraps between them, at 至). */
const Period = ({ from, to }: { from: string; to: string }) => <><span style={{ whiteSpace: 'nowrap' }}>{from}</span> 至 <span style={{ whiteSpace: 'nowrap' }}>{to}</span></>;
const link = (go: Go, to: string, text: string) => <a href={to} onClick={(e) => { e.preventDefault(); go(to); }}>{text}</a>;
/** Opens rounds: a screener of a campaign office or of a department that screens a sector (as the server's permitRunRounds). */
const runsRounds = (me: Me) =>
  me.roles.some((r) => (SCREENER_ROLES as readonly string[]).includes(r)) && (SCREENING_ROUND_UNIT_KINDS as readonly string[]).includes(me.unitKind);

export default function Rounds({ me, go, id, search = '' }: { me: Me; go: Go; id?: number; search?: string }) {
  if (id) return <RoundPage go={go} id={id} />;
  return <RoundList me={me} go={go} search={search} />;
}

function RoundList({ me, go, search }: { me: Me; go: Go; search: string }) {
  const { filter, query, set } = useUrlFilter(go, '/console/rounds', search, ['status'] as const);
  const list = usePaged(`/api/screening/rounds${query ? `?${query}` : ''}`);
  const [creating, setCreating] = useState(false);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>排查批次</Typography.Title>
      {list.error && <Alert type="error" message={list.error} />}
      <Space wrap>
        <Select placeholder="状态" allowClear options={options(ROUND_STATUSES)} value={filter.status} onChange={(status) => set({ status })} style={{ width: 140 }} aria-label="状态" />
        {runsRounds(me) && <Button type="primary" onClick={() => setCreating(true)}>新建排查批次</Button>}
        <Button onClick={() => go('/console/checklists')}>各行业检查表</Button>
      </Space>
      <Table<ScreeningRoundItem> rowKey="id" dataSource={list.items} loading={list.loading} pagination={list.pagination} columns={[
        { title: '批次名称', dataIndex: 'title', render: (t: string, r) => link(go, `/console/rounds/${r.id}`, t) },
        { title: '排查方式', dataIndex: 'scope', render: (s: keyof typeof ROUND_SCOPES) => ROUND_SCOPES[s] },
        { title: '地区', dataIndex: 'regionName' },
        { title: '行业', dataIndex: 'sectors', render: (s: SubjectKind[]) => s.map((k) => <Tag key={k}>{SUBJECT_KINDS[k]}</Tag>) },
        { title: '期限', render: (_, r) => <Period from={r.periodFrom} to={r.periodTo} /> },
        { title: '已检查主体', dataIndex: 'inspectedSubjects', render: count },
        { title: '创建单位', dataIndex: 'unitName' },
        { title: '状态', dataIndex: 'status', render: (s: 'open' | 'closed') => <Tag color={s === 'open' ? COLORS.blue : COLORS.grey}>{ROUND_STATUSES[s]}</Tag> },
      ]} />
      {creating && <CreateRound me={me} onClose={() => setCreating(false)} onDone={(newId) => go(`/console/rounds/${newId}`)} />}
    </Space>
  );
}

interface RoundForm { title: string; scope: string; regionCode: string; sectors: string[]; period: [Dayjs, Dayjs] }

function CreateRound({ me, onClose, onDone }: { me: Me; onClose: () => void; onDone: (id: number) => void }) {
  return (
    <FormDialog<RoundForm> title="新建排查批次" confirm="确认创建" width={640}
      initialValues={{ scope: 'centralized', regionCode: me.unitRegionCode || undefined, period: [chinaDay(), chinaDay().add(1, 'month')] }}
      onClose={onClose} onSubmit={async (v) => {
        const { period, ...rest } = v;
        onDone((await api('POST', '/api/screening/rounds', { ...rest, periodFrom: period[0].format('YYYY-MM-DD'), periodTo: period[1].format('YYYY-MM-DD') })).id);
      }}>
      <Form.Item name="title" label="批次名称" rules={[{ required: true, min: 4, message: '请填写批次名称（至少 4 个字）' }]}><Input maxLength={100} placeholder="如：2026年养老机构风险隐患集中排查" /></Form.Item>
      <Form.Item name="scope" label="排查方式" rules={[{ required: true, message: '请选择排查方式' }]}><Select options={options(ROUND_SCOPES)} /></Form.Item>
      <Form.Item name="regionCode" label="排查地区（本单位辖区内）" rules={[{ required: true, message: '请选择地区' }]}><RegionPicker /></Form.Item>
      <Form.Item name="sectors" label="排查行业" rules={[{ required: true, message: '请至少选择一个行业' }]}><Select mode="multiple" options={options(SUBJECT_KINDS)} /></Form.Item>
      <Form.Item name="period" label="排查期限" rules={[{ required: true, message: '请选择期限' }]}><DatePicker.RangePicker /></Form.Item>
    </FormDialog>
  );
}

function RoundPage({ go, id }: { go: Go; id: number }) {
  const { message } = AntApp.useApp();
  const [r, setR] = useState<ScreeningRound | null>(null);
  const [cov, setCov] = useState<Coverage | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  const load = () => {
    api('GET', `/api/screening/rounds/${id}`).then(setR, (e) => setError(e.message));
    api('GET', `/api/screening/rounds/${id}/coverage?by=child`).then(setCov, (e) => setError(e.message));
  };
  useEffect(() => {
    load();
    // Live: inspections land while the round runs; the table follows them every half minute.
    const t = setInterval(() => void api('GET', `/api/screening/rounds/${id}/coverage?by=child`).then(setCov, () => undefined), 30_000);
    return () => clearInterval(t);
  }, [id]);
  if (error) return <Alert type="error" showIcon message={error} action={<Button onClick={() => go('/console/rounds')}>返回批次列表</Button>} />;
  if (!r) return null;
  const close = () => api('POST', `/api/screening/rounds/${id}/close`).then((x) => { setR(x); message.success('排查批次已结束'); }, (e) => message.error(e.message));
  // A row's subjects in the registry: its region and, one link each, the round's sectors.
  const registry = (region: string, kind: SubjectKind) => `/console/subjects?region=${region}&kind=${kind}`;
  const unit = (k: SubjectKind) => SUBJECT_KIND_UNITS[k];
  const countUnit = r.sectors.every((k) => unit(k) === unit(r.sectors[0])) ? unit(r.sectors[0]) : '个';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Button onClick={() => go('/console/rounds')}>← 排查批次</Button>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{r.title}</Typography.Title>
        <Tag color={r.status === 'open' ? COLORS.blue : COLORS.grey}>{ROUND_STATUSES[r.status]}</Tag>
        {r.editable && <Button onClick={() => setEditing(true)}>修改名称或期限</Button>}
        {r.closable && (
          <Popconfirm title="结束后不能再加入检查，也不能修改。确认结束本批次？" okText="结束" cancelText="取消" onConfirm={close}>
            <Button danger>结束批次</Button>
          </Popconfirm>
        )}
      </Space>
      <Descriptions bordered size="small" column={2} items={[
        { key: 's', label: '排查方式', children: ROUND_SCOPES[r.scope] },
        { key: 'r', label: '排查地区', children: r.regionName },
        { key: 'k', label: '排查行业', children: r.sectors.map((k) => SUBJECT_KINDS[k]).join('、') },
        { key: 'p', label: '排查期限', children: <Period from={r.periodFrom} to={r.periodTo} /> },
        { key: 'u', label: '创建单位', children: `${r.unitName}（${r.createdBy}，${fmt(r.createdAt)}）` },
        { key: 'c', label: '结束', children: r.closedAt ? `${r.closedBy ?? ''} ${fmt(r.closedAt)}` : '—' },
      ]} />
      <Space wrap>
        {link(go, `/console/subjects?tab=ledger&round=${r.id}`, '查看本批次发现的隐患')}
      </Space>
      {cov && (
        <Card title={`排查覆盖率：${cov.regionName}（按下级地区）`} extra={<Typography.Text type="secondary">每 30 秒自动更新</Typography.Text>}>
          <Table rowKey="regionCode" size="small" pagination={false} dataSource={cov.rows} data-testid="coverage-table"
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><b>合计</b></Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{cov.total.inScope} {countUnit}</Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{cov.total.inspected} {countUnit}</Table.Summary.Cell>
                <Table.Summary.Cell index={3}><Progress aria-label="合计覆盖率" percent={Math.round(cov.total.coverage * 1000) / 10} format={() => percent(cov.total.coverage)} /></Table.Summary.Cell>
                <Table.Summary.Cell index={4} />
              </Table.Summary.Row>
            )}
            columns={[
              { title: '地区', dataIndex: 'regionName' },
              { title: '范围内主体', dataIndex: 'inScope', render: (n: number) => `${n} ${countUnit}` },
              { title: '已检查', dataIndex: 'inspected', render: (n: number) => `${n} ${countUnit}` },
              {
                title: '覆盖率', dataIndex: 'coverage', width: 260,
                render: (c: number, row) => (row.inScope ? <Progress aria-label={`${row.regionName}覆盖率`} percent={Math.round(c * 1000) / 10} format={() => percent(c)} status={c >= 1 ? 'success' : 'normal'} /> : '无范围内主体'),
              },
              {
                title: '主体名录', render: (_, row) => (
                  <Space wrap size={4}>{r.sectors.map((k) => <span key={k}>{link(go, registry(row.regionCode, k), SUBJECT_KINDS[k])}</span>)}</Space>
                ),
              },
            ]} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            范围内主体：登记在该地区（含下级）、属于本批次排查行业的主体（已合并的重复记录不计）；已检查：其中在本批次中至少有一次检查的主体。
          </Typography.Paragraph>
        </Card>
      )}
      {editing && <EditRound round={r} onClose={() => setEditing(false)} onDone={(x) => { setEditing(false); setR(x); message.success('已修改'); void load(); }} />}
    </Space>
  );
}

function EditRound({ round, onClose, onDone }: { round: ScreeningRound; onClose: () => void; onDone: (r: ScreeningRound) => void }) {
  return (
    <FormDialog<{ title: string; period: [Dayjs, Dayjs] }> title="修改排查批次" confirm="确认修改"
      initialValues={{ title: round.title, period: [dayjs(round.periodFrom), dayjs(round.periodTo)] }}
      onClose={onClose} onSubmit={async (v) => {
        onDone(await api('PATCH', `/api/screening/rounds/${round.id}`, { title: v.title, periodFrom: v.period[0].format('YYYY-MM-DD'), periodTo: v.period[1].format('YYYY-MM-DD') }));
      }}>
      <Form.Item name="title" label="批次名称" rules={[{ required: true, min: 4, message: '请填写批次名称（至少 4 个字）' }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="period" label="排查期限（须包含已录入检查的日期）" rules={[{ required: true, message: '请选择期限' }]}><DatePicker.RangePicker /></Form.Item>
    </FormDialog>
  );
}
