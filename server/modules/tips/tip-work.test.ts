import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import { FRAUD_TYPES, MEASURES, TIP_SOURCES, VERDICTS } from '../../../shared/domain.ts';
import { createTestApp, newCase, inDays, json, multipart, validTip, type TestApp } from '../../test/helpers.ts';
import { loadUser, type SessionUser } from '../auth/auth.service.ts';
import { countTips } from './tips.query.service.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n% 协办材料');

/**
 * Work that fits the roles (issue 8): the assisting unit's own report, sending a wrongly routed tip
 * back to its dispatcher, documents on a report; and lists an office can work from: the total for a
 * filter and the full ledger export.
 */
describe('assisting reports, send back, report documents, list total and ledger export', () => {
  let t: TestApp;
  let police: number, market: number, countyOffice: number;
  beforeAll(async () => {
    t = await createTestApp();
    police = t.world.units.get('370681:police')!;
    market = t.world.units.get('370681:market_regulation')!;
    countyOffice = t.world.units.get('370681:campaign_office')!;
    // These units report straight to the office here (approval switched off, as a one-person unit
    // would): 单位负责人审核 has its own tests in modules/approval.
    for (const [lead, unit] of [['lk_police_lead', police], ['lk_market_regulation_lead', market]] as const) {
      const r = await t.app.inject({ method: 'PUT', url: `/api/units/${unit}/report-approval`, headers: { cookie: await t.login(lead) }, payload: { required: false } });
      expect(r.statusCode, r.body).toBe(200);
    }
  });
  afterAll(() => t.close());

  const act = async (user: string, tipId: number, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/tips/${tipId}/actions`, headers: { cookie: await t.login(user) }, payload: body });
  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(user) } });
  const ok = async (user: string, tipId: number, body: object) => {
    const r = await act(user, tipId, body);
    expect(r.statusCode, r.body).toBe(200);
    return json(r);
  };
  const upload = async (user: string, data = PDF) => {
    const body = multipart(data, 'report.pdf', 'application/pdf');
    return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { cookie: await t.login(user), ...body.headers }, payload: body.payload });
  };
  const newTip = async (over: Record<string, unknown> = {}) => {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip(over) }));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    return { id, ...sub } as { id: number; trackingCode: string; accessKey: string };
  };
  /** A tip of 龙口市 dispatched by the county office to police (lead) with market regulation assisting. */
  const dispatched = async (over: Record<string, unknown> = {}) => {
    const tip = await newTip(over);
    await ok('lk_intake', tip.id, { action: 'accept' });
    await ok('lk_intake', tip.id, { action: 'dispatch', leadUnitId: police, assistingUnitIds: [market], deadline: inDays(10), instructions: '请公安局牵头核查，市场监管局协助' });
    return tip;
  };
  const notes = async (user: string, tipId: number, kind: string) =>
    json(await get(user, '/api/notifications?limit=100')).items.filter((n: any) => n.tipId === tipId && n.kind === kind);
  const auditActions = async (tipId: number) =>
    (await t.db.query<{ action: string }>(`select action from audit_log where entity = 'tip' and entity_id = $1 order by id`, [String(tipId)])).map((r) => r.action);
  const expectError = (r: Awaited<ReturnType<typeof act>>, status: number, code?: string, path?: string) => {
    expect(r.statusCode, r.body).toBe(status);
    const body = json(r);
    if (code) expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    if (path) expect(body.error.fields.map((f: any) => f.path)).toContain(path);
  };

  describe('协办反馈: the assisting unit reports its part', () => {
    it('refuses bad input with field paths, the wrong unit or role, and an unknown document — changing nothing', async () => {
      const tip = await dispatched();
      const report = { action: 'assist_report', verdict: 'true', measures: ['rectification_order'], summary: '已配合检查涉事门店，责令整改。' };
      expectError(await act('lk_market_regulation', tip.id, { ...report, verdict: 'maybe' }), 400, 'VALIDATION_FAILED', 'verdict');
      expectError(await act('lk_market_regulation', tip.id, { ...report, summary: '好' }), 400, 'VALIDATION_FAILED', 'summary');
      expectError(await act('lk_market_regulation', tip.id, { ...report, measures: ['jail'] }), 400, 'VALIDATION_FAILED', 'measures.0');
      expectError(await act('lk_market_regulation', tip.id, { ...report, attachmentIds: ['not-a-uuid'] }), 400, 'VALIDATION_FAILED', 'attachmentIds.0');
      expectError(await act('lk_market_regulation', tip.id, { ...report, attachmentIds: Array.from({ length: 11 }, () => crypto.randomUUID()) }), 400, 'VALIDATION_FAILED', 'attachmentIds');
      expectError(await act('lk_market_regulation', tip.id, { ...report, extra: 1 }), 400, 'VALIDATION_FAILED');
      // The lead unit reports with `report`; the receiving office is no assisting unit; a unit not on the tip does not see it.
      expectError(await act('lk_police', tip.id, report), 403, 'FORBIDDEN');
      expectError(await act('lk_intake', tip.id, report), 403, 'FORBIDDEN');
      expectError(await act('lk_civil_affairs', tip.id, report), 404, 'NOT_FOUND');
      // A viewer may not act at all.
      expectError(await act('yt_viewer', tip.id, report), 403);
      // An unknown document: all or nothing, the assignment is not reported.
      expectError(await act('lk_market_regulation', tip.id, { ...report, attachmentIds: [crypto.randomUUID()] }), 422, 'UPLOAD_INVALID', 'attachmentIds');
      const detail = json(await get('lk_intake', `/api/tips/${tip.id}`));
      expect(detail.assignments.find((a: any) => a.unitId === market)).toMatchObject({ status: 'dispatched', verdict: null, summary: null });
      expect(detail.timeline.map((e: any) => e.kind)).not.toContain('assist_reported');
    });

    it('records a report like the lead\'s, with a document, tells the dispatcher and the lead, once', async () => {
      const tip = await dispatched();
      const doc = json(await upload('lk_market_regulation'));
      expect(doc.mime).toBe('application/pdf');
      const summary = '已配合对涉事门店开展检查，发现虚假宣传，责令整改。';
      const r = await ok('lk_market_regulation', tip.id, { action: 'assist_report', verdict: 'partly_true', measures: ['rectification_order'], summary, attachmentIds: [doc.id] });
      const assist = r.assignments.find((a: any) => a.unitId === market);
      expect(assist).toMatchObject({ role: 'assist', status: 'reported', verdict: 'partly_true', measures: ['rectification_order'], summary, active: true });
      expect(assist.reportedAt).toBeTruthy();
      expect(r.status).toBe('dispatched'); // the lead still reports the result
      expect(r.attachments).toEqual([expect.objectContaining({ id: doc.id, assignmentId: assist.id, mime: 'application/pdf' })]);
      expect(r.allowedActions).not.toContain('assist_report');
      const event = r.timeline.find((e: any) => e.kind === 'assist_reported');
      expect(event).toMatchObject({ public: false, unit: '龙口市市场监督管理局' });
      expect(event.text).toContain(summary);
      expect(await auditActions(tip.id)).toContain('tip.assist_reported');
      // The dispatcher and the lead see it: in the detail and told by a notice.
      const forPolice = json(await get('lk_police', `/api/tips/${tip.id}`));
      expect(forPolice.assignments.find((a: any) => a.unitId === market).summary).toBe(summary);
      expect(forPolice.attachments.map((a: any) => a.id)).toContain(doc.id);
      expect((await get('lk_police', `/api/tips/${tip.id}/attachments/${doc.id}`)).statusCode).toBe(200);
      expect(await notes('lk_police', tip.id, 'assist_reported')).toHaveLength(1);
      expect(await notes('lk_intake', tip.id, 'assist_reported')).toHaveLength(1);
      // Internal: the reporter reads nothing of it.
      const st = json(await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: tip.trackingCode, accessKey: tip.accessKey } }));
      expect(JSON.stringify(st)).not.toContain('虚假宣传');
      // Once: a second report is a wrong state; the same document cannot be attached twice.
      expectError(await act('lk_market_regulation', tip.id, { action: 'assist_report', verdict: 'true', summary: '再次反馈协办情况。' }), 409, 'TIP_INVALID_TRANSITION');
      // The lead reports after it, and the tip moves on as before; an assisting unit may still report while under review.
      const late = await dispatched();
      await ok('lk_police', late.id, { action: 'sign' });
      expectError(await act('lk_police', late.id, { action: 'report', verdict: 'true', measures: ['case_filed'], case: newCase(), summary: '经查属实，已立案侦查。', attachmentIds: [doc.id] }), 422, 'UPLOAD_INVALID', 'attachmentIds');
      await ok('lk_police', late.id, { action: 'report', verdict: 'true', measures: ['case_filed'], case: newCase(), summary: '经查属实，已立案侦查。' });
      const reviewed = await ok('lk_market_regulation', late.id, { action: 'assist_report', verdict: 'true', summary: '已配合调取门店销售记录。' });
      expect(reviewed.status).toBe('reported');
      // Once closed, nothing more.
      const closing = await dispatched();
      await ok('lk_police', closing.id, { action: 'sign' });
      await ok('lk_police', closing.id, { action: 'report', verdict: 'untrue', measures: ['other'], summary: '经查不属实，已向举报人说明。' });
      await ok('lk_lead', closing.id, { action: 'close', publicAnswer: '经核查，您反映的问题不属实，感谢您的举报。' });
      expectError(await act('lk_market_regulation', closing.id, { action: 'assist_report', verdict: 'true', summary: '办结后才反馈协办情况。' }), 409, 'TIP_INVALID_TRANSITION');
    });
  });

  describe('退回交办: the lead unit sends a wrongly routed tip back', () => {
    it('refuses bad input, other units and roles, and a tip already reported', async () => {
      const tip = await dispatched();
      expectError(await act('lk_police', tip.id, { action: 'send_back' }), 400, 'VALIDATION_FAILED', 'reason');
      expectError(await act('lk_police', tip.id, { action: 'send_back', reason: '' }), 400, 'VALIDATION_FAILED', 'reason');
      expectError(await act('lk_police', tip.id, { action: 'send_back', reason: '错'.repeat(2001) }), 400, 'VALIDATION_FAILED', 'reason');
      expectError(await act('lk_market_regulation', tip.id, { action: 'send_back', reason: '不属于本单位职责' }), 403, 'FORBIDDEN');
      expectError(await act('lk_intake', tip.id, { action: 'send_back', reason: '不属于本单位职责' }), 403, 'FORBIDDEN');
      expectError(await act('lk_civil_affairs', tip.id, { action: 'send_back', reason: '不属于本单位职责' }), 404, 'NOT_FOUND');
      await ok('lk_police', tip.id, { action: 'sign' });
      await ok('lk_police', tip.id, { action: 'report', verdict: 'true', measures: ['case_filed'], case: newCase(), summary: '经查属实，已立案侦查。' });
      expectError(await act('lk_police', tip.id, { action: 'send_back', reason: '不属于本单位职责' }), 409, 'TIP_INVALID_TRANSITION');
    });

    it('from the receiving office\'s dispatch: the tip is accepted again, no deadline runs, the office is told', async () => {
      const tip = await dispatched();
      const before = json(await get('lk_intake', '/api/workbench')).todo.toDispatch;
      const reason = '该线索涉及保健品虚假宣传，属市场监管职责，请改交市场监管局';
      const r = await ok('lk_police', tip.id, { action: 'send_back', reason });
      expect(r.status).toBe('accepted');
      expect(r.deadlineAt).toBeNull();
      expect(r.overdue).toBe(false);
      expect(r.assignments.map((a: any) => [a.unitId, a.status, a.active])).toEqual([[police, 'sent_back', false], [market, 'withdrawn', false]]);
      expect(r.allowedActions).toEqual(['note']); // the police keeps sight of its history and may add a note, nothing more
      expect(r.timeline.at(-1)).toMatchObject({ kind: 'sent_back', text: reason, public: false, unit: '龙口市公安局' });
      expect(await auditActions(tip.id)).toContain('tip.sent_back');
      const told = await notes('lk_intake', tip.id, 'sent_back');
      expect(told).toHaveLength(1);
      expect(told[0].text).toContain('龙口市公安局');
      // The office dispatches it anew; the sent-back unit cannot act again (it no longer leads).
      const office = json(await get('lk_intake', `/api/tips/${tip.id}`));
      expect(office.allowedActions).toContain('dispatch');
      expect(json(await get('lk_intake', '/api/workbench')).todo.toDispatch).toBe(before + 1);
      expect(json(await get('lk_police', '/api/tips?todo=to_sign')).items.map((i: any) => i.id)).not.toContain(tip.id);
      expectError(await act('lk_police', tip.id, { action: 'send_back', reason }), 403, 'FORBIDDEN');
      expectError(await act('lk_market_regulation', tip.id, { action: 'assist_report', verdict: 'true', summary: '撤回后不应再反馈协办。' }), 403, 'FORBIDDEN');
      const again = await ok('lk_intake', tip.id, { action: 'dispatch', leadUnitId: market, deadline: inDays(7), instructions: '请市场监管局核查处理' });
      expect(again.status).toBe('dispatched');
      expect(json(await get('lk_market_regulation', `/api/tips/${tip.id}`)).allowedActions).toEqual(expect.arrayContaining(['sign', 'send_back']));
      // The reporter's view does not change.
      const st = json(await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: tip.trackingCode, accessKey: tip.accessKey } }));
      expect(JSON.stringify(st)).not.toContain('市场监管职责');
    });

    it('from a forward down the chain: the office that forwarded leads again under its own deadline', async () => {
      const tip = await newTip({ regionCode: '3706' });
      await ok('yt_intake', tip.id, { action: 'accept' });
      const cityDeadline = inDays(15);
      await ok('yt_intake', tip.id, { action: 'dispatch', leadUnitId: countyOffice, deadline: cityDeadline, instructions: '请龙口市专项办组织核查' });
      await ok('lk_intake', tip.id, { action: 'sign' });
      await ok('lk_intake', tip.id, { action: 'dispatch', leadUnitId: police, deadline: inDays(10), instructions: '请公安局核查' });
      const r = await ok('lk_police', tip.id, { action: 'send_back', reason: '非诈骗警情，属民事纠纷' });
      expect(r.status).toBe('in_progress'); // the county office had signed
      expect(new Date(r.deadlineAt).toISOString()).toBe(cityDeadline);
      const county = r.assignments.find((a: any) => a.unitId === countyOffice);
      expect(county).toMatchObject({ status: 'signed', active: true });
      expect(await notes('lk_intake', tip.id, 'sent_back')).toHaveLength(1);
      expect(await notes('yt_intake', tip.id, 'sent_back')).toHaveLength(0);
      expect(json(await get('lk_intake', `/api/tips/${tip.id}`)).allowedActions).toEqual(expect.arrayContaining(['dispatch', 'report', 'send_back']));
      // The county office may in turn send it back to the city, which then has it accepted again.
      const up = await ok('lk_intake', tip.id, { action: 'send_back', reason: '不属于龙口市辖区' });
      expect(up.status).toBe('accepted');
      expect(await notes('yt_intake', tip.id, 'sent_back')).toHaveLength(1);
    });
  });

  describe('documents on a report', () => {
    it('the lead attaches documents uploaded by staff; same type checks; they do not count against the reporter\'s ten', async () => {
      const tip = await dispatched();
      await ok('lk_police', tip.id, { action: 'sign' });
      const bad = await upload('lk_police', Buffer.from('MZ\x90\x00 an executable'));
      expect(bad.statusCode).toBe(422);
      expect(json(bad).error.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
      expect((await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { cookie: await t.login('lk_police'), 'content-type': 'application/json' }, payload: {} })).statusCode).toBe(415);
      expect((await t.app.inject({ method: 'POST', url: '/api/uploads', ...multipart(PDF, 'a.pdf', 'application/pdf') })).statusCode).toBe(401);
      const docs = [];
      for (let i = 0; i < 2; i++) docs.push(json(await upload('lk_police')).id);
      const r = await ok('lk_police', tip.id, { action: 'report', verdict: 'true', measures: ['case_filed'], case: newCase(), summary: '经查属实，已立案侦查，询问笔录附后。', attachmentIds: [...docs, docs[0]] });
      const lead = r.assignments.find((a: any) => a.role === 'lead');
      expect(r.attachments.filter((a: any) => a.assignmentId === lead.id).map((a: any) => a.id).sort()).toEqual([...docs].sort());
      // The reporter may still add ten pieces of evidence of their own.
      const evidence = [];
      for (let i = 0; i < 10; i++) evidence.push(json(await t.app.inject({ method: 'POST', url: '/api/public/uploads', ...multipart(PDF, 'e.pdf', 'application/pdf') })).id);
      const msg = await t.app.inject({ method: 'POST', url: '/api/public/tips/messages', payload: { trackingCode: tip.trackingCode, accessKey: tip.accessKey, text: '补充证据', attachmentIds: evidence } });
      expect(msg.statusCode, msg.body).toBe(201);
    });
  });

  describe('the list\'s total', () => {
    it('counts what the list shows for the filter, capped, with bad filters refused by field', async () => {
      for (const [user, q] of [['lk_intake', ''], ['lk_intake', 'status=accepted'], ['lk_intake', 'status=dispatched&fraudType=elderly_product'], ['lk_police', ''], ['yt_intake', 'regionCode=370681'], ['lk_market_regulation', 'todo=to_sign']]) {
        const list = json(await get(user, `/api/tips?limit=200&${q}`));
        expect(list.nextCursor).toBeNull();
        const count = await get(user, `/api/tips/count?${q}`);
        expect(count.statusCode, count.body).toBe(200);
        expect(json(count), `${user} ${q}`).toEqual({ total: list.items.length, capped: false });
      }
      expect(json(await get('lk_intake', '/api/tips/count')).total).toBeGreaterThan(5);
      const user = (await loadUser(t.db, t.world.users.get('lk_intake')!)) as SessionUser;
      expect(await countTips(t.db, user, {}, { cap: 3 })).toEqual({ total: 3, capped: true });
      const bad = await get('lk_intake', '/api/tips/count?status=nope&regionCode=37x');
      expect(bad.statusCode).toBe(400);
      expect(json(bad).error.fields.map((f: any) => f.path)).toEqual(expect.arrayContaining([expect.stringMatching(/status$/), expect.stringMatching(/regionCode$/)]));
    });
  });

  it.runIf(inject('backend') === 'postgres')('on PostgreSQL a count that takes too long says it could not count, instead of holding the page', async () => {
    // Many tips of 龙口市 that no filter of the test matches, so proving "none" reads them all.
    const office = countyOffice;
    await t.db.query(
      `insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, fraud_types, reporter_anonymous, search_tsv)
       select lpad((900000000000 + g)::text, 12, '0'), md5(g::text), 'hotline', 'submitted', '370681001', $1, '批量生成的线索，用于计数超时测试。',
              '{}', true, ''::tsvector
       from generate_series(1, 60000) g`,
      [office],
    );
    const user = (await loadUser(t.db, t.world.users.get('lk_intake')!)) as SessionUser;
    expect(await countTips(t.db, user, { source: 'letter' }, { timeoutMs: 1 })).toEqual({ total: null, capped: false });
    expect(await countTips(t.db, user, { source: 'letter' }, { timeoutMs: 60_000 })).toEqual({ total: 0, capped: false });
    const answer = await get('lk_intake', '/api/tips/count');
    expect(json(answer)).toEqual({ total: 10_000, capped: true });
    // (Left in place: the database is this file's own, and the export below filters on closed tips.)
  }, 120_000);

  describe('the ledger export', () => {
    it('has every ledger column, the full description, and only what the user may see', async () => {
      const description = `鑫泰健康科技有限公司在紫藤花园小区开办免费养生讲座，${'以赠送鸡蛋为名吸引老人参加，随后推销所谓能治高血压的保健品，'.repeat(6)}我母亲先后花了两万元。`;
      expect(description.length).toBeGreaterThan(200);
      const tip = await dispatched({ description, subject: { name: '鑫泰健康科技有限公司' }, amountInvolved: 20000, victimCount: 7 });
      await ok('lk_market_regulation', tip.id, { action: 'assist_report', verdict: 'true', summary: '已配合查封涉事门店的保健品。' });
      await ok('lk_police', tip.id, { action: 'sign' });
      await ok('lk_police', tip.id, { action: 'report', verdict: 'true', measures: ['case_filed', 'risk_warning'], case: newCase(), summary: '经查属实，已立案侦查。' });
      const answer = '经核查，您反映的问题属实，公安机关已立案侦查，感谢您的举报。';
      await ok('lk_lead', tip.id, { action: 'close', publicAnswer: answer });
      expect((await t.app.inject({ method: 'POST', url: '/api/public/tips/rating', payload: { trackingCode: tip.trackingCode, accessKey: tip.accessKey, satisfied: true, comment: '处理及时' } })).statusCode).toBe(200);

      const res = await get('lk_intake', '/api/tips/export?status=closed');
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('线索台账')!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual(['查询码', '来源', '收到时间', '地区', '类型', '被反映对象', '涉及金额（元）', '受害人数', '受理单位', '主办单位', '协办单位',
        '办理时限', '状态', '是否超期', '核查结论', '处理措施', '办结日期', '答复内容', '举报人评价', '线索描述']);
      const rows = (sheet.getSheetValues() as unknown[][]).slice(2).filter(Boolean).map((v) => Object.fromEntries(headers.map((h, i) => [h, v[i + 1]])));
      expect(Number(res.headers['x-export-rows'])).toBe(rows.length);
      const row = rows.find((r) => r['查询码'] === tip.trackingCode)!;
      // 办结日期: the Beijing day the tip was closed on, today (or yesterday, if the run has crossed Beijing midnight since).
      const [{ closedOn }] = await t.db.query<{ closedOn: string }>(`select to_char(closed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "closedOn" from tips where id = $1`, [tip.id]);
      const beijingDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
      expect([beijingDay(Date.now() - 86400_000), beijingDay(Date.now())]).toContain(closedOn);
      expect(row).toMatchObject({
        来源: TIP_SOURCES.portal, 类型: FRAUD_TYPES.elderly_product, 被反映对象: '鑫泰健康科技有限公司', '涉及金额（元）': 20000, 受害人数: 7,
        受理单位: '龙口市打击整治养老诈骗专项行动办公室', 主办单位: '龙口市公安局', 协办单位: '龙口市市场监督管理局', 状态: '已办结', 是否超期: '否',
        核查结论: VERDICTS.true, 处理措施: `${MEASURES.case_filed}、${MEASURES.risk_warning}`, 办结日期: closedOn, 答复内容: answer, 举报人评价: '满意：处理及时',
        线索描述: description,
      });
      expect(row['地区']).toMatch(/^山东省 \/ 烟台市 \/ 龙口市 \/ .+/);
      expect(row['收到时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(row['办理时限']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      // A unit that may not see the tip does not get it; the export is audited with its filter.
      const other = await get('lk_civil_affairs', '/api/tips/export?status=closed');
      expect(other.headers['x-export-rows']).toBe('0');
      const [audit] = await t.db.query<{ detail: any }>(`select detail from audit_log where action = 'tip.exported' order by id desc limit 1`);
      expect(audit.detail).toMatchObject({ filter: { status: 'closed' }, rows: 0 });
    });
  });
});
