import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/helpers.ts';
import { sql } from '../../db/client.ts';
import { chinaToday } from '../../../shared/time.ts';

/** Screening rounds (排查批次): scope checks, kinds of inspection, coverage per child region, versioned checklists. */
describe('screening rounds, coverage and checklists', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const as = async (user: string) => {
    const cookie = await t.login(user);
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
      t.app.inject({ method, url, headers: { cookie }, payload: payload as object });
    return {
      get: (url: string) => call('GET', url),
      post: (url: string, payload?: unknown) => call('POST', url, payload),
      patch: (url: string, payload: unknown) => call('PATCH', url, payload),
      put: (url: string, payload: unknown) => call('PUT', url, payload),
    };
  };
  const day = (d: number) => chinaToday(Date.now() + d * 86400_000);
  const fields = (res: Parameters<typeof json>[0]) => (json(res).error.fields ?? []).map((f: { path: string }) => f.path);

  let roundId = 0;
  const subjects: Record<string, number> = {};

  it('creates a round within the jurisdiction, refuses bad input and units that do not screen', async () => {
    const city = await as('yt_intake');
    const round = { title: '烟台市养老机构集中排查', scope: 'centralized', regionCode: '3706', sectors: ['elderly_care_institution', 'unregistered_care_place'], periodFrom: day(-20), periodTo: day(10) };
    const bad = await city.post('/api/screening/rounds', { ...round, scope: 'weekly', sectors: ['elderly_care_institution', 'elderly_care_institution'] });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['scope', 'sectors']);
    expect(json(await city.post('/api/screening/rounds', { ...round, sectors: [] })).error.fields).toEqual([{ path: 'sectors', message: '请至少选择一个行业' }]);
    expect(json(await city.post('/api/screening/rounds', { ...round, periodTo: day(-30) })).error.fields).toEqual([{ path: 'periodTo', message: '结束日期不能早于开始日期' }]);
    // Outside the city: 422 on the region; the county police records inspections but runs no rounds.
    expect(json(await city.post('/api/screening/rounds', { ...round, regionCode: '3701' })).error).toMatchObject({ code: 'UNKNOWN_REGION', fields: [{ path: 'regionCode' }] });
    expect((await (await as('lk_police')).post('/api/screening/rounds', { ...round, regionCode: '370681' })).statusCode).toBe(403);
    const made = await city.post('/api/screening/rounds', round);
    expect(made.statusCode).toBe(201);
    roundId = json(made).id;
    expect(json(await city.get(`/api/screening/rounds/${roundId}`))).toMatchObject({
      title: round.title, scope: 'centralized', regionCode: '3706', regionName: '烟台市', sectors: round.sectors, status: 'open', editable: true, closable: false, inspectedSubjects: 0,
    });
  });

  it('puts inspections in the round only for its sectors, region and period; stores self-checks and spot checks', async () => {
    const city = await as('yt_intake');
    const register = async (key: string, regionCode: string, kind: string) => {
      const r = await city.post('/api/subjects', { regionCode, kind, name: `${key}测试主体有限公司` });
      expect(r.statusCode, r.body).toBe(201);
      subjects[key] = json(r).id;
    };
    // 龙口市 (370681): three in scope (one registered at a township), one travel agency out of scope; 芝罘区 (370602): two in scope.
    await register('龙口甲', '370681', 'elderly_care_institution');
    await register('龙口乙', '370681001', 'elderly_care_institution');
    await register('龙口丙', '370681', 'unregistered_care_place');
    await register('龙口旅行社', '370681', 'travel_agency');
    await register('芝罘甲', '370602', 'elderly_care_institution');
    await register('芝罘乙', '370602', 'elderly_care_institution');
    const inspect = (who: Awaited<ReturnType<typeof as>>, key: string, over: Record<string, unknown> = {}) =>
      who.post(`/api/subjects/${subjects[key]}/inspections`, { inspectedOn: day(0), inspectors: 2, checklist: {}, roundId, ...over });

    const lk = await as('lk_market_regulation');
    // Outside the period, outside the sectors, outside the region: 400 with the field and why.
    const early = await inspect(lk, '龙口甲', { inspectedOn: day(-30) });
    expect(early.statusCode).toBe(400);
    expect(json(early).error.fields).toEqual([{ path: 'inspectedOn', message: `检查日期须在本批次的排查期限（${day(-20)} 至 ${day(10)}）内` }]);
    const agency = await inspect(lk, '龙口旅行社');
    expect(agency.statusCode).toBe(400);
    expect(json(agency).error.fields[0]).toMatchObject({ path: 'roundId', message: expect.stringContaining('不在本批次排查的行业内') });
    const province = await as('sd_intake');
    const jn = json(await province.post('/api/subjects', { regionCode: '3701', kind: 'elderly_care_institution', name: '济南测试颐养院' })).id;
    const far = await province.post(`/api/subjects/${jn}/inspections`, { inspectedOn: day(0), inspectors: 2, checklist: {}, roundId });
    expect(far.statusCode).toBe(400);
    expect(json(far).error.fields[0]).toMatchObject({ path: 'roundId', message: '该主体不在本批次的排查地区（烟台市）内' });
    // A spot check needs its ratio; only a spot check has one.
    expect(fields(await inspect(lk, '龙口甲', { kind: 'spot_check' }))).toEqual(['samplingRatio']);
    expect(fields(await inspect(lk, '龙口甲', { samplingRatio: 0.2 }))).toEqual(['samplingRatio']);
    expect(fields(await inspect(lk, '龙口甲', { kind: 'spot_check', samplingRatio: 1.5 }))).toEqual(['samplingRatio']);
    // An item no checklist has.
    expect(fields(await inspect(lk, '龙口甲', { checklist: { fire_exit: true } }))).toEqual(['checklist.fire_exit']);

    // 龙口: two of three inspected (甲 twice: counted once); 芝罘: one of two.
    expect((await inspect(lk, '龙口甲', { kind: 'self_check' })).statusCode).toBe(201);
    expect((await inspect(lk, '龙口甲', { inspectedOn: day(-1) })).statusCode).toBe(201);
    expect((await inspect(lk, '龙口乙', { kind: 'spot_check', samplingRatio: 0.2 })).statusCode).toBe(201);
    const zf = await as('zf_market_regulation');
    expect((await inspect(zf, '芝罘甲', { kind: 'spot_check', samplingRatio: 0.125 })).statusCode).toBe(201);
    // An inspection outside any round still counts nowhere in it.
    expect((await inspect(zf, '芝罘乙', { roundId: undefined })).statusCode).toBe(201);

    const file = json(await city.get(`/api/subjects/${subjects['龙口乙']}`));
    expect(file.inspections[0]).toMatchObject({ kind: 'spot_check', samplingRatio: 0.2, round: { id: roundId, title: '烟台市养老机构集中排查' }, checklistVersion: { version: 1 } });
    const selfChecked = json(await city.get(`/api/subjects/${subjects['龙口甲']}`)).inspections;
    expect(selfChecked.map((i: { kind: string }) => i.kind)).toEqual(['self_check', 'routine']);
    const [stored] = await t.db.query<{ kind: string; ratio: string; round_id: number }>(
      sql`select kind, sampling_ratio::text as ratio, round_id from inspections where subject_id = ${subjects['芝罘甲']}`,
    );
    expect(stored).toEqual({ kind: 'spot_check', ratio: '0.1250', round_id: roundId });
  });

  it('counts coverage per child region in SQL, equal to a direct count', async () => {
    const city = await as('yt_intake');
    const cov = json(await city.get(`/api/screening/rounds/${roundId}/coverage?by=child`));
    expect(cov).toMatchObject({ roundId, regionCode: '3706', regionName: '烟台市' });
    const row = (code: string) => cov.rows.find((r: { regionCode: string }) => r.regionCode === code);
    expect(row('370681')).toMatchObject({ regionName: '龙口市', inScope: 3, inspected: 2 });
    expect(row('370681').coverage).toBeCloseTo(2 / 3);
    expect(row('370602')).toMatchObject({ inScope: 2, inspected: 1, coverage: 0.5 });
    // Every child region is listed, also those with nothing in scope.
    const [{ n: children }] = await t.db.query<{ n: number }>(sql`select count(*)::int as n from regions where parent_code = '3706'`);
    expect(cov.rows).toHaveLength(children);
    // The same figures counted directly, region by region.
    for (const r of cov.rows as { regionCode: string; inScope: number; inspected: number }[]) {
      const [direct] = await t.db.query<{ in_scope: number; inspected: number }>(
        sql`select count(*)::int as in_scope,
                   count(*) filter (where exists (select 1 from inspections i where i.subject_id = s.id and i.round_id = ${roundId}))::int as inspected
            from subjects s
            where s.region_code like ${r.regionCode} || '%' and s.merged_into is null and s.kind in ('elderly_care_institution', 'unregistered_care_place')`,
      );
      expect({ inScope: r.inScope, inspected: r.inspected }, r.regionCode).toEqual({ inScope: direct.in_scope, inspected: direct.inspected });
    }
    expect(cov.total).toEqual({ inScope: 5, inspected: 3, coverage: 0.6 });
    expect(json(await city.get(`/api/screening/rounds/${roundId}`)).inspectedSubjects).toBe(3);
    // A county sees its own part of the city's round: its townships.
    const county = json(await (await as('lk_intake')).get(`/api/screening/rounds/${roundId}/coverage`));
    expect(county.regionCode).toBe('370681');
    expect(county.total).toEqual({ inScope: 3, inspected: 2, coverage: 2 / 3 });
    expect(county.rows.find((r: { own: boolean }) => r.own)).toMatchObject({ regionCode: '370681', inScope: 2, inspected: 1 });
    expect(county.rows.find((r: { regionCode: string }) => r.regionCode === '370681001')).toMatchObject({ inScope: 1, inspected: 1 });
    expect((await city.get(`/api/screening/rounds/${roundId}/coverage?by=sector`)).statusCode).toBe(400);
  });

  it('filters the hazard ledger by round', async () => {
    const lk = await as('lk_market_regulation');
    const hazard = { description: '收取床位“投资款”', category: 'prepaid', measure: 'rectification_order', deadline: day(10), responsible: '院长 李某' };
    const inRound = json(await lk.post(`/api/subjects/${subjects['龙口丙']}/inspections`, { inspectedOn: day(0), inspectors: 2, checklist: { deposit: true }, roundId, hazards: [hazard] })).hazardIds;
    const outside = json(await lk.post(`/api/subjects/${subjects['龙口丙']}/inspections`, { inspectedOn: day(0), inspectors: 2, checklist: {}, hazards: [hazard] })).hazardIds;
    const city = await as('yt_intake');
    const ledger = json(await city.get(`/api/hazards?round=${roundId}`));
    expect(ledger.items.map((h: { id: number }) => h.id)).toEqual(inRound);
    expect(ledger.total).toBe(1);
    expect(json(await city.get('/api/hazards')).items.map((h: { id: number }) => h.id)).toEqual(expect.arrayContaining([...inRound, ...outside]));
    expect((await city.get('/api/hazards?round=abc')).statusCode).toBe(400);
  });

  it('lists the rounds a subject may join; outside the jurisdiction a round is not found', async () => {
    const lk = await as('lk_market_regulation');
    const forSubject = json(await lk.get(`/api/screening/rounds?forSubject=${subjects['龙口甲']}`));
    expect(forSubject.items.map((r: { id: number }) => r.id)).toEqual([roundId]);
    expect(json(await lk.get(`/api/screening/rounds?forSubject=${subjects['龙口旅行社']}`)).total).toBe(0);
    // A county's own round: its neighbour county does not see it.
    const county = await as('lk_intake');
    const own = json(await county.post('/api/screening/rounds', { title: '龙口市回头看', scope: 'review', regionCode: '370681', sectors: ['travel_agency'], periodFrom: day(-5), periodTo: day(5) })).id;
    const zf = await as('zf_intake');
    expect((await zf.get(`/api/screening/rounds/${own}`)).statusCode).toBe(404);
    expect((await zf.get(`/api/screening/rounds/${own}/coverage`)).statusCode).toBe(404);
    expect(json(await zf.get('/api/screening/rounds')).items.map((r: { id: number }) => r.id)).not.toContain(own);
    const zfSubject = json(await (await as('yt_intake')).post('/api/subjects', { regionCode: '370602', kind: 'travel_agency', name: '芝罘测试旅行社' })).id;
    const joined = await (await as('zf_market_regulation')).post(`/api/subjects/${zfSubject}/inspections`, { inspectedOn: day(0), inspectors: 1, checklist: {}, roundId: own });
    expect(json(joined).error.fields[0]).toMatchObject({ path: 'roundId', message: '排查批次不存在或不在本辖区' });
    // The city office above sees it.
    expect((await (await as('yt_lead')).get(`/api/screening/rounds/${own}`)).statusCode).toBe(200);
  });

  it('lets its unit correct an open round; a lead closes it; then it takes no more inspections', async () => {
    const city = await as('yt_intake');
    expect((await (await as('lk_intake')).patch(`/api/screening/rounds/${roundId}`, { title: '改名的排查批次' })).statusCode).toBe(403);
    // Narrowing the period past an inspection in the round is refused.
    const narrow = await city.patch(`/api/screening/rounds/${roundId}`, { periodFrom: day(0) });
    expect(narrow.statusCode).toBe(400);
    expect(json(narrow).error.fields[0]).toMatchObject({ path: 'periodFrom', message: expect.stringContaining('次检查在新的期限之外') });
    const edited = await city.patch(`/api/screening/rounds/${roundId}`, { title: '烟台市养老机构集中排查（第一批）', periodTo: day(20) });
    expect(json(edited)).toMatchObject({ title: '烟台市养老机构集中排查（第一批）', periodTo: day(20) });
    expect((await city.post(`/api/screening/rounds/${roundId}/close`)).statusCode).toBe(403);
    const closed = await (await as('yt_lead')).post(`/api/screening/rounds/${roundId}/close`);
    expect(json(closed)).toMatchObject({ status: 'closed', editable: false, closable: false });
    expect((await (await as('yt_lead')).post(`/api/screening/rounds/${roundId}/close`)).statusCode).toBe(409);
    expect((await city.patch(`/api/screening/rounds/${roundId}`, { title: '结束后再改名字' })).statusCode).toBe(409);
    const late = await (await as('lk_market_regulation')).post(`/api/subjects/${subjects['龙口丙']}/inspections`, { inspectedOn: day(0), inspectors: 2, checklist: {}, roundId });
    expect(late.statusCode).toBe(409);
    expect(json(late).error.fields[0].path).toBe('roundId');
    expect(json(await city.get('/api/screening/rounds?status=closed')).items.map((r: { id: number }) => r.id)).toContain(roundId);
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=screening_round&entityId=${roundId}&limit=50`));
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual(['screening_round.closed', 'screening_round.created', 'screening_round.edited']);
  });

  it('keeps checklist versions: an admin saves version 2, old inspections keep version 1, only known items grade', async () => {
    const admin = await as('sd_admin');
    const before = json(await admin.get('/api/screening/checklists'));
    const current = before.current.find((v: { sector: string }) => v.sector === 'elderly_care_institution');
    expect(current).toMatchObject({ version: 1, createdBy: null });
    expect(current.items.map((i: { key: string }) => i.key)).toEqual(['prepaid', 'deposit', 'returns', 'health_claims', 'no_commitment']);
    expect(before.gradedKeys).toEqual(['prepaid', 'deposit', 'returns', 'health_claims', 'no_commitment']);
    const items = [...current.items.map((i: { key: string; label: string }) => (i.key === 'prepaid' ? { ...i, label: '销售预付卡、会员卡' } : i)), { key: 'fire_exit', label: '消防通道堵塞' }];

    // Only administrators; the graded items stay; keys are unique.
    expect((await (await as('yt_lead')).put('/api/screening/checklists/elderly_care_institution', { items })).statusCode).toBe(403);
    const dropped = await admin.put('/api/screening/checklists/elderly_care_institution', { items: items.filter((i: { key: string }) => i.key !== 'returns') });
    expect(dropped.statusCode).toBe(400);
    expect(json(dropped).error.fields[0]).toMatchObject({ path: 'items', message: expect.stringContaining('承诺高额回报') });
    expect(fields(await admin.put('/api/screening/checklists/elderly_care_institution', { items: [...items, { key: 'fire_exit', label: '重复' }] }))).toEqual(['items.6.key']);
    expect((await admin.put('/api/screening/checklists/spaceship', { items })).statusCode).toBe(400);

    const saved = await admin.put('/api/screening/checklists/elderly_care_institution', { items });
    expect(saved.statusCode).toBe(200);
    expect(json(saved)).toMatchObject({ sector: 'elderly_care_institution', version: 2, items, createdBy: expect.any(String) });
    const after = json(await admin.get('/api/screening/checklists'));
    expect(after.current.find((v: { sector: string }) => v.sector === 'elderly_care_institution').version).toBe(2);
    expect(after.current.find((v: { sector: string }) => v.sector === 'travel_agency').version).toBe(1);
    expect(after.history.filter((v: { sector: string }) => v.sector === 'elderly_care_institution').map((v: { version: number }) => v.version)).toEqual([2, 1]);

    // A new inspection uses version 2 (its new item recorded, not graded); the old ones keep version 1.
    const lk = await as('lk_market_regulation');
    const stale = await lk.post(`/api/subjects/${subjects['龙口甲']}/inspections`, { inspectedOn: day(0), inspectors: 2, checklist: {}, checklistVersionId: current.id });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.fields[0]).toMatchObject({ path: 'checklistVersionId', message: '检查表已更新为第 2 版，请重新打开录入窗口' });
    expect((await lk.post(`/api/subjects/${subjects['龙口甲']}/inspections`, { inspectedOn: day(0), inspectors: 2, checklist: { fire_exit: true, prepaid: false } })).statusCode).toBe(201);
    const file = json(await (await as('yt_intake')).get(`/api/subjects/${subjects['龙口甲']}`));
    expect(file.inspections.map((i: { checklistVersion: { version: number } }) => i.checklistVersion.version)).toEqual([2, 1, 1]);
    expect(file.inspections[0].checklistVersion.items).toContainEqual({ key: 'fire_exit', label: '消防通道堵塞' });
    expect(file.inspections[1].checklistVersion.items.find((i: { key: string }) => i.key === 'prepaid').label).toBe('销售预付卡、会员卡或收取会员费、床位费');
    expect(file.risk).toMatchObject({ grade: 'green', reasons: [{ grade: 'green', text: '已排查，未发现问题' }] });
    // An unchanged save makes no version.
    expect((await admin.put('/api/screening/checklists/elderly_care_institution', { items })).statusCode).toBe(400);
  });
});
