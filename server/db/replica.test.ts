import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { hmac } from '../crypto.ts';
import { createTestApp, json, type TestApp } from '../test/helpers.ts';
import { chinaToday } from '../../shared/time.ts';
import { WAL_COOKIE } from '../plugins/read-routing.ts';
import { openReadPool, replicaLag, replicaReads, READ_APPLICATION_NAME } from './replica.ts';

/**
 * Read routing with DATABASE_READ_URL (PostgreSQL only). Without a streaming replica here, the read
 * pool is a second, read-only pool on the same database: which pool served a request shows in the
 * pools' statement counts. The real replica (pg_basebackup, lag, a just-closed tip) is the cluster
 * acceptance test's.
 */
const onPostgres = inject('backend') === 'postgres';

describe.runIf(onPostgres)('reads from the read pool', () => {
  let t: TestApp;
  let cookie: string;
  // Every route marked reads: 'replica', with a request that succeeds for lk_lead.
  const routes: { method?: 'GET' | 'POST'; url: string | (() => string); payload?: object; status?: number }[] = [
    { url: '/api/stats/overview?days=7' },
    { url: '/api/stats?indicators=tips_received' },
    { url: '/api/screening/summary' },
    { url: '/api/cases/summary' },
    { url: '/api/publicity/summary' },
    { url: '/api/publicity/monitoring/summary' },
    { url: '/api/tips/export?status=submitted' },
    { url: '/api/subjects/export?regionCode=370681' },
    { url: '/api/hazards/export' },
    { url: '/api/cases/export' },
    { url: '/api/enforcement/export' },
    { url: '/api/publicity/activities/export' },
    { url: '/api/publicity/monitoring/export' },
    { url: '/api/evaluation/ranking/export' },
  ];
  const reads = () => t.readDb!.poolStats!().queries;
  const get = (url: string, extra = '') => t.app.inject({ method: 'GET', url, headers: { cookie: `${cookie}${extra}` } });

  beforeAll(async () => {
    t = await createTestApp({ readUrl: (url) => url });
    cookie = await t.login('lk_lead');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves dashboards, statistics and exports from the read pool; exports audit on the primary', async () => {
    for (const r of routes) {
      const before = reads();
      const res = await get(r.url as string);
      expect(res.statusCode, `${r.url}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(reads(), r.url as string).toBeGreaterThan(before);
    }
    const [{ n }] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_log where action like '%export%'");
    expect(n).toBeGreaterThanOrEqual(7);
  });

  it('generates a report reading the statistics from the read pool, and downloads it', async () => {
    const before = reads();
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', headers: { cookie }, payload: { kind: 'daily', regionCode: '370681', from: chinaToday() } });
    expect(res.statusCode, res.body).toBe(201);
    expect(reads()).toBeGreaterThan(before);
    const { id } = json<{ id: number }>(res);
    const walCookie = res.cookies.find((c) => c.name === WAL_COOKIE)!;
    for (const f of ['docx', 'xlsx']) {
      const file = await get(`/api/reports/${id}/${f}`, `; ${WAL_COOKIE}=${walCookie.value}`);
      expect(file.statusCode, file.body.slice(0, 200)).toBe(200);
    }
  });

  it('after a write, reads from the replica only once it has replayed the write, else from the primary', async () => {
    // A write (a staff POST that succeeds) leaves the primary's WAL position in a signed cookie.
    const w = await t.app.inject({ method: 'POST', url: '/api/reports', headers: { cookie }, payload: { kind: 'daily', regionCode: '370681', from: chinaToday() } });
    expect(w.statusCode).toBe(201);
    const wal = w.cookies.find((c) => c.name === WAL_COOKIE)!;
    expect(wal.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+\./);
    expect(wal).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });

    // Replayed (here: the same server, so at once): the read pool serves, after one position check.
    let before = reads();
    expect((await get('/api/stats/overview', `; ${WAL_COOKIE}=${wal.value}`)).statusCode).toBe(200);
    expect(reads() - before).toBeGreaterThan(1);

    // Not yet replayed (a position far ahead, signed as the server would): only the check runs on the
    // read pool; the request is served by the primary.
    const ahead = 'FFFFFFF/0';
    const signed = `${ahead}.${hmac(t.keys.lookupMac, `wal:${ahead}`)}`;
    before = reads();
    const primaryBefore = t.db.poolStats!().queries;
    expect((await get('/api/stats/overview', `; ${WAL_COOKIE}=${signed}`)).statusCode).toBe(200);
    expect(reads() - before).toBe(1);
    expect(t.db.poolStats!().queries - primaryBefore).toBeGreaterThan(1);

    // A forged position (bad signature) is ignored: the read pool serves.
    before = reads();
    expect((await get('/api/stats/overview', `; ${WAL_COOKIE}=${ahead}.forged`)).statusCode).toBe(200);
    expect(reads() - before).toBeGreaterThan(1);

    // A failed write leaves no position; reads and anonymous requests never get one.
    const bad = await t.app.inject({ method: 'POST', url: '/api/reports', headers: { cookie }, payload: { kind: 'nope' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.cookies.find((c) => c.name === WAL_COOKIE)).toBeUndefined();
    expect((await get('/api/stats/overview')).cookies.find((c) => c.name === WAL_COOKIE)).toBeUndefined();
  });

  it('everything else reads from the primary', async () => {
    const before = reads();
    for (const url of ['/api/tips', '/api/workbench', '/api/reports', '/api/auth/me']) expect((await get(url)).statusCode, url).toBe(200);
    expect(reads()).toBe(before);
  });

  it("the read pool is read-only and named 'shouhu-read' in pg_stat_activity", async () => {
    await expect(t.readDb!.query('create temp table x (a int)')).rejects.toMatchObject({ code: '25006' });
    const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where application_name = $1 and datname = current_database()', [READ_APPLICATION_NAME]);
    expect(n).toBeGreaterThan(0);
  });

  it('shows the lag in health and metrics: a server not in recovery is caught up', async () => {
    const h = json(await t.app.inject({ method: 'GET', url: '/api/health' }));
    expect(h.replica).toEqual({ state: 'primary', lagBytes: 0, lagSeconds: 0 });
    const m = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(m.statusCode).toBe(200);
    expect(m.body).toMatch(/shouhu_db_pool_connections\{pool="read",state="total"\} [1-9]/);
    expect(m.body).toMatch(/shouhu_replica_lag_bytes 0/);
    expect(m.body).toMatch(/shouhu_read_routing_total\{pool="primary",reason="behind"\} [1-9]/);
  });

  it('a replica that does not answer: reads fall back to the primary, health says unreachable', async () => {
    const url = new URL(t.databaseUrl!);
    url.port = '1';
    const down = openReadPool(url.toString(), 1);
    try {
      expect(await replicaLag(t.db, down)).toEqual({ state: 'unreachable', lagBytes: null, lagSeconds: null });
      expect(await replicaReads(t.db, down).query<{ n: number }>('select 1 as n')).toEqual([{ n: 1 }]);
    } finally {
      await down.close();
    }
  });
});
