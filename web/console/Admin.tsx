import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api } from '../api/client.ts';
import { useAllPages, useList, useSubmit } from './hooks.ts';
import type { AdminUser as User, Me, RoutingRule as Rule } from '../api/routes.ts';
import { COLORS, FRAUD_TYPES, ROLES, UNIT_KINDS, fmt } from './labels.ts';
import { RegionPicker } from './RegionPicker.tsx';

type Row = { key: string; name: string; kind?: string; children?: Row[] };

const kindOptions = Object.entries(UNIT_KINDS).map(([value, label]) => ({ value, label }));
const roleOptions = Object.entries(ROLES).map(([value, label]) => ({ value, label }));

function UnitsTab() {
  const units = useAllPages('/api/admin/units?limit=1000');
  const [open, setOpen] = useState(false);
  const { form, busy, submit } = useSubmit(() => { setOpen(false); void units.reload(); });
  // A tree by region: each region with units is nested under the nearest ancestor region that has units.
  const tree = useMemo(() => {
    const byRegion = new Map<string, Row>();
    for (const u of units.items) {
      if (!byRegion.has(u.regionCode)) byRegion.set(u.regionCode, { key: `r${u.regionCode}`, name: u.regionName || '全国', children: [] });
      byRegion.get(u.regionCode)!.children!.push({ key: `u${u.id}`, name: u.name, kind: UNIT_KINDS[u.kind] });
    }
    const roots: Row[] = [];
    const codes = [...byRegion.keys()].sort((a, b) => a.length - b.length);
    for (const code of codes) {
      const parent = codes.filter((c) => c.length < code.length && code.startsWith(c)).pop();
      (parent !== undefined ? byRegion.get(parent)!.children! : roots).push(byRegion.get(code)!);
    }
    return roots;
  }, [units.items]);
  return (
    <>
      {units.error && <Alert type="error" message={units.error} />}
      {units.truncated && <Alert type="warning" showIcon message={`单位较多，仅显示前 ${units.items.length} 个`} style={{ marginBottom: 16 }} />}
      <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 16 }}>新建单位</Button>
      <Table<Row> key={units.items.length} rowKey="key" dataSource={tree} pagination={false} expandable={{ defaultExpandAllRows: true }} columns={[{ title: '地区 / 单位', dataIndex: 'name' }, { title: '类型', dataIndex: 'kind' }]} />
      <Modal title="新建单位" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => submit(() => api('POST', '/api/admin/units', { regionCode: v.regionCode, kind: v.kind, name: v.name }), '单位已创建')}>
          <Form.Item name="regionCode" label="所在地区" rules={[{ required: true, message: '请输入地名并选择地区' }]}><RegionPicker /></Form.Item>
          <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}><Select options={kindOptions} /></Form.Item>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, min: 2, message: '请填写单位名称' }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>创建</Button>
        </Form>
      </Modal>
    </>
  );
}

