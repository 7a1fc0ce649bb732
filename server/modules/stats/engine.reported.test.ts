import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from '../../test/helpers.ts';

/**
 * Reported figures through review into the engine (issue 11 item 2), and 环比 across a month boundary
 * in Beijing time. Each test uses its own region or period so they do not see each other's records.
 */
describe('reported figures in GET /api/stats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const as = async (user: string) => ({ cookie: await t.login(user) });
  const stats = async (user: string, qs: string) => {
    const r = await t.app.inject({ method: 'GET', url: `/api/stats?${qs}`, headers: await as(user) });
    expect(r.statusCode, r.body).toBe(200);
    return json(r);
  };
  const report = async (user: string, periodStart: string, periodEnd: string, figures: object[]) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/figures/reported', headers: await as(user), payload: { periodStart, periodEnd, source: 'form', figures } });
    expect(r.statusCode, r.body).toBe(201);
    return json(r).ids as number[];
  };
  const review = async (user: string, id: number, action: 'approve' | 'return', payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/figures/reported/${id}/${action}`, headers: await as(user), payload });

  it('counts a police unit’s figure only after the county office approves it: once at every level, beside a recorded value, never added', async () => {
    // One tip received in October in 龙口市 (the recorded value of tips_received).
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370681001' }) }));
    await t.db.query(`update tips set received_at = '2026-10-15T02:00:00Z' where tracking_code = $1`, [sub.trackingCode]);

    const [meetings, tips] = await report('lk_police', '2026-10-01', '2026-10-31', [
      { indicator: 'meetings', value: 5, unit: '次' },
      { indicator: 'tips_received', value: 7, unit: '条' },
    ]);
    const oct = 'from=2026-10-01&to=2026-10-31&indicators=meetings,tips_received';
    // Before approval: nowhere.
    for (const user of ['lk_intake', 'yt_viewer', 'sd_viewer']) {
      const s = await stats(user, oct);
      expect(s.figures.meetings, user).toEqual({ value: null, unit: '次', source: 'none' });
      expect(s.figures.tips_received, user).toMatchObject({ value: 1, source: 'recorded' });
      expect(s.figures.tips_received.reported, user).toBeUndefined();
    }
    expect((await stats('yt_viewer', `${oct}&by=child`)).rows.find((r: any) => r.key === '370681').figures.meetings.value).toBeNull();

    expect((await review('lk_intake', meetings, 'approve')).statusCode).toBe(200);
    expect((await review('lk_lead', tips, 'approve')).statusCode).toBe(200);
    for (const user of ['lk_intake', 'yt_viewer', 'sd_viewer']) {
      const s = await stats(user, oct);
      expect(s.figures.meetings, user).toEqual({ value: 5, unit: '次', source: 'reported' });
      expect(s.figures.tips_received, user).toMatchObject({ value: 1, source: 'recorded', reported: 7 });
    }
    const byChild = await stats('yt_viewer', `${oct}&by=child`);
    expect(byChild.rows.find((r: any) => r.key === '370681').figures.meetings.value).toBe(5);
    expect(byChild.rows.filter((r: any) => r.key !== '370681').every((r: any) => r.figures.meetings.value === null)).toBe(true);
    const sdChild = await stats('sd_viewer', `${oct}&by=child`);
    expect(sdChild.rows.find((r: any) => r.key === '3706').figures.meetings.value).toBe(5);
  });

  it('does not count a returned figure, nor one whose period is partly outside the query period', async () => {
    const [returned] = await report('lk_police', '2026-08-01', '2026-08-31', [{ indicator: 'beds', value: 40, unit: '张' }]);
    const [straddling] = await report('lk_police', '2026-08-20', '2026-09-10', [{ indicator: 'beds', value: 3, unit: '张' }]);
    const [inside] = await report('lk_police', '2026-08-02', '2026-08-30', [{ indicator: 'beds', value: 11, unit: '张' }]);
    expect((await review('lk_intake', returned, 'return', { reason: '数字有误' })).statusCode).toBe(200);
    expect((await review('lk_intake', straddling, 'approve')).statusCode).toBe(200);
    expect((await review('lk_intake', inside, 'approve')).statusCode).toBe(200);
    for (const user of ['lk_intake', 'sd_viewer']) {
      expect((await stats(user, 'from=2026-08-01&to=2026-08-31&indicators=beds')).figures.beds, user).toEqual({ value: 11, unit: '张', source: 'reported' });
      // A period that holds the straddling figure whole counts it.
      expect((await stats(user, 'from=2026-08-01&to=2026-09-30&indicators=beds')).figures.beds.value, user).toBe(14);
    }
  });

  it('环比: a tip received at 00:30 Beijing on 1 November is November’s; one at 23:30 on 31 October is the previous period’s', async () => {
    for (const at of ['2026-10-31T16:30:00Z', '2026-10-31T15:30:00Z', '2026-10-01T17:00:00Z']) {
      const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ regionCode: '370602001' }) }));
      await t.db.query(`update tips set received_at = $1 where tracking_code = $2`, [at, sub.trackingCode]);
    }
    // 2026-10-01T17:00Z is 2 October Beijing: the first day of the previous period (the 30 days before 1 November).
    const s = await stats('zf_intake', 'from=2026-11-01&to=2026-11-30&indicators=tips_received&compare=1');
    expect(s.figures.tips_received).toMatchObject({ value: 1, previous: 2 });
    const oct = await stats('zf_intake', 'from=2026-10-31&to=2026-10-31&indicators=tips_received');
    expect(oct.figures.tips_received.value).toBe(1);
    const nov1 = await stats('zf_intake', 'from=2026-11-01&to=2026-11-01&indicators=tips_received&compare=1');
    expect(nov1.figures.tips_received).toMatchObject({ value: 1, previous: 1 });
    // By day, Beijing days.
    const days = await stats('zf_intake', 'from=2026-10-31&to=2026-11-01&indicators=tips_received&by=day');
    expect(days.rows.map((r: any) => [r.key, r.figures.tips_received.value])).toEqual([['2026-10-31', 1], ['2026-11-01', 1]]);
  });
});
