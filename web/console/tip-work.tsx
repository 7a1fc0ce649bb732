import { useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, Radio, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaDay } from './ui.tsx';
import { api, uploadFile } from '../api/client.ts';
import type { TipCount, TipDetail } from '../api/routes.ts';
import { MEASURES, VERDICTS } from './labels.ts';
import { CASE_ORIGINS, CASE_WORKER_ROLES } from '../../shared/domain.ts';
import type { Me } from './App.tsx';

/** The list's total for the current filter (GET /api/tips/count, asked apart so a slow count never holds the page). */
export function TipTotal({ search }: { search: string }) {
  const [count, setCount] = useState<TipCount | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const p = new URLSearchParams(search);
    p.delete('cursor');
    setCount(null);
    setFailed(false);
    let live = true;
    api('GET', `/api/tips/count?${p}`).then((c) => live && setCount(c), () => live && setFailed(true));
    return () => void (live = false);
  }, [search]);
  if (failed) return null;
  const text = !count ? '正在统计…' : count.total === null ? '符合条件的线索较多，未能及时统计总数' : `共 ${count.total.toLocaleString('zh-CN')}${count.capped ? '+' : ''} 条`;
  return <Typography.Text type="secondary" data-testid="tip-total" aria-live="polite">{text}</Typography.Text>;
}

/**
 * Documents for a report (PDF or photos): each file is uploaded at once to POST /api/uploads with the
 * evidence checks and quotas, and the report names the uploaded ids (`attachmentIds`).
 */
export function ReportDocuments({ onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const [files, setFiles] = useState<UploadFile<{ id: string }>[]>([]);
  return (
    <Upload<{ id: string }>
      multiple
      maxCount={10}
      accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
      fileList={files}
      customRequest={({ file, onProgress, onSuccess, onError }) =>
        void uploadFile(file as File, (f) => onProgress?.({ percent: Math.round(f * 100) }), '/api/uploads').then((u) => onSuccess?.(u), (e: Error) => onError?.(e))}
      onChange={({ fileList }) => {
        // A failed upload keeps its row with the server's reason, so the handler sees why.
        const list = fileList.map((f) => (f.status === 'error' && f.error instanceof Error ? { ...f, response: undefined, error: f.error, name: `${f.name}（${f.error.message}）` } : f));
        setFiles(list);
        onChange?.(list.filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response!.id));
      }}
    >
      <Button>上传材料（PDF 或图片，可多个）</Button>
    </Upload>
  );
}

/** The fields of a unit's report — the lead's (反馈结果) or an assisting unit's (协办反馈, measures optional). */
export function ReportFields({ assist }: { assist: boolean }) {
  return (
    <>
      <Form.Item name="verdict" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
        <Select options={Object.entries(VERDICTS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="measures" label={assist ? '处理措施（可不选）' : '处理措施'} rules={assist ? [] : [{ required: true, message: '请至少选择一项处理措施' }]}>
        <Select mode="multiple" options={Object.entries(MEASURES).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="summary" label={assist ? '协办情况' : '办理情况'} rules={[{ required: true, min: 5, message: `请填写${assist ? '协办' : '办理'}情况（至少 5 个字）` }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="attachmentIds" label="附件材料（可不传）">
        <ReportDocuments />
      </Form.Item>
    </>
  );
}

/**
 * 行刑衔接 in the report: a police unit reporting 立案侦查 files the case in the same step (or links a
 * case it filed). Shown only then, and only while the tip has no case yet; the server requires it.
 */
export function CaseFromTipFields({ tip, me }: { tip: TipDetail; me: Me }) {
  const form = Form.useFormInstance();
  const measures: string[] | undefined = Form.useWatch('measures', form);
  const mode: string | undefined = Form.useWatch('caseMode', form);
  const [cases, setCases] = useState<{ value: number; label: string }[]>([]);
  const police = me.unitKind === 'police' && me.roles.some((r) => (CASE_WORKER_ROLES as readonly string[]).includes(r));
  const needed = police && !tip.cases.length && !!measures?.includes('case_filed');
  useEffect(() => {
    if (needed && mode === 'link' && !cases.length) {
      void api('GET', `/api/cases?unitId=${me.unitId}&pageSize=100`).then((r) => setCases(r.items.map((c) => ({ value: c.id, label: `${c.caseNo} ${c.title}` }))), () => undefined);
    }
  }, [needed, mode]);
  if (!needed) return null;
  return (
    <fieldset style={{ border: '1px solid #d9d9d9', padding: '8px 16px', marginBottom: 16 }}>
      <legend style={{ width: 'auto', fontSize: 14, padding: '0 4px' }}>立案（处理措施含“立案侦查”）</legend>
      <Form.Item name="caseMode" label="方式" initialValue="new">
        <Radio.Group options={[{ value: 'new', label: '由此立案' }, { value: 'link', label: '关联本单位已立的案件' }]} />
      </Form.Item>
      {mode === 'link' ? (
        <Form.Item name="caseId" label="已立的案件" rules={[{ required: true, message: '请选择案件' }]}>
          <Select showSearch optionFilterProp="label" options={cases} />
        </Form.Item>
      ) : (
        <Space wrap>
          <Form.Item name="caseNo" label="案件编号" rules={[{ required: true, min: 4, message: '请填写案件编号' }]}><Input maxLength={60} style={{ width: 240 }} /></Form.Item>
          <Form.Item name="caseTitle" label="案件名称" initialValue={tip.subject?.name ? `${tip.subject.name}涉嫌诈骗案` : undefined} rules={[{ required: true, min: 2, message: '请填写案件名称' }]}>
            <Input maxLength={200} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="caseOrigin" label="现案/积案" initialValue="new"><Select options={Object.entries(CASE_ORIGINS).map(([value, label]) => ({ value, label }))} style={{ width: 110 }} /></Form.Item>
          <Form.Item name="filedOn" label="立案日期" initialValue={chinaDay()} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(x) => x.isAfter(chinaDay(), 'day') || x.isBefore(chinaDay().subtract(10, 'year'), 'day')} />
          </Form.Item>
        </Space>
      )}
    </fieldset>
  );
}

/** The report body with the case fields (CaseFromTipFields) folded into `case`, the rest as they are. */
export function caseFromTipBody(v: Record<string, any>): Record<string, unknown> {
  const { caseMode, caseId, caseNo, caseTitle, caseOrigin, filedOn, ...rest } = v;
  if (!caseMode) return rest;
  if (caseMode === 'link') return { ...rest, case: { caseId } };
  return { ...rest, case: { caseNo, title: caseTitle, origin: caseOrigin, filedOn: (filedOn as Dayjs).format('YYYY-MM-DD') } };
}

/**
 * A draft of the public answer from the lead unit's report under review: who checked it, the verdict,
 * the measures and the unit's summary — to be edited by the reviewer before it reaches the reporter.
 */
export function answerTemplate(tip: TipDetail): string | undefined {
  const lead = tip.assignments.filter((a) => a.active && a.role === 'lead').at(-1);
  if (!lead?.verdict) return undefined;
  const measures = (lead.measures ?? []).map((m) => MEASURES[m]).join('、');
  return [
    `您好！您反映的问题已交${lead.unitName}核查办理。`,
    `经核查，反映情况${VERDICTS[lead.verdict]}${measures ? `，已采取以下措施：${measures}` : ''}。`,
    lead.summary ?? '',
    '感谢您对打击整治养老诈骗专项行动的支持。',
  ].join('');
}
