import { useEffect, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api/client.ts';
import { HAZARD_CATEGORIES, HAZARD_MEASURES, HAZARD_SOURCES, SUBJECT_KINDS, type HazardSource } from '../../shared/domain.ts';
import { FormDialog, chinaDay } from './ui.tsx';
import { RegionPicker } from './RegionPicker.tsx';
import { RemoteSelect, type RemoteOption } from './RemoteSelect.tsx';
import { TipPicker } from './TipPicker.tsx';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Names a subject of the user's jurisdiction by typing its name or credit code (value: its id as text). */
function SubjectPicker(props: { value?: string; onChange?: (v: string | undefined) => void; id?: string; 'aria-label'?: string }) {
  const option = (s: { id: number; name: string; regionName: string; kind: keyof typeof SUBJECT_KINDS }): RemoteOption =>
    ({ value: String(s.id), label: `${s.name}（${s.regionName}，${SUBJECT_KINDS[s.kind]}）` });
  return (
    <RemoteSelect
      {...props}
      search={async (text) => (await api('GET', `/api/subjects?pageSize=10${text ? `&q=${encodeURIComponent(text)}` : ''}`)).items.map(option)}
      resolve={async (id) => option(await api('GET', `/api/subjects/${id}`))}
      placeholder="输入主体名称或统一社会信用代码"
      hint="输入名称查找本辖区的主体"
      notFound="没有找到：请核对名称，或先在主体名录中登记该主体"
    />
  );
}

/** A supervision finding the user may see: the round first, then one of its findings (never typed as a number). */
function FindingPicker({ value, onChange, id }: { value?: number; onChange?: (v: number | undefined) => void; id?: string }) {
  const [rounds, setRounds] = useState<{ value: number; label: string }[]>([]);
  const [round, setRound] = useState<number>();
  const [findings, setFindings] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    api('GET', '/api/supervision/rounds?pageSize=100').then((p) => setRounds(p.items.map((r) => ({ value: r.id, label: `${r.title}（${r.startDate}）` }))), () => undefined);
  }, []);
  useEffect(() => {
    if (!round) return;
    api('GET', `/api/supervision/rounds/${round}`).then((r) => setFindings(r.findings.map((f) => ({ value: f.id, label: `${f.unit.name}：${f.description}` }))), () => setFindings([]));
  }, [round]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select placeholder="先选择督导检查轮次" options={rounds} value={round} onChange={(r) => { setRound(r); onChange?.(undefined); }} aria-label="督导检查轮次"
        notFoundContent="没有您可查看的督导检查" />
      <Select id={id} placeholder="再选择督导发现的问题" options={findings} value={value} onChange={onChange} disabled={!round} aria-label="督导发现的问题"
        notFoundContent="该轮督导没有您可查看的问题" />
    </Space>
  );
}

interface HazardForm {
  subjectId?: string; description: string; category: string; measure: string; deadline: Dayjs; responsible: string; serious?: boolean;
  source: { kind: HazardSource; trackingCode?: string; note?: string; findingId?: number; inspectionId?: number };
}

/**
 * 登记隐患 without an inspection: from a tip (picked by tracking code among the tips the user may
 * see), a complaint (its origin), a supervision finding or an earlier inspection of the subject; the
 * deadline and the responsible person are required. From the ledger the subject is picked first.
 */
