import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, seedSecondProvince, validTip, type TestApp } from '../../test/helpers.ts';
import { sql } from '../../db/client.ts';
import { chinaToday } from '../../../shared/time.ts';
import { CASE_FIGURE_KIND_CODES, CASE_ORIGIN_CODES, CASE_STAGE_CODES, FRAUD_TYPE_CODES } from '../../../shared/domain.ts';
import { PUBLIC_CASE_FILED } from './cases.service.ts';

/**
 * Criminal cases through the API, on a fresh database with the demo province (and 江苏省 for
 * cross-province jurisdiction): filing from a tip, stages by their owners only and in order, figures
 * as append-only entries with corrections, the period's figures against a direct sum of the table.
 */
describe('criminal cases (打击) through the API', () => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof seedSecondProvince>>;
  let caseId = 0;
  let tip = { id: 0, trackingCode: '', accessKey: '' };
  const inDays = (d: number) => chinaToday(Date.now() + d * 86400_000);
  const unit = (key: string) => t.world.units.get(key)!;

  beforeAll(async () => {
    t = await createTestApp();
    second = await seedSecondProvince(t.db);
    // A tip dispatched to the county police, who will file a case from it.
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() }));
    const [row] = await t.db.query<{ id: number }>(sql`select id from tips where tracking_code = ${sub.trackingCode}`);
    tip = { id: row.id, trackingCode: sub.trackingCode, accessKey: sub.accessKey };
    const intake = await as('lk_intake');
    expect((await intake.post(`/api/tips/${tip.id}/actions`, { action: 'accept' })).statusCode).toBe(200);
    const d = await intake.post(`/api/tips/${tip.id}/actions`, { action: 'dispatch', leadUnitId: unit('370681:police'), deadline: new Date(Date.now() + 5 * 86400_000).toISOString(), instructions: '请核查' });
    expect(d.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  async function as(user: string) {
    const cookie = await t.login(user);
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object }),
    };
  }
  const validCase = (over: Record<string, unknown> = {}) => ({
    caseNo: '龙公（经）立字〔2026〕0001号', title: '“康寿”保健品讲座诈骗老人案', fraudTypes: ['elderly_product'], regionCode: '370681',
    origin: 'new', gang: true, gangSize: 5, filedOn: inDays(-20), trackingCodes: [] as string[], ...over,
  });
  const figures = async (id: number) =>
    t.db.query<{ id: number; kind: string; value: number; on_date: string; corrects_id: number | null }>(sql`select id, kind, value, on_date, corrects_id from case_figures where case_id = ${id}`);

  it('police file a case from a tip they hold; the reporter reads that a case was filed and nothing else', async () => {
    const police = await as('lk_police');
    const r = await police.post('/api/cases', validCase({ trackingCodes: [tip.trackingCode] }));
    expect(r.statusCode, r.body).toBe(201);
    caseId = json(r).id;

    const dup = await police.post('/api/cases', validCase({ title: '另一个案件' }));
    expect(dup.statusCode).toBe(409);
    expect(json(dup).error.fields).toEqual([{ path: 'caseNo', message: '该案件编号已登记' }]);

    const status = json(await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: tip.trackingCode, accessKey: tip.accessKey } }));
    const filed = status.timeline.filter((e: { kind: string }) => e.kind === 'case_filed');
    expect(filed).toEqual([{ at: expect.any(String), kind: 'case_filed', text: PUBLIC_CASE_FILED }]);
    expect(JSON.stringify(status)).not.toContain('0001号');
    expect(JSON.stringify(status)).not.toContain('康寿');

    const detail = json(await police.get(`/api/cases/${caseId}`));
    expect(detail).toMatchObject({
      caseNo: validCase().caseNo, stage: 'filed', origin: 'new', gang: true, gangSize: 5, regionName: '龙口市', leadUnit: { id: unit('370681:police') },
      procuratorateUnit: null, courtUnit: null, tips: [{ id: tip.id, trackingCode: tip.trackingCode }],
      can: { stages: ['solved'], link: true, figureKinds: ['arrested', 'detained', 'victims', 'amount_involved', 'amount_frozen', 'amount_recovered'] },
    });
    expect(detail.stages).toEqual([expect.objectContaining({ stage: 'filed', onDate: inDays(-20) })]);
    // Linking the same tip again is a duplicate.
    const again = await police.post(`/api/cases/${caseId}/links`, { trackingCodes: [tip.trackingCode] });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.fields[0].path).toBe('trackingCodes.0');
  });

  it('only police handlers and leads file, in their own jurisdiction, from tips they may see', async () => {
    expect((await (await as('lk_intake')).post('/api/cases', validCase({ caseNo: 'X-0002' }))).statusCode).toBe(403);
    expect(json(await (await as('lk_market_regulation')).post('/api/cases', validCase({ caseNo: 'X-0002' }))).error.code).toBe('FORBIDDEN');
    const zf = await as('zf_police');
    const outside = await zf.post('/api/cases', validCase({ caseNo: 'X-0002' }));
    expect(outside.statusCode).toBe(422);
    expect(json(outside).error.fields).toEqual([{ path: 'regionCode', message: expect.any(String) }]);
    // 芝罘区 police do not see 龙口's tip: its code is "not found", and nothing is written.
    const r = await zf.post('/api/cases', validCase({ caseNo: 'X-0002', regionCode: '370602', trackingCodes: [tip.trackingCode] }));
    expect(r.statusCode).toBe(422);
    expect(json(r).error).toMatchObject({ code: 'CASE_TIP_NOT_FOUND', fields: [{ path: 'trackingCodes.0' }] });
    expect(await t.db.query(sql`select 1 from criminal_cases where case_no = 'X-0002'`)).toEqual([]);
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const police = await as('lk_police');
    const count = async () => (await t.db.query<{ n: number }>('select (select count(*) from criminal_cases) + (select count(*) from case_figures) as n'))[0].n;
    const before = await count();
    const bad: [string, string, unknown, string][] = [
      ['gang without size', '/api/cases', validCase({ caseNo: 'B-1', gangSize: undefined }), 'gangSize'],
      ['size without gang', '/api/cases', validCase({ caseNo: 'B-1', gang: false }), 'gangSize'],
      ['filed in the future', '/api/cases', validCase({ caseNo: 'B-1', filedOn: inDays(2) }), 'filedOn'],
      ['filed in year 1', '/api/cases', validCase({ caseNo: 'B-1', filedOn: '0001-01-01' }), 'filedOn'],
      ['unknown origin', '/api/cases', validCase({ caseNo: 'B-1', origin: 'ancient' }), 'origin'],
      ['unknown fraud type', '/api/cases', validCase({ caseNo: 'B-1', fraudTypes: ['lottery'] }), 'fraudTypes.0'],
      ['bad tracking code', '/api/cases', validCase({ caseNo: 'B-1', trackingCodes: ['12ab'] }), 'trackingCodes.0'],
      ['unknown field', '/api/cases', { ...validCase({ caseNo: 'B-1' }), status: 'closed' }, ''],
      ['negative amount', `/api/cases/${caseId}/figures`, { kind: 'amount_involved', value: -100, onDate: inDays(-1) }, 'value'],
      ['amount as text', `/api/cases/${caseId}/figures`, { kind: 'amount_involved', value: '一万', onDate: inDays(-1) }, 'value'],
      ['a fraction of a fen', `/api/cases/${caseId}/figures`, { kind: 'amount_involved', value: 100.5, onDate: inDays(-1) }, 'value'],
      ['an absurd amount', `/api/cases/${caseId}/figures`, { kind: 'amount_involved', value: 1e20, onDate: inDays(-1) }, 'value'],
      ['zero persons', `/api/cases/${caseId}/figures`, { kind: 'arrested', value: 0, onDate: inDays(-1) }, 'value'],
      ['unknown kind', `/api/cases/${caseId}/figures`, { kind: 'bribes', value: 1, onDate: inDays(-1) }, 'kind'],
      ['future figure', `/api/cases/${caseId}/figures`, { kind: 'arrested', value: 1, onDate: inDays(1) }, 'onDate'],
      ['figure before filing', `/api/cases/${caseId}/figures`, { kind: 'arrested', value: 1, onDate: inDays(-30) }, 'onDate'],
      ['unknown stage', `/api/cases/${caseId}/stages`, { stage: 'pardoned', date: inDays(-1) }, 'stage'],
    ];
    for (const [name, url, body, path] of bad) {
      const r = await police.post(url, body);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(400);
      expect(json(r).error.code, name).toBe('VALIDATION_FAILED');
      expect(json(r).error.fields.map((f: { path: string }) => f.path), name).toContain(path);
      expect(json(r).error.fields[0].message, name).toMatch(/[\u4e00-\u9fa5]|Unrecognized|Invalid/);
    }
    expect(await count()).toBe(before);
  });

  it('moves through the stages in order, each by its owner only; figures by role; the court sees only cases it was given', async () => {
    const police = await as('lk_police');
    const procurator = await as('yt_procuratorate');
    const court = await as('yt_court');
    // Out of order (skipping 侦破) is 409; a date before the last stage's is 400 on the date.
    expect(json(await police.post(`/api/cases/${caseId}/stages`, { stage: 'transferred', date: inDays(-5), procuratorateUnitId: unit('3706:procuratorate') })).error.code).toBe('CASE_STAGE_ORDER');
    const early = await police.post(`/api/cases/${caseId}/stages`, { stage: 'solved', date: inDays(-21) });
    expect(early.statusCode).toBe(400);
    expect(json(early).error.fields).toEqual([{ path: 'date', message: expect.stringContaining('不能早于立案日期') }]);
    expect((await police.post(`/api/cases/${caseId}/stages`, { stage: 'solved', date: inDays(-15), note: '打掉团伙' })).statusCode).toBe(200);
    expect((await police.post(`/api/cases/${caseId}/stages`, { stage: 'solved', date: inDays(-15) })).statusCode).toBe(409);

    const add = (who: typeof police, kind: string, value: number, onDate: string, extra: object = {}) => who.post(`/api/cases/${caseId}/figures`, { kind, value, onDate, ...extra });
    expect((await add(police, 'arrested', 6, inDays(-15))).statusCode).toBe(201);
    expect((await add(police, 'detained', 4, inDays(-10))).statusCode).toBe(201);
    expect((await add(police, 'victims', 31, inDays(-15))).statusCode).toBe(201);
    expect(json(await add(police, 'amount_involved', 2_500_000_00, inDays(-15)))).toMatchObject({ total: 2_500_000_00 });
    expect((await add(police, 'amount_frozen', 900_000_00, inDays(-14))).statusCode).toBe(201);
    expect(json(await add(police, 'amount_recovered', 800_000_00, inDays(-9)))).toMatchObject({ total: 800_000_00 });

    // The procuratorate does not see the case until it is transferred to it.
    expect((await procurator.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await procurator.post(`/api/cases/${caseId}/stages`, { stage: 'prosecuted', date: inDays(-3), courtUnitId: unit('3706:court'), personsProsecuted: 5 })).statusCode).toBe(404);
    const wrongUnit = await police.post(`/api/cases/${caseId}/stages`, { stage: 'transferred', date: inDays(-8), procuratorateUnitId: unit('3706:court') });
    expect(wrongUnit.statusCode).toBe(422);
    expect(json(wrongUnit).error.fields).toEqual([{ path: 'procuratorateUnitId', message: expect.any(String) }]);
    expect((await police.post(`/api/cases/${caseId}/stages`, { stage: 'transferred', date: inDays(-8), procuratorateUnitId: unit('3706:procuratorate') })).statusCode).toBe(200);

    // Each records only its own part: 403 for another's stage or figure.
    expect(json(await police.post(`/api/cases/${caseId}/stages`, { stage: 'prosecuted', date: inDays(-3), courtUnitId: unit('3706:court'), personsProsecuted: 5 })).error.code).toBe('FORBIDDEN');
    expect((await add(procurator, 'arrested', 1, inDays(-3))).statusCode).toBe(403);
    expect((await procurator.post(`/api/cases/${caseId}/stages`, { stage: 'tried', date: inDays(-1), judgment: '判处有期徒刑', personsSentenced: 5 })).statusCode).toBe(403);
    expect((await procurator.post(`/api/cases/${caseId}/links`, { trackingCodes: [tip.trackingCode] })).statusCode).toBe(403);
    const pd = json(await procurator.get(`/api/cases/${caseId}`));
    expect(pd.can).toEqual({ stages: ['prosecuted'], figureKinds: ['prosecuted_persons'], link: false });
    // The reporter's tip is not the procuratorate's to read: the case does not name it to them.
    expect(pd.tips).toEqual([]);
    expect(json(await procurator.get(`/api/cases/${caseId}/receivers?kind=court`)).items.map((u: { id: number }) => u.id)).toContain(unit('3706:court'));
    expect((await procurator.post(`/api/cases/${caseId}/stages`, { stage: 'prosecuted', date: inDays(-3), courtUnitId: unit('3706:court'), personsProsecuted: 5 })).statusCode).toBe(200);

    // The court: another case, never given to it, stays invisible.
    const other = json(await police.post('/api/cases', validCase({ caseNo: '龙公立字〔2026〕0002号', gang: false, gangSize: undefined, origin: 'old' })));
    expect((await court.get(`/api/cases/${other.id}`)).statusCode).toBe(404);
    // The tip behind this case too: its reporter was told once, and is not told again.
    expect(json(await police.post(`/api/cases/${other.id}/links`, { trackingCodes: [tip.trackingCode] }))).toEqual({ tips: 1, subjects: 0 });
    const status = json(await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: tip.trackingCode, accessKey: tip.accessKey } }));
    expect(status.timeline.filter((e: { kind: string }) => e.kind === 'case_filed')).toHaveLength(1);
    expect(json(await court.get('/api/cases')).items.map((c: { id: number }) => c.id)).toEqual([caseId]);
    expect((await add(court, 'amount_recovered', 1, inDays(-1))).statusCode).toBe(201);
    expect((await add(court, 'detained', 1, inDays(-1))).statusCode).toBe(403);
    expect((await court.post(`/api/cases/${caseId}/stages`, { stage: 'tried', date: inDays(-1), judgment: '以诈骗罪判处被告人有期徒刑三年至十年不等', personsSentenced: 5 })).statusCode).toBe(200);
    // Nothing follows the trial.
    expect((await police.post(`/api/cases/${caseId}/stages`, { stage: 'solved', date: inDays(0) })).statusCode).toBe(409);

    const detail = json(await (await as('lk_lead')).get(`/api/cases/${caseId}`));
    expect(detail.stages.map((s: { stage: string }) => s.stage)).toEqual(['filed', 'solved', 'transferred', 'prosecuted', 'tried']);
    expect(detail).toMatchObject({ stage: 'tried', procuratorateUnit: { id: unit('3706:procuratorate') }, courtUnit: { id: unit('3706:court') }, can: { stages: [], figureKinds: [], link: false } });
    expect(detail.totals).toEqual({
      arrested: 6, detained: 4, victims: 31, amount_involved: 2_500_000_00, amount_frozen: 900_000_00, amount_recovered: 800_000_01,
      prosecuted_persons: 5, sentenced_persons: 5,
    });
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=case&entityId=${caseId}&limit=100`));
    expect(new Set(audit.items.map((a: { action: string }) => a.action))).toEqual(
      new Set(['case.filed', 'case.solved', 'case.transferred', 'case.prosecuted', 'case.tried', 'case.figure_recorded']),
    );
  });

  it('corrects a figure by a new entry with a reason: the old one stays visible, only the recording unit may, and the table refuses edits', async () => {
    const police = await as('lk_police');
    const [arrested] = (await figures(caseId)).filter((f) => f.kind === 'arrested');
    const noReason = await police.post(`/api/cases/${caseId}/figures/${arrested.id}/corrections`, { value: 7 });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).error.fields[0].path).toBe('reason');
    expect((await (await as('yt_procuratorate')).post(`/api/cases/${caseId}/figures/${arrested.id}/corrections`, { value: 7, reason: '重新核对人数' })).statusCode).toBe(403);
    const fixed = await police.post(`/api/cases/${caseId}/figures/${arrested.id}/corrections`, { value: 7, reason: '漏计一名在逃后到案人员' });
    expect(fixed.statusCode).toBe(201);
    expect(json(fixed).total).toBe(7);
    // The corrected entry can be corrected only through its correction.
    expect(json(await police.post(`/api/cases/${caseId}/figures/${arrested.id}/corrections`, { value: 8, reason: '再次更正' })).error.code).toBe('CASE_ENTRY_CORRECTED');
    expect((await police.post(`/api/cases/${caseId}/figures/999999/corrections`, { value: 8, reason: '再次更正' })).statusCode).toBe(404);

    const detail = json(await police.get(`/api/cases/${caseId}`));
    const chain = detail.entries.filter((e: { kind: string }) => e.kind === 'arrested');
    expect(chain).toEqual([
      expect.objectContaining({ id: arrested.id, value: 6, correctedById: json(fixed).id, correctsId: null }),
      expect.objectContaining({ id: json(fixed).id, value: 7, correctsId: arrested.id, correctedById: null, reason: '漏计一名在逃后到案人员', onDate: arrested.on_date }),
    ]);
    expect(detail.totals.arrested).toBe(7);
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=case&entityId=${caseId}&action=case.figure_corrected`));
    expect(audit.items[0].detail).toMatchObject({ corrects: arrested.id, from: 6, to: 7, reason: '漏计一名在逃后到案人员' });

    await expect(t.db.query(sql`update case_figures set value = 100 where id = ${arrested.id}`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(sql`delete from case_figures where id = ${arrested.id}`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(sql`update case_stages set on_date = '2020-01-01' where case_id = ${caseId}`)).rejects.toThrow(/append-only/);
  });

  it('refuses a recovered total above the amount involved unless a reason is given', async () => {
    const police = await as('lk_police');
    const over = await police.post(`/api/cases/${caseId}/figures`, { kind: 'amount_recovered', value: 2_000_000_00, onDate: inDays(-2) });
    expect(over.statusCode).toBe(422);
    expect(json(over).error).toMatchObject({ code: 'CASE_RECOVERY_EXCEEDS', fields: [{ path: 'reason' }] });
    expect((await figures(caseId)).filter((f) => f.kind === 'amount_recovered')).toHaveLength(2);
    const ok = await police.post(`/api/cases/${caseId}/figures`, { kind: 'amount_recovered', value: 2_000_000_00, onDate: inDays(-2), reason: '含尚未报案受害人的退赔款' });
    expect(ok.statusCode).toBe(201);
    // Back below: the police correct their own involved amount upward, with its reason.
    const [involved] = (await figures(caseId)).filter((f) => f.kind === 'amount_involved');
    expect((await police.post(`/api/cases/${caseId}/figures/${involved.id}/corrections`, { value: 3_000_000_00, reason: '审计后涉案金额增加' })).statusCode).toBe(201);
  });

  it('computes the period’s figures from the entries in force, equal to a direct sum of the table', async () => {
    const lead = await as('lk_lead');
    const from = inDays(-16);
    const to = inDays(0);
    const s = json(await lead.get(`/api/cases/summary?from=${from}&to=${to}`));
    const rows = await t.db.query<{ kind: string; value: number; on_date: string; id: number; corrects_id: number | null }>(
      sql`select f.id, f.kind, f.value, f.on_date, f.corrects_id from case_figures f join criminal_cases c on c.id = f.case_id where c.region_code like '370681%'`,
    );
    const corrected = new Set(rows.map((r) => r.corrects_id).filter(Boolean));
    const sum = (kind: string) => rows.filter((r) => r.kind === kind && !corrected.has(r.id) && r.on_date >= from && r.on_date <= to).reduce((a, r) => a + r.value, 0);
    const stages = await t.db.query<{ stage: string; n: number }>(
      sql`select stage, count(*)::int as n from case_stages where on_date between ${from}::date and ${to}::date group by stage`,
    );
    const n = (stage: string) => stages.find((x) => x.stage === stage)?.n ?? 0;
    expect(s.counts).toEqual({
      cases_filed: n('filed'), cases_solved: n('solved'), suspects_arrested: sum('arrested'), suspects_detained_formally: sum('detained'),
      prosecuted_cases: n('prosecuted'), prosecuted_persons: sum('prosecuted_persons'), trial_cases: n('tried'), victims: sum('victims'),
    });
    expect(s.counts).toMatchObject({ cases_solved: 1, suspects_arrested: 7, trial_cases: 1 });
    expect(s.amounts).toEqual({ involvedFen: sum('amount_involved'), frozenFen: sum('amount_frozen'), recoveredFen: sum('amount_recovered') });
    expect(s.recoveryRate).toEqual({
      recoveredFen: sum('amount_recovered'), involvedFen: sum('amount_involved'),
      pct: Math.round((sum('amount_recovered') * 10000) / sum('amount_involved')) / 100,
    });
    expect(s.recoveryRate).toMatchObject({ involvedFen: 3_000_000_00, recoveredFen: 2_800_000_01 });
    // The 20-day-old filing lies outside this period; a period before anything counts zero; nothing for another county.
    expect(s.counts.cases_filed).toBe(0);
    const empty = json(await lead.get('/api/cases/summary?from=2020-01-01&to=2020-12-31'));
    expect(Object.values(empty.counts).every((v) => v === 0)).toBe(true);
    expect(empty.recoveryRate).toEqual({ recoveredFen: 0, involvedFen: 0, pct: null });
    expect(json(await (await as('zf_intake')).get(`/api/cases/summary?from=${from}&to=${to}`)).recoveryRate.involvedFen).toBe(0);
    expect((await lead.get(`/api/cases/summary?from=${to}&to=${from}`)).statusCode).toBe(400);
  });

  it('lists cases with filters, pages and the total, within jurisdiction (also across provinces)', async () => {
    const lead = await as('lk_lead');
    const all = json(await lead.get('/api/cases'));
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    // Newest filed first; the same day, newest first.
    expect(all.items.map((c: { id: number }) => c.id)[1]).toBe(caseId);
    expect(all.items[1]).toMatchObject({ id: caseId, arrested: 7, amountInvolvedFen: 3_000_000_00, leadUnit: { id: unit('370681:police') } });
    expect(json(await lead.get('/api/cases?stage=tried')).items.map((c: { id: number }) => c.id)).toEqual([caseId]);
    expect(json(await lead.get('/api/cases?origin=old')).total).toBe(1);
    expect(json(await lead.get('/api/cases?fraudType=elderly_product')).total).toBe(2);
    expect(json(await lead.get('/api/cases?fraudType=house_for_pension')).total).toBe(0);
    expect(json(await lead.get(`/api/cases?q=${encodeURIComponent('康寿')}`)).total).toBe(2);
    expect(json(await lead.get(`/api/cases?from=${inDays(-1)}`)).total).toBe(0);
    const page2 = json(await lead.get('/api/cases?pageSize=1&page=2'));
    expect(page2).toMatchObject({ total: 2, items: [{ id: caseId }] });
    for (const bad of ['pageSize=0', 'page=x', 'stage=closed', 'regionCode=37x']) {
      const r = await lead.get(`/api/cases?${bad}`);
      expect(r.statusCode, bad).toBe(400);
      expect(json(r).error.fields[0].path, bad).toMatch(/^querystring\./);
    }
    // A region outside the jurisdiction is 404, in the list and its export, not an empty list.
    expect((await lead.get('/api/cases?regionCode=320581')).statusCode).toBe(404);
    expect((await lead.get('/api/cases/export?regionCode=320581')).statusCode).toBe(404);
    expect(json(await lead.get('/api/cases?regionCode=370681')).total).toBe(2);
    // Other county, market regulation (named by no case), other province: nothing.
    expect(json(await (await as('zf_intake')).get('/api/cases')).total).toBe(0);
    expect((await (await as('zf_intake')).get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(json(await (await as('lk_market_regulation')).get('/api/cases')).total).toBe(0);
    expect(json(await (await as('yt_intake')).get('/api/cases')).total).toBe(2);

    const cs = await as('cs_police');
    const theirs = await cs.post('/api/cases', validCase({ caseNo: '常公立字〔2026〕0001号', regionCode: '320581' }));
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await cs.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await cs.post(`/api/cases/${caseId}/figures`, { kind: 'arrested', value: 1, onDate: inDays(0) })).statusCode).toBe(404);
    expect(json(await cs.get('/api/cases')).items.map((c: { caseNo: string }) => c.caseNo)).toEqual(['常公立字〔2026〕0001号']);
    expect((await (await as('sd_supervisor')).get(`/api/cases/${json(theirs).id}`)).statusCode).toBe(404);
    expect(json(await (await as('sd_viewer')).get('/api/cases')).total).toBe(2);
    expect(json(await (await as('js_lead')).get('/api/cases')).total).toBe(1);
    expect(second.units.get('320581:police')).toBeGreaterThan(0);

    // The Excel export follows the filter and the jurisdiction, and is audited.
    const x = await lead.get('/api/cases/export?stage=tried');
    expect(x.statusCode).toBe(200);
    expect(x.headers['x-export-rows']).toBe('1');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const row = book.worksheets[0].getRow(2);
    expect([row.getCell(2).value, row.getCell(5).value, row.getCell(12).value]).toEqual(['龙公（经）立字〔2026〕0001号', '审判', '3000000.00']);
    expect((await cs.get('/api/cases/export')).headers['x-export-rows']).toBe('1');
    const audit = json(await (await as('sd_auditor')).get('/api/audit?entity=case&action=case.exported'));
    expect(audit.items[0].detail).toMatchObject({ filter: { stage: 'tried' }, rows: 1 });
  });

  it('links a subject: the subject’s file lists the case to those who may see it, and its grade turns red with the reason', async () => {
    const subject = json(await (await as('lk_intake')).post('/api/subjects', { regionCode: '370681', kind: 'health_product_seller', name: '龙口市康寿保健品经营部' }));
    const police = await as('lk_police');
    expect(json(await police.post(`/api/cases/${caseId}/links`, { subjectIds: [subject.id] }))).toEqual({ tips: 0, subjects: 1 });
    expect((await police.post(`/api/cases/${caseId}/links`, { subjectIds: [subject.id] })).statusCode).toBe(409);
    const bad = await police.post(`/api/cases/${caseId}/links`, { subjectIds: [999999] });
    expect(bad.statusCode).toBe(404);
    expect(json(bad).error.fields).toEqual([{ path: 'subjectIds.0', message: '未找到该主体' }]);
    expect((await police.post(`/api/cases/${caseId}/links`, {})).statusCode).toBe(400);
    const file = json(await (await as('lk_lead')).get(`/api/subjects/${subject.id}`));
    expect(file.cases).toEqual([expect.objectContaining({ id: caseId, stage: 'tried' })]);
    expect(file.risk).toMatchObject({ grade: 'red', reasons: [{ grade: 'red', text: '涉及 1 起刑事案件' }] });
    expect(json(await police.get(`/api/cases/${caseId}`)).subjects).toEqual([{ id: subject.id, name: '龙口市康寿保健品经营部', kind: 'health_product_seller' }]);
    // The registry filters by the same grade in SQL.
    expect(json(await police.get('/api/subjects?grade=red')).items.map((x: { id: number }) => x.id)).toContain(subject.id);
    // A unit that may see the subject but not the case is not told of it.
    expect(json(await (await as('lk_market_regulation')).get(`/api/subjects/${subject.id}`)).cases).toEqual([]);
  });

  it('keeps the database codes equal to shared/domain.ts', async () => {
    const def = async (name: string) =>
      [...((await t.db.query<{ d: string }>(sql`select pg_get_constraintdef(oid) as d from pg_constraint where conname = ${name}`))[0]?.d ?? '').matchAll(/'([a-z_0-9]+)'/g)]
        .map((m) => m[1]).sort();
    expect(await def('criminal_cases_stage_known')).toEqual([...CASE_STAGE_CODES].sort());
    expect(await def('case_stages_stage_known')).toEqual([...CASE_STAGE_CODES].sort());
    expect(await def('criminal_cases_origin_known')).toEqual([...CASE_ORIGIN_CODES].sort());
    expect(await def('case_figures_kind_known')).toEqual([...CASE_FIGURE_KIND_CODES].sort());
    expect(await def('criminal_cases_fraud_types_known')).toEqual([...FRAUD_TYPE_CODES].sort());
  });
});
