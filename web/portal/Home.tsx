import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { ResponseOf } from '../api/routes.ts';
import { KINDS } from './content.ts';
import { HomeWarnings } from './Knowledge.tsx';

type Typical = ResponseOf<'GET', '/api/public/typical-cases'>['items'][number];

/** The newest published typical cases (newest first from the server), three of them; nothing while none or offline. */
function HomeTypical({ go }: { go: (to: string) => void }) {
  const [items, setItems] = useState<Typical[]>([]);
  useEffect(() => {
    let live = true;
    api('GET', '/api/public/typical-cases').then((r) => live && setItems(r.items.slice(0, 3)), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!items.length) return null;
  return (
    <section data-testid="home-typical">
      <h2>最新典型案例</h2>
      <ul className="article-list">
        {items.map((c) => (
          <li key={c.id}>
            <a className="article-link" href={`/cases/${c.id}`} onClick={(e) => { e.preventDefault(); go(`/cases/${c.id}`); }}>
              <h3>{c.title}</h3>
              <p>{c.excerpt}…</p>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Home({ go }: { go: (to: string) => void }) {
  return (
    <>
      <section className="hero">
        <h1>发现养老诈骗，请告诉我们</h1>
        <p>可以匿名举报。每一条举报都会有人受理，并给您答复。</p>
        <button type="button" className="big primary" onClick={() => go('/report')}>我要举报</button>
        <button type="button" className="big" onClick={() => go('/track')}>查询进度</button>
        <button type="button" className="big" onClick={() => go('/check')}>这是不是骗局？帮我看看</button>
        <button type="button" className="big" onClick={() => go('/cases')}>典型案例</button>
      </section>
      <HomeWarnings go={go} />
      <HomeTypical go={go} />
      <section>
        <h2>这些都是常见的养老诈骗</h2>
        <ul className="kinds">
          {KINDS.map((k) => (
            <li key={k.code} className="card">
              <h3>{k.title}</h3>
              <p>{k.plain}</p>
              <p className="example">例如：{k.example}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>怎么举报</h2>
        <ol className="steps">
          <li>点“我要举报”，选择遇到了哪种情况、在哪里发生。</li>
          <li>说说经过，能拍照、录音的可以一起上传。</li>
          <li>选择是否匿名，核对一遍后提交，记下<strong>查询码</strong>和<strong>密钥</strong>，用来查看办理进度和答复。</li>
        </ol>
        <p>家人、邻居也可以替老人举报。</p>
      </section>
    </>
  );
}
