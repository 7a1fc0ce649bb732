import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Card, Form, Input, Switch, Table, Typography } from 'antd';
import { api, type ApiError } from '../api/client.ts';
import type { Me, OfficeChannel } from '../api/routes.ts';
import { ARTICLE_WRITER_ROLES } from '../../shared/domain.ts';
import { chinaDate } from '../../shared/time.ts';
import { FormDialog } from './ui.tsx';

/** 举报方式: the reporting channels of the jurisdiction's offices; an office's own staff keep and publish its own. */
export default function Channels({ me }: { me: Me }) {
  const [data, setData] = useState<{ items: OfficeChannel[]; total: number } | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  const keeps = me.unitKind === 'campaign_office' && me.roles.some((r) => (ARTICLE_WRITER_ROLES as readonly string[]).includes(r));
  const url = `/api/publicity/channels?page=${page}&pageSize=50`;
  const reload = () => api('GET', url as '/api/publicity/channels').then((r) => (setData(r), setError('')), (e: ApiError) => setError(e.message));
  useEffect(() => void reload(), [url]);
  const mine = data?.items.find((o) => o.mine);

  return (
    <>
      <Typography.Title level={3}>举报方式</Typography.Title>
      <Typography.Paragraph type="secondary">公布后，群众在门户选择本地区时会看到这些举报电话、地址和办公时间（本地专项办在前，上级在后）。</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
      {keeps && (
        <Card size="small" title={`本单位：${me.unitName}`} extra={<a onClick={() => setEditing(true)} role="button" tabIndex={0}>{mine?.channel ? '修改' : '填写'}</a>} style={{ marginBottom: 16 }}>
          {mine?.channel
            ? <span>{mine.channel.published ? '已在门户公布' : '未公布'} · 电话 {mine.channel.hotline}{mine.channel.address ? ` · ${mine.channel.address}` : ''}{mine.channel.hours ? ` · ${mine.channel.hours}` : ''}</span>
            : <span>尚未填写举报方式。</span>}
        </Card>
      )}
      <Table<OfficeChannel>
        rowKey="unitId"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: '专项办', dataIndex: 'unitName' },
          { title: '地区', dataIndex: 'regionName' },
          { title: '举报电话', render: (_, o) => o.channel?.hotline ?? '未填写' },
          { title: '地址', render: (_, o) => o.channel?.address ?? '—' },
          { title: '办公时间', render: (_, o) => o.channel?.hours ?? '—' },
          { title: '门户公布', render: (_, o) => (o.channel ? (o.channel.published ? '已公布' : '未公布') : '—') },
          { title: '更新', render: (_, o) => (o.channel ? chinaDate(o.channel.updatedAt) : '—') },
        ]}
      />
      {editing && <ChannelForm existing={mine?.channel ?? null} onClose={() => setEditing(false)} onDone={() => (setEditing(false), void reload())} />}
    </>
  );
}

interface FormValues { hotline: string; address?: string; email?: string; hours?: string; note?: string; published: boolean }

function ChannelForm({ existing, onClose, onDone }: { existing: OfficeChannel['channel']; onClose: () => void; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const initial = existing ? { ...existing, address: existing.address ?? undefined, email: existing.email ?? undefined, hours: existing.hours ?? undefined, note: existing.note ?? undefined } : { published: true };
  return (
    <FormDialog<FormValues> title="本单位举报方式" confirm="保存" initialValues={initial} onClose={onClose}
      onSubmit={async (v) => {
        await api('PUT', '/api/publicity/channel', { hotline: v.hotline, address: v.address || null, email: v.email || null, hours: v.hours || null, note: v.note || null, published: v.published });
        message.success(v.published ? '已保存并在门户公布' : '已保存（未公布）');
        onDone();
      }}>
      <Form.Item name="hotline" label="举报电话" rules={[{ required: true, message: '请填写举报电话' }]}><Input maxLength={20} placeholder="如 0535-8881234" /></Form.Item>
      <Form.Item name="address" label="来访地址"><Input maxLength={200} /></Form.Item>
      <Form.Item name="email" label="电子邮箱"><Input maxLength={100} /></Form.Item>
      <Form.Item name="hours" label="办公时间"><Input maxLength={100} placeholder="如 工作日 8:30–12:00，13:30–17:30" /></Form.Item>
      <Form.Item name="note" label="说明"><Input.TextArea rows={2} maxLength={300} /></Form.Item>
      <Form.Item name="published" label="在门户公布" valuePropName="checked"><Switch /></Form.Item>
    </FormDialog>
  );
}
