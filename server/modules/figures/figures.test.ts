import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../test/helpers.ts';

describe('reported figures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const post = async (user: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/figures/reported', headers: { cookie: await t.login(user) }, payload });

  it('stores a reviewed extraction for the office’s region; the city above sees it, a sibling county does not', async () => {
    const text = '截至目前，累计受理线索86条，排查养老机构215家，挽回经济损失350余万元。';
    const extracted = json(await t.app.inject({ method: 'POST', url: '/api/intel/extract-figures', headers: { cookie: await t.login('lk_intake') }, payload: { text } }));
    const figures = extracted.figures.map((f: any) => ({ ...f, value: f.indicator === 'tips_received' ? 88 : f.value })); // a correction
    const r = await post('lk_intake', { periodStart: '2026-01-01', periodEnd: '2026-06-30', source: 'summary', figures });
    expect(r.statusCode).toBe(201);
    expect(json(r).ids).toHaveLength(3);
    const city = json(await t.app.inject({ method: 'GET', url: '/api/figures/reported', headers: { cookie: await t.login('yt_viewer') } })).items;
    expect(city.map((f: any) => [f.indicator, f.value, f.regionCode])).toEqual(expect.arrayContaining([['tips_received', 88, '370681'], ['amount_recovered_yuan', 3500000, '370681']]));
    expect(city.find((f: any) => f.indicator === 'entities_screened').subject).toBe('养老机构');
    const sibling = json(await t.app.inject({ method: 'GET', url: '/api/figures/reported', headers: { cookie: await t.login('zf_intake') } })).items;
    expect(sibling).toEqual([]);
  });

  it('refuses bad figures and member units, storing nothing', async () => {
    const before = (await t.db.query<{ n: number }>('select count(*)::int as n from reported_figures'))[0].n;
    const ok = { indicator: 'meetings', value: 3, unit: '次' };
    for (const [user, payload, status] of [
      ['lk_intake', { periodStart: '2026-03-01', periodEnd: '2026-01-01', source: 'form', figures: [ok] }, 400],
      ['lk_intake', { periodStart: '2026-01-01', periodEnd: '2999-01-01', source: 'form', figures: [ok] }, 400],
      ['lk_intake', { periodStart: '2026-01-01', periodEnd: '2026-02-01', source: 'form', figures: [] }, 400],
      ['lk_intake', { periodStart: '2026-01-01', periodEnd: '2026-02-01', source: 'form', figures: [{ ...ok, indicator: 'made_up' }] }, 400],
      ['lk_intake', { periodStart: '2026-01-01', periodEnd: '2026-02-01', source: 'form', figures: [{ ...ok, value: -1 }] }, 400],
      ['lk_police', { periodStart: '2026-01-01', periodEnd: '2026-02-01', source: 'form', figures: [ok] }, 403],
    ] as [string, object, number][]) {
      expect((await post(user, payload)).statusCode, JSON.stringify(payload)).toBe(status);
    }
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from reported_figures'))[0].n).toBe(before);
  });
});
