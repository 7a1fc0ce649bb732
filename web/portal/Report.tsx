import { useEffect, useRef, useState } from 'react';
import { ApiError, api, uploadFile } from '../api/client.ts';
import type { Receipt } from '../api/routes.ts';
import { serverFieldErrors } from './field-errors.ts';
import { UNATTACHED_UPLOAD_HOURS, type FraudType } from '../../shared/domain.ts';
import { isIdCardNumber, isPhone } from '../../shared/validators.ts';
import { KINDS } from './content.ts';
import { RegionPicker, type RegionChoice } from './RegionPicker.tsx';
import { PREFILL_KEY } from './ScamCheck.tsx';

export type { Receipt };

interface Attachment {
  key: string;
  name: string;
  size: number;
  id?: string;
  progress: number;
  error?: string;
  uploadedAt?: number;
}

interface Draft {
  step: 1 | 2 | 3;
  kind: FraudType | 'unknown' | '';
  region: RegionChoice[];
  description: string;
  subjectName: string;
  subjectPhone: string;
  subjectAddress: string;
  amount: string;
  victims: string;
  occurredOn: string;
  /** Uploaded files, with when they were uploaded (the server removes unattached ones after UNATTACHED_UPLOAD_HOURS). */
  attachments: { id: string; name: string; size: number; uploadedAt?: number }[];
  mode: 'anonymous' | 'named' | 'behalf' | '';
  name: string;
  phone: string;
  idNumber: string;
  elderName: string;
  elderRelation: string;
  /** One key per draft: a retried submit can never create a second tip. */
  idempotencyKey: string;
}

const DRAFT_KEY = 'shouhu.report.draft';
const MAX_FILE = 20 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,application/pdf,audio/mpeg,audio/mp4,audio/x-m4a,video/mp4,.jpg,.jpeg,.png,.pdf,.mp3,.m4a,.mp4';

const emptyDraft = (): Draft => ({
  step: 1, kind: '', region: [], description: '', subjectName: '', subjectPhone: '', subjectAddress: '', amount: '', victims: '',
  occurredOn: '', attachments: [], mode: '', name: '', phone: '', idNumber: '', elderName: '', elderRelation: '',
  idempotencyKey: crypto.randomUUID(),
});

/** Files uploaded too long ago are gone (or soon will be) on the server: drop them from a restored draft. */
function withFreshFiles(d: Draft): Draft {
  const keepAfter = Date.now() - (UNATTACHED_UPLOAD_HOURS - 1) * 3600_000;
  const fresh = d.attachments.filter((a) => (a.uploadedAt ?? 0) > keepAfter);
  expiredFiles = d.attachments.length - fresh.length;
  return { ...d, attachments: fresh };
}
let expiredFiles = 0;

function loadDraft(): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    // Text carried over from the self-check page ("一键举报") starts a draft's description.
    const prefill = sessionStorage.getItem(PREFILL_KEY);
    if (prefill) {
      sessionStorage.removeItem(PREFILL_KEY);
      return { ...emptyDraft(), ...(saved ?? {}), description: `对方是这样说的：${prefill}`.slice(0, 5000) };
    }
    return saved ? withFreshFiles({ ...emptyDraft(), ...saved }) : emptyDraft();
  } catch {
    return emptyDraft();
  }
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Plain-Chinese checks for one step; the server checks everything again. */
function validate(d: Draft, step: number): Record<string, string> {
  const e: Record<string, string> = {};
  if (step === 1) {
    if (!d.kind) e.kind = '请选择一种情况；不确定也可以选“不确定”';
    if (d.region.length < 2) e.region = '请至少选到市；知道区县、乡镇的请尽量选上';
  }
  if (step === 2) {
    const len = d.description.trim().length;
    if (len < 10) e.description = '请至少用 10 个字说说经过';
    if (len > 5000) e.description = `最多 5000 字，现在有 ${len} 字`;
    if (d.subjectPhone && !isPhone(d.subjectPhone.trim())) e.subjectPhone = '电话号码不对：手机 11 位，座机如 0535-1234567';
    if (d.amount && !(Number(d.amount) >= 0)) e.amount = '请填写数字，例如 20000';
    if (d.victims && !/^\d+$/.test(d.victims)) e.victims = '请填写整数';
    if (d.occurredOn && d.occurredOn > today()) e.occurredOn = '日期不能晚于今天';
  }
  if (step === 3) {
    if (!d.mode) e.mode = '请选择一种方式';
    if (d.mode === 'named' || d.mode === 'behalf') {
      if (!d.name.trim()) e.name = '请填写您的姓名';
      if (!isPhone(d.phone.trim())) e.phone = '请填写正确的手机号或座机号';
      if (d.idNumber && !isIdCardNumber(d.idNumber.trim())) e.idNumber = '身份证号码不对，请核对；也可以不填';
    }
    if (d.mode === 'behalf') {
      if (!d.elderName.trim()) e.elderName = '请填写老人的姓名';
      if (!d.elderRelation.trim()) e.elderRelation = '请填写您和老人的关系，例如“女儿”';
    }
  }
  return e;
}

