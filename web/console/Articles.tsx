import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, App as AntApp, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { api, type ApiError } from '../api/client.ts';
import type { ArticleDetail, ArticleListItem, Me } from '../api/routes.ts';
import {
  ARTICLE_KINDS, ARTICLE_KIND_CODES, ARTICLE_STATUSES, ARTICLE_STATUS_CODES, ARTICLE_WRITER_ROLES, FRAUD_TYPES, FRAUD_TYPE_CODES, type ArticleKind, type ArticleStatus,
} from '../../shared/domain.ts';
import { fmt } from './labels.ts';
import { useRegions } from './Publicity.tsx';
import { FormDialog, chinaDay } from './ui.tsx';

const KIND_OPTIONS = ARTICLE_KIND_CODES.map((k) => ({ value: k, label: ARTICLE_KINDS[k] }));
const STATUS_OPTIONS = ARTICLE_STATUS_CODES.map((k) => ({ value: k, label: ARTICLE_STATUSES[k] }));
const FRAUD_OPTIONS = FRAUD_TYPE_CODES.map((k) => ({ value: k, label: FRAUD_TYPES[k] }));
const STATUS_COLOR: Record<ArticleStatus, string> = { draft: 'default', pending: 'orange', published: 'green', withdrawn: 'red' };
const ACTION_LABEL = { submit: '提交审核', approve: '审核通过并发布', return: '退回修改', withdraw: '撤下' } as const;

interface Filter { status?: ArticleStatus; kind?: ArticleKind; review?: boolean; page: number }

/** 防骗知识与预警: the portal's articles of the jurisdiction, the editor with a preview, and the review queue (four eyes). */
export default function Articles({ me }: { me: Me }) {
  const [filter, setFilter] = useState<Filter>({ page: 1 });
  const [data, setData] = useState<{ items: ArticleListItem[]; total: number } | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const writes = me.unitKind === 'campaign_office' && me.roles.some((r) => (ARTICLE_WRITER_ROLES as readonly string[]).includes(r));

  const query = new URLSearchParams({ page: String(filter.page), pageSize: '20' });
  if (filter.status) query.set('status', filter.status);
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.review) query.set('review', 'true');
  const url = `/api/publicity/articles?${query}`;
  const reload = () => api('GET', url as '/api/publicity/articles').then((r) => (setData(r), setError('')), (e: ApiError) => setError(e.message));
  useEffect(() => void reload(), [url]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>防骗知识与预警</Typography.Title>
        {writes && <Button type="primary" onClick={() => setCreating(true)}>撰写文章</Button>}
      </Space>
      <Typography.Text type="secondary">文章须经未参与撰写、修改的专项办负责人审核后才会在门户显示；适用地区及其下级地区的群众可以看到。</Typography.Text>
      <Space wrap>
        <Select allowClear aria-label="按状态筛选" placeholder="状态" style={{ width: 140 }} options={STATUS_OPTIONS} onChange={(status) => setFilter({ ...filter, page: 1, status })} />
        <Select allowClear aria-label="按类型筛选" placeholder="类型" style={{ width: 140 }} options={KIND_OPTIONS} onChange={(kind) => setFilter({ ...filter, page: 1, kind })} />
        {me.roles.includes('office_lead') && <Checkbox onChange={(e) => setFilter({ ...filter, page: 1, review: e.target.checked })}>待我审核</Checkbox>}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<ArticleListItem>
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: filter.page, pageSize: 20, total: data?.total ?? 0, showTotal: (n) => `共 ${n} 篇`, showSizeChanger: false, onChange: (page) => setFilter({ ...filter, page }) }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '类型', render: (_, r) => ARTICLE_KINDS[r.kind] },
          { title: '状态', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{ARTICLE_STATUSES[r.status]}</Tag> },
          { title: '适用地区', dataIndex: 'regionName' },
          { title: '撰写', render: (_, r) => `${r.unitName} · ${r.authorName}` },
          { title: '更新时间', render: (_, r) => fmt(r.updatedAt) },
        ]}
      />
      {creating && <ArticleForm me={me} onClose={() => setCreating(false)} onDone={(id) => (setCreating(false), void reload(), setOpen(id))} />}
      {open && <ArticleDrawer key={open} id={open} me={me} onClose={() => setOpen(null)} onChanged={reload} />}
    </Space>
  );
}

interface FormValues { kind: ArticleKind; regionCode: string; fraudType?: string; title: string; summary: string; body: string; expiresOn?: Dayjs }

