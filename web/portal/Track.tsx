import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { PublicStatus as Status } from '../api/routes.ts';
import { STATUS_WORDS } from './content.ts';
import { serverFieldErrors } from './field-errors.ts';
import type { StoredReceipt } from './receipt-store.ts';
import { chinaDateTime as when } from '../../shared/time.ts';

// What each request's field messages are about, in the reporter's words (the page shows one message).
const FIELDS = { trackingCode: '查询码', accessKey: '密钥', text: '补充情况', comment: '评价', reason: '复核理由' } as const;

const KIND_WORDS: Record<string, string> = {
  submitted: '提交举报', accepted: '受理', rejected: '不予受理', answer: '答复', merged: '合并办理', dispatched: '交办',
  in_progress: '核查中', closed: '办结答复', reply: '工作人员留言', reporter_message: '您补充的信息', rating: '您的评价', reexamination: '您申请复核',
};

// 已办结 is good news: not in the alarm red that marks errors and warnings.
const STATUS_TONE: Record<string, string> = { closed: 'done', rejected: 'neutral', merged: 'neutral' };

/** The progress lookup; right after a report it is filled in from the receipt kept on this device. */
export function Track({ go, prefill }: { go: (to: string) => void; prefill?: StoredReceipt | null }) {
  const [code, setCode] = useState(prefill?.trackingCode ?? '');
  const [key, setKey] = useState(prefill?.accessKey ?? '');
  const [reasonError, setReasonError] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [message, setMessage] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const cred = () => ({ trackingCode: code.replace(/\s/g, ''), accessKey: key.replace(/\s/g, '') });

  async function run(fn: () => Promise<unknown>, done?: string) {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await fn();
      setStatus(await api('POST', '/api/public/tips/status', cred()));
      if (done) setNotice(done);
    } catch (err) {
      const [field, text] = Object.entries(serverFieldErrors(err, FIELDS))[0] ?? [];
      setError(
        field ? `${field}：${text}` : err instanceof ApiError ? (err.status === 404 ? '查询码或密钥不对，请核对后再试。' : err.message) : '查询失败，请重试',
      );
    } finally {
      setBusy(false);
    }
  }

  if (!status) {
    return (
      <form className="card" onSubmit={(e) => { e.preventDefault(); void run(async () => undefined); }} noValidate>
        <h1>查询办理进度</h1>
        {prefill && code === prefill.trackingCode && <p className="notice">已为您填好刚才举报的查询码和密钥，点“查询”即可。</p>}
        <label className="field">
          <span>查询码（12 位数字）</span>
          <input inputMode="numeric" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <label className="field">
          <span>密钥（16 位数字）</span>
          <input inputMode="numeric" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="nav">
          <button type="button" className="big" onClick={() => go('/')}>返回首页</button>
          <button type="submit" className="big primary" disabled={busy}>{busy ? '正在查询…' : '查询'}</button>
        </div>
      </form>
    );
  }

  return (
    <section>
      <div className="card">
        <h1>办理进度</h1>
        <p className={`status ${STATUS_TONE[status.status] ?? 'active'}`} data-testid="status">{STATUS_WORDS[status.status] ?? status.status}</p>
        <p>查询码 {status.trackingCode} · 提交于 {when(status.submittedAt)}</p>
      </div>
      {status.answer && (
        <div className="card answer">
          <h2>答复</h2>
          <p data-testid="answer">{status.answer.text}</p>
          {status.answer.at && <small>{when(status.answer.at)}</small>}
        </div>
      )}
      <div className="card">
        <h2>办理经过</h2>
        <ol className="timeline">
          {status.timeline.map((e, i) => (
            <li key={i}>
              <strong>{KIND_WORDS[e.kind] ?? '进展'}</strong> <small>{when(e.at)}</small>
              <p>{e.text}</p>
            </li>
          ))}
        </ol>
      </div>
      {notice && <p className="notice" role="status">{notice}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {status.canRate && (
        <div className="card">
          <h2>您对答复满意吗？</h2>
          <label className="field">
            <span>想说的话（可不填）</span>
            <input value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <div className="nav">
            <button type="button" className="big primary" disabled={busy} onClick={() => void run(() => api('POST', '/api/public/tips/rating', { ...cred(), satisfied: true, ...(comment ? { comment } : {}) }), '感谢您的评价。')}>满意</button>
            <button type="button" className="big" disabled={busy} onClick={() => void run(() => api('POST', '/api/public/tips/rating', { ...cred(), satisfied: false, ...(comment ? { comment } : {}) }), '感谢您的评价，我们会改进。')}>不满意</button>
          </div>
        </div>
      )}
      {status.canRequestReexamination ? (
        <div className="card">
          <h2>对答复有异议？</h2>
          <label className="field">
            <span>申请复核的理由</span>
            <textarea rows={3} value={reason} onChange={(e) => { setReason(e.target.value); setReasonError(''); }} aria-invalid={!!reasonError} aria-describedby={reasonError ? 'reason-err reason-hint' : 'reason-hint'} />
            <small id="reason-hint">至少写 5 个字，说说答复哪里不对。</small>
            {reasonError && <span className="error" id="reason-err" role="alert">{reasonError}</span>}
          </label>
          <button
            type="button"
            className="big"
            disabled={busy}
            onClick={() => (reason.trim().length < 5
              ? setReasonError(`理由太短了（现在 ${reason.trim().length} 个字），请至少写 5 个字`)
              : void run(() => api('POST', '/api/public/tips/reexamination', { ...cred(), reason }), '已申请复核，我们会重新核查。'))}
          >
            申请复核
          </button>
        </div>
      ) : (
        <div className="card" data-testid="reexamination-unavailable">
          <h2>对答复有异议？</h2>
          <p>
            {status.status === 'merged'
              ? '您的举报已和相关举报合并办理，合并后的举报办结后才能申请复核。'
              : '办结或不予受理、给出答复后，才能申请复核。现在还在办理中，请耐心等待答复。'}
            {status.status !== 'merged' && '有新情况可以在下面“补充情况”里告诉我们。'}
          </p>
        </div>
      )}
      {status.status !== 'merged' && (
        <div className="card">
          <h2>补充情况</h2>
          <label className="field">
            <span>还有什么要告诉我们的？</span>
            <textarea rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <button type="button" className="big" disabled={busy || !message.trim()} onClick={() => void run(async () => { await api('POST', '/api/public/tips/messages', { ...cred(), text: message }); setMessage(''); }, '已收到您补充的情况。')}>提交补充</button>
        </div>
      )}
      <div className="nav">
        <button type="button" className="big" onClick={() => { setStatus(null); setKey(''); }}>退出查询</button>
      </div>
    </section>
  );
}
