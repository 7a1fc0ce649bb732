import { useEffect, useRef, useState } from 'react';
import { ApiError, api, uploadFile } from '../api/client.ts';
import type { Receipt } from '../api/routes.ts';
import { serverFieldErrors } from './field-errors.ts';
import { UNATTACHED_UPLOAD_HOURS, type FraudType } from '../../shared/domain.ts';
import { isIdCardNumber, isPhone } from '../../shared/validators.ts';
import { chinaToday as today } from '../../shared/time.ts';
import { formatYuan, parseAmount } from '../../shared/amount.ts';
import { KINDS } from './content.ts';
import { RegionPicker, type RegionChoice } from './RegionPicker.tsx';
import { ChannelList } from './Knowledge.tsx';
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

type Step = 1 | 2 | 3 | 4;
const STEPS = 4;

interface Draft {
  /** 1 情况 → 2 经过 → 3 您是谁 → 4 请核对 (nothing is sent before the reporter has seen it all). */
  step: Step;
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
/** A draft holds the reporter's name, phone and ID number: on a shared phone it must not stay for ever. */
const DRAFT_TTL_MS = 7 * 24 * 3600_000;
const MAX_FILE = 20 * 1024 * 1024;
// What the server takes (told there by magic bytes): photos incl. WebP, PDF, recordings incl. AMR voice notes, MP4.
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,audio/mpeg,audio/mp4,audio/x-m4a,audio/amr,audio/amr-wb,video/mp4,.jpg,.jpeg,.png,.webp,.pdf,.mp3,.m4a,.amr,.mp4';

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
    let saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    if (saved && !(typeof saved.savedAt === 'number' && Date.now() - saved.savedAt < DRAFT_TTL_MS)) {
      localStorage.removeItem(DRAFT_KEY);
      saved = null;
    }
    if (saved) delete saved.savedAt;
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
    const amount = parseAmount(d.amount);
    if (amount && !amount.ok) e.amount = amount.message;
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

/** Every step's checks, for the final submit: the earliest step with a mistake is where the reporter goes. */
function validateAll(d: Draft): Record<string, string> {
  return { ...validate(d, 1), ...validate(d, 2), ...validate(d, 3) };
}

function toBody(d: Draft) {
  const amount = parseAmount(d.amount);
  const subject = Object.fromEntries(
    Object.entries({ name: d.subjectName.trim(), phone: d.subjectPhone.trim(), address: d.subjectAddress.trim() }).filter(([, v]) => v),
  );
  return {
    regionCode: d.region[d.region.length - 1].code,
    description: d.description.trim(),
    ...(d.kind && d.kind !== 'unknown' ? { fraudTypes: [d.kind] } : {}),
    ...(Object.keys(subject).length ? { subject } : {}),
    ...(amount?.ok ? { amountInvolved: amount.value } : {}),
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
const FIELD_OF: Record<string, [keyof Draft | 'region', Step]> = {
  regionCode: ['region', 1], fraudTypes: ['kind', 1], description: ['description', 2], 'subject.name': ['subjectName', 2],
  'subject.phone': ['subjectPhone', 2], 'subject.address': ['subjectAddress', 2], amountInvolved: ['amount', 2], victimCount: ['victims', 2],
  occurredOn: ['occurredOn', 2], attachmentIds: ['attachments', 2], 'reporter.name': ['name', 3], 'reporter.phone': ['phone', 3],
  'reporter.idNumber': ['idNumber', 3], 'reporter.onBehalfOf.name': ['elderName', 3], 'reporter.onBehalfOf.relation': ['elderRelation', 3],
};
const FIELD_NAME = Object.fromEntries(Object.entries(FIELD_OF).map(([path, [field]]) => [path, field]));
const STEP_OF: Record<string, Step> = Object.fromEntries(Object.values(FIELD_OF));
const earliestStep = (errors: Record<string, string>) => Math.min(3, ...Object.keys(errors).map((f) => STEP_OF[f] ?? 3)) as Step;

const MODE_WORDS = { anonymous: '匿名举报', named: '实名举报', behalf: '替老人举报', '': '' } as const;

export function Report({ onDone, go }: { onDone: (r: Receipt, region: RegionChoice[]) => void; go: (to: string) => void }) {
  const [d, setD] = useState<Draft>(loadDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Bumped on each refused 下一步/提交: the first field in error is then scrolled to and focused.
  const [attempt, setAttempt] = useState(0);
  const [uploads, setUploads] = useState<Attachment[]>(() => loadDraft().attachments.map((a) => ({ ...a, key: a.id, progress: 1 })));
  const [sending, setSending] = useState(false);
  const [formError, setFormError] = useState(() =>
    expiredFiles ? `您上次上传的 ${expiredFiles} 个文件已过期（上传后超过 ${UNATTACHED_UPLOAD_HOURS - 1} 小时未提交），请在第 2 步重新上传。` : '');
  const files = useRef(new Map<string, File>());
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);

  // The draft survives a closed page; it is cleared only when the tip is safely submitted.
  useEffect(() => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...d, savedAt: Date.now(), attachments: uploads.filter((u) => u.id).map((u) => ({ id: u.id, name: u.name, size: u.size, uploadedAt: u.uploadedAt })) }));
  }, [d, uploads]);
  useEffect(() => heading.current?.focus(), [d.step]);
  // After a refused step the messages may be above the screen: bring the first into view and focus it
  // (runs after the heading's focus, so it wins when the server sent the reporter back a step).
  useEffect(() => {
    if (!attempt) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }, [attempt]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setD((x) => ({ ...x, [k]: v }));
    // A message stays only until the person changes that answer.
    setErrors((e) => (e[k] ? Object.fromEntries(Object.entries(e).filter(([f]) => f !== k)) : e));
  };
  const refuse = (e: Record<string, string>) => {
    setErrors(e);
    setAttempt((n) => n + 1);
  };
  const next = () => {
    const e = validate(d, d.step);
    if (Object.keys(e).length) return refuse(e);
    setErrors({});
    set('step', (d.step + 1) as Step);
  };
  // Another step's messages (and their count) do not follow the reporter to this one.
  const toStep = (step: Step) => {
    setErrors({});
    set('step', step);
  };
  const back = () => (d.step === 1 ? go('/') : toStep((d.step - 1) as Step));

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
  const addFiles = (input: HTMLInputElement) => {
    const list = [...(input.files ?? [])];
    if (uploads.length + list.length > 10) setFormError('每次举报最多上传 10 个文件');
    list.slice(0, Math.max(0, 10 - uploads.length)).forEach((f) => void startUpload(f));
    input.value = '';
  };

  async function submit() {
    const e = validateAll(d);
    if (Object.keys(e).length) {
      set('step', earliestStep(e));
      return refuse(e);
    }
    if (uploads.some((u) => !u.id)) return setFormError('还有附件没有上传成功，请回到第 2 步重试或删除后再提交');
    setSending(true);
    setFormError('');
    try {
      const body = toBody({ ...d, attachments: uploads.map((u) => ({ id: u.id!, name: u.name, size: u.size })) });
      const r = await api('POST', '/api/public/tips', body, { 'Idempotency-Key': d.idempotencyKey });
      localStorage.removeItem(DRAFT_KEY);
      onDone(r, d.region);
    } catch (err) {
      const ae = err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', '提交失败，请重试');
      const fieldErrors = serverFieldErrors(ae, FIELD_NAME) as Record<string, string>;
      // The earliest step holding a field the server refused (unknown paths stay on the review).
      if (Object.keys(fieldErrors).length) {
        set('step', earliestStep(fieldErrors));
        refuse(fieldErrors);
      }
      setFormError(ae.code === 'NETWORK' ? '网络连接失败，您填写的内容已保存，请检查网络后再点“提交举报”。不会重复提交。' : ae.message);
    } finally {
      setSending(false);
    }
  }

  const described = (k: string, hint?: string) => [errors[k] ? `${k}-err` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  const input = (k: keyof Draft, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: React.ReactNode) => (
    <label className="field">
      <span>{label}</span>
      <input value={d[k] as string} onChange={(e) => set(k, e.target.value as never)} aria-invalid={!!errors[k]} aria-describedby={described(k, hint ? `${k}-hint` : undefined)} {...props} />
      {hint && <small id={`${k}-hint`} aria-live="polite">{hint}</small>}
      {errors[k] && <span className="error" id={`${k}-err`} role="alert">{errors[k]}</span>}
    </label>
  );
  const errorCount = Object.keys(errors).length;
  const amount = parseAmount(d.amount);
  const amountWords = amount?.ok ? `${amount.approx ? '约 ' : ''}${formatYuan(amount.value)}` : '';
  const kindTitle = d.kind === 'unknown' ? '不确定' : KINDS.find((k) => k.code === d.kind)?.title ?? '';

  // The review: every answer as it will be sent, each step with a way back to change it.
  const review: [Step, string, [string, string][]][] = [
    [1, '遇到的情况', [['情况', kindTitle], ['地点', d.region.map((r) => r.name).join(' ')]]],
    [2, '经过', [
      ['发生了什么', d.description.trim()], ['对方名字', d.subjectName.trim()], ['对方电话', d.subjectPhone.trim()], ['对方地址', d.subjectAddress.trim()],
      ['涉及金额', amountWords], ['受骗老人', d.victims ? `${d.victims} 位` : ''], ['大约时间', d.occurredOn],
      ['证据', uploads.map((u) => u.name).join('、')],
    ]],
    [3, '您是谁', [
      ['方式', MODE_WORDS[d.mode]],
      ...(d.mode === 'named' || d.mode === 'behalf' ? [['姓名', d.name.trim()], ['电话', d.phone.trim()], ['身份证号码', d.idNumber.trim()]] as [string, string][] : []),
      ...(d.mode === 'behalf' ? [['老人姓名', d.elderName.trim()], ['和老人的关系', d.elderRelation.trim()]] as [string, string][] : []),
    ]],
  ];

  return (
    <form className="wizard" ref={form} onSubmit={(e) => e.preventDefault()} noValidate>
      <p className="progress" aria-live="polite">第 {d.step} 步，共 {STEPS} 步</p>
      <div className="meter" aria-hidden="true"><div style={{ width: `${(d.step / STEPS) * 100}%` }} /></div>

      {d.step === 1 && (
        <>
          <h1 tabIndex={-1} ref={heading}>遇到了哪种情况？</h1>
          <fieldset className="field">
            <legend className="sr-only">情况类型</legend>
            <div className="choices">
              {KINDS.map((k) => (
                <label key={k.code} className={`choice ${d.kind === k.code ? 'on' : ''}`}>
                  <input type="radio" name="kind" checked={d.kind === k.code} onChange={() => set('kind', k.code)} aria-invalid={!!errors.kind} aria-describedby={described('kind')} />
                  <strong>{k.title}</strong>
                  <small>{k.plain}</small>
                </label>
              ))}
              <label className={`choice ${d.kind === 'unknown' ? 'on' : ''}`}>
                <input type="radio" name="kind" checked={d.kind === 'unknown'} onChange={() => set('kind', 'unknown')} aria-invalid={!!errors.kind} aria-describedby={described('kind')} />
                <strong>不确定</strong>
                <small>说不清是哪一种，也可以举报。</small>
              </label>
            </div>
            {errors.kind && <p className="error" id="kind-err" role="alert">{errors.kind}</p>}
          </fieldset>
          <RegionPicker value={d.region} onChange={(v) => set('region', v)} error={errors.region} />
        </>
      )}

      {d.step === 2 && (
        <>
          <h1 tabIndex={-1} ref={heading}>说说经过</h1>
          <label className="field">
            <span>发生了什么？（必填，至少 10 个字）</span>
            <textarea rows={6} value={d.description} onChange={(e) => set('description', e.target.value)} aria-invalid={!!errors.description} aria-describedby={described('description', 'description-hint')} />
            <small id="description-hint">例如：谁、在哪里、用什么说法、让老人交了多少钱。</small>
            {errors.description && <span className="error" id="description-err" role="alert">{errors.description}</span>}
          </label>
          {input('subjectName', '对方公司或人的名字（知道就填）', { autoComplete: 'off' })}
          {input('subjectPhone', '对方的电话（知道就填）', { inputMode: 'tel', autoComplete: 'off' })}
          {input('subjectAddress', '对方的地址（知道就填）', { autoComplete: 'off' })}
          {input('amount', '涉及多少钱（知道就填，可以写 20000 或 两万）', { autoComplete: 'off' },
            amountWords ? <span className="reading">我们读作：{amountWords}</span> : '例如 20000、2万、3千5、1.5万')}
          {input('victims', '大约有几位老人受骗（知道就填）', { inputMode: 'numeric' })}
          {input('occurredOn', '大约什么时候（知道就填）', { type: 'date', max: today() })}
          <fieldset className="field">
            <legend>证据（照片、录音、视频、PDF，可不传）</legend>
            <div className="upload-row">
              <label className="big upload">
                拍照
                <input type="file" accept="image/*" capture="environment" className="sr-only" onChange={(e) => addFiles(e.target)} />
              </label>
              <label className="big upload">
                选择文件
                <input type="file" accept={ACCEPT} multiple className="sr-only" onChange={(e) => addFiles(e.target)} />
              </label>
            </div>
            <small>照片（JPG、PNG、WebP）、录音（MP3、M4A、AMR，微信语音也可以）、MP4 视频或 PDF，每个不超过 20 MB。</small>
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
                  <input type="radio" name="mode" checked={d.mode === mode} onChange={() => set('mode', mode)} aria-invalid={!!errors.mode} aria-describedby={described('mode')} />
                  <strong>{title}</strong>
                  <small>{hint}</small>
                </label>
              ))}
            </div>
            {errors.mode && <p className="error" id="mode-err" role="alert">{errors.mode}</p>}
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

      {d.step === 4 && (
        <>
          <h1 tabIndex={-1} ref={heading}>请核对</h1>
          <p>下面是您要提交的全部内容。有不对的地方，点“修改”回去改；都对了再点“提交举报”。</p>
          {review.map(([step, title, rows]) => (
            <section key={step} className="card review" data-testid={`review-${step}`}>
              <h2 id={`review-${step}`}>{title}</h2>
              <dl>
                {rows.filter(([, v]) => v).map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
              </dl>
              <button type="button" className="big" aria-label={`修改${title}`} onClick={() => toStep(step)}>修改</button>
            </section>
          ))}
          <section className="card" data-testid="report-channels">
            <h2>也可以打电话或上门举报</h2>
            <ChannelList chain={d.region} limit={1} />
          </section>
        </>
      )}

      {formError && <p className="error form-error" role="alert">{formError}</p>}
      <p className="error-count" role="status">{attempt > 0 && errorCount > 0 ? `还有 ${errorCount} 处需要修改，请看标红的地方` : ''}</p>
      <div className="nav">
        <button type="button" className="big" onClick={back}>{d.step === 1 ? '返回首页' : '上一步'}</button>
        {d.step < STEPS ? (
          <button type="button" className="big primary" onClick={next}>{d.step === 3 ? '下一步：核对' : '下一步'}</button>
        ) : (
          <button type="button" className="big primary" onClick={() => void submit()} disabled={sending}>{sending ? '正在提交…' : '提交举报'}</button>
        )}
      </div>
    </form>
  );
}
