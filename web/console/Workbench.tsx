import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Card, Col, List, Row, Space, Statistic, Switch, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { Go, Me } from './App.tsx';
import type { Notification as Note, ReportApproval, Workbench as Bench } from '../api/routes.ts';
import { fmt } from './labels.ts';
import { SupervisionTasks } from './SupervisionTasks.tsx';

const CARDS: [keyof Bench['todo'], string, string][] = [
  ['toAccept', '待受理', 'to_accept'],
  ['toDispatch', '待交办', 'to_dispatch'],
  ['toSign', '待签收', 'to_sign'],
  ['toHandle', '待办理', 'to_handle'],
  ['toReview', '待审核', 'to_review'],
];

/**
 * 待我审核 at every level: a unit lead's reports of the unit awaiting approval; an office's closings of
 * lower offices awaiting its review (上级审核). Each opens the list filtered to them.
 */
function ReviewCards({ me, bench, go }: { me: Me; bench: Bench | null; go: Go }) {
  const cards: [number | undefined, string, string][] = [];
  if (me.roles.includes('unit_lead')) cards.push([bench?.todo.toApprove, '待审办理结果', 'to_approve']);
  if (me.unitKind === 'campaign_office' && me.roles.some((r) => r === 'intake' || r === 'office_lead')) cards.push([bench?.todo.toReviewClosure, '待审下级办结', 'to_review_closure']);
  return (
    <>
      {cards.map(([n, label, todo]) => (
        <Col key={todo} flex="1 0 150px">
          <Card hoverable onClick={() => go(`/console/tips?todo=${todo}`)} data-testid={`todo-${todo}`}>
            <Statistic title={label} value={n ?? '—'} valueStyle={n ? { color: '#ad4e00' } : undefined} />
          </Card>
        </Col>
      ))}
    </>
  );
}

/** A member unit's 单位负责人审核 setting: its staff read it, its unit lead switches it (audited). */
function ApprovalSetting({ me }: { me: Me }) {
  const { message } = AntApp.useApp();
  const [setting, setSetting] = useState<ReportApproval | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api('GET', `/api/units/${me.unitId}/report-approval`).then(setSetting, () => undefined);
  }, [me.unitId]);
  if (!setting) return null;
  const change = async (required: boolean) => {
    setBusy(true);
    try {
      setSetting(await api('PUT', `/api/units/${me.unitId}/report-approval`, { required }));
      message.success(required ? '已开启：本单位办理结果须经单位负责人审核后报送' : '已关闭：本单位办理结果直接报送交办单位');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="approval-setting">
      <Space wrap>
        <span>办理结果须经单位负责人审核后报送</span>
        <Switch checked={setting.required} disabled={!setting.canChange} loading={busy} onChange={change} aria-label="办理结果须经单位负责人审核" />
        <Typography.Text type="secondary">
          {setting.canChange ? '只有一名工作人员的单位可关闭；修改记入审计日志' : '由本单位负责人设置'}
        </Typography.Text>
      </Space>
    </Card>
  );
}

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
        <ReviewCards me={me} bench={bench} go={go} />
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
      {me.unitKind !== 'campaign_office' && me.roles.some((r) => r === 'handler' || r === 'unit_lead') && <ApprovalSetting me={me} />}
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
