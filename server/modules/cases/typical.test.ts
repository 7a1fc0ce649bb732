import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/helpers.ts';
import { sql } from '../../db/client.ts';
import { idCheckChar } from '../../../shared/validators.ts';
import { chinaToday } from '../../../shared/time.ts';
import { maskForPublic, roughAmount, unmaskedFindings } from './mask.ts';

const ID = '37068119520315002' + idCheckChar('37068119520315002');

describe('masking a typical case for the public', () => {
  it('masks names after role words, ID numbers, phones, cards, addresses and amounts', () => {
    const m = maskForPublic(`被害人张桂芳（身份证号${ID}，电话13812345678）在龙口市东莱街道新民路12号被骗52000元，犯罪嫌疑人王某某称可退款。`);
    expect(m.text).toBe('被害人张某（身份证号******************，电话1**********）在某地被骗约5万元，犯罪嫌疑人王某某称可退款。');
    expect(m.masked).toBe(5);
    expect(unmaskedFindings(m.text)).toEqual([]);
    // Names run into the next word; nothing is a name without a word that introduces a person.
    expect(maskForPublic('受害人张三在社区被骗，被告人欧阳红说能退款').text).toBe('受害人张某在社区被骗，被告人欧某说能退款');
    expect(maskForPublic('骗走老人养老钱，嫌疑人王某某已到案').text).toBe('骗走老人养老钱，嫌疑人王某某已到案');
    // A number shaped like an ID but failing its check digit is left, and found before publishing.
    expect(unmaskedFindings(maskForPublic('号码370681195203150028').text)).toEqual(['身份证号码']);
    expect([roughAmount(99), roughAmount(380), roughAmount(5200), roughAmount(3_860_000), roughAmount(2.1e8)]).toEqual(['数十元', '数百元', '约5千元', '约386万元', '约2亿元']);
  });
});