function toBody(d: Draft) {
  const subject = Object.fromEntries(
    Object.entries({ name: d.subjectName.trim(), phone: d.subjectPhone.trim(), address: d.subjectAddress.trim() }).filter(([, v]) => v),
  );
  return {
    regionCode: d.region[d.region.length - 1].code,
    description: d.description.trim(),
    ...(d.kind && d.kind !== 'unknown' ? { fraudTypes: [d.kind] } : {}),
    ...(Object.keys(subject).length ? { subject } : {}),
    ...(d.amount ? { amountInvolved: Number(d.amount) } : {}),
    ...(d.victims ? { victimCount: Number(d.victims) } : {}),
    ...(d.occurredOn ? { occurredOn: d.occurredOn } : {}),
    reporter:
      d.mode === 'anonymous'
        ? { anonymous: true }
        : {
            anonymous: false,
            name: d.name.trim(),
            phone: d.phone.trim(),
            ...(d.idNumber.trim() ? { idNumber: d.idNumber.trim() } : {}),
            ...(d.mode === 'behalf' ? { onBehalfOf: { name: d.elderName.trim(), relation: d.elderRelation.trim() } } : {}),
          },
    ...(d.attachments.length ? { attachmentIds: d.attachments.map((a) => a.id) } : {}),
  };
}

// Server field paths → the wizard's fields and steps.
const FIELD_OF: Record<string, [keyof Draft | 'region', 1 | 2 | 3]> = {
  regionCode: ['region', 1], fraudTypes: ['kind', 1], description: ['description', 2], 'subject.name': ['subjectName', 2],
  'subject.phone': ['subjectPhone', 2], 'subject.address': ['subjectAddress', 2], amountInvolved: ['amount', 2], victimCount: ['victims', 2],
  occurredOn: ['occurredOn', 2], attachmentIds: ['attachments', 2], 'reporter.name': ['name', 3], 'reporter.phone': ['phone', 3],
  'reporter.idNumber': ['idNumber', 3], 'reporter.onBehalfOf.name': ['elderName', 3], 'reporter.onBehalfOf.relation': ['elderRelation', 3],
};
const FIELD_NAME = Object.fromEntries(Object.entries(FIELD_OF).map(([path, [field]]) => [path, field]));
const STEP_OF: Record<string, 1 | 2 | 3> = Object.fromEntries(Object.values(FIELD_OF));

