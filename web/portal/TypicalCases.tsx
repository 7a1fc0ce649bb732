import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { PublicTypical, ResponseOf } from '../api/routes.ts';
import { KINDS } from './content.ts';

type Item = ResponseOf<'GET', '/api/public/typical-cases'>['items'][number];
const kindTitle = (code: string) => KINDS.find((k) => k.code === code)?.title ?? '';

/** 典型案例: published cases by kind of fraud, in plain words — what happened, how to recognise it, what to do. */
export function TypicalCases({ go, id }: { go: (to: string) => void; id?: number }) {
  return id ? <TypicalCase go={go} id={id} /> : <TypicalList go={go} />;
}

/** Cases per page: few, large cards, so a phone in large-text mode is not an endless scroll. */
const PAGE_SIZE = 10;

function TypicalList({ go }: { go: (to: string) => void }) {
  const [kind, setKind] = useState('');
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<Item[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');
  useEffect(() => {
    setItems(null);
    const q = new URLSearchParams({ ...(kind ? { fraudType: kind } : {}), page: String(page), pageSize: String(PAGE_SIZE) });
    api('GET', `/api/public/typical-cases?${q}` as '/api/public/typical-cases').then((r) => { setItems(r.items); setTotal(r.total); }, (e: ApiError) => setError(e.message));
  }, [kind, page]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <section>
      <h1>典型案例</h1>
      <p>这些是已经查处的真实案件，人名、电话等信息已隐去。看看骗子是怎么做的，遇到类似情况就能认出来。</p>
      <label className="field">
        <span>按骗局种类看</span>
        <select value={kind} onChange={(e) => { setKind(e.target.value); setPage(1); }}>
          <option value="">全部</option>
          {KINDS.map((k) => <option key={k.code} value={k.code}>{k.title}</option>)}
        </select>
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      {items && !items.length && <p>这一类暂时还没有发布的案例。</p>}
      <ul className="kinds">
        {items?.map((c) => (
          <li key={c.id} className="card">
            <h2><a style={{ display: 'block', minHeight: 44 }} href={`/cases/${c.id}`} onClick={(e) => { e.preventDefault(); go(`/cases/${c.id}`); }}>{c.title}</a></h2>
            <p className="example">{kindTitle(c.fraudType)}</p>
            <p>{c.excerpt}…</p>
          </li>
        ))}
      </ul>
      {total > PAGE_SIZE && (
        <nav aria-label="翻页">
          <p aria-live="polite">第 {page} 页，共 {pages} 页（{total} 个案例）</p>
          {page > 1 && <button type="button" className="big" onClick={() => { setPage(page - 1); window.scrollTo(0, 0); }}>上一页</button>}
          {page < pages && <button type="button" className="big" onClick={() => { setPage(page + 1); window.scrollTo(0, 0); }}>下一页</button>}
        </nav>
      )}
      <button type="button" className="big" onClick={() => go('/')}>返回首页</button>
    </section>
  );
}

function TypicalCase({ go, id }: { go: (to: string) => void; id: number }) {
  const [c, setC] = useState<PublicTypical | null>(null);
  const [error, setError] = useState('');
  useEffect(() => void api('GET', `/api/public/typical-cases/${id}`).then(setC, (e: ApiError) => setError(e.status === 404 ? '没有找到这个案例，它可能已经撤下。' : e.message)), [id]);
  if (error) return <section><p className="error" role="alert">{error}</p><button type="button" className="big" onClick={() => go('/cases')}>看其他案例</button></section>;
  if (!c) return <p>正在加载…</p>;
  return (
    <article>
      <h1>{c.title}</h1>
      <p className="example">{kindTitle(c.fraudType)}</p>
      <section className="card"><h2>发生了什么</h2><p>{c.body}</p></section>
      <section className="card"><h2>怎么识别</h2><p>{c.recognise}</p></section>
      <section className="card"><h2>遇到了怎么办</h2><p>{c.advice}</p></section>
      <button type="button" className="big primary" onClick={() => go('/report')}>我遇到了类似情况，要举报</button>
      <a className="big" href="tel:96110">拨打 96110 反诈专线</a>
      <button type="button" className="big" onClick={() => go('/cases')}>看其他案例</button>
    </article>
  );
}
