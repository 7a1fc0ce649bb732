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
    expect(county.byStatus.filter((s: any) => s.n)).toEqual([{ status: 'submitted', n: 1 }, { status: 'dispatched', n: 1 }]);
    expect(county.byStatus.map((s: any) => s.status)).toEqual(['submitted', 'accepted', 'dispatched', 'in_progress', 'reported', 'closing', 'closed', 'rejected', 'merged']);
    expect(county.byType).toEqual(expect.arrayContaining([{ fraudType: 'elderly_product', n: 1 }, { fraudType: 'elderly_service', n: 1 }, { fraudType: 'elderly_project', n: 1 }]));
    expect(county.daily).toHaveLength(7);
    expect(county.daily.reduce((s: number, d: any) => s + d.received, 0)).toBe(2);
    expect(county.overdueByRegion).toEqual([{ regionCode: '370681001', regionName: expect.any(String), n: 1 }]);

    const city = json(await t.app.inject({ method: 'GET', url: '/api/stats/overview', headers: { cookie: await t.login('yt_viewer') } }));
    expect(city.byStatus.reduce((s: number, x: any) => s + x.n, 0)).toBe(3);
    expect(city.overdueByRegion).toEqual([{ regionCode: '370681', regionName: '龙口市', n: 1 }]);
    for (const bad of ['0', '367', '1.5', 'abc', '-3', '7;drop table tips']) {
      expect((await t.app.inject({ method: 'GET', url: `/api/stats/overview?days=${encodeURIComponent(bad)}`, headers: { cookie: lk } })).statusCode, bad).toBe(400);
    }

    // A tip answered today counts as closed today (rejection closes it with its public answer).
    const [{ id: other }] = await t.db.query<{ id: number }>(`select id from tips where region_code = '370681002'`);
    await t.app.inject({ method: 'POST', url: `/api/tips/${other}/actions`, headers: { cookie: lk }, payload: { action: 'reject', reason: '不属于受理范围', publicAnswer: '您反映的问题不属于本专项受理范围。' } });
    const after = json(await t.app.inject({ method: 'GET', url: '/api/stats/overview?days=7', headers: { cookie: lk } }));
    expect(after.daily.reduce((s: number, d: any) => s + d.closed, 0)).toBe(1);
    expect(after.daily[after.daily.length - 1].closed).toBe(1);
  });
});

/**
 * The cards, rates and types follow the chosen period: each figure is recomputed here from the
 * tables with plain SQL (tips received in the period, in the county's subtree) and compared, for
 * several periods over tips spread across 100 days in every status.
 */
