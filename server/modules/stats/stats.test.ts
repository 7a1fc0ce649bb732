import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inDays, json, validTip, type TestApp } from '../../test/helpers.ts';

describe('dashboard overview', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts only the user’s jurisdiction, by status, type, day and overdue child region', async () => {
    const submit = (over: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip(over) });
    await submit({ regionCode: '370681001', fraudTypes: ['elderly_product'] });
    await submit({ regionCode: '370681002', fraudTypes: ['elderly_service', 'elderly_project'] });
    await submit({ regionCode: '370602001', fraudTypes: ['elderly_product'] }); // another county
    const lk = await t.login('lk_intake');
    const [{ id }] = await t.db.query<{ id: number }>(`select id from tips where region_code = '370681001'`);
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: lk }, payload: { action: 'accept' } });
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: lk }, payload: { action: 'dispatch', leadUnitId: t.world.units.get('370681:police'), deadline: inDays(2), instructions: '请核查' } });
    await t.db.query(`update tips set deadline_at = now() - interval '1 hour' where id = $1`, [id]);

    const county = json(await t.app.inject({ method: 'GET', url: '/api/stats/overview?days=7', headers: { cookie: lk } }));
    expect(county.byStatus).toEqual([{ status: 'dispatched', n: 1 }, { status: 'submitted', n: 1 }]);
    expect(county.byType).toEqual(expect.arrayContaining([{ fraudType: 'elderly_product', n: 1 }, { fraudType: 'elderly_service', n: 1 }, { fraudType: 'elderly_project', n: 1 }]));
    expect(county.daily).toHaveLength(7);
    expect(county.daily.reduce((s: number, d: any) => s + d.received, 0)).toBe(2);
    expect(county.overdueByRegion).toEqual([{ regionCode: '370681001', regionName: expect.any(String), n: 1 }]);

    const city = json(await t.app.inject({ method: 'GET', url: '/api/stats/overview', headers: { cookie: await t.login('yt_viewer') } }));
    expect(city.byStatus.reduce((s: number, x: any) => s + x.n, 0)).toBe(3);
    expect(city.overdueByRegion).toEqual([{ regionCode: '370681', regionName: '龙口市', n: 1 }]);
    expect((await t.app.inject({ method: 'GET', url: '/api/stats/overview?days=0', headers: { cookie: lk } })).statusCode).toBe(400);

    // A tip answered today counts as closed today (rejection closes it with its public answer).
    const [{ id: other }] = await t.db.query<{ id: number }>(`select id from tips where region_code = '370681002'`);
    await t.app.inject({ method: 'POST', url: `/api/tips/${other}/actions`, headers: { cookie: lk }, payload: { action: 'reject', reason: '不属于受理范围', publicAnswer: '您反映的问题不属于本专项受理范围。' } });
    const after = json(await t.app.inject({ method: 'GET', url: '/api/stats/overview?days=7', headers: { cookie: lk } }));
    expect(after.daily.reduce((s: number, d: any) => s + d.closed, 0)).toBe(1);
    expect(after.daily[after.daily.length - 1].closed).toBe(1);
  });
});
