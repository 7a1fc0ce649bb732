import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, seedSecondProvince, validTip, withoutReportApproval, type TestApp } from '../../test/helpers.ts';
import { sql } from '../../db/client.ts';
import { chinaToday } from '../../../shared/time.ts';
import { PUBLIC_CASE_FILED } from './cases.service.ts';

/**
 * 行刑衔接 through the API: a police lead unit's report with 立案侦查 files (or links) the case in the
 * same transaction — or writes nothing; a hazard transferred to the police lands in that police
 * unit's queue and workbench until a case names its subject.
 */
describe('from tips and hazards to cases (行刑衔接)', () => {
  let t: TestApp;
  const unit = (key: string) => t.world.units.get(key)!;
  const today = chinaToday();

  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
    await withoutReportApproval(t, '370681:police', '370681:market_regulation');
  });
  afterAll(() => t.close());

  async function as(user: string) {
    const cookie = await t.login(user);
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object }),
    };
  }

  /** A tip from the portal, accepted and dispatched to `lead`, signed by `handler`; its id, code and key. */
  async function tipWith(lead: string, handler: string) {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() }));
    const [{ id }] = await t.db.query<{ id: number }>(sql`select id from tips where tracking_code = ${sub.trackingCode}`);
    const intake = await as('lk_intake');
    expect((await intake.post(`/api/tips/${id}/actions`, { action: 'accept' })).statusCode).toBe(200);
    const d = await intake.post(`/api/tips/${id}/actions`, { action: 'dispatch', leadUnitId: unit(lead), deadline: new Date(Date.now() + 5 * 86400_000).toISOString(), instructions: '请核查' });
    expect(d.statusCode).toBe(200);
    expect((await (await as(handler)).post(`/api/tips/${id}/actions`, { action: 'sign' })).statusCode).toBe(200);
    return { id: Number(id), trackingCode: sub.trackingCode as string, accessKey: sub.accessKey as string };
  }
  const report = (over: Record<string, unknown> = {}) => ({ action: 'report', verdict: 'true', measures: ['case_filed'], summary: '经查属实，已立案侦查。', ...over });
  const newCase = (over: Record<string, unknown> = {}) => ({ caseNo: '龙公立〔2026〕X1号', title: '保健品讲座诈骗老人案', origin: 'new', filedOn: today, ...over });
  const caseCount = async () => (await t.db.query<{ n: number }>(sql`select count(*)::int as n from criminal_cases`))[0].n;
  const status = async (id: number) => (await t.db.query<{ status: string }>(sql`select status from tips where id = ${id}`))[0].status;

  it('a police report with 立案侦查 files the case from the tip in the same transaction; the reporter reads that and nothing more', async () => {
    const tip = await tipWith('370681:police', 'lk_police');
    const police = await as('lk_police');
    const r = await police.post(`/api/tips/${tip.id}/actions`, report({ case: newCase() }));
    expect(r.statusCode, r.body).toBe(200);
    const detail = json(r);
    expect(detail.status).toBe('reported');
    expect(detail.cases).toEqual([{ id: expect.any(Number), caseNo: '龙公立〔2026〕X1号', title: '保健品讲座诈骗老人案', stage: 'filed' }]);
    const c = json(await police.get(`/api/cases/${detail.cases[0].id}`));
    // The region and fraud types come from the tip when the form leaves them out.
    expect(c).toMatchObject({ regionCode: '370681001', fraudTypes: ['elderly_product'], leadUnit: { id: unit('370681:police') }, tips: [{ id: tip.id, trackingCode: tip.trackingCode }] });
    expect(c.stages.map((s: { stage: string }) => s.stage)).toEqual(['filed']);
    const pub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips/status', payload: { trackingCode: tip.trackingCode, accessKey: tip.accessKey } }));
    expect(pub.timeline.filter((e: { kind: string }) => e.kind === 'case_filed')).toEqual([{ at: expect.any(String), kind: 'case_filed', text: PUBLIC_CASE_FILED }]);
    expect(JSON.stringify(pub)).not.toContain('龙公立');
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=case&entityId=${c.id}&action=case.filed`));
    expect(audit.items).toHaveLength(1);
    // The city's office reads the case on the tip's page; another county sees neither.
    expect(json(await (await as('yt_lead')).get(`/api/tips/${tip.id}`)).cases).toHaveLength(1);
    expect((await (await as('zf_police')).get(`/api/cases/${c.id}`)).statusCode).toBe(404);
  });

  it('links an existing case instead; refuses bad input, a duplicate number, another county’s case and non-police units — writing nothing', async () => {
    const police = await as('lk_police');
    const existing = json(await police.post('/api/cases', { caseNo: '龙公立〔2026〕X2号', title: '养老公寓预收费诈骗案', regionCode: '370681', origin: 'old', filedOn: today }));
    const theirs = json(await (await as('zf_police')).post('/api/cases', { caseNo: '芝公立〔2026〕X3号', title: '芝罘区养老诈骗案', regionCode: '370602', origin: 'new', filedOn: today }));
    const tip = await tipWith('370681:police', 'lk_police');
    const before = await caseCount();
    const bad: [string, unknown, number, string][] = [
      ['立案侦查 without a case', report(), 400, 'case'],
      ['a case without 立案侦查', report({ measures: ['risk_warning'], case: newCase({ caseNo: '龙公立〔2026〕X9号' }) }), 400, 'case'],
      ['a duplicate case number', report({ case: newCase({ caseNo: '龙公立〔2026〕X2号' }) }), 409, 'caseNo'],
      ['another county’s region', report({ case: newCase({ caseNo: '龙公立〔2026〕X9号', regionCode: '370602' }) }), 422, 'case.regionCode'],
      ['a gang without its size', report({ case: newCase({ caseNo: '龙公立〔2026〕X9号', gang: true }) }), 400, 'case.gangSize'],
      ['a filing date ahead', report({ case: newCase({ caseNo: '龙公立〔2026〕X9号', filedOn: chinaToday(Date.now() + 3 * 86400_000) }) }), 400, 'case'],
      ['another county’s case', report({ case: { caseId: theirs.id } }), 404, 'case.caseId'],
      ['an unknown case', report({ case: { caseId: 99999999 } }), 404, 'case.caseId'],
      ['both an id and fields', report({ case: { caseId: existing.id, title: '多余字段' } }), 400, 'case'],
    ];
    for (const [name, body, code, path] of bad) {
      const r = await police.post(`/api/tips/${tip.id}/actions`, body);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(code);
      expect(json(r).error.fields.map((f: { path: string }) => f.path).join(' '), name).toContain(path);
    }
    expect(await caseCount()).toBe(before);
    expect(await status(tip.id)).toBe('in_progress');

    const r = await police.post(`/api/tips/${tip.id}/actions`, report({ case: { caseId: existing.id } }));
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r).cases.map((c: { id: number }) => c.id)).toEqual([existing.id]);
    expect(await caseCount()).toBe(before);
    expect(json(await police.get(`/api/cases/${existing.id}`)).tips.map((x: { id: number }) => x.id)).toEqual([tip.id]);
    // Sent back for more work, reported again: the tip already has its case, so none is asked for.
    expect((await (await as('lk_lead')).post(`/api/tips/${tip.id}/actions`, { action: 'return', reason: '请补充资金流向' })).statusCode).toBe(200);
    expect((await police.post(`/api/tips/${tip.id}/actions`, report({ summary: '补充核查资金流向，已立案侦查。' }))).statusCode).toBe(200);
    // Linking it again in a report is a duplicate.
    expect((await (await as('lk_lead')).post(`/api/tips/${tip.id}/actions`, { action: 'return', reason: '请再补充' })).statusCode).toBe(200);
    const dup = await police.post(`/api/tips/${tip.id}/actions`, report({ case: { caseId: existing.id } }));
    expect(dup.statusCode).toBe(409);

    // A market-regulation lead unit does not file criminal cases: 403, nothing written; 立案侦查 alone is its report.
    const mtip = await tipWith('370681:market_regulation', 'lk_market_regulation');
    const market = await as('lk_market_regulation');
    const m = await market.post(`/api/tips/${mtip.id}/actions`, report({ case: newCase({ caseNo: '龙公立〔2026〕X8号' }) }));
    expect(m.statusCode).toBe(403);
    expect(await status(mtip.id)).toBe('in_progress');
    expect((await market.post(`/api/tips/${mtip.id}/actions`, report())).statusCode).toBe(200);
    expect(await caseCount()).toBe(before);
  });

  it('a hazard transferred to the police lands in that police unit’s queue and workbench until a case names its subject', async () => {
    const intake = await as('lk_intake');
    const subjectId = json(await intake.post('/api/subjects', { regionCode: '370681', kind: 'unregistered_care_place', name: '龙口市夕阳红康养驿站' })).id;
    const hazardId = json(await intake.post(`/api/subjects/${subjectId}/hazards`, {
      description: '以入住押金名义向老人集资', category: 'fundraising', measure: 'transfer_police', deadline: chinaToday(Date.now() + 10 * 86400_000), responsible: '负责人',
      source: { kind: 'complaint', note: '老人家属投诉' },
    })).id;
    const police = await as('lk_police');
    const queue = async (u = police, q = '') => json(await u.get(`/api/enforcement/transfers${q}`));
    const bench = async (u = police) => json(await u.get('/api/workbench')).policeTransfers;
    const before = { queue: (await queue()).total, bench: await bench() };
    expect(before.queue).toBe(before.bench);

    const transfer = await (await as('lk_market_regulation')).post('/api/enforcement', {
      kind: 'transfer_police', docNo: '龙市监移〔2026〕7号', subjectId, hazardId, issuedOn: today, policeUnitId: unit('370681:police'), summary: '涉嫌非法集资，移送公安机关',
    });
    expect(transfer.statusCode).toBe(201);
    const q = await queue();
    expect(q.total).toBe(before.queue + 1);
    expect(q.items.find((i: { docNo: string }) => i.docNo === '龙市监移〔2026〕7号')).toMatchObject({
      subject: { id: subjectId, name: '龙口市夕阳红康养驿站', regionCode: '370681' }, hazardId, hazard: '以入住押金名义向老人集资', unit: { name: '龙口市市场监督管理局' }, cases: [],
    });
    expect(await bench()).toBe(before.bench + 1);
    // Only the addressed unit's queue: the city's police, the county's market regulation and another county see none of it.
    for (const user of ['yt_police', 'lk_market_regulation', 'zf_police']) {
      expect((await queue(await as(user))).items.map((i: { docNo: string }) => i.docNo), user).not.toContain('龙市监移〔2026〕7号');
    }
    expect(await bench(await as('lk_market_regulation'))).toBe(0);
    expect((await police.get('/api/enforcement/transfers?pending=maybe')).statusCode).toBe(400);
    expect((await police.get('/api/enforcement/transfers?pageSize=500')).statusCode).toBe(400);

    // Filing a case naming the subject takes it off the pending queue; it stays in the whole list with its case.
    const filed = json(await police.post('/api/cases', { caseNo: '龙公立〔2026〕X7号', title: '夕阳红康养驿站非法集资案', regionCode: '370681', origin: 'new', filedOn: today, subjectIds: [subjectId] }));
    expect((await queue()).total).toBe(before.queue);
    expect(await bench()).toBe(before.bench);
    const all = await queue(police, '?pending=false');
    expect(all.items.find((i: { docNo: string }) => i.docNo === '龙市监移〔2026〕7号').cases).toEqual([{ id: filed.id, caseNo: '龙公立〔2026〕X7号' }]);

    // The dashboard's 打击 figures for today count these cases and this transfer, as the tables say. The dashboard's
    // today is the server's at the request: if the run has crossed Beijing midnight (16:00 UTC) since `today` was read,
    // the last two days (from `today`) are asked for instead, and the tables are counted over the period it answers for.
    const lkLead = await as('lk_lead');
    let overview = json(await lkLead.get('/api/stats/overview?days=1'));
    if (overview.period.from !== today) overview = json(await lkLead.get('/api/stats/overview?days=2'));
    expect(overview.period.from).toBe(today);
    const { strike, period } = overview;
    const [db] = await t.db.query<{ filed: number; transfers: number }>(
      sql`select (select count(*) from criminal_cases where region_code like '370681%' and filed_on between ${period.from}::date and ${period.to}::date)::int as filed,
                 (select count(*) from enforcement_records where kind = 'transfer_police' and issued_on between ${period.from}::date and ${period.to}::date)::int as transfers`,
    );
    expect(strike).toMatchObject({ casesFiled: db.filed, transfers: db.transfers });
    expect(db).toEqual({ filed: 3, transfers: 1 });
  });
});
