import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, json, seedSecondProvince, type TestApp } from '../../test/helpers.ts';
import { sql } from '../../db/client.ts';
import { chinaToday } from '../../../shared/time.ts';
import { ENFORCEMENT_KIND_CODES } from '../../../shared/domain.ts';

/** Administrative enforcement records through the API: who issues what, fines in fen, figures, jurisdiction. */
describe('administrative enforcement records (行政执法)', () => {
  let t: TestApp;
  let subjectId = 0;
  let hazardId = 0;
  const inDays = (d: number) => chinaToday(Date.now() + d * 86400_000);
  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
    const intake = await as('lk_intake');
    subjectId = json(await intake.post('/api/subjects', { regionCode: '370681', kind: 'health_product_seller', name: '龙口市康泰保健品商行' })).id;
    hazardId = json(await intake.post(`/api/subjects/${subjectId}/hazards`, {
      description: '宣称保健品可治疗高血压', category: 'false_ad', measure: 'admin_penalty', deadline: inDays(10), responsible: '店主',
      source: { kind: 'complaint', note: '顾客来电投诉' },
    })).id;
  });
  afterAll(() => t.close());

  async function as(user: string) {
    const cookie = await t.login(user);
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object }),
    };
  }
  const doc = (over: Record<string, unknown> = {}) => ({ kind: 'rectification_notice', docNo: '龙市监责改〔2026〕12号', subjectId, issuedOn: inDays(-3), summary: '责令停止虚假宣传，十日内整改', ...over });

  it('records 三书一函, a penalty with its fine and a transfer to the police, and counts them for the period', async () => {
    const market = await as('lk_market_regulation');
    expect((await market.post('/api/enforcement', doc({ hazardId }))).statusCode).toBe(201);
    const dup = await market.post('/api/enforcement', doc());
    expect(dup.statusCode).toBe(409);
    expect(json(dup).error.fields).toEqual([{ path: 'docNo', message: '本单位已登记该文书编号' }]);
    expect((await market.post('/api/enforcement', doc({ kind: 'interview_notice', docNo: '龙市监约谈〔2026〕3号' }))).statusCode).toBe(201);
    expect((await market.post('/api/enforcement', doc({ kind: 'penalty_decision', docNo: '龙市监罚〔2026〕88号', fineFen: 5_000_000, hazardId }))).statusCode).toBe(201);
    expect((await market.post('/api/enforcement', doc({ kind: 'penalty_decision', docNo: '龙市监罚〔2026〕89号', fineFen: 123_45 }))).statusCode).toBe(201);
    const transfer = await market.post('/api/enforcement', doc({ kind: 'transfer_police', docNo: '龙市监移〔2026〕1号', policeUnitId: t.world.units.get('370681:police'), summary: '涉嫌诈骗，移送公安机关' }));
    expect(transfer.statusCode).toBe(201);

    const police = json(await market.get(`/api/enforcement/police-units?subjectId=${subjectId}`)).items.map((u: { name: string }) => u.name);
    expect(police).toEqual(['龙口市公安局', '烟台市公安局', '山东省公安厅']);
    expect((await (await as('zf_police')).get(`/api/enforcement/police-units?subjectId=${subjectId}`)).statusCode).toBe(404);
    const page = json(await market.get(`/api/enforcement?from=${inDays(-7)}&to=${inDays(0)}`));
    const rows = await t.db.query<{ kind: string; fine_fen: number | null }>(sql`select kind, fine_fen from enforcement_records`);
    expect(page.figures).toEqual({
      rectification_notices: rows.filter((r) => r.kind !== 'transfer_police').length,
      admin_penalties: rows.filter((r) => r.kind === 'penalty_decision').length,
      penalty_amount_fen: rows.reduce((a, r) => a + (r.fine_fen ?? 0), 0),
      transfers_police: 1,
    });
    expect(page.figures).toEqual({ rectification_notices: 4, admin_penalties: 2, penalty_amount_fen: 5_012_345, transfers_police: 1 });
    expect(page.total).toBe(5);
    expect(page.items.find((r: { docNo: string }) => r.docNo === '龙市监移〔2026〕1号')).toMatchObject({ kind: 'transfer_police', policeUnit: { name: '龙口市公安局' }, subject: { id: subjectId } });
    expect(json(await market.get('/api/enforcement?kind=penalty_decision')).total).toBe(2);

    // The ledger exports as Excel with the list's filter (行政执法台账), audited with what it selected.
    const x = await market.get('/api/enforcement/export?kind=penalty_decision');
    expect(x.statusCode).toBe(200);
    expect(x.headers['x-export-rows']).toBe('2');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '签发日期', '文书', '文书编号', '主体', '主要内容', '罚没金额（元）', '签发单位', '移送公安机关']);
    const fined = [2, 3].map((n) => sheet.getRow(n)).find((r) => r.getCell(4).value === '龙市监罚〔2026〕88号')!;
    expect([fined.getCell(3).value, fined.getCell(5).value, fined.getCell(7).value]).toEqual(['行政处罚决定书', '龙口市康泰保健品商行', '50000.00']);
    const exported = json(await (await as('sd_auditor')).get('/api/audit?action=enforcement.exported'));
    expect(exported.items[0].detail).toMatchObject({ filter: { documentKind: 'penalty_decision' }, rows: 2 });
    expect(exported.items[0].fields).toContainEqual({ label: '筛选条件', value: '文书：行政处罚决定书' });
    // Another county's office exports none of them; a region outside the jurisdiction is 404, as the list answers.
    expect((await (await as('zf_lead')).get('/api/enforcement/export')).headers['x-export-rows']).toBe('0');
    expect((await market.get('/api/enforcement/export?regionCode=320581')).statusCode).toBe(404);
    // A malformed filter is 400 on its field, and a refused export leaves no audit entry.
    const badKind = await market.get('/api/enforcement/export?kind=bogus');
    expect(badKind.statusCode).toBe(400);
    expect(json(badKind).error.fields.map((f: { path: string }) => f.path)).toContain('querystring.kind');
    expect((await market.get('/api/enforcement/export?subjectKind=nonsense')).statusCode).toBe(400);
    expect(json(await (await as('sd_auditor')).get('/api/audit?action=enforcement.exported')).items).toHaveLength(exported.items.length + 1);
    // A region outside the jurisdiction is 404, not an empty list; the own county filters as before.
    expect((await market.get('/api/enforcement?regionCode=320581')).statusCode).toBe(404);
    expect(json(await market.get('/api/enforcement?regionCode=370681&kind=penalty_decision')).total).toBe(2);
    expect(json(await market.get(`/api/enforcement?subjectId=${subjectId}&pageSize=2&page=3`))).toMatchObject({ total: 5, items: [expect.any(Object)] });
    expect(json(await market.get('/api/enforcement?from=2020-01-01&to=2020-12-31')).figures).toEqual({ rectification_notices: 0, admin_penalties: 0, penalty_amount_fen: 0, transfers_police: 0 });
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=subject&entityId=${subjectId}&action=enforcement.recorded`));
    expect(audit.items).toHaveLength(5);
    await expect(t.db.query(sql`update enforcement_records set fine_fen = 0`)).rejects.toThrow(/append-only/);
  });

  it('refuses bad input with field paths, offices fining, foreign subjects and wrong police units', async () => {
    const market = await as('lk_market_regulation');
    const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from enforcement_records'))[0].n;
    const before = await count();
    const bad: [string, unknown, number, string][] = [
      ['penalty without fine', doc({ kind: 'penalty_decision', docNo: 'B-0001' }), 400, 'fineFen'],
      ['fine on a notice', doc({ docNo: 'B-0001', fineFen: 100 }), 400, 'fineFen'],
      ['negative fine', doc({ kind: 'penalty_decision', docNo: 'B-0001', fineFen: -1 }), 400, 'fineFen'],
      ['fine as text', doc({ kind: 'penalty_decision', docNo: 'B-0001', fineFen: '五千' }), 400, 'fineFen'],
      ['fractional fen', doc({ kind: 'penalty_decision', docNo: 'B-0001', fineFen: 1.5 }), 400, 'fineFen'],
      ['transfer without police', doc({ kind: 'transfer_police', docNo: 'B-0001' }), 400, 'policeUnitId'],
      ['future date', doc({ docNo: 'B-0001', issuedOn: inDays(2) }), 400, 'issuedOn'],
      ['unknown kind', doc({ docNo: 'B-0001', kind: 'warning' }), 400, 'kind'],
      ['another subject’s hazard', doc({ docNo: 'B-0001', hazardId: 999999 }), 404, 'hazardId'],
      ['unknown subject', doc({ docNo: 'B-0001', subjectId: 999999 }), 404, 'subjectId'],
      ['a market unit as police', doc({ kind: 'transfer_police', docNo: 'B-0001', policeUnitId: t.world.units.get('370681:market_regulation') }), 422, 'policeUnitId'],
      ['another county’s police', doc({ kind: 'transfer_police', docNo: 'B-0001', policeUnitId: t.world.units.get('370602:police') }), 422, 'policeUnitId'],
    ];
    for (const [name, body, status, path] of bad) {
      const r = await market.post('/api/enforcement', body);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(status);
      expect(json(r).error.fields.map((f: { path: string }) => f.path), name).toContain(path);
    }
    const office = await as('lk_lead');
    expect((await office.post('/api/enforcement', doc({ kind: 'penalty_decision', docNo: 'B-0002', fineFen: 100 }))).statusCode).toBe(403);
    expect((await office.post('/api/enforcement', doc({ kind: 'risk_warning_letter', docNo: '龙专办函〔2026〕1号' }))).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
    // Another county and another province see none of it and cannot write to the subject.
    for (const user of ['zf_intake', 'cs_intake']) {
      const other = await as(user);
      expect(json(await other.get('/api/enforcement')).total, user).toBe(0);
      expect((await other.post('/api/enforcement', doc({ docNo: 'C-0001' }))).statusCode, user).toBe(404);
    }
    expect(json(await (await as('yt_viewer')).get('/api/enforcement')).total).toBe(before + 1);
  });

  it('keeps the database codes equal to shared/domain.ts', async () => {
    const [{ d }] = await t.db.query<{ d: string }>(sql`select pg_get_constraintdef(oid) as d from pg_constraint where conname = 'enforcement_records_kind_known'`);
    expect([...d.matchAll(/'([a-z_0-9]+)'/g)].map((m) => m[1]).sort()).toEqual([...ENFORCEMENT_KIND_CODES].sort());
  });
});
