import { useEffect, useState } from 'react';
import { Alert, Card, Col, List, Row, Statistic, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { Go, Me } from './App.tsx';
import type { Notification as Note, Workbench as Bench } from '../api/routes.ts';
import { fmt } from './labels.ts';
import { SupervisionTasks } from './SupervisionTasks.tsx';

const CARDS: [keyof Bench['todo'], string, string][] = [
  ['toAccept', '待受理', 'to_accept'],
  ['toDispatch', '待交办', 'to_dispatch'],
  ['toSign', '待签收', 'to_sign'],
  ['toHandle', '待办理', 'to_handle'],
  ['toReview', '待审核', 'to_review'],
];

export function Workbench({ me, go }: { me: Me; go: Go }) {
  const [bench, setBench] = useState<Bench | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    api('GET', '/api/workbench').then(setBench, (e) => setError(e.message));
    api('GET', '/api/notifications?limit=10').then((r) => setNotes(r.items), () => undefined);
  }, []);
  if (error) return <Alert type="error" message={error} />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>工作台 · {me.unitName}</Typography.Title>
      <Row gutter={[16, 16]}>
        {CARDS.map(([k, label, todo]) => (
          <Col key={k} flex="1 0 150px">
            <Card hoverable onClick={() => go(`/console/tips?todo=${todo}`)} data-testid={`todo-${todo}`}>
              <Statistic title={label} value={bench?.todo[k] ?? '—'} />
            </Card>
          </Col>
        ))}
        <Col flex="1 0 150px">
          <Card hoverable onClick={() => go('/console/tips?overdue=true')}>
            <Statistic title="已超期" value={bench?.overdue ?? '—'} valueStyle={{ color: '#a8071a' }} />
          </Card>
        </Col>
        <Col flex="1 0 150px">
          <Card>
            <Statistic title="3 日内到期" value={bench?.dueSoon ?? '—'} />
          </Card>
        </Col>
        {me.unitKind === 'police' && (
          // 行刑衔接: matters transferred to this police unit with no case naming their subject yet.
          <Col flex="1 0 150px">
            <Card hoverable onClick={() => go('/console/cases')} data-testid="police-transfers">
              <Statistic title="移送待立案" value={bench?.policeTransfers ?? '—'} />
            </Card>
          </Col>
        )}
      </Row>
      <SupervisionTasks go={go} />
      <Card title={`通知（未读 ${bench?.unreadNotifications ?? 0}）`} style={{ marginTop: 24 }}>
        <List
          dataSource={notes}
          locale={{ emptyText: '暂无通知' }}
          renderItem={(n) => (
            <List.Item data-testid="notice">
              <List.Item.Meta
                title={<span style={{ fontWeight: n.readAt ? 400 : 700 }}>{n.text}</span>}
                description={
                  <>
                    {n.tip && (
                      // The tip by its tracking code and first words, as a real link (opens in a new tab too).
                      <a
                        href={`/console/tips/${n.tip.id}`}
                        onClick={(e) => { e.preventDefault(); void api('POST', '/api/notifications/read', { ids: [n.id] }); go(`/console/tips/${n.tip!.id}`); }}
                        style={{ marginRight: 12 }}
                      >
                        线索 {n.tip.trackingCode}：{n.tip.summary}{n.tip.summary.length >= 30 ? '…' : ''}
                      </a>
                    )}
                    {fmt(n.createdAt)}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
