import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { ChecklistVersion, Checklists as Data } from '../api/routes.ts';
import { SUBJECT_KINDS, type SubjectKind } from '../../shared/domain.ts';
import type { Me } from './App.tsx';
import { FormDialog } from './ui.tsx';
import { COLORS, fmt } from './labels.ts';

/**
 * 检查表: each sector's current checklist and every earlier version. Administrators save a new
 * version; inspections keep the version they were recorded with. Only the built-in items (gradedKeys)
 * drive the 红橙黄绿 grade; items added here are recorded and shown.
 */
export default function Checklists({ me }: { me: Me }) {
  const { message } = AntApp.useApp();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<ChecklistVersion | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const load = () => api('GET', '/api/screening/checklists').then(setData, (e) => setError(e.message));
  useEffect(() => void load(), []);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!data) return null;
  const admin = me.roles.includes('admin');
  const graded = new Set(data.gradedKeys);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>检查表</Typography.Title>
      <Alert type="info" showIcon message="标有“参与评级”的检查项决定主体的风险等级（红橙黄绿），不能删除，可修改文字；新增的检查项会随检查记录保存和显示，但不影响风险等级。每次修改保存为新版本，已录入的检查保留当时的版本。" />
      <Table<ChecklistVersion> rowKey="sector" dataSource={data.current} pagination={false}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (x, v) => setOpen(x ? v.sector : null),
          expandedRowRender: (v) => <History versions={data.history.filter((h) => h.sector === v.sector)} graded={graded} />,
        }}
        columns={[
          { title: '行业', dataIndex: 'sector', render: (s: SubjectKind) => SUBJECT_KINDS[s] },
          { title: '当前版本', dataIndex: 'version', render: (n: number) => `第 ${n} 版` },
          { title: '检查项', dataIndex: 'items', render: (items: ChecklistVersion['items']) => <Items items={items} graded={graded} /> },
          { title: '修改人', render: (_, v) => (v.createdBy ? `${v.createdBy}，${fmt(v.createdAt)}` : '系统内置') },
          ...(admin ? [{ title: '操作', render: (_: unknown, v: ChecklistVersion) => <Button size="small" onClick={() => setEditing(v)}>修改</Button> }] : []),
        ]} />
      {editing && (
        <EditChecklist current={editing} graded={graded} onClose={() => setEditing(null)}
          onDone={(v) => { setEditing(null); message.success(`已保存为第 ${v.version} 版`); void load(); }} />
      )}
    </Space>
  );
}

function Items({ items, graded }: { items: ChecklistVersion['items']; graded: Set<string> }) {
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {items.map((i) => <li key={i.key}>{i.label}{graded.has(i.key) && <Tag color={COLORS.blue} style={{ marginLeft: 6 }}>参与评级</Tag>}</li>)}
    </ol>
  );
}

function History({ versions, graded }: { versions: ChecklistVersion[]; graded: Set<string> }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {versions.map((v) => (
        <Card key={v.id} size="small" title={`第 ${v.version} 版`} extra={v.createdBy ? `${v.createdBy}，${fmt(v.createdAt)}` : '系统内置'}>
          <Items items={v.items} graded={graded} />
        </Card>
      ))}
    </Space>
  );
}

function EditChecklist({ current, graded, onClose, onDone }: { current: ChecklistVersion; graded: Set<string>; onClose: () => void; onDone: (v: ChecklistVersion) => void }) {
  return (
    <FormDialog<{ items: { key: string; label: string }[] }> title={`修改检查表：${SUBJECT_KINDS[current.sector]}`} confirm="保存为新版本" width={720}
      initialValues={{ items: current.items }} onClose={onClose}
      onSubmit={async (v) => onDone(await api('PUT', `/api/screening/checklists/${current.sector}`, { items: v.items }))}>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => <ItemRow key={f.key} name={f.name} graded={graded} onRemove={() => remove(f.name)} />)}
            <Button onClick={() => add({ key: '', label: '' })} style={{ marginBottom: 16 }}>+ 添加检查项</Button>
          </>
        )}
      </Form.List>
    </FormDialog>
  );
}

/** One item of the edit form; a built-in item (its key graded) keeps its key and cannot be removed. */
function ItemRow({ name, graded, onRemove }: { name: number; graded: Set<string>; onRemove: () => void }) {
  const form = Form.useFormInstance();
  // Decided once, from the value the row opened with (rows keep their state as others are removed).
  const [builtIn] = useState(() => graded.has(form.getFieldValue(['items', name, 'key']) as string));
  return (
    <Space align="start" style={{ display: 'flex' }}>
      <Form.Item name={[name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '小写字母、数字或下划线，以字母开头' }]}>
        <Input placeholder="代码，如 fire_exit" disabled={builtIn} style={{ width: 160 }} aria-label="检查项代码" />
      </Form.Item>
      <Form.Item name={[name, 'label']} rules={[{ required: true, min: 2, message: '请填写检查项内容' }]}>
        <Input placeholder="检查项内容" maxLength={200} style={{ width: 380 }} aria-label="检查项内容" />
      </Form.Item>
      {builtIn ? <Tag color={COLORS.blue}>参与评级</Tag> : <Button onClick={onRemove}>删除</Button>}
    </Space>
  );
}