function UsersTab() {
  const { message } = AntApp.useApp();
  const users = useAllPages('/api/admin/users?limit=200');
  const units = useAllPages('/api/admin/units?limit=1000');
  const [editing, setEditing] = useState<{ user: User | null; mode: 'create' | 'password' | 'roles' } | null>(null);
  const { form, busy, submit } = useSubmit(() => { setEditing(null); void users.reload(); });
  const act = async (path: string, done: string) => {
    try {
      await api('POST', path);
      message.success(done);
      void users.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const toggle = (u: User) => act(`/api/admin/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`, u.disabled ? '已启用' : '已停用，其登录已立即失效');
  return (
    <>
      {users.error && <Alert type="error" message={users.error} />}
      {(users.truncated || units.truncated) && <Alert type="warning" showIcon message={`用户或单位较多，仅显示前 ${users.items.length} 个用户、${units.items.length} 个单位`} style={{ marginBottom: 16 }} />}
      <Button type="primary" onClick={() => setEditing({ user: null, mode: 'create' })} style={{ marginBottom: 16 }}>新建用户</Button>
      <Table<User>
        rowKey="id"
        // Newest first, so a user just created is on the first page.
        dataSource={[...users.items].reverse()}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '单位', dataIndex: 'unitName' },
          { title: '角色', dataIndex: 'roles', render: (r: User['roles']) => r.map((x) => ROLES[x]).join('、') },
          { title: '状态', dataIndex: 'disabled', render: (d) => (d ? <Tag color={COLORS.grey}>已停用</Tag> : <Tag color={COLORS.green}>正常</Tag>) },
          { title: '两步验证', dataIndex: 'totpEnabled', render: (on: boolean) => (on ? <Tag color={COLORS.green}>已开启</Tag> : <Tag color={COLORS.grey}>未开启</Tag>) },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: fmt },
          {
            title: '操作',
            render: (_, u) => (
              <Space>
                <Popconfirm title={u.disabled ? '确定启用该用户？' : '确定停用该用户？停用后其登录立即失效。'} okText="确定" cancelText="取消" onConfirm={() => void toggle(u)}>
                  <Button size="small" danger={!u.disabled}>{u.disabled ? '启用' : '停用'}</Button>
                </Popconfirm>
                <Button size="small" onClick={() => setEditing({ user: u, mode: 'password' })}>重置密码</Button>
                <Button size="small" onClick={() => { setEditing({ user: u, mode: 'roles' }); form.setFieldsValue({ roles: u.roles }); }}>修改角色</Button>
                {u.totpEnabled && (
                  <Popconfirm title="确定重置该用户的两步验证？" description="用于手机丢失等情况；其登录将立即失效，需重新开启。" okText="重置" cancelText="取消" onConfirm={() => void act(`/api/admin/users/${u.id}/totp-reset`, '已重置两步验证')}>
                    <Button size="small">重置两步验证</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={editing?.mode === 'create' ? '新建用户' : editing?.mode === 'password' ? `重置密码：${editing.user?.username}` : `修改角色：${editing?.user?.username}`}
        open={!!editing}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            editing?.mode === 'create'
              ? submit(() => api('POST', '/api/admin/users', v), '用户已创建')
              : editing?.mode === 'password'
                ? submit(() => api('POST', `/api/admin/users/${editing.user!.id}/password`, { password: v.password }), '密码已重置，该用户需重新登录')
                : submit(() => api('PUT', `/api/admin/users/${editing!.user!.id}/roles`, { roles: v.roles }), '角色已更新')
          }
        >
          {editing?.mode === 'create' && (
            <>
              <Form.Item name="username" label="用户名" rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32 位字母、数字、下划线、点或横线' }]}><Input autoComplete="off" /></Form.Item>
              <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input /></Form.Item>
              <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
                <Select showSearch optionFilterProp="label" options={units.items.map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` }))} />
              </Form.Item>
            </>
          )}
          {editing?.mode !== 'password' && (
            <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请至少选择一个角色' }]}><Select mode="multiple" options={roleOptions} /></Form.Item>
          )}
          {editing?.mode !== 'roles' && (
            <Form.Item name="password" label={editing?.mode === 'create' ? '初始密码' : '新密码'} extra="至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类" rules={[{ required: true, min: 10, message: '密码至少 10 位' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>确定</Button>
        </Form>
      </Modal>
    </>
  );
}

function RulesTab() {
  const rules = useList('/api/routing-rules');
  const [open, setOpen] = useState(false);
  const { message } = AntApp.useApp();
  const { form, busy, submit } = useSubmit(() => { setOpen(false); void rules.reload(); });
  return (
    <>
      <Typography.Paragraph>分流规则决定每类线索在某地区由哪类单位主办、哪些单位协办；交办时系统据此推荐承办单位。“全国”的规则处处适用，某地的规则优先用于该地及其下辖地区。</Typography.Paragraph>
      <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 16 }}>新增或修改规则</Button>
      <Table<Rule>
        rowKey="id"
        dataSource={rules.items}
        pagination={false}
        columns={[
          { title: '线索类型', dataIndex: 'fraudType', render: (c: Rule['fraudType']) => FRAUD_TYPES[c] },
          { title: '地区', dataIndex: 'regionName' },
          { title: '主办', dataIndex: 'leadKind', render: (k: Rule['leadKind']) => UNIT_KINDS[k] },
          { title: '协办', dataIndex: 'assistKinds', render: (ks: Rule['assistKinds']) => ks.map((k) => UNIT_KINDS[k]).join('、') || '—' },
          { title: '更新时间', dataIndex: 'updatedAt', render: fmt },
          {
            title: '操作',
            render: (_, r) => (
              <Popconfirm title="确定删除这条规则？" okText="删除" cancelText="取消" onConfirm={() => api('DELETE', `/api/admin/routing-rules/${r.id}`).then(() => { message.success('已删除'); void rules.reload(); }, (e) => message.error(e.message))}>
                <Button size="small" danger>删除</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal title="新增或修改分流规则" open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ regionPrefix: '', assistKinds: [] }} onFinish={(v) => submit(() => api('PUT', '/api/admin/routing-rules', v), '规则已保存')}>
          <Form.Item name="fraudType" label="线索类型" rules={[{ required: true, message: '请选择线索类型' }]}><Select options={Object.entries(FRAUD_TYPES).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item
            name="regionPrefix"
            label="适用地区（全国或某地及其下辖地区）"
            // '' is 全国, a value: only a cleared field is missing.
            rules={[{ validator: (_, v) => (v === undefined ? Promise.reject(new Error('请选择“全国”，或输入地名后选择地区')) : Promise.resolve()) }]}
          >
            <RegionPicker nation />
          </Form.Item>
          <Form.Item name="leadKind" label="主办单位类型" rules={[{ required: true, message: '请选择主办单位类型' }]}><Select options={kindOptions} /></Form.Item>
          <Form.Item name="assistKinds" label="协办单位类型"><Select mode="multiple" options={kindOptions} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>保存</Button>
        </Form>
      </Modal>
    </>
  );
}

export default function Admin({ me }: { me: Me }) {
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>系统管理 · {me.unitName}</Typography.Title>
      <Button href="/console/checklists" style={{ marginBottom: 12 }}>修订各行业排查检查表</Button>
      <Tabs items={[
        { key: 'units', label: '单位', children: <UnitsTab /> },
        { key: 'users', label: '用户', children: <UsersTab /> },
        { key: 'rules', label: '分流规则', children: <RulesTab /> },
      ]} />
    </>
  );
}
