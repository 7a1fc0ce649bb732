import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildApp } from './app.ts';
import { deriveKeys } from './crypto.ts';
import { openPostgres } from './db/client.ts';
import { runExclusive } from './jobs/runner.ts';
import { beginShutdown } from './lifecycle.ts';
import { isLoopback } from './plugins/observability.ts';
import { createTestApp, json, validTip, type TestApp } from './test/helpers.ts';

/** Issue 15 item 3: GET /metrics (Prometheus), GET /api/ready; health stays liveness. */
describe('metrics and readiness', () => {
  let t: TestApp;
  const TOKEN = 'metrics-token-0123456789';
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const metrics = (o: { remoteAddress?: string; authorization?: string } = {}) =>
    t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: o.remoteAddress, headers: o.authorization ? { authorization: o.authorization } : {} });
  /** The value of one sample line, or 0 when the series does not exist yet. */
  const sample = (body: string, series: string) => Number(body.split('\n').find((l) => l.startsWith(`${series} `))?.split(' ')[1] ?? 0);

  it('without a token, answers loopback addresses only', async () => {
    expect((await metrics()).statusCode).toBe(200);
    expect((await metrics({ remoteAddress: '::1' })).statusCode).toBe(200);
    expect((await metrics({ remoteAddress: '203.0.113.5' })).statusCode).toBe(403);
    expect((await metrics({ remoteAddress: '10.0.0.8' })).statusCode).toBe(403);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
  });

  it('with SHOUHU_METRICS_TOKEN, asks every caller for the bearer token', async () => {
    const dataDir = mkdtempSync(join(inject('tmpRoot'), 'data-'));
    const app = await buildApp({ db: t.db, keys: t.keys, dataDir, publicRateLimit: 100, metricsToken: TOKEN });
    try {
      const get = (remoteAddress: string, authorization?: string) => app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers: authorization ? { authorization } : {} });
      expect((await get('127.0.0.1')).statusCode).toBe(401);
      expect((await get('127.0.0.1', `Bearer ${TOKEN}x`)).statusCode).toBe(401);
      expect((await get('127.0.0.1', `Basic ${TOKEN}`)).statusCode).toBe(401);
      const ok = await get('203.0.113.5', `Bearer ${TOKEN}`);
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('counts requests by route pattern, never the URL; tips received and closed; group commits', async () => {
    const before = (await metrics()).body;
    const cookie = await t.login('lk_intake');
    expect((await t.app.inject({ method: 'GET', url: '/api/tips/987654', headers: { cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/no/such/thing?phone=13900001111' })).statusCode).toBe(404);
    const sent = await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip() });
    expect(sent.statusCode).toBe(201);
    const body = (await metrics()).body;
    expect(body).toContain('shouhu_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/tips/:id",status="404"}');
    expect(body).toContain('route="unmatched"');
    expect(body).not.toContain('987654');
    expect(body).not.toContain('13900001111');
    expect(body).not.toContain('/api/no/such');
    const received = 'shouhu_tips_received_total{source="portal"}';
    expect(sample(body, received) - sample(before, received)).toBe(1);
    expect(sample(body, 'shouhu_intake_batch_size_count') - sample(before, 'shouhu_intake_batch_size_count')).toBe(1);
    expect(body).toMatch(/^shouhu_tips_closed_total \d+$/m);
    expect(body).toMatch(/^shouhu_process_resident_memory_bytes \d+/m);
    if (t.db.kind === 'postgres') expect(body).toMatch(/shouhu_db_pool_connections\{pool="primary",state="total"\} [1-9]/);
  });

  it('counts and times job runs, and the ones another process held', async () => {
    const before = (await metrics()).body;
    await runExclusive(t.db, 'stats', async () => 1);
    await expect(runExclusive(t.db, 'grades', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const body = (await metrics()).body;
    const ran = 'shouhu_job_runs_total{job="stats",outcome="ran"}';
    expect(sample(body, ran) - sample(before, ran)).toBe(1);
    expect(sample(body, 'shouhu_job_runs_total{job="grades",outcome="failed"}')).toBeGreaterThanOrEqual(1);
    expect(body).toMatch(/shouhu_job_duration_seconds_count\{job="stats"\} [1-9]/);
    if (t.db.kind === 'postgres') {
      // Another session holds the job's lock: this process skips the run.
      await t.db.tx(async (q) => {
        await q.query('select pg_advisory_xact_lock(7701, 5)');
        expect(await runExclusive(t.db, 'stats', async () => 1)).toBeNull();
      });
      expect(sample((await metrics()).body, 'shouhu_job_runs_total{job="stats",outcome="skipped"}')).toBeGreaterThanOrEqual(1);
    }
  });

  it('health is liveness without a replica section; ready means the database answers and every migration ran', async () => {
    const h = json(await t.app.inject({ method: 'GET', url: '/api/health' }));
    expect(h.status).toBe('ok');
    expect(h).not.toHaveProperty('replica');
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(json(ready)).toEqual({ status: 'ready', pendingMigrations: 0 });

    const [{ name }] = await t.db.query<{ name: string }>('select name from schema_migrations order by name desc limit 1');
    await t.db.query('delete from schema_migrations where name = $1', [name]);
    const pending = await t.app.inject({ method: 'GET', url: '/api/ready' });
    await t.db.query('insert into schema_migrations (name) values ($1)', [name]);
    expect(pending.statusCode).toBe(503);
    expect(json(pending)).toEqual({ status: 'migrations_pending', pendingMigrations: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });

  it.runIf(inject('backend') === 'postgres')('ready is 503 when the database does not answer; server errors are counted by route', async () => {
    const url = new URL(t.databaseUrl!);
    url.port = '1';
    const db = openPostgres(url.toString(), 1);
    const dataDir = mkdtempSync(join(inject('tmpRoot'), 'data-'));
    const app = await buildApp({ db, keys: deriveKeys(randomBytes(32).toString('hex')), dataDir, publicRateLimit: 100 });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(json(res)).toEqual({ status: 'database_unreachable', pendingMigrations: 0 });
      // Health without its database: a server error (5xx), counted by route.
      const before = sample((await metrics()).body, 'shouhu_http_errors_total{method="GET",route="/api/health"}');
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBeGreaterThanOrEqual(500);
      expect(sample((await metrics()).body, 'shouhu_http_errors_total{method="GET",route="/api/health"}') - before).toBe(1);
    } finally {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // Last: the flag stays set for the rest of this file.
  it('ready is 503 once the process is shutting down; health still answers', async () => {
    beginShutdown();
    const res = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect(json(res).status).toBe('shutting_down');
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
