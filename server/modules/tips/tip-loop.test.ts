import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newCase, inDays, json, validTip, type TestApp } from '../../test/helpers.ts';

/** The whole closed loop through HTTP, as people would drive it. */
describe('a tip from the portal to the reporter reading the answer', () => {
  let t: TestApp;
  let countyOffice: number, countyPolice: number, countyMarket: number;
  beforeAll(async () => {
    t = await createTestApp();
    countyOffice = t.world.units.get('370681:campaign_office')!;
    countyPolice = t.world.units.get('370681:police')!;
    countyMarket = t.world.units.get('370681:market_regulation')!;
  });
  afterAll(() => t.close());

  const act = async (user: string, tipId: number, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/tips/${tipId}/actions`, headers: { cookie: await t.login(user) }, payload: body });
  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(user) } });
  const publicPost = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
  const cred = (s: { trackingCode: string; accessKey: string }) => ({ trackingCode: s.trackingCode, accessKey: s.accessKey });

  it('runs anonymous submission → accept → dispatch to the county office → police → return → close → rating → re-examination', async () => {
    // A reporter who only knows the city: it lands in the city office's queue.
    const sub = await publicPost('/api/public/tips', validTip({ regionCode: '3706', subject: { name: '福寿康养老服务有限公司', phone: '13912345678' } }));
    expect(sub.statusCode).toBe(201);
    const { trackingCode, accessKey, status } = json(sub);
    expect(status).toBe('submitted');
    expect(trackingCode).toMatch(/^\d{12}$/);
    expect(accessKey).toMatch(/^\d{16}$/);

    const list = json(await get('yt_intake', `/api/tips?status=submitted`));
    const item = list.items.find((i: any) => i.trackingCode === trackingCode);
    expect(item).toBeTruthy();
    const id = item.id as number;
    // The county office does not see a city-level tip before it is dispatched to it.
    expect((await get('lk_intake', `/api/tips/${id}`)).statusCode).toBe(404);

    let r = await act('yt_intake', id, { action: 'accept', fraudTypes: ['elderly_product', 'elderly_service'] });
    expect(r.statusCode).toBe(200);
    expect(json(r).status).toBe('accepted');
    expect(json(r).allowedActions).toContain('dispatch');

    r = await act('yt_intake', id, { action: 'dispatch', leadUnitId: countyOffice, deadline: inDays(15), instructions: '请龙口市专项办组织核查' });
    expect(r.statusCode).toBe(200);
    expect(json(r).status).toBe('dispatched');

    // Now the county office sees it, and may dispatch it further down its own subtree.
    const forCounty = json(await get('lk_intake', `/api/tips/${id}`));
    expect(forCounty.allowedActions).toEqual(expect.arrayContaining(['dispatch', 'sign']));
    // A deadline later than the city's is refused.
    r = await act('lk_intake', id, { action: 'dispatch', leadUnitId: countyPolice, deadline: inDays(20), instructions: '请公安局核查' });
    expect(r.statusCode).toBe(422);
    expect(json(r).error.code).toBe('DEADLINE_INVALID');
    // Police cannot see it yet.
    expect((await get('lk_police', `/api/tips/${id}`)).statusCode).toBe(404);
    r = await act('lk_intake', id, { action: 'dispatch', leadUnitId: countyPolice, assistingUnitIds: [countyMarket], deadline: inDays(10), instructions: '请公安局牵头核查，市场监管局协助' });
    expect(r.statusCode).toBe(200);

    // Police: sees it on its workbench and to-do list, cannot report before signing (409), signs, reports.
    expect((await get('lk_police', `/api/tips/${id}`)).statusCode).toBe(200);
    const bench = json(await get('lk_police', '/api/workbench'));
    expect(bench.todo.toSign).toBe(1);
    expect(bench.unreadNotifications).toBeGreaterThanOrEqual(1);
    expect(json(await get('lk_police', '/api/tips?todo=to_sign')).items.map((i: any) => i.id)).toEqual([id]);
    expect(json(await get('lk_market_regulation', '/api/workbench')).todo.toSign).toBe(0); // assisting, not leading
    r = await act('lk_police', id, { action: 'report', verdict: 'true', measures: ['case_filed'], case: newCase(), summary: '经查属实，已立案侦查。' });
    expect(r.statusCode).toBe(409);
    expect(json(r).error.code).toBe('TIP_INVALID_TRANSITION');
    r = await act('lk_police', id, { action: 'sign' });
    expect(r.statusCode).toBe(200);
    expect(json(r).status).toBe('in_progress');
    // The assisting unit adds a note but may not report.
    r = await act('lk_market_regulation', id, { action: 'note', text: '已配合对涉事门店进行检查。' });
    expect(r.statusCode).toBe(200);
    r = await act('lk_market_regulation', id, { action: 'report', verdict: 'true', measures: ['other'], summary: '协办意见如上。' });
    expect(r.statusCode).toBe(403);
    r = await act('lk_police', id, { action: 'report', verdict: 'partly_true', measures: ['admonition'], summary: '初步核查部分属实，已约谈。' });
    expect(r.statusCode).toBe(200);
    // 单位负责人审核: the handler's report is the unit's draft until its lead approves it.
    expect(json(r).status).toBe('in_progress');
    expect(json(await get('lk_lead', '/api/workbench')).todo.toReview).toBe(0);
    r = await act('lk_police_lead', id, { action: 'approve_report' });
    expect(r.statusCode).toBe(200);
    expect(json(r).status).toBe('reported');

    // The county office (which dispatched to police) reviews: police may not close its own result.
    r = await act('lk_police', id, { action: 'close', publicAnswer: '已办结。' + 'x'.repeat(5) });
    expect(r.statusCode).toBe(403);
    expect(json(await get('lk_lead', '/api/workbench')).todo.toReview).toBe(1);
    expect(json(await get('yt_intake', '/api/workbench')).todo.toReview).toBe(0); // the county reviews its own dispatch
    r = await act('lk_lead', id, { action: 'return', reason: '核查不充分，请补充资金流向' });
    expect(r.statusCode).toBe(200);
    expect(json(r).status).toBe('in_progress');
    r = await act('lk_police', id, { action: 'report', verdict: 'true', measures: ['case_filed', 'risk_warning'], case: newCase(), summary: '补充核查资金流向，已立案侦查。' });
    expect(r.statusCode).toBe(200);
    expect((await act('lk_police_lead', id, { action: 'approve_report' })).statusCode).toBe(200);
    const answer = '经核查，您反映的问题属实，公安机关已立案侦查，感谢您的举报。';
    // 上级审核: the city dispatched the tip to the county, so the county's closing waits for the city.
    r = await act('lk_lead', id, { action: 'close', publicAnswer: answer });
    expect(r.statusCode).toBe(200);
    expect(json(r).status).toBe('closing');
    expect(json(await publicPost('/api/public/tips/status', { trackingCode, accessKey })).answer).toBeNull();
    r = await act('yt_lead', id, { action: 'approve_closure' });
    expect(r.statusCode).toBe(200);
    const closed = json(r);
    expect(closed.status).toBe('closed');
    // The city reads no draft of the police's (only the unit itself does).
    const kinds = closed.timeline.map((e: any) => e.kind);
    expect(kinds).toEqual([
      'submitted', 'accepted', 'dispatched', 'dispatched', 'dispatched', 'signed', 'in_progress', 'note', 'report_approved', 'reported', 'returned',
      'case_filed', 'report_approved', 'reported', 'closure_proposed', 'closure_approved', 'closed',
    ]);

    // The reporter reads only what is public, and the answer.
    const st = json(await publicPost('/api/public/tips/status', { trackingCode, accessKey }));
    expect(st.status).toBe('closed');
    expect(st.answer.text).toBe(answer);
    // That a case was filed (立案侦查 in the report filed it), and nothing of the case itself.
    expect(st.timeline.map((e: any) => e.kind)).toEqual(['submitted', 'accepted', 'dispatched', 'in_progress', 'case_filed', 'closed']);
    expect(JSON.stringify(st)).not.toContain('龙公立');
    expect(JSON.stringify(st)).not.toContain('资金流向'); // an internal return reason
    expect(JSON.stringify(st)).not.toContain('公安局');

    r = await publicPost('/api/public/tips/rating', { trackingCode, accessKey, satisfied: true, comment: '处理及时' });
    expect(r.statusCode).toBe(200);
    r = await publicPost('/api/public/tips/rating', { trackingCode, accessKey, satisfied: false });
    expect(r.statusCode).toBe(409);
    r = await publicPost('/api/public/tips/reexamination', { trackingCode, accessKey, reason: '涉事公司仍在营业，请再次核查' });
    expect(r.statusCode).toBe(200);
    const again = json(await get('yt_intake', `/api/tips/${id}`));
    expect(again.status).toBe('accepted');
    expect(again.assignments.every((a: any) => !a.active)).toBe(true);
    expect(again.allowedActions).toContain('dispatch');
    // The police no longer acts on it, but keeps its history.
    r = await act('lk_police', id, { action: 'sign' });
    expect([403, 409]).toContain(r.statusCode);

    // Every step left an audit row.
    const audit = json(await get('sd_auditor', `/api/audit?entity=tip&entityId=${id}&limit=100`));
    const actions = audit.items.map((a: any) => a.action);
    for (const a of ['tip.submitted', 'tip.accepted', 'tip.dispatched', 'tip.signed', 'tip.report_drafted', 'tip.report_approved', 'tip.reported', 'tip.returned', 'tip.closure_proposed', 'tip.closure_approved', 'tip.closed', 'tip.rated', 'tip.reexamination_requested']) {
      expect(actions).toContain(a);
    }
  });

  it('runs a named submission on behalf of an elder, with masked and revealed identity', async () => {
    const sub = await publicPost('/api/public/tips', validTip({
      regionCode: '370681001',
      reporter: { anonymous: false, name: '王建国', phone: '13812345678', idNumber: '11010519491231002X', onBehalfOf: { name: '王秀英', relation: '母亲' } },
    }));
    expect(sub.statusCode).toBe(201);
    const { trackingCode } = json(sub);
    const id = json(await get('lk_intake', '/api/tips?status=submitted')).items.find((i: any) => i.trackingCode === trackingCode).id;
    const detail = json(await get('lk_intake', `/api/tips/${id}`));
    expect(detail.reporter).toEqual({ anonymous: false, name: '王**', phone: '138****5678', idNumber: '110***********002X', onBehalfOf: { name: '王**', relation: '母亲' } });
    expect(JSON.stringify(detail)).not.toContain('13812345678');
    expect(detail.canRevealIdentity).toBe(false); // intake clerks may not
    let r = await t.app.inject({ method: 'POST', url: `/api/tips/${id}/reporter-identity`, headers: { cookie: await t.login('lk_intake') }, payload: { reason: '需要联系举报人核实' } });
    expect(r.statusCode).toBe(403);
    r = await t.app.inject({ method: 'POST', url: `/api/tips/${id}/reporter-identity`, headers: { cookie: await t.login('lk_lead') }, payload: { reason: '' } });
    expect(r.statusCode).toBe(400);
    r = await t.app.inject({ method: 'POST', url: `/api/tips/${id}/reporter-identity`, headers: { cookie: await t.login('lk_lead') }, payload: { reason: '需要联系举报人核实' } });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toMatchObject({ name: '王建国', phone: '13812345678', idNumber: '11010519491231002X', onBehalfOf: { name: '王秀英', relation: '母亲' } });
    const audit = json(await get('sd_auditor', `/api/audit?entity=tip&entityId=${id}`));
    expect(audit.items.find((a: any) => a.action === 'tip.identity_revealed').detail).toEqual({ reason: '需要联系举报人核实' });

    // Handled directly by the county: accept → dispatch to police → sign → report → close.
    expect((await act('lk_intake', id, { action: 'accept' })).statusCode).toBe(200);
    expect((await act('lk_intake', id, { action: 'dispatch', leadUnitId: countyPolice, deadline: inDays(7), instructions: '请核查' })).statusCode).toBe(200);
    // Police see the reporter masked too, and cannot reveal.
    const forPolice = json(await get('lk_police', `/api/tips/${id}`));
    expect(forPolice.reporter.name).toBe('王**');
    expect(forPolice.canRevealIdentity).toBe(false);
    expect((await act('lk_police', id, { action: 'sign' })).statusCode).toBe(200);
    expect((await act('lk_police', id, { action: 'report', verdict: 'untrue', measures: ['risk_warning'], summary: '未发现违法行为，已作风险提示。' })).statusCode).toBe(200);
    expect((await act('lk_police_lead', id, { action: 'approve_report' })).statusCode).toBe(200);
    expect((await act('lk_lead', id, { action: 'close', publicAnswer: '经核查未发现违法行为，已对经营者作风险提示。' })).statusCode).toBe(200);
  });

  it('keeps jurisdictions apart: another county gets 404, a member unit sees only what was dispatched to it', async () => {
    const sub = json(await publicPost('/api/public/tips', validTip({ regionCode: '370681001' })));
    const id = json(await get('lk_intake', '/api/tips?status=submitted')).items.find((i: any) => i.trackingCode === sub.trackingCode).id;
    for (const other of ['zf_intake', 'zf_lead', 'zf_police', 'lk_civil_affairs', 'lk_police']) {
      const r = await get(other, `/api/tips/${id}`);
      expect(r.statusCode, other).toBe(404);
      expect(json(r).error.code).toBe('NOT_FOUND');
      expect((await act(other, id, { action: 'note', text: '试图操作' })).statusCode, other).toBe(404);
      expect(json(await get(other, '/api/tips?limit=200')).items.some((i: any) => i.id === id), other).toBe(false);
    }
    // The city and the province above see it; so does a viewer, who may not act (403).
    for (const upper of ['yt_intake', 'sd_intake', 'sd_viewer']) expect((await get(upper, `/api/tips/${id}`)).statusCode, upper).toBe(200);
    expect((await act('sd_viewer', id, { action: 'accept' })).statusCode).toBe(403);
    // The member unit's list holds only tips dispatched to it.
    await act('lk_intake', id, { action: 'accept' });
    await act('lk_intake', id, { action: 'dispatch', leadUnitId: t.world.units.get('370681:civil_affairs')!, deadline: inDays(5), instructions: '请民政局核查' });
    const mine = json(await get('lk_civil_affairs', '/api/tips?limit=200')).items;
    expect(mine.map((i: any) => i.id)).toEqual([id]);
  });

  it('never dispatches a tip to the unit it accuses, and hides it from that unit', async () => {
    const accused = t.world.units.get('370681:market_regulation')!;
    const [u] = await t.db.query<{ name: string }>('select name from units where id = $1', [accused]);
    const sub = json(await publicPost('/api/public/tips', validTip({ description: '市场监管局的工作人员收取好处费，包庇推销保健品的公司，请调查。', subject: { name: u.name } })));
    const id = json(await get('lk_intake', '/api/tips?status=submitted')).items.find((i: any) => i.trackingCode === sub.trackingCode).id;
    await act('lk_intake', id, { action: 'accept' });
    const r = await act('lk_intake', id, { action: 'dispatch', leadUnitId: accused, deadline: inDays(5), instructions: '请核查' });
    expect(r.statusCode).toBe(422);
    expect(json(r).error.code).toBe('DISPATCH_ACCUSED_UNIT');
    const sug = json(await get('lk_intake', `/api/tips/${id}/dispatch-suggestions`));
    expect(sug.lead.concat(sug.assisting).some((x: any) => x.id === accused)).toBe(false);
    expect((await get('lk_market_regulation', `/api/tips/${id}`)).statusCode).toBe(404);
  });

  it('merges a duplicate and answers it when the target closes; rejects with a public answer', async () => {
    const a = json(await publicPost('/api/public/tips', validTip()));
    const b = json(await publicPost('/api/public/tips', validTip({ description: '同一家公司在另一个小区也在办免费讲座卖保健品，骗老人钱。' })));
    const c = json(await publicPost('/api/public/tips', validTip({ description: '邻居家漏水把我家天花板泡坏了，物业不管，请帮忙处理。' })));
    const items = json(await get('lk_intake', '/api/tips?status=submitted&limit=100')).items;
    const idOf = (code: string) => items.find((i: any) => i.trackingCode === code).id;
    const [ia, ib, ic] = [idOf(a.trackingCode), idOf(b.trackingCode), idOf(c.trackingCode)];
    expect((await act('lk_intake', ia, { action: 'merge', intoTipId: ia })).statusCode).toBe(422);
    expect((await act('lk_intake', ib, { action: 'merge', intoTipId: ia })).statusCode).toBe(200);
    expect((await act('lk_intake', ib, { action: 'accept' })).statusCode).toBe(409);
    let r = await act('lk_intake', ic, { action: 'reject', reason: '物业纠纷', publicAnswer: '您反映的属于物业纠纷，建议联系住建部门或社区调解。' });
    expect(json(r).status).toBe('rejected');
    expect(json(await publicPost('/api/public/tips/status', cred(c))).answer.text).toContain('物业纠纷');

    await act('lk_intake', ia, { action: 'accept' });
    await act('lk_intake', ia, { action: 'dispatch', leadUnitId: countyMarket, deadline: inDays(5), instructions: '请核查' });
    await act('lk_market_regulation', ia, { action: 'sign' });
    await act('lk_market_regulation', ia, { action: 'report', verdict: 'true', measures: ['admin_penalty'], summary: '已立案处罚。' });
    await act('lk_market_regulation_lead', ia, { action: 'approve_report' });
    r = await act('lk_lead', ia, { action: 'close', publicAnswer: '经查属实，已对涉事公司作出行政处罚。' });
    expect(r.statusCode).toBe(200);
    const stB = json(await publicPost('/api/public/tips/status', cred(b)));
    expect(stB.status).toBe('closed');
    expect(stB.answer.text).toBe('经查属实，已对涉事公司作出行政处罚。');
  });

  it('lets the reporter add information, and urges and replies reach the right people', async () => {
    const sub = json(await publicPost('/api/public/tips', validTip()));
    let r = await publicPost('/api/public/tips/messages', { ...cred(sub), text: '补充：对方的电话是13900001111。' });
    expect(r.statusCode).toBe(201);
    const id = json(await get('lk_intake', '/api/tips?status=submitted')).items.find((i: any) => i.trackingCode === sub.trackingCode).id;
    const notes = json(await get('lk_intake', '/api/notifications'));
    expect(notes.items.some((n: any) => n.kind === 'reporter_message' && n.tipId === id)).toBe(true);
    await act('lk_intake', id, { action: 'accept' });
    r = await act('lk_intake', id, { action: 'reply', text: '感谢补充，我们已安排核查。' });
    expect(r.statusCode).toBe(200);
    await act('lk_intake', id, { action: 'dispatch', leadUnitId: countyPolice, deadline: inDays(5), instructions: '请核查' });
    r = await act('yt_supervisor', id, { action: 'urge', note: '请加快办理进度' });
    expect(r.statusCode).toBe(200);
    const police = json(await get('lk_police', '/api/notifications'));
    expect(police.items.filter((n: any) => n.tipId === id).map((n: any) => n.kind).sort()).toEqual(['dispatched', 'urged']);
    expect(police.unread).toBeGreaterThanOrEqual(2);
    r = await t.app.inject({ method: 'POST', url: '/api/notifications/read', headers: { cookie: await t.login('lk_police') }, payload: { ids: 'all' } });
    expect(json(r).updated).toBeGreaterThanOrEqual(2);
    expect(json(await get('lk_police', '/api/notifications')).unread).toBe(0);
    const st = json(await publicPost('/api/public/tips/status', cred(sub)));
    expect(st.timeline.map((e: any) => e.text)).toContain('感谢补充，我们已安排核查。');
    expect(st.timeline.map((e: any) => e.kind)).not.toContain('urged');
  });
});

describe('group-committed public intake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('writes every concurrent submission exactly once, each with its event and audit row', async () => {
    const n = 60;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ description: `并发举报第${i}条：有人推销保健品骗老人钱。`, subject: i % 3 ? undefined : { name: '龙口市公安局' } }) }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(n).fill(201));
    const codes = results.map((r) => json(r).trackingCode);
    expect(new Set(codes).size).toBe(n);
    const rows = await t.db.query<{ tracking_code: string; events: number; audits: number; accused: number[]; description: string }>(
      `select t.tracking_code, t.description, t.accused_unit_ids as accused,
              (select count(*)::int from tip_events e where e.tip_id = t.id) as events,
              (select count(*)::int from audit_log a where a.entity = 'tip' and a.entity_id = t.id::text) as audits
       from tips t where t.tracking_code = any($1::text[])`,
      [codes],
    );
    expect(rows).toHaveLength(n);
    expect(rows.every((r) => r.events === 1 && r.audits === 1)).toBe(true);
    // Each code maps to its own body, and the subject naming a unit marks it accused.
    const police = t.world.units.get('370681:police')!;
    for (const [i, code] of codes.entries()) {
      const row = rows.find((r) => r.tracking_code === code)!;
      expect(row.description).toContain(`第${i}条`);
      expect(row.accused).toEqual(i % 3 ? [] : [police]);
    }
    const st = await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: codes[7], accessKey: json(results[7]).accessKey } });
    expect(st.statusCode).toBe(200);
  });
});
