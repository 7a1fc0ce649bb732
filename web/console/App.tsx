import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { App as AntApp, Badge, Button, Layout, Menu, Spin, Typography } from 'antd';
import { api, onUnauthorized } from '../api/client.ts';
import type { Me } from '../api/routes.ts';
import { Login } from './Login.tsx';
import { Workbench } from './Workbench.tsx';
import { TipList } from './TipList.tsx';
import { TipDetail } from './TipDetail.tsx';
import { ROLES } from './labels.ts';
import { TIP_READER_ROLES } from '../../shared/domain.ts';

// Charts load only when the dashboard is opened, keeping ECharts out of the first load.
const Dashboard = lazy(() => import('./Dashboard.tsx'));
const Admin = lazy(() => import('./Admin.tsx'));
const AuditLog = lazy(() => import('./AuditLog.tsx'));
const Figures = lazy(() => import('./Figures.tsx'));
const Account = lazy(() => import('./Account.tsx'));
const Subjects = lazy(() => import('./Subjects.tsx'));
const Publicity = lazy(() => import('./PublicityPage.tsx'));
const Cases = lazy(() => import('./Cases.tsx'));


export type { Me };

export type Go = (to: string) => void;

/** The console shell: who is signed in, the menu, and a path router under /console. */
export function App() {
  const { message } = AntApp.useApp();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [path, setPath] = useState(location.pathname + location.search);
  const [unread, setUnread] = useState(0);

  const go: Go = useCallback((to) => {
    history.pushState(null, '', to);
    setPath(to);
  }, []);

  useEffect(() => {
    api('GET', '/api/auth/me').then((r) => setMe(r.user), () => setMe(null));
    const onPop = () => setPath(location.pathname + location.search);
    addEventListener('popstate', onPop);
    // An expired session anywhere sends the user back to sign in, with the reason.
    const off = onUnauthorized((err) => {
      setMe((current) => {
        if (current) message.warning(err.code === 'SESSION_EXPIRED' ? '登录已过期，请重新登录' : '请先登录');
        return null;
      });
    });
    return () => {
      removeEventListener('popstate', onPop);
      off();
    };
  }, [message]);

  useEffect(() => {
    if (!me) return;
    const load = () => api('GET', '/api/notifications?limit=1').then((r) => setUnread(r.unread), () => undefined);
    void load();
    const t = setInterval(load, 60_000);
    return () => clearInterval(t);
  }, [me, path]);

  if (me === undefined) return <Spin fullscreen />;
  if (me === null) return <Login onLogin={(u) => { setMe(u); go('/console'); }} />;

  const readsTips = me.roles.some((r) => (TIP_READER_ROLES as readonly string[]).includes(r));
  const [, , requested, id] = path.split('?')[0].split('/');
  // Administrators and auditors who handle no tips land on their own page.
  const section = requested ?? (readsTips ? undefined : me.roles.includes('admin') ? 'admin' : 'audit');
  let page;
  if (section === 'tips' && id) page = <TipDetail id={Number(id)} me={me} go={go} />;
  else if (section === 'tips') page = <TipList go={go} search={path.split('?')[1] ?? ''} />;
  else if (section === 'figures') page = <Suspense fallback={<Spin />}><Figures /></Suspense>;
  else if (section === 'audit') page = <Suspense fallback={<Spin />}><AuditLog /></Suspense>;
  else if (section === 'admin') page = <Suspense fallback={<Spin />}><Admin me={me} /></Suspense>;
  else if (section === 'subjects') page = <Suspense fallback={<Spin />}><Subjects me={me} go={go} id={id ? Number(id) : undefined} /></Suspense>;
  else if (section === 'publicity') page = <Suspense fallback={<Spin />}><Publicity me={me} /></Suspense>;
  else if (section === 'cases') page = <Suspense fallback={<Spin />}><Cases me={me} go={go} id={id ? Number(id) : undefined} /></Suspense>;
  else if (section === 'account') page = <Suspense fallback={<Spin />}><Account me={me} /></Suspense>;
  else if (section === 'dashboard') page = <Suspense fallback={<Spin />}><Dashboard go={go} /></Suspense>;
  else page = <Workbench me={me} go={go} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#7a1712' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>守护 · 专项办工作平台</Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ flex: 1, background: 'transparent' }}
          selectedKeys={[section ?? 'home']}
          items={[
            ...(readsTips
              ? [
                  { key: 'home', label: <Badge count={unread} size="small" offset={[8, 0]}><span style={{ color: '#fff' }}>工作台</span></Badge>, onClick: () => go('/console') },
                  { key: 'tips', label: '线索', onClick: () => go('/console/tips') },
                  { key: 'subjects', label: '排查整治', onClick: () => go('/console/subjects') },
                  { key: 'publicity', label: '宣传', onClick: () => go('/console/publicity') },
                  { key: 'cases', label: '案件', onClick: () => go('/console/cases') },
                  { key: 'dashboard', label: '统计', onClick: () => go('/console/dashboard') },
                  ...(me.unitKind === 'campaign_office' && me.roles.some((r) => r === 'intake' || r === 'office_lead')
                    ? [{ key: 'figures', label: '上报数字', onClick: () => go('/console/figures') }]
                    : []),
                ]
              : []),
            ...(me.roles.includes('admin') ? [{ key: 'admin', label: '管理', onClick: () => go('/console/admin') }] : []),
            ...(me.roles.includes('auditor') ? [{ key: 'audit', label: '审计', onClick: () => go('/console/audit') }] : []),
          ]}
        />
        <Typography.Text style={{ color: '#fff' }}>{me.unitName} · {me.displayName}（{me.roles.map((r) => ROLES[r]).join('、')}）</Typography.Text>
        <Button size="small" onClick={() => go('/console/account')}>账号安全</Button>
        <Button size="small" onClick={() => api('POST', '/api/auth/logout').finally(() => setMe(null))}>退出</Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>{page}</Layout.Content>
    </Layout>
  );
}
