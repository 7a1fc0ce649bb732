import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inDays, json, validTip, type TestApp } from '../../test/helpers.ts';
import { chinaToday } from '../../../shared/time.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { computeStats } from './engine.ts';

describe('GET /api/stats (indicator engine)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const get = async (user: string, qs: string) => t.app.inject({ method: 'GET', url: `/api/stats?${qs}`, headers: { cookie: await t.login(user) } });

  it('counts tips by region subtree and period, with links to the filtered tip list', async () => {
    const submit = (over: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip(over) });
    const today = chinaToday();
    await submit({ regionCode: '370681001', fraudTypes: ['elderly_product'] });
    await submit({ regionCode: '370681002', fraudTypes: ['elderly_service', 'elderly_project'] });
    await submit({ regionCode: '370602001', fraudTypes: ['elderly_product'] });
    // Received `today`: a run that crossed Beijing midnight (16:00 UTC) while submitting keeps them on that day (a no-op otherwise).
    await t.db.query(`update tips set received_at = ($1::date + 1)::timestamp at time zone 'Asia/Shanghai' - interval '1 second'
                      where received_at >= ($1::date + 1)::timestamp at time zone 'Asia/Shanghai'`, [today]);
    const lk = await t.login('lk_intake');
    const [{ id }] = await t.db.query<{ id: number }>(`select id from tips where region_code = '370681001'`);
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: lk }, payload: { action: 'accept' } });
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: lk }, payload: { action: 'dispatch', leadUnitId: t.world.units.get('370681:police'), deadline: inDays(2), instructions: '请核查' } });
    await t.db.query(`update tips set deadline_at = now() - interval '1 hour' where id = $1`, [id]);

    const cr = await get('lk_intake', `from=${today}&to=${today}`);
    if (cr.statusCode !== 200) console.log(cr.body);
    const county = json(cr);
    expect(county.region).toEqual({ code: '370681', name: '龙口市' });
    expect(Object.keys(county.figures).sort()).toEqual([...INDICATOR_KEYS].sort());
    expect(county.figures.tips_received).toMatchObject({ value: 2, unit: '条', source: 'recorded' });
    expect(county.figures.tips_overdue.value).toBe(1);
    expect(county.figures.tips_received.link).toBe(`/console/tips?regionCode=370681&from=${today}&to=${today}`);
    expect(county.figures.tips_overdue.link).toContain('overdue=true');
    // Strands that do not exist yet, and reported-only figures without reports: no data, never 0.
    for (const k of ['meetings', 'elderly_devices', 'other']) expect(county.figures[k], k).toEqual({ value: null, unit: expect.any(String), source: 'none' });
    // Supervision is a strand now (0031): no round yet is 0 rounds, recorded.
    expect(county.figures.supervision_rounds).toMatchObject({ value: 0, source: 'recorded' });

    const city = json(await get('yt_viewer', 'indicators=tips_received,tips_overdue&by=child'));
    expect(city.from).toBeNull();
    expect(city.figures.tips_received.value).toBe(3);
    const rows = Object.fromEntries(city.rows.map((r: any) => [r.key, r.figures.tips_received.value]));
    expect(rows['370681']).toBe(2);
    expect(rows['370602']).toBe(1);
    expect(city.rows.reduce((s: number, r: any) => s + r.figures.tips_received.value, 0)).toBe(3);

    // The nation's children are the provinces (they have no parent code; bench/stats found none listed).
    const nation = await computeStats(t.db, { unitRegionCode: '' }, { by: 'child', indicators: ['tips_received'] });
    expect(nation.region).toEqual({ code: '', name: '全国' });
    expect(nation.rows?.length).toBeGreaterThanOrEqual(31);
    expect(nation.rows?.find((r) => r.key === '37')).toMatchObject({ name: '山东省', figures: { tips_received: { value: 3 } } });

    const types = json(await get('lk_intake', 'indicators=tips_received&by=fraudType'));
    expect(types.rows.map((r: any) => [r.key, r.figures.tips_received.value])).toEqual([['elderly_service', 1], ['elderly_project', 1], ['elderly_product', 1]]);
    expect(types.rows[0].figures.tips_received.link).toContain('fraudType=elderly_service');

    // `to` defaults to the server's today: `today`, or the day after it if the run has crossed Beijing midnight since
    // the tips came in (a day that must then be listed, with none).
    const seen = [chinaToday()];
    const days = json(await get('lk_intake', `indicators=tips_received&by=day&from=${today}`));
    seen.push(chinaToday());
    const last = days.rows.at(-1)?.key;
    expect(seen).toContain(last);
    const keys = last === today ? [today] : [today, chinaToday(Date.parse(today) + 86400_000)];
    expect(days.rows).toEqual(keys.map((key, i) => ({ key, name: key, figures: { tips_received: expect.objectContaining({ value: i === 0 ? 2 : 0 }) } })));
  });

  it('computes the dashboard\'s rates from their parts, as docs/indicators.md defines them', async () => {
    // In 芝罘区 (which already holds one submitted tip): closed on time and satisfied, closed late and
    // dissatisfied, closed without a deadline and unrated, accepted, rejected.
    const plan = [
      `status = 'closed', closed_at = now(), deadline_at = now() + interval '1 day', rating_satisfied = true`,
      `status = 'closed', closed_at = now(), deadline_at = now() - interval '1 day', rating_satisfied = false`,
      `status = 'closed', closed_at = now()`,
      `status = 'accepted'`,
      `status = 'rejected', closed_at = now()`,
    ];
    for (const [i, set] of plan.entries()) {
      await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370602002', description: `芝罘区第${i + 1}条：保健品店以免费体检为名向老人推销高价保健品。` }) });
      await t.db.query(`update tips set ${set} where id = (select max(id) from tips where region_code = '370602002')`);
    }
    const rates = 'indicators=closure_rate_pct,on_time_rate_pct,satisfaction_rate_pct,recovery_rate_pct';
    const { figures } = json(await get('yt_viewer', `region=370602&${rates}`));
    expect(figures.closure_rate_pct).toMatchObject({ value: 75, unit: '%', parts: { numerator: 3, denominator: 4 } });
    expect(figures.on_time_rate_pct).toMatchObject({ value: 50, parts: { numerator: 1, denominator: 2 } });
    expect(figures.satisfaction_rate_pct).toMatchObject({ value: 50, parts: { numerator: 1, denominator: 2 } });
    // No case amounts: a rate over nothing is no number, and its parts say why.
    expect(figures.recovery_rate_pct).toMatchObject({ value: null, parts: { numerator: 0, denominator: 0 } });
    // The rollups and the direct count agree on rates and parts alike; 龙口市 (nothing closed) rates 0 of 1.
    const { computeStats } = await import('./engine.ts');
    const q = { region: '370602', indicators: ['closure_rate_pct', 'on_time_rate_pct', 'satisfaction_rate_pct'] as const };
    expect(await computeStats(t.db, { unitRegionCode: '3706' }, { ...q, indicators: [...q.indicators] }))
      .toEqual(await computeStats(t.db, { unitRegionCode: '3706' }, { ...q, indicators: [...q.indicators] }, { direct: true }));
    const lk = json(await get('lk_intake', rates));
    expect(lk.figures.closure_rate_pct).toMatchObject({ value: 0, parts: { numerator: 0, denominator: 1 } });
    expect(lk.figures.on_time_rate_pct.value).toBeNull();
  });

  it('knows when an indicator began after a change cancelled its first rolled-up day (环比 null only before any record)', async () => {
    // Two tips in 莱州市, received 5 and 20 January, compacted into the rollups; then the first moves away.
    for (const day of ['2026-01-05', '2026-01-20']) {
      await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370683001' }) });
      await t.db.query(`update tips set received_at = $1::date + time '10:00' where id = (select max(id) from tips where region_code = '370683001')`, [day]);
    }
    const { compactRollups, computeStats } = await import('./engine.ts');
    await compactRollups(t.db);
    await t.db.query(`update tips set region_code = '370602001' where id = (select min(id) from tips where region_code = '370683001')`);
    // February's first ten days against 22–31 January: the indicator had begun (20 January), so 环比 is 0, not "no data".
    const q = { region: '370683', from: '2026-02-01', to: '2026-02-10', indicators: ['tips_received' as const], compare: true };
    const rolled = await computeStats(t.db, { unitRegionCode: '37' }, q);
    expect(rolled.figures.tips_received).toMatchObject({ value: 0, previous: 0 });
    expect(rolled).toEqual(await computeStats(t.db, { unitRegionCode: '37' }, q, { direct: true }));
  });

  it('gives 排查主体 (counted from the records, not rolled up) a 环比 once inspections began, and none before', async () => {
    const [{ id: subject }] = await t.db.query<{ id: number }>(
      `insert into subjects (region_code, kind, name, normalized_name) values ('370685001', 'elderly_care_institution', '招远测试养老院', '招远测试养老院') returning id`);
    const unit = t.world.units.get('370681:police');
    const [{ id: user }] = await t.db.query<{ id: number }>(`select id from users where username = 'lk_police'`);
    await t.db.query(`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, created_by) values ($1, $2, '2026-02-10', 2, '{}', $3)`, [subject, unit, user]);
    const q = { region: '370685', indicators: ['entities_screened', 'inspections_person_times'] as const, compare: true };
    // February against January: inspections had begun by the end of January? No — null.
    const feb = await computeStats(t.db, { unitRegionCode: '' }, { ...q, indicators: [...q.indicators], from: '2026-02-01', to: '2026-02-28' });
    expect(feb.figures.entities_screened).toMatchObject({ value: 1, previous: null });
    // March against February: they had, so 0 screened in March against 1 in February.
    const mar = await computeStats(t.db, { unitRegionCode: '' }, { ...q, indicators: [...q.indicators], from: '2026-03-01', to: '2026-03-28' });
    expect(mar.figures.entities_screened).toMatchObject({ value: 0, previous: 1 });
    expect(mar.figures.inspections_person_times).toMatchObject({ value: 0, previous: 2 }); // two inspectors
  });

  it('counts 排查主体 for a period once per subject, whatever its inspections before, in and after the period (0038)', async () => {
    const unit = t.world.units.get('370681:police');
    const [{ id: user }] = await t.db.query<{ id: number }>(`select id from users where username = 'lk_police'`);
    const subject = async (days: string[]) => {
      const [{ id }] = await t.db.query<{ id: number }>(
        `insert into subjects (region_code, kind, name, normalized_name) values ('370686001', 'elderly_care_institution', '栖霞测试养老院', '栖霞测试养老院') returning id`);
      await t.db.query(`insert into inspections (subject_id, unit_id, inspected_on, inspectors, checklist, created_by) select $1, $2, d, 1, '{}', $3 from unnest($4::date[]) d`, [id, unit, user, days]);
      return id;
    };
    await subject(['2026-04-01', '2026-04-10', '2026-04-20']); // A: three days
    await subject(['2026-04-10', '2026-04-10']); // B: twice on one day
    const b = await subject(['2026-03-15']); // C: before, then moved into April below
    const count = async (from: string | undefined, to: string) => {
      const q = { region: '370686', from, to, indicators: ['entities_screened' as const] };
      const engine = await computeStats(t.db, { unitRegionCode: '' }, q);
      const direct = await computeStats(t.db, { unitRegionCode: '' }, q, { direct: true });
      expect(engine.figures.entities_screened.value, `${from}..${to}`).toBe(direct.figures.entities_screened.value);
      return engine.figures.entities_screened.value;
    };
    expect(await count('2026-04-10', '2026-04-20')).toBe(2); // A (its day on `from` and after), B
    expect(await count('2026-04-11', '2026-04-20')).toBe(1); // A only
    expect(await count('2026-04-02', '2026-04-09')).toBe(0);
    expect(await count('2026-03-01', '2026-04-30')).toBe(3);
    expect(await count(undefined, '2026-04-09')).toBe(2); // A and C
    await t.db.query(`update inspections set inspected_on = '2026-04-15' where subject_id = $1`, [b]);
    expect(await count('2026-04-11', '2026-04-20')).toBe(2); // A and C
    expect(await count('2026-03-01', '2026-03-31')).toBe(0);
    await t.db.query(`delete from inspections where subject_id = $1`, [b]);
    expect(await count('2026-04-11', '2026-04-20')).toBe(1);
  });

  it('refuses malformed queries with field paths, and regions outside the jurisdiction or unknown with 404', async () => {
    for (const [qs, path] of [
      ['from=2026-13-01', 'from'], ['to=yesterday', 'to'], ['indicators=tips_received,made_up', 'indicators'], ['by=year', 'by'],
      ['from=2026-03-02&to=2026-03-01', 'to'], ['region=37%25', 'region'], ['region=3706811', 'region'], ['indicators=', 'indicators'],
    ]) {
      const r = await get('lk_intake', qs);
      expect(r.statusCode, qs).toBe(400);
      expect(JSON.stringify(json(r).error.fields), qs).toContain(path);
    }
    expect((await get('lk_intake', 'region=370602')).statusCode).toBe(404); // a sibling county
    expect((await get('lk_intake', 'region=37')).statusCode).toBe(404); // above the jurisdiction
    expect((await get('sd_lead', 'region=379999')).statusCode).toBe(404); // unknown
    expect((await get('yt_viewer', 'region=370681')).statusCode).toBe(200);
    expect((await get('yt_viewer', 'by=day&from=2020-01-01&to=2026-01-01')).statusCode).toBe(400); // too many buckets
  });
});
