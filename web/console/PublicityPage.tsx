import { lazy, Suspense, useState } from 'react';
import { Spin, Tabs } from 'antd';
import type { Me } from '../api/routes.ts';
import type { Go } from './App.tsx';
import Publicity from './Publicity.tsx';

const Monitoring = lazy(() => import('./Monitoring.tsx'));
const Articles = lazy(() => import('./Articles.tsx'));
const Channels = lazy(() => import('./Channels.tsx'));

import { PUBLICITY_TABS as TABS, type PublicityTab as Tab } from './publicity-tabs.ts';

/** 宣传: activities, ads monitoring, the portal's articles and the office's reporting channels, one tab each (the tab is in the URL). */
export default function PublicityPage({ me, go, search = '' }: { me: Me; go: Go; search?: string }) {
  const fromPath = location.pathname.split('/')[3] as Tab | undefined;
  const [tab, setTab] = useState<Tab>(fromPath && TABS.includes(fromPath) ? fromPath : 'activities');
  const lazyTab = (node: React.ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => {
        setTab(k as Tab);
        history.replaceState(null, '', k === 'activities' ? '/console/publicity' : `/console/publicity/${k}`);
      }}
      destroyOnHidden
      items={[
        { key: 'activities', label: '宣传活动', children: <Publicity me={me} go={go} search={tab === 'activities' ? search : ''} /> },
        { key: 'monitoring', label: '广告监测', children: lazyTab(<Monitoring me={me} go={go} search={tab === 'monitoring' ? search : ''} />) },
        { key: 'articles', label: '防骗知识与预警', children: lazyTab(<Articles me={me} />) },
        { key: 'channels', label: '举报方式', children: lazyTab(<Channels me={me} />) },
      ]}
    />
  );
}