describe('typical cases: written masked, published by a second person, withdrawn with a reason, read on the portal', () => {
  let t: TestApp;
  let caseId = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const police = await as('lk_police');
    caseId = json(await police.post('/api/cases', { caseNo: '龙公立字〔2026〕0900号', title: '保健品诈骗案', regionCode: '370681', origin: 'new', filedOn: chinaToday() })).id;
  });
  afterAll(() => t.close());

  async function as(user: string) {
    const cookie = await t.login(user);
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object }),
      put: (url: string, payload?: unknown) => t.app.inject({ method: 'PUT', url, headers: { cookie }, payload: payload as object }),
    };
  }
  const write = (over: Record<string, unknown> = {}) => ({
    caseId, title: '“免费讲座”卖保健品，骗走养老钱', fraudType: 'elderly_product',
    body: `2026年3月，被害人张桂芳（身份证号${ID}）在社区参加“免费健康讲座”，讲师称保健品能治高血压，张某先后花去52000元。`,
    recognise: '免费讲座、免费体检、送鸡蛋，再推销“包治百病”的保健品，就是骗局。',
    advice: '不要在讲座现场买东西；已付款的，保存好单据，拨打 110 或 12315。',
    ...over,
  });
  const publicGet = (url: string) => t.app.inject({ method: 'GET', url });

  it('masks on the way in; the writer cannot publish; a second lead publishes; the portal reads it; withdrawal is audited', async () => {
    const intake = await as('lk_intake');
    const r = await intake.post('/api/typical-cases', write());
    expect(r.statusCode, r.body).toBe(201);
    const { id, masked } = json(r);
    expect(masked).toBe(3);
    let tc = json(await intake.get(`/api/typical-cases/${id}`));
    expect(tc).toMatchObject({ status: 'draft', caseNo: '龙公立字〔2026〕0900号', reviewedBy: null });
    expect(tc.body).not.toContain(ID);
    expect(tc.body).not.toContain('张桂芳');
    expect(tc.body).toContain('约5万元');
    // Not on the portal before review.
    expect((await publicGet(`/api/public/typical-cases/${id}`)).statusCode).toBe(404);
    expect(json(await publicGet('/api/public/typical-cases')).items).toEqual([]);
    // Publishing is a lead's (403 to the writer's role), and never the writer's own.
    expect((await intake.post(`/api/typical-cases/${id}/publish`)).statusCode).toBe(403);
    const lead = await as('lk_lead');
    const own = json(await lead.post('/api/typical-cases', write({ title: '负责人自己撰写的案例' })));
    expect(json(await lead.post(`/api/typical-cases/${own.id}/publish`)).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('撰写人以外') });
    tc = json(await lead.post(`/api/typical-cases/${id}/publish`));
    expect(tc).toMatchObject({ status: 'published', reviewedBy: expect.any(String) });
    expect((await lead.post(`/api/typical-cases/${id}/publish`)).statusCode).toBe(409);

    const list = json(await publicGet('/api/public/typical-cases?fraudType=elderly_product'));
    expect(list.items.map((x: { id: number }) => x.id)).toEqual([id]);
    expect(json(await publicGet('/api/public/typical-cases?fraudType=house_for_pension')).items).toEqual([]);
    const pub = json(await publicGet(`/api/public/typical-cases/${id}`));
    expect(Object.keys(pub).sort()).toEqual(['advice', 'body', 'fraudType', 'id', 'publishedAt', 'recognise', 'title']);
    expect(JSON.stringify(pub)).not.toMatch(/龙公立字|张桂芳|\d{17}/);

    expect((await lead.post(`/api/typical-cases/${id}/withdraw`, {})).statusCode).toBe(400);
    tc = json(await lead.post(`/api/typical-cases/${id}/withdraw`, { reason: '案件判决后发现情节有出入' }));
    expect(tc).toMatchObject({ status: 'withdrawn', withdrawReason: '案件判决后发现情节有出入' });
    expect((await publicGet(`/api/public/typical-cases/${id}`)).statusCode).toBe(404);
    expect((await lead.post(`/api/typical-cases/${id}/withdraw`, { reason: '再次撤回试试' })).statusCode).toBe(409);
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=case&entityId=${caseId}`));
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['typical_case.written', 'typical_case.published', 'typical_case.withdrawn']));
    expect(audit.items.find((a: { action: string }) => a.action === 'typical_case.withdrawn').detail).toMatchObject({ reason: '案件判决后发现情节有出入' });
  });

  it('refuses publishing while an ID-like, mobile or card number remains; bad input and other jurisdictions', async () => {
    const intake = await as('lk_intake');
    const lead = await as('lk_lead');
    // Stored as written when the masker cannot tell it is an ID (bad check digit): publishing is refused on the field.
    const { id } = json(await intake.post('/api/typical-cases', write({ recognise: '对方自称工作人员，出示的证件号为 370681195203150028，要求转账。' })));
    const refused = await lead.post(`/api/typical-cases/${id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(json(refused).error).toMatchObject({ code: 'TYPICAL_CASE_UNMASKED', fields: [{ path: 'recognise', message: expect.stringContaining('身份证号码') }] });
    expect((await t.db.query<{ status: string }>(sql`select status from typical_cases where id = ${id}`))[0].status).toBe('draft');

    const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from typical_cases'))[0].n;
    const before = await count();
    for (const [name, body, path] of [
      ['short body', write({ body: '太短' }), 'body'],
      ['unknown fraud type', write({ fraudType: 'lottery' }), 'fraudType'],
      ['missing advice', write({ advice: undefined }), 'advice'],
      ['unknown field', { ...write(), status: 'published' }, ''],
    ] as const) {
      const r = await intake.post('/api/typical-cases', body);
      expect(r.statusCode, name).toBe(400);
      expect(json(r).error.fields.map((f: { path: string }) => f.path), name).toContain(path);
    }
    expect((await intake.post('/api/typical-cases', write({ caseId: 999999 }))).statusCode).toBe(404);
    const zf = await as('zf_intake');
    expect((await zf.post('/api/typical-cases', write())).statusCode).toBe(404);
    expect((await zf.get(`/api/typical-cases/${id}`)).statusCode).toBe(404);
    expect(json(await zf.get('/api/typical-cases')).total).toBe(0);
    expect((await (await as('zf_lead')).post(`/api/typical-cases/${id}/publish`)).statusCode).toBe(404);
    // A police handler reads cases but does not write for the public.
    expect((await (await as('lk_police')).post('/api/typical-cases', write())).statusCode).toBe(403);
    expect(await count()).toBe(before);
    expect((await publicGet('/api/public/typical-cases/abc')).statusCode).toBe(400);
  });

  it('edits a draft before publishing: masked again, the editor becomes the writer, audited; published is 409; others refused', async () => {
    const intake = await as('lk_intake');
    const lead = await as('lk_lead');
    const { id } = json(await intake.post('/api/typical-cases', write({ title: '待修改的典型案例' })));
    const { caseId: _c, ...edit } = write({ title: '修改后的典型案例标题', body: `被害人李秀英（电话13912345678）在讲座上被骗38600元，身份证号${ID}被冒用。` });
    // Bad input: nothing changes.
    for (const [name, body, path] of [
      ['short title', { ...edit, title: '短' }, 'title'],
      ['unknown fraud type', { ...edit, fraudType: 'lottery' }, 'fraudType'],
      ['the case may not change', { ...edit, caseId }, ''],
      ['oversized body', { ...edit, body: '长'.repeat(5001) }, 'body'],
    ] as const) {
      const r = await intake.put(`/api/typical-cases/${id}`, body);
      expect(r.statusCode, name).toBe(400);
      expect(json(r).error.fields.map((f: { path: string }) => f.path), name).toContain(path);
    }
    expect(json(await intake.get(`/api/typical-cases/${id}`)).title).toBe('待修改的典型案例');
    // Roles and jurisdiction: a police handler 403, another county 404, a viewer 403.
    expect((await (await as('lk_police')).put(`/api/typical-cases/${id}`, edit)).statusCode).toBe(403);
    expect((await (await as('zf_intake')).put(`/api/typical-cases/${id}`, edit)).statusCode).toBe(404);
    expect((await (await as('yt_viewer')).put(`/api/typical-cases/${id}`, edit)).statusCode).toBe(403);

    // The lead edits: masked again, and the lead is now the writer — so the lead may no longer publish it.
    const edited = json(await lead.put(`/api/typical-cases/${id}`, edit));
    expect(edited).toMatchObject({ title: '修改后的典型案例标题', status: 'draft', writtenBy: { name: expect.any(String) } });
    expect(edited.body).not.toMatch(/李秀英|13912345678|\d{17}/);
    expect(edited.body).toContain('约4万元');
    expect((await lead.post(`/api/typical-cases/${id}/publish`)).statusCode).toBe(403);
    // Intake edits it back into its words; then the lead (a second person) publishes it.
    expect(json(await intake.put(`/api/typical-cases/${id}`, { ...edit, title: '再次修改的典型案例' })).title).toBe('再次修改的典型案例');
    expect(json(await lead.post(`/api/typical-cases/${id}/publish`)).status).toBe('published');
    const late = await intake.put(`/api/typical-cases/${id}`, { ...edit, title: '发布后再改' });
    expect(late.statusCode).toBe(409);
    // Withdrawn, it can be edited again and goes back to draft (to be reviewed anew).
    expect((await lead.post(`/api/typical-cases/${id}/withdraw`, { reason: '案情需要更正' })).statusCode).toBe(200);
    expect(json(await intake.put(`/api/typical-cases/${id}`, { ...edit, title: '撤回后更正的案例' }))).toMatchObject({ status: 'draft', reviewedBy: null, publishedAt: null });
    const audit = json(await (await as('sd_auditor')).get(`/api/audit?entity=case&entityId=${caseId}&action=typical_case.edited`));
    expect(audit.items).toHaveLength(3);
    expect(audit.items.at(-1).detail).toMatchObject({ typicalCaseId: id, from: 'draft', changed: ['title', 'body'] });
  });

  it('pages the portal list with its total, newest first, by fraud type', async () => {
    const lead = await as('lk_lead');
    const intake = await as('lk_intake');
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = json(await intake.post('/api/typical-cases', write({ title: `分页测试案例第${i + 1}个`, fraudType: 'house_for_pension' })));
      expect((await lead.post(`/api/typical-cases/${id}/publish`)).statusCode).toBe(200);
      ids.push(id);
    }
    const page1 = json(await publicGet('/api/public/typical-cases?fraudType=house_for_pension&pageSize=2'));
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const page2 = json(await publicGet('/api/public/typical-cases?fraudType=house_for_pension&pageSize=2&page=2'));
    expect([...page1.items, ...page2.items].map((x: { id: number }) => x.id)).toEqual([...ids].reverse());
    expect(json(await publicGet('/api/public/typical-cases')).pageSize).toBe(10);
    for (const q of ['pageSize=51', 'pageSize=0', 'page=0', 'page=abc', 'fraudType=lottery']) {
      expect((await publicGet(`/api/public/typical-cases?${q}`)).statusCode, q).toBe(400);
    }
  });
});
