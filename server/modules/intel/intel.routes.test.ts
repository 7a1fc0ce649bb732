import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from '../../test/helpers.ts';

describe('intelligence endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const post = async (url: string, payload: unknown, user?: string) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: user ? { cookie: await t.login(user) } : {} });

  it('analyzes a tip for staff, and shows the analysis on the tip for triage', async () => {
    const r = await post('/api/intel/analyze', { text: '福寿康养老服务有限公司让我母亲预交床位费3万元，电话13912345678，现在人去楼空。' }, 'lk_intake');
    expect(r.statusCode).toBe(200);
    const a = json(r);
    expect(a.fraudTypes[0].code).toBe('elderly_service');
    expect(a.redFlags.map((f: any) => f.code)).toContain('prepaid_fee');
    expect(a.entities.map((e: any) => e.kind)).toEqual(expect.arrayContaining(['organization', 'money', 'mobile']));
    const sub = json(await post('/api/public/tips', validTip()));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const detail = json(await t.app.inject({ method: 'GET', url: `/api/tips/${id}`, headers: { cookie: await t.login('lk_intake') } }));
    expect(detail.analysis.fraudTypes[0].code).toBe('elderly_product');
  });

  it('keeps staff corrections of the suggested types and exports them as labelled data', async () => {
    const sub = json(await post('/api/public/tips', validTip({ description: '有人上门说能帮我父亲补缴养老保险，收了五千元手续费后联系不上了。', fraudTypes: [] })));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const act = async (payload: object) => t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: await t.login('lk_intake') }, payload });
    // The clerk adds a type the analysis did not suggest: the pair is kept.
    expect((await act({ action: 'accept', fraudTypes: ['pension_insurance', 'elderly_assistance'] })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: '/api/intel/labelled-data', headers: { cookie: await t.login('lk_lead') } });
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ labels: ['pension_insurance', 'elderly_assistance'], suggested: ['pension_insurance'], source: 'staff correction' })]);
    expect(lines[0].text).toContain('补缴养老保险');
    const other = await t.app.inject({ method: 'GET', url: '/api/intel/labelled-data', headers: { cookie: await t.login('zf_lead') } });
    expect(other.body).toBe(''); // another county's lead gets none of this county's texts
  });

  it('checks a pitch for the public, storing nothing', async () => {
    const before = await t.db.query<{ n: number }>('select (select count(*) from tips) + (select count(*) from audit_log) as n');
    const r = await post('/api/public/scam-check', { text: '阿姨，这个养老项目保本保息，年化18%，名额有限，别告诉您儿子。' });
    expect(r.statusCode).toBe(200);
    const c = json(r);
    expect(c.riskLevel).toBe('high');
    expect(c.redFlags.every((f: any) => f.explain.length > 10)).toBe(true);
    expect(c.advice.join('')).toContain('96110');
    expect(r.headers['cache-control']).toBe('no-store');
    const after = await t.db.query<{ n: number }>('select (select count(*) from tips) + (select count(*) from audit_log) as n');
    expect(after).toEqual(before);
  });

  it('extracts figures from a pasted summary', async () => {
    const r = await post('/api/intel/extract-figures', { text: '一、工作开展情况\n截至目前，累计受理线索86条，办结79条，排查养老机构215家，挽回经济损失350余万元，X月召开推进会X次。' }, 'yt_viewer');
    expect(r.statusCode).toBe(200);
    const f = json(r);
    expect(f.figures.map((x: any) => [x.indicator, x.value])).toEqual([
      ['tips_received', 86], ['tips_closed', 79], ['entities_screened', 215], ['amount_recovered_yuan', 3500000],
    ]);
    expect(f.masked).toEqual(['X月召开推进会X次']);
  });

  it('answers bad input with clear errors, never a crash', async () => {
    for (const [payload, status] of [
      [{ text: '' }, 400],
      [{ text: '   ' }, 400],
      [{}, 400],
      [{ text: 42 }, 400],
      [{ text: 'a'.repeat(100_000) }, 400],
      [{ text: '保本', extra: 1 }, 400],
    ] as [object, number][]) {
      const r = await post('/api/public/scam-check', payload);
      expect(r.statusCode, JSON.stringify(payload).slice(0, 40)).toBe(status);
      expect(json(r).error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    for (const text of ['😀🙏😀 骗子', '<img src=x onerror=alert(1)> 保本保息', "'; DROP TABLE tips; --", 'Ελληνικά العربية 保健品']) {
      expect((await post('/api/public/scam-check', { text })).statusCode).toBe(200);
      expect((await post('/api/intel/analyze', { text }, 'lk_intake')).statusCode).toBe(200);
    }
    // 100 KB to a staff endpoint: the body limit passes it, the schema refuses it with a clear message.
    const big = await post('/api/intel/analyze', { text: '保'.repeat(100_000) }, 'lk_intake');
    expect(big.statusCode).toBe(400);
    expect(json(big).error.fields[0].path).toBe('text');
  });
});
