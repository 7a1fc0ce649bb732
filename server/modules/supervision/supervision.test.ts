import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inDays, json, multipart, seedSecondProvince, validTip, type TestApp, withoutReportApproval } from '../../test/helpers.ts';
import { sql } from '../../db/client.ts';
import { chinaToday } from '../../../shared/time.ts';
import { SAMPLE_ITEM_STATUS_CODES, SUPERVISION_METHOD_CODES } from '../../../shared/domain.ts';
import { drawSample } from './sample.ts';

/** 督导检查 through the API: rounds, findings and follow-up on the target's workbench, samples, gaming flags, jurisdiction. */
describe('supervision rounds (督导检查)', () => {
  let t: TestApp;
  const day = (d: number) => chinaToday(Date.now() + d * 86400_000);
  const unit = (key: string) => t.world.units.get(key)!;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
    // The units whose reports close tips here report straight to the office (单位负责人审核 is tested in modules/approval).
    await withoutReportApproval(t, '370681:police', '370681:market_regulation', '370681:civil_affairs');
  });
  afterAll(() => t.close());

  async function as(user: string) {
    const cookie = await t.login(user);
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object }),
      cookie,
    };
  }
  const round = (over: Record<string, unknown> = {}) => ({
    title: '龙口市养老诈骗线索办理专项督导', method: 'on_site', startDate: day(-2), endDate: day(5),
    targetRegionCodes: ['370681'], targetUnitIds: [unit('370681:police')],
    findings: [{ targetUnitId: unit('370681:police'), description: '3 条线索办理结果未附核查材料', fixRequired: '补齐核查材料并重新报送', deadline: day(10) }],
    ...over,
  });

  /** A tip from a named reporter, led by `leadKey`'s unit of 龙口市 and closed with `verdict`. */
  async function closedTip(lead: string, verdict: string, returnedOnce = false) {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ reporter: { anonymous: false, name: '王秀英', phone: '13800001111' } }) }));
    const [{ id }] = await t.db.query<{ id: number }>(sql`select id from tips where tracking_code = ${sub.trackingCode}`);
    const act = async (user: string, payload: object) => {
      const r = await (await as(user)).post(`/api/tips/${id}/actions`, payload);
      expect(r.statusCode, `${user} ${JSON.stringify(payload)}: ${r.body}`).toBe(200);
    };
    await act('lk_intake', { action: 'accept' });
    await act('lk_intake', { action: 'dispatch', leadUnitId: unit(`370681:${lead}`), deadline: inDays(7), instructions: '请核查' });
    await act(`lk_${lead}`, { action: 'sign' });
    await act(`lk_${lead}`, { action: 'report', verdict, measures: ['risk_warning'], summary: '经核查，已作处理。' });
    if (returnedOnce) {
      await act('lk_lead', { action: 'return', reason: '核查不充分' });
      await act(`lk_${lead}`, { action: 'report', verdict, measures: ['risk_warning'], summary: '补充核查，已作处理。' });
    }
    await act('lk_lead', { action: 'close', publicAnswer: '您反映的问题已核查处理。' });
    return id;
  }

  it('shows a finding on the target unit’s workbench until it is verified, with feedback, documents, a failed check and notices', async () => {
    const sup = await as('yt_supervisor');
    const made = await sup.post('/api/supervision/rounds', round());
    expect(made.statusCode, made.body).toBe(201);
    const { id, findingIds: [findingId] } = json(made);
    const police = await as('lk_police');
    let mine = json(await police.get('/api/supervision/mine'));
    expect(mine.findings.map((f: { id: number }) => f.id)).toEqual([findingId]);
    expect(mine.findings[0]).toMatchObject({ status: 'open', overdue: false, deadline: day(10), supervisingUnit: { id: unit('3706:campaign_office') } });
    const notes = json(await police.get('/api/notifications')).items.map((n: { text: string }) => n.text);
    expect(notes.some((n: string) => n.includes('督导发现问题'))).toBe(true);
    // Other units have nothing on their workbench; a target sees the round but only its own findings.
    expect(json(await (await as('lk_market_regulation')).get('/api/supervision/mine')).findings).toEqual([]);
    expect(json(await police.get(`/api/supervision/rounds/${id}`))).toMatchObject({ canRun: false, samples: [], findings: [{ id: findingId }] });

    // Feedback with a document uploaded first; only the target unit gives it, once until judged.
    const pdf = multipart(Buffer.from('%PDF-1.7\n整改报告\n%%EOF'), 'a.pdf', 'application/pdf');
    const upload = json(await t.app.inject({ method: 'POST', url: '/api/uploads', payload: pdf.payload, headers: { ...pdf.headers, cookie: police.cookie } }));
    expect((await (await as('lk_market_regulation')).post(`/api/supervision/findings/${findingId}/feedback`, { feedback: '已补齐材料' })).statusCode).toBe(404);
    expect((await sup.post(`/api/supervision/findings/${findingId}/verify`, { verified: true })).statusCode).toBe(409);
    const r = await police.post(`/api/supervision/findings/${findingId}/feedback`, { feedback: '已补齐 3 条线索的核查材料', attachmentIds: [upload.id] });
    expect(r.statusCode, r.body).toBe(200);
    expect((await police.post(`/api/supervision/findings/${findingId}/feedback`, { feedback: '再次反馈内容' })).statusCode).toBe(409);
    mine = json(await police.get('/api/supervision/mine'));
    expect(mine.findings[0]).toMatchObject({ status: 'submitted', feedback: '已补齐 3 条线索的核查材料', attachments: [{ id: upload.id, mime: 'application/pdf' }] });
    expect((await sup.get(`/api/supervision/findings/${findingId}/attachments/${upload.id}`)).statusCode).toBe(200);
    expect((await (await as('zf_supervisor')).get(`/api/supervision/findings/${findingId}/attachments/${upload.id}`)).statusCode).toBe(404);

    // Not verified: a reason is required, and the finding is open again on the workbench.
    expect(json(await sup.post(`/api/supervision/findings/${findingId}/verify`, { verified: false })).error.fields[0].path).toBe('note');
    expect((await police.post(`/api/supervision/findings/${findingId}/verify`, { verified: true })).statusCode).toBe(403);
    expect((await (await as('sd_supervisor')).post(`/api/supervision/findings/${findingId}/verify`, { verified: true })).statusCode).toBe(403);
    expect((await sup.post(`/api/supervision/findings/${findingId}/verify`, { verified: false, note: '材料不全，缺少回访记录' })).statusCode).toBe(200);
    expect(json(await police.get('/api/supervision/mine')).findings[0]).toMatchObject({ status: 'open' });
    expect((await police.post(`/api/supervision/findings/${findingId}/feedback`, { feedback: '已补充回访记录' })).statusCode).toBe(200);
    expect((await (await as('yt_lead')).post(`/api/supervision/findings/${findingId}/verify`, { verified: true, note: '整改到位' })).statusCode).toBe(200);
    expect(json(await police.get('/api/supervision/mine')).findings).toEqual([]);
    const detail = json(await sup.get(`/api/supervision/rounds/${id}`));
    expect(detail.findings[0].status).toBe('verified');
    expect(detail.findings[0].history.map((h: { kind: string }) => h.kind)).toEqual(['created', 'feedback', 'reopened', 'feedback', 'verified']);
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=supervision_finding&entityId=${findingId}`));
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'supervision.feedback_submitted', 'supervision.feedback_submitted', 'supervision.finding_added', 'supervision.finding_reopened', 'supervision.finding_verified',
    ]);
  });

  it('flags overdue findings and counts rounds started in the period (supervision_rounds)', async () => {
    const sup = await as('yt_supervisor');
    const { id, findingIds: [findingId] } = json(await sup.post('/api/supervision/rounds', round({ title: '暗访督导', method: 'unannounced', startDate: day(-30), endDate: day(-25) })));
    await t.db.query(sql`update supervision_findings set deadline = ${day(-1)}::date where id = ${findingId}`);
    const mine = json(await (await as('lk_police')).get('/api/supervision/mine'));
    expect(mine.findings.find((f: { id: number }) => f.id === findingId)).toMatchObject({ overdue: true, status: 'open' });
    expect(mine.overdue).toBe(1);
    const list = json(await sup.get(`/api/supervision/rounds?from=${day(-31)}&to=${day(-20)}`));
    expect(list.items.map((x: { id: number }) => x.id)).toEqual([id]);
    expect(list.items[0].findings).toEqual({ open: 1, submitted: 0, verified: 0, overdue: 1 });
    expect(list.figures.supervision_rounds).toBe(1);
    expect(json(await sup.get(`/api/supervision/rounds?from=${day(-3)}&to=${day(0)}`)).figures.supervision_rounds).toBe(1);
    // The province counts the city's rounds; another county does not see them.
    expect(json(await (await as('sd_viewer')).get(`/api/supervision/rounds`)).figures.supervision_rounds).toBe(2);
    expect(json(await (await as('zf_lead')).get(`/api/supervision/rounds`))).toMatchObject({ total: 0, figures: { supervision_rounds: 0 } });
    // The indicator engine counts them the same (rollups and direct count alike), by child region and by supervising unit.
    const stats = json(await (await as('sd_viewer')).get(`/api/stats?indicators=supervision_rounds&by=child`));
    expect(stats.figures.supervision_rounds).toMatchObject({ value: 2, source: 'recorded' });
    expect(stats.rows.find((r: { key: string }) => r.key === '3706').figures.supervision_rounds.value).toBe(2);
    const byUnit = json(await (await as('sd_viewer')).get(`/api/stats?indicators=supervision_rounds&by=unit&from=${day(-31)}&to=${day(-20)}`));
    expect(byUnit.rows.map((r: { key: string; figures: { supervision_rounds: { value: number } } }) => [r.key, r.figures.supervision_rounds.value]))
      .toEqual([[String(unit('3706:campaign_office')), 1]]);
    // Feedback after the deadline is still taken; once it waits for verification it is no longer flagged.
    expect((await (await as('lk_police_lead')).post(`/api/supervision/findings/${findingId}/feedback`, { feedback: '已逾期完成整改' })).statusCode).toBe(200);
    expect(json(await (await as('lk_police')).get('/api/supervision/mine')).overdue).toBe(0);
  });

  it('refuses bad input and rounds outside the jurisdiction', async () => {
    const sup = await as('yt_supervisor');
    const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from supervision_rounds'))[0].n;
    const before = await count();
    const bad: [string, unknown, number, string][] = [
      ['empty title', round({ title: '  ' }), 400, 'title'],
      ['deadline in the past', round({ findings: [{ targetUnitId: unit('370681:police'), description: '台账不全的问题', fixRequired: '补齐台账', deadline: day(-1) }] }), 400, 'findings.0.deadline'],
      ['end before start', round({ endDate: day(-3) }), 400, 'endDate'],
      ['unknown method', round({ method: 'visit' }), 400, 'method'],
      ['no target', round({ targetUnitIds: [], findings: [] }), 400, 'targetUnitIds'],
      ['finding on a unit not targeted', round({ findings: [{ targetUnitId: unit('370681:health'), description: '台账不全的问题', fixRequired: '补齐台账', deadline: day(3) }] }), 400, 'findings.0.targetUnitId'],
      ['another city’s unit', round({ targetUnitIds: [unit('3701:campaign_office')], findings: [] }), 404, 'targetUnitIds.0'],
      ['another city’s region', round({ targetRegionCodes: ['3701'] }), 403, 'targetRegionCodes.0'],
      ['unknown unit', round({ targetUnitIds: [99999999], findings: [] }), 404, 'targetUnitIds.0'],
      ['itself', round({ targetUnitIds: [unit('3706:campaign_office')], findings: [] }), 422, 'targetUnitIds.0'],
    ];
    for (const [name, body, status, path] of bad) {
      const r = await sup.post('/api/supervision/rounds', body);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(status);
      expect(json(r).error.fields.map((f: { path: string }) => f.path), name).toContain(path);
    }
    // A title too long is said in plain words (server/validation-messages.ts), not as zod's "数值过大：期望 string <=200 字符".
    const long = await sup.post('/api/supervision/rounds', round({ title: '督'.repeat(201) }));
    expect(long.statusCode).toBe(400);
    expect(json(long).error.fields).toContainEqual(expect.objectContaining({ path: 'title', message: '不能超过 200 个字' }));
    // A county supervisor cannot open a round on another county, nor a province's on the other province.
    expect((await (await as('zf_supervisor')).post('/api/supervision/rounds', round())).statusCode).toBe(404);
    expect((await (await as('sz_supervisor')).post('/api/supervision/rounds', round())).statusCode).toBe(404);
    // Handlers cannot open rounds; a member unit's lead neither.
    expect((await (await as('lk_police')).post('/api/supervision/rounds', round())).statusCode).toBe(403);
    expect(await count()).toBe(before);
    // A supervisor of another city sees nothing of the round, and cannot add findings to it.
    const { id } = json(await sup.post('/api/supervision/rounds', round({ findings: [] })));
    const [{ id: jnId }] = await t.db.query<{ id: number }>(sql`insert into users (username, display_name, unit_id, roles, password_hash)
      select 'jn_supervisor', '济南督导', ${unit('3701:campaign_office')}, '{supervisor}', password_hash from users where username = 'yt_supervisor' returning id`);
    expect(jnId).toBeTruthy();
    const jn = await as('jn_supervisor');
    expect((await jn.get(`/api/supervision/rounds/${id}`)).statusCode).toBe(404);
    expect((await jn.post(`/api/supervision/rounds/${id}/findings`, { targetUnitId: unit('370681:police'), description: '台账不全的问题', fixRequired: '补齐台账', deadline: day(3) })).statusCode).toBe(404);
    expect(json(await jn.get('/api/supervision/rounds')).total).toBe(0);
    expect((await jn.post('/api/supervision/rounds', round())).statusCode).toBe(404);
    // A finding's deadline must not lie in the past.
    const past = await sup.post(`/api/supervision/rounds/${id}/findings`, { targetUnitId: unit('370681:police'), description: '台账不全的问题', fixRequired: '补齐台账', deadline: day(-1) });
    expect(past.statusCode).toBe(400);
    expect(json(past).error.fields[0].path).toBe('deadline');
    expect((await sup.post(`/api/supervision/rounds/${id}/findings`, { targetUnitId: unit('370681:police'), description: '台账不全的问题', fixRequired: '补齐台账', deadline: day(0) })).statusCode).toBe(201);
  });

  it('draws a 回访 sample reproducibly from its seed and records the outcome on each tip; a failed 二次核查 reopens the tip', async () => {
    const tips = [];
    for (let i = 0; i < 6; i++) tips.push(await closedTip('police', 'true'));
    const sup = await as('yt_supervisor');
    const { id } = json(await sup.post('/api/supervision/rounds', round({ title: '电话回访督导', method: 'phone_callback', findings: [] })));
    const seed = '0123456789abcdef';
    const body = { targetUnitId: unit('370681:police'), kind: 'callback', size: 3, seed };
    const first = json(await sup.post(`/api/supervision/rounds/${id}/samples`, body));
    const again = json(await sup.post(`/api/supervision/rounds/${id}/samples`, body));
    expect(first.tipIds).toHaveLength(3);
    expect(again.tipIds).toEqual(first.tipIds);
    expect(first.population).toBe(6);
    const [stored] = await t.db.query<{ population_ids: string[] }>(sql`select population_ids from supervision_samples where id = ${first.id}`);
    expect(drawSample(stored.population_ids.map(Number), 3, seed)).toEqual(first.tipIds);
    expect(stored.population_ids.map(Number).sort((a, b) => a - b)).toEqual([...tips].sort((a, b) => a - b));
    const other = json(await sup.post(`/api/supervision/rounds/${id}/samples`, { ...body, seed: 'fedcba9876543210', size: 6 }));
    expect(other.tipIds).toEqual([...tips].sort((a, b) => a - b));
    // A sample larger than the population, and a target that is not the round's.
    const big = await sup.post(`/api/supervision/rounds/${id}/samples`, { ...body, size: 7 });
    expect(big.statusCode).toBe(400);
    expect(json(big).error.fields).toEqual([{ path: 'size', message: '抽取数量（7）超过可抽取的线索数（6）' }]);
    expect((await sup.post(`/api/supervision/rounds/${id}/samples`, { ...body, targetUnitId: unit('370681:health') })).statusCode).toBe(422);
    expect((await (await as('lk_lead')).post(`/api/supervision/rounds/${id}/samples`, body)).statusCode).toBe(404);

    const detailRes = await sup.get(`/api/supervision/rounds/${id}`);
    expect(detailRes.statusCode, detailRes.body).toBe(200);
    const detail = json(detailRes);
    const sample = detail.samples.find((s: { id: number }) => s.id === first.id);
    expect(sample).toMatchObject({ kind: 'callback', seed, size: 3, population: 6 });
    for (const [n, item] of sample.items.entries()) {
      const r = await sup.post(`/api/supervision/samples/items/${item.id}/callback`, n === 0 ? { reached: false, note: '电话无人接听' } : { reached: true, handled: n === 1 ? 'yes' : 'no', satisfied: n === 1, note: '已电话回访举报人' });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await sup.post(`/api/supervision/samples/items/${sample.items[0].id}/callback`, { reached: false, note: '重复记录' })).statusCode).toBe(409);
    expect(json(await sup.post(`/api/supervision/samples/items/${sample.items[1].id}/callback`, { reached: true, note: '漏填' })).error.fields.map((f: { path: string }) => f.path)).toEqual(['handled', 'satisfied']);
    // Recorded on each tip, for those who may see the tip: the police that handled it, the county office; not another county.
    for (const [n, tipId] of first.tipIds.entries()) {
      const seen = json(await (await as('lk_police')).get(`/api/tips/${tipId}/supervision`)).items.find((i: { kind: string; id: number }) => i.id === sample.items[n].id);
      expect(seen).toMatchObject({ kind: 'callback', status: 'recorded', roundTitle: '电话回访督导', reached: n !== 0 });
      expect((await (await as('zf_intake')).get(`/api/tips/${tipId}/supervision`)).statusCode).toBe(404);
      const timeline = json(await (await as('lk_lead')).get(`/api/tips/${tipId}`)).timeline;
      expect(timeline.filter((e: { kind: string; public: boolean }) => e.kind === 'supervision_callback' && !e.public)).toHaveLength(1);
    }
    expect(json(await (await as('lk_police')).get(`/api/tips/${first.tipIds[2]}/supervision`)).items[0]).toMatchObject({ handled: 'no', satisfied: false });

    // 二次核查: the handling unit answers on its workbench, the supervising side judges; failing reopens the tip.
    const recheck = json(await sup.post(`/api/supervision/rounds/${id}/samples`, { targetUnitId: unit('370681:police'), kind: 'recheck', size: 2 }));
    expect(recheck.seed).toMatch(/^[0-9a-f]{16}$/);
    const police = await as('lk_police');
    const tasks = json(await police.get('/api/supervision/mine')).rechecks;
    expect(tasks.map((x: { tip: { id: number } }) => x.tip.id).sort()).toEqual([...recheck.tipIds].sort());
    const [a, b] = tasks;
    expect((await sup.post(`/api/supervision/samples/items/${a.id}/judge`, { upheld: true, note: '未答复' })).statusCode).toBe(409);
    expect((await sup.post(`/api/supervision/samples/items/${a.id}/answer`, { confirmed: true, answer: '维持原结论' })).statusCode).toBe(403);
    expect((await (await as('lk_market_regulation')).post(`/api/supervision/samples/items/${a.id}/answer`, { confirmed: true, answer: '维持原结论' })).statusCode).toBe(404);
    expect(json(await police.get(`/api/tips/${a.tip.id}/supervision`)).items.find((i: { id: number }) => i.id === a.id).canAnswer).toBe(true);
    expect((await police.post(`/api/supervision/samples/items/${a.id}/answer`, { confirmed: true, answer: '复核无误，维持原办理结果' })).statusCode).toBe(200);
    expect((await police.post(`/api/supervision/samples/items/${b.id}/answer`, { confirmed: false, answer: '复查发现还有两名受害人未核实' })).statusCode).toBe(200);
    expect((await sup.post(`/api/supervision/samples/items/${a.id}/judge`, { upheld: true, note: '核查属实' })).statusCode).toBe(200);
    expect((await sup.post(`/api/supervision/samples/items/${b.id}/judge`, { upheld: false, note: '原办理不彻底' })).statusCode).toBe(200);
    const upheld = json(await (await as('lk_lead')).get(`/api/tips/${a.tip.id}`));
    expect(upheld).toMatchObject({ status: 'closed', publicAnswer: '您反映的问题已核查处理。' });
    const reopened = json(await (await as('lk_lead')).get(`/api/tips/${b.tip.id}`));
    expect(reopened).toMatchObject({ status: 'accepted', publicAnswer: null, allowedActions: expect.arrayContaining(['dispatch']) });
    expect(reopened.timeline.filter((e: { public: boolean }) => e.public).map((e: { kind: string }) => e.kind).at(-1)).toBe('supervision_reopened');
    expect(json(await police.get('/api/supervision/mine')).rechecks).toEqual([]);
    const statuses = json(await police.get(`/api/tips/${b.tip.id}/supervision`)).items.map((i: { status: string }) => i.status);
    expect(statuses).toContain('failed');
  });

  it('raises gaming flags on constructed data, not on balanced data, each linking to its tips', async () => {
    const sup = await as('yt_supervisor');
    const before = json(await sup.get('/api/supervision/gaming-flags'));
    // Balanced so far: police's 8 closures (all 属实) and no peers with enough closures → no flag.
    expect(before.flags).toEqual([]);
    // Peers: market regulation and civil affairs close mostly 属实; police closes 5 more as 不属实, returned once each.
    for (const lead of ['market_regulation', 'civil_affairs']) for (let i = 0; i < 5; i++) await closedTip(lead, i === 0 ? 'untrue' : 'true');
    let flags = json(await sup.get('/api/supervision/gaming-flags')).flags;
    expect(flags).toEqual([]);
    for (let i = 0; i < 6; i++) await closedTip('police', 'untrue', true);
    const res = json(await sup.get('/api/supervision/gaming-flags'));
    flags = res.flags;
    expect(res.units).toBe(3);
    const untrue = flags.find((f: { rule: string }) => f.rule === 'untrue_rate');
    expect(untrue).toMatchObject({ unit: { id: unit('370681:police') }, count: 6, peers: 2, peerMedian: 0.2 });
    expect(untrue.value).toBeGreaterThan(untrue.threshold);
    const returned = flags.find((f: { rule: string }) => f.rule === 'returned_rate');
    expect(returned).toMatchObject({ unit: { id: unit('370681:police') }, count: 6, peerMedian: 0 });
    expect(flags.every((f: { unit: { id: number } }) => f.unit.id === unit('370681:police'))).toBe(true);
    // The link selects exactly the tips behind the flag.
    const listed = json(await sup.get(`/api/tips?${untrue.tipQuery}&limit=200`)).items;
    expect(listed).toHaveLength(6);
    expect(json(await sup.get(`/api/tips?${returned.tipQuery}&limit=200`)).items).toHaveLength(6);
    // Another county's office sees none of these units; viewers and handlers may not ask.
    expect(json(await (await as('zf_supervisor')).get('/api/supervision/gaming-flags'))).toMatchObject({ units: 0, flags: [] });
    expect((await (await as('yt_viewer')).get('/api/supervision/gaming-flags')).statusCode).toBe(403);
    expect((await sup.get('/api/supervision/gaming-flags?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);
  });

  it('keeps the database codes equal to shared/domain.ts', async () => {
    const codes = async (name: string) => {
      const [{ d }] = await t.db.query<{ d: string }>(sql`select pg_get_constraintdef(oid) as d from pg_constraint where conname = ${name}`);
      return [...d.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
    };
    expect(await codes('supervision_rounds_method_known')).toEqual([...SUPERVISION_METHOD_CODES].sort());
    expect(await codes('supervision_sample_items_status_known')).toEqual([...SAMPLE_ITEM_STATUS_CODES].sort());
  });
});
