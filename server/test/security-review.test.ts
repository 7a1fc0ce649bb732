import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/client.ts';
import { chinaToday } from '../../shared/time.ts';
import { idCheckChar } from '../../shared/validators.ts';
import { maskForPublic, unmaskedFindings } from '../modules/cases/mask.ts';
import { createTestApp, inDays, json, multipart, photoWithLocation, validTip, type TestApp } from './helpers.ts';

/**
 * Defects found in the security review of the cases, publicity and upload strands (branch sec), each
 * shown failing first and fixed minimally. Nothing of a tip may reach a unit it accuses, by any route.
 */
describe('security review', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(user) } });
  const post = async (user: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie: await t.login(user) }, payload });
  const unit = (key: string) => t.world.units.get(key)!;

  it('an auditor of the office a tip accuses never reads its tracking code in the audit row of a case it was linked to', async () => {
    const marker = '审计泄露测试';
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ description: `${marker}：龙口市专项办有人收钱后对保健品讲座不闻不问。` }) }));
    const [{ id }] = await t.db.query<{ id: number }>(sql`select id from tips where tracking_code = ${sub.trackingCode}`);
    // The city office names the county office as accused: the tip moves to the city, which dispatches it to the county police.
    expect((await post('yt_intake', `/api/tips/${id}/actions`, { action: 'accept', accusedUnitIds: [unit('370681:campaign_office')] })).statusCode).toBe(200);
    const d = await post('yt_intake', `/api/tips/${id}/actions`, { action: 'dispatch', leadUnitId: unit('370681:police'), deadline: inDays(10), instructions: '请核查' });
    expect(d.statusCode, d.body).toBe(200);
    // The county police file a case and link the tip to it.
    const filed = await post('lk_police', '/api/cases', {
      caseNo: '龙公（经）立字〔2026〕0999号', title: '保健品讲座诈骗老人案', fraudTypes: ['elderly_product'], regionCode: '370681',
      origin: 'new', gang: false, filedOn: chinaToday(), trackingCodes: [],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const linked = await post('lk_police', `/api/cases/${json(filed).id}/links`, { trackingCodes: [sub.trackingCode] });
    expect(linked.statusCode, linked.body).toBe(200);

    // The county's auditor (of the accused office) reads the police's rows, but nothing naming the tip.
    const rows = await get('lk_auditor', '/api/audit?limit=200');
    expect(rows.statusCode).toBe(200);
    expect(json(rows).items.some((r: { action: string }) => r.action === 'case.linked'), 'the link row is in its jurisdiction').toBe(true);
    expect(rows.body, 'lk_auditor reads the accusing tip’s tracking code').not.toContain(sub.trackingCode);
    // The city's auditor, not accused, reads which tip was linked, by its tracking code.
    const city = json(await get('yt_auditor', '/api/audit?action=case.linked&limit=50')).items as { fields: { label: string; value: string }[] }[];
    expect(city.flatMap((r) => r.fields).some((f) => f.value.includes(sub.trackingCode))).toBe(true);
  });

  it('keeps a case’s figure totals exact: no total may pass the bound of one entry (fen, far below 2^53)', async () => {
    const filed = await post('lk_police', '/api/cases', {
      caseNo: '龙公（经）立字〔2026〕0998号', title: '投资理财诈骗老人案', fraudTypes: [], regionCode: '370681', origin: 'new', gang: false, filedOn: chinaToday(), trackingCodes: [],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = json(filed).id;
    const MAX = 100_000_000_000_000;
    const add = (value: number) => post('lk_police', `/api/cases/${id}/figures`, { kind: 'amount_involved', value, onDate: chinaToday() });
    expect((await add(MAX)).statusCode).toBe(201);
    // A second maximal entry would take the total past the bound; 91 of them past 2^53, where JSON numbers lose cents.
    const over = await add(MAX);
    expect(over.statusCode, over.body).toBe(400);
    expect(json(over).error.fields).toEqual([{ path: 'value', message: expect.stringContaining('合计') }]);
    const [{ entry }] = await t.db.query<{ entry: number }>(sql`select id as entry from case_figures where case_id = ${id}`);
    // A correction is bounded by the same rule (it replaces one entry, so it stays within it here).
    const corrected = await post('lk_police', `/api/cases/${id}/figures/${entry}/corrections`, { value: MAX - 1, reason: '核对后更正金额' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(json(corrected).total).toBe(MAX - 1);
    expect((await add(1)).statusCode).toBe(201);
    expect((await add(1)).statusCode).toBe(400);
    expect(json(await get('lk_police', `/api/cases/${id}`)).totals.amount_involved).toBe(MAX);
  });

  it('an activity holds at most 9 photos even when they are sent at once', async () => {
    const created = await post('lk_intake', '/api/publicity/activities', {
      regionCode: '370681', kind: 'lecture', title: '防范养老诈骗讲座', startDate: chinaToday(), coOrganisers: [], counts: {},
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = json(created).id;
    const cookie = await t.login('lk_intake');
    const photo = await photoWithLocation();
    const send = () => {
      const body = multipart(photo, 'p.jpg', 'image/jpeg');
      return t.app.inject({ method: 'POST', url: `/api/publicity/activities/${id}/photos`, headers: { cookie, ...body.headers }, payload: body.payload });
    };
    const codes = (await Promise.all(Array.from({ length: 12 }, send))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(9);
    expect(codes.filter((c) => c === 422)).toHaveLength(3);
    const [{ n }] = await t.db.query<{ n: number }>(sql`select count(*)::int as n from uploads where activity_id = ${id}`);
    expect(n).toBe(9);
  });

  it('only a campaign office publishes or withdraws a typical case, whatever roles a member unit’s account was given', async () => {
    const filed = await post('lk_police', '/api/cases', { caseNo: '龙公立字〔2026〕0997号', title: '保健品诈骗案', regionCode: '370681', origin: 'new', filedOn: chinaToday() });
    expect(filed.statusCode, filed.body).toBe(201);
    const written = await post('lk_intake', '/api/typical-cases', {
      caseId: json(filed).id, title: '“免费讲座”卖保健品', fraudType: 'elderly_product', body: '2026年3月，被害人在社区参加“免费健康讲座”，被推销保健品。',
      recognise: '免费讲座、免费体检、送鸡蛋，就是骗局。', advice: '不要在讲座现场买东西，拨打 110。',
    });
    expect(written.statusCode, written.body).toBe(201);
    // An administrator gave the police unit's lead the office lead's role: it sees the case (its own), but does not publish for the public.
    await t.db.query(sql`update users set roles = array['unit_lead', 'office_lead'] where username = 'lk_police_lead'`);
    const id = json(written).id;
    expect((await get('lk_police_lead', `/api/typical-cases/${id}`)).statusCode).toBe(200);
    expect((await post('lk_police_lead', `/api/typical-cases/${id}/publish`, {})).statusCode).toBe(403);
    expect((await post('lk_lead', `/api/typical-cases/${id}/publish`, {})).statusCode).toBe(200);
    expect((await post('lk_police_lead', `/api/typical-cases/${id}/withdraw`, { reason: '案件信息有误' })).statusCode).toBe(403);
  });
});

/** A typical case goes to the public: digits typed in full width (the Chinese IME's) or grouped with spaces are still found. */
describe('masking a typical case, whatever way the digits were typed', () => {
  const id = '37068119520315002' + idCheckChar('37068119520315002');
  const wide = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  it('masks full-width phone and ID numbers, and ID numbers in groups', () => {
    for (const text of [`电话${wide('13812345678')}`, `身份证号${wide(id)}`, `身份证号${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`]) {
      const m = maskForPublic(text);
      expect(m.masked, text).toBe(1);
      expect(m.text.replace(/[^0-9０-９]/g, ''), text).toBe(text.startsWith('电话') ? '1' : '');
    }
  });
  it('finds what is left before publishing', () => {
    expect(unmaskedFindings(`电话${wide('13812345678')}`)).toEqual(['手机号码']);
    expect(unmaskedFindings(`身份证号${wide(id)}`)).toEqual(['身份证号码']);
    expect(unmaskedFindings(`身份证号${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6, 14)} ${id.slice(14)}`)).toEqual(['身份证号码']);
    expect(unmaskedFindings('手机：138\u30001234\u30005678')).toEqual(['手机号码']);
    expect(unmaskedFindings('电话１３８－１２３４－５６７８')).toEqual(['手机号码']);
    // A card number (Luhn-valid) written in hyphenated groups.
    expect(unmaskedFindings('卡号6222-0212-3456-7890-128')).toEqual(['银行卡号']);
    // A date, an amount and a case number are not personal data.
    expect(unmaskedFindings('2026年3月15日，被骗52,000元，案号（2026）鲁0681刑初123号')).toEqual([]);
  });
});
