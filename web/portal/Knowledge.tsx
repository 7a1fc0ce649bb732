import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { PublicArticle, PublicArticleDetail, PublicChannel } from '../api/routes.ts';
import { ARTICLE_KINDS } from '../../shared/domain.ts';
import { chinaDate } from '../../shared/time.ts';
import { RegionPicker, type RegionChoice } from './RegionPicker.tsx';
import './knowledge.css';

/**
 * 防骗知识与预警 and 举报方式 on the portal: what offices published for the visitor's region (its
 * county's warnings, its city's and province's articles), read aloud on request, and the reporting
 * channels of the offices responsible for it, nearest first.
 */

const REGION_KEY = 'shouhu.portal.region';

/** The visitor's region, remembered on this phone (it says nothing about anyone's report). */
export function useVisitorRegion(): [RegionChoice[], (v: RegionChoice[]) => void] {
  const [chain, setChain] = useState<RegionChoice[]>(() => {
    try {
      const v = JSON.parse(localStorage.getItem(REGION_KEY) ?? '[]') as RegionChoice[];
      return Array.isArray(v) ? v.filter((r) => typeof r?.code === 'string' && typeof r?.name === 'string') : [];
    } catch {
      return [];
    }
  });
  const set = (v: RegionChoice[]) => {
    setChain(v);
    localStorage.setItem(REGION_KEY, JSON.stringify(v));
  };
  return [chain, set];
}

const regionQuery = (chain: RegionChoice[]) => (chain.length ? `regionCode=${chain[chain.length - 1].code}` : '');
const dateOf = (iso: string | null) => (iso ? chinaDate(iso) : '');

function ArticleLink({ a, go }: { a: PublicArticle; go: (to: string) => void }) {
  const to = `/article?id=${a.id}`;
  return (
    <li>
      <a className={`article-link ${a.kind}`} href={to} onClick={(e) => { e.preventDefault(); go(to); }}>
        <h3><span className="tag">{ARTICLE_KINDS[a.kind]}</span>{a.title}</h3>
        <p>{a.summary}</p>
        <p className="meta">{a.unitName} · {dateOf(a.publishedAt)}</p>
      </a>
    </li>
  );
}

function useArticles(chain: RegionChoice[], pageSize: number) {
  const [items, setItems] = useState<PublicArticle[] | null>(null);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [error, setError] = useState('');
  const q = regionQuery(chain);
  useEffect(() => {
    let live = true;
    api('GET', `/api/public/articles?pageSize=${pageSize}&page=${page}${q ? `&${q}` : ''}`).then(
      (r) => live && (setItems((prev) => (page === 1 ? r.items : [...(prev ?? []), ...r.items])), setTotal(r.total), setError('')),
      (e: ApiError) => live && setError(e.status === 429 ? '访问太频繁，请稍等一分钟再看' : '文章加载失败，请检查网络后重试'),
    );
    return () => {
      live = false;
    };
  }, [q, page, pageSize]);
  useEffect(() => setPage(1), [q]);
  return { items, total, error, more: () => setPage(page + 1) };
}

/** The home page's newest warnings and cases for the remembered region (nothing when none is chosen). */
export function HomeWarnings({ go }: { go: (to: string) => void }) {
  const [chain] = useVisitorRegion();
  const { items } = useArticles(chain, 3);
  return (
    <section>
      <h2>防骗提醒{chain.length ? `（${chain[chain.length - 1].name}）` : ''}</h2>
      {items && items.length > 0 && <ul className="article-list">{items.map((a) => <ArticleLink key={a.id} a={a} go={go} />)}</ul>}
      <button type="button" className="big" onClick={() => go('/knowledge')}>{chain.length ? '更多防骗知识和预警' : '选择所在地区，看本地防骗预警'}</button>
      <button type="button" className="big" onClick={() => go('/channels')}>举报电话和地址</button>
    </section>
  );
}

/** /knowledge: the visitor picks a region; the published warnings, knowledge and cases for it, newest first. */
export function Knowledge({ go }: { go: (to: string) => void }) {
  const [chain, setChain] = useVisitorRegion();
  const { items, total, error, more } = useArticles(chain, 10);
  return (
    <section>
      <h1>防骗知识和预警</h1>
      <RegionPicker value={chain} onChange={setChain} legend="您住在哪里？（选到区县，能看到本地的预警）" />
      {error && <p className="error" role="alert">{error}</p>}
      {items && items.length === 0 && <p>这里还没有发布的文章。{chain.length ? '' : '请先选择您所在的地区。'}</p>}
      {items && items.length > 0 && <ul className="article-list">{items.map((a) => <ArticleLink key={a.id} a={a} go={go} />)}</ul>}
      {items && items.length < total && <button type="button" className="big" onClick={more}>再看 {Math.min(10, total - items.length)} 篇</button>}
    </section>
  );
}

