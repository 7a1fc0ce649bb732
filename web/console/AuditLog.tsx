import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space, Table, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { AuditItem as Entry } from '../api/routes.ts';
import { useServerFieldErrors } from './hooks.ts';
import { fmt } from './labels.ts';

/** The append-only audit log, for auditors: filter by object, page back in time. */
export default function AuditLog() {
  const [items, setItems] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const { form, show } = useServerFieldErrors();
  const load = async (cursor?: string) => {
    const p = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
    if (cursor) p.set('cursor', cursor);
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
      {error && <Alert type="error" message={error} />}
      <Form form={form} layout="inline" onFinish={setFilter} style={{ marginBottom: 16 }}>
        <Form.Item name="entity" label="对象类型"><Input placeholder="tip / user / unit" /></Form.Item>
        <Form.Item name="entityId" label="对象编号"><Input /></Form.Item>
        <Form.Item name="action" label="操作"><Input placeholder="如 tip.identity_revealed" /></Form.Item>
        <Button type="primary" htmlType="submit">查询</Button>
      </Form>
      <Table<Entry>
        rowKey="id"
        dataSource={items}
        pagination={false}
        columns={[
          { title: '时间', dataIndex: 'at', render: fmt, width: 180 },
          { title: '操作人', dataIndex: 'actorName', width: 140 },
          { title: '操作', dataIndex: 'action', width: 220 },
          { title: '对象', render: (_, e) => `${e.entity} ${e.entityId ?? ''}`, width: 140 },
          { title: '详情', dataIndex: 'detail', render: (d) => (d ? <code>{JSON.stringify(d)}</code> : '—') },
        ]}
      />
      <Space style={{ marginTop: 16 }}>{next && <Button onClick={() => void load(next)}>加载更多</Button>}</Space>
    </>
  );
}
