import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../db/client.ts';
import { createTestApp, inDays, json, validTip, type TestApp } from '../test/helpers.ts';
import { sweepDeadlines } from './deadlines.ts';

describe('deadline sweep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function dispatchedTip(days: number) {
    const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() }));
    const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]);
    const cookie = await t.login('lk_intake');
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie }, payload: { action: 'accept' } });
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie }, payload: { action: 'dispatch', leadUnitId: t.world.units.get('370681:police'), deadline: inDays(days), instructions: '请核查' } });
    return id;
  }
  const leadNotes = async (kind: string, tipId: number) =>
    (await t.db.query<{ n: number }>(
      `select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = 'lk_lead' and n.kind = $1 and n.tip_id = $2`,
      [kind, tipId],
    ))[0].n;

  it('flags overdue tips at read time and tells the office lead once, not on every run', async () => {
    const late = await dispatchedTip(3);
    const soon = await dispatchedTip(0.5);
    const fine = await dispatchedTip(10);
    await t.db.query(`update tips set deadline_at = now() - interval '1 hour' where id = $1`, [late]);
    await t.db.query(`update tip_assignments set deadline_at = now() - interval '1 hour' where tip_id = $1`, [late]);

    const cookie = await t.login('lk_intake');
    const overdue = json(await t.app.inject({ method: 'GET', url: '/api/tips?overdue=true&limit=100', headers: { cookie } })).items.map((i: any) => i.id);
    expect(overdue).toContain(late);
    expect(overdue).not.toContain(soon);
    expect(overdue).not.toContain(fine);
    expect(json(await t.app.inject({ method: 'GET', url: `/api/tips/${late}`, headers: { cookie } })).overdue).toBe(true);

    await sweepDeadlines(t.db);
    await sweepDeadlines(t.db);
    await sweepDeadlines(t.db);
    expect(await leadNotes('overdue', late)).toBe(1);
    expect(await leadNotes('due_soon', soon)).toBe(1);
    expect(await leadNotes('overdue', fine) + (await leadNotes('due_soon', fine))).toBe(0);
    // The police handler got the dispatch, not the overdue warnings.
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = 'lk_police' and n.kind = 'overdue'`);
    expect(n).toBe(0);

    // Once reported, a past deadline is no longer overdue.
    const police = await t.login('lk_police');
    await t.app.inject({ method: 'POST', url: `/api/tips/${late}/actions`, headers: { cookie: police }, payload: { action: 'sign' } });
    await t.app.inject({ method: 'POST', url: `/api/tips/${late}/actions`, headers: { cookie: police }, payload: { action: 'report', verdict: 'untrue', measures: ['risk_warning'], summary: '核查后未发现问题。' } });
    // A draft awaiting the unit lead is not yet a result: the deadline runs until the lead approves it.
    expect(json(await t.app.inject({ method: 'GET', url: `/api/tips/${late}`, headers: { cookie } })).overdue).toBe(true);
    await t.app.inject({ method: 'POST', url: `/api/tips/${late}/actions`, headers: { cookie: await t.login('lk_police_lead') }, payload: { action: 'approve_report' } });
    expect(json(await t.app.inject({ method: 'GET', url: `/api/tips/${late}`, headers: { cookie } })).overdue).toBe(false);
  });
  it('never tells the dispatching office of a tip that accuses it (data from before accused offices were routed above)', async () => {
    const late = await dispatchedTip(3);
    const soon = await dispatchedTip(0.5);
    const office = t.world.units.get('370681:campaign_office')!;
    await t.db.query(`update tips set accused_unit_ids = array[$2::bigint] where id = any($1::bigint[])`, [[late, soon], office]);
    await t.db.query(`update tips set deadline_at = now() - interval '1 hour', updated_at = now() where id = $1`, [late]);
    await sweepDeadlines(t.db);
    expect(await leadNotes('overdue', late)).toBe(0);
    expect(await leadNotes('due_soon', soon)).toBe(0);
  });
  /** The database, counting the statements a sweep sends. */
  const counting = () => {
    const c = { statements: 0, q: null as unknown as Queryable };
    c.q = { query: (sql, params) => (c.statements++, t.db.query(sql, params)), exec: (sql) => (c.statements++, t.db.exec(sql)) };
    return c;
  };

  it('sends each kind in one statement, however many tips are overdue', async () => {
    const ids = [await dispatchedTip(5), await dispatchedTip(5), await dispatchedTip(5), await dispatchedTip(5)];
    await t.db.query(`update tips set deadline_at = now() - interval '2 minutes' where id = any($1::bigint[])`, [ids]);
    const c = counting();
    const r = await sweepDeadlines(c.q);
    expect(r.overdue).toBeGreaterThanOrEqual(4);
    for (const id of ids) expect(await leadNotes('overdue', id)).toBe(1);
    // Read the watermark, overdue, due soon, record the watermark — not one insert per tip.
    expect(c.statements).toBeLessThanOrEqual(4);
  });

  it('looks only at what changed since the last run, and still catches a result returned after its deadline', async () => {
    const id = await dispatchedTip(5);
    const police = await t.login('lk_police');
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: police }, payload: { action: 'sign' } });
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: police }, payload: { action: 'report', verdict: 'untrue', measures: ['risk_warning'], summary: '核查后未发现问题。' } });
    await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: await t.login('lk_police_lead') }, payload: { action: 'approve_report' } });
    await sweepDeadlines(t.db);
    // The deadline passed long before this run while the result was under review (not overdue then)…
    await t.db.query(`update tips set deadline_at = now() - interval '2 hours', updated_at = now() - interval '2 hours' where id = $1`, [id]);
    await t.db.query(`update job_state set watermark = now() - interval '1 hour' where name = 'deadlines'`);
    expect((await sweepDeadlines(t.db)).overdue).toBe(0);
    // …then the office returns it: now it is overdue, and the office lead is told.
    const r = await t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie: await t.login('lk_lead') }, payload: { action: 'return', reason: '请补充核查' } });
    expect(r.statusCode).toBe(200);
    await sweepDeadlines(t.db);
    expect(await leadNotes('overdue', id)).toBe(1);
  });

  it('repeats a due-soon notice once on each new day', async () => {
    const id = await dispatchedTip(0.5);
    await sweepDeadlines(t.db);
    await sweepDeadlines(t.db);
    expect(await leadNotes('due_soon', id)).toBe(1);
    // As if that notice and the last run were yesterday.
    await t.db.query(`update notifications set dedupe_key = '2000-01-01' where kind = 'due_soon' and tip_id = $1`, [id]);
    await t.db.query(`update job_state set watermark = now() - interval '1 day' where name = 'deadlines'`);
    await sweepDeadlines(t.db);
    await sweepDeadlines(t.db);
    expect(await leadNotes('due_soon', id)).toBe(2);
  });
});
