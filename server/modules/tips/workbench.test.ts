import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newCase, inDays, json, validTip, type TestApp } from '../../test/helpers.ts';

/**
 * The workbench counts tips the user may see, like every other figure: its overdue count is the
 * number of visible overdue tips, the same set `/api/tips?overdue=true` lists. A unit whose
 * assignment a re-examination ended still sees the tip (canSeeTip), so it still counts it.
 */
describe('workbench', () => {
  let t: TestApp;
  let countyPolice: number, countyMarket: number;
  beforeAll(async () => {
    t = await createTestApp();
    countyPolice = t.world.units.get('370681:police')!;
    countyMarket = t.world.units.get('370681:market_regulation')!;
  });
  afterAll(() => t.close());

  const act = async (user: string, tipId: number, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/tips/${tipId}/actions`, headers: { cookie: await t.login(user) }, payload: body });
  const get = async (user: string, url: string) => json(await t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(user) } }));
  const ok = async (p: ReturnType<typeof act>) => expect((await p).statusCode).toBe(200);

  it('counts an overdue tip for a unit whose assignment was ended, as the list shows it', async () => {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370681001' }) }));
    const id = (await get('lk_intake', '/api/tips?status=submitted&limit=100')).items.find((i: any) => i.trackingCode === sub.trackingCode).id;
    await ok(act('lk_intake', id, { action: 'accept', fraudTypes: ['elderly_product'] }));
    await ok(act('lk_intake', id, { action: 'dispatch', leadUnitId: countyPolice, deadline: inDays(10), instructions: '请核查' }));
    await ok(act('lk_police', id, { action: 'sign' }));
    await ok(act('lk_police', id, { action: 'report', verdict: 'true', measures: ['case_filed'], case: newCase(), summary: '经查属实，已立案。' }));
    await ok(act('lk_police_lead', id, { action: 'approve_report' }));
    await ok(act('lk_intake', id, { action: 'close', publicAnswer: '经核查属实，公安机关已立案侦查。' }));
    // Re-examination ends the police's assignment; the tip goes to the market unit and falls overdue.
    const re = await t.app.inject({ method: 'POST', url: '/api/public/tips/reexamination', payload: { trackingCode: sub.trackingCode, accessKey: sub.accessKey, reason: '仍在营业，请再次核查' } });
    expect(re.statusCode).toBe(200);
    await ok(act('lk_intake', id, { action: 'dispatch', leadUnitId: countyMarket, deadline: inDays(10), instructions: '请再次核查' }));
    await t.db.query(`update tips set deadline_at = now() - interval '1 hour' where id = $1`, [id]);

    expect((await get('lk_police', `/api/tips/${id}`)).assignments.some((a: any) => a.unitId === countyPolice && !a.active)).toBe(true);
    for (const user of ['lk_police', 'lk_market_regulation', 'lk_intake', 'yt_intake', 'sd_intake']) {
      const bench = await get(user, '/api/workbench');
      const overdue = (await get(user, '/api/tips?overdue=true&limit=200')).items.map((i: any) => i.id);
      expect(overdue, user).toContain(id);
      expect(bench.overdue, user).toBe(overdue.length);
    }
  });

  it('lists, counts and pages a tip in an office’s queue outside its own subtree', async () => {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370681001' }) }));
    const [{ code }] = await t.db.query<{ code: string }>(`select code from regions where code like '3701%' and level = 3 order by code limit 1`);
    await t.db.query(`update tips set region_code = $2 where tracking_code = $1`, [sub.trackingCode, code]);
    const list = await get('lk_intake', '/api/tips?limit=1');
    expect(list.items[0].trackingCode).toBe(sub.trackingCode);
    // The next page starts after it, in the other branches.
    const next = await get('lk_intake', `/api/tips?limit=1&cursor=${list.nextCursor}`);
    expect(next.items[0].trackingCode).not.toBe(sub.trackingCode);
    expect((await get('lk_intake', '/api/tips?todo=to_accept&limit=200')).items.map((i: any) => i.trackingCode)).toContain(sub.trackingCode);
    const { todo } = await get('lk_intake', '/api/workbench');
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from tips where office_unit_id = $1 and status = 'submitted'`, [t.world.units.get('370681:campaign_office')]);
    expect(todo.toAccept).toBe(n);
  });

  it('has no total of visible tips (not exact and fast at a province’s scale)', async () => {
    const bench = await get('sd_intake', '/api/workbench');
    expect(Object.keys(bench).sort()).toEqual(['dueSoon', 'overdue', 'policeTransfers', 'todo', 'unreadNotifications']);
  });
});
