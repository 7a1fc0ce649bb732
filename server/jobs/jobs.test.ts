import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, validTip, type TestApp } from '../test/helpers.ts';
import { runExclusive } from './runner.ts';
import { sweepRetention } from './retention.ts';
import { sweepClusters } from './deadlines.ts';

describe('periodic jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('deletes idempotency keys after 7 days, ended sessions and stale login-throttle rows — nothing else', async () => {
    await t.db.query(
      `insert into idempotency_keys (key_hash, request_hash, response_enc, created_at) values
         ('old', 'r', 'x', now() - interval '8 days'), ('recent', 'r', 'x', now() - interval '6 days')`,
    );
    const cookie = await t.login('lk_intake'); // a live session, kept
    const userId = t.world.users.get('lk_intake')!;
    await t.db.query(
      `insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at) values
         ('expired', $1, now() - interval '13 hours', now() - interval '5 minutes', now() - interval '1 hour'),
         ('idle', $1, now() - interval '2 hours', now() - interval '31 minutes', now() + interval '10 hours')`,
      [userId],
    );
    await t.db.query(
      `insert into login_throttle (username_hash, failures, locked_until, updated_at) values
         ('stale', 2, null, now() - interval '2 days'),
         ('stale-lock-over', 5, now() - interval '1 day', now() - interval '2 days'),
         ('fresh', 3, null, now() - interval '1 hour'),
         ('locked', 5, now() + interval '10 minutes', now() - interval '25 hours')`,
    );
    expect(await sweepRetention(t.db)).toEqual({ idempotencyKeys: 1, sessions: 2, loginThrottle: 2, rateCounters: 0 });
    expect((await t.db.query<{ key_hash: string }>('select key_hash from idempotency_keys order by 1')).map((r) => r.key_hash)).toEqual(['recent']);
    expect((await t.db.query<{ username_hash: string }>('select username_hash from login_throttle order by 1')).map((r) => r.username_hash)).toEqual(['fresh', 'locked']);
    expect(await t.db.query(`select 1 from sessions where token_hash in ('expired', 'idle')`)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect(await sweepRetention(t.db)).toEqual({ idempotencyKeys: 0, sessions: 0, loginThrottle: 0, rateCounters: 0 });
  });

  it('runs a job in one process at a time on PostgreSQL', async () => {
    if (t.db.kind !== 'postgres') {
      // PGlite: one process owns the data directory, so the job simply runs.
      expect(await runExclusive(t.db, 'deadlines', async () => 'ran')).toBe('ran');
      return;
    }
    // Another process (another connection) is running the job: this one skips it without waiting.
    let ran = 0;
    await t.db.tx(async (q) => {
      await q.query('select pg_advisory_xact_lock(7701, 1)');
      expect(await runExclusive(t.db, 'deadlines', async () => ++ran)).toBeNull();
      expect(await runExclusive(t.db, 'retention', async () => 'other job')).toBe('other job');
    });
    expect(ran).toBe(0);
    // Two runs at once: exactly one does the work.
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve('ran'), 300));
    const results = await Promise.all([runExclusive(t.db, 'clusters', slow), runExclusive(t.db, 'clusters', slow)]);
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    // Once released, the next run goes ahead.
    expect(await runExclusive(t.db, 'clusters', slow)).toBe('ran');
  });

  it('counts a company again only when a tip naming it arrives, over its last 30 days', async () => {
    const submit = async (description: string) => {
      const sub = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ description }) }));
      return (await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [sub.trackingCode]))[0].id;
    };
    await sweepClusters(t.db);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await submit(`瑞丰颐年投资有限公司第${i}次被举报：以养老项目为名吸收资金，承诺保本保息。`));
    // Four tips: no cluster yet. They were received two hours ago, before the last run.
    expect(await sweepClusters(t.db)).toBe(0);
    await t.db.query(`update tips set received_at = now() - interval '2 hours' where id = any($1::bigint[])`, [ids]);
    await t.db.query(`update job_state set watermark = now() - interval '1 hour' where name = 'clusters'`);
    // A fifth tip naming it: the company is counted again with its four earlier tips.
    await submit('瑞丰颐年投资公司又来社区推销养老理财，说年化百分之十五。');
    expect(await sweepClusters(t.db)).toBe(1);
    const [note] = await t.db.query<{ text: string }>(`select text from notifications where kind = 'cluster' and text like '%瑞丰颐年%'`);
    expect(note.text).toMatch(/^5 条线索/);
    // Tips received before the last run are not looked at again: a cluster they alone would form is
    // found when the next tip naming it arrives, not by scanning every run.
    const old = [];
    for (let i = 0; i < 5; i++) old.push(await submit(`安泰康寿养老服务有限公司第${i}次被举报：收取高额会员费后失联。`));
    await t.db.query(`update tips set received_at = now() - interval '2 hours' where id = any($1::bigint[])`, [old]);
    await t.db.query(`update job_state set watermark = now() - interval '1 hour' where name = 'clusters'`);
    expect(await sweepClusters(t.db)).toBe(0);
  });
});
