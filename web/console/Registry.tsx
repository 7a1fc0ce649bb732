import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import { ApiError, uploadFile } from '../api/client.ts';
import { SUBJECT_KIND_CODES, SUBJECT_KIND_UNITS, SUBJECT_KINDS, type SubjectKind } from '../../shared/domain.ts';
import { fmt } from './labels.ts';

interface ImportStatus {
  id: number; status: 'running' | 'done' | 'failed'; rowsTotal: number; rowsDone: number; created: number; updated: number; unchanged: number; refused: number;
  errors: { row: number; reason: string }[]; failure: string | null;
}
interface HistoryEntry { id: number; source: 'edited' | 'imported' | 'merged'; changes: Record<string, [unknown, unknown]>; changedBy: string | null; changedAt: string }
interface RegistryFile {
  id: number; name: string; kind: SubjectKind; regionName: string; uscc: string | null; address: string | null; registered: boolean | null; licenceNo: string | null;
  beds: number | null; areaM2: number | null; regulator: string | null; contactName: string | null; contactPhone: string | null; commitmentSignedOn: string | null;
  countUnit: string; mergedInto: { id: number; name: string } | null; mergedFrom: { id: number; name: string }[]; history: HistoryEntry[];
}
const SOURCES = { edited: '修改', imported: 'Excel 导入', merged: '合并' } as const;
const FIELDS: Record<string, string> = {
  regionCode: '地区', kind: '类别', name: '名称', uscc: '统一社会信用代码', address: '地址', registered: '是否登记', licenceNo: '许可证/备案编号', beds: '床位数',
  areaM2: '用地面积', regulator: '监管单位', contactName: '联系人', contactPhone: '联系电话', commitmentSignedOn: '承诺书签订日期', mergedInto: '合并到', mergedFrom: '合并了',
};
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : v === true ? '是' : v === false ? '否' : String(v));

/** The registry: import a sector's Excel file (a job whose progress is polled), its bad rows, and the export. */
export default function Registry({ id, go }: { id?: number; go: (path: string) => void }) {
  return id ? <SubjectFile id={id} go={go} /> : <RegistryImport />;
}

function RegistryImport() {
  const [kind, setKind] = useState<SubjectKind>('elderly_care_institution');
  const [upload, setUpload] = useState<number | null>(null);
  const [job, setJob] = useState<ImportStatus | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const timer = setTimeout(async () => setJob(await (await fetch(`/api/subjects/imports/${job.id}`)).json() as ImportStatus), 500);
    return () => clearTimeout(timer);
  }, [job]);
  const start = async (file: File) => {
    setError('');
    setJob(null);
    setUpload(0);
    try {
      setJob(await uploadFile<ImportStatus>(file, (f) => setUpload(Math.round(f * 100)), `/api/subjects/imports?kind=${kind}`));
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setUpload(null);
    }
  };
  return (
    <Card title="主体名录导入与导出">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>类别</span>
          <Select aria-label="类别" style={{ width: 240 }} value={kind} onChange={setKind}
            options={SUBJECT_KIND_CODES.map((k) => ({ value: k, label: `${SUBJECT_KINDS[k]}（${SUBJECT_KIND_UNITS[k]}）` }))} />
          <a href={`/api/subjects/template?kind=${kind}`} download>下载导入模板</a>
          <a href={`/api/subjects/export?kind=${kind}`} download>导出本辖区该类别名录</a>
          <a href="/api/subjects/export" download>导出本辖区全部名录</a>
        </Space>
        <Typography.Paragraph>
          按模板“填写说明”填写后上传：每行单独校验，正确的行导入，有误的行列入错误表；有信用代码的按代码识别，没有的按名称、地址和地区识别。同一文件重复导入不会重复登记，内容有变化的只更新变化的项并记入修改记录。
        </Typography.Paragraph>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void start(f), false)} disabled={upload !== null || job?.status === 'running'}>
          <Button type="primary" loading={upload !== null}>选择 Excel 文件导入</Button>
        </Upload>
        {upload !== null && <Progress aria-label="上传进度" percent={upload} />}
        {job?.status === 'running' && <><Typography.Text>正在逐行校验并导入：{job.rowsDone} / {job.rowsTotal} 行</Typography.Text><Progress aria-label="导入进度" percent={job.rowsTotal ? Math.round((100 * job.rowsDone) / job.rowsTotal) : 0} /></>}
        {error && <Alert type="error" showIcon message={error} />}
        {job?.status === 'failed' && <Alert type="error" showIcon message={job.failure ?? '导入失败'} />}
        {job?.status === 'done' && (
          <Alert
            type={job.refused ? 'warning' : 'success'} showIcon
            message={`共 ${job.rowsTotal} 行：新登记 ${job.created} 个，更新 ${job.updated} 个，无变化 ${job.unchanged} 个，有误 ${job.refused} 行`}
            description={job.refused > 0 && (
              <Space direction="vertical">
                {job.errors.slice(0, 5).map((e) => <span key={e.row}>第 {e.row} 行：{e.reason}</span>)}
                <a href={`/api/subjects/imports/${job.id}/errors`} download>下载错误行（Excel）</a>
              </Space>
            )}
          />
        )}
      </Space>
    </Card>
  );
}

/** A subject's registry file: its facts, merges and the history of its changes (who, when, what). */
function SubjectFile({ id, go }: { id: number; go: (path: string) => void }) {
  const [file, setFile] = useState<RegistryFile | null>(null);
  useEffect(() => { void fetch(`/api/subjects/${id}/registry`).then(async (r) => setFile(r.ok ? await r.json() as RegistryFile : null)); }, [id]);
  if (!file) return <Card loading />;
  return (
    <Card title={`${file.name}（登记信息）`} extra={<Button onClick={() => go(`/console/subjects/${id}`)}>排查整治档案</Button>}>
      {file.mergedInto && <Alert type="info" showIcon message={<>该记录已合并到 <a onClick={() => go(`/console/registry/${file.mergedInto!.id}`)}>{file.mergedInto.name}</a></>} />}
      <Descriptions column={2} size="small" items={[
        ['类别', `${SUBJECT_KINDS[file.kind]}（计数单位：${file.countUnit}）`], ['地区', file.regionName], ['统一社会信用代码', file.uscc], ['地址', file.address],
        ['是否登记', file.registered], ['许可证/备案编号', file.licenceNo], ['床位数', file.beds], ['用地面积（平方米）', file.areaM2], ['监管单位', file.regulator],
        ['联系人', file.contactName], ['联系电话', file.contactPhone], ['承诺书签订日期', file.commitmentSignedOn],
      ].map(([label, v]) => ({ key: String(label), label: String(label), children: show(v) }))} />
      <Typography.Title level={5}>修改记录</Typography.Title>
      <Table<HistoryEntry> rowKey="id" size="small" pagination={false} dataSource={file.history} columns={[
        { title: '时间', dataIndex: 'changedAt', render: fmt },
        { title: '人员', dataIndex: 'changedBy' },
        { title: '方式', dataIndex: 'source', render: (s: HistoryEntry['source']) => SOURCES[s] },
        { title: '改动', dataIndex: 'changes', render: (c: HistoryEntry['changes']) => Object.entries(c).map(([k, [a, b]]) => `${FIELDS[k] ?? k}：${show(a)} → ${show(b)}`).join('；') },
      ]} />
    </Card>
  );
}
