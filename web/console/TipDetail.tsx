import { useEffect, useState } from 'react';
import { CheckOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Image, Input, Modal, Row, Select, Space, Spin, Table, Tag, Timeline, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaDay } from './ui.tsx';
import { fromChinaPicker, toChinaPicker } from './china-picker.ts';
import { ApiError, api } from '../api/client.ts';
import type { Go, Me } from './App.tsx';
import type { DispatchUnit, ReporterIdentity, TipDetail as TipDetailData } from '../api/routes.ts';
import { fetchAllPages, useServerFieldErrors } from './hooks.ts';
import { TipPicker } from './TipPicker.tsx';
import { ACTION_LABELS, ASSIGNMENT_STATUSES, COLORS, EVENT_LABELS, FRAUD_TYPES, MEASURES, STATUS_COLORS, TIP_SOURCES, UNIT_KINDS, VERDICTS, fmt } from './labels.ts';
import { CaseFromTipFields, ReportFields, answerTemplate, caseFromTipBody } from './tip-work.tsx';
import { CASE_STAGES } from '../../shared/domain.ts';
import { TipSupervisionCard } from './SupervisionTasks.tsx';

type Detail = TipDetailData;
type Unit = DispatchUnit;

/** Units of the user's subtree as a tree by region (regions are headings, units are choices). */
function unitTree(units: Unit[], suggested: number[]) {
  const byRegion = new Map<string, { title: string; value: string; selectable: false; children: { title: string; value: number }[] }>();
  for (const u of units) {
    if (!byRegion.has(u.regionCode)) byRegion.set(u.regionCode, { title: u.regionName, value: `region-${u.regionCode}`, selectable: false, children: [] });
    byRegion.get(u.regionCode)!.children.push({ title: `${suggested.includes(u.id) ? '★ ' : ''}${u.name}（${UNIT_KINDS[u.kind]}）`, value: u.id });
  }
  return [...byRegion.values()];
}

/**
 * Who reported for whom, as the reporter gave it: the portal asks for the elder's name and "您和老人的
 * 关系" — the reporter's relation to the elder (女儿 means the reporter is the elder's daughter).
 */
const onBehalfWords = (b: { name: string; relation: string }) => `代老人 ${b.name} 举报（举报人与老人的关系：${b.relation}）`;

function countdown(deadline: string | null) {
  if (!deadline) return null;
  const ms = new Date(deadline).getTime() - Date.now();
  const days = Math.floor(Math.abs(ms) / 86400_000);
  const hours = Math.floor((Math.abs(ms) % 86400_000) / 3600_000);
  return ms >= 0 ? <Tag color={ms < 3 * 86400_000 ? COLORS.orange : COLORS.blue}>剩余 {days} 天 {hours} 小时</Tag> : <Tag color={COLORS.red}>已超期 {days} 天 {hours} 小时</Tag>;
}

