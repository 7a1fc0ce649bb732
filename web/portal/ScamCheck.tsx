import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { ScamCheckResult as Result } from '../api/routes.ts';
import { serverFieldErrors } from './field-errors.ts';
import { WithTel } from './Tel.tsx';

const VERDICT: Record<Result['riskLevel'], [string, string]> = {
  high: ['很可能是骗局', 'risk-high'],
  medium: ['有骗局的迹象，请当心', 'risk-medium'],
  unsure: ['无法确定，请先核实', 'risk-low'],
  low: ['有需要留心的说法', 'risk-low'],
  none: ['没有发现常见的骗局说法', 'risk-none'],
};

export const PREFILL_KEY = 'shouhu.report.prefill';

/** "这是不是骗局？": paste what a salesperson said or sent; nothing is stored unless the person reports. */
export function ScamCheck({ go }: { go: (to: string) => void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function check() {
    if (!text.trim()) return setError('请先把对方说的话、发的短信或广告内容粘贴或输入进来');
    setBusy(true);
    setError('');
    try {
      setResult(await api('POST', '/api/public/scam-check', { text }));
    } catch (e) {
      setError(serverFieldErrors(e, { text: 'text' }).text ?? (e instanceof ApiError ? e.message : '检查失败，请重试'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>这是不是骗局？</h1>
      <p>把推销员说的话、收到的短信或广告内容粘贴到下面，我们帮您看看有没有常见的骗局说法。您输入的内容不会被保存。</p>
      <label className="field">
        <span>对方说了什么、发了什么？</span>
        <textarea rows={6} value={text} onChange={(e) => { setText(e.target.value); setResult(null); }} aria-invalid={!!error} aria-describedby={error ? 'check-err' : undefined} />
        {error && <span className="error" id="check-err" role="alert">{error}</span>}
      </label>
      <button type="button" className="big primary" onClick={() => void check()} disabled={busy}>{busy ? '正在检查…' : '帮我看看'}</button>
      {result && (
        <div className={`card result ${VERDICT[result.riskLevel][1]}`} aria-live="polite">
          <h2 data-testid="risk">{VERDICT[result.riskLevel][0]}</h2>
          <p data-testid="summary">{result.summary}</p>
          {result.redFlags.length > 0 && (
            <>
              <h3>发现的危险信号</h3>
              <ul className="flags">
                {result.redFlags.map((f) => (
                  <li key={f.code}>
                    <strong>{f.label}</strong>（原话：“{f.quote}”）
                    <p>{f.explain}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>怎么办</h3>
          <ul>{result.advice.map((a) => <li key={a}><WithTel text={a} /></li>)}</ul>
          <p><a className="big" href="tel:96110">拨打 96110 反诈专线</a></p>
          {result.riskLevel !== 'none' && (
            <button type="button" className="big primary" onClick={() => { sessionStorage.setItem(PREFILL_KEY, text); go('/report'); }}>
              一键举报（内容已帮您填好）
            </button>
          )}
        </div>
      )}
    </section>
  );
}
