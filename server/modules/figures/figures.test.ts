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
    // As the console sends them: the numeral's place in the pasted text (start, end) is for showing it, not stored.
    const figures = extracted.figures.map(({ start: _s, end: _e, ...f }: any) => ({ ...f, value: f.indicator === 'tips_received' ? 88 : f.value })); // a correction
    const r = await post('lk_intake', { periodStart: '2026-01-01', periodEnd: '2026-06-30', source: 'summary', figures });
    expect(r.statusCode).toBe(201);
    expect(json(r).ids).toHaveLength(3);
    const city = json(await t.app.inject({ method: 'GET', url: '/api/figures/reported', headers: { cookie: await t.login('yt_viewer') } })).items;
    expect(city.map((f: any) => [f.indicator, f.value, f.regionCode])).toEqual(expect.arrayContaining([['tips_received', 88, '370681'], ['amount_recovered_yuan', 3500000, '370681']]));
    expect(city.find((f: any) => f.indicator === 'entities_screened').subject).toBe('养老机构');
    const sibling = json(await t.app.inject({ method: 'GET', url: '/api/figures/reported', headers: { cookie: await t.login('zf_intake') } })).items;
    expect(sibling).toEqual([]);
  });

  it('refuses bad figures and roles that do not report, storing nothing', async () => {
    const before = (await t.db.query<{ n: number }>('select count(*)::int as n from reported_figures'))[0].n;
    const ok = { indicator: 'meetings', value: 3, unit: '次' };
    for (const [user, payload, status] of [
      ['lk_intake', { periodStart: '2026-03-01', periodEnd: '2026-01-01', source: 'form', figures: [ok] }, 400],
      ['lk_intake', { periodStart: '2026-01-01', periodEnd: '2999-01-01', source: 'form', figures: [ok] }, 400],
      ['lk_intake', { periodStart: '2026-01-01', periodEnd: '2026-02-01', source: 'form', figures: [] }, 400],
      ['lk_intake', { periodStart: '2026-01-01', periodEnd: '2026-02-01', source: 'form', figures: [{ ...ok, indicator: 'made_up' }] }, 400],
      ['lk_intake', { periodStart: '2026-01-01', periodEnd: '2026-02-01', source: 'form', figures: [{ ...ok, value: -1 }] }, 400],
      ['yt_viewer', { periodStart: '2026-01-01', periodEnd: '2026-02-01', source: 'form', figures: [ok] }, 403],
      ['yt_supervisor', { periodStart: '2026-01-01', periodEnd: '2026-02-01', source: 'form', figures: [ok] }, 403],
    ] as [string, object, number][]) {
      expect((await post(user, payload)).statusCode, JSON.stringify(payload)).toBe(status);
    }
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from reported_figures'))[0].n).toBe(before);
  });

  const act = async (user: string, id: number | string, action: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/figures/reported/${id}/${action}`, headers: { cookie: await t.login(user) }, payload });
  const list = async (user: string, qs = '') => {
    const r = await t.app.inject({ method: 'GET', url: `/api/figures/reported${qs}`, headers: { cookie: await t.login(user) } });
    expect(r.statusCode, r.body).toBe(200);
    return json(r).items as any[];
  };
  const audits = async (id: number) => t.db.query<{ action: string; detail: any }>(`select action, detail from audit_log where entity = 'reported_figures' and entity_id = $1 order by id`, [String(id)]);

  it('a member unit reports; the office of its region (or above) reviews; once reviewed it is final', async () => {
    const [id] = json(await post('lk_police', { periodStart: '2026-04-01', periodEnd: '2026-04-30', source: 'form', figures: [{ indicator: 'meetings', value: 4, unit: '次' }] })).ids;
    const mine = (await list('lk_police')).find((f) => f.id === id);
    expect(mine).toMatchObject({ status: 'submitted', regionCode: '370681', unitName: '龙口市公安局', reviewable: false, reviewNote: null });
    // Another member unit of the same county sees none of the police's figures.
    expect((await list('lk_market_regulation')).some((f) => f.id === id)).toBe(false);
    // The review queue: the county office and the city above; not the sibling county.
    expect((await list('lk_intake', '?status=submitted')).find((f) => f.id === id)?.reviewable).toBe(true);
    expect((await list('yt_lead', '?status=submitted')).some((f) => f.id === id)).toBe(true);
    expect((await list('zf_intake', '?status=submitted')).some((f) => f.id === id)).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/figures/reported?status=bogus', headers: { cookie: await t.login('lk_intake') } })).statusCode).toBe(400);

    expect((await act('zf_intake', id, 'approve')).statusCode).toBe(404); // another county's office
    expect((await act('lk_police', id, 'approve')).statusCode).toBe(403); // the reporter's own role
    expect((await act('lk_police_lead', id, 'return', { reason: '不对' })).statusCode).toBe(403);
    expect((await act('lk_intake', 99999999, 'approve')).statusCode).toBe(404);
    expect((await act('lk_intake', 'abc', 'approve')).statusCode).toBe(400);
    for (const reason of ['', ' 好 ', 'x'.repeat(201)]) expect((await act('lk_intake', id, 'return', { reason })).statusCode, reason).toBe(400);
    expect((await act('lk_intake', id, 'return', {})).statusCode).toBe(400);
    expect((await list('lk_intake')).find((f) => f.id === id).status).toBe('submitted'); // nothing changed

    const ok = await act('lk_intake', id, 'return', { reason: '请按月分开上报' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok)).toEqual({ id, status: 'returned' });
    expect((await act('yt_lead', id, 'approve')).statusCode).toBe(409);
    expect((await act('lk_lead', id, 'return', { reason: '再次退回' })).statusCode).toBe(409);
    expect((await list('lk_police')).find((f) => f.id === id)).toMatchObject({ status: 'returned', reviewNote: '请按月分开上报', reviewable: false });
    expect((await list('lk_intake', '?status=submitted')).some((f) => f.id === id)).toBe(false);
    expect((await list('lk_intake', '?status=returned')).some((f) => f.id === id)).toBe(true);
    expect(await audits(id)).toEqual([
      { action: 'figures.reported', detail: expect.objectContaining({ count: 1 }) },
      { action: 'figures.returned', detail: { reason: '请按月分开上报' } },
    ]);
  });

  it('an office’s own figures are reviewed by the office above, not by itself', async () => {
    const [id] = json(await post('lk_intake', { periodStart: '2026-04-01', periodEnd: '2026-04-30', source: 'form', figures: [{ indicator: 'meetings', value: 2, unit: '次' }] })).ids;
    expect((await list('lk_lead', '?status=submitted')).some((f) => f.id === id)).toBe(false);
    expect((await act('lk_lead', id, 'approve')).statusCode).toBe(404);
    expect((await list('yt_intake', '?status=submitted')).find((f) => f.id === id)?.reviewable).toBe(true);
    const [a, b] = await Promise.all([act('yt_lead', id, 'approve'), act('sd_lead', id, 'approve')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]); // two reviewers at once: one decides
    expect((await list('lk_lead')).find((f) => f.id === id).status).toBe('approved');
    expect((await audits(id)).map((x) => x.action)).toEqual(['figures.reported', 'figures.approved']);
  });
});
