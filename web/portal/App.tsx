import { useEffect, useState } from 'react';
import { Home } from './Home.tsx';
import { Report, type Receipt } from './Report.tsx';
import { Done } from './Done.tsx';
import { Track } from './Track.tsx';
import { ScamCheck } from './ScamCheck.tsx';
import { TypicalCases } from './TypicalCases.tsx';

const LARGE_KEY = 'shouhu.largeText';

/** A tiny path router: five pages do not need a routing library. */
export function App() {
  const [path, setPath] = useState(location.pathname);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [large, setLarge] = useState(() => localStorage.getItem(LARGE_KEY) === '1');

  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('large', large);
    localStorage.setItem(LARGE_KEY, large ? '1' : '0');
  }, [large]);

  const go = (to: string) => {
    history.pushState(null, '', to);
    setPath(to);
    scrollTo(0, 0);
  };

  let page;
  if (path === '/report') page = <Report onDone={(r) => { setReceipt(r); go('/done'); }} go={go} />;
  else if (path === '/done') page = <Done receipt={receipt} go={go} />;
  else if (path === '/track') page = <Track go={go} />;
  else if (path === '/check') page = <ScamCheck go={go} />;
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
      <main>{page}</main>
      <footer className="foot">
        <p>遇到紧急情况请拨打 110；反诈咨询 96110。</p>
        <p>本网站不记录您的 IP 地址。匿名举报不需要填写任何个人信息。</p>
      </footer>
    </>
  );
}
