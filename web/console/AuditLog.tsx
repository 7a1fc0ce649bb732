import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { AuditItem as Entry } from '../api/routes.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../shared/domain.ts';
import { useServerFieldErrors } from './hooks.ts';
import { fmt } from './labels.ts';

const actionOptions = Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }));
const entityOptions = Object.entries(AUDIT_ENTITIES).map(([value, label]) => ({ value, label }));

/** The append-only audit log, for auditors, in words: who (name and unit), did what, to which object, with what details. */
export default function AuditLog() {
  const [items, setItems] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [filter, setFilter] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState('');
  const { form, show } = useServerFieldErrors();
  const load = async (cursor?: string) => {
    const p = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]?.trim()));
    if (cursor) p.set('cursor', cursor);
    setError('');
    try {
      const r = await api('GET', `/api/audit?${p}`);
      setItems((old) => (cursor ? [...old, ...r.items] : r.items));
      setNext(r.nextCursor);
    } catch (e) {
      show(e);
      setError((e as Error).message);
    }
  };
  useEffect(() => void load(), [filter]);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>审计日志</Typography.Title>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="inline" onFinish={setFilter} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action" label="操作">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} options={actionOptions} placeholder="全部操作" />
        </Form.Item>
        <Form.Item name="entity" label="对象类型">
          <Select allowClear style={{ width: 140 }} options={entityOptions} placeholder="全部" />
        </Form.Item>
        <Form.Item name="actor" label="操作人"><Input allowClear placeholder="姓名或用户名" style={{ width: 160 }} /></Form.Item>
        <Form.Item name="trackingCode" label="线索查询码"><Input allowClear inputMode="numeric" placeholder="12 位数字" style={{ width: 160 }} /></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">查询</Button>
          <Button onClick={() => { form.resetFields(); setFilter({}); }}>清空</Button>
        </Space>
      </Form>
      <Table<Entry>
        rowKey="id"
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '没有符合条件的记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', render: fmt, width: 170 },
          {
            title: '操作人', dataIndex: 'actor', width: 200,
            render: (a: string, e) => <>{a}{e.actorUnit && <div><Typography.Text type="secondary">{e.actorUnit}</Typography.Text></div>}</>,
          },
          { title: '操作', dataIndex: 'actionLabel', width: 150 },
          { title: '对象', render: (_, e) => (e.object ? `${e.entityLabel} ${e.object}` : e.entityLabel), width: 220 },
          {
            title: '详情',
            render: (_, e) =>
              e.fields.length ? (
                <Space direction="vertical" size={0}>
                  {e.fields.map((f) => <span key={f.label}><Typography.Text type="secondary">{f.label}：</Typography.Text>{f.value}</span>)}
                </Space>
              ) : '—',
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>{next && <Button onClick={() => void load(next)}>加载更多</Button>}</Space>
    </>
  );
}
