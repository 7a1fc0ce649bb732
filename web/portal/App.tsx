import { useEffect, useState } from 'react';
import { Home } from './Home.tsx';
import { Report } from './Report.tsx';
import { Done } from './Done.tsx';
import { Track } from './Track.tsx';
import { ScamCheck } from './ScamCheck.tsx';
import { WithTel } from './Tel.tsx';
import { forgetReceipt, keepReceipt, pendingReceipt, type StoredReceipt } from './receipt-store.ts';
import { Article, Channels, Knowledge } from './Knowledge.tsx';
import { TypicalCases } from './TypicalCases.tsx';
import type { RegionChoice } from './RegionPicker.tsx';

const LARGE_KEY = 'shouhu.largeText';

/** A tiny path router: five pages do not need a routing library. */
export function App() {
  const [path, setPath] = useState(location.pathname);
  // The receipt waiting for 我已记下: kept on this device so that a reload, a back navigation or a
  // discarded tab does not lose the one-time key (receipt-store.ts).
  const [receipt, setReceipt] = useState<StoredReceipt | null>(() => pendingReceipt(localStorage));
  // The report's region for the receipt's reporting channels: in memory only (the stored receipt keeps nothing of the report).
  const [reportRegion, setReportRegion] = useState<RegionChoice[]>([]);
  const [large, setLarge] = useState(() => localStorage.getItem(LARGE_KEY) === '1');

  useEffect(() => {
    const onPop = () => {
      setPath(location.pathname);
      setReceipt(pendingReceipt(localStorage));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('large', large);
    localStorage.setItem(LARGE_KEY, large ? '1' : '0');
  }, [large]);

  const go = (to: string, replace = false) => {
    if (replace) history.replaceState(null, '', to);
    else history.pushState(null, '', to);
    setPath(to);
    scrollTo(0, 0);
  };

  let page;
  if (path === '/report') {
    // The receipt replaces the form in the history: back from it leads home, not to an emptied form.
    page = <Report onDone={(r, region) => { setReceipt(keepReceipt(localStorage, r)); setReportRegion(region); go('/done', true); }} go={go} />;
  } else if (path === '/done') {
    page = <Done receipt={receipt} region={reportRegion} go={go} onSaved={() => { forgetReceipt(localStorage); setReceipt(null); }} />;
  } else if (path === '/track') page = <Track go={go} prefill={receipt} />;
  else if (path === '/check') page = <ScamCheck go={go} />;
  else if (path === '/knowledge') page = <Knowledge go={go} />;
  else if (path.split('?')[0] === '/article') page = <Article key={path} go={go} />;
  else if (path === '/channels') page = <Channels />;
  else if (path === '/cases' || path.startsWith('/cases/')) page = <TypicalCases go={go} id={Number(path.split('/')[2]) || undefined} />;
  else page = <Home go={go} />;

  return (
    <>
      <header className="bar">
        <a href="/" className="brand" onClick={(e) => { e.preventDefault(); go('/'); }}>
          守护 · 养老诈骗举报
        </a>
        <button type="button" className="toggle" aria-pressed={large} onClick={() => setLarge(!large)}>
          {large ? '标准字' : '大字'}
        </button>
      </header>
      <main>
        {receipt && path !== '/done' && (
          <div className="banner" role="note">
            <p>您刚才举报的<strong>查询码和密钥</strong>还没有确认记下。</p>
            <button type="button" className="big" onClick={() => go('/done')}>查看回执</button>
          </div>
        )}
        {page}
      </main>
      <footer className="foot">
        <p><WithTel text="遇到紧急情况请拨打 110；反诈咨询 96110。" /></p>
        <p>本网站不记录您的 IP 地址。匿名举报不需要填写任何个人信息。</p>
      </footer>
    </>
  );
}
