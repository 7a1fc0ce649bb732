import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, Badge, Button, Layout, Menu, Result, Spin, Typography } from 'antd';
import { api, onUnauthorized } from '../api/client.ts';
import type { Me } from '../api/routes.ts';
import { Login } from './Login.tsx';
import { Workbench } from './Workbench.tsx';
import { TipList } from './TipList.tsx';
import { TipDetail } from './TipDetail.tsx';
import { ROLES } from './labels.ts';
import { PUBLICITY_TABS } from './publicity-tabs.ts';
import { FIGURE_READER_ROLES, HANDOVER_ROLES, TIP_READER_ROLES } from '../../shared/domain.ts';

// Charts load only when the dashboard is opened, keeping ECharts out of the first load.
const Dashboard = lazy(() => import('./Dashboard.tsx'));
const StatsDashboard = lazy(() => import('./StatsDashboard.tsx'));
const Admin = lazy(() => import('./Admin.tsx'));
const AuditLog = lazy(() => import('./AuditLog.tsx'));
const Figures = lazy(() => import('./Figures.tsx'));
const Account = lazy(() => import('./Account.tsx'));
const Subjects = lazy(() => import('./Subjects.tsx'));
const Publicity = lazy(() => import('./PublicityPage.tsx'));
const Cases = lazy(() => import('./Cases.tsx'));
const Supervision = lazy(() => import('./Supervision.tsx'));
const Evaluation = lazy(() => import('./Evaluation.tsx'));
const Reports = lazy(() => import('./Reports.tsx'));
const Intake = lazy(() => import('./Intake.tsx').then((m) => ({ default: m.Intake })));
const Handovers = lazy(() => import('./Intake.tsx').then((m) => ({ default: m.Handovers })));
const Registry = lazy(() => import('./Registry.tsx'));
const Rounds = lazy(() => import('./Rounds.tsx'));
const Checklists = lazy(() => import('./Checklists.tsx'));

export type { Me };

export type Go = (to: string) => void;

/** What a page gets from the shell: the user, navigation, the id after the section (/console/tips/12) and the query. */
interface PageProps { me: Me; go: Go; id?: number; search: string }

/** The menu's groups, top to bottom; a group shows when the user has one of its sections. */
const GROUPS = { work: '工作台', tips: '线索', screening: '排查整治', cases: '打击', publicity: '宣传', supervision: '督导', stats: '统计', system: '系统' } as const;

const readsTips = (me: Me) => me.roles.some((r) => (TIP_READER_ROLES as readonly string[]).includes(r));
const handsOver = (me: Me) => me.unitKind !== 'campaign_office' && me.roles.some((r) => (HANDOVER_ROLES as readonly string[]).includes(r));
const registersTips = (me: Me) => me.unitKind === 'campaign_office' && me.roles.some((r) => r === 'intake' || r === 'office_lead');
const reportsFigures = (me: Me) => me.roles.some((r) => (FIGURE_READER_ROLES as readonly string[]).includes(r));
const lazyPage = (page: ReactNode) => <Suspense fallback={<Spin />}>{page}</Suspense>;

/**
 * Every section of the console: its URL segment (/console/<key>), menu group and label, who sees it,
 * and its page. Menu and router both read this list, so a new section is one line here.
 */
