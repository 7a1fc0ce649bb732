import { useEffect, useState } from 'react';
import { Button, Form, Input, Select, Typography, Upload, type UploadFile } from 'antd';
import { api, uploadFile } from '../api/client.ts';
import type { TipCount, TipDetail } from '../api/routes.ts';
import { MEASURES, VERDICTS } from './labels.ts';

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
function ReportDocuments({ onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
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