/** Plain text as the portal shows it: blank lines separate paragraphs. */
export function Preview({ title, summary, body }: { title?: string; summary?: string; body?: string }) {
  return (
    <Card size="small" title="预览（门户中的样子）" style={{ fontSize: 18 }}>
      <Typography.Title level={4}>{title || '（标题）'}</Typography.Title>
      <Typography.Paragraph strong>{summary}</Typography.Paragraph>
      {(body ?? '').split(/\n\s*\n/).filter(Boolean).map((p, i) => <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-line' }}>{p}</Typography.Paragraph>)}
    </Card>
  );
}

/** The preview beside the editor, following what is typed (inside the form). */
function LivePreview() {
  const [title, summary, body] = [Form.useWatch<string>('title'), Form.useWatch<string>('summary'), Form.useWatch<string>('body')];
  return <Preview title={title} summary={summary} body={body} />;
}

function ArticleForm({ me, existing, onClose, onDone }: { me: Me; existing?: ArticleDetail; onClose: () => void; onDone: (id: number) => void }) {
  const regions = useRegions(me);
  const { message } = AntApp.useApp();
  const initial = existing
    ? { ...existing, fraudType: existing.fraudType ?? undefined, expiresOn: existing.expiresOn ? dayjs(existing.expiresOn) : undefined }
    : { kind: 'warning', regionCode: me.unitRegionCode };
  return (
    <FormDialog<FormValues> title={existing ? '修改文章' : '撰写文章'} confirm={existing ? '保存修改' : '保存草稿'} width={880} initialValues={initial} onClose={onClose}
      onSubmit={async (v) => {
        const body = { kind: v.kind, regionCode: v.regionCode, fraudType: v.fraudType ?? null, title: v.title, summary: v.summary, body: v.body, expiresOn: v.expiresOn ? v.expiresOn.format('YYYY-MM-DD') : null };
        const id = existing ? (await api('PUT', `/api/publicity/articles/${existing.id}`, body)).id : (await api('POST', '/api/publicity/articles', body)).id;
        message.success(existing ? '已保存，请重新提交审核' : '已保存草稿，可提交审核');
        onDone(id);
      }}>
      <Space wrap align="start">
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]} style={{ width: 160 }}><Select options={KIND_OPTIONS} /></Form.Item>
        <Form.Item name="regionCode" label="适用地区" rules={[{ required: true, message: '请选择适用地区' }]} style={{ width: 200 }}><Select showSearch optionFilterProp="label" options={regions} /></Form.Item>
        <Form.Item name="fraudType" label="诈骗类型（可不选）" style={{ width: 260 }}><Select allowClear options={FRAUD_OPTIONS} /></Form.Item>
        <Form.Item name="expiresOn" label="显示截止日期（预警可填）"><DatePicker disabledDate={(d) => d.isBefore(chinaDay(), 'day')} /></Form.Item>
      </Space>
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={60} showCount /></Form.Item>
      <Form.Item name="summary" label="摘要（首页列表中显示）" rules={[{ required: true, message: '请填写摘要' }]}><Input.TextArea rows={2} maxLength={200} showCount /></Form.Item>
      <Form.Item name="body" label="正文（空一行分段；用老年人听得懂的话）" rules={[{ required: true, message: '请填写正文' }]}><Input.TextArea rows={8} maxLength={20000} /></Form.Item>
      <LivePreview />
      <div style={{ height: 16 }} />
    </FormDialog>
  );
}

function ArticleDrawer({ id, me, onClose, onChanged }: { id: number; me: Me; onClose: () => void; onChanged: () => void }) {
  const [a, setA] = useState<ArticleDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<'return' | 'withdraw' | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const { message } = AntApp.useApp();
  const load = () => api('GET', `/api/publicity/articles/${id}`).then(setA, (e: ApiError) => setError(e.message));
  useEffect(() => void load(), [id]);
  const run = async (action: keyof typeof ACTION_LABEL, withNote?: string) => {
    setError('');
    try {
      setA(await api('POST', `/api/publicity/articles/${id}/actions`, { action, ...(withNote ? { note: withNote } : {}) }));
      message.success(`已${ACTION_LABEL[action]}`);
      setAsking(null);
      setNote('');
      onChanged();
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  return (
    <Drawer open width={720} title={a?.title ?? '文章'} onClose={onClose}
      extra={a && (
        <Space wrap>
          {a.editable && <Button onClick={() => setEditing(true)}>修改</Button>}
          {a.actions.map((k) => (k === 'approve'
            // Publishing puts the article before the public at once: asked first, as 签发 is.
            ? (
              <Popconfirm key={k} title="发布后公众即可在门户网站看到本文，确认发布？" okText="确认发布" cancelText="取消" onConfirm={() => run(k)}>
                <Button type="primary">{ACTION_LABEL[k]}</Button>
              </Popconfirm>
            )
            : (
              <Button key={k} type={k === 'submit' ? 'primary' : 'default'} danger={k === 'withdraw'}
                onClick={() => (k === 'return' || k === 'withdraw' ? setAsking(k) : void run(k))}>{ACTION_LABEL[k]}</Button>
            )))}
        </Space>
      )}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {a && (
        <>
          <Descriptions column={1} size="small" bordered items={[
            { key: 's', label: '状态', children: <Tag color={STATUS_COLOR[a.status]}>{ARTICLE_STATUSES[a.status]}</Tag> },
            { key: 'k', label: '类型', children: ARTICLE_KINDS[a.kind] + (a.fraudType ? ` · ${FRAUD_TYPES[a.fraudType]}` : '') },
            { key: 'r', label: '适用地区', children: a.regionName },
            { key: 'w', label: '撰写', children: `${a.unitName} · ${a.authorName}` },
            { key: 'e', label: '显示截止', children: a.expiresOn ?? '—' },
            ...(a.reviewerName ? [{ key: 'v', label: '审核', children: `${a.reviewerName} · ${fmt(a.reviewedAt)}` }] : []),
            ...(a.reviewNote ? [{ key: 'n', label: '审核/撤下意见', children: a.reviewNote }] : []),
          ]} />
          <div style={{ height: 16 }} />
          <Preview title={a.title} summary={a.summary} body={a.body} />
        </>
      )}
      {asking && (
        <Modal open title={asking === 'return' ? '退回修改' : '撤下文章'} okText="确定" cancelText="取消" onCancel={() => setAsking(null)} onOk={() => void run(asking, note.trim() || undefined)}>
          <label htmlFor="article-note">{asking === 'return' ? '退回理由（必填）' : '撤下理由（可不填）'}</label>
          <Input.TextArea id="article-note" rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Modal>
      )}
      {editing && a && <ArticleForm me={me} existing={a} onClose={() => setEditing(false)} onDone={() => (setEditing(false), void load(), onChanged())} />}
    </Drawer>
  );
}