describe('dashboard figures per period', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts the tips received in the period, by status in workflow order, with the three rates', async () => {
    const lk = await t.login('lk_intake');
    const act = (id: number, payload: object) => t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: lk }, payload });
    const police = t.world.units.get('370681:police');
    // 16 tips: statuses cycle through the workflow; received 0..95 days ago; closures on time or late; ratings.
    for (let i = 0; i < 16; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370681001', fraudTypes: [i % 3 ? 'elderly_product' : 'elderly_service'] }) });
      expect(r.statusCode).toBe(201);
    }
    // One in another county: never counted for the county.
    await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370602001' }) });
    const ids = (await t.db.query<{ id: number }>(`select id from tips where region_code = '370681001' order by id`)).map((r) => r.id);
    for (const [i, id] of ids.entries()) {
      const step = i % 8;
      if (step === 1) await act(id, { action: 'reject', reason: '不属于受理范围', publicAnswer: '您反映的问题不属于本专项受理范围。' });
      if (step >= 2) expect((await act(id, { action: 'accept' })).statusCode).toBe(200);
      if (step >= 3) expect((await act(id, { action: 'dispatch', leadUnitId: police, deadline: inDays(5), instructions: '请核查' })).statusCode).toBe(200);
    }
    // Later stages written directly (the state machine is tested elsewhere): signed, reported, closed on time or late, rated.
    const at = (i: number) => ids[i];
    await t.db.query(`update tips set status = 'in_progress' where id = any($1::bigint[])`, [[at(4), at(12)]]);
    await t.db.query(`update tips set status = 'reported', reported_at = now() where id = any($1::bigint[])`, [[at(5), at(13)]]);
    await t.db.query(`update tips set status = 'closed', closed_at = deadline_at - interval '1 day' where id = any($1::bigint[])`, [[at(6), at(7), at(14)]]);
    await t.db.query(`update tips set status = 'closed', closed_at = deadline_at + interval '1 day' where id = $1`, [at(15)]);
    await t.db.query(`update tips set rating_satisfied = true, rated_at = now() where id = any($1::bigint[])`, [[at(6), at(14)]]);
    await t.db.query(`update tips set rating_satisfied = false, rated_at = now() where id = $1`, [at(7)]);
    // Spread receipt over 0..95 days back.
    for (const [i, id] of ids.entries()) await t.db.query(`update tips set received_at = now() - make_interval(days => $2) where id = $1`, [id, i * 6]);

    const seen = new Set<string>();
    for (const days of [1, 7, 30, 60, 90, 366]) {
      const o = json(await t.app.inject({ method: 'GET', url: `/api/stats/overview?days=${days}`, headers: { cookie: lk } }));
      const since = `((now() at time zone 'Asia/Shanghai')::date - ${days - 1})::timestamp at time zone 'Asia/Shanghai'`;
      const inPeriod = `region_code like '370681%' and received_at >= ${since}`;
      const [x] = await t.db.query<any>(
        `select to_char((now() at time zone 'Asia/Shanghai')::date - ${days - 1}, 'YYYY-MM-DD') as "from", count(*)::int as received,
                count(*) filter (where status = 'closed')::int as closed,
                count(*) filter (where status in ('accepted', 'dispatched', 'in_progress', 'reported', 'closed'))::int as accepted,
                count(*) filter (where status = 'closed' and closed_at <= deadline_at)::int as on_time,
                count(*) filter (where status = 'closed' and deadline_at is not null)::int as closed_with_deadline,
                count(*) filter (where rating_satisfied)::int as satisfied, count(rating_satisfied)::int as rated
         from tips where ${inPeriod}`,
      );
      const statuses = new Map((await t.db.query<{ status: string; n: number }>(`select status, count(*)::int as n from tips where ${inPeriod} group by 1`)).map((r) => [r.status, r.n]));
      const types = await t.db.query<{ fraudType: string; n: number }>(
        `select ft as "fraudType", count(*)::int as n from tips, unnest(fraud_types) ft where ${inPeriod} group by 1 order by 2 desc, 1`,
      );
      expect(o.period.from, `${days}`).toBe(x.from);
      expect(o.period.days).toBe(days);
      expect(o.received, `${days}`).toBe(x.received);
      expect(o.byStatus.reduce((s: number, r: any) => s + r.n, 0)).toBe(x.received);
      for (const r of o.byStatus) expect(r.n, `${days} ${r.status}`).toBe(statuses.get(r.status) ?? 0);
      expect(o.rates, `${days}`).toEqual({
        closure: { numerator: x.closed, denominator: x.accepted },
        onTime: { numerator: x.on_time, denominator: x.closed_with_deadline },
        satisfaction: { numerator: x.satisfied, denominator: x.rated },
      });
      expect(o.byType).toEqual(types);
      expect(o.daily).toHaveLength(days);
      expect(o.daily[0].day).toBe(x.from);
      expect(o.daily.reduce((s: number, d: any) => s + d.received, 0)).toBe(x.received);
      seen.add(JSON.stringify([o.received, o.byStatus, o.rates]));
    }
    // The periods really differ, and the longest one holds every tip of the county.
    expect(seen.size).toBeGreaterThanOrEqual(5);
    const all = json(await t.app.inject({ method: 'GET', url: '/api/stats/overview?days=366', headers: { cookie: lk } }));
    expect(all.received).toBe(16);
    expect(all.rates).toEqual({ closure: { numerator: 4, denominator: 12 }, onTime: { numerator: 3, denominator: 4 }, satisfaction: { numerator: 2, denominator: 3 } });
  });
});