/** The text read aloud by the phone's own speech synthesis, where it has one. */
function ReadAloud({ text }: { text: string }) {
  const [speaking, setSpeaking] = useState(false);
  const supported = typeof window !== 'undefined' && 'speechSynthesis' in window;
  useEffect(() => () => void (supported && speechSynthesis.cancel()), [supported]);
  if (!supported) return null;
  const toggle = () => {
    speechSynthesis.cancel();
    if (speaking) return setSpeaking(false);
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    u.onend = u.onerror = () => setSpeaking(false);
    speechSynthesis.speak(u);
    setSpeaking(true);
  };
  return <button type="button" className="big speak" aria-pressed={speaking} onClick={toggle}>{speaking ? '停止朗读' : '读给我听'}</button>;
}

/** /article?id=N: one published article, with the reporting channels of the visitor's region below. */
export function Article({ go }: { go: (to: string) => void }) {
  const id = Number(new URLSearchParams(location.search).get('id'));
  const [a, setA] = useState<PublicArticleDetail | null>(null);
  const [error, setError] = useState('');
  const [chain] = useVisitorRegion();
  useEffect(() => {
    if (!Number.isInteger(id) || id <= 0) return setError('没有找到这篇文章');
    api('GET', `/api/public/articles/${id}`).then(setA, (e: ApiError) => setError(e.status === 404 ? '没有找到这篇文章，它可能已经撤下' : '文章加载失败，请检查网络后重试'));
  }, [id]);
  if (error) return <section><h1>防骗知识</h1><p className="error" role="alert">{error}</p><button type="button" className="big" onClick={() => go('/knowledge')}>看其他文章</button></section>;
  if (!a) return <p>正在加载…</p>;
  const paragraphs = a.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <article className="article">
      <p className="meta"><span className="tag">{ARTICLE_KINDS[a.kind]}</span>{a.regionName} · {a.unitName} · {dateOf(a.publishedAt)}</p>
      <h1>{a.title}</h1>
      <ReadAloud text={[a.title, a.summary, ...paragraphs].join('。\n')} />
      <p className="lead">{a.summary}</p>
      {paragraphs.map((p, i) => <p key={i}>{p}</p>)}
      <section className="card">
        <h2>遇到这种情况怎么办</h2>
        <p>不要交钱，不要透露银行卡和验证码。可以在网上举报，也可以打电话、上门举报。</p>
        <button type="button" className="big primary" onClick={() => go('/report')}>我要举报</button>
        <ChannelList chain={chain} limit={1} />
      </section>
      <button type="button" className="big" onClick={() => go('/knowledge')}>看其他文章</button>
    </article>
  );
}

/** The channels of the offices responsible for the region at the chain's end, nearest first (also on the report's review and receipt). */
export function ChannelList({ chain, limit }: { chain: RegionChoice[]; limit?: number }) {
  const [items, setItems] = useState<PublicChannel[] | null>(null);
  const [error, setError] = useState('');
  const q = regionQuery(chain);
  useEffect(() => {
    if (!q) return setItems(null);
    let live = true;
    api('GET', `/api/public/channels?${q}`).then((r) => live && (setItems(r.items), setError('')), () => live && setError('举报方式加载失败，请检查网络后重试'));
    return () => {
      live = false;
    };
  }, [q]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!items) return null;
  if (!items.length) return <p>本地区的专项办还没有公布举报方式。可以拨打 12345 政务服务热线。</p>;
  return (
    <ul className="article-list">
      {items.slice(0, limit).map((c) => (
        <li key={c.unitName} className="card channel">
          <h3>{c.unitName}</h3>
          <a className="big primary tel" href={`tel:${c.hotline.replace(/-/g, '')}`}>拨打举报电话 <span className="nowrap">{c.hotline}</span></a>
          <dl>
            {c.address && <><dt>来访地址</dt><dd>{c.address}</dd></>}
            {c.hours && <><dt>办公时间</dt><dd>{c.hours}</dd></>}
            {c.email && <><dt>电子邮箱</dt><dd><a href={`mailto:${c.email}`}>{c.email}</a></dd></>}
            {c.note && <><dt>说明</dt><dd>{c.note}</dd></>}
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** /channels: the reporting channels of the visitor's region's offices, nearest first. */
export function Channels() {
  const [chain, setChain] = useVisitorRegion();
  return (
    <section>
      <h1>举报电话和地址</h1>
      <p>选择您所在的地区，这里会列出负责本地的专项办公布的举报电话、地址和办公时间，本地的在最前面。</p>
      <RegionPicker value={chain} onChange={setChain} legend="您住在哪里？" />
      <ChannelList chain={chain} />
    </section>
  );
}