export function HazardDialog({ subjectId, inspections, onClose, onDone }: {
  /** The subject's page: its id and inspections; none from the ledger (the form asks for the subject). */
  subjectId?: number; inspections?: { id: number; inspectedOn: string; unitName: string }[]; onClose: () => void; onDone: (subjectId: number) => void;
}) {
  const [kind, setKind] = useState<HazardSource>('complaint');
  const [picked, setPicked] = useState<string>();
  const [pickedInspections, setPickedInspections] = useState<{ id: number; inspectedOn: string; unitName: string }[]>([]);
  useEffect(() => {
    if (subjectId || !picked) return;
    api('GET', `/api/subjects/${picked}`).then((d) => setPickedInspections(d.inspections), () => setPickedInspections([]));
  }, [picked, subjectId]);
  const shownInspections = subjectId ? (inspections ?? []) : pickedInspections;
  return (
    <FormDialog<HazardForm> title="登记隐患" confirm="确认登记" width={720} initialValues={{ deadline: chinaDay().add(15, 'day'), source: { kind: 'complaint' } }} onClose={onClose}
      onSubmit={async (v) => {
        const target = subjectId ?? Number(v.subjectId);
        const { kind: k, trackingCode, note, findingId, inspectionId } = v.source;
        const source = k === 'tip' ? { kind: k, trackingCode } : k === 'complaint' ? { kind: k, note } : k === 'supervision' ? { kind: k, findingId } : { kind: k, inspectionId };
        await api('POST', `/api/subjects/${target}/hazards`, {
          description: v.description, category: v.category, measure: v.measure, serious: !!v.serious, responsible: v.responsible,
          deadline: v.deadline.format('YYYY-MM-DD'), source,
        });
        onDone(target);
      }}>
      {!subjectId && (
        <Form.Item name="subjectId" label="主体" rules={[{ required: true, message: '请选择隐患所在的主体' }]}>
          <SubjectPicker aria-label="主体" onChange={setPicked} />
        </Form.Item>
      )}
      <Card size="small" title="隐患来源" style={{ marginBottom: 16 }}>
        <Form.Item name={['source', 'kind']} rules={[{ required: true, message: '请选择隐患来源' }]}>
          <Radio.Group options={options(HAZARD_SOURCES)} onChange={(e) => setKind(e.target.value as HazardSource)} />
        </Form.Item>
        {kind === 'tip' && (
          <Form.Item name={['source', 'trackingCode']} label="来源线索" rules={[{ required: true, message: '请选择来源线索（输入查询码或线索中的词语）' }]}>
            <TipPicker aria-label="来源线索" />
          </Form.Item>
        )}
        {kind === 'complaint' && (
          <Form.Item name={['source', 'note']} label="投诉情况" rules={[{ required: true, min: 2, message: '请说明投诉来源（如投诉人、渠道、日期）' }]}>
            <Input maxLength={500} placeholder="如：2026年11月28日 老人家属来电投诉" />
          </Form.Item>
        )}
        {kind === 'supervision' && (
          <Form.Item name={['source', 'findingId']} label="督导发现的问题" rules={[{ required: true, message: '请选择督导发现的问题' }]}>
            <FindingPicker />
          </Form.Item>
        )}
        {kind === 'inspection' && (
          <Form.Item name={['source', 'inspectionId']} label="检查记录" rules={[{ required: true, message: '请选择检查记录' }]}>
            <Select placeholder={shownInspections.length ? '选择该主体的一次检查' : '该主体还没有检查记录'} aria-label="检查记录"
              options={shownInspections.map((i) => ({ value: i.id, label: `${i.inspectedOn} ${i.unitName}` }))} />
          </Form.Item>
        )}
      </Card>
      <Form.Item name="description" label="隐患描述" rules={[{ required: true, min: 4, message: '请描述隐患（至少 4 个字）' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      <Space wrap>
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}><Select options={options(HAZARD_CATEGORIES)} style={{ width: 180 }} /></Form.Item>
        <Form.Item name="measure" label="处置措施" rules={[{ required: true, message: '请选择措施' }]}><Select options={options(HAZARD_MEASURES)} style={{ width: 140 }} /></Form.Item>
        <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
          <DatePicker disabledDate={(x) => x.isBefore(chinaDay(), 'day') || x.isAfter(chinaDay().add(3, 'year'), 'day')} />
        </Form.Item>
        <Form.Item name="responsible" label="整改责任人" rules={[{ required: true, min: 2, message: '请填写整改责任人' }]}><Input style={{ width: 160 }} maxLength={60} /></Form.Item>
        <Form.Item name="serious" label="重大隐患" valuePropName="checked"><Switch /></Form.Item>
      </Space>
    </FormDialog>
  );
}

/**
 * The official tables (统计表) of a region and period, downloaded as Excel: the region defaults to
 * the user's jurisdiction, the period to this year.
 */
export function OfficialTables() {
  const [region, setRegion] = useState<string>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([chinaDay().startOf('year'), chinaDay()]);
  const query = new URLSearchParams({ ...(region ? { region } : {}), from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }).toString();
  return (
    <Card size="small" title="统计报表（Excel）">
      <Space wrap>
        <RegionPicker value={region} onChange={setRegion} style={{ width: 240 }} aria-label="报表地区" />
        <DatePicker.RangePicker aria-label="统计期" value={range} allowClear={false} disabledDate={(d) => d.isAfter(chinaDay(), 'day')}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Button href={`/api/screening/tables/institutions.xlsx?${query}`} download>养老服务机构排查情况统计表</Button>
        <Button href={`/api/screening/tables/unregistered.xlsx?${query}`} download>未登记场所排查情况统计表</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        按下级地区逐行统计，末行为合计；不选地区即为本辖区全部。统计期内：已排查为有检查记录的主体，隐患按登记日期计，文书按签发日期计。
      </Typography.Paragraph>
    </Card>
  );
}