export function Report({ onDone, go }: { onDone: (r: Receipt) => void; go: (to: string) => void }) {
  const [d, setD] = useState<Draft>(loadDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploads, setUploads] = useState<Attachment[]>(() => loadDraft().attachments.map((a) => ({ ...a, key: a.id, progress: 1 })));
  const [sending, setSending] = useState(false);
  const [formError, setFormError] = useState(() =>
    expiredFiles ? `您上次上传的 ${expiredFiles} 个文件已过期（上传后超过 ${UNATTACHED_UPLOAD_HOURS - 1} 小时未提交），请在第 2 步重新上传。` : '');
  const files = useRef(new Map<string, File>());
  const heading = useRef<HTMLHeadingElement>(null);

  // The draft survives a closed page; it is cleared only when the tip is safely submitted.
  useEffect(() => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...d, attachments: uploads.filter((u) => u.id).map((u) => ({ id: u.id, name: u.name, size: u.size, uploadedAt: u.uploadedAt })) }));
  }, [d, uploads]);
  useEffect(() => heading.current?.focus(), [d.step]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setD((x) => ({ ...x, [k]: v }));
    // A message stays only until the person changes that answer.
    setErrors((e) => (e[k] ? Object.fromEntries(Object.entries(e).filter(([f]) => f !== k)) : e));
  };
  const next = () => {
    const e = validate(d, d.step);
    setErrors(e);
    if (!Object.keys(e).length) set('step', (d.step + 1) as 2 | 3);
  };
  const back = () => (d.step === 1 ? go('/') : set('step', (d.step - 1) as 1 | 2));

  async function startUpload(file: File, key: string = crypto.randomUUID()) {
    files.current.set(key, file);
    const base = { key, name: file.name, size: file.size, progress: 0 };
    setUploads((u) => [...u.filter((x) => x.key !== key), base]);
    const update = (patch: Partial<Attachment>) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, ...patch } : x)));
    if (file.size > MAX_FILE) return update({ error: '文件超过 20 MB，请换一个小一点的文件' });
    try {
      const r = await uploadFile(file, (p) => update({ progress: p }));
      update({ id: r.id, progress: 1, error: undefined, uploadedAt: Date.now() });
    } catch (err) {
      update({ error: err instanceof ApiError ? err.message : '上传失败，请重试' });
    }
  }

  async function submit() {
    const e = validate(d, 3);
    setErrors(e);
    if (Object.keys(e).length) return;
    if (uploads.some((u) => !u.id)) return setFormError('还有附件没有上传成功，请重试或删除后再提交');
    setSending(true);
    setFormError('');
    try {
      const body = toBody({ ...d, attachments: uploads.map((u) => ({ id: u.id!, name: u.name, size: u.size })) });
      const r = await api('POST', '/api/public/tips', body, { 'Idempotency-Key': d.idempotencyKey });
      localStorage.removeItem(DRAFT_KEY);
      onDone(r);
    } catch (err) {
      const ae = err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', '提交失败，请重试');
      const fieldErrors = serverFieldErrors(ae, FIELD_NAME);
      setErrors(fieldErrors as Record<string, string>);
      // The earliest step holding a field the server refused (unknown paths stay on the last step).
      if (ae.fields.length) set('step', Math.min(3, ...Object.keys(fieldErrors).map((f) => STEP_OF[f])) as 1 | 2 | 3);
      setFormError(ae.code === 'NETWORK' ? '网络连接失败，您填写的内容已保存，请检查网络后再点“提交举报”。不会重复提交。' : ae.message);
    } finally {
      setSending(false);
    }
  }

  const input = (k: keyof Draft, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="field">
      <span>{label}</span>
      <input value={d[k] as string} onChange={(e) => set(k, e.target.value as never)} aria-invalid={!!errors[k]} aria-describedby={errors[k] ? `${k}-err` : undefined} {...props} />
      {errors[k] && <span className="error" id={`${k}-err`} role="alert">{errors[k]}</span>}
    </label>
  );

  return (
    <form className="wizard" onSubmit={(e) => e.preventDefault()} noValidate>
      <p className="progress" aria-live="polite">第 {d.step} 步，共 3 步</p>
      <div className="meter" aria-hidden="true"><div style={{ width: `${(d.step / 3) * 100}%` }} /></div>

      {d.step === 1 && (
        <>
          <h1 tabIndex={-1} ref={heading}>遇到了哪种情况？</h1>
          <fieldset className="field">
            <legend className="sr-only">情况类型</legend>
            <div className="choices">
              {KINDS.map((k) => (
                <label key={k.code} className={`choice ${d.kind === k.code ? 'on' : ''}`}>
                  <input type="radio" name="kind" checked={d.kind === k.code} onChange={() => set('kind', k.code)} />
                  <strong>{k.title}</strong>
                  <small>{k.plain}</small>
                </label>
              ))}
              <label className={`choice ${d.kind === 'unknown' ? 'on' : ''}`}>
                <input type="radio" name="kind" checked={d.kind === 'unknown'} onChange={() => set('kind', 'unknown')} />
                <strong>不确定</strong>
                <small>说不清是哪一种，也可以举报。</small>
              </label>
            </div>
            {errors.kind && <p className="error" role="alert">{errors.kind}</p>}
          </fieldset>
          <RegionPicker value={d.region} onChange={(v) => set('region', v)} error={errors.region} />
        </>
      )}

      {d.step === 2 && (
        <>
          <h1 tabIndex={-1} ref={heading}>说说经过</h1>
          <label className="field">
            <span>发生了什么？（必填，至少 10 个字）</span>
            <textarea rows={6} value={d.description} onChange={(e) => set('description', e.target.value)} aria-invalid={!!errors.description} aria-describedby={errors.description ? 'description-err' : 'description-hint'} />
            <small id="description-hint">例如：谁、在哪里、用什么说法、让老人交了多少钱。</small>
            {errors.description && <span className="error" id="description-err" role="alert">{errors.description}</span>}
          </label>
          {input('subjectName', '对方公司或人的名字（知道就填）', { autoComplete: 'off' })}
          {input('subjectPhone', '对方的电话（知道就填）', { inputMode: 'tel', autoComplete: 'off' })}
          {input('subjectAddress', '对方的地址（知道就填）', { autoComplete: 'off' })}
          {input('amount', '涉及多少钱（元，知道就填）', { inputMode: 'decimal' })}
          {input('victims', '大约有几位老人受骗（知道就填）', { inputMode: 'numeric' })}
          {input('occurredOn', '大约什么时候（知道就填）', { type: 'date', max: today() })}
          <fieldset className="field">
            <legend>证据（照片、录音、视频、PDF，可不传）</legend>
            <label className="big upload">
              选择文件
              <input
                type="file"
                accept={ACCEPT}
                multiple
                className="sr-only"
                onChange={(e) => {
                  const list = [...(e.target.files ?? [])];
                  if (uploads.length + list.length > 10) setFormError('每次举报最多上传 10 个文件');
                  list.slice(0, Math.max(0, 10 - uploads.length)).forEach((f) => void startUpload(f));
                  e.target.value = '';
                }}
              />
            </label>
            <ul className="files">
              {uploads.map((u) => (
                <li key={u.key}>
                  <span>{u.name}（{(u.size / 1024 / 1024).toFixed(1)} MB）</span>
                  {u.error ? (
                    <>
                      <span className="error" role="alert">{u.error}</span>
                      {files.current.has(u.key) && u.size <= MAX_FILE && (
                        <button type="button" onClick={() => void startUpload(files.current.get(u.key)!, u.key)}>重试</button>
                      )}
                    </>
                  ) : (
                    <progress max={1} value={u.progress} aria-label={`${u.name} 上传进度`}>{Math.round(u.progress * 100)}%</progress>
                  )}
                  {u.id && <span>已上传</span>}
                  <button type="button" onClick={() => setUploads((x) => x.filter((y) => y.key !== u.key))}>删除</button>
                </li>
              ))}
            </ul>
          </fieldset>
        </>
      )}

      {d.step === 3 && (
        <>
          <h1 tabIndex={-1} ref={heading}>您是谁？</h1>
          <fieldset className="field">
            <legend className="sr-only">举报方式</legend>
            <div className="choices">
              {([
                ['anonymous', '匿名举报', '不留任何个人信息。凭查询码和密钥查看答复。'],
                ['named', '实名举报', '留下姓名和电话，方便工作人员联系您核实。您的信息会加密保存。'],
                ['behalf', '替老人举报', '您是老人的家人、邻居或朋友，替老人反映情况。'],
              ] as const).map(([mode, title, hint]) => (
                <label key={mode} className={`choice ${d.mode === mode ? 'on' : ''}`}>
                  <input type="radio" name="mode" checked={d.mode === mode} onChange={() => set('mode', mode)} />
                  <strong>{title}</strong>
                  <small>{hint}</small>
                </label>
              ))}
            </div>
            {errors.mode && <p className="error" role="alert">{errors.mode}</p>}
          </fieldset>
          {(d.mode === 'named' || d.mode === 'behalf') && (
            <>
              {input('name', '您的姓名', { autoComplete: 'name' })}
              {input('phone', '您的电话', { inputMode: 'tel', autoComplete: 'tel' })}
              {input('idNumber', '身份证号码（可不填）', { autoComplete: 'off' })}
            </>
          )}
          {d.mode === 'behalf' && (
            <>
              {input('elderName', '老人的姓名')}
              {input('elderRelation', '您和老人的关系（例如：女儿、邻居）')}
            </>
          )}
        </>
      )}

      {formError && <p className="error form-error" role="alert">{formError}</p>}
      <div className="nav">
        <button type="button" className="big" onClick={back}>{d.step === 1 ? '返回首页' : '上一步'}</button>
        {d.step < 3 ? (
          <button type="button" className="big primary" onClick={next}>下一步</button>
        ) : (
          <button type="button" className="big primary" onClick={() => void submit()} disabled={sending}>{sending ? '正在提交…' : '提交举报'}</button>
        )}
      </div>
    </form>
  );
}
