import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../../shared/time.ts';
import { createTestApp, json, multipart, PHOTO_MARKS, photoWithLocation, seedSecondProvince, validTip, type TestApp } from '../../test/helpers.ts';
import { removeStaleUploads } from '../uploads/uploads.service.ts';
import { assessRisk, type RiskFacts } from './risk.ts';

/**
 * Rectification evidence (files on a hazard, through the uploads module's checks and quota), the
 * penalty behind the ledger's 罚没金额, and the explanation a crossed-off subject's grade owes.
 */
describe('hazard evidence, penalties and the crossed-off note', () => {
  let t: TestApp;
  let subjectId = 0;
  let hazardId = 0;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSecondProvince(t.db);
  });
  afterAll(() => t.close());

  const as = async (user: string) => {
    const cookie = await t.login(user);
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object }),
      upload: (data: Buffer, name = 'a.jpg', type = 'image/jpeg') => {
        const body = multipart(data, name, type);
        return t.app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { cookie, ...body.headers } });
      },
    };
  };
  const inDays = (d: number) => chinaToday(Date.now() + d * 86400_000);
  const act = (u: Awaited<ReturnType<typeof as>>, id: number, body: object) => u.post(`/api/hazards/${id}/actions`, body);

  beforeAll(async () => {
    const county = await as('lk_intake');
    subjectId = json(await county.post('/api/subjects', { regionCode: '370681', kind: 'health_product_seller', name: '龙口市长寿堂保健品店' })).id;
    const market = await as('lk_market_regulation');
    const r = await market.post(`/api/subjects/${subjectId}/inspections`, {
      inspectedOn: inDays(0), inspectors: 2, checklist: { health_claims: true },
      hazards: [{ description: '宣称保健品能治疗高血压', category: 'false_ad', measure: 'admin_penalty', deadline: inDays(10), responsible: '店长 李某' }],
    });
    expect(r.statusCode).toBe(201);
    [hazardId] = json(r).hazardIds;
  });

  it('takes staff uploads under the same checks, attaches them to a rectification report and serves them without metadata', async () => {
    const market = await as('lk_market_regulation');
    const photo = await photoWithLocation();
    // Who may upload, and what: the same checks as the public's evidence.
    expect((await t.app.inject({ method: 'POST', url: '/api/uploads', ...multipart(photo, 'a.jpg', 'image/jpeg') })).statusCode).toBe(401);
    expect((await (await as('yt_viewer')).upload(photo)).statusCode).toBe(403);
    expect((await market.upload(Buffer.from('<script>alert(1)</script> not an image at all'), 'x.jpg')).statusCode).toBe(422);
    expect((await market.upload(Buffer.alloc(21 * 1024 * 1024, 0xff), 'big.jpg')).statusCode).toBe(413);
    expect((await market.post('/api/uploads', { file: 'x' })).statusCode).toBe(415);
    const up = await market.upload(photo);
    expect(up.statusCode).toBe(201);
    const { id: fileId } = json(up);
    const other = json(await market.upload(await photoWithLocation('png'), 'b.png', 'image/png')).id;

    // Bad ids are refused field by field; an unknown one is 422 and nothing changes.
    expect(json(await act(market, hazardId, { action: 'rectified', note: '已下架宣传材料', attachmentIds: ['not-a-uuid'] })).error.fields[0].path).toBe('attachmentIds.0');
    expect((await act(market, hazardId, { action: 'rectified', note: '已下架宣传材料', attachmentIds: Array.from({ length: 11 }, () => fileId) })).statusCode).toBe(400);
    const unknown = await act(market, hazardId, { action: 'rectified', note: '已下架宣传材料', attachmentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(422);
    expect(json(await (await as('lk_intake')).get(`/api/subjects/${subjectId}`)).hazards[0].status).toBe('open');

    const done = await act(market, hazardId, { action: 'rectified', note: '已下架全部宣传材料，现场拍照留存', attachmentIds: [fileId, other, fileId] });
    expect(json(done)).toEqual({ id: hazardId, status: 'rectified' });
    const detail = json(await (await as('lk_lead')).get(`/api/subjects/${subjectId}`));
    expect(detail.hazards[0].attachments.map((a: any) => a.id).sort()).toEqual([fileId, other].sort());
    expect(detail.hazards[0].attachments[0]).toMatchObject({ mime: expect.stringMatching(/^image\//), size: expect.any(Number) });

    // Served to staff who may see the hazard, stripped of GPS and camera; 404 elsewhere.
    const file = await (await as('lk_lead')).get(`/api/hazards/${hazardId}/attachments/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(file.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(file.rawPayload.includes(Buffer.from(PHOTO_MARKS.description))).toBe(false);
    expect((await (await as('cs_intake')).get(`/api/hazards/${hazardId}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await (await as('zf_intake')).get(`/api/hazards/${hazardId}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await (await as('lk_lead')).get(`/api/hazards/${hazardId}/attachments/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await (await as('lk_lead')).get(`/api/hazards/${hazardId}/attachments/nope`)).statusCode).toBe(400);

    // An attached file is taken: no second hazard, no tip may claim it; not the tip attachment route either.
    const tip = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ attachmentIds: [fileId] }) });
    expect(tip.statusCode).toBe(422);
    const [{ tip_id: tipId, hazard_id: owner }] = await t.db.query<{ tip_id: number | null; hazard_id: number }>('select tip_id, hazard_id from uploads where id = $1', [fileId]);
    expect({ tipId, owner: Number(owner) }).toEqual({ tipId: null, owner: hazardId });
    // No longer pending: the stale-upload sweep leaves it, and the quota does not count it.
    await t.db.query(`update uploads set created_at = now() - interval '3 days' where id = $1`, [fileId]);
    await removeStaleUploads(t.db, t.dataDir, 1);
    expect((await (await as('lk_lead')).get(`/api/hazards/${hazardId}/attachments/${fileId}`)).statusCode).toBe(200);
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from uploads where tip_id is null and hazard_id is null and id = any($1::uuid[])`, [[fileId, other]]);
    expect(n).toBe(0);
  });

  it('records a penalty as the enforcement record: the ledger, its Excel and both period figures count it once; bad input, roles and scope refused', async () => {
    const market = await as('lk_market_regulation');
    const docNo = '龙市监罚〔2026〕12号';
    const bad = [
      { action: 'penalty', docNo, fineYuan: 0, note: '虚假宣传' },
      { action: 'penalty', docNo, fineYuan: -5, note: '虚假宣传' },
      { action: 'penalty', docNo, fineYuan: '5000', note: '虚假宣传' },
      { action: 'penalty', docNo, fineYuan: 1e11, note: '虚假宣传' },
      { action: 'penalty', docNo, fineYuan: 50.005, note: '虚假宣传' },
      { action: 'penalty', docNo, fineYuan: 5000 },
      { action: 'penalty', fineYuan: 5000, note: '虚假宣传' },
      { action: 'penalty', docNo: '罚', fineYuan: 5000, note: '虚假宣传' },
      { action: 'penalty', docNo, fineYuan: 5000, note: '罚' },
      { action: 'penalty', docNo, fineYuan: 5000, note: '虚假宣传', extra: 1 },
    ];
    for (const b of bad) expect((await act(market, hazardId, b)).statusCode, JSON.stringify(b)).toBe(400);
    const penalty = { action: 'penalty', docNo, fineYuan: 5000, note: '虚假宣传' };
    expect((await act(await as('yt_viewer'), hazardId, penalty)).statusCode).toBe(403);
    // Campaign offices coordinate; they do not fine (the enforcement rule, the same on both routes).
    expect((await act(await as('lk_lead'), hazardId, penalty)).statusCode).toBe(403);
    expect((await act(await as('cs_market_regulation'), hazardId, penalty)).statusCode).toBe(404);
    const decision = json(await market.upload(Buffer.from('%PDF-1.4\n%处罚决定书\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'decision.pdf', 'application/pdf')).id;
    // Recorded at any stage (here after the report of rectification), with the decision's file.
    expect(json(await act(market, hazardId, { ...penalty, attachmentIds: [decision] }))).toEqual({ id: hazardId, status: 'rectified' });
    // One penalty per hazard: a second one, by this route or the enforcement one, is refused and writes nothing.
    const again = await act(market, hazardId, { ...penalty, docNo: '龙市监罚〔2026〕13号', fineYuan: 3000 });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.fields).toEqual([{ path: 'hazardId', message: '该隐患已记录行政处罚决定' }]);
    const direct = await market.post('/api/enforcement', { kind: 'penalty_decision', docNo: '龙市监罚〔2026〕14号', subjectId, hazardId, issuedOn: chinaToday(), fineFen: 100, summary: '虚假宣传罚款' });
    expect(direct.statusCode).toBe(409);
    const records = await t.db.query<{ kind: string; fine_fen: string; hazard_id: string; subject_id: string; doc_no: string }>(
      'select kind, fine_fen, hazard_id, subject_id, doc_no from enforcement_records where hazard_id = $1', [hazardId],
    );
    expect(records.map((r) => ({ ...r, fine_fen: Number(r.fine_fen), hazard_id: Number(r.hazard_id), subject_id: Number(r.subject_id) })))
      .toEqual([{ kind: 'penalty_decision', fine_fen: 500_000, hazard_id: hazardId, subject_id: subjectId, doc_no: docNo }]);

    const lead = await as('lk_lead');
    const detail = json(await lead.get(`/api/subjects/${subjectId}`));
    expect(detail.hazards[0]).toMatchObject({ fineYuan: 5000, penaltyNote: `${docNo}：虚假宣传`, penalizedAt: expect.any(String) });
    expect(detail.hazards[0].attachments.map((a: any) => a.id)).toContain(decision);
    const row = json(await lead.get('/api/hazards')).items.find((h: any) => h.id === hazardId);
    expect(row.fineYuan).toBe(5000);

    const x = await lead.get('/api/hazards/export');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    // Rows 1–2 are the heading (title, region, period); the column names are row 3.
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    const col = headers.indexOf('罚没金额（元）') + 1;
    expect(col).toBeGreaterThan(0);
    const values: unknown[] = [];
    sheet.eachRow((r, i) => { if (i > 3 && r.getCell(2).value === '龙口市长寿堂保健品店') values.push(r.getCell(col).value); });
    expect(values).toEqual([5000]);

    // The period's figures: the screening summary and the enforcement figures both count this one penalty once.
    // The summary's year is the one of the penalty's day (its default `from` is the first of that year): the default
    // `to` is the day of the request, in the next year if the run crossed Beijing's New Year (16:00 UTC, 31 December).
    const [{ issued }] = await t.db.query<{ issued: string }>(`select to_char(issued_on, 'YYYY-MM-DD') as issued from enforcement_records where hazard_id = $1`, [hazardId]);
    const s = json(await lead.get(`/api/screening/summary?to=${issued}`));
    expect(s.from).toBe(`${issued.slice(0, 4)}-01-01`);
    expect(s.figures).toEqual(expect.arrayContaining([
      { indicator: 'admin_penalties', value: 1, unit: '次' }, { indicator: 'penalty_amount_yuan', value: 5000, unit: '元' },
    ]));
    const e = json(await market.get(`/api/enforcement?from=${s.from}&to=${s.to}`));
    expect(e.figures).toMatchObject({ admin_penalties: 1, penalty_amount_fen: 500_000 });
    expect(e.items).toEqual([expect.objectContaining({ kind: 'penalty_decision', hazardId, fineFen: 500_000, docNo })]);
    // And the dashboard's 打击 figures for the period read the same single record.
    const strike = json(await lead.get('/api/stats/overview?days=7')).strike;
    expect(strike).toMatchObject({ penalties: 1, penaltyFen: 500_000 });
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=hazard&entityId=${hazardId}&limit=50`));
    expect(audit.items.filter((a: any) => a.action === 'hazard.penalty_recorded')).toHaveLength(1);
  });

  it('says why a subject whose hazards are all crossed off keeps its grade, or that it is green again', async () => {
    const lead = await as('lk_lead');
    expect(json(await act(lead, hazardId, { action: 'verify' }))).toEqual({ id: hazardId, status: 'verified' });
    // The latest inspection still found false health claims: orange, and the file says so.
    let risk = json(await lead.get(`/api/subjects/${subjectId}`)).risk;
    expect(risk.grade).toBe('orange');
    expect(risk.note).toBe('1 个隐患已全部销号，但仍为橙色，因为：最近一次检查发现：宣称产品能治病等虚假宣传。再次检查未发现这些问题后，等级随之调整');
    // A clean re-inspection, but two tips name the shop: still orange, because of the tips.
    await (await as('lk_market_regulation')).post(`/api/subjects/${subjectId}/inspections`, { inspectedOn: inDays(0), inspectors: 2, checklist: {} });
    for (let i = 0; i < 2; i++) {
      await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ subject: { name: '龙口市长寿堂保健品店' }, description: `龙口市长寿堂保健品店说保健品能治病，第${i + 1}次反映。` }) });
    }
    risk = json(await lead.get(`/api/subjects/${subjectId}`)).risk;
    expect(risk.note).toBe('1 个隐患已全部销号，但仍为橙色，因为：被 2 条线索反映');
    const listed = json(await lead.get('/api/subjects?q=长寿堂')).items[0];
    expect(listed.riskNote).toBe(risk.note);
    // With the tips rejected as outside the campaign, it is green again, and says so.
    await t.db.query(`update tips set status = 'rejected' where description like '龙口市长寿堂保健品店%'`);
    risk = json(await lead.get(`/api/subjects/${subjectId}`)).risk;
    expect(risk).toMatchObject({ grade: 'green', note: '1 个隐患已全部销号，自动评级已恢复为绿色' });
  });

  it('the note in the pure function: only when every hazard is crossed off', () => {
    const today = '2026-11-26';
    const base: RiskFacts = { inspected: true, checklist: {}, hazards: [], tips: 0, tipsTrue: 0, cases: 0, override: null };
    const h = (status: string) => ({ category: 'safety', serious: false, status, deadline: '2026-12-01' });
    expect(assessRisk(base, today).note).toBeNull();
    expect(assessRisk({ ...base, hazards: [h('verified'), h('rectified')] }, today).note).toBeNull();
    expect(assessRisk({ ...base, hazards: [h('verified'), h('verified')], tipsTrue: 1, tips: 1 }, today).note).toBe('2 个隐患已全部销号，但仍为红色，因为：1 条反映该主体的线索经核查属实');
    expect(assessRisk({ ...base, inspected: false, checklist: null, hazards: [h('verified')] }, today).note).toBe('1 个隐患已全部销号；尚无检查记录，录入一次检查后评级');
    expect(assessRisk({ ...base, hazards: [h('verified')], override: { grade: 'yellow', reason: '持续关注' } }, today).note).toBe('1 个隐患已全部销号，自动评级已恢复为绿色；现为人工调整的黄色');
  });
});