export function TipDetail({ id, me, go }: { id: number; me: Me; go: Go }) {
  const { message } = AntApp.useApp();
  const [tip, setTip] = useState<Detail | null>(null);
  const [error, setError] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const [identity, setIdentity] = useState<ReporterIdentity | null>(null);
  const [revealOpen, setRevealOpen] = useState(false);
  const reveal = useServerFieldErrors();

  useEffect(() => {
    setTip(null);
    api('GET', `/api/tips/${id}`).then(setTip, (e: ApiError) => setError(e.status === 404 ? '未找到该线索，或不在您的办理范围内' : e.message));
  }, [id]);

  if (error) return <Alert type="error" message={error} action={<Button onClick={() => go('/console/tips')}>返回列表</Button>} />;
  if (!tip) return <Spin />;

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button onClick={() => history.back()}>返回</Button>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>线索 {tip.trackingCode}</Typography.Title>
        <Tag color={STATUS_COLORS[tip.status]} data-testid="tip-status">{tip.statusLabel}</Tag>
        {countdown(tip.deadlineAt && ['dispatched', 'in_progress'].includes(tip.status) ? tip.deadlineAt : null)}
      </Space>
      <Card size="small" title="可执行的操作" style={{ marginBottom: 16 }}>
        <Space wrap>
          {tip.allowedActions.length === 0 && <Typography.Text type="secondary">当前状态下您没有可执行的操作</Typography.Text>}
          {tip.allowedActions.map((a) => (
            // Refusing actions are outlined in red with a cross, never a twin of the filled primary beside them (受理 vs 不予受理).
            <Button key={a} type={['note', 'reply', 'urge', ...REFUSALS].includes(a) ? 'default' : 'primary'} danger={REFUSALS.includes(a)}
              icon={a === 'accept' ? <CheckOutlined aria-hidden /> : REFUSALS.includes(a) ? <CloseCircleOutlined aria-hidden /> : undefined} onClick={() => setAction(a)}>
              {ACTION_LABELS[a]}
            </Button>
          ))}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="线索内容" size="small">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="描述"><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{tip.description}</Typography.Paragraph></Descriptions.Item>
              <Descriptions.Item label="类型">{tip.fraudTypes.map((c) => FRAUD_TYPES[c]).join('、') || '未分类'}</Descriptions.Item>
              <Descriptions.Item label="地区">{tip.regionName}</Descriptions.Item>
              <Descriptions.Item label="来源">
                {TIP_SOURCES[tip.source]}{tip.sourceRef && `（编号 ${tip.sourceRef}）`}{tip.handedOverBy && `，${tip.handedOverBy.name}移交`}
                {tip.sourceDueOn && `；来源规定办理期限 ${tip.sourceDueOn}`}
              </Descriptions.Item>
              <Descriptions.Item label="受理单位">{tip.office.name}</Descriptions.Item>
              {tip.mergedInto && (
                <Descriptions.Item label="已并入">
                  <a href={`/console/tips/${tip.mergedInto.id}`} onClick={(e) => { e.preventDefault(); go(`/console/tips/${tip.mergedInto!.id}`); }}>线索 {tip.mergedInto.trackingCode}</a>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="被反映对象">{tip.subject ? [tip.subject.name, tip.subject.uscc, tip.subject.phone, tip.subject.address].filter(Boolean).join('；') : '—'}</Descriptions.Item>
              <Descriptions.Item label="涉及金额">{tip.amountInvolved != null ? `${tip.amountInvolved.toLocaleString('zh-CN')} 元` : '—'}</Descriptions.Item>
              <Descriptions.Item label="受害人数">{tip.victimCount ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="发生日期">{tip.occurredOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="收到时间">{fmt(tip.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="举报人">
                {tip.reporter.anonymous ? '匿名' : (
                  <Space wrap>
                    <span data-testid="reporter-masked">{tip.reporter.name} {tip.reporter.phone} {tip.reporter.idNumber ?? ''}</span>
                    {tip.reporter.onBehalfOf && <span data-testid="on-behalf">{onBehalfWords(tip.reporter.onBehalfOf)}</span>}
                    {tip.canRevealIdentity && <Button size="small" onClick={() => setRevealOpen(true)}>查看身份</Button>}
                  </Space>
                )}
                {identity && (
                  <Descriptions data-testid="reporter-identity" size="small" column={1} style={{ marginTop: 8 }} title="举报人身份（已记入审计）">
                    <Descriptions.Item label="姓名">{identity.name}</Descriptions.Item>
                    <Descriptions.Item label="电话">{identity.phone}</Descriptions.Item>
                    {identity.idNumber && <Descriptions.Item label="身份证号">{identity.idNumber}</Descriptions.Item>}
                    {identity.onBehalfOf && (
                      <Descriptions.Item label="代为举报">
                        {onBehalfWords(identity.onBehalfOf)} {identity.onBehalfOf.phone ? `老人电话 ${identity.onBehalfOf.phone}` : ''}
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                )}
              </Descriptions.Item>
              {tip.publicAnswer && <Descriptions.Item label="对举报人的答复">{tip.publicAnswer}</Descriptions.Item>}
              {tip.rating && <Descriptions.Item label="举报人评价">{tip.rating.satisfied ? '满意' : '不满意'} {tip.rating.comment ?? ''}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="系统分析（供参考）" size="small" style={{ marginTop: 16 }} data-testid="analysis">
            <Descriptions column={1} size="small">
              {/* The same verdict the public self-check gives for this text. */}
              <Descriptions.Item label="判断">{tip.analysis.verdict.label}：{tip.analysis.verdict.summary}</Descriptions.Item>
              <Descriptions.Item label="建议类型">
                {tip.analysis.fraudTypes.length
                  ? tip.analysis.fraudTypes.map((t) => `${FRAUD_TYPES[t.code]}（${Math.round(t.confidence * 100)}%）`).join('、')
                  : '未识别出诈骗类型'}
                {tip.analysis.tags.length > 0 && ` · ${tip.analysis.tags.map((t) => t.label).join('、')}`}
              </Descriptions.Item>
              <Descriptions.Item label="预警信号">
                {tip.analysis.redFlags.length ? (
                  <Space wrap>{tip.analysis.redFlags.map((f) => <Tag key={f.code} color={COLORS.red}>{f.label}：“{f.quote}”</Tag>)}</Space>
                ) : '无'}
              </Descriptions.Item>
              <Descriptions.Item label="刑事案件">
                {tip.cases.length ? (
                  <Space wrap data-testid="tip-cases">
                    {tip.cases.map((c) => (
                      <a key={c.id} href={`/console/cases/${c.id}`} onClick={(e) => { e.preventDefault(); go(`/console/cases/${c.id}`); }}>{c.caseNo} {c.title}（{CASE_STAGES[c.stage]}）</a>
                    ))}
                  </Space>
                ) : '未立案'}
              </Descriptions.Item>
              <Descriptions.Item label="已登记主体">
                {tip.subjects.length
                  ? tip.subjects.map((x) => `${x.name}${x.uscc ? `（${x.uscc}）` : ''}，按${x.matchedBy === 'uscc' ? '统一社会信用代码' : '名称'}匹配`).join('；')
                  : '未匹配到'}
              </Descriptions.Item>
              <Descriptions.Item label="关联线索">
                {tip.links.length ? (
                  <Space direction="vertical" size={2}>
                    {tip.links.map((l) => (
                      <span key={l.kind + l.normalized} data-testid="link">
                        {l.normalized}：{l.text}{' '}
                        {l.tips.slice(0, 5).map((x) => (
                          <a key={x.id} href={`/console/tips/${x.id}`} style={{ marginRight: 8 }} onClick={(e) => { e.preventDefault(); go(`/console/tips/${x.id}`); }}>{x.trackingCode}</a>
                        ))}
                      </span>
                    ))}
                  </Space>
                ) : '暂无'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {tip.attachments.some((a) => a.assignmentId === null) && (
            <Card title="证据附件" size="small" style={{ marginTop: 16 }}>
              <Space wrap align="start">
                {tip.attachments.filter((a) => a.assignmentId === null).map((a) => {
                  const url = `/api/tips/${tip.id}/attachments/${a.id}`;
                  if (a.mime.startsWith('image/')) return <Image key={a.id} width={160} src={url} alt="证据图片" />;
                  // Browsers cannot play AMR (the voice notes of many Chinese phones): offer it as a download.
                  if (a.mime.startsWith('audio/amr')) {
                    return <a key={a.id} href={url} download={`证据录音-${a.id.slice(0, 8)}.amr`}>AMR 录音（{Math.ceil(a.size / 1024)} KB，浏览器不能直接播放，请下载后播放）</a>;
                  }
                  if (a.mime.startsWith('audio/')) return <audio key={a.id} controls src={url} aria-label="证据录音" />;
                  if (a.mime.startsWith('video/')) return <video key={a.id} controls width={240} src={url} aria-label="证据视频" />;
                  return <a key={a.id} href={url} target="_blank" rel="noreferrer">PDF 文件（{Math.ceil(a.size / 1024)} KB）</a>;
                })}
              </Space>
            </Card>
          )}
          {tip.pendingClosure && (
            <Card title="办结意见（待上级审核）" size="small" style={{ marginTop: 16 }} data-testid="pending-closure">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="提请单位">{tip.pendingClosure.proposingUnit} · {tip.pendingClosure.proposedBy} · {fmt(tip.pendingClosure.proposedAt)}</Descriptions.Item>
                <Descriptions.Item label="审核单位">{tip.pendingClosure.reviewerUnit}</Descriptions.Item>
                <Descriptions.Item label="拟答复举报人"><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{tip.pendingClosure.publicAnswer}</Typography.Paragraph></Descriptions.Item>
              </Descriptions>
            </Card>
          )}
          <Card title="交办与办理" size="small" style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={tip.assignments}
              locale={{ emptyText: '尚未交办' }}
              columns={[
                { title: '承办单位', dataIndex: 'unitName', render: (n, a) => <>{n} <Tag>{a.role === 'lead' ? '主办' : '协办'}</Tag>{!a.active && <Tag>已结束</Tag>}</> },
                { title: '交办单位', dataIndex: 'dispatchedByUnitName' },
                { title: '状态', dataIndex: 'status', render: (st: string) => ASSIGNMENT_STATUSES[st as keyof typeof ASSIGNMENT_STATUSES] ?? st },
                { title: '时限', dataIndex: 'deadlineAt', render: fmt },
                { title: '办理结果', render: (_, a) => (a.verdict ? [VERDICTS[a.verdict as keyof typeof VERDICTS], (a.measures ?? []).map((m) => MEASURES[m as keyof typeof MEASURES]).join('、')].filter(Boolean).join('；') : '—') },
                {
                  // The unit's own report: its summary and the documents it attached (lead or assisting alike).
                  title: '反馈情况', dataIndex: 'summary',
                  render: (text: string | null, a) => (
                    <span data-testid={`report-${a.id}`}>
                      {a.draft ? (
                        // The unit's own draft, awaiting its unit lead (others see nothing of it).
                        <span data-testid="report-draft">
                          <Tag color={COLORS.orange}>草稿 · 待单位负责人审核</Tag>
                          {VERDICTS[a.draft.verdict]}；{a.draft.measures.map((m) => MEASURES[m]).join('、') || '无'}。{a.draft.summary}
                          <Typography.Text type="secondary">（{a.draft.by}，{fmt(a.draft.at)}）</Typography.Text>
                        </span>
                      ) : (text ?? '—')}
                      {tip.attachments.filter((d) => d.assignmentId === a.id).map((d, i) => (
                        <a key={d.id} href={`/api/tips/${tip.id}/attachments/${d.id}`} target="_blank" rel="noreferrer" style={{ marginLeft: 8, textDecoration: 'underline' }}>附件{i + 1}</a>
                      ))}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
          <TipSupervisionCard tipId={tip.id} />
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理经过" size="small">
            <Timeline
              items={tip.timeline.map((e) => ({
                color: e.public ? 'green' : 'gray',
                children: (
                  <>
                    <Space wrap>
                      <strong>{EVENT_LABELS[e.kind] ?? e.kind}</strong>
                      <Tag color={e.public ? COLORS.green : undefined}>{e.public ? '举报人可见' : '内部'}</Tag>
                      <Typography.Text type="secondary">{fmt(e.at)}</Typography.Text>
                    </Space>
                    <div>{e.text}</div>
                    {(e.unit || e.actor) && <Typography.Text type="secondary">{[e.unit, e.actor].filter(Boolean).join(' · ')}</Typography.Text>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {action && (
        <ActionDialog
          action={action}
          tip={tip}
          me={me}
          onClose={() => setAction(null)}
          onDone={(t) => {
            setTip(t);
            setAction(null);
            message.success(`已${ACTION_LABELS[action]}`);
          }}
        />
      )}
      <Modal title="查看举报人身份" open={revealOpen} footer={null} onCancel={() => setRevealOpen(false)} destroyOnHidden>
        <Alert type="warning" showIcon message="查看举报人身份会记入审计日志，请如实填写理由。" style={{ marginBottom: 16 }} />
        <Form
          form={reveal.form}
          layout="vertical"
          onFinish={async (v: { reason: string }) => {
            try {
              setIdentity(await api('POST', `/api/tips/${tip.id}/reporter-identity`, v));
              setRevealOpen(false);
            } catch (e) {
              reveal.show(e);
              message.error((e as Error).message);
            }
          }}
        >
          <Form.Item name="reason" label="查看理由" rules={[{ required: true, min: 4, message: '请填写至少 4 个字的理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit">确认查看</Button>
        </Form>
      </Modal>
    </>
  );
}

/** Actions that refuse or send something back: outlined in red with a cross. */
const REFUSALS = ['reject', 'return', 'send_back', 'reject_report', 'return_closure'];

/** One form per action; the server decides again whether it is allowed. */
function ActionDialog({ action, tip, me, onClose, onDone }: { action: string; tip: Detail; me: Me; onClose: () => void; onDone: (t: Detail) => void }) {
  const { form, show } = useServerFieldErrors();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [units, setUnits] = useState<Unit[]>([]);
  const [unitsTruncated, setUnitsTruncated] = useState(false);
  const [suggested, setSuggested] = useState<number[]>([]);

  useEffect(() => {
    if (action !== 'dispatch') return;
    fetchAllPages('/api/units?limit=1000').then((r) => (setUnits(r.items), setUnitsTruncated(r.truncated)), () => undefined);
    api('GET', `/api/tips/${tip.id}/dispatch-suggestions`).then(
      (s) => {
        setSuggested([...s.lead, ...s.assisting].map((u) => u.id));
        if (s.lead[0]) form.setFieldsValue({ leadUnitId: s.lead[0].id, assistingUnitIds: s.assisting.slice(0, 2).map((u) => u.id) });
      },
      () => undefined,
    );
    // A sensible default: 15 days from today, at the end of the working day in China (17:30 Beijing time,
    // whatever zone the browser is set to: the picker holds Beijing wall-clock time, see toChinaPicker);
    // never past a parent deadline.
    const parent = tip.deadlineAt ? toChinaPicker(tip.deadlineAt) : null;
    const byDefault = chinaDay().add(15, 'day').hour(17).minute(30);
    form.setFieldsValue({ deadline: parent && parent.isBefore(byDefault) ? parent : byDefault });
  }, [action]);

  const tree = unitTree(units, suggested);

  async function submit(v: Record<string, any>) {
    setBusy(true);
    setError('');
    const body: Record<string, unknown> = { action, ...caseFromTipBody(v) };
    if (action === 'dispatch') body.deadline = fromChinaPicker(v.deadline as Dayjs);
    for (const k of Object.keys(body)) if (body[k] === undefined || (Array.isArray(body[k]) && !(body[k] as unknown[]).length)) delete body[k];
    try {
      onDone(await api('POST', `/api/tips/${tip.id}/actions`, body));
    } catch (e) {
      setError((e as ApiError).message);
      show(e);
    } finally {
      setBusy(false);
    }
  }

  const text = (name: string, label: string, min = 2) => (
    <Form.Item name={name} label={label} rules={[{ required: true, min, message: `请填写${label}（至少 ${min} 个字）` }]}>
      <Input.TextArea rows={4} />
    </Form.Item>
  );

  return (
    <Modal title={`${ACTION_LABELS[action]} · ${tip.trackingCode}`} open onCancel={onClose} footer={null} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {action === 'accept' && (
          <>
            <Form.Item name="fraudTypes" label="线索类型（可修改）" initialValue={tip.fraudTypes}>
              <Select mode="multiple" options={Object.entries(FRAUD_TYPES).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="note" label="受理意见（内部，可不填）"><Input.TextArea rows={3} /></Form.Item>
          </>
        )}
        {action === 'reject' && (
          <>
            {text('reason', '不予受理的理由（内部）')}
            {text('publicAnswer', '给举报人的答复', 5)}
          </>
        )}
        {action === 'merge' && (
          <Form.Item name="intoTrackingCode" label="并入的线索（输入查询码或词语查找）" rules={[{ required: true, message: '请选择要并入的线索' }]}>
            <TipPicker exclude={tip.id} statuses={['submitted', 'accepted', 'dispatched', 'in_progress', 'reported']} />
          </Form.Item>
        )}
        {action === 'dispatch' && (
          <>
            {unitsTruncated && <Alert type="warning" showIcon message={`辖区内单位较多，仅列出前 ${units.length} 个；推荐单位（★）不受影响`} style={{ marginBottom: 16 }} />}
            <Form.Item name="leadUnitId" label="主办单位（★ 为分流规则推荐）" rules={[{ required: true, message: '请选择主办单位' }]}>
              <TreeSelect showSearch treeNodeFilterProp="title" treeData={tree} treeDefaultExpandAll placeholder={`${me.unitName}辖区内的单位`} />
            </Form.Item>
            <Form.Item name="assistingUnitIds" label="协办单位（可多选）">
              <TreeSelect multiple showSearch treeNodeFilterProp="title" treeData={tree} treeDefaultExpandAll />
            </Form.Item>
            <Form.Item name="deadline" label="办理时限" rules={[{ required: true, message: '请选择时限' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(chinaDay(), 'day')} />
            </Form.Item>
            {text('instructions', '交办要求')}
            {tip.status === 'accepted' && tip.office.id === me.unitId && (
              <Form.Item name="reviewClosure" valuePropName="checked" extra="勾选后，本单位的办结意见须报上级专项办审核同意后才答复举报人。">
                <Checkbox>办结报上级审核</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {(action === 'report' || action === 'assist_report') && <ReportFields assist={action === 'assist_report'} />}
        {action === 'report' && <CaseFromTipFields tip={tip} me={me} />}
        {action === 'send_back' && (
          <>
            <Alert type="warning" showIcon message="线索将退回交办单位重新交办，本单位不再办理；请写明退回的理由（如不属本单位职责）。" style={{ marginBottom: 16 }} />
            {text('reason', '退回交办的理由')}
          </>
        )}
        {action === 'return' && text('reason', '退回理由')}
        {action === 'approve_report' && (
          <Typography.Paragraph>审核通过后，本单位的办理结果将报送交办单位。请核对“交办与办理”中的草稿内容。</Typography.Paragraph>
        )}
        {action === 'reject_report' && text('reason', '退回修改的理由（承办人可见）')}
        {action === 'approve_closure' && (
          <Form.Item name="publicAnswer" label="给举报人的答复（同意后举报人可见，可修改）" initialValue={tip.pendingClosure?.publicAnswer} rules={[{ required: true, min: 5, message: '请填写给举报人的答复（至少 5 个字）' }]}>
            <Input.TextArea rows={6} />
          </Form.Item>
        )}
        {action === 'return_closure' && text('reason', '退回理由（下级专项办可见）')}
        {action === 'close' && (
          <>
            {answerTemplate(tip) && <Alert type="info" showIcon message="已根据主办单位的反馈生成答复草稿，请核对修改后再提交。" style={{ marginBottom: 16 }} />}
            {tip.assignments.some((x) => x.active && x.role === 'lead' && x.unitId === me.unitId) && (
              <Alert type="warning" showIcon message="本线索由上级专项办交办：办结意见将报上级审核，同意后才答复举报人。" style={{ marginBottom: 16 }} />
            )}
            <Form.Item name="publicAnswer" label="给举报人的答复（举报人可见）" initialValue={answerTemplate(tip)} rules={[{ required: true, min: 5, message: '请填写给举报人的答复（至少 5 个字）' }]}>
              <Input.TextArea rows={6} />
            </Form.Item>
          </>
        )}
        {action === 'urge' && text('note', '督办意见')}
        {action === 'note' && text('text', '备注内容（仅内部可见）', 1)}
        {action === 'reply' && text('text', '答复内容（举报人可见）', 1)}
        {action === 'sign' && <Typography.Paragraph>确认签收本线索，并开始办理？</Typography.Paragraph>}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>确认{ACTION_LABELS[action]}</Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </Modal>
  );
}