/** A section's page; `tabs` are the named sub-addresses it opens (/console/<key>/<tab>), besides a record id. */
const SECTIONS: {
  key: string; group: keyof typeof GROUPS; label: string; show: (me: Me) => boolean; page: (p: PageProps) => ReactNode; inMenu?: false; tabs?: readonly string[];
}[] = [
  { key: 'home', group: 'work', label: '我的工作台', show: readsTips, page: (p) => <Workbench me={p.me} go={p.go} /> },
  { key: 'tips', group: 'tips', label: '线索列表', show: readsTips, page: (p) => (p.id ? <TipDetail id={p.id} me={p.me} go={p.go} /> : <TipList go={p.go} search={p.search} />) },
  { key: 'intake', group: 'tips', label: '线索登记', show: registersTips, page: (p) => lazyPage(<Intake go={p.go} />) },
  { key: 'handovers', group: 'tips', label: '移交线索', show: handsOver, page: (p) => lazyPage(<Handovers me={p.me} />) },
  { key: 'subjects', group: 'screening', label: '排查整治台账', show: readsTips, page: (p) => lazyPage(<Subjects me={p.me} go={p.go} id={p.id} search={p.search} />) },
  { key: 'registry', group: 'screening', label: '主体名录', show: readsTips, page: (p) => lazyPage(<Registry id={p.id} go={p.go} />) },
  { key: 'rounds', group: 'screening', label: '排查批次', show: readsTips, page: (p) => lazyPage(<Rounds me={p.me} go={p.go} id={p.id} search={p.search} />) },
  { key: 'checklists', group: 'screening', label: '检查表', show: (me) => readsTips(me) || me.roles.includes('admin'), page: (p) => lazyPage(<Checklists me={p.me} />), inMenu: false },
  { key: 'cases', group: 'cases', label: '案件与执法', show: readsTips, page: (p) => lazyPage(<Cases me={p.me} go={p.go} id={p.id} search={p.search} />) },
  { key: 'publicity', group: 'publicity', label: '宣传工作', show: readsTips, page: (p) => lazyPage(<Publicity me={p.me} go={p.go} search={p.search} />), tabs: PUBLICITY_TABS },
  { key: 'supervision', group: 'supervision', label: '督导检查', show: readsTips, page: (p) => lazyPage(<Supervision me={p.me} go={p.go} id={p.id} search={p.search} />) },
  { key: 'stats', group: 'stats', label: '数据看板', show: readsTips, page: (p) => lazyPage(<StatsDashboard me={p.me} go={p.go} search={p.search} />) },
  { key: 'dashboard', group: 'stats', label: '统计概览', show: readsTips, page: (p) => lazyPage(<Dashboard go={p.go} />) },
  { key: 'evaluation', group: 'stats', label: '考评排名', show: readsTips, page: (p) => lazyPage(<Evaluation me={p.me} />) },
  { key: 'figures', group: 'stats', label: '上报数字', show: reportsFigures, page: (p) => lazyPage(<Figures me={p.me} />) },
  { key: 'reports', group: 'stats', label: '工作报告', show: readsTips, page: (p) => lazyPage(<Reports me={p.me} go={p.go} id={p.id} />) },
  { key: 'admin', group: 'system', label: '单位与用户管理', show: (me) => me.roles.includes('admin'), page: (p) => lazyPage(<Admin me={p.me} />) },
  { key: 'audit', group: 'system', label: '审计日志', show: (me) => me.roles.includes('auditor'), page: () => lazyPage(<AuditLog />) },
  // Reached from the header's button, for everyone: not repeated in the menu.
  { key: 'account', group: 'system', label: '账号安全', show: () => true, page: (p) => lazyPage(<Account me={p.me} />), inMenu: false },
];

const pathOf = (key: string) => (key === 'home' ? '/console' : `/console/${key}`);

function NotFound({ go, home }: { go: Go; home: string }) {
  return (
    <Result status="404" title="页面不存在" subTitle="您访问的地址不存在，或您没有查看该页面的权限。"
      extra={<Button type="primary" onClick={() => go(home)}>返回首页</Button>} />
  );
}

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

  const mine = SECTIONS.filter((s) => s.show(me));
  // Administrators and auditors who handle no tips land on their own page.
  const landing = mine.find((s) => s.inMenu !== false) ?? mine[0];
  const [pathname, search = ''] = path.split('?');
  const [, , requested, rawId, ...rest] = pathname.split('/');
  const key = requested || landing.key;
  const section = mine.find((s) => s.key === key);
  const id = rawId === undefined || rawId === '' || section?.tabs?.includes(rawId) ? undefined : /^\d{1,15}$/.test(rawId) ? Number(rawId) : NaN;
  const page = section && !Number.isNaN(id) && !rest.length && !(key === 'home' && requested)
    ? section.page({ me, go, id, search })
    : <NotFound go={go} home={pathOf(landing.key)} />;

  const items = (Object.keys(GROUPS) as (keyof typeof GROUPS)[]).flatMap((g) => {
    const children = mine.filter((s) => s.group === g && s.inMenu !== false).map((s) => ({
      key: s.key,
      label: s.key === 'home' ? <Badge count={unread} size="small" offset={[10, 0]}>{s.label}</Badge> : s.label,
      onClick: () => go(pathOf(s.key)),
    }));
    return children.length ? [{ type: 'group' as const, key: `group-${g}`, label: GROUPS[g], children }] : [];
  });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#7a1712', paddingInline: 20, position: 'sticky', top: 0, zIndex: 10 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap', flex: 1 }}>守护 · 专项办工作平台</Typography.Text>
        <Typography.Text style={{ color: '#fff' }} ellipsis>{me.unitName} · {me.displayName}（{me.roles.map((r) => ROLES[r]).join('、')}）</Typography.Text>
        <Button size="small" onClick={() => go('/console/account')}>账号安全</Button>
        <Button size="small" onClick={() => api('POST', '/api/auth/logout').finally(() => setMe(null))}>退出</Button>
      </Layout.Header>
      <Layout>
        {/* A vertical menu in groups: sections are added below each other, never hidden behind "···". */}
        <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 64, height: 'calc(100vh - 64px)', overflowY: 'auto' }}>
          <nav aria-label="主菜单">
            <Menu className="console-menu" mode="inline" selectedKeys={[section?.key ?? '']} items={items} style={{ borderInlineEnd: 'none' }} />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>{page}</Layout.Content>
      </Layout>
    </Layout>
  );
}
