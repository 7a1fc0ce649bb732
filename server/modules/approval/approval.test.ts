import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inDays, json, TEST_PASSWORD, validTip, type TestApp } from '../../test/helpers.ts';

/**
 * The chain of responsibility (issue 12 items 1 and 2): a member unit's report is a draft until its
 * unit lead approves it; a lower office's closing of a tip an upper office dispatched to it waits for
 * that office's review, and the reporter reads the answer only after it.
 */
describe('单位负责人审核 and 上级审核', () => {
  let t: TestApp;
  let police: number, market: number, countyOffice: number;
  beforeAll(async () => {
    t = await createTestApp();
    police = t.world.units.get('370681:police')!;
    market = t.world.units.get('370681:market_regulation')!;
    countyOffice = t.world.units.get('370681:campaign_office')!;
  });
  afterAll(() => t.close());

  const act = async (user: string, tipId: number, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/tips/${tipId}/actions`, headers: { cookie: await t.login(user) }, payload: body });
  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(user) } });
  const put = async (user: string, url: string, payload: unknown) =>
    t.app.inject({ method: 'PUT', url, headers: { cookie: await t.login(user) }, payload: payload as object });
  const ok = async (user: string, tipId: number, body: object) => {
    const r = await act(user, tipId, body);
    expect(r.statusCode, `${user} ${JSON.stringify(body)}: ${r.body}`).toBe(200);
    return json(r);
  };
  const refused = async (user: string, tipId: number, body: object, status: number) => {
    const r = await act(user, tipId, body);
    expect(r.statusCode, `${user} ${JSON.stringify(body)}: ${r.body}`).toBe(status);
    return json(r).error;
  };
  const bench = async (user: string) => json(await get(user, '/api/workbench')).todo;
  const todo = async (user: string, kind: string) => json(await get(user, `/api/tips?todo=${kind}`)).items.map((i: { id: number }) => i.id);
  const auditOf = async (entity: string, id: number) =>
    json(await get('sd_auditor', `/api/audit?entity=${entity}&entityId=${id}&limit=100`)).items as { action: string; detail: Record<string, unknown> | null }[];
  const notices = async (user: string) => json(await get(user, '/api/notifications?limit=50')).items as { kind: string; tip: { id: number } | null }[];
  /** A public tip in 龙口市's queue, accepted and dispatched by the county office. */
  const dispatched = async (dispatch: object, regionCode = '370681001', office = 'lk_intake') => {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode }) }));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    await ok(office, id, { action: 'accept' });
    await ok(office, id, { action: 'dispatch', deadline: inDays(10), instructions: '请核查处理', ...dispatch });
    return { id, trackingCode: sub.trackingCode as string, accessKey: sub.accessKey as string };
  };
  const report = { action: 'report', verdict: 'partly_true', measures: ['admonition'], summary: '经查部分属实，已约谈经营者。' };

  it('a report waits for the unit lead, unseen by the office, and reaches it on approval (assisting reports too)', async () => {
    const { id } = await dispatched({ leadUnitId: police, assistingUnitIds: [market] });
    await ok('lk_police', id, { action: 'sign' });
    const drafted = await ok('lk_police', id, report);
    expect(drafted.status).toBe('in_progress');
    const mine = drafted.assignments.find((a: { unitId: number }) => a.unitId === police);
    expect(mine.status).toBe('pending_approval');
    expect(mine.draft).toMatchObject({ verdict: 'partly_true', summary: '经查部分属实，已约谈经营者。' });
    expect(mine.verdict).toBeNull();
    // A second report while the draft waits is out of order.
    await refused('lk_police', id, report, 409);

    // The office sees neither the draft nor its timeline entry, and has nothing to review yet.
    const office = json(await get('lk_intake', `/api/tips/${id}`));
    const seen = office.assignments.find((a: { unitId: number }) => a.unitId === police);
    expect(seen).toMatchObject({ status: 'pending_approval', draft: null, verdict: null, summary: null });
    expect(office.timeline.map((e: { kind: string }) => e.kind)).not.toContain('report_drafted');
    expect(JSON.stringify(office)).not.toContain('已约谈经营者');
    expect((await bench('lk_lead')).toReview).toBe(0);
    await refused('lk_lead', id, { action: 'close', publicAnswer: '经核查，已依法处理。' }, 409);

    // The unit lead: told, counts it as 待我审核, finds it in the list filter.
    expect((await notices('lk_police_lead')).some((n) => n.kind === 'report_drafted' && n.tip?.id === id)).toBe(true);
    expect((await bench('lk_police_lead')).toApprove).toBe(1);
    expect(await todo('lk_police_lead', 'to_approve')).toEqual([id]);
    expect(json(await get('lk_police_lead', `/api/tips/${id}`)).allowedActions).toEqual(expect.arrayContaining(['approve_report', 'reject_report']));
    // Neither the handler nor the office may approve it; another unit's lead does not see the tip.
    await refused('lk_police', id, { action: 'approve_report' }, 403);
    await refused('lk_intake', id, { action: 'approve_report' }, 403);
    await refused('lk_civil_affairs_lead', id, { action: 'approve_report' }, 404);

    const approved = await ok('lk_police_lead', id, { action: 'approve_report' });
    expect(approved.status).toBe('reported');
    expect(approved.assignments.find((a: { unitId: number }) => a.unitId === police)).toMatchObject({ status: 'reported', verdict: 'partly_true', draft: null });
    expect((await bench('lk_police_lead')).toApprove).toBe(0);
    expect((await bench('lk_lead')).toReview).toBe(1);
    expect((await notices('lk_intake')).some((n) => n.kind === 'reported' && n.tip?.id === id)).toBe(true);
    // Approving again is out of order.
    await refused('lk_police_lead', id, { action: 'approve_report' }, 409);

    // The assisting market regulation bureau's part waits for its own lead the same way.
    const assist = await ok('lk_market_regulation', id, { action: 'assist_report', verdict: 'true', summary: '已配合检查涉事门店。' });
    expect(assist.assignments.find((a: { unitId: number }) => a.unitId === market).status).toBe('pending_approval');
    expect(JSON.stringify(json(await get('lk_intake', `/api/tips/${id}`)))).not.toContain('已配合检查涉事门店');
    await refused('lk_market_regulation', id, { action: 'assist_report', verdict: 'true', summary: '再报一次协办情况。' }, 409);
    await ok('lk_market_regulation_lead', id, { action: 'approve_report' });
    const after = json(await get('lk_intake', `/api/tips/${id}`));
    expect(after.assignments.find((a: { unitId: number }) => a.unitId === market)).toMatchObject({ status: 'reported', verdict: 'true' });
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['report_approved', 'reported', 'assist_reported']));

    const actions = (await auditOf('tip', id)).map((a) => a.action);
    for (const a of ['tip.report_drafted', 'tip.report_approved', 'tip.reported', 'tip.assist_reported']) expect(actions).toContain(a);
  });

  it('a unit lead sends a draft back with a reason; the handler resubmits and it is approved', async () => {
    const { id } = await dispatched({ leadUnitId: police });
    await ok('lk_police', id, { action: 'sign' });
    await ok('lk_police', id, { ...report, summary: '初稿：情况基本查明。' });
    const empty = await refused('lk_police_lead', id, { action: 'reject_report', reason: '   ' }, 400);
    expect(empty.fields.map((f: { path: string }) => f.path)).toContain('reason');
    await refused('lk_police_lead', id, { action: 'reject_report' }, 400);
    const back = await ok('lk_police_lead', id, { action: 'reject_report', reason: '未写明约谈时间和对象，请补充' });
    expect(back.status).toBe('in_progress');
    expect(back.assignments[0]).toMatchObject({ status: 'signed', draft: null });
    expect((await notices('lk_police')).some((n) => n.kind === 'report_rejected' && n.tip?.id === id)).toBe(true);
    // The handler reads the reason; the office does not.
    expect(json(await get('lk_police', `/api/tips/${id}`)).timeline.some((e: { kind: string; text: string }) => e.kind === 'report_rejected' && e.text.includes('约谈时间'))).toBe(true);
    expect(JSON.stringify(json(await get('lk_intake', `/api/tips/${id}`)))).not.toContain('约谈时间');
    await refused('lk_police_lead', id, { action: 'approve_report' }, 409);

    await ok('lk_police', id, { ...report, summary: '已于11月28日约谈经营者张某，责令停止宣传。' });
    const approved = await ok('lk_police_lead', id, { action: 'approve_report' });
    expect(approved.status).toBe('reported');
    expect(approved.assignments[0].summary).toBe('已于11月28日约谈经营者张某，责令停止宣传。');
    expect((await auditOf('tip', id)).map((a) => a.action)).toEqual(expect.arrayContaining(['tip.report_rejected', 'tip.report_approved']));
  });

  it('refuses approving one\'s own report while approval is required', async () => {
    const { id } = await dispatched({ leadUnitId: police });
    await ok('lk_police_lead', id, { action: 'sign' });
    await ok('lk_police_lead', id, report);
    const own = await refused('lk_police_lead', id, { action: 'approve_report' }, 403);
    expect(own.message).toContain('不能审核本人提交的办理结果');
    expect(json(await get('lk_police_lead', `/api/tips/${id}`)).allowedActions).not.toContain('approve_report');
    // A second lead of the unit may.
    const admin = await t.login('sd_admin');
    const made = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: admin }, payload: { username: 'lk_police_lead2', displayName: '第二负责人', unitId: police, roles: ['unit_lead'], password: TEST_PASSWORD } });
    expect(made.statusCode, made.body).toBe(201);
    expect((await ok('lk_police_lead2', id, { action: 'approve_report' })).status).toBe('reported');
  });

  it('a one-person unit switches approval off (audited) and reports straight to the office', async () => {
    const url = `/api/units/${market}/report-approval`;
    expect(json(await get('lk_market_regulation', url))).toMatchObject({ unitId: market, required: true, canChange: false });
    expect(json(await get('lk_market_regulation_lead', url))).toMatchObject({ required: true, canChange: true });
    // Only the unit's own lead or an administrator over it; another unit's staff are refused.
    expect((await put('lk_market_regulation', url, { required: false })).statusCode).toBe(403);
    expect((await put('lk_police_lead', url, { required: false })).statusCode).toBe(403);
    expect((await put('zf_police_lead', url, { required: false })).statusCode).toBe(404);
    expect((await get('zf_police_lead', url)).statusCode).toBe(404);
    expect((await put('lk_market_regulation_lead', url, { required: 'no' })).statusCode).toBe(400);
    expect((await put('lk_market_regulation_lead', url, {})).statusCode).toBe(400);
    expect((await put('lk_market_regulation_lead', '/api/units/999999999/report-approval', { required: false })).statusCode).toBe(404);
    // Campaign offices are reviewed by the office above instead.
    const office = await put('sd_admin', `/api/units/${countyOffice}/report-approval`, { required: false });
    expect(office.statusCode).toBe(422);
    expect(json(office).error.fields[0].path).toBe('required');

    const off = await put('lk_market_regulation_lead', url, { required: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(json(off)).toMatchObject({ required: false });
    // Saying it again changes nothing and writes no second audit row.
    expect((await put('lk_market_regulation_lead', url, { required: false })).statusCode).toBe(200);
    const rows = (await auditOf('unit', market)).filter((a) => a.action === 'unit.report_approval_changed');
    expect(rows).toHaveLength(1);
    expect(rows[0].detail).toMatchObject({ from: true, to: false });

    const { id } = await dispatched({ leadUnitId: market });
    await ok('lk_market_regulation', id, { action: 'sign' });
    const r = await ok('lk_market_regulation', id, { action: 'report', verdict: 'untrue', measures: ['risk_warning'], summary: '经查不属实，已开展风险提示。' });
    expect(r.status).toBe('reported');
    expect(r.assignments[0].approvalRequired).toBe(false);
    // An administrator switches it back on.
    expect(json(await put('sd_admin', url, { required: true }))).toMatchObject({ required: true });
    expect((await auditOf('unit', market)).filter((a) => a.action === 'unit.report_approval_changed')).toHaveLength(2);
  });

  it('a county\'s closing of a city-dispatched tip waits for the city, is returned once, then approved; only then does the reporter read the answer', async () => {
    // Reported to the city (3706): the city office dispatches to 龙口市's office, which hands it to its police.
    const tip = await dispatched({ leadUnitId: countyOffice }, '3706', 'yt_intake');
    const { id } = tip;
    await ok('lk_intake', id, { action: 'dispatch', leadUnitId: police, deadline: inDays(8), instructions: '请公安局核查' });
    await ok('lk_police', id, { action: 'sign' });
    await ok('lk_police', id, report);
    await ok('lk_police_lead', id, { action: 'approve_report' });

    const answer = '经核查，您反映的问题部分属实，有关部门已约谈经营者，感谢您的举报。';
    const proposed = await ok('lk_lead', id, { action: 'close', publicAnswer: answer });
    expect(proposed.status).toBe('closing');
    expect(proposed.pendingClosure).toMatchObject({ publicAnswer: answer, proposingUnit: expect.stringContaining('龙口市'), reviewerUnit: expect.stringContaining('烟台市') });
    const status = async () => json(await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: tip.trackingCode, accessKey: tip.accessKey } }));
    let st = await status();
    expect(st.status).toBe('reported');
    expect(st.answer).toBeNull();
    expect(JSON.stringify(st)).not.toContain('约谈经营者');
    expect(st.canRate).toBe(false);

    // The city: told, counts it, finds it; everyone else in or out of the chain is refused.
    expect((await notices('yt_lead')).some((n) => n.kind === 'closure_proposed' && n.tip?.id === id)).toBe(true);
    expect((await bench('yt_lead')).toReviewClosure).toBe(1);
    expect(await todo('yt_intake', 'to_review_closure')).toEqual([id]);
    expect((await bench('lk_lead')).toReviewClosure).toBe(0);
    await refused('lk_lead', id, { action: 'approve_closure' }, 403); // its own proposal
    await refused('sd_lead', id, { action: 'approve_closure' }, 403); // the province oversees but was not asked
    await refused('zf_lead', id, { action: 'approve_closure' }, 404); // another county: out of sight
    await refused('lk_police_lead', id, { action: 'return_closure', reason: '不同意' }, 403);
    await refused('lk_lead', id, { action: 'close', publicAnswer: answer }, 409); // already proposed
    const blank = await refused('yt_lead', id, { action: 'return_closure', reason: ' ' }, 400);
    expect(blank.fields.map((f: { path: string }) => f.path)).toContain('reason');

    const returned = await ok('yt_lead', id, { action: 'return_closure', reason: '答复未说明约谈结果，请完善' });
    expect(returned.status).toBe('reported');
    expect(returned.pendingClosure).toBeNull();
    expect((await notices('lk_lead')).some((n) => n.kind === 'closure_returned' && n.tip?.id === id)).toBe(true);
    expect((await bench('yt_lead')).toReviewClosure).toBe(0);
    await refused('yt_lead', id, { action: 'approve_closure' }, 409); // nothing waits now
    st = await status();
    expect(st.answer).toBeNull();
    expect(JSON.stringify(st)).not.toContain('约谈结果');

    const better = `${answer}经营者已停止违规宣传。`;
    expect((await ok('lk_lead', id, { action: 'close', publicAnswer: better })).status).toBe('closing');
    const closed = await ok('yt_lead', id, { action: 'approve_closure' });
    expect(closed.status).toBe('closed');
    expect(closed.publicAnswer).toBe(better);
    st = await status();
    expect(st.status).toBe('closed');
    expect(st.answer.text).toBe(better);
    expect(st.canRate).toBe(true);
    expect(st.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'accepted', 'dispatched', 'in_progress', 'closed']);

    const actions = (await auditOf('tip', id)).map((a) => a.action);
    for (const a of ['tip.closure_proposed', 'tip.closure_returned', 'tip.closure_approved', 'tip.closed']) expect(actions).toContain(a);
    expect(actions.filter((a) => a === 'tip.closure_proposed')).toHaveLength(2);
  });

  it('the receiving office\'s own closing goes one level up only when it asked for review at dispatch', async () => {
    // Without the flag the county office closes its own tip at once (as before).
    await put('lk_police_lead', `/api/units/${police}/report-approval`, { required: false });
    const plain = await dispatched({ leadUnitId: police });
    await ok('lk_police', plain.id, { action: 'sign' });
    await ok('lk_police', plain.id, report);
    expect((await ok('lk_lead', plain.id, { action: 'close', publicAnswer: '经核查，已依法处理。' })).status).toBe('closed');

    const asked = await dispatched({ leadUnitId: police, reviewClosure: true });
    await ok('lk_police', asked.id, { action: 'sign' });
    await ok('lk_police', asked.id, report);
    const proposed = await ok('lk_lead', asked.id, { action: 'close', publicAnswer: '经核查，已依法处理。' });
    expect(proposed.status).toBe('closing');
    expect(proposed.pendingClosure.reviewerUnit).toContain('烟台市');
    // The city may edit the answer as it approves.
    const closed = await ok('yt_lead', asked.id, { action: 'approve_closure', publicAnswer: '经核查，有关部门已约谈经营者，感谢您的举报。' });
    expect(closed).toMatchObject({ status: 'closed', publicAnswer: '经核查，有关部门已约谈经营者，感谢您的举报。' });

    // Only the receiving office asks: a lower office's closing goes up anyway.
    const city = await dispatched({ leadUnitId: countyOffice }, '3706', 'yt_intake');
    const bad = await refused('lk_intake', city.id, { action: 'dispatch', leadUnitId: police, deadline: inDays(5), instructions: '请核查', reviewClosure: true }, 400);
    expect(bad.fields[0].path).toBe('reviewClosure');
    await put('lk_police_lead', `/api/units/${police}/report-approval`, { required: true });
  });
});
