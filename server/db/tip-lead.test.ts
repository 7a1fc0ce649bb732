import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newCase, inDays, json, validTip, type TestApp } from '../test/helpers.ts';

/** tips.lead_unit_id / lead_dispatcher_unit_id (migration 0008) follow every step of a tip's life. */
describe('the current lead kept on the tip', () => {
  let t: TestApp;
  let cityOffice: number, countyOffice: number, countyPolice: number, countyMarket: number;
  beforeAll(async () => {
    t = await createTestApp();
    cityOffice = t.world.units.get('3706:campaign_office')!;
    countyOffice = t.world.units.get('370681:campaign_office')!;
    countyPolice = t.world.units.get('370681:police')!;
    countyMarket = t.world.units.get('370681:market_regulation')!;
  });
  afterAll(() => t.close());

  const act = async (user: string, tipId: number, body: object) => {
    const r = await t.app.inject({ method: 'POST', url: `/api/tips/${tipId}/actions`, headers: { cookie: await t.login(user) }, payload: body });
    expect(r.statusCode, r.body).toBe(200);
  };
  /** The stored columns, and what the deepest active lead assignment says they should be. */
  const lead = async (tipId: number) => {
    const [stored] = await t.db.query<{ unit: number | null; dispatcher: number | null }>(
      'select lead_unit_id as unit, lead_dispatcher_unit_id as dispatcher from tips where id = $1', [tipId]);
    const [derived] = await t.db.query<{ unit: number; dispatcher: number }>(
      `select unit_id as unit, dispatched_by_unit_id as dispatcher from tip_assignments
       where tip_id = $1 and active and role = 'lead' order by id desc limit 1`, [tipId]);
    expect(stored).toEqual(derived ?? { unit: null, dispatcher: null });
    return stored;
  };

  it('follows dispatch, re-dispatch, report, return, close and re-examination', async () => {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '3706' }) }));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    expect(await lead(id)).toEqual({ unit: null, dispatcher: null });
    await act('yt_intake', id, { action: 'accept' });
    expect(await lead(id)).toEqual({ unit: null, dispatcher: null });

    await act('yt_intake', id, { action: 'dispatch', leadUnitId: countyOffice, deadline: inDays(15), instructions: '请龙口市专项办组织核查' });
    expect(await lead(id)).toEqual({ unit: countyOffice, dispatcher: cityOffice });
    // Re-dispatch down the chain, with an assisting unit: the assistant never becomes the lead.
    await act('lk_intake', id, { action: 'dispatch', leadUnitId: countyPolice, assistingUnitIds: [countyMarket], deadline: inDays(10), instructions: '请公安局牵头核查' });
    expect(await lead(id)).toEqual({ unit: countyPolice, dispatcher: countyOffice });
    // Each assignment carries its tip's received_at, for a member unit's list in tip order.
    const [{ same }] = await t.db.query<{ same: boolean }>(
      'select bool_and(a.tip_received_at = t.received_at) as same from tip_assignments a join tips t on t.id = a.tip_id where a.tip_id = $1', [id]);
    expect(same).toBe(true);
    await t.db.query(`update tips set received_at = received_at - interval '3 days' where id = $1`, [id]);
    const [{ still }] = await t.db.query<{ still: boolean }>(
      'select bool_and(a.tip_received_at = t.received_at) as still from tip_assignments a join tips t on t.id = a.tip_id where a.tip_id = $1', [id]);
    expect(still).toBe(true);

    await act('lk_police', id, { action: 'sign' });
    await act('lk_police', id, { action: 'report', verdict: 'partly_true', measures: ['admonition'], summary: '初步核查部分属实，已约谈。' });
    await act('lk_police_lead', id, { action: 'approve_report' });
    expect(await lead(id)).toEqual({ unit: countyPolice, dispatcher: countyOffice });
    await act('lk_lead', id, { action: 'return', reason: '核查不充分，请补充资金流向' });
    expect(await lead(id)).toEqual({ unit: countyPolice, dispatcher: countyOffice });
    await act('lk_police', id, { action: 'report', verdict: 'true', measures: ['case_filed'], case: newCase(), summary: '补充核查资金流向，已立案侦查。' });
    await act('lk_police_lead', id, { action: 'approve_report' });
    // The city dispatched it to the county: the county's closing waits for the city (上级审核).
    await act('lk_lead', id, { action: 'close', publicAnswer: '经核查，您反映的问题属实，已依法处理。' });
    await act('yt_lead', id, { action: 'approve_closure' });
    expect((await t.db.query<{ status: string }>('select status from tips where id = $1', [id]))[0].status).toBe('closed');
    // Closed: the assignment stays active (its history), so the lead stays as the lateral join saw it.
    expect(await lead(id)).toEqual({ unit: countyPolice, dispatcher: countyOffice });

    const r = await t.app.inject({ method: 'POST', url: '/api/public/tips/reexamination', payload: { trackingCode: sub.trackingCode, accessKey: sub.accessKey, reason: '涉事公司仍在营业，请再次核查' } });
    expect(r.statusCode).toBe(200);
    expect(await lead(id)).toEqual({ unit: null, dispatcher: null });
    // Dispatched again after the re-examination: the new chain.
    await act('yt_intake', id, { action: 'dispatch', leadUnitId: t.world.units.get('3706:police')!, deadline: inDays(15), instructions: '请市公安局复核' });
    expect(await lead(id)).toEqual({ unit: t.world.units.get('3706:police'), dispatcher: cityOffice });
  });

  it('agrees with the assignments for any change made directly in SQL', async () => {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() }));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    await act('lk_intake', id, { action: 'accept' });
    await act('lk_intake', id, { action: 'dispatch', leadUnitId: countyPolice, deadline: inDays(10), instructions: '请核查' });
    const [{ id: a }] = await t.db.query<{ id: number }>(`select id from tip_assignments where tip_id = $1`, [id]);
    await t.db.query(`update tip_assignments set unit_id = $2 where id = $1`, [a, countyMarket]);
    expect(await lead(id)).toEqual({ unit: countyMarket, dispatcher: countyOffice });
    await t.db.query(`update tip_assignments set role = 'assist' where id = $1`, [a]);
    expect(await lead(id)).toEqual({ unit: null, dispatcher: null });
    await t.db.query(`update tip_assignments set role = 'lead' where id = $1`, [a]);
    await t.db.query(`delete from notifications where tip_id = $1`, [id]);
    await t.db.query(`delete from tip_assignments where id = $1`, [a]);
    expect(await lead(id)).toEqual({ unit: null, dispatcher: null });
  });
});
